"""Page kinds for illegal online casinos and unlicensed bookmakers (label: casino)."""

CASINO_OPERATOR = {
    "ru": [
        [
            "{brand} — онлайн-казино №1 в Казахстане",
            "Добро пожаловать в {brand}: слоты и live-казино",
            "{brand} casino — играй и выигрывай",
            "Официальный сайт {brand}: игровые автоматы онлайн",
        ],
        [
            "Получите бонус {pct}% на первый депозит и {n} фриспинов.",
            "Приветственный пакет до {amount} тенге и {n} бесплатных вращений.",
            "Новым игрокам — {n} фриспинов без депозита в слоте Sweet Bonanza.",
            "Бонус за регистрацию: {pct}% к пополнению плюс фриспины каждую неделю.",
        ],
        [
            "Вейджер бонуса x{wager}, отыгрыш в течение {days} дней.",
            "Бонус нужно отыграть с вейджером х{wager}.",
            "Условия: отыгрыш x{wager}, максимальная ставка при отыгрыше {small} тенге.",
            "Вейджер x{wager} действует на все бонусные средства.",
        ],
        [
            "Более {big} слотов от {provider} и {provider2}.",
            "Игровые автоматы {provider}: Book of Dead, Gates of Olympus, Big Bass.",
            "Лучшие провайдеры: {provider}, {provider2}, Evolution Gaming.",
            "Играйте в Starburst и Gonzo's Quest от NetEnt прямо в браузере.",
        ],
        [
            "Рабочее зеркало {brand} на сегодня: {domain}.",
            "Если сайт заблокирован, используйте актуальное зеркало для обхода блокировки.",
            "Актуальная ссылка на вход всегда в нашем Telegram-канале.",
            "Зеркало казино {brand} обновляется каждый день.",
        ],
        [
            "Пополнение и вывод в USDT, BTC и на карты Kaspi.",
            "Вывод выигрышей за {n} минут, в том числе в криптовалюте.",
            "Депозит от {small} тенге через USDT или банковскую карту.",
            "Мгновенные выплаты в BTC без верификации.",
        ],
        [
            "Джекпот сегодня: {amount} тенге!",
            "Крутите барабаны и срывайте джекпот.",
            "Лицензия Curacao eGaming, игра честная.",
            "Играть в слоты можно круглосуточно с телефона.",
        ],
    ],
    "kk": [
        [
            "{brand} — Қазақстандағы №1 онлайн-казино",
            "{brand} ойын автоматтары онлайн",
            "{brand} казиноға қош келдіңіз",
            "{brand}: слоттар және live-казино",
        ],
        [
            "Бірінші салымға {pct}% бонус және {n} фриспин алыңыз.",
            "Тіркелгені үшін {n} тегін айналым береміз.",
            "Жаңа ойыншыларға қош келдіңіз бонусы {amount} теңгеге дейін.",
            "Депозитке {pct}% бонус және апта сайын тегін айналымдар.",
        ],
        [
            "Бонус вейджері x{wager}, {days} күн ішінде.",
            "Бонусты {wager} рет айналдыру керек.",
            "Вейджер x{wager} барлық бонустарға қолданылады.",
            "Бонусты ұтып алу шарты: вейджер x{wager}.",
        ],
        [
            "{provider} және {provider2} ұсынған {big} слот.",
            "Book of Dead, Gates of Olympus ойындары {provider} ұсынады.",
            "Үздік провайдерлер: {provider}, {provider2}.",
            "Sweet Bonanza слотын телефоннан ойнаңыз.",
        ],
        [
            "{brand} жұмыс айнасы: {domain}.",
            "Сайт бұғатталса, бұғаттауды айналып өту үшін айна сілтемені қолданыңыз.",
            "Жаңа жұмыс айнасы Telegram арнамызда.",
            "Казиноның жұмыс істейтін айнасы күн сайын жаңарады.",
        ],
        [
            "Ұтысты шығару USDT және BTC арқылы.",
            "Депозит {small} теңгеден, USDT немесе карта арқылы.",
            "Ұтыс {n} минутта шығарылады.",
            "Толтыру криптовалюта арқылы да мүмкін.",
        ],
        [
            "Бүгінгі джекпот: {amount} теңге!",
            "Ойын автоматтары тәулік бойы ашық.",
            "Curacao лицензиясы, әділ ойын.",
            "Джекпотты ұтып алыңыз!",
        ],
    ],
    "en": [
        [
            "{brand} Casino — play slots online",
            "Welcome to {brand}, the top online casino",
            "{brand}: live casino and slots",
            "{brand} official site — jackpot games",
        ],
        [
            "Claim a {pct}% welcome bonus and {n} free spins.",
            "Get {n} free spins with no deposit required.",
            "Deposit bonus up to ${amount} on your first three deposits.",
            "Sign-up bonus: {pct}% match plus weekly free spins.",
        ],
        [
            "Bonus wagering requirement is {wager}x within {days} days.",
            "All bonuses carry x{wager} wagering.",
            "Wager x{wager} before withdrawing bonus winnings.",
            "Wagering: {wager}x the bonus amount.",
        ],
        [
            "Over {big} slots from {provider} and {provider2}.",
            "Play Book of Dead and Gates of Olympus by {provider}.",
            "Top providers: {provider}, {provider2}, Evolution Gaming.",
            "Spin Starburst and Gonzo's Quest now.",
        ],
        [
            "Working mirror for today: {domain}.",
            "Blocked? Use our mirror link to bypass the block.",
            "Find the current mirror domain in our Telegram channel.",
            "Mirror site updated daily.",
        ],
        [
            "Instant withdrawals in BTC and USDT.",
            "Deposit with crypto or card from $5.",
            "Cash out in bitcoin within {n} minutes.",
            "Payouts via USDT with no KYC.",
        ],
        [
            "Today's jackpot: ${amount}!",
            "Play the slots 24/7 from your phone.",
            "Licensed in Curacao, fair play guaranteed.",
            "Hit the jackpot on slot machines.",
        ],
    ],
}

