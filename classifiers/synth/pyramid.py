"""Page kinds for financial pyramids, HYIPs and their promotion (label: pyramid)."""

HYIP = {
    "ru": [
        [
            "{brand} — инвестиции с доходом {pct_small}% в день",
            "{brand}: пассивный доход каждый день",
            "Инвестиционная платформа {brand}",
            "{brand} — ваш стабильный заработок",
        ],
        [
            "Ваш депозит приносит {pct_small}% в день без выходных.",
            "Ежедневные начисления {pct_small}% на вклад.",
            "Доходность {pct_week}% в неделю, выплаты каждый день.",
            "Получайте {pct_month}% в месяц на любую сумму.",
        ],
        [
            "Гарантированный доход без риска для вашего капитала.",
            "Мы гарантируем выплаты каждому инвестору.",
            "Гарантированная прибыль благодаря арбитражу криптовалют.",
            "Нулевой риск для вложений, прибыль гарантирована.",
        ],
        [
            "Инвестиционные планы: Старт от {small} тенге, Gold от {amount} тенге.",
            "Выберите тариф Silver — от {small} тенге на {days} дней.",
            "Минимальная сумма вклада {small} тенге.",
            "Инвестиционный пакет VIP открывает доступ к закрытому пулу.",
        ],
        [
            "Действует {levels}-уровневая реферальная программа: {pct_small}%, 3%, 1%.",
            "Приглашайте друзей и зарабатывайте {pct_small}% с их вкладов.",
            "Партнёрская программа на {levels} уровня с бонусом за каждого приглашённого.",
            "Чем больше приглашённых, тем выше ваш доход.",
        ],
        [
            "Пополнение только в USDT (TRC-20).",
            "Вклады принимаются исключительно в криптовалюте.",
            "Депозит только в BTC или USDT.",
            "Принимаем только USDT и биткоин.",
        ],
        [
            "Осталось {n} мест в пуле — успейте вложить сегодня!",
            "Набор участников закрывается через {days} дня.",
            "Осталось {n} часов до закрытия раунда.",
            "Успейте вступить по старым условиям!",
        ],
        [
            "Мы не финансовая пирамида, а реальный трейдинг.",
            "Это не МММ: прибыль идёт от арбитража.",
            "Наш проект не является пирамидой.",
            "Компания не финансовая пирамида, у нас реальный бизнес.",
        ],
    ],
    "kk": [
        [
            "{brand} — күніне {pct_small}% табысы бар инвестиция",
            "{brand}: күн сайын пассивті табыс",
            "{brand} инвестициялық платформасы",
            "{brand} — тұрақты табыс",
        ],
        [
            "Салымыңыз күніне {pct_small}% табыс әкеледі.",
            "Күніне {pct_small}% демалыссыз есептеледі.",
            "Аптасына {pct_week}% табыс, төлемдер күн сайын.",
            "Айына {pct_month}% кез келген сомаға.",
        ],
        [
            "Кепілдендірілген табыс, тәуекелсіз инвестиция.",
            "Әр инвесторға кепілдендірілген төлем.",
            "Криптоарбитраж арқылы кепілдендірілген пайда.",
            "Тәуекелсіз салым, табыс кепілді.",
        ],
        [
            "Инвестициялық жоспарлар: Старт {small} теңгеден, Gold {amount} теңгеден.",
            "Silver тарифі: {small} теңгеден {days} күнге.",
            "Ең аз салым {small} теңге.",
            "VIP инвестициялық пакет жабық пулға кіруге мүмкіндік береді.",
        ],
        [
            "Бізде {levels} деңгейлі серіктестік бағдарлама бар.",
            "Достарыңызды шақырыңыз да табыс табыңыз.",
            "Рефералдық бағдарлама {levels} деңгейге дейін.",
            "Әрбір шақырылған қатысушы үшін бонус.",
        ],
        [
            "Салымдар тек криптовалютамен қабылданады.",
            "Толтыру тек USDT арқылы.",
            "Депозит тек BTC немесе USDT.",
            "Тек USDT қабылдаймыз.",
        ],
        [
            "Пулда {n} орын қалды, үлгеріңіз!",
            "Тіркелуге асығыңыз, орын аз.",
            "Раунд жабылғанша {n} сағат қалды.",
            "Ескі шартпен кіріп үлгеріңіз!",
        ],
        [
            "Біз қаржы пирамидасы емеспіз, бұл нақты бизнес.",
            "Бұл пирамида емес, табыс арбитраждан.",
            "Жобамыз қаржы пирамидасы емес.",
            "Компания пирамида емес, нақты трейдинг.",
        ],
    ],
    "en": [
        [
            "{brand} — earn {pct_small}% daily",
            "{brand}: passive income every day",
            "{brand} investment platform",
            "{brand} — your stable profit",
        ],
        [
            "Your deposit earns {pct_small}% daily, including weekends.",
            "Daily profit of {pct_small}% on every plan.",
            "Earn {pct_week}% per week with daily payouts.",
            "Get {pct_month}% monthly on any amount.",
        ],
        [
            "Guaranteed returns with zero risk to your capital.",
            "We offer guaranteed payouts to every investor.",
            "Risk-free investment powered by crypto arbitrage.",
            "Guaranteed profit on every plan.",
        ],
        [
            "Investment plans: Starter from ${small}, Gold from ${amount}.",
            "Silver plan: minimum investment ${small}.",
            "Choose one of our investment packages.",
            "The VIP investment plan unlocks a private pool.",
        ],
        [
            "Our {levels}-level referral program pays {pct_small}%, 3% and 1%.",
            "Invite friends and earn on their deposits.",
            "Affiliate commissions across {levels} levels.",
            "Earn a bonus for every person you invite.",
        ],
        [
            "Deposits are accepted only in USDT (TRC-20).",
            "We accept only crypto.",
            "Invest only with bitcoin or USDT.",
            "Funding exclusively via USDT.",
        ],
        [
            "Only {n} spots left in this round, hurry and invest today!",
            "Offer ends in {n} hours.",
            "Only {n} places left, register now.",
            "Hurry, join before the pool closes!",
        ],
        [
            "We are not a Ponzi scheme, this is real trading.",
            "This is not a pyramid, profits come from arbitrage.",
            "Our project is not a Ponzi scheme.",
            "It is not a pyramid scheme but a real business.",
        ],
    ],
}

