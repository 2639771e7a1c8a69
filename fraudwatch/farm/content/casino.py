"""Pages of an illegal online casino and of an affiliate blog that promotes such casinos."""

from fraudwatch.farm.content.page import Page

PAGES = {
    "ru": (
        Page("/", "Главная", "{brand} — онлайн-казино с моментальными выплатами", (
            "Добро пожаловать в {brand}! Более 3000 слотов, live-рулетка и покер — "
            "играйте на тенге круглосуточно.",
            "Новым игрокам — бонус {bonus}% на первый депозит и {spins} фриспинов. "
            "Вывод выигрыша на карту за 15 минут.",
            "Играйте без верификации: паспорт не нужен, достаточно номера телефона.",
            "Рабочее зеркало всегда есть в нашем Telegram: {telegram}.",
        )),
        Page("/register", "Регистрация", "Регистрация в {brand}", (
            "Создайте аккаунт за 30 секунд и заберите приветственный пакет.",
            "Промокод {promo} добавит ещё 50 фриспинов на любимые слоты.",
        ), form="register"),
        Page("/bonus", "Бонусы", "Бонусы и акции {brand}", (
            "Приветственный бонус {bonus}% до 500 000 ₸ на первый депозит.",
            "Кешбэк 15% каждый понедельник и турнир недели с призовым фондом 10 000 000 ₸.",
            "Бонус за друга: приведите игрока и получите 5 000 ₸ на счёт.",
        )),
        Page("/deposit", "Пополнить", "Пополнение счёта", (
            "Минимальный депозит — {min_dep} ₸. Принимаем Kaspi, Visa, Mastercard и USDT.",
            "Для крипто-депозита переведите USDT (TRC20) на кошелёк {wallet}.",
        ), form="deposit"),
        Page("/terms", "Правила", "Правила и условия", (
            "Играть могут лица старше 18 лет.",
            "Бонус необходимо отыграть с вейджером x35 в течение 7 дней.",
            "Администрация вправе заблокировать счёт без объяснения причин.",
        )),
        Page("/contacts", "Контакты", "Служба поддержки", (
            "Поддержка 24/7: {phone}, {email}, Telegram {telegram}.",
        )),
    ),
    "kk": (
        Page("/", "Басты бет", "{brand} — жылдам төлемдері бар онлайн-казино", (
            "{brand} казиносына қош келдіңіз! 3000-нан астам слот, live-рулетка және покер — "
            "теңгемен тәулік бойы ойнаңыз.",
            "Жаңа ойыншыларға алғашқы депозитке {bonus}% бонус және {spins} тегін айналым. "
            "Ұтысты картаға 15 минутта шығарамыз.",
            "Верификациясыз ойнаңыз: төлқұжат керек емес, телефон нөмірі жеткілікті.",
            "Жұмыс істейтін айна әрқашан Telegram арнамызда: {telegram}.",
        )),
        Page("/register", "Тіркелу", "{brand} тіркелу", (
            "Аккаунтты 30 секундта ашып, сәлемдесу бонусын алыңыз.",
            "{promo} промокоды сүйікті слоттарға тағы 50 тегін айналым береді.",
        ), form="register"),
        Page("/bonus", "Бонустар", "{brand} бонустары мен акциялары", (
            "Алғашқы депозитке 500 000 ₸ дейін {bonus}% сәлемдесу бонусы.",
            "Әр дүйсенбі сайын 15% кэшбэк және жүлде қоры 10 000 000 ₸ апта турнирі.",
            "Дос үшін бонус: ойыншы әкеліңіз де, шотыңызға 5 000 ₸ алыңыз.",
        )),
        Page("/deposit", "Толтыру", "Шотты толтыру", (
            "Ең аз депозит — {min_dep} ₸. Kaspi, Visa, Mastercard және USDT қабылдаймыз.",
            "Крипто-депозит үшін USDT (TRC20) мына әмиянға аударыңыз: {wallet}.",
        ), form="deposit"),
        Page("/terms", "Ережелер", "Ережелер мен шарттар", (
            "18 жасқа толған тұлғалар ғана ойнай алады.",
            "Бонусты 7 күн ішінде x35 вейджермен айналдыру қажет.",
            "Әкімшілік шотты себебін түсіндірмей бұғаттауға құқылы.",
        )),
        Page("/contacts", "Байланыс", "Қолдау қызметі", (
            "Тәулік бойы қолдау: {phone}, {email}, Telegram {telegram}.",
        )),
    ),
    "en": (
        Page("/", "Home", "{brand} — online casino with instant payouts", (
            "Welcome to {brand}! Over 3,000 slots, live roulette and poker — "
            "play in tenge around the clock.",
            "New players get a {bonus}% first-deposit bonus plus {spins} free spins. "
            "Winnings reach your card within 15 minutes.",
            "No verification: no passport needed, just a phone number.",
            "Our working mirror is always posted in Telegram: {telegram}.",
        )),
        Page("/register", "Sign up", "Join {brand}", (
            "Open an account in 30 seconds and claim your welcome pack.",
            "Promo code {promo} adds 50 more free spins on your favourite slots.",
        ), form="register"),
        Page("/bonus", "Bonuses", "{brand} bonuses and promotions", (
            "Welcome bonus of {bonus}% up to 500,000 ₸ on your first deposit.",
            "15% cashback every Monday and a weekly tournament with a 10,000,000 ₸ prize pool.",
            "Refer a friend and get 5,000 ₸ on your balance.",
        )),
        Page("/deposit", "Deposit", "Top up your balance", (
            "Minimum deposit is {min_dep} ₸. We accept Kaspi, Visa, Mastercard and USDT.",
            "For a crypto deposit send USDT (TRC20) to wallet {wallet}.",
        ), form="deposit"),
        Page("/terms", "Terms", "Terms and conditions", (
            "Players must be over 18.",
            "Bonuses must be wagered x35 within 7 days.",
            "The administration may close any account without explanation.",
        )),
        Page("/contacts", "Contacts", "Support", (
            "Support 24/7: {phone}, {email}, Telegram {telegram}.",
        )),
    ),
}

