#pragma once
// The translation catalog: every string a person sees comes from here, in four languages.
// (Issue #4 moves the texts to gettext .po files; the lookup API stays.)
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace dc::ui {

enum class Language { English, Georgian, Russian, Belarusian };
inline constexpr std::array kAllLanguages = {Language::Georgian, Language::Russian, Language::Belarusian,
                                             Language::English};

const char* languageCode(Language language);                     // "en", "ka", "ru", "be"
std::optional<Language> languageFromCode(std::string_view code);  // nullopt for unknown codes
const char* nativeLanguageName(Language language);               // "ქართული", "Русский", ...

enum class Msg {
    AppName,
    HomeWelcome,
    HomeInstruction,
    TileJobs,
    TileJobsHint,
    TileCourses,
    TileCoursesHint,
    TileLanguage,
    TileHelp,
    TileHelpHint,
    Back,
    Home,
    JobsTitle,
    SearchHint,
    JobsFound,        // "%d"
    JobsFoundMore,    // "%d": more than that many
    NoJobs,
    Loading,
    WorkRemote,
    WorkHybrid,
    WorkOnSite,
    PerMonth,
    SalaryNotStated,
    JobDetailTitle,
    Employer,
    Location,
    Salary,
    Posted,
    SkillsNeeded,
    AboutJob,
    CoursesTitle,
    CoursesFound,     // "%d"
    FormatWebinar,
    FormatSeminar,
    FormatBlended,
    Starts,
    SkillsTaught,
    LanguageTitle,
    HelpTitle,
    HelpBody,
    HelpClerk,
    LoadFailed,
    ApplyButton,
    LearnSkills,
    ApplyTitle,
    EnrollTitle,
    FieldName,
    FieldPhone,
    FieldEmail,
    FieldNote,
    ConsentText,
    ConsentAgree,
    ConsentAgreed,
    SendApplication,
    SendEnrollment,
    ProblemName,
    ProblemPhone,
    ProblemEmail,
    ProblemConsent,
    ProblemSave,
    Saving,
    ReceiptTitle,
    ReceiptApplied,
    ReceiptEnrolled,
    ReceiptWaitlisted,
    YourCode,
    KeepCode,
    Finish,
    TileStatus,
    TileStatusHint,
    StatusTitle,
    FieldCode,
    CheckButton,
    StatusUnknown,
    StatusPending,
    StatusSubmitted,
    StatusAccepted,
    StatusRejected,
    StatusConfirmed,
    StatusWaitlisted,
    StatusCancelled,
    CourseDetailTitle,
    Sessions,
    SeatsLeft,
    SessionFull,
    JoinWaitlist,
    StepFree,
    FlexibleSchedule,
    IdleWarning,
    MoreTime,
    FilterRemote,
    FilterHybrid,
    FilterOnSite,
    SalaryFrom,
    TextSize,
    HighContrast,
    KeySpace,
    KeyErase,
    KeyDone,
    JobsForSkills,
    ReceiptDelivered,
    DeliveryTitle,
    DeliveryOff,
    DeliveryConnecting,
    DeliveryUpToDate,
    DeliveryBusy,
    DeliveryOffline,
    DeliveryRetrying,
    DeliveryNotSetUp,
    DeliveryWaiting,
    SyncNow,
    TileCallClerk,
    TileCallClerkHint,
    ClerkCalled,
    ClerkCallFailed,
    AttractTitle,
    AttractTouch,
    GroupYouth,
    GroupAdults,
    GroupChildren,
    GroupParentalLeave,
    GroupDisability,
    CourseFor,
    TakeItWithYou,
    PointYourPhone,
    Listen,
    AudioGuidance,
    SpeakCode,
    SpeakSecondsLeft,
    SpeakButton,
    SpeakField,
    MonthNames,
    ReviewNext,
    ReviewTitle,
    ReviewIntro,
    ReviewChange,
    YourSkills,
    ReviewSkills,
    Count
};

const char* tr(Language language, Msg msg);

// tr() with its single "%d" replaced by `value`, written as the language writes numbers (formatNumber).
std::string trf(Language language, Msg msg, long long value);
// The same with the number as plain digits, for the voice (espeak-ng reads "12345" as a number in
// every language; a no-break space inside it would split it in two).
std::string trfSpoken(Language language, Msg msg, long long value);

}  // namespace dc::ui
