"""Pages of an unlicensed online lender that asks for card details up front."""

from fraudwatch.farm.content.page import Page

PAGES = {
    "ru": (
        Page("/", "Главная", "{brand} — деньги на карту за 5 минут", (
            "Займ до {max_loan} ₸ без справок и поручителей. Одобряем 99% заявок, "
            "даже с плохой кредитной историей.",
            "Первый займ под 0%! Далее — всего {daily}% в день.",
            "Доход подтверждать не нужно — только ИИН и банковская карта.",
        )),
        Page("/apply", "Получить займ", "Заявка на займ", (
            "Заполните анкету — решение за 2 минуты, деньги сразу на карту.",
            "Для проверки карты укажите её номер, срок действия и CVV-код. "
            "Мы спишем и сразу вернём 1 ₸.",
        ), form="loan"),
        Page("/conditions", "Условия", "Условия займа", (
            "При просрочке начисляется штраф 2% в день, долг передаётся коллекторам.",
        ), table=(
            ("Сумма", "Срок", "Ставка"),
            ("5 000 – 50 000 ₸", "5–15 дней", "0% первый займ"),
            ("50 000 – {max_loan} ₸", "до 30 дней", "{daily}% в день"),
        )),
        Page("/about", "О компании", "О компании {brand}", (
            "{brand} работает с 2019 года и выдал более 200 000 займов.",
            "Мы не банк, поэтому лицензия нам не нужна.",
        )),
        Page("/contacts", "Контакты", "Контакты", (
            "Горячая линия: {phone}. E-mail: {email}. Telegram: {telegram}.",
        )),
    ),
    "kk": (
        Page("/", "Басты бет", "{brand} — 5 минутта картаға ақша", (
            "Анықтамасыз және кепілгерсіз {max_loan} ₸ дейін несие. Өтінімдердің 99%-ын "
            "мақұлдаймыз, тіпті кредиттік тарихыңыз нашар болса да.",
            "Алғашқы несие 0%! Кейін — күніне небәрі {daily}%.",
            "Табысты растаудың қажеті жоқ — тек ЖСН және банк картасы.",
        )),
        Page("/apply", "Несие алу", "Несиеге өтінім", (
            "Сауалнаманы толтырыңыз — шешім 2 минутта, ақша бірден картаға.",
            "Картаны тексеру үшін оның нөмірін, мерзімін және CVV-кодын көрсетіңіз. "
            "Біз 1 ₸ шешіп, бірден қайтарамыз.",
        ), form="loan"),
        Page("/conditions", "Шарттар", "Несие шарттары", (
            "Мерзімі өтсе, күніне 2% айыппұл есептеледі, қарыз коллекторларға беріледі.",
        ), table=(
            ("Сома", "Мерзім", "Мөлшерлеме"),
            ("5 000 – 50 000 ₸", "5–15 күн", "алғашқы несие 0%"),
            ("50 000 – {max_loan} ₸", "30 күнге дейін", "күніне {daily}%"),
        )),
        Page("/about", "Компания туралы", "{brand} компаниясы туралы", (
            "{brand} 2019 жылдан бері жұмыс істейді және 200 000-нан астам несие берді.",
            "Біз банк емеспіз, сондықтан бізге лицензия қажет емес.",
        )),
        Page("/contacts", "Байланыс", "Байланыс", (
            "Жедел желі: {phone}. E-mail: {email}. Telegram: {telegram}.",
        )),
    ),
    "en": (
        Page("/", "Home", "{brand} — cash to your card in 5 minutes", (
            "Loans up to {max_loan} ₸ with no paperwork and no guarantors. We approve 99% "
            "of applications, even with a bad credit history.",
            "Your first loan is 0%! After that, only {daily}% a day.",
            "No proof of income — just your IIN and a bank card.",
        )),
        Page("/apply", "Get a loan", "Loan application", (
            "Fill in the form — a decision in 2 minutes, money straight to your card.",
            "To verify your card, enter its number, expiry date and CVV code. "
            "We charge 1 ₸ and refund it immediately.",
        ), form="loan"),
        Page("/conditions", "Conditions", "Loan conditions", (
            "Late payment costs 2% a day and the debt goes to collectors.",
        ), table=(
            ("Amount", "Term", "Rate"),
            ("5,000 – 50,000 ₸", "5–15 days", "0% first loan"),
            ("50,000 – {max_loan} ₸", "up to 30 days", "{daily}% a day"),
        )),
        Page("/about", "About", "About {brand}", (
            "{brand} has been lending since 2019 and has issued over 200,000 loans.",
            "We are not a bank, so we need no licence.",
        )),
        Page("/contacts", "Contacts", "Contacts", (
            "Hotline: {phone}. E-mail: {email}. Telegram: {telegram}.",
        )),
    ),
}
