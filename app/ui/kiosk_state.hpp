#pragma once
// The UI's model: which screen is showing and what it shows. Only the UI thread reads or writes it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/core/course_filter.hpp"
#include "store/catalog_queries.hpp"
#include "store/jobseeker_actions.hpp"
#include "catalog/records.hpp"
#include "common/error.hpp"
#include "app/ui/i18n.hpp"
#include "app/ui/id_capture.hpp"

namespace dc::ui {

// The text fields a person can type into (one at a time).
enum class FieldId { None, Search, Name, Phone, Email, Note, Code, Document, BirthDate };

enum class Screen { Home, Jobs, JobDetail, Courses, CourseDetail, Apply, Review, Receipt, Status, Language, Help, IdCapture };
const char* screenName(Screen screen);

template <class T>
struct Loadable {
    bool loading = false;
    std::optional<T> value;
    std::string error;  // for the log; people see a plain sentence from the catalog
    uint64_t request = 0;  // the request whose answer is wanted; older answers are dropped

    // Marks a new request and returns its number, for the answer to quote back to accept().
    uint64_t start() {
        loading = true;
        error.clear();
        return ++request;
    }
    // Takes an answer if it belongs to the newest request; returns false (and changes nothing)
    // for an answer that a newer request has overtaken.
    bool accept(uint64_t answerTo, Expected<T> result) {
        if (answerTo != request) return false;
        loading = false;
        if (result) value = std::move(*result);
        else error = result.error().message();
        return true;
    }
};

// The ID capture screen: consent, the camera's live view, the reading to check, or a failure.
struct IdCaptureView {
    enum class Step { Consent, Camera, Check, Failed } step = Step::Consent;
    CaptureHint hint = CaptureHint::Starting;
    uintptr_t preview = 0;  // the camera's latest frame as a texture (0: none yet)
    int previewWidth = 0, previewHeight = 0;
    std::optional<IdReading> reading;  // Check: what the camera read, for the person to confirm
};

// Where delivery to the office stands, as the help screen shows it (device-wide: not wiped
// with a person's session).
struct DeliveryInfo {
    enum class State { Off, NotSetUp, Connecting, UpToDate, Busy, Offline, Retrying } state = State::Off;
    int64_t waiting = 0;
};

struct KioskState {
    Screen screen = Screen::Home;
    std::vector<Screen> history;  // screens "Back" returns to
    Language language = Language::English;
    FieldId typingInto = FieldId::None;  // the field that takes typed text, from either keyboard
    bool keyboardShown = false;          // the on-screen keyboard is up (a field was touched)
    Language keyboardLayout = Language::English;
    int textSize = 0;             // index into kTextScales: 100%, 135%, 170%
    bool highContrast = false;

    store::JobFilters filters;  // the filter chips chosen on the Jobs screen
    Loadable<store::JobPage> jobs;
    bool moreJobsLoading = false;  // the next page of the list is on its way
    Loadable<store::JobRecord> job;
    Loadable<std::vector<store::CourseOffer>> jobCourses;  // courses teaching the job's skills
    Loadable<std::vector<store::CourseRecord>> courses;
    Loadable<store::CourseRecord> course;
    Loadable<store::JobPage> courseJobs;  // jobs asking for what the course teaches

    // The form: applying for `job`, or asking for a seat in `sessionId` of `course`.
    enum class FormFor { Job, Session } formFor = FormFor::Job;
    std::string sessionId;
    bool consent = false;
    bool smsOptIn = false;  // a text message to the phone when the office answers
    std::vector<std::string> pickedSkills;  // the job's skills the person says they have
    std::string formProblem;  // what to fix, in the person's language; empty when all is well
    bool formProblemIsNew = false;  // set for the frame after it appeared: the form scrolls to it
    Loadable<store::ActionReceipt> receipt;
    core::CourseFilter courseFilter;
    Loadable<std::string> clerkCalled;  // "Call a clerk" was pressed in this session: the call's id
    std::string clerkComing;            // the caseworker who took the call ("Nino"), once known
    bool statusOffline = false;         // My status: the office could not be asked, the kiosk's copy shown
    bool attract = false;           // the kiosk is at rest: the attract screen is up
    bool audioGuidance = false;     // speak each screen, counts and the idle countdown
    bool receiptDelivered = false;  // the office's server has it (and may have changed its status)
    DeliveryInfo delivery;
    Loadable<store::StatusAnswer> status;
    bool canScan = false;          // a camera is configured: "My status" offers to scan the receipt's QR
    Loadable<std::string> scan;    // the camera looking for a receipt's QR code
    bool canReadId = false;        // a camera is configured: the application form offers to read an ID
    IdCaptureView idCapture;
    bool idPhotoAttached = false;  // the application carries the picture of the document read
    bool documentFieldsShown = false;  // the form shows the document's number and date of birth

    // Idle reset: the warning shows from `idleWarningAt` on, the wipe happens at `idleResetAt`.
    bool idleWarning = false;
    int idleSecondsLeft = 0;
};

// Text fields own their text while a person types; views get them mutable, nothing else.
struct EditBuffers {
    std::string search;
    std::string name, phone, email, note;
    std::string document, birthDate;  // optional, typed or read from the ID document
    std::string referenceCode;
};

// What a view asks for during a frame; the controller carries it out after the frame is drawn.
struct Actions {
    std::optional<Screen> open;
    bool back = false;
    bool home = false;
    std::optional<std::string> openJob;
    bool searchChanged = false;
    std::optional<Language> language;
    std::optional<std::string> openCourse;
    std::optional<store::JobFilters> filters;  // a chip was touched: search with these
    bool apply = false;                      // open the form for the job on screen
    std::optional<std::string> enrollIn;     // open the form for this course session
    bool toggleConsent = false;
    bool toggleSms = false;
    bool review = false;                     // the form is filled: check it, then show what will be sent
    bool send = false;                       // the person checked it: save and queue it
    std::optional<std::string> toggleSkill;  // a skill chip on the form was touched
    bool checkStatus = false;
    bool scanQr = false;                     // "My status": read the code from the receipt's QR
    bool finish = false;                     // "Finish": wipe the session now
    bool moreTime = false;                   // the idle warning's "More time"
    std::optional<int> textSize;
    std::optional<FieldId> focusField;     // a field was touched
    std::string keyText;                   // on-screen keyboard: text to add
    bool keyBackspace = false;
    bool keyboardDone = false;
    std::optional<Language> keyboardLayout;
    bool toggleContrast = false;
    bool syncNow = false;
    bool callClerk = false;
    bool moreJobs = false;      // the list is near its end: fetch the next page
    bool listen = false;        // "Listen": read this screen aloud
    bool toggleAudio = false;
    std::optional<core::CourseFilter> courseFilter;
    bool dismissAttract = false;  // a touch on the attract screen: to Home, and nothing else
    bool staffSignIn = false;     // Help's "Staff sign-in": the clerk's PIN pad
    // ID capture
    bool readId = false;         // the form's "Fill in from my ID": the consent comes first
    bool addDocument = false;    // the form's "Add my ID document number" (no camera)
    bool startCamera = false;    // consent given (or "Read again"): the camera starts
    bool useReading = false;     // the reading is right: onto the form
    bool typeDocument = false;   // no camera for this: back to the form, typing the number
};

}  // namespace dc::ui
