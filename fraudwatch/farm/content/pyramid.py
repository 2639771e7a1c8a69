"""Pages of a financial pyramid (HYIP): daily returns, plans, referral levels, crypto payments."""

from fraudwatch.farm.content.page import Page

PAGES = {
    "ru": (
        Page("/", "Главная", "{brand} — доход от {daily}% в день", (
            "Инвестируйте в {brand} и получайте гарантированный доход каждый день. "
            "Без риска — наш алгоритм торгует криптовалютой 24/7.",
            "Удвойте капитал за 30 дней! С нами уже более 48 000 участников из Казахстана.",
            "До закрытия набора в новый раунд осталось:",
        ), countdown=True),
        Page("/plans", "Тарифы", "Инвестиционные планы", (
            "Выплаты ежедневно на карту или в USDT. Тело вклада возвращается в конце срока.",
        ), table=(
            ("План", "Вклад", "Доходность", "Срок"),
            ("Start", "от 10 000 ₸", "{daily}% в день", "30 дней"),
            ("Premium", "от 500 000 ₸", "3,5% в день", "60 дней"),
            ("VIP", "от 5 000 000 ₸", "5% в день", "90 дней"),
        ), countdown=True),
        Page("/register", "Стать участником", "Стать участником {brand}", (
            "Регистрация открыта до конца раунда.",
            "Внесите взнос на кошелёк USDT (TRC20) {wallet} и пришлите чек в Telegram {telegram}.",
        ), form="invest"),
        Page("/partners", "Партнёрам", "Партнёрская программа", (
            "Приглашайте друзей и получайте 10% с их вкладов, 5% со второго уровня "
            "и 3% с третьего.",
            "Лидеры структуры получают автомобиль и поездку в Дубай.",
        )),
        Page("/about", "О фонде", "О фонде {brand}", (
            "{brand} — международный инвестиционный клуб, зарегистрированный на Сейшельских "
            "островах.",
            "Наши эксперты — выпускники лучших бизнес-школ мира.",
        )),
        Page("/contacts", "Контакты", "Контакты", (
            "Менеджер: {phone}, {email}, Telegram {telegram}.",
        )),
    ),
    "kk": (
        Page("/", "Басты бет", "{brand} — күніне {daily}%-дан бастап табыс", (
            "{brand} жобасына инвестиция салып, күн сайын кепілдендірілген табыс алыңыз. "
            "Тәуекелсіз — біздің алгоритм криптовалютамен тәулік бойы сауда жасайды.",
            "Капиталды 30 күнде екі есе арттырыңыз! Бізбен бірге Қазақстаннан 48 000-нан "
            "астам қатысушы.",
            "Жаңа раундқа қабылдаудың аяқталуына қалды:",
        ), countdown=True),
        Page("/plans", "Тарифтер", "Инвестициялық жоспарлар", (
            "Төлемдер күн сайын картаға немесе USDT-ге. Салым сомасы мерзім соңында қайтарылады.",
        ), table=(
            ("Жоспар", "Салым", "Табыстылық", "Мерзім"),
            ("Start", "10 000 ₸-ден", "күніне {daily}%", "30 күн"),
            ("Premium", "500 000 ₸-ден", "күніне 3,5%", "60 күн"),
            ("VIP", "5 000 000 ₸-ден", "күніне 5%", "90 күн"),
        ), countdown=True),
        Page("/register", "Қатысушы болу", "{brand} қатысушысы болу", (
            "Тіркелу раунд соңына дейін ашық.",
            "Жарнаны USDT (TRC20) әмиянына аударыңыз: {wallet}, түбіртекті Telegram-ға "
            "жіберіңіз: {telegram}.",
        ), form="invest"),
        Page("/partners", "Серіктестерге", "Серіктестік бағдарлама", (
            "Достарыңызды шақырып, олардың салымынан 10%, екінші деңгейден 5% және "
            "үшінші деңгейден 3% алыңыз.",
            "Құрылым көшбасшылары автокөлік пен Дубайға саяхат алады.",
        )),
        Page("/about", "Қор туралы", "{brand} қоры туралы", (
            "{brand} — Сейшел аралдарында тіркелген халықаралық инвестициялық клуб.",
            "Біздің сарапшылар — әлемнің үздік бизнес-мектептерінің түлектері.",
        )),
        Page("/contacts", "Байланыс", "Байланыс", (
            "Менеджер: {phone}, {email}, Telegram {telegram}.",
        )),
    ),
    "en": (
        Page("/", "Home", "{brand} — earn from {daily}% a day", (
            "Invest with {brand} and receive a guaranteed income every day. "
            "Zero risk — our algorithm trades crypto 24/7.",
            "Double your capital in 30 days! Over 48,000 members from Kazakhstan already.",
            "Entry to the new round closes in:",
        ), countdown=True),
        Page("/plans", "Plans", "Investment plans", (
            "Daily payouts to your card or in USDT. Your principal is returned at the end.",
        ), table=(
            ("Plan", "Deposit", "Return", "Term"),
            ("Start", "from 10,000 ₸", "{daily}% a day", "30 days"),
            ("Premium", "from 500,000 ₸", "3.5% a day", "60 days"),
            ("VIP", "from 5,000,000 ₸", "5% a day", "90 days"),
        ), countdown=True),
        Page("/register", "Join", "Become a {brand} member", (
            "Registration is open until the end of the round.",
            "Send your contribution to USDT (TRC20) wallet {wallet} and post the receipt "
            "to Telegram {telegram}.",
        ), form="invest"),
        Page("/partners", "Partners", "Partner programme", (
            "Invite friends and earn 10% of their deposits, 5% from the second level "
            "and 3% from the third.",
            "Top leaders win a car and a trip to Dubai.",
        )),
        Page("/about", "About", "About {brand}", (
            "{brand} is an international investment club registered in the Seychelles.",
            "Our experts graduated from the world's best business schools.",
        )),
        Page("/contacts", "Contacts", "Contacts", (
            "Manager: {phone}, {email}, Telegram {telegram}.",
        )),
    ),
}
