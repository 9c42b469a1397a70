#include "app/ui/i18n.hpp"

namespace dc::ui {
namespace {

struct Entry {
    Msg msg;
    const char* text[4];  // English, Georgian, Russian, Belarusian: the order of Language
};

// Plain words, short sentences: many readers are new to computers.
constexpr Entry kCatalog[] = {
    {Msg::AppName, {"Digital Citizen", "ციფრული მოქალაქე", "Цифровой гражданин", "Лічбавы грамадзянін"}},
    {Msg::HomeWelcome, {"Welcome", "მოგესალმებით", "Добро пожаловать", "Вітаем"}},
    {Msg::HomeInstruction,
     {"Touch a button to start", "დასაწყებად შეეხეთ ღილაკს", "Коснитесь кнопки, чтобы начать",
      "Дакраніцеся да кнопкі, каб пачаць"}},
    {Msg::TileJobs, {"Find a job", "სამუშაოს ძებნა", "Найти работу", "Знайсці працу"}},
    {Msg::TileJobsHint,
     {"Jobs nearby and remote work", "ადგილობრივი და დისტანციური ვაკანსიები", "Вакансии рядом и удалённая работа",
      "Вакансіі побач і аддаленая праца"}},
    {Msg::TileCourses, {"Courses", "კურსები", "Курсы", "Курсы"}},
    {Msg::TileCoursesHint,
     {"Learn digital skills for free", "ისწავლეთ ციფრული უნარები უფასოდ", "Бесплатное обучение цифровым навыкам",
      "Бясплатнае навучанне лічбавым навыкам"}},
    {Msg::TileLanguage, {"Language", "ენა", "Язык", "Мова"}},
    {Msg::TileHelp, {"Help", "დახმარება", "Помощь", "Дапамога"}},
    {Msg::TileHelpHint,
     {"How to use this kiosk", "როგორ გამოვიყენოთ კიოსკი", "Как пользоваться киоском", "Як карыстацца кіёскам"}},
    {Msg::Back, {"Back", "უკან", "Назад", "Назад"}},
    {Msg::Home, {"Home", "მთავარი", "На главную", "На галоўную"}},
    {Msg::JobsTitle, {"Jobs", "ვაკანსიები", "Вакансии", "Вакансіі"}},
    {Msg::SearchHint,
     {"Type a job, skill or city", "ჩაწერეთ პროფესია, უნარი ან ქალაქი", "Введите профессию, навык или город",
      "Увядзіце прафесію, навык або горад"}},
    {Msg::JobsFound, {"Jobs found: %d", "ნაპოვნია ვაკანსია: %d", "Найдено вакансий: %d", "Знойдзена вакансій: %d"}},
    {Msg::JobsFoundMore,
     {"Jobs found: more than %d", "ნაპოვნია %d-ზე მეტი ვაკანსია", "Найдено вакансий: более %d",
      "Знойдзена вакансій: больш за %d"}},
    {Msg::ShowingFirst,
     {"Showing the first %d. Type more words to make the list shorter.",
      "ნაჩვენებია პირველი %d. სიის შესამოკლებლად ჩაწერეთ მეტი სიტყვა.",
      "Показаны первые %d. Введите ещё слова, чтобы сократить список.",
      "Паказаны першыя %d. Увядзіце больш слоў, каб скараціць спіс."}},
    {Msg::NoJobs,
     {"No jobs match your search. Try fewer or shorter words.",
      "ვაკანსია ვერ მოიძებნა. სცადეთ ნაკლები ან უფრო მოკლე სიტყვები.",
      "Вакансий не найдено. Попробуйте меньше слов или более короткие слова.",
      "Вакансій не знойдзена. Паспрабуйце менш слоў або карацейшыя словы."}},
    {Msg::Loading, {"Loading…", "იტვირთება…", "Загрузка…", "Загрузка…"}},
    {Msg::WorkRemote, {"Remote", "დისტანციური", "Удалённо", "Аддалена"}},
    {Msg::WorkHybrid, {"Hybrid", "ჰიბრიდული", "Гибрид", "Гібрыд"}},
    {Msg::WorkOnSite, {"On site", "ადგილზე", "На месте", "На месцы"}},
    {Msg::PerMonth, {"per month", "თვეში", "в месяц", "у месяц"}},
    {Msg::SalaryNotStated,
     {"Salary not stated", "ხელფასი არ არის მითითებული", "Зарплата не указана", "Зарплата не пазначана"}},
    {Msg::JobDetailTitle, {"About this job", "ვაკანსიის შესახებ", "О вакансии", "Пра вакансію"}},
    {Msg::Employer, {"Employer", "დამსაქმებელი", "Работодатель", "Працадаўца"}},
    {Msg::Location, {"Where", "სად", "Где", "Дзе"}},
    {Msg::Salary, {"Salary", "ხელფასი", "Зарплата", "Зарплата"}},
    {Msg::Posted, {"Posted", "გამოქვეყნდა", "Опубликовано", "Апублікавана"}},
    {Msg::SkillsNeeded, {"Skills you need", "საჭირო უნარები", "Нужные навыки", "Патрэбныя навыкі"}},
    {Msg::AboutJob, {"What you will do", "რას გააკეთებთ", "Что нужно делать", "Што трэба рабіць"}},
    {Msg::CoursesTitle, {"Courses", "კურსები", "Курсы", "Курсы"}},
    {Msg::CoursesFound, {"Courses: %d", "კურსები: %d", "Курсов: %d", "Курсаў: %d"}},
    {Msg::FormatWebinar, {"Online (webinar)", "ონლაინ (ვებინარი)", "Онлайн (вебинар)", "Анлайн (вэбінар)"}},
    {Msg::FormatSeminar, {"In class (seminar)", "აუდიტორიაში (სემინარი)", "В классе (семинар)", "У класе (семінар)"}},
    {Msg::FormatBlended,
     {"Online and in class", "ონლაინ და აუდიტორიაში", "Онлайн и в классе", "Анлайн і ў класе"}},
    {Msg::Starts, {"Starts", "იწყება", "Начало", "Пачатак"}},
    {Msg::SkillsTaught, {"You will learn", "ისწავლით", "Вы научитесь", "Вы навучыцеся"}},
    {Msg::LanguageTitle, {"Choose your language", "აირჩიეთ ენა", "Выберите язык", "Абярыце мову"}},
    {Msg::HelpTitle, {"Help", "დახმარება", "Помощь", "Дапамога"}},
    {Msg::HelpBody,
     {"Touch a button with your finger. \"Back\" returns to the screen before. \"Home\" returns to the start.",
      "შეეხეთ ღილაკს თითით. „უკან“ დაგაბრუნებთ წინა ეკრანზე, „მთავარი“ — საწყის ეკრანზე.",
      "Коснитесь кнопки пальцем. «Назад» вернёт на предыдущий экран, «На главную» — на начальный.",
      "Дакраніцеся да кнопкі пальцам. «Назад» верне на папярэдні экран, «На галоўную» — на пачатковы."}},
    {Msg::HelpClerk,
     {"Need help? Ask a clerk at the front desk.", "გჭირდებათ დახმარება? მიმართეთ კონსულტანტს მიღების მაგიდასთან.",
      "Нужна помощь? Обратитесь к консультанту у стойки.", "Патрэбна дапамога? Звярніцеся да кансультанта каля стойкі."}},
    {Msg::LoadFailed,
     {"The list could not be loaded. Please ask a clerk for help.",
      "სიის ჩატვირთვა ვერ მოხერხდა. გთხოვთ, მიმართოთ კონსულტანტს.",
      "Не удалось загрузить список. Пожалуйста, обратитесь к консультанту.",
      "Не атрымалася загрузіць спіс. Калі ласка, звярніцеся да кансультанта."}},
    {Msg::ApplyButton, {"Apply for this job", "განაცხადის გაგზავნა", "Откликнуться на вакансию", "Адгукнуцца на вакансію"}},
    {Msg::LearnSkills, {"Courses that teach these skills", "კურსები, სადაც ამ უნარებს ისწავლით", "Курсы, где учат этим навыкам", "Курсы, дзе вучаць гэтым навыкам"}},
    {Msg::ApplyTitle, {"Apply", "განაცხადი", "Отклик", "Водгук"}},
    {Msg::EnrollTitle, {"Ask for a place", "ადგილის მოთხოვნა", "Запись на курс", "Запіс на курс"}},
    {Msg::FieldName, {"Your name", "თქვენი სახელი", "Ваше имя", "Ваша імя"}},
    {Msg::FieldPhone, {"Phone number", "ტელეფონის ნომერი", "Номер телефона", "Нумар тэлефона"}},
    {Msg::FieldEmail, {"E-mail (if you have one)", "ელფოსტა (თუ გაქვთ)", "Эл. почта (если есть)", "Эл. пошта (калі ёсць)"}},
    {Msg::FieldNote, {"A short note (you may leave it empty)", "მოკლე შენიშვნა (შეგიძლიათ დატოვოთ ცარიელი)", "Короткая записка (можно оставить пустой)", "Кароткая запіска (можна пакінуць пустой)"}},
    {Msg::ConsentText, {"Your name and phone go to the employer or course organiser, and to no one else.", "თქვენი სახელი და ტელეფონი გადაეცემა მხოლოდ დამსაქმებელს ან კურსის ორგანიზატორს.", "Ваше имя и телефон получит только работодатель или организатор курса.", "Вашы імя і тэлефон атрымае толькі працадаўца або арганізатар курса."}},
    {Msg::ConsentAgree, {"I agree", "ვეთანხმები", "Я согласен(на)", "Я згодны(на)"}},
    {Msg::ConsentAgreed, {"Agreed (touch to undo)", "დათანხმებულია (შეეხეთ გასაუქმებლად)", "Согласие дано (коснитесь, чтобы отменить)", "Згода дадзена (дакраніцеся, каб адмяніць)"}},
    {Msg::SendApplication, {"Send application", "გაგზავნა", "Отправить отклик", "Адправіць водгук"}},
    {Msg::SendEnrollment, {"Ask for this place", "ადგილის მოთხოვნა", "Записаться", "Запісацца"}},
    {Msg::ProblemName, {"Please write your name.", "გთხოვთ, ჩაწეროთ სახელი.", "Пожалуйста, напишите имя.", "Калі ласка, напішыце імя."}},
    {Msg::ProblemPhone, {"Please write a phone number: 6 to 15 digits.", "გთხოვთ, ჩაწეროთ ტელეფონის ნომერი: 6-დან 15 ციფრამდე.", "Пожалуйста, напишите номер телефона: от 6 до 15 цифр.", "Калі ласка, напішыце нумар тэлефона: ад 6 да 15 лічбаў."}},
    {Msg::ProblemEmail, {"This e-mail address does not look right.", "ელფოსტის მისამართი არასწორია.", "Адрес эл. почты выглядит неверно.", "Адрас эл. пошты выглядае няправільна."}},
    {Msg::ProblemConsent, {"Please read the sentence above and touch \"I agree\".", "გთხოვთ, წაიკითხოთ ზემოთ მოცემული და შეეხოთ „ვეთანხმები“.", "Пожалуйста, прочитайте текст выше и коснитесь «Я согласен(на)».", "Калі ласка, прачытайце тэкст вышэй і дакраніцеся «Я згодны(на)»."}},
    {Msg::ProblemSave, {"This could not be saved. Please ask a clerk for help.", "შენახვა ვერ მოხერხდა. გთხოვთ, მიმართოთ კონსულტანტს.", "Не удалось сохранить. Пожалуйста, обратитесь к консультанту.", "Не атрымалася захаваць. Калі ласка, звярніцеся да кансультанта."}},
    {Msg::Saving, {"Saving…", "ინახება…", "Сохранение…", "Захаванне…"}},
    {Msg::ReceiptTitle, {"Saved", "შენახულია", "Сохранено", "Захавана"}},
    {Msg::ReceiptApplied, {"Your application is saved. It goes to the employer as soon as this kiosk is online.", "თქვენი განაცხადი შენახულია. ის დამსაქმებელს გაეგზავნება, როგორც კი კიოსკი ინტერნეტს დაუკავშირდება.", "Ваш отклик сохранён. Он уйдёт работодателю, как только киоск выйдет в сеть.", "Ваш водгук захаваны. Ён пойдзе працадаўцу, як толькі кіёск выйдзе ў сетку."}},
    {Msg::ReceiptEnrolled, {"Your request for a place is saved. It goes to the course as soon as this kiosk is online.", "ადგილის მოთხოვნა შენახულია. ის გაიგზავნება, როგორც კი კიოსკი ინტერნეტს დაუკავშირდება.", "Ваша заявка сохранена. Она уйдёт организаторам, как только киоск выйдет в сеть.", "Ваша заяўка захавана. Яна пойдзе арганізатарам, як толькі кіёск выйдзе ў сетку."}},
    {Msg::ReceiptWaitlisted, {"This course date is full. You are on the waiting list, place %d.", "ეს ჯგუფი სავსეა. თქვენ ხართ მოლოდინის სიაში, ადგილი %d.", "Эта группа заполнена. Вы в листе ожидания, место %d.", "Гэтая група запоўнена. Вы ў спісе чакання, месца %d."}},
    {Msg::YourCode, {"Your reference code", "თქვენი კოდი", "Ваш код", "Ваш код"}},
    {Msg::KeepCode, {"Write it down or take a photo. With it you can check your status here or ask a clerk.", "ჩაიწერეთ ან გადაიღეთ ფოტო. ამ კოდით შეგიძლიათ აქ შეამოწმოთ სტატუსი ან ჰკითხოთ კონსულტანტს.", "Запишите его или сфотографируйте. По нему можно проверить статус здесь или у консультанта.", "Запішыце яго або сфатаграфуйце. Па ім можна праверыць статус тут або ў кансультанта."}},
    {Msg::Finish, {"Finish", "დასრულება", "Завершить", "Завяршыць"}},
    {Msg::TileStatus, {"My applications", "ჩემი განაცხადები", "Мои заявки", "Мае заяўкі"}},
    {Msg::TileStatusHint, {"Check with your reference code", "შეამოწმეთ თქვენი კოდით", "Проверить по коду", "Праверыць па кодзе"}},
    {Msg::StatusTitle, {"Check my status", "სტატუსის შემოწმება", "Проверить статус", "Праверыць статус"}},
    {Msg::FieldCode, {"Reference code (6 letters and digits)", "კოდი (6 ასო და ციფრი)", "Код (6 букв и цифр)", "Код (6 літар і лічбаў)"}},
    {Msg::CheckButton, {"Check", "შემოწმება", "Проверить", "Праверыць"}},
    {Msg::StatusUnknown, {"No application or course place has this code. Please check the letters.", "ამ კოდით განაცხადი ვერ მოიძებნა. გთხოვთ, შეამოწმოთ ასოები.", "Заявки с таким кодом нет. Пожалуйста, проверьте буквы.", "Заяўкі з такім кодам няма. Калі ласка, праверце літары."}},
    {Msg::StatusPending, {"Saved here, not yet delivered.", "შენახულია აქ, ჯერ არ გაგზავნილა.", "Сохранено здесь, ещё не отправлено.", "Захавана тут, яшчэ не адпраўлена."}},
    {Msg::StatusSubmitted, {"Delivered. Waiting for an answer.", "გაგზავნილია. ველოდებით პასუხს.", "Отправлено. Ждём ответа.", "Адпраўлена. Чакаем адказу."}},
    {Msg::StatusAccepted, {"Accepted.", "მიღებულია.", "Принято.", "Прынята."}},
    {Msg::StatusRejected, {"Not accepted this time.", "ამჯერად არ მიიღეს.", "На этот раз не принято.", "На гэты раз не прынята."}},
    {Msg::StatusConfirmed, {"Your place is confirmed.", "თქვენი ადგილი დადასტურებულია.", "Ваше место подтверждено.", "Ваша месца пацверджана."}},
    {Msg::StatusWaitlisted, {"On the waiting list, place %d.", "მოლოდინის სიაში, ადგილი %d.", "В листе ожидания, место %d.", "У спісе чакання, месца %d."}},
    {Msg::StatusCancelled, {"Cancelled.", "გაუქმებულია.", "Отменено.", "Адменена."}},
    {Msg::CourseDetailTitle, {"About this course", "კურსის შესახებ", "О курсе", "Пра курс"}},
    {Msg::Sessions, {"Dates and places", "თარიღები და ადგილები", "Даты и места", "Даты і месцы"}},
    {Msg::SeatsLeft, {"Places left: %d", "დარჩენილი ადგილები: %d", "Свободных мест: %d", "Вольных месцаў: %d"}},
    {Msg::SessionFull, {"Full", "სავსეა", "Мест нет", "Месцаў няма"}},
    {Msg::JoinWaitlist, {"Join the waiting list", "მოლოდინის სიაში ჩაწერა", "Встать в лист ожидания", "Стаць у спіс чакання"}},
    {Msg::StepFree, {"Step-free venue", "ადაპტირებული შენობა", "Доступное здание", "Даступны будынак"}},
    {Msg::FlexibleSchedule, {"Flexible hours", "მოქნილი განრიგი", "Гибкий график", "Гнуткі графік"}},
    {Msg::IdleWarning, {"Are you still there? The screen will clear in %d seconds.", "აქ ხართ? ეკრანი გასუფთავდება %d წამში.", "Вы здесь? Экран очистится через %d с.", "Вы тут? Экран ачысціцца праз %d с."}},
    {Msg::MoreTime, {"More time", "მეტი დრო", "Ещё время", "Яшчэ час"}},
    {Msg::FilterRemote, {"Remote work", "დისტანციური", "Удалённо", "Аддалена"}},
    {Msg::FilterHybrid, {"Hybrid", "ჰიბრიდული", "Гибрид", "Гібрыд"}},
    {Msg::FilterOnSite, {"On site", "ადგილზე", "На месте", "На месцы"}},
    {Msg::SalaryFrom, {"From %d", "%d-დან", "От %d", "Ад %d"}},
    {Msg::TextSize, {"Text size", "ტექსტის ზომა", "Размер текста", "Памер тэксту"}},
    {Msg::HighContrast, {"High contrast", "მაღალი კონტრასტი", "Высокий контраст", "Высокі кантраст"}},
    {Msg::KeySpace, {"Space", "ჰარი", "Пробел", "Прабел"}},
    {Msg::KeyErase, {"Erase", "წაშლა", "Стереть", "Сцерці"}},
    {Msg::KeyDone, {"Done", "მზადაა", "Готово", "Гатова"}},
    {Msg::JobsForSkills, {"Jobs that ask for these skills", "ვაკანსიები, სადაც ეს უნარები გჭირდებათ", "Вакансии, где нужны эти навыки", "Вакансіі, дзе патрэбныя гэтыя навыкі"}},
    {Msg::ReceiptDelivered, {"Delivered to the employment office.", "გაგზავნილია დასაქმების სამსახურში.", "Доставлено в службу занятости.", "Дастаўлена ў службу занятасці."}},
    {Msg::DeliveryTitle, {"Connection to the office", "კავშირი ოფისთან", "Связь с офисом", "Сувязь з офісам"}},
    {Msg::DeliveryOff, {"This kiosk works on its own: nothing is sent.", "ეს კიოსკი დამოუკიდებლად მუშაობს: არაფერი იგზავნება.", "Киоск работает сам по себе: ничего не отправляется.", "Кіёск працуе сам па сабе: нічога не адпраўляецца."}},
    {Msg::DeliveryConnecting, {"Connecting…", "უკავშირდება…", "Подключение…", "Падключэнне…"}},
    {Msg::DeliveryUpToDate, {"Everything is sent.", "ყველაფერი გაგზავნილია.", "Всё отправлено.", "Усё адпраўлена."}},
    {Msg::DeliveryBusy, {"Sending…", "იგზავნება…", "Отправка…", "Адпраўка…"}},
    {Msg::DeliveryOffline, {"Offline. Everything is kept here and sent later.", "კავშირი არ არის. ყველაფერი აქ ინახება და მოგვიანებით გაიგზავნება.", "Нет связи. Всё хранится здесь и будет отправлено позже.", "Няма сувязі. Усё захоўваецца тут і будзе адпраўлена пазней."}},
    {Msg::DeliveryRetrying, {"The office's server is busy. Trying again soon.", "ოფისის სერვერი დაკავებულია. მალე ვცდით ხელახლა.", "Сервер офиса занят. Скоро попробуем снова.", "Сервер офіса заняты. Хутка паспрабуем зноў."}},
    {Msg::DeliveryNotSetUp, {"Not set up yet. Please ask a clerk.", "ჯერ არ არის გამართული. მიმართეთ კონსულტანტს.", "Ещё не настроено. Обратитесь к консультанту.", "Яшчэ не наладжана. Звярніцеся да кансультанта."}},
    {Msg::DeliveryWaiting, {"Waiting to be sent: %d.", "ელოდება გაგზავნას: %d.", "Ждут отправки: %d.", "Чакаюць адпраўкі: %d."}},
    {Msg::SyncNow, {"Send now", "ახლავე გაგზავნა", "Отправить сейчас", "Адправіць зараз"}},
    {Msg::TileCallClerk, {"Call a clerk", "კონსულტანტის გამოძახება", "Позвать консультанта", "Паклікаць кансультанта"}},
    {Msg::TileCallClerkHint, {"Someone will come to help you", "ვინმე მოვა და დაგეხმარებათ", "К вам подойдут и помогут", "Да вас падыдуць і дапамогуць"}},
    {Msg::ClerkCalled, {"A clerk has been called. Please wait here.", "კონსულტანტი გამოძახებულია. გთხოვთ, აქ დაელოდოთ.", "Консультант вызван. Пожалуйста, подождите здесь.", "Кансультант выкліканы. Калі ласка, пачакайце тут."}},
    {Msg::ClerkCallFailed, {"The call did not go through. Please go to the front desk.", "გამოძახება ვერ მოხერხდა. გთხოვთ, მიმართოთ მისაღებს.", "Вызов не прошёл. Пожалуйста, подойдите к стойке.", "Выклік не прайшоў. Калі ласка, падыдзіце да стойкі."}},
    {Msg::AttractTitle, {"Find a job or a course", "იპოვეთ სამუშაო ან კურსი", "Найдите работу или курс", "Знайдзіце працу або курс"}},
    {Msg::AttractTouch, {"Touch the screen to start", "შეეხეთ ეკრანს დასაწყებად", "Коснитесь экрана, чтобы начать", "Дакраніцеся да экрана, каб пачаць"}},
    {Msg::GroupYouth, {"Young people", "ახალგაზრდები", "Молодёжь", "Моладзь"}},
    {Msg::GroupAdults, {"Adults", "ზრდასრულები", "Взрослые", "Дарослыя"}},
    {Msg::GroupChildren, {"Children", "ბავშვები", "Дети", "Дзеці"}},
    {Msg::GroupParentalLeave, {"Parents on leave", "მშობლები დეკრეტულ შვებულებაში", "Родители в декрете", "Бацькі ў дэкрэце"}},
    {Msg::GroupDisability, {"People with disabilities", "შეზღუდული შესაძლებლობის მქონე პირები", "Люди с инвалидностью", "Людзі з інваліднасцю"}},
    {Msg::CourseFor, {"For", "ვისთვის", "Для кого", "Для каго"}},
    {Msg::TakeItWithYou, {"Take it with you", "წაიღეთ თან", "Возьмите с собой", "Вазьміце з сабой"}},
    {Msg::PointYourPhone, {"Point your phone's camera at the code: the details go to your phone.", "მიუშვირეთ ტელეფონის კამერა კოდს: ინფორმაცია ტელეფონში გადავა.", "Наведите камеру телефона на код: сведения сохранятся в телефоне.", "Навядзіце камеру тэлефона на код: звесткі захаваюцца ў тэлефоне."}},
    {Msg::Listen, {"Listen", "მოსმენა", "Слушать", "Слухаць"}},
    {Msg::AudioGuidance, {"Audio guidance", "ხმოვანი დახმარება", "Голосовые подсказки", "Галасавыя падказкі"}},
    {Msg::SpeakCode, {"Your reference code is", "თქვენი კოდია", "Ваш код", "Ваш код"}},
    {Msg::SpeakSecondsLeft, {"Are you still there? Touch the screen for more time. %d seconds.", "აქ ხართ? შეეხეთ ეკრანს მეტი დროისთვის. %d წამი.", "Вы здесь? Коснитесь экрана, чтобы продолжить. %d секунд.", "Вы тут? Дакраніцеся да экрана, каб працягнуць. %d секунд."}},
    {Msg::SpeakButton, {"button", "ღილაკი", "кнопка", "кнопка"}},
    {Msg::SpeakField, {"text field", "ტექსტის ველი", "поле для текста", "поле для тэксту"}},
};

static_assert(sizeof(kCatalog) / sizeof(kCatalog[0]) == static_cast<size_t>(Msg::Count),
              "every Msg needs exactly one catalog entry");

constexpr bool catalogIsInOrder() {
    for (size_t i = 0; i < sizeof(kCatalog) / sizeof(kCatalog[0]); ++i)
        if (static_cast<size_t>(kCatalog[i].msg) != i) return false;
    return true;
}
static_assert(catalogIsInOrder(), "catalog entries must follow the order of Msg");

}  // namespace

const char* languageCode(Language language) {
    switch (language) {
        case Language::Georgian: return "ka";
        case Language::Russian: return "ru";
        case Language::Belarusian: return "be";
        case Language::English: break;
    }
    return "en";
}

std::optional<Language> languageFromCode(std::string_view code) {
    for (Language l : kAllLanguages)
        if (code == languageCode(l)) return l;
    return std::nullopt;
}

const char* nativeLanguageName(Language language) {
    switch (language) {
        case Language::Georgian: return "ქართული";
        case Language::Russian: return "Русский";
        case Language::Belarusian: return "Беларуская";
        case Language::English: break;
    }
    return "English";
}

const char* tr(Language language, Msg msg) {
    const auto index = static_cast<size_t>(msg);
    if (index >= static_cast<size_t>(Msg::Count)) return "";
    return kCatalog[index].text[static_cast<size_t>(language)];
}

std::string trf(Language language, Msg msg, long long value) {
    std::string text = tr(language, msg);
    if (const auto at = text.find("%d"); at != std::string::npos) text.replace(at, 2, std::to_string(value));
    return text;
}

}  // namespace dc::ui
