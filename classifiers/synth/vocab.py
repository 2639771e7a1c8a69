"""Slot vocabularies and page boilerplate: all names, places and numbers are invented."""

BRAND_HEADS = [
    "Alt",
    "Kaz",
    "Bay",
    "Nur",
    "Star",
    "Gold",
    "Lucky",
    "Nomad",
    "Sky",
    "Tenge",
    "Jet",
    "Aru",
    "Steppe",
    "Dala",
    "Orda",
    "Sun",
    "Vega",
    "Ural",
    "Mega",
    "Ton",
]
BRAND_TAILS = {
    "train": ["bet", "win", "fin", "cash", "invest", "pay", "play", "credit", "money"],
    "test": ["pro", "max", "club", "line", "hub"],
}
PROVIDERS = [
    "NetEnt",
    "Microgaming",
    "Pragmatic Play",
    "Play'n GO",
    "Playtech",
    "Yggdrasil",
    "Push Gaming",
    "Endorphina",
    "BGaming",
    "Quickspin",
    "Red Tiger",
    "Wazdan",
]
PROVIDER_HOSTS = ["pragmaticplay", "netent", "evolution", "playngo", "bgaming", "endorphina"]
TLDS = [".com", ".top", ".xyz", ".io", ".net", ".bet", ".club", ".online"]
TEAMS = ["Кайрат", "Астана", "Тобол", "Ордабасы", "Барыс", "Kairat", "Astana", "Tobol"]
CITIES = ["Алматы", "Астана", "Шымкент", "Караганда", "Актобе", "Павлодар", "Almaty", "Astana"]
BANKS = [
    "Demo Bank",
    "Altyn Demo Bank",
    "Steppe Savings Bank",
    "Dala Finance Bank",
    "Nomad Demo Bank",
]

BOILERPLATE = {
    "ru": [
        ["Главная | О нас | Контакты", "Меню: Главная, Услуги, Помощь", "Войти | Регистрация"],
        [
            "Мы используем cookie для работы сайта.",
            "© {year} Все права защищены.",
            "Политика конфиденциальности",
            "Служба поддержки: {phone}",
        ],
    ],
    "kk": [
        [
            "Басты бет | Біз туралы | Байланыс",
            "Мәзір: Басты бет, Қызметтер, Көмек",
            "Кіру | Тіркелу",
        ],
        [
            "Сайт cookie файлдарын пайдаланады.",
            "© {year} Барлық құқықтар қорғалған.",
            "Құпиялылық саясаты",
            "Қолдау қызметі: {phone}",
        ],
    ],
    "en": [
        ["Home | About | Contact", "Menu: Home, Services, Help", "Log in | Sign up"],
        [
            "We use cookies to run this site.",
            "© {year} All rights reserved.",
            "Privacy policy",
            "Support: {phone}",
        ],
    ],
}
