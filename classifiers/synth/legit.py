"""Legitimate page kinds, including hard cases that share vocabulary with fraud (label: legit)."""

BANK = {
    "ru": [
        [
            "{bank}: депозиты для физических лиц",
            "Сберегательный вклад в {bank}",
            "{bank} — депозит «Накопительный»",
            "Открыть депозит онлайн в {bank}",
        ],
        [
            "Ставка по депозиту {rate}% годовых, ГЭСВ {rate}%.",
            "Доходность вклада до {rate}% годовых.",
            "Ставка вознаграждения {rate}% годовых при сроке {months} месяцев.",
            "Капитализация процентов ежемесячно, ставка {rate}% годовых.",
        ],
        [
            "Депозиты гарантируются Казахстанским фондом гарантирования депозитов.",
            "Вклады застрахованы КФГД в пределах установленной суммы.",
            "Гарантийное возмещение КФГД распространяется на этот вклад.",
            "Вклад защищён системой гарантирования депозитов.",
        ],
        [
            "АО «{bank}», лицензия АРРФР № 1.2.{n}/{small2}.",
            "Лицензия Агентства по регулированию и развитию финансового рынка № {licence}.",
            "АО «{bank}», БИН {bin}.",
            "Адрес головного офиса: {city}, ул. Абая, {n}.",
        ],
        [
            "Никогда не сообщайте CVV-код и коды из SMS третьим лицам.",
            "Сотрудники банка не запрашивают пароли и коды.",
            "Остерегайтесь мошенников, которые представляются сотрудниками банка.",
            "Банк не просит переводить деньги на «безопасный счёт».",
        ],
    ],
    "kk": [
        [
            "{bank}: жеке тұлғаларға арналған депозиттер",
            "{bank} жинақ салымы",
            "{bank} — «Жинақ» депозиті",
            "{bank} депозитін онлайн ашу",
        ],
        [
            "Депозит бойынша мөлшерлеме жылдық {rate}%.",
            "Салым табыстылығы жылдық {rate}% дейін.",
            "{months} айлық мерзімге жылдық {rate}% сыйақы.",
            "Пайыздар ай сайын капиталдандырылады, жылдық {rate}%.",
        ],
        [
            "Депозиттерге Қазақстанның депозиттерге кепілдік беру қоры кепілдік береді.",
            "Салымдар ҚДКБҚ арқылы сақтандырылған.",
            "Бұл салымға кепілдік өтемі беріледі.",
            "Салым депозиттерге кепілдік беру жүйесімен қорғалған.",
        ],
        [
            "«{bank}» АҚ, ҚНРДА лицензиясы № 1.2.{n}/{small2}.",
            "Қаржы нарығын реттеу және дамыту агенттігінің лицензиясы № {licence}.",
            "«{bank}» АҚ, БСН {bin}.",
            "Бас кеңсе мекенжайы: {city}, Абай көшесі, {n}.",
        ],
        [
            "CVV кодын және SMS кодтарын ешкімге айтпаңыз.",
            "Банк қызметкерлері құпия сөз сұрамайды.",
            "Банк қызметкері болып таныстыратын алаяқтардан сақ болыңыз.",
            "Банк «қауіпсіз шотқа» ақша аударуды сұрамайды.",
        ],
    ],
    "en": [
        [
            "{bank}: savings deposits",
            "Open a term deposit with {bank}",
            "{bank} savings account",
            "{bank} — deposits for individuals",
        ],
        [
            "The savings account pays {rate}% per year.",
            "Deposit rate up to {rate}% per annum.",
            "Interest of {rate}% per year for a {months}-month term.",
            "Monthly capitalisation at {rate}% annual rate.",
        ],
        [
            "Deposits are protected by the Kazakhstan Deposit Insurance Fund.",
            "Your savings are insured up to the statutory limit.",
            "The deposit guarantee scheme covers this account.",
            "Deposit insurance applies to this product.",
        ],
        [
            "{bank} JSC, ARDFM licence No. {licence}.",
            "Licensed by the Agency for Regulation and Development of the Financial Market.",
            "{bank} JSC, BIN {bin}.",
            "Head office: {city}, Abay Avenue {n}.",
        ],
        [
            "Never share your CVV or SMS codes with anyone.",
            "Bank staff will never ask for your passwords.",
            "Beware of fraudsters pretending to be bank employees.",
            "We never ask you to move money to a safe account.",
        ],
    ],
}

