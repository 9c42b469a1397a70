#include "catalog/catalog_generator.hpp"

#include <array>
#include <cstdio>
#include <string>
#include <vector>

namespace dc::catalog {
namespace {

class Random {
public:
    explicit Random(uint64_t seed) : m_state(seed) {}
    uint64_t next() {
        uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    size_t below(size_t n) { return static_cast<size_t>(next() % n); }
    bool chance(int percent) { return below(100) < static_cast<size_t>(percent); }
    template <class C>
    const auto& pick(const C& items) {
        return items[below(std::size(items))];
    }

private:
    uint64_t m_state;
};

enum Lang { En, Ka, Ru, Be };
using Words = std::array<const char*, 4>;  // en, ka, ru, be

struct City {
    const char* region;
    Words name;
};

const City kGeorgia[] = {
    {"Tbilisi", {"Tbilisi", "თბილისი", "Тбилиси", "Тбілісі"}},
    {"Tbilisi", {"Tbilisi", "თბილისი", "Тбилиси", "Тбілісі"}},
    {"Imereti", {"Kutaisi", "ქუთაისი", "Кутаиси", "Кутаісі"}},
    {"Imereti", {"Zestaponi", "ზესტაფონი", "Зестафони", "Зестафоні"}},
    {"Imereti", {"Samtredia", "სამტრედია", "Самтредиа", "Самтрэдыя"}},
    {"Adjara", {"Batumi", "ბათუმი", "Батуми", "Батумі"}},
    {"Adjara", {"Kobuleti", "ქობულეთი", "Кобулети", "Кабулеці"}},
    {"Kvemo Kartli", {"Rustavi", "რუსთავი", "Рустави", "Руставі"}},
    {"Kvemo Kartli", {"Marneuli", "მარნეული", "Марнеули", "Марнеулі"}},
    {"Samegrelo-Zemo Svaneti", {"Zugdidi", "ზუგდიდი", "Зугдиди", "Зугдзідзі"}},
    {"Samegrelo-Zemo Svaneti", {"Poti", "ფოთი", "Поти", "Поці"}},
    {"Kakheti", {"Telavi", "თელავი", "Телави", "Телаві"}},
    {"Kakheti", {"Gurjaani", "გურჯაანი", "Гурджаани", "Гурджаані"}},
    {"Shida Kartli", {"Gori", "გორი", "Гори", "Горы"}},
    {"Samtskhe-Javakheti", {"Akhaltsikhe", "ახალციხე", "Ахалцихе", "Ахалцыхе"}},
    {"Samtskhe-Javakheti", {"Borjomi", "ბორჯომი", "Боржоми", "Баржомі"}},
    {"Guria", {"Ozurgeti", "ოზურგეთი", "Озургети", "Азургеці"}},
    {"Mtskheta-Mtianeti", {"Mtskheta", "მცხეთა", "Мцхета", "Мцхета"}},
};

const City kBelarus[] = {
    {"Minsk", {"Minsk", "მინსკი", "Минск", "Мінск"}},
    {"Minsk", {"Minsk", "მინსკი", "Минск", "Мінск"}},
    {"Minsk Region", {"Barysaw", "ბორისოვი", "Борисов", "Барысаў"}},
    {"Minsk Region", {"Salihorsk", "სოლიგორსკი", "Солигорск", "Салігорск"}},
    {"Minsk Region", {"Maladzyechna", "მოლოდეჩნო", "Молодечно", "Маладзечна"}},
    {"Brest Region", {"Brest", "ბრესტი", "Брест", "Брэст"}},
    {"Brest Region", {"Pinsk", "პინსკი", "Пинск", "Пінск"}},
    {"Brest Region", {"Baranavichy", "ბარანოვიჩი", "Барановичи", "Баранавічы"}},
    {"Gomel Region", {"Gomel", "გომელი", "Гомель", "Гомель"}},
    {"Gomel Region", {"Mazyr", "მოზირი", "Мозырь", "Мазыр"}},
    {"Gomel Region", {"Zhlobin", "ჟლობინი", "Жлобин", "Жлобін"}},
    {"Grodno Region", {"Grodno", "გროდნო", "Гродно", "Гродна"}},
    {"Grodno Region", {"Lida", "ლიდა", "Лида", "Ліда"}},
    {"Mogilev Region", {"Mogilev", "მოგილიოვი", "Могилёв", "Магілёў"}},
    {"Mogilev Region", {"Babruysk", "ბობრუისკი", "Бобруйск", "Бабруйск"}},
    {"Vitebsk Region", {"Vitebsk", "ვიტებსკი", "Витебск", "Віцебск"}},
    {"Vitebsk Region", {"Orsha", "ორშა", "Орша", "Орша"}},
    {"Vitebsk Region", {"Polotsk", "პოლოცკი", "Полоцк", "Полацк"}},
};

struct Occupation {
    Words title;
    const char* category;
    std::array<const char*, 3> skills;
    int salaryLow, salaryHigh;  // GEL per month; scaled for other currencies
    bool remoteFriendly;
};

const Occupation kOccupations[] = {
    {{"Accountant", "ბუღალტერი", "Бухгалтер", "Бухгалтар"}, "Finance", {"accounting", "Excel", "1C"}, 1500, 3500, true},
    {{"Software developer", "პროგრამისტი", "Программист", "Праграміст"}, "IT", {"C++", "SQL", "Git"}, 2500, 8000, true},
    {{"QA tester", "ტესტერი", "Тестировщик", "Тэсціроўшчык"},
     "IT",
     {"software testing", "attention to detail", "English"},
     1400,
     3500,
     true},
    {{"Truck driver", "მძღოლი", "Водитель грузовика", "Вадзіцель грузавіка"},
     "Transport",
     {"driving licence C", "logistics", "route planning"},
     1500,
     3200,
     false},
    {{"Waiter", "მიმტანი", "Официант", "Афіцыянт"}, "Hospitality", {"customer service", "teamwork", "English"}, 900, 1800, false},
    {{"Cook", "მზარეული", "Повар", "Повар"}, "Hospitality", {"cooking", "food safety", "teamwork"}, 1100, 2600, false},
    {{"Sales manager", "გაყიდვების მენეჯერი", "Менеджер по продажам", "Менеджар па продажах"},
     "Sales",
     {"sales", "negotiation", "CRM"},
     1300,
     4500,
     true},
    {{"Call centre operator", "ქოლ-ცენტრის ოპერატორი", "Оператор колл-центра", "Аператар кол-цэнтра"},
     "Customer service",
     {"communication", "computer", "Russian"},
     900,
     1600,
     true},
    {{"Nurse", "ექთანი", "Медсестра", "Медсястра"}, "Healthcare", {"patient care", "first aid", "teamwork"}, 1000, 2000, false},
    {{"Teacher", "მასწავლებელი", "Учитель", "Настаўнік"},
     "Education",
     {"teaching", "communication", "computer"},
     900,
     1800,
     true},
    {{"Electrician", "ელექტრიკოსი", "Электрик", "Электрык"},
     "Construction",
     {"electrical safety", "wiring", "driving licence B"},
     1400,
     3000,
     false},
    {{"Welder", "შემდუღებელი", "Сварщик", "Зваршчык"},
     "Manufacturing",
     {"welding", "blueprint reading", "safety"},
     1500,
     3200,
     false},
    {{"Web designer", "ვებ-დიზაინერი", "Веб-дизайнер", "Вэб-дызайнер"}, "IT", {"Figma", "HTML", "CSS"}, 1500, 4000, true},
    {{"Warehouse worker", "საწყობის მუშაკი", "Кладовщик", "Кладаўшчык"},
     "Logistics",
     {"logistics", "1C", "forklift"},
     900,
     1700,
     false},
    {{"Seamstress", "მკერავი", "Швея", "Швачка"},
     "Manufacturing",
     {"sewing", "sewing machine", "attention to detail"},
     800,
     1500,
     false},
    {{"Data entry operator", "მონაცემთა შეყვანის ოპერატორი", "Оператор ввода данных", "Аператар уводу даных"},
     "Office",
     {"typing", "Excel", "attention to detail"},
     900,
     1500,
     true},
    {{"Hotel receptionist", "სასტუმროს ადმინისტრატორი", "Администратор гостиницы", "Адміністратар гасцініцы"},
     "Hospitality",
     {"English", "customer service", "computer"},
     1000,
     2000,
     false},
    {{"Translator", "თარჯიმანი", "Переводчик", "Перакладчык"}, "Languages", {"English", "Russian", "Georgian"}, 1200, 3000, true},
    {{"Digital marketing specialist", "ციფრული მარკეტინგის სპეციალისტი", "Специалист по digital-маркетингу",
      "Спецыяліст па лічбавым маркетынгу"},
     "Marketing",
     {"social media", "copywriting", "analytics"},
     1300,
     3800,
     true},
};

const char* const kGeorgianEmployers[] = {
    "Silknet", "Magti", "Bank of Georgia", "TBC Bank",         "Nikora",       "Carrefour GE",
    "Aversi",  "GPC",   "Wissol",          "Georgian Railway", "Liberty Bank", "Biblus"};
const char* const kBelarusEmployers[] = {"А1 Беларусь",  "Белшина", "Милавица",    "Евроопт",      "Белавиа",   "Беларусбанк",
                                         "EPAM Systems", "МТЗ",     "Белкоопсоюз", "Санта Ритейл", "Гомсельмаш"};
const char* const kFreelanceEmployers[] = {"Upwork client", "Freelance project", "Remote startup", "Online agency"};

// Description sentences per language; {t} title, {e} employer, {c} city.
const Words kOpenings = {
    "{e} is looking for a {t} to join the team in {c}.",
    "{e} ეძებს თანამშრომელს პოზიციაზე „{t}“. ქალაქი: {c}.",
    "Компания {e} ищет сотрудника на должность «{t}» в городе {c}.",
    "Кампанія {e} шукае супрацоўніка на пасаду «{t}» у горадзе {c}.",
};
const Words kSchedules[] = {
    {"Full-time, Monday to Friday.", "სრული განაკვეთი, ორშაბათიდან პარასკევამდე.", "Полный день, с понедельника по пятницу.",
     "Поўны дзень, з панядзелка па пятніцу."},
    {"Shifts of two days on, two days off.", "ცვლები: ორი დღე მუშაობა, ორი დღე დასვენება.", "Сменный график два через два.",
     "Зменны графік два праз два."},
    {"Part-time, mornings or evenings.", "ნახევარი განაკვეთი, დილით ან საღამოს.", "Неполный день, утром или вечером.",
     "Няпоўны дзень, раніцай або ўвечары."},
    {"Flexible hours, suitable for parents.", "მოქნილი გრაფიკი, მოსახერხებელია მშობლებისთვის.",
     "Гибкий график, подходит родителям.", "Гнуткі графік, падыходзіць бацькам."},
};
const Words kBenefits[] = {
    {"We train you on the job and pay on time.", "გასწავლით ადგილზე, ხელფასი დროულად.",
     "Обучение на месте, зарплата без задержек.", "Навучанне на месцы, зарплата без затрымак."},
    {"Health insurance after three months.", "ჯანმრთელობის დაზღვევა სამი თვის შემდეგ.", "Медицинская страховка через три месяца.",
     "Медыцынская страхоўка праз тры месяцы."},
    {"Free lunch and transport from the city centre.", "უფასო სადილი და ტრანსპორტი ქალაქის ცენტრიდან.",
     "Бесплатный обед и транспорт из центра города.", "Бясплатны абед і транспарт з цэнтра горада."},
    {"Accessible workplace; people with disabilities are welcome.", "ადაპტირებული სამუშაო ადგილი; შშმ პირებს ვიწვევთ.",
     "Доступное рабочее место, приглашаем людей с инвалидностью.", "Даступнае працоўнае месца, запрашаем людзей з інваліднасцю."},
};
const Words kRemoteNote = {
    "You can work from home with a computer and internet.", "შეგიძლიათ იმუშაოთ სახლიდან კომპიუტერით და ინტერნეტით.",
    "Можно работать из дома, нужны компьютер и интернет.", "Можна працаваць з дому, патрэбны камп'ютар і інтэрнэт."};

struct CourseTopic {
    Words name;
    std::array<const char*, 3> teaches;
};
const CourseTopic kTopics[] = {
    {{"Computer basics", "კომპიუტერის საფუძვლები", "Основы работы на компьютере", "Асновы працы на камп'ютары"},
     {"computer", "typing", "email"}},
    {{"Excel for work", "Excel სამუშაოსთვის", "Excel для работы", "Excel для працы"},
     {"Excel", "computer", "attention to detail"}},
    {{"Software testing from zero", "პროგრამული უზრუნველყოფის ტესტირება ნულიდან", "Тестирование ПО с нуля",
      "Тэсціраванне ПЗ з нуля"},
     {"software testing", "attention to detail", "English"}},
    {{"Web design", "ვებ-დიზაინი", "Веб-дизайн", "Вэб-дызайн"}, {"Figma", "HTML", "CSS"}},
    {{"Programming basics", "პროგრამირების საფუძვლები", "Основы программирования", "Асновы праграмавання"},
     {"C++", "SQL", "Git"}},
    {{"Digital marketing", "ციფრული მარკეტინგი", "Цифровой маркетинг", "Лічбавы маркетынг"},
     {"social media", "copywriting", "analytics"}},
    {{"Internet safety", "უსაფრთხოება ინტერნეტში", "Безопасность в интернете", "Бяспека ў інтэрнэце"},
     {"internet safety", "email", "computer"}},
    {{"Finding a job online", "სამუშაოს ძებნა ონლაინ", "Поиск работы онлайн", "Пошук працы анлайн"},
     {"CV writing", "email", "communication"}},
    {{"Accounting with 1C", "ბუღალტერია 1C-ით", "Бухгалтерия в 1С", "Бухгалтэрыя ў 1С"}, {"accounting", "1C", "Excel"}},
};
const char* const kFormats[] = {"webinar", "seminar", "blended"};
const char* const kGroups[] = {"youth", "adults", "children", "parental_leave", "disability"};

std::string replaceAll(std::string text, const std::string& key, const std::string& value) {
    for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
        text.replace(at, key.size(), value);
    return text;
}

std::string date(int daysFromBase) {
    // Days are counted from 2026-01-01; months are approximated by 30-day steps, which is all a
    // demo catalog needs, but the result is always a valid calendar date.
    static const int kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int year = 2026, month = 0, day = daysFromBase;
    while (day >= kMonthDays[month]) {
        day -= kMonthDays[month];
        if (++month == 12) {
            month = 0;
            ++year;
        }
    }
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month + 1, day + 1);
    return buf;
}

}  // namespace

// Long because it is mostly data: the mix of jobs and courses the demo and the benchmarks need,
// written where it can be read as one list of proportions.
domain::CatalogBatch generateCatalog(const GeneratorOptions& options) {
    Random rng(options.seed);
    domain::CatalogBatch batch;
    batch.jobUpserts.reserve(options.jobs);
    constexpr int kToday = 325;  // 2026-11-22, the newest posting date

    for (size_t i = 0; i < options.jobs; ++i) {
        const bool georgia = rng.chance(55);
        const Occupation& occ = rng.pick(kOccupations);
        const City& city = georgia ? rng.pick(kGeorgia) : rng.pick(kBelarus);
        // The language a posting is written in follows the country's habits.
        const size_t roll = rng.below(100);
        const Lang lang = georgia ? (roll < 60 ? Ka : roll < 80 ? En : Ru) : (roll < 60 ? Ru : roll < 85 ? Be : En);

        domain::JobRecord j;
        char id[32];
        std::snprintf(id, sizeof id, "gen-job-%08zu", i);
        j.id = id;
        const bool freelance = occ.remoteFriendly && rng.chance(10);
        j.workMode = freelance                     ? domain::WorkMode::Remote
            : occ.remoteFriendly && rng.chance(25) ? (rng.chance(50) ? domain::WorkMode::Remote : domain::WorkMode::Hybrid)
                                                   : domain::WorkMode::OnSite;
        j.title = occ.title[lang];
        j.employer = freelance ? rng.pick(kFreelanceEmployers)
            : georgia          ? rng.pick(kGeorgianEmployers)
                               : rng.pick(kBelarusEmployers);
        j.region = freelance ? "" : city.region;
        j.city = freelance ? "" : city.name[lang];
        j.category = occ.category;
        j.skills.assign(occ.skills.begin(), occ.skills.end());
        const std::string currency = freelance ? "USD" : georgia ? "GEL" : "BYN";
        const double scale = currency == "GEL" ? 1.0 : currency == "BYN" ? 1.15 : 0.37;
        const int low = occ.salaryLow + static_cast<int>(rng.below(static_cast<size_t>(occ.salaryHigh - occ.salaryLow) / 2 + 1));
        const int high = low + static_cast<int>(rng.below(static_cast<size_t>(occ.salaryHigh - low) + 1));
        j.salaryMin = static_cast<int64_t>(low * scale) / 50 * 50;
        j.salaryMax = static_cast<int64_t>(high * scale) / 50 * 50;
        j.salaryCurrency = currency;
        j.employmentType = freelance ? "CONTRACTOR" : rng.chance(80) ? "FULL_TIME" : "PART_TIME";
        const int posted = kToday - static_cast<int>(rng.below(60));
        j.datePosted = date(posted);
        // Open until filled: a demo catalog made once must not close itself a few weeks later
        // (postings with a closing date are the feeds' and the tests' own).
        j.validThrough.clear();
        std::string text = replaceAll(kOpenings[lang], "{e}", j.employer);
        text = replaceAll(text, "{t}", j.title);
        text = replaceAll(text, "{c}", j.city.empty() ? city.name[lang] : j.city);
        text += std::string(" ") + rng.pick(kSchedules)[lang] + " " + rng.pick(kBenefits)[lang];
        if (j.workMode == domain::WorkMode::Remote) text += std::string(" ") + kRemoteNote[lang];
        j.description = std::move(text);
        batch.jobUpserts.push_back(std::move(j));
    }

    for (size_t i = 0; i < options.courses; ++i) {
        const bool georgia = rng.chance(55);
        const City& city = georgia ? rng.pick(kGeorgia) : rng.pick(kBelarus);
        const Lang lang = georgia ? (rng.chance(75) ? Ka : En) : (rng.chance(70) ? Ru : Be);
        const CourseTopic& topic = rng.pick(kTopics);
        domain::CourseRecord c;
        char id[32];
        std::snprintf(id, sizeof id, "gen-course-%06zu", i);
        c.id = id;
        c.name = topic.name[lang];
        c.provider = std::string(city.name[En]) + " Tech Skills Center";
        c.city = city.name[lang];
        c.format = rng.pick(kFormats);
        c.skillsTaught.assign(topic.teaches.begin(), topic.teaches.end());
        c.targetGroups.push_back(rng.pick(kGroups));
        if (rng.chance(50)) {
            const char* second = rng.pick(kGroups);
            if (second != c.targetGroups.front()) c.targetGroups.push_back(second);
        }
        c.language = lang == Ka ? "ka" : lang == Ru ? "ru" : lang == Be ? "be" : "en";
        c.description = std::string(topic.name[lang]) + " — " + rng.pick(kSchedules)[lang];
        c.level = rng.chance(70) ? "beginner" : "intermediate";
        c.cost = rng.chance(85) ? 0 : 20 * static_cast<int64_t>(1 + rng.below(10));  // most are free
        c.costCurrency = georgia ? "GEL" : "BYN";
        // One to three runs, a month apart; some already full, so waitlists happen.
        const int firstDay = kToday + 7 + static_cast<int>(rng.below(90));
        c.startDate = date(firstDay);
        const size_t runs = 1 + rng.below(3);
        for (size_t run = 0; run < runs; ++run) {
            domain::CourseSession session;
            session.id = c.id + "-s" + std::to_string(run + 1);
            session.center = c.provider;
            session.city = c.city;
            session.startsAt = date(firstDay + 30 * static_cast<int>(run));
            session.endsAt = date(firstDay + 30 * static_cast<int>(run) + 21);
            session.scheduleNote = rng.pick(kSchedules)[lang];
            session.flexibleSchedule = rng.chance(20);
            session.capacity = 12 + static_cast<int64_t>(rng.below(19));
            session.seatsTaken =
                rng.chance(25) ? session.capacity : static_cast<int64_t>(rng.below(static_cast<size_t>(session.capacity)));
            session.accessibleVenue = rng.chance(60);
            c.sessions.push_back(std::move(session));
        }
        batch.courseUpserts.push_back(std::move(c));
    }
    return batch;
}

}  // namespace dc::catalog
