#include "catalog/demo_catalog.hpp"

#include "catalog/catalog_generator.hpp"

namespace dc::catalog {
using namespace ::dc::domain;
namespace {

using domain::WorkMode;

domain::JobRecord job(std::string id, std::string title, std::string employer, std::string region, std::string city,
                      WorkMode mode, std::string category, std::vector<std::string> skills, int64_t salaryMin, int64_t salaryMax,
                      std::string currency, std::string posted, std::string description) {
    domain::JobRecord j;
    j.id = std::move(id);
    j.title = std::move(title);
    j.employer = std::move(employer);
    j.region = std::move(region);
    j.city = std::move(city);
    j.workMode = mode;
    j.category = std::move(category);
    j.skills = std::move(skills);
    j.salaryMin = salaryMin;
    j.salaryMax = salaryMax;
    j.salaryCurrency = std::move(currency);
    j.employmentType = "FULL_TIME";
    j.datePosted = std::move(posted);
    j.description = std::move(description);
    return j;
}

domain::CourseRecord course(std::string id, std::string name, std::string provider, std::string format, std::string city,
                            std::vector<std::string> groups, std::vector<std::string> skills, std::string language,
                            std::string start, std::string description) {
    domain::CourseRecord c;
    c.id = std::move(id);
    c.name = std::move(name);
    c.provider = std::move(provider);
    c.format = std::move(format);
    c.city = std::move(city);
    c.targetGroups = std::move(groups);
    c.skillsTaught = std::move(skills);
    c.language = std::move(language);
    c.startDate = std::move(start);
    c.description = std::move(description);
    return c;
}

}  // namespace

domain::CatalogBatch demoCatalog() {
    domain::CatalogBatch b;
    auto& jobs = b.jobUpserts;
    jobs.push_back(job("demo-job-001", "Junior QA tester", "Silknet", "Tbilisi", "Tbilisi", WorkMode::Hybrid, "IT",
                       {"software testing", "attention to detail", "English"}, 1800, 2400, "GEL", "2026-11-20",
                       "Test our mobile and web apps before each release. You follow written test steps, "
                       "write down what went wrong and check the fixes. We train you for the first month."));
    jobs.push_back(job("demo-job-002", "Официант", "ООО «Кавказ Логистик»", "Tbilisi", "Тбилиси", WorkMode::OnSite, "Hospitality",
                       {"обслуживание гостей", "русский язык"}, 1200, 1850, "GEL", "2026-11-19",
                       "Работа в зале ресторана, сменный график 2/2. Обучение на месте, питание за счёт "
                       "работодателя."));
    jobs.push_back(job("demo-job-003", "ბუღალტერი", "Carrefour GE", "Tbilisi", "თბილისი", WorkMode::OnSite, "Finance",
                       {"ბუღალტერია", "Excel"}, 2500, 3200, "GEL", "2026-11-18",
                       "პირველადი დოკუმენტაციის წარმოება, ანგარიშგება და საგადასახადო დეკლარაციები. "
                       "სამუშაო გრაფიკი: ორშაბათი-პარასკევი."));
    jobs.push_back(job("demo-job-004", "Sales Manager", "ООО «Грузтранс»", "Imereti", "Kutaisi", WorkMode::OnSite, "Sales",
                       {"sales", "negotiation", "Russian"}, 2000, 7400, "GEL", "2026-11-18",
                       "Find and keep business customers for freight transport across the region. Salary plus "
                       "a bonus for each contract."));
    jobs.push_back(job("demo-job-005", "პროგრამისტი", "Silknet", "Tbilisi", "Tbilisi", WorkMode::Remote, "IT",
                       {"C++", "SQL", "Git"}, 4500, 6800, "GEL", "2026-11-17",
                       "დისტანციური სამუშაო ჩვენს პროგრამულ გუნდში. საჭიროა C++ ან Python-ის ცოდნა."));
    jobs.push_back(job("demo-job-006", "Менеджер по продажам", "ООО «Кавказ Логистик»", "Adjara", "Батуми", WorkMode::Remote,
                       "Sales", {"продажи", "переговоры"}, 2000, 3150, "GEL", "2026-11-16",
                       "Удалённая работа с клиентами по телефону и почте. Нужен компьютер и стабильный интернет."));
    jobs.push_back(job("demo-job-007", "მძღოლი", "ООО «Грузтранс»", "Adjara", "ბათუმი", WorkMode::OnSite, "Transport",
                       {"მართვის მოწმობა C"}, 2200, 3350, "GEL", "2026-11-15",
                       "საერთაშორისო გადაზიდვები. საჭიროა C კატეგორიის მართვის მოწმობა და 2 წლის გამოცდილება."));
    jobs.push_back(job("demo-job-008", "Truck Driver", "Nikora", "Samegrelo-Zemo Svaneti", "Zugdidi", WorkMode::OnSite,
                       "Transport", {"driving licence C", "logistics"}, 1900, 2650, "GEL", "2026-11-14",
                       "Deliver goods to shops across western Georgia. Weekends off."));
    jobs.push_back(job("demo-job-009", "Chef", "Magti", "Kvemo Kartli", "Rustavi", WorkMode::OnSite, "Hospitality",
                       {"cooking", "food safety"}, 2400, 3650, "GEL", "2026-11-13",
                       "Lead the kitchen of our staff canteen: plan the menu, order food and train two cooks."));
    jobs.push_back(job("demo-job-010", "Оператор колл-центра", "А1 Беларусь", "Minsk", "Минск", WorkMode::Remote,
                       "Customer service", {"русский язык", "белорусский язык", "компьютер"}, 1100, 1500, "BYN", "2026-11-20",
                       "Отвечать на звонки клиентов из дома. Гибкий график, подходит для мам в декретном отпуске."));
    jobs.push_back(job("demo-job-011", "Праграміст-стажор", "EPAM Systems", "Minsk", "Мінск", WorkMode::Hybrid, "IT",
                       {"Java", "SQL", "англійская мова"}, 1800, 2600, "BYN", "2026-11-19",
                       "Стажыроўка ў камандзе распрацоўкі на тры месяцы з магчымасцю працаўладкавання."));
    jobs.push_back(job("demo-job-012", "Швея", "ОАО «Мілавіца»", "Minsk", "Минск", WorkMode::OnSite, "Manufacturing",
                       {"шитьё", "швейная машина"}, 900, 1300, "BYN", "2026-11-18",
                       "Пошив бельевых изделий. Обучение за счёт предприятия, общежитие для иногородних."));
    jobs.push_back(job("demo-job-013", "Web designer (freelance)", "Upwork client", "", "", WorkMode::Remote, "IT",
                       {"Figma", "HTML", "CSS"}, 1500, 3000, "USD", "2026-11-17",
                       "Design landing pages for small businesses. Paid per project, work from anywhere."));
    jobs.push_back(job("demo-job-014", "Кладаўшчык", "Белшына", "Mogilev Region", "Бабруйск", WorkMode::OnSite, "Logistics",
                       {"склад", "1С"}, 1000, 1400, "BYN", "2026-11-12",
                       "Прыём і выдача тавараў на складзе, вядзенне ўліку ў 1С."));
    jobs.push_back(job("demo-job-015", "Nurse assistant", "Aversi Clinic", "Tbilisi", "Tbilisi", WorkMode::OnSite, "Healthcare",
                       {"patient care", "first aid"}, 1300, 1700, "GEL", "2026-11-11",
                       "Help nurses care for patients on the day ward. Training in first aid is provided."));
    jobs.push_back(job("demo-job-016", "Data entry clerk", "Bank of Georgia", "Imereti", "Kutaisi", WorkMode::Hybrid, "Office",
                       {"typing", "Excel", "attention to detail"}, 1100, 1400, "GEL", "2026-11-10",
                       "Enter customer documents into the bank's system. Two days a week from home."));
    auto& courses = b.courseUpserts;
    courses.push_back(course("demo-course-001", "Computer basics for beginners", "Kutaisi Tech Skills Center", "seminar",
                             "Kutaisi", {"adults", "disability"}, {"computer", "email", "typing"}, "ka", "2026-12-01",
                             "Turn on a computer, use the mouse and keyboard, write an email and "
                             "search for jobs online. Small groups, step-less venue."));
    courses.push_back(course("demo-course-002", "Software testing from zero", "Tbilisi Tech Skills Center", "blended", "Tbilisi",
                             {"youth", "adults"}, {"software testing", "attention to detail"}, "en", "2026-12-05",
                             "Six weeks: how software is tested, writing test cases and "
                             "reporting bugs. Leads to junior QA jobs."));
    courses.push_back(course("demo-course-003", "Excel для работы", "Центр цифровых навыков Минск", "webinar", "Минск",
                             {"adults", "parental_leave"}, {"Excel", "компьютер"}, "ru", "2026-12-03",
                             "Онлайн-занятия по вечерам: таблицы, формулы, отчёты. Можно заниматься из дома."));
    courses.push_back(course("demo-course-004", "ციფრული უნარები ახალგაზრდებისთვის", "Batumi Tech Skills Center", "seminar",
                             "ბათუმი", {"youth", "children"}, {"computer", "internet safety"}, "ka", "2026-12-08",
                             "კომპიუტერი, ინტერნეტი და უსაფრთხოება ინტერნეტში 14-18 წლის "
                             "ახალგაზრდებისთვის."));
    courses.push_back(course("demo-course-005", "Асновы праграмавання", "Цэнтр лічбавых навыкаў Гомель", "seminar", "Гомель",
                             {"youth", "adults"}, {"Java", "SQL"}, "be", "2026-12-10",
                             "Першыя крокі ў праграмаванні: зменныя, цыклы, базы даных."));
    return b;
}

}  // namespace dc::catalog

namespace dc::catalog {

domain::CatalogBatch kioskSeedCatalog() {
    domain::CatalogBatch seed = generateCatalog({.seed = kSeedCatalogSeed, .jobs = kSeedCatalogJobs, .courses = 60});
    // The hand-written showcase postings arrive last, so they lead the newest-first list.
    domain::CatalogBatch showcase = demoCatalog();
    seed.jobUpserts.insert(seed.jobUpserts.end(), showcase.jobUpserts.rbegin(), showcase.jobUpserts.rend());
    seed.courseUpserts.insert(seed.courseUpserts.end(), showcase.courseUpserts.begin(), showcase.courseUpserts.end());
    return seed;
}

}  // namespace dc::catalog