LICENSED_LENDER = {
    "ru": [
        [
            "{brand} — микрокредиты онлайн",
            "Микрофинансовая организация {brand}",
            "Займ до зарплаты в {brand}",
            "{brand}: онлайн-займы для граждан РК",
        ],
        [
            "Сумма от {small} до {amount} тенге на срок до {months} месяцев.",
            "ГЭСВ от 29% до 56% годовых.",
            "Ставка вознаграждения и ГЭСВ указаны в договоре.",
            "Первый займ на {days} дней под сниженную ставку.",
        ],
        [
            "Решение принимается после проверки заявки и кредитной истории.",
            "Мы проверяем кредитную историю в Первом кредитном бюро.",
            "В займе может быть отказано по результатам оценки платёжеспособности.",
            "Одобрение зависит от вашей кредитной истории.",
        ],
        [
            "Комиссия за выдачу займа не взимается.",
            "Мы не берём никаких платежей до выдачи займа.",
            "Досрочное погашение без штрафов.",
            "Деньги перечисляются на карту после подписания договора.",
        ],
        [
            "ТОО МФО «{brand}», лицензия АРРФР № {licence}.",
            "Лицензия Агентства по регулированию и развитию финансового рынка № {licence}.",
            "ТОО «{brand}», БИН {bin}.",
            "Для оформления укажите ИИН и подпишите договор через eGov.",
        ],
    ],
    "kk": [
        [
            "{brand} — онлайн микрокредиттер",
            "{brand} микроқаржы ұйымы",
            "{brand}: жалақыға дейін несие",
            "{brand}: ҚР азаматтарына онлайн несие",
        ],
        [
            "Сома {small} теңгеден {amount} теңгеге дейін, {months} айға дейін.",
            "Жылдық тиімді сыйақы мөлшерлемесі 29%-дан 56%-ға дейін.",
            "Сыйақы мөлшерлемесі шартта көрсетілген.",
            "Алғашқы несие {days} күнге төмен мөлшерлемемен.",
        ],
        [
            "Шешім өтінім мен несие тарихын тексергеннен кейін қабылданады.",
            "Біз несие тарихын кредиттік бюродан тексереміз.",
            "Төлем қабілетін бағалау нәтижесінде бас тартылуы мүмкін.",
            "Мақұлдау несие тарихыңызға байланысты.",
        ],
        [
            "Несие беру үшін комиссия алынбайды.",
            "Несие берілгенге дейін ешқандай төлем алмаймыз.",
            "Мерзімінен бұрын өтеу айыппұлсыз.",
            "Шартқа қол қойылғаннан кейін ақша картаға түседі.",
        ],
        [
            "«{brand}» МҚҰ ЖШС, ҚНРДА лицензиясы № {licence}.",
            "Қаржы нарығын реттеу және дамыту агенттігінің лицензиясы № {licence}.",
            "«{brand}» ЖШС, БСН {bin}.",
            "Рәсімдеу үшін ЖСН көрсетіп, шартқа eGov арқылы қол қойыңыз.",
        ],
    ],
    "en": [
        [
            "{brand} — online microloans",
            "{brand} microfinance organisation",
            "Payday loans from {brand}",
            "{brand}: online loans for residents of Kazakhstan",
        ],
        [
            "Loans from ${small} to ${amount} for up to {months} months.",
            "The annual percentage rate ranges from 29% to 56%.",
            "Interest and APR are stated in the agreement.",
            "First loan for {days} days at a reduced rate.",
        ],
        [
            "We check your credit history with the credit bureau.",
            "Approval is subject to an affordability assessment.",
            "Applications may be declined after the credit check.",
            "Approval depends on your credit history.",
        ],
        [
            "We never charge any fee for issuing the loan.",
            "No fees are charged before the loan is disbursed.",
            "Early repayment without penalties.",
            "Funds are sent to your card after you sign the agreement.",
        ],
        [
            "{brand} LLP, ARDFM licence No. {licence}.",
            "Licensed by the Agency for Regulation and Development of the Financial Market.",
            "{brand} LLP, BIN {bin}.",
            "To apply, provide your IIN and sign the agreement via eGov.",
        ],
    ],
}