SPORTSBOOK = {
    "ru": [
        [
            "{brand} — ставки на спорт онлайн",
            "Букмекерская контора {brand}",
            "{brand} bet: ставки и казино",
            "Линия и live-ставки {brand}",
        ],
        [
            "Ставки на футбол, хоккей и киберспорт с коэффициентом до {odds}.",
            "Коэффициенты выше рынка: {team1} — {team2} П1 {odds}.",
            "Ставки на матч {team1} — {team2}, коэффициент {odds}.",
            "Экспресс дня: коэффициент {odds}, ставка на спорт без ограничений.",
        ],
        [
            "Фрибет {amount} тенге за регистрацию и бонус на первый депозит.",
            "Бонус {pct}% на депозит для ставок на спорт.",
            "Приветственный бонус для новых игроков — до {amount} тенге.",
            "Кэшбэк {pct}% на проигранные ставки и фрибеты.",
        ],
        [
            "Рабочее зеркало {brand} для обхода блокировки.",
            "Актуальный адрес сайта: {domain}.",
            "Зеркало сайта {brand} всегда доступно.",
            "Сайт заблокирован? Рабочая ссылка в Telegram.",
        ],
        [
            "Вывод выигрышей в USDT и на карты.",
            "Пополнение через криптовалюту и электронные кошельки.",
            "Выплаты без верификации и лимитов.",
            "Депозит в BTC от {small} тенге.",
        ],
    ],
    "kk": [
        [
            "{brand} — спортқа онлайн бәс тігу",
            "{brand} букмекерлік кеңсесі",
            "{brand} bet: бәс тігу және казино",
            "{brand} live бәс тігу",
        ],
        [
            "Футболға бәс тігу, коэффициент {odds} дейін.",
            "{team1} — {team2} матчына коэффициент {odds}.",
            "Киберспортқа бәс тігу, коэффициенттер {odds}.",
            "Күннің экспресі: коэффициент {odds}.",
        ],
        [
            "Тіркелгені үшін {amount} теңге фрибет және депозитке бонус.",
            "Депозитке {pct}% бонус.",
            "Жаңа ойыншыларға қош келдіңіз бонусы.",
            "Ұтылған бәстерге {pct}% кэшбэк.",
        ],
        [
            "{brand} жұмыс айнасы, бұғаттауды айналып өтіңіз.",
            "Сайттың жаңа мекенжайы: {domain}.",
            "Айна сілтеме Telegram арнасында.",
            "Жұмыс істейтін айна әрқашан қолжетімді.",
        ],
        [
            "Ұтысты USDT арқылы шығару.",
            "Депозит криптовалюта арқылы.",
            "Верификациясыз төлемдер.",
            "BTC арқылы толтыру.",
        ],
    ],
    "en": [
        [
            "{brand} — online sports betting",
            "{brand} sportsbook and casino",
            "{brand} bet: live odds",
            "Bet on sports at {brand}",
        ],
        [
            "Sports betting on football and esports at odds of {odds}.",
            "{team1} vs {team2}: odds {odds}.",
            "Place your bets on {team1} at odds up to {odds}.",
            "Accumulator of the day at odds {odds}.",
        ],
        [
            "Free bet of ${amount} and a deposit bonus.",
            "{pct}% deposit bonus for sports bets.",
            "Welcome bonus for new players up to ${amount}.",
            "{pct}% cashback on lost bets.",
        ],
        [
            "Working mirror to bypass the block.",
            "Our current mirror domain is {domain}.",
            "Mirror link always available.",
            "Blocked? Get the working link on Telegram.",
        ],
        [
            "Withdraw winnings in USDT.",
            "Deposit with crypto or e-wallets.",
            "Payouts with no verification.",
            "Deposit in BTC from $5.",
        ],
    ],
}