PYRAMID_PROMO = {
    "ru": [
        [
            "Как я зарабатываю {pct_small}% в день: мой отзыв о {brand}",
            "Новый проект {brand}: платит!",
            "Мой пассивный доход: отчёт за месяц",
            "Лучший проект для заработка в {year} году",
        ],
        [
            "Вложил {small} тенге, уже вывел вдвое больше.",
            "Проект платит стабильно, выплаты каждый день.",
            "Регистрируйтесь по моей реферальной ссылке {domain}.",
            "Вступайте в мою команду и получайте бонус.",
        ],
        [
            "Доход {pct_small}% в день, это гарантированный доход.",
            "Приглашайте друзей и зарабатывайте вместе со мной.",
            "Успейте зайти, пока проект на старте!",
            "Это не пирамида, я проверил лично.",
        ],
    ],
    "kk": [
        [
            "Күніне {pct_small}% қалай табамын: {brand} туралы пікірім",
            "Жаңа жоба {brand}: төлейді!",
            "Менің пассивті табысым: айлық есеп",
            "{year} жылғы табыс табуға арналған үздік жоба",
        ],
        [
            "{small} теңге салдым, екі есе көп шығардым.",
            "Жоба тұрақты төлейді, күн сайын төлем.",
            "Менің рефералдық сілтемем арқылы тіркеліңіз: {domain}.",
            "Командама қосылып, бонус алыңыз.",
        ],
        [
            "Күніне {pct_small}% табыс, бұл кепілдендірілген табыс.",
            "Достарыңызды шақырыңыз да табыс табыңыз.",
            "Жоба басталып жатқанда үлгеріңіз!",
            "Бұл пирамида емес, өзім тексердім.",
        ],
    ],
    "en": [
        [
            "How I earn {pct_small}% daily: my {brand} review",
            "New project {brand}: it pays!",
            "My passive income: monthly report",
            "Best earning project of {year}",
        ],
        [
            "I invested ${small} and already withdrew double.",
            "The project pays daily without delays.",
            "Sign up with my referral link {domain}.",
            "Join my team and get a bonus.",
        ],
        [
            "{pct_small}% daily, guaranteed income.",
            "Invite friends and earn together with me.",
            "Hurry, join while the project is new!",
            "It is not a pyramid scheme, I checked it myself.",
        ],
    ],
}

KINDS = {
    "pyramid_hyip": ("pyramid", "pyramid", HYIP),
    "pyramid_promo": ("pyramid", "promo", PYRAMID_PROMO),
}