LICENSED_BOOKMAKER = {
    "ru": [
        [
            "{brand} — легальная букмекерская контора Казахстана",
            "Ставки на спорт в {brand}",
            "{brand}: линия и результаты",
            "Букмекер {brand} — официальный сайт",
        ],
        [
            "Ставки на футбол, хоккей и теннис с коэффициентом до {odds}.",
            "Матч {team1} — {team2}: коэффициент {odds}.",
            "Коэффициенты на матч {team1} — {team2}: П1 {odds}.",
            "Live-ставки на спорт с прозрачными коэффициентами.",
        ],
        [
            "Лицензия № {licence} выдана Министерством туризма и спорта Республики Казахстан.",
            "Деятельность ведётся по лицензии уполномоченного органа РК.",
            "ТОО «{brand}», БИН {bin}, лицензия № {licence} Республики Казахстан.",
            "Лицензия на игорный бизнес Республики Казахстан № {licence}.",
        ],
        [
            "Игра разрешена только лицам старше 21 года.",
            "Учёт ставок через Единый учётный центр.",
            "Ответственная игра: установите лимиты на депозиты.",
            "Пополнение только с банковских карт Казахстана.",
        ],
    ],
    "kk": [
        [
            "{brand} — Қазақстанның заңды букмекерлік кеңсесі",
            "{brand} спортқа бәс тігу",
            "{brand}: нәтижелер мен желі",
            "{brand} букмекерінің ресми сайты",
        ],
        [
            "Футбол мен хоккейге бәс тігу, коэффициент {odds} дейін.",
            "{team1} — {team2} матчына коэффициент {odds}.",
            "Теннис матчтарына коэффициенттер {odds}.",
            "Live бәс тігу ашық коэффициенттермен.",
        ],
        [
            "Қазақстан Республикасы Туризм және спорт министрлігі берген лицензия № {licence}.",
            "Қызмет ҚР уәкілетті органының лицензиясы бойынша жүргізіледі.",
            "«{brand}» ЖШС, БСН {bin}, Қазақстан Республикасының лицензиясы № {licence}.",
            "Қазақстан Республикасының ойын бизнесіне лицензиясы № {licence}.",
        ],
        [
            "Ойынға тек 21 жастан асқан адамдарға рұқсат.",
            "Бәстер Бірыңғай есепке алу орталығы арқылы.",
            "Жауапты ойын: депозит лимиттерін орнатыңыз.",
            "Тек Қазақстан банк карталарынан толтыру.",
        ],
    ],
    "en": [
        [
            "{brand} — licensed bookmaker in Kazakhstan",
            "Sports betting at {brand}",
            "{brand}: odds and results",
            "{brand} bookmaker official site",
        ],
        [
            "Sports betting on football and tennis at odds up to {odds}.",
            "{team1} vs {team2}: odds {odds}.",
            "Odds of {odds} on {team1}.",
            "Live betting with transparent odds.",
        ],
        [
            "Licensed by the Ministry of Tourism and Sports of the Republic of Kazakhstan, "
            "licence No. {licence}.",
            "Operating under a gambling licence from the Republic of Kazakhstan.",
            "{brand} LLP, BIN {bin}, licensed in Kazakhstan.",
            "Gambling licence of the Republic of Kazakhstan No. {licence}.",
        ],
        [
            "Only persons over 21 may bet.",
            "Bets are recorded by the Unified Accounting Centre.",
            "Responsible gaming: set deposit limits.",
            "Deposits only from Kazakhstan bank cards.",
        ],
    ],
}

