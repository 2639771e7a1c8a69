"""Interface words shared by all pages: form fields, buttons and footer, per language."""

FORMS = {
    "register": ("phone", "email", "password", "promo"),
    "deposit": ("amount", "card_number", "card_expiry", "card_cvv"),
    "loan": ("iin", "full_name", "phone", "amount", "card_number", "card_expiry", "card_cvv"),
    "loan_licensed": ("iin", "full_name", "phone", "amount", "term", "consent"),
    "invest": ("plan", "amount", "wallet_from", "phone"),
    "calc": ("amount", "term"),
    "checkout": ("full_name", "phone", "address"),
    "booking": ("full_name", "email", "date"),
}

INPUT_TYPES = {
    "phone": "tel", "email": "email", "password": "password", "card_cvv": "password",
    "amount": "number", "term": "number", "date": "date", "consent": "checkbox",
}
PATTERNS = {
    "iin": "[0-9]{12}", "card_number": "[0-9 ]{16,19}", "card_expiry": "[0-9]{2}/[0-9]{2}",
    "card_cvv": "[0-9]{3}",
}
PLANS = ("Start", "Premium", "VIP")

WORDS = {
    "ru": {
        "phone": "Телефон", "email": "E-mail", "password": "Пароль", "promo": "Промокод",
        "amount": "Сумма, ₸", "card_number": "Номер карты", "card_expiry": "Срок действия (ММ/ГГ)",
        "card_cvv": "CVV/CVC-код", "iin": "ИИН (12 цифр)", "full_name": "ФИО", "term": "Срок",
        "consent": "Согласен на сбор и обработку персональных данных",
        "plan": "Тарифный план", "wallet_from": "Адрес вашего кошелька USDT",
        "address": "Адрес доставки", "date": "Дата",
        "submit_register": "Зарегистрироваться", "submit_deposit": "Пополнить",
        "submit_loan": "Получить деньги", "submit_loan_licensed": "Отправить заявку",
        "submit_invest": "Инвестировать", "submit_calc": "Рассчитать",
        "submit_checkout": "Оформить заказ", "submit_booking": "Забронировать",
        "partners": "Наши партнёры", "rights": "Все права защищены.",
        "noscript": "Для работы сайта включите JavaScript.",
        "download": "Скачать приложение",
    },
    "kk": {
        "phone": "Телефон", "email": "E-mail", "password": "Құпиясөз", "promo": "Промокод",
        "amount": "Сомасы, ₸", "card_number": "Карта нөмірі",
        "card_expiry": "Жарамдылық мерзімі (АА/ЖЖ)", "card_cvv": "CVV/CVC коды",
        "iin": "ЖСН (12 сан)", "full_name": "Аты-жөні", "term": "Мерзімі",
        "consent": "Дербес деректерді жинауға және өңдеуге келісемін",
        "plan": "Тарифтік жоспар", "wallet_from": "USDT әмияныңыздың мекенжайы",
        "address": "Жеткізу мекенжайы", "date": "Күні",
        "submit_register": "Тіркелу", "submit_deposit": "Толтыру",
        "submit_loan": "Ақша алу", "submit_loan_licensed": "Өтінім жіберу",
        "submit_invest": "Инвестиция салу", "submit_calc": "Есептеу",
        "submit_checkout": "Тапсырыс беру", "submit_booking": "Брондау",
        "partners": "Біздің серіктестер", "rights": "Барлық құқықтар қорғалған.",
        "noscript": "Сайт жұмыс істеуі үшін JavaScript қосыңыз.",
        "download": "Қосымшаны жүктеу",
    },
    "en": {
        "phone": "Phone", "email": "E-mail", "password": "Password", "promo": "Promo code",
        "amount": "Amount, ₸", "card_number": "Card number", "card_expiry": "Expiry (MM/YY)",
        "card_cvv": "CVV/CVC code", "iin": "IIN (12 digits)", "full_name": "Full name",
        "term": "Term", "consent": "I agree to the processing of my personal data",
        "plan": "Plan", "wallet_from": "Your USDT wallet address",
        "address": "Delivery address", "date": "Date",
        "submit_register": "Sign up", "submit_deposit": "Deposit",
        "submit_loan": "Get the money", "submit_loan_licensed": "Send application",
        "submit_invest": "Invest", "submit_calc": "Calculate",
        "submit_checkout": "Place order", "submit_booking": "Book",
        "partners": "Our partners", "rights": "All rights reserved.",
        "noscript": "Please enable JavaScript to use this site.",
        "download": "Download the app",
    },
}


def words(lang: str) -> dict[str, str]:
    """Interface words for `lang`; a mixed site shows Russian and Kazakh side by side."""
    if lang != "mixed":
        return WORDS[lang]
    return {key: f"{WORDS['ru'][key]} / {WORDS['kk'][key]}" for key in WORDS["ru"]}
