#pragma once
// The office console's words in Georgian, Russian, Belarusian and English, kept in gettext
// catalogs (sync/server/office/po/*.po, msgctxt = the name below) and compiled into dc-server.
// Every text a caseworker reads comes from here; statuses have one word each, the same on every page.
#include <string>
#include <string_view>

namespace dc::server::office {

enum class Lang { En, Ka, Ru, Be };
Lang langFromCode(std::string_view code);  // unknown: English
const char* langCode(Lang lang);
const char* langName(Lang lang);  // in itself: "ქართული"
// The first of the four in an Accept-Language header, English when none.
Lang langFromAcceptLanguage(std::string_view header);

enum class W {
    Console, SignIn, Name, Password, WrongLogin, Locked, SignedOutIdle, SignOut, Inbox, Applications, Enrollments,
    Registrations, Calls, Audit, Status, Any, Show, Received, Code, Person, JobOrCourse, Kiosk, NextPage, Nothing,
    Decide, MessageToPerson, MessageHint, DatePlace, SaveDecision, History, Phone, Email, Skills, Note, Document,
    BirthDate, IdPhoto, ShowPhoto, Conflict, Saved, BadForm, CallsTitle, CallsHint, CallLanguage, Going, TakenBy,
    NoCalls, AuditTitle, ExportCsv, When, Who, What, Subject, NotAllowed, NotFound, Version, SkipToContent,
    WaitlistPlace, Language, StatusIsSubmitted, StatusIsForwarded, StatusIsInvited, StatusIsHired, StatusIsNotSelected,
    StatusIsWithdrawn, StatusIsRejected, StatusIsConfirmed, StatusIsWaitlisted, StatusIsCancelled, StatusIsReceived,
    StatusIsSeen, StatusIsMoved, StatusIsPromoted, Session, SessionHint, From, To, Sms, SmsWaiting, SmsSent, SmsFailed,
    SmsNotAsked, StillWaiting, NewCall, Minutes, Kiosks, KiosksTitle, KioskOk, KioskSilent, KioskRevoked, LastHeard,
    Waiting, SetAside, LastError, DiskFree, CallsWaiting, PushConfig, PushHint, Target, AllKiosks, WholeOffice, Setting,
    Value, Push, ConfigHistory, Tokens, TokenNote, ValidHours, Office, MakeToken, TokenOnce, Expires, UsedBy, Revoke,
    SettingSaved, Catalog, CatalogTitle, AddCourse, EditCourse, CloseCourse, CourseName, Organiser, Description, Format,
    FormatWebinar, FormatSeminar, FormatBlended, City, InstructionLanguage, ForWhom, GroupYouth, GroupAdults,
    GroupChildren, GroupParents, GroupDisability, SkillsTaught, Cost, Currency, SessionNumber, Starts, Ends, Venue,
    Schedule, Seats, StepFree, SaveCourse, CoursePublished, SessionHintEmpty, Feeds, FeedsTitle, FeedsHint, FeedName,
    FeedAddress, EveryHours, ByHand, RunNow, LastRun, ImportFile, FeedFile, Import, SaveFeed, AddFeed, FeedReport,
    Outcome, Posting, Why, OutcomeAdded, OutcomeChanged, OutcomeClosed, OutcomeRefused, OutcomeNoted, Unchanged,
    Uploaded, Reports, ReportsTitle, ReportsHint, MeasureApplications, MeasureHires, MeasurePlaces, MeasureCompletions,
    ByWeek, ByGroup, ByLanguage, ByRegion, Total, FewerThan5, NotStated, MarkCompleted, CompletedAt, PrinterCamera,
    DatabaseSize, Jobs, JobsTitle, AddJob, EditJob, CloseJob, JobTitle, Employer, Occupation, Region, WorkMode,
    WorkOnSite, WorkRemote, WorkHybrid, EmploymentType, FullTime, PartTime, Contract, Temporary, PayFrom, PayTo,
    PayPeriod, PayPerHour, PayPerDay, PayPerWeek, PayPerMonth, PayPerYear, ClosingDate, SaveJob, JobPublished, Count
};
const char* word(Lang lang, W w);
// A record's status in the caseworker's language ("invited" -> "Invited to an interview").
std::string statusWord(Lang lang, std::string_view status);

}  // namespace dc::server::office
