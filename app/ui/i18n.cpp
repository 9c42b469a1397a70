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