NEWS_PYRAMID = {
    "ru": [
        [
            "В {city} задержали организаторов финансовой пирамиды",
            "АРРФР предупреждает о финансовых пирамидах",
            "Суд вынес приговор создателям пирамиды {brand}",
            "Как распознать финансовую пирамиду",
        ],
        [
            "По данным следствия, участникам обещали доход {pct_small}% в день.",
            "Организаторы привлекали вкладчиков обещаниями высокой доходности.",
            "Пострадали более {big} человек, ущерб составил {amount} тенге.",
            "Суд признал компанию {brand} финансовой пирамидой.",
        ],
        [
            "Агентство напоминает: гарантированный высокий доход — признак пирамиды.",
            "Эксперты советуют проверять лицензию компании на сайте регулятора.",
            "Выплаты старым участникам шли за счёт новых вкладчиков.",
            "Уголовное дело возбуждено по статье 217 УК РК.",
        ],
        [
            "Если вы стали жертвой, обратитесь в полицию.",
            "Список признанных пирамид опубликован на сайте АРРФР.",
            "Следствие продолжается.",
            "Редакция будет следить за развитием событий.",
        ],
    ],
    "kk": [
        [
            "{city} қаласында қаржы пирамидасын ұйымдастырушылар ұсталды",
            "ҚНРДА қаржы пирамидалары туралы ескертеді",
            "Сот {brand} пирамидасын құрушыларға үкім шығарды",
            "Қаржы пирамидасын қалай тануға болады",
        ],
        [
            "Тергеу деректері бойынша қатысушыларға жоғары табыс уәде етілген.",
            "Ұйымдастырушылар салымшыларды жоғары табыс уәдесімен тартқан.",
            "{big}-ден астам адам зардап шекті, залал {amount} теңге.",
            "Сот {brand} компаниясын қаржы пирамидасы деп таныды.",
        ],
        [
            "Агенттік еске салады: жоғары табысқа кепілдік беру — пирамида белгісі.",
            "Сарапшылар компанияның лицензиясын реттеушінің сайтынан тексеруге кеңес береді.",
            "Ескі қатысушыларға төлем жаңа салымшылардың есебінен жүрген.",
            "ҚР ҚК 217-бабы бойынша қылмыстық іс қозғалды.",
        ],
        [
            "Зардап шексеңіз, полицияға жүгініңіз.",
            "Пирамидалар тізімі ҚНРДА сайтында.",
            "Тергеу жалғасуда.",
            "Редакция оқиғаны бақылайды.",
        ],
    ],
    "en": [
        [
            "Pyramid scheme organisers detained in {city}",
            "Regulator warns about financial pyramids",
            "Court sentences founders of {brand} pyramid",
            "How to spot a Ponzi scheme",
        ],
        [
            "Investigators say members were promised very high returns.",
            "The organisers lured depositors with promises of high yields.",
            "More than {big} people lost a total of {amount} tenge.",
            "The court ruled that {brand} ran a Ponzi scheme.",
        ],
        [
            "The agency reminds that promised high income is a red flag.",
            "Experts advise checking the licence on the regulator's website.",
            "Old members were paid with money from new depositors.",
            "A criminal case was opened under Article 217.",
        ],
        [
            "Victims should contact the police.",
            "The list of declared pyramids is on the regulator's website.",
            "The investigation continues.",
            "We will follow the story.",
        ],
    ],
}

FINANCE_BLOG = {
    "ru": [
        [
            "Как выбрать депозит в {year} году",
            "Личные финансы: с чего начать инвестировать",
            "Подушка безопасности: сколько копить",
            "Облигации или депозит: что выбрать",
        ],
        [
            "Доходность инвестиций не гарантируется и может быть отрицательной.",
            "Диверсифицируйте вложения и не вкладывайте последние деньги.",
            "Ставки по депозитам сейчас около {rate}% годовых.",
            "Индексные фонды подходят для долгосрочных вложений.",
        ],
        [
            "Если вам обещают гарантированный доход, это повод насторожиться.",
            "Проверяйте лицензию брокера на сайте регулятора.",
            "Ведите бюджет и откладывайте {pct_small}0% дохода.",
            "Не берите займы на инвестиции.",
        ],
        [
            "Подписывайтесь на блог, чтобы не пропустить новые статьи.",
            "Пишите вопросы в комментариях.",
            "Автор не является финансовым консультантом.",
            "Статья носит ознакомительный характер.",
        ],
    ],
    "kk": [
        [
            "{year} жылы депозитті қалай таңдауға болады",
            "Жеке қаржы: инвестицияны неден бастау керек",
            "Қауіпсіздік жастығы: қанша жинау керек",
            "Облигация әлде депозит: қайсысын таңдау керек",
        ],
        [
            "Инвестициялық табыс кепілдендірілмейді.",
            "Салымдарды әртараптандырыңыз.",
            "Депозит мөлшерлемелері қазір жылдық {rate}% шамасында.",
            "Индекс қорлары ұзақ мерзімді салымға қолайлы.",
        ],
        [
            "Сізге жоғары табыс уәде етсе, сақ болыңыз.",
            "Брокердің лицензиясын реттеушінің сайтынан тексеріңіз.",
            "Бюджет жүргізіп, табыстың бір бөлігін жинаңыз.",
            "Инвестиция үшін несие алмаңыз.",
        ],
        [
            "Жаңа мақалаларды жіберіп алмау үшін блогқа жазылыңыз.",
            "Сұрақтарды пікірлерде жазыңыз.",
            "Автор қаржылық кеңесші емес.",
            "Мақала танысу сипатында.",
        ],
    ],
    "en": [
        [
            "How to choose a savings account in {year}",
            "Personal finance: how to start investing",
            "How big should your emergency fund be",
            "Bonds or deposits: which to choose",
        ],
        [
            "Past performance does not guarantee future results.",
            "Diversify and never invest money you cannot afford to lose.",
            "Deposit rates are currently around {rate}% per year.",
            "Index funds suit long-term investors.",
        ],
        [
            "If someone promises high income with no risk, walk away.",
            "Check the broker's licence on the regulator's website.",
            "Keep a budget and save part of your income.",
            "Never borrow money to invest.",
        ],
        [
            "Subscribe to the blog for new posts.",
            "Leave your questions in the comments.",
            "The author is not a financial adviser.",
            "This article is for information only.",
        ],
    ],
}