CASINO_PROMO = {
    "ru": [
        [
            "Обзор казино {brand}: стоит ли играть?",
            "Топ-5 онлайн-казино для игроков из Казахстана",
            "Где играть в слоты в {year} году",
            "Лучшие бонусы казино этого месяца",
        ],
        [
            "Я проверил {brand} лично: выплаты приходят за час.",
            "Мы собрали казино с самыми щедрыми бонусами.",
            "В этом обзоре расскажем про бонусы и фриспины {brand}.",
            "Автор блога делится опытом игры в слоты.",
        ],
        [
            "Переходите по ссылке {domain} и получите {n} фриспинов.",
            "Промокод {code} даёт бонус {pct}% на депозит.",
            "Регистрируйтесь по нашей ссылке — бонус без депозита.",
            "Ссылка на рабочее зеркало в конце статьи.",
        ],
        [
            "Вейджер у {brand} всего x{wager}.",
            "Слоты {provider} работают без задержек.",
            "Джекпот в {brand} вырос до {amount} тенге.",
            "Отыгрыш бонуса занимает пару дней.",
        ],
    ],
    "kk": [
        [
            "{brand} казиносына шолу",
            "Қазақстандағы ойыншыларға арналған үздік 5 онлайн-казино",
            "{year} жылы слоттарды қайда ойнауға болады",
            "Айдың үздік казино бонустары",
        ],
        [
            "Мен {brand} сайтын өзім тексердім: ұтыс бір сағатта келеді.",
            "Ең жомарт бонустары бар казинолар тізімі.",
            "Бұл шолуда {brand} бонустары мен фриспиндері туралы айтамыз.",
            "Блог авторы слот ойнау тәжірибесімен бөліседі.",
        ],
        [
            "{domain} сілтемесі арқылы өтіп, {n} фриспин алыңыз.",
            "{code} промокоды депозитке {pct}% бонус береді.",
            "Біздің сілтеме арқылы тіркеліңіз.",
            "Жұмыс айнасына сілтеме мақаланың соңында.",
        ],
        [
            "{brand} вейджері небәрі x{wager}.",
            "{provider} слоттары кідіріссіз жұмыс істейді.",
            "{brand} джекпоты {amount} теңгеге жетті.",
            "Бонусты айналдыру екі күн алады.",
        ],
    ],
    "en": [
        [
            "{brand} casino review: is it worth it?",
            "Top 5 online casinos for players in Kazakhstan",
            "Where to play slots in {year}",
            "Best casino bonuses this month",
        ],
        [
            "I tested {brand} myself: payouts arrive within an hour.",
            "We ranked the casinos with the best bonuses.",
            "This review covers the bonuses and free spins at {brand}.",
            "The blogger shares his slot experience.",
        ],
        [
            "Follow the link {domain} to get {n} free spins.",
            "Promo code {code} gives a {pct}% deposit bonus.",
            "Sign up through our link for a no-deposit bonus.",
            "Mirror link at the end of the article.",
        ],
        [
            "{brand} has only x{wager} wagering.",
            "{provider} slots run smoothly.",
            "The {brand} jackpot has grown to ${amount}.",
            "Clearing the bonus takes a couple of days.",
        ],
    ],
}

KINDS = {
    "casino_operator": ("casino", "casino", CASINO_OPERATOR),
    "casino_sportsbook": ("casino", "casino", SPORTSBOOK),
    "casino_promo": ("casino", "promo", CASINO_PROMO),
}
