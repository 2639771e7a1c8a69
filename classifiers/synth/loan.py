"""Page kinds for fake online lenders and advance-fee loan scams (label: loan)."""

FAKE_LENDER = {
    "ru": [
        [
            "{brand} — займы онлайн без отказа",
            "Деньги на карту за {n} минут — {brand}",
            "{brand}: кредит наличными для всех",
            "Срочный займ до {amount} тенге в {brand}",
        ],
        [
            "Займ без отказа и без проверки кредитной истории.",
            "Одобряем всем, даже с плохой кредитной историей.",
            "100% одобрение, не проверяем кредитную историю.",
            "Выдаём деньги без отказа, даже с просрочками.",
        ],
        [
            "Для выдачи оплатите страховой взнос {small} тенге до получения займа.",
            "Перед зачислением внесите комиссию за оформление {small} тенге.",
            "Переведите предоплату за выдачу займа — {small} тенге.",
            "Чтобы получить деньги, оплатите страховку {small} тенге перед выдачей.",
        ],
        [
            "Введите ИИН и номер телефона.",
            "Пришлите фото удостоверения личности и селфи с документом.",
            "Укажите номер карты, срок действия и CVV для зачисления.",
            "Отправьте код из SMS оператору для подтверждения.",
        ],
        [
            "Кредит до {amount} тенге под 0,{small2}% в месяц.",
            "Сумма до {amount} тенге без процентов и переплат.",
            "Ставка всего 0,{small2}% — самая низкая в Казахстане.",
            "Без залога, без справок, без поручителей.",
        ],
        [
            "Пишите менеджеру в WhatsApp {phone}.",
            "Работаем круглосуточно по всему Казахстану.",
            "Деньги на карту любого банка.",
            "Оформление онлайн за {n} минут.",
        ],
    ],
    "kk": [
        [
            "{brand} — бас тартусыз онлайн несие",
            "{brand}: {n} минутта картаға ақша",
            "{brand} — барлығына несие",
            "{amount} теңгеге дейін жедел несие",
        ],
        [
            "Бас тартусыз және несие тарихын тексерусіз несие.",
            "Несие тарихы нашар болса да береміз.",
            "100% мақұлдау, несие тарихын тексермейміз.",
            "Бәріне бас тартусыз ақша береміз.",
        ],
        [
            "Несие алу үшін алдын ала төлем {small} теңге.",
            "Ақша аударар алдында алдын ала комиссия төлеңіз.",
            "Сақтандыру үшін алдын ала {small} теңге аударыңыз.",
            "Алдын ала төлемнен кейін ақша түседі.",
        ],
        [
            "ЖСН енгізіңіз және телефон нөмірін жазыңыз.",
            "Жеке куәліктің суретін WhatsApp арқылы жіберіңіз.",
            "Ақшаны алу үшін CVV кодын енгізіңіз.",
            "SMS кодын менеджерге жіберіңіз.",
        ],
        [
            "{amount} теңгеге дейін 0,{small2}% мөлшерлемемен.",
            "Пайызсыз және кепілсіз несие.",
            "Ең төмен мөлшерлеме 0,{small2}%.",
            "Анықтамасыз және кепілсіз.",
        ],
        [
            "WhatsApp арқылы жазыңыз: {phone}.",
            "Қазақстан бойынша тәулік бойы жұмыс істейміз.",
            "Кез келген банк картасына ақша.",
            "Онлайн рәсімдеу {n} минут.",
        ],
    ],
    "en": [
        [
            "{brand} — instant loans with no refusal",
            "Cash to your card in {n} minutes — {brand}",
            "{brand}: loans for everyone",
            "Urgent loans up to ${amount}",
        ],
        [
            "Guaranteed approval with no credit check.",
            "Bad credit OK, everyone is approved.",
            "No refusals and no credit history checks.",
            "100% approval even with overdue debts.",
        ],
        [
            "Pay a small insurance fee before the loan is released.",
            "An upfront fee of ${small} is required.",
            "You must pay the processing fee before we release the money.",
            "Advance payment secures your loan.",
        ],
        [
            "Enter your IIN and phone number.",
            "Send a photo of your ID card and a selfie with your passport.",
            "Enter the card number and CVV to receive funds.",
            "Send us the SMS code to confirm the transfer.",
        ],
        [
            "Borrow up to ${amount} at 0.{small2}% interest.",
            "Interest-free with no collateral.",
            "Rates from only 0.{small2}%.",
            "No paperwork, no guarantors.",
        ],
        [
            "Message our manager on WhatsApp {phone}.",
            "We work 24/7 across Kazakhstan.",
            "Money to any bank card.",
            "Apply online in {n} minutes.",
        ],
    ],
}

PRIVATE_LENDER = {
    "ru": [
        [
            "Частный займ от инвестора",
            "Помощь в получении кредита без отказа",
            "Частный кредитор {brand}",
            "Деньги в долг срочно",
        ],
        [
            "Помогу получить кредит без проверки кредитной истории.",
            "Даю в долг без отказа всем гражданам РК.",
            "Займы от частного лица с плохой кредитной историей.",
            "Одобрение 100% даже если везде отказали.",
        ],
        [
            "Требуется только предоплата за оформление документов.",
            "Перед выдачей оплатите комиссию нотариуса.",
            "Внесите страховой взнос {small} тенге до перевода денег.",
            "Оплата услуг только после одобрения, но до выдачи.",
        ],
        [
            "Пришлите фото паспорта и ИИН в Telegram.",
            "Продиктуйте код из SMS для подтверждения.",
            "Введите данные карты и CVV на странице оплаты.",
            "Нужен снимок удостоверения личности.",
        ],
    ],
    "kk": [
        [
            "Инвестордан жеке несие",
            "Бас тартусыз несие алуға көмек",
            "{brand} жеке несиегері",
            "Жедел қарызға ақша",
        ],
        [
            "Несие тарихын тексерусіз несие алуға көмектесемін.",
            "Бәріне бас тартусыз қарыз беремін.",
            "Несие тарихы нашар адамдарға жеке несие.",
            "Барлық жерде бас тартса да 100% мақұлдау.",
        ],
        [
            "Тек құжат рәсімдеуге алдын ала төлем.",
            "Ақша алу алдында алдын ала комиссия.",
            "Сақтандыруға алдын ала {small} теңге.",
            "Алдын ала төлемнен кейін ақша аударамыз.",
        ],
        [
            "Жеке куәліктің суретін және ЖСН Telegram-ға жіберіңіз.",
            "SMS кодын жіберіңіз.",
            "CVV кодын енгізіңіз.",
            "Куәлікпен селфи қажет.",
        ],
    ],
    "en": [
        [
            "Private loan from an investor",
            "Help getting a loan with no refusal",
            "Private lender {brand}",
            "Urgent money lending",
        ],
        [
            "I can get you a loan with no credit check.",
            "I lend to everyone, no refusals.",
            "Private loans for people with bad credit welcome.",
            "Guaranteed approval even if banks said no.",
        ],
        [
            "Only an upfront fee for paperwork is needed.",
            "Pay the notary fee before the loan is paid out.",
            "Pay an insurance deposit of ${small} before we release the funds.",
            "Advance fee required.",
        ],
        [
            "Send a photo of your passport and your IIN on Telegram.",
            "Send me the SMS code to confirm.",
            "Enter your card details and CVV on the payment page.",
            "A selfie with your ID is required.",
        ],
    ],
}

KINDS = {
    "loan_fake_lender": ("loan", "loan_scam", FAKE_LENDER),
    "loan_private": ("loan", "loan_scam", PRIVATE_LENDER),
}