AFFILIATE = {
    "ru": (
        Page("/", "Главная", "{brand}: рейтинг лучших онлайн-казино для игроков из Казахстана", (
            "Мы лично проверили десятки казино и отобрали те, что платят быстро и без вопросов.",
            "Регистрируйтесь по нашим ссылкам — вас ждут эксклюзивные бонусы до {bonus}% "
            "и бездепозитные фриспины.",
            "Заблокировали сайт? Мы публикуем свежие зеркала каждый день.",
        ), table=(
            ("Место", "Казино", "Бонус", "Вывод"),
            ("1", "Золотая Фишка", "200% + 100 FS", "15 минут"),
            ("2", "Dala Jackpot", "150% + 50 FS", "1 час"),
            ("3", "Алтын Казино", "100% + 77 FS", "30 минут"),
        )),
        Page("/obzor-zolotaya-fishka", "Обзор недели", "Обзор: Золотая Фишка", (
            "Золотая Фишка принимает Kaspi и USDT, а первый вывод приходит за 15 минут.",
            "Верификация не нужна, лимиты на вывод высокие — наш выбор месяца.",
        )),
        Page("/about", "О нас", "О проекте {brand}", (
            "Мы — команда опытных игроков и партнёров казино. За переход по ссылкам "
            "мы получаем вознаграждение.",
            "Пишите нам в Telegram {telegram}, если хотите разместить обзор своего казино.",
        )),
    ),
}

# The cloaking casino (tihaya-gavan.kz): only victims' browsers see this; crawlers get a
# flower shop (legit.FLOWERS).
CLOAKED = {"ru": (
    Page("/", "Главная", "{brand} — онлайн-казино с выводом за 10 минут", (
        "{brand}: слоты, рулетка и live-дилеры для игроков из Казахстана. Ставки в тенге, "
        "выплаты на Kaspi и карты любых банков за 10 минут.",
        "Приветственный бонус {bonus}% на первый депозит и {spins} фриспинов без вейджера "
        "за регистрацию. Каждую пятницу — ещё 50 бесплатных вращений.",
        "Сайт заблокировали? Рабочее зеркало и новый адрес всегда в Telegram {telegram}. "
        "Верификация не нужна, играйте с телефона.",
    )),
    Page("/bonus", "Бонусы", "Бонусы {brand}", (
        "Бонус {bonus}% до 300 000 ₸, {spins} фриспинов и кешбэк 20% каждую неделю.",
        "Промокод {promo} удваивает фриспины на первый депозит.",
    )),
    Page("/deposit", "Пополнить", "Пополнение счёта", (
        "Минимальный депозит — {min_dep} ₸: Kaspi, Visa, Mastercard или USDT.",
        "Для крипто-депозита переведите USDT (TRC20) на кошелёк {wallet}.",
    ), form="deposit"),
    Page("/contacts", "Контакты", "Поддержка 24/7", (
        "Пишите в Telegram {telegram} или звоните {phone}. E-mail: {email}.",
    )),
)}