ECOMMERCE = {
    "ru": [
        [
            "Интернет-магазин {brand}: электроника и бытовая техника",
            "{brand} — одежда и обувь с доставкой",
            "Распродажа в {brand}",
            "{brand}: товары для дома",
        ],
        [
            "Начисляем бонусы за каждую покупку в магазине.",
            "Кешбэк {pct_small}% бонусами на следующую покупку.",
            "Бонусная программа: копите баллы и оплачивайте ими до {pct_small}0% заказа.",
            "Приветственные бонусы за регистрацию в приложении.",
        ],
        [
            "Бесплатная доставка при заказе от {small} тенге.",
            "Рассрочка 0-0-12 через банк-партнёр.",
            "Акция действует до 31 декабря включительно.",
            "Скидка {pct_small}0% на второй товар.",
        ],
        [
            "Стиральная машина с отжимом 1200 оборотов.",
            "Смартфон с камерой 108 Мп.",
            "Зеркальный шкаф для ванной со скидкой.",
            "Игровая приставка и аксессуары.",
        ],
        [
            "ТОО «{brand}», БИН {bin}.",
            "Пункты выдачи в {city} и других городах.",
            "Оплата картой, наличными или в рассрочку.",
            "Возврат товара в течение 14 дней.",
        ],
    ],
    "kk": [
        [
            "{brand} интернет-дүкені: электроника",
            "{brand} — киім мен аяқ киім жеткізумен",
            "{brand} дүкенінде жеңілдіктер",
            "{brand}: үйге арналған тауарлар",
        ],
        [
            "Әр сатып алу үшін бонус ұпайлары беріледі.",
            "Келесі сатып алуға {pct_small}% кешбэк.",
            "Бонустық бағдарлама: ұпай жинап, тапсырыстың бір бөлігін төлеңіз.",
            "Қосымшада тіркелгені үшін бонустар.",
        ],
        [
            "Тегін жеткізу {small} теңгеден бастап.",
            "Серіктес банк арқылы бөліп төлеу.",
            "Акция 31 желтоқсанға дейін жарамды.",
            "Екінші тауарға {pct_small}0% жеңілдік.",
        ],
        [
            "Ваннаға арналған айналы шкаф жеңілдікпен.",
            "Жаңа ойын приставкасы сатылымға шықты.",
            "Смартфон 108 Мп камерамен.",
            "Кір жуғыш машина.",
        ],
        [
            "«{brand}» ЖШС, БСН {bin}.",
            "{city} қаласындағы беру пункттері.",
            "Картамен немесе қолма-қол төлем.",
            "Тауарды 14 күн ішінде қайтару.",
        ],
    ],
    "en": [
        [
            "{brand} online store: electronics and appliances",
            "{brand} — clothing with free delivery",
            "{brand} seasonal sale",
            "{brand}: home goods",
        ],
        [
            "Earn bonus points on every purchase you make.",
            "Get {pct_small}% cashback in bonus points.",
            "Loyalty program: collect points and pay with them.",
            "Sign-up bonus points in our app.",
        ],
        [
            "Free delivery on orders over ${small}.",
            "Buy now, pay later with our partner bank.",
            "The sale runs until the end of December.",
            "{pct_small}0% off the second item.",
        ],
        [
            "The washing machine has a quick spin cycle.",
            "A round mirror for the bathroom wall.",
            "A new games console went on sale this week.",
            "Smartphone with a 108 MP camera.",
        ],
        [
            "{brand} LLP, BIN {bin}.",
            "Pick-up points in {city}.",
            "Pay by card or cash on delivery.",
            "Returns accepted within 14 days.",
        ],
    ],
}

