#include "sync/server/office/console_words.hpp"

#include <array>

namespace dc::server::office {
namespace {

struct Entry {
    W key;
    std::array<const char*, 4> text;  // en, ka, ru, be
};

// In the order of W (checked below).
constexpr Entry kWords[] = {
    {W::Console, {"Office console", "ოფისის კონსოლი", "Консоль центра", "Кансоль цэнтра"}},
    {W::SignIn, {"Sign in", "შესვლა", "Войти", "Увайсці"}},
    {W::Name, {"Name", "სახელი", "Имя", "Імя"}},
    {W::Password, {"Password", "პაროლი", "Пароль", "Пароль"}},
    {W::WrongLogin, {"Wrong name or password.", "სახელი ან პაროლი არასწორია.", "Неверное имя или пароль.",
                     "Няправільнае імя або пароль."}},
    {W::Locked, {"Too many wrong passwords: this account waits 15 minutes. An administrator can reset it.",
                 "ძალიან ბევრი არასწორი პაროლი: ანგარიში 15 წუთით დაბლოკილია. ადმინისტრატორს შეუძლია მისი აღდგენა.",
                 "Слишком много неверных паролей: учётная запись заблокирована на 15 минут. Администратор может её сбросить.",
                 "Занадта шмат няправільных пароляў: уліковы запіс заблакаваны на 15 хвілін. Адміністратар можа яго скінуць."}},
    {W::SignedOutIdle, {"You were signed out. Please sign in again.", "თქვენ გამოხვედით სისტემიდან. გთხოვთ, შეხვიდეთ ხელახლა.",
                        "Вы вышли из системы. Войдите снова.", "Вы выйшлі з сістэмы. Увайдзіце зноў."}},
    {W::SignOut, {"Sign out", "გასვლა", "Выйти", "Выйсці"}},
    {W::Inbox, {"Inbox", "შემოსული", "Входящие", "Уваходныя"}},
    {W::Applications, {"Applications", "განაცხადები", "Заявки", "Заяўкі"}},
    {W::Enrollments, {"Course places", "ადგილები კურსებზე", "Места на курсах", "Месцы на курсах"}},
    {W::Registrations, {"Registrations", "რეგისტრაციები", "Регистрации", "Рэгістрацыі"}},
    {W::Calls, {"Calls", "გამოძახებები", "Вызовы", "Выклікі"}},
    {W::Audit, {"Audit log", "აუდიტის ჟურნალი", "Журнал аудита", "Журнал аўдыту"}},
    {W::Status, {"Status", "სტატუსი", "Статус", "Статус"}},
    {W::Any, {"Any", "ნებისმიერი", "Любой", "Любы"}},
    {W::Show, {"Show", "ჩვენება", "Показать", "Паказаць"}},
    {W::Received, {"Received", "მიღებულია", "Получено", "Атрымана"}},
    {W::Code, {"Reference code", "საცნობარო კოდი", "Код заявки", "Код заяўкі"}},
    {W::Person, {"Person", "პირი", "Человек", "Чалавек"}},
    {W::JobOrCourse, {"Job or course", "ვაკანსია ან კურსი", "Вакансия или курс", "Вакансія або курс"}},
    {W::Kiosk, {"Kiosk", "კიოსკი", "Киоск", "Кіёск"}},
    {W::NextPage, {"Older records", "ძველი ჩანაწერები", "Более ранние", "Ранейшыя"}},
    {W::Nothing, {"Nothing here.", "აქ არაფერია.", "Здесь ничего нет.", "Тут нічога няма."}},
    {W::Decide, {"Decision", "გადაწყვეტილება", "Решение", "Рашэнне"}},
    {W::MessageToPerson, {"Message to the person (optional; they see it at any kiosk)",
                          "შეტყობინება პირს (არასავალდებულო; ის ნახავს ნებისმიერ კიოსკზე)",
                          "Сообщение человеку (необязательно; он увидит его в любом киоске)",
                          "Паведамленне чалавеку (неабавязкова; ён убачыць яго ў любым кіёску)"}},
    {W::MessageHint, {"Plain words, in the person's language.", "მარტივი სიტყვებით, პირის ენაზე.",
                      "Простыми словами, на языке человека.", "Простымі словамі, на мове чалавека."}},
    {W::DatePlace, {"Date and place (for an interview)", "თარიღი და ადგილი (გასაუბრებისთვის)",
                    "Дата и место (для собеседования)", "Дата і месца (для сумоўя)"}},
    {W::SaveDecision, {"Save the decision", "გადაწყვეტილების შენახვა", "Сохранить решение", "Захаваць рашэнне"}},
    {W::History, {"History", "ისტორია", "История", "Гісторыя"}},
    {W::Phone, {"Phone", "ტელეფონი", "Телефон", "Тэлефон"}},
    {W::Email, {"E-mail", "ელ-ფოსტა", "Эл. почта", "Эл. пошта"}},
    {W::Skills, {"Skills", "უნარები", "Навыки", "Навыкі"}},
    {W::Note, {"Note", "შენიშვნა", "Примечание", "Заўвага"}},
    {W::Document, {"ID document number", "პირადობის დოკუმენტის ნომერი", "Номер документа", "Нумар дакумента"}},
    {W::BirthDate, {"Date of birth", "დაბადების თარიღი", "Дата рождения", "Дата нараджэння"}},
    {W::IdPhoto, {"ID photo", "დოკუმენტის ფოტო", "Фото документа", "Фота дакумента"}},
    {W::ShowPhoto, {"Show the ID photo (recorded in the audit log)", "დოკუმენტის ფოტოს ჩვენება (იწერება ჟურნალში)",
                    "Показать фото документа (записывается в журнал)", "Паказаць фота дакумента (запісваецца ў журнал)"}},
    {W::Conflict, {"Someone else decided on this record a moment ago. Here it is as it is now: look again, then decide.",
                   "ამ ჩანაწერზე ახლახან სხვამ მიიღო გადაწყვეტილება. აი, როგორია ახლა: გადახედეთ და შემდეგ გადაწყვიტეთ.",
                   "Только что по этой записи принял решение другой сотрудник. Вот она сейчас: посмотрите снова и решите.",
                   "Толькі што па гэтым запісе прыняў рашэнне іншы супрацоўнік. Вось ён цяпер: паглядзіце зноў і вырашыце."}},
    {W::Saved, {"Saved. The person sees it at any kiosk of the office.", "შენახულია. პირი ამას ნახავს ოფისის ნებისმიერ კიოსკზე.",
                "Сохранено. Человек увидит это в любом киоске центра.", "Захавана. Чалавек убачыць гэта ў любым кіёску цэнтра."}},
    {W::BadForm, {"This could not be saved:", "ვერ შეინახა:", "Не удалось сохранить:", "Не ўдалося захаваць:"}},
    {W::CallsTitle, {"Calls for a clerk", "კონსულტანტის გამოძახებები", "Вызовы консультанта", "Выклікі кансультанта"}},
    {W::CallsHint, {"New calls appear here by themselves, with a sound. Take one, and the kiosk says who is coming.",
                    "ახალი გამოძახებები აქ თავისით ჩნდება, ხმით. აიღეთ და კიოსკი იტყვის, ვინ მიდის.",
                    "Новые вызовы появляются здесь сами, со звуком. Примите вызов, и киоск скажет, кто идёт.",
                    "Новыя выклікі з'яўляюцца тут самі, з гукам. Прыміце выклік, і кіёск скажа, хто ідзе."}},
    {W::CallLanguage, {"Language on screen", "ეკრანის ენა", "Язык на экране", "Мова на экране"}},
    {W::Going, {"I am going", "მივდივარ", "Иду", "Іду"}},
    {W::TakenBy, {"Taken by", "აიღო", "Принял", "Прыняў"}},
    {W::NoCalls, {"No calls in the last hours.", "ბოლო საათებში გამოძახება არ ყოფილა.", "За последние часы вызовов нет.",
                  "За апошнія гадзіны выклікаў няма."}},
    {W::AuditTitle, {"Audit log: every decision and every view of a person's data",
                     "აუდიტის ჟურნალი: ყველა გადაწყვეტილება და პირის მონაცემების ყოველი ნახვა",
                     "Журнал аудита: каждое решение и каждый просмотр данных человека",
                     "Журнал аўдыту: кожнае рашэнне і кожны прагляд даных чалавека"}},
    {W::ExportCsv, {"Export (CSV)", "ექსპორტი (CSV)", "Экспорт (CSV)", "Экспарт (CSV)"}},
    {W::When, {"When (UTC)", "როდის (UTC)", "Когда (UTC)", "Калі (UTC)"}},
    {W::Who, {"Who", "ვინ", "Кто", "Хто"}},
    {W::What, {"What", "რა", "Что", "Што"}},
    {W::Subject, {"Record", "ჩანაწერი", "Запись", "Запіс"}},
    {W::NotAllowed, {"Your role does not allow this.", "თქვენი როლი ამის უფლებას არ იძლევა.", "Ваша роль этого не позволяет.",
                     "Ваша роля гэтага не дазваляе."}},
    {W::NotFound, {"There is no such record.", "ასეთი ჩანაწერი არ არსებობს.", "Такой записи нет.", "Такога запісу няма."}},
    {W::Version, {"Version", "ვერსია", "Версия", "Версія"}},
    {W::SkipToContent, {"Skip to the content", "შინაარსზე გადასვლა", "Перейти к содержимому", "Перайсці да зместу"}},
    {W::WaitlistPlace, {"Place on the waiting list", "ადგილი მოლოდინის სიაში", "Место в листе ожидания", "Месца ў спісе чакання"}},
    {W::Language, {"Language", "ენა", "Язык", "Мова"}},
};
static_assert(sizeof(kWords) / sizeof(kWords[0]) == static_cast<size_t>(W::Count), "every word in four languages");
constexpr bool inOrder() {
    for (size_t i = 0; i < sizeof(kWords) / sizeof(kWords[0]); ++i)
        if (static_cast<size_t>(kWords[i].key) != i) return false;
    return true;
}
static_assert(inOrder(), "kWords follows the order of W");

struct StatusEntry {
    std::string_view status;
    std::array<const char*, 4> text;
};
constexpr StatusEntry kStatuses[] = {
    {"submitted", {"Waiting for a decision", "ელოდება გადაწყვეტილებას", "Ждёт решения", "Чакае рашэння"}},
    {"forwarded", {"Sent to the employer", "გადაეგზავნა დამსაქმებელს", "Отправлено работодателю", "Адпраўлена працадаўцу"}},
    {"invited", {"Invited to an interview", "მოწვეულია გასაუბრებაზე", "Приглашён на собеседование", "Запрошаны на сумоўе"}},
    {"hired", {"Hired", "დასაქმებულია", "Принят на работу", "Прыняты на працу"}},
    {"not_selected", {"Not selected", "არ შეირჩა", "Не выбран", "Не выбраны"}},
    {"withdrawn", {"Withdrawn", "გაწვეულია", "Отозвано", "Адклікана"}},
    {"rejected", {"Not accepted (the job is no longer offered)", "არ მიიღეს (ვაკანსია აღარ არის)",
                  "Не принято (вакансии больше нет)", "Не прынята (вакансіі больш няма)"}},
    {"confirmed", {"Place confirmed", "ადგილი დადასტურებულია", "Место подтверждено", "Месца пацверджана"}},
    {"waitlisted", {"On the waiting list", "მოლოდინის სიაშია", "В листе ожидания", "У спісе чакання"}},
    {"cancelled", {"Cancelled", "გაუქმებულია", "Отменено", "Адменена"}},
    {"received", {"Received", "მიღებულია", "Получено", "Атрымана"}},
    {"seen", {"Seen by the office", "ოფისმა ნახა", "Просмотрено центром", "Прагледжана цэнтрам"}},
};

}  // namespace

Lang langFromCode(std::string_view code) {
    if (code == "ka") return Lang::Ka;
    if (code == "ru") return Lang::Ru;
    if (code == "be") return Lang::Be;
    return Lang::En;
}

const char* langCode(Lang lang) {
    static const char* codes[] = {"en", "ka", "ru", "be"};
    return codes[static_cast<int>(lang)];
}

const char* langName(Lang lang) {
    static const char* names[] = {"English", "ქართული", "Русский", "Беларуская"};
    return names[static_cast<int>(lang)];
}

Lang langFromAcceptLanguage(std::string_view header) {
    // "ka-GE,ka;q=0.9,en;q=0.8": the first tag whose language is one of ours.
    size_t at = 0;
    while (at < header.size()) {
        size_t end = header.find(',', at);
        if (end == std::string_view::npos) end = header.size();
        std::string_view tag = header.substr(at, end - at);
        while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
        const std::string_view primary = tag.substr(0, std::min(tag.find_first_of("-;"), tag.size()));
        for (const char* code : {"ka", "ru", "be", "en"})
            if (primary == code) return langFromCode(code);
        at = end + 1;
    }
    return Lang::En;
}

const char* word(Lang lang, W w) {
    const size_t i = static_cast<size_t>(w);
    if (i >= static_cast<size_t>(W::Count)) return "";
    return kWords[i].text[static_cast<size_t>(lang)];
}

std::string statusWord(Lang lang, std::string_view status) {
    for (const auto& s : kStatuses)
        if (s.status == status) return s.text[static_cast<size_t>(lang)];
    return std::string(status);
}

}  // namespace dc::server::office