GENERAL = {
    "ru": [
        [
            "Туры по Казахстану от {brand}",
            "Ресторан {brand} в {city}",
            "Школа английского {brand}",
            "Новости {city}: погода и события",
        ],
        [
            "Приглашаем на экскурсию по Чарынскому каньону.",
            "Запишитесь на пробный урок бесплатно.",
            "Завтра в {city} ожидается до +{n} градусов.",
            "Меню обновляется каждую неделю.",
        ],
        [
            "Пригласите друга на бесплатное пробное занятие.",
            "Бронирование столиков по телефону {phone}.",
            "Команда отыгралась во втором тайме и победила.",
            "Фильм «Казино Рояль» покажут в кинотеатре в субботу.",
        ],
        [
            "Контакты: {city}, ул. Абая, {n}.",
            "Работаем ежедневно с 10:00 до 22:00.",
            "ТОО «{brand}», БИН {bin}.",
            "Подписывайтесь на наш Instagram.",
        ],
    ],
    "kk": [
        [
            "{brand} Қазақстан бойынша турлар",
            "{city} қаласындағы {brand} мейрамханасы",
            "{brand} ағылшын тілі мектебі",
            "{city} жаңалықтары: ауа райы",
        ],
        [
            "Шарын шатқалына экскурсияға шақырамыз.",
            "Тегін сынақ сабағына жазылыңыз.",
            "Ертең {city} қаласында +{n} градусқа дейін.",
            "Мәзір апта сайын жаңарады.",
        ],
        [
            "Достарыңызды тойға шақырыңыз.",
            "Үстел брондау: {phone}.",
            "Команда екінші таймда есепті теңестірді.",
            "«Казино Рояль» фильмі сенбіде көрсетіледі.",
        ],
        [
            "Байланыс: {city}, Абай көшесі, {n}.",
            "Күн сайын 10:00-ден 22:00-ге дейін.",
            "«{brand}» ЖШС, БСН {bin}.",
            "Instagram парақшамызға жазылыңыз.",
        ],
    ],
    "en": [
        [
            "Tours of Kazakhstan by {brand}",
            "{brand} restaurant in {city}",
            "{brand} English school",
            "{city} news: weather and events",
        ],
        [
            "Join our trip to Charyn Canyon.",
            "Book a free trial lesson.",
            "Tomorrow in {city} up to +{n} degrees.",
            "The menu changes every week.",
        ],
        [
            "Invite friends to the launch party on Friday.",
            "Table reservations: {phone}.",
            "The odds are that it will rain tomorrow.",
            "The film Casino Royale is showing on Saturday.",
        ],
        [
            "Contacts: {city}, Abay Avenue {n}.",
            "Open daily 10:00 to 22:00.",
            "{brand} LLP, BIN {bin}.",
            "Follow us on Instagram.",
        ],
    ],
}

KINDS = {
    "legit_bank": ("legit", "bank", BANK),
    "legit_lender": ("legit", "bank", LICENSED_LENDER),
    "legit_bookmaker": ("legit", "plain", LICENSED_BOOKMAKER),
    "legit_news_pyramid": ("legit", "plain", NEWS_PYRAMID),
    "legit_finance_blog": ("legit", "plain", FINANCE_BLOG),
    "legit_ecommerce": ("legit", "plain", ECOMMERCE),
    "legit_general": ("legit", "plain", GENERAL),
}
