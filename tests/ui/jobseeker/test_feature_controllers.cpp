// The jobseeker's feature controllers, each alone: state in, actions in, state and requests out.
// No window, no store: the services are answered by hand (fake_services.hpp).
#include <catch2/catch.hpp>

#include "app/ui/jobseeker/apply/form_controller.hpp"
#include "app/ui/jobseeker/courses/courses_controller.hpp"
#include "app/ui/jobseeker/id_capture/id_capture_controller.hpp"
#include "app/ui/jobseeker/jobs/jobs_controller.hpp"
#include "app/ui/jobseeker/narration/narration.hpp"
#include "app/ui/jobseeker/session.hpp"
#include "app/ui/jobseeker/status/status_controller.hpp"
#include "app/ui/kit/format.hpp"
#include "ui/jobseeker/fake_services.hpp"

using namespace dc;
using namespace dc::ui;
using test::FakeServices;
using test::pageOf;

namespace {

struct FakeCamera : IdCamera {
    std::function<void(CaptureUpdate)> update;
    int starts = 0, stops = 0;
    void start(std::function<void(CaptureUpdate)> u) override {
        update = std::move(u);
        ++starts;
    }
    void stop() override { ++stops; }
};

Error offline() { return Error(ErrorCode::IoError, "no route to the office"); }

}  // namespace

TEST_CASE("session: an answer asked before the person walked away never lands in the next session", "[ui][jobseeker]") {
    Session session(Language::Georgian);
    session.state.delivery.waiting = 3;
    session.state.canReadId = true;
    int landed = 0;
    auto before = session.guard([&](int v) { landed += v; });
    auto kept = session.guard([&](int v) { landed += 10 * v; });
    kept(1);
    session.state.language = Language::Russian;
    session.edit.phone = "555 123 456";
    session.open(Screen::Jobs);
    session.wipe();
    before(1);  // answered after the wipe: dropped
    CHECK(landed == 10);
    CHECK(session.state.screen == Screen::Home);
    CHECK(session.state.history.empty());
    CHECK(session.state.language == Language::Georgian);  // the site's
    CHECK(session.edit.phone.empty());
    CHECK(session.state.delivery.waiting == 3);  // the kiosk's, not the person's
    CHECK(session.state.canReadId);
    auto after = session.guard([&](int v) { landed += 100 * v; });
    after(1);
    CHECK(landed == 110);
}

TEST_CASE("jobs: a search carries the text and chips, is counted once per word typed, and only its newest answer lands",
          "[ui][jobseeker][jobs]") {
    FakeServices services;
    Session session(Language::English);
    JobsController jobs(session, services);
    session.edit.search = "dri";
    jobs.search();
    session.edit.search = "driver";
    JobsActions chips;
    chips.filters = domain::JobFilters{.region = "Adjara"};
    jobs.apply(chips);
    REQUIRE(services.searches.size() == 2);
    CHECK(services.searches[1].text == "driver");
    CHECK(services.searches[1].filters.region == "Adjara");
    CHECK(session.state.filters.region == "Adjara");
    CHECK(services.counted == std::vector<std::string>{"searches:lang=en"});  // "dri" then "driver": one search
    session.edit.search = "nurse";
    jobs.search();
    CHECK(services.counted.size() == 2);

    services.searchAnswers[0](pageOf({"old"}));  // overtaken by newer typing
    CHECK_FALSE(session.state.jobs.value);
    CHECK(session.state.jobs.loading);
    services.searchAnswers[2](pageOf({"Nurse", "Night nurse"}, true));
    REQUIRE(session.state.jobs.value);
    CHECK(session.state.jobs.value->jobs.size() == 2);
    CHECK_FALSE(session.state.jobs.loading);

    // Scrolling on: the next page joins the rows; asking twice while it comes asks once.
    JobsActions more;
    more.moreJobs = true;
    jobs.apply(more);
    jobs.apply(more);
    REQUIRE(services.nextPages.size() == 1);
    CHECK(services.nextPages[0].after->rowid == 99);
    services.nextAnswers[0](pageOf({"Nurse 3"}));
    CHECK(session.state.jobs.value->jobs.size() == 3);
    CHECK_FALSE(session.state.jobs.value->next);
    jobs.apply(more);
    CHECK(services.nextPages.size() == 1);  // no more pages

    // The person walks away with a search on its way: the answer is dropped.
    session.edit.search = "cook";
    jobs.search();
    session.wipe();
    jobs.wipe();
    services.searchAnswers.back()(pageOf({"Cook"}));
    CHECK_FALSE(session.state.jobs.value);
}

TEST_CASE("jobs: opening a job shows it, then the courses near its city that teach its skills", "[ui][jobseeker][jobs]") {
    FakeServices services;
    Session session(Language::English);
    JobsController jobs(session, services);
    session.open(Screen::Jobs);
    JobsActions open;
    open.openJob = "job-7";
    jobs.apply(open);
    CHECK(session.state.screen == Screen::JobDetail);
    CHECK(session.state.history.back() == Screen::Jobs);
    REQUIRE(services.jobs.size() == 1);
    CHECK(services.jobs[0].what == "job-7");
    CHECK(services.offers.empty());  // only once the job is known
    services.jobs[0].done(domain::JobRecord{.id = "job-7", .title = "Driver", .city = "Batumi", .skills = {"Driving"}});
    REQUIRE(session.state.job.value);
    CHECK(session.state.job.value->title == "Driver");
    REQUIRE(services.offers.size() == 1);
    CHECK(services.offers[0].what == "Batumi");
    services.offers[0].done(std::vector<domain::CourseOffer>(2));
    CHECK(session.state.jobCourses.value->size() == 2);

    // A job that could not be read: no courses asked for, the reason kept for the log.
    open.openJob = "job-gone";
    jobs.apply(open);
    services.jobs[1].done(std::unexpected(Error(ErrorCode::NotFound, "no such job")));
    CHECK(session.state.job.error == "no such job");
    CHECK(services.offers.size() == 1);
}

TEST_CASE("jobs: an empty list fills itself when the first catalog arrives, a full one is left alone", "[ui][jobseeker][jobs]") {
    FakeServices services;
    Session session(Language::English);
    JobsController jobs(session, services);
    session.open(Screen::Jobs);
    jobs.search();
    services.searchAnswers[0](domain::JobPage{.catalogEmpty = true});
    jobs.catalogChanged();
    REQUIRE(services.searches.size() == 2);
    services.searchAnswers[1](pageOf({"Cook"}));
    jobs.catalogChanged();
    CHECK(services.searches.size() == 2);
}

TEST_CASE("courses: the list loads, a filter is kept, a course opens with the jobs it leads to", "[ui][jobseeker][courses]") {
    FakeServices services;
    Session session(Language::English);
    CoursesController courses(session, services);
    courses.listCourses();
    REQUIRE(services.courseLists.size() == 1);
    services.courseLists[0](std::vector<domain::CourseRecord>(4));
    CHECK(session.state.courses.value->size() == 4);
    CoursesActions a;
    a.courseFilter = domain::CourseFilter{.format = "webinar"};
    a.openCourse = "course-1";
    courses.apply(a);
    CHECK(session.state.courseFilter.format == "webinar");
    CHECK(session.state.screen == Screen::CourseDetail);
    REQUIRE(services.courses.size() == 1);
    services.courses[0].done(domain::CourseRecord{.id = "course-1", .skillsTaught = {"Excel", "Accounting"}});
    REQUIRE(services.matchingSkills.size() == 1);
    CHECK(services.matchingSkills[0] == std::vector<std::string>{"Excel", "Accounting"});
    services.matchingAnswers[0](pageOf({"Accountant"}));
    CHECK(session.state.courseJobs.value->jobs.size() == 1);
}

TEST_CASE("form: each field's one rule names what to fix, in the person's language, before anything is sent",
          "[ui][jobseeker][form]") {
    FakeServices services;
    Session session(Language::Russian);
    IdCaptureController id(session);
    FormController form(session, services, id);
    session.state.job.value = domain::JobRecord{.id = "job-1", .title = "Driver"};
    FormActions a;
    a.apply = true;
    form.apply(a);
    CHECK(session.state.screen == Screen::Apply);
    CHECK(session.state.formFor == FormState::FormFor::Job);
    CHECK_FALSE(session.state.consent);

    FormActions review;
    review.review = true;
    auto problemAfter = [&](auto fill) {
        fill(session.edit);
        form.apply(review);
        return session.state.formProblem;
    };
    CHECK(problemAfter([](EditBuffers& e) { e.name = " "; }) == tr(Language::Russian, Msg::ProblemName));
    CHECK(session.state.formProblemIsNew);
    CHECK(problemAfter([](EditBuffers& e) {
              e.name = "Иван";
              e.phone = "12345";
          }) == tr(Language::Russian, Msg::ProblemPhone));
    CHECK(problemAfter([](EditBuffers& e) {
              e.phone = "+375 29 123-45-67";
              e.email = "ivan";
          }) == tr(Language::Russian, Msg::ProblemEmail));
    CHECK(problemAfter([](EditBuffers& e) {
              e.email = "";
              e.document = "ab1";
          }) == tr(Language::Russian, Msg::ProblemDocument));
    CHECK(problemAfter([](EditBuffers& e) {
              e.document = "MP1234567";
              e.birthDate = "1990-13-01";
          }) == tr(Language::Russian, Msg::ProblemBirthDate));
    CHECK(problemAfter([](EditBuffers& e) { e.birthDate = "1990-12-01"; }) == tr(Language::Russian, Msg::ProblemConsent));
    // Hostile values get their field's words on the form, never a later "could not be saved".
    CHECK(problemAfter([](EditBuffers& e) { e.name = "Иван \xF0\x9F\x98\x80"; }) == tr(Language::Russian, Msg::ProblemLetters));
    CHECK(problemAfter([](EditBuffers& e) {
              e.name = "Иван";
              e.note = std::string(1001, 'n');
          }) == tr(Language::Russian, Msg::ProblemNote));
    CHECK(problemAfter([](EditBuffers& e) {
              e.note = "Thanks";
              e.email = " ivan@example.by ";  // spaces around an address: nobody's intent
          }) == tr(Language::Russian, Msg::ProblemConsent));
    CHECK(session.edit.email == "ivan@example.by");
    session.edit.email.clear();
    CHECK(session.state.screen == Screen::Apply);
    FormActions consent;
    consent.toggleConsent = true;
    form.apply(consent);
    CHECK(session.state.formProblem.empty());  // the problem it named is solved
    form.apply(review);
    CHECK(session.state.screen == Screen::Review);
    CHECK(services.applications.empty());  // nothing sent by a review
}

TEST_CASE("form: sending saves once, then forgets the typed text, and a failure keeps it and says so", "[ui][jobseeker][form]") {
    FakeServices services;
    Session session(Language::English);
    IdCaptureController id(session);
    FormController form(session, services, id);
    session.state.job.value = domain::JobRecord{.id = "job-1"};
    FormActions open;
    open.apply = true;
    form.apply(open);
    session.edit = {.name = "Lela", .phone = "+995 555 123 456", .note = "Mornings", .document = "AB12345"};
    FormActions choose;
    choose.toggleSms = true;
    choose.toggleSkill = "Driving";
    form.apply(choose);

    FormActions send;
    send.send = true;
    form.apply(send);
    form.apply(send);  // a second touch while saving
    REQUIRE(services.applications.size() == 1);
    const auto& draft = services.applications[0];
    CHECK(draft.jobId == "job-1");
    CHECK(draft.person.name == "Lela");
    CHECK(draft.person.documentNumber == "AB12345");
    CHECK(draft.person.skills == std::vector<std::string>{"Driving"});
    CHECK(draft.person.language == "en");
    CHECK(draft.note == "Mornings");
    CHECK(draft.smsOptIn);

    services.receipts[0](std::unexpected(Error(ErrorCode::IoError, "disk full")));
    CHECK(session.state.formProblem == tr(Language::English, Msg::ProblemSave));
    CHECK(session.edit.name == "Lela");  // nothing lost
    CHECK(session.state.screen == Screen::Apply);

    form.apply(send);
    REQUIRE(services.receipts.size() == 2);
    services.receipts[1](domain::ActionReceipt{.referenceCode = "ACD-EFG"});
    CHECK(session.state.screen == Screen::Receipt);
    CHECK(session.state.history.empty());
    CHECK(session.edit.name.empty());
    CHECK(session.edit.phone.empty());
    CHECK(session.edit.note.empty());
    CHECK(session.edit.document.empty());

    // The office's answer replaces the kiosk's estimate once sync delivered it.
    form.deliveryProgressed();
    REQUIRE(services.lookUps.size() == 1);
    CHECK(services.lookUps[0].what == "ACD-EFG");
    services.lookUps[0].done(domain::StatusAnswer{.status = domain::ActionStatus::Accepted, .delivered = true});
    CHECK(session.state.receiptDelivered);
    CHECK(session.state.receipt.value->status == domain::ActionStatus::Accepted);
    form.deliveryProgressed();
    CHECK(services.lookUps.size() == 1);  // asked no more once delivered
}

TEST_CASE("form: a seat in a course session is asked for without the document's fields", "[ui][jobseeker][form]") {
    FakeServices services;
    Session session(Language::English);
    IdCaptureController id(session);
    FormController form(session, services, id);
    session.edit = {.name = "Lela", .phone = "+995 555 123 456", .document = "AB12345"};
    FormActions open;
    open.enrollIn = "session-3";
    form.apply(open);
    CHECK(session.state.formFor == FormState::FormFor::Session);
    CHECK(session.state.documentFieldsShown);  // typed earlier: shown, not hidden
    FormActions send;
    send.send = true;
    form.apply(send);
    REQUIRE(services.enrollments.size() == 1);
    CHECK(services.enrollments[0].sessionId == "session-3");
    CHECK(services.enrollments[0].person.documentNumber.empty());
    CHECK(services.applications.empty());
}

TEST_CASE("status: the office is asked first, this kiosk's copy when it cannot be reached", "[ui][jobseeker][status]") {
    FakeServices services;
    Session session(Language::English);
    StatusController status(session, services);
    std::vector<std::pair<std::string, std::function<void(Expected<std::optional<domain::StatusAnswer>>)>>> asked;
    status.setRemoteStatus([&](std::string code, auto done) { asked.emplace_back(code, done); });
    session.edit.referenceCode = "acd efg";
    StatusActions check;
    check.checkStatus = true;
    status.apply(check);
    REQUIRE(asked.size() == 1);
    CHECK(asked[0].first == "acd efg");
    asked[0].second(
        std::optional<domain::StatusAnswer>(domain::StatusAnswer{.status = domain::ActionStatus::Invited, .fromOffice = true}));
    CHECK(session.state.status.value->status == domain::ActionStatus::Invited);
    CHECK_FALSE(session.state.statusOffline);
    CHECK(services.lookUps.empty());

    status.apply(check);
    asked[1].second(std::unexpected(offline()));
    REQUIRE(services.lookUps.size() == 1);
    services.lookUps[0].done(domain::StatusAnswer{.status = domain::ActionStatus::Submitted});
    CHECK(session.state.status.value->status == domain::ActionStatus::Submitted);
    CHECK(session.state.statusOffline);  // the screen says it is this kiosk's copy

    status.apply(check);
    asked[2].second(std::optional<domain::StatusAnswer>());  // the office does not know it: maybe not delivered yet
    REQUIRE(services.lookUps.size() == 2);
    services.lookUps[1].done(std::unexpected(Error(ErrorCode::NotFound, "unknown code")));
    CHECK_FALSE(session.state.status.value);
    CHECK_FALSE(session.state.statusOffline);
}

TEST_CASE("status: a receipt's QR code is checked as if typed, one clerk call a session, and who is coming",
          "[ui][jobseeker][status]") {
    FakeServices services;
    Session session(Language::Georgian);
    StatusController status(session, services);
    test::RecordingNarrator narrator;
    status.setNarrator(&narrator);
    std::function<void(Expected<std::string>)> scanned;
    status.setQrScanner([&](auto done) { scanned = done; });
    CHECK(session.state.canScan);
    session.open(Screen::Status);
    StatusActions scan;
    scan.scanQr = true;
    status.apply(scan);
    REQUIRE(scanned);
    scanned(std::string("HJK-MNP"));
    CHECK(session.edit.referenceCode == "HJK-MNP");
    REQUIRE(services.lookUps.size() == 1);
    CHECK(services.lookUps[0].what == "HJK-MNP");

    StatusActions call;
    call.callClerk = true;
    status.apply(call);
    status.apply(call);
    REQUIRE(services.clerkCalls.size() == 1);
    CHECK(services.clerkCalls[0].what == "ka");
    services.clerkCalls[0].done(std::string("call-1"));
    status.apply(call);
    CHECK(services.clerkCalls.size() == 1);
    session.state.audioGuidance = true;
    status.deliveryProgressed();
    REQUIRE(services.whoAsks.size() == 1);
    services.whoAsks[0].done(std::string("Nino"));
    CHECK(session.state.clerkComing == "Nino");
    REQUIRE(narrator.said.size() == 1);
    CHECK(narrator.said[0].find("Nino") != std::string::npos);
    status.deliveryProgressed();
    CHECK(services.whoAsks.size() == 1);  // known: not asked again
}

TEST_CASE("ID capture: consent, the camera, the reading onto the form, its picture kept out of the state and wiped",
          "[ui][jobseeker][id]") {
    Session session(Language::English);
    IdCaptureController id(session);
    FakeCamera camera;
    int uploads = 0;
    id.setCamera(&camera, [&](uintptr_t, const CapturePreview&) { return static_cast<uintptr_t>(++uploads); });
    CHECK(session.state.canReadId);
    session.open(Screen::Apply);
    session.edit.name = "Лела";  // typed in her own script: kept
    IdCaptureActions read;
    read.readId = true;
    id.apply(read);
    CHECK(session.state.screen == Screen::IdCapture);
    CHECK(session.state.idCapture.step == IdCaptureView::Step::Consent);
    CHECK(camera.starts == 0);  // nothing before consent
    IdCaptureActions start;
    start.startCamera = true;
    id.apply(start);
    REQUIRE(camera.starts == 1);
    CHECK(session.state.idCapture.step == IdCaptureView::Step::Camera);
    camera.update(CaptureUpdate{.preview = {2, 2, std::vector<uint8_t>(4, 9)}, .hint = CaptureHint::MoveCloser});
    CHECK(session.state.idCapture.hint == CaptureHint::MoveCloser);
    CHECK(session.state.idCapture.preview == 1);
    camera.update(CaptureUpdate{
        .reading = IdReading{
            .name = "LELA BERIDZE", .documentNumber = "AB1234567", .birthDate = "1990-04-25", .photo = "\xFF\xD8 jpeg"}});
    CHECK(session.state.idCapture.step == IdCaptureView::Step::Check);
    CHECK(session.state.idCapture.reading->photo.empty());  // the picture is not in what views draw from
    CHECK(id.holdsAnything());
    IdCaptureActions use;
    use.useReading = true;
    id.apply(use);
    CHECK(session.state.screen == Screen::Apply);
    CHECK(session.edit.document == "AB1234567");
    CHECK(session.edit.birthDate == "1990-04-25");
    CHECK(session.edit.name == "Лела");
    CHECK(session.state.idPhotoAttached);
    CHECK(id.photo() == "\xFF\xD8 jpeg");
    id.forgetPhotos();
    CHECK(id.photo().empty());
    CHECK_FALSE(session.state.idPhotoAttached);
    CHECK_FALSE(id.holdsAnything());

    // Leaving the screen with the camera on stops it; an update after a wipe lands nowhere.
    id.apply(read);
    id.apply(start);
    session.open(Screen::Home);
    id.leftScreen();
    CHECK(camera.stops >= 1);
    session.wipe();
    camera.update(CaptureUpdate{.hint = CaptureHint::HoldStill});
    CHECK(session.state.idCapture.hint == CaptureHint::Starting);
}

TEST_CASE("ID capture: without a camera the person types the number, in Latin letters", "[ui][jobseeker][id]") {
    Session session(Language::Russian);
    IdCaptureController id(session);
    CHECK_FALSE(session.state.canReadId);
    session.open(Screen::Apply);
    IdCaptureActions add;
    add.addDocument = true;
    id.apply(add);
    CHECK(session.state.documentFieldsShown);
    CHECK(session.state.typingInto == FieldId::Document);
    CHECK(session.state.keyboardShown);
    CHECK(session.state.keyboardLayout == Language::English);
}

TEST_CASE("narration: a screen is spoken once on arrival, counts as they change, arrows move a spoken focus",
          "[ui][jobseeker][narration]") {
    Session session(Language::English);
    IdCaptureController id(session);
    Narration narration(session, id);
    test::RecordingNarrator narrator;
    narration.setNarrator(&narrator);
    session.state.audioGuidance = true;
    session.open(Screen::Jobs);
    session.state.jobs.value = pageOf({"Cook", "Driver"});
    narration.narrate(false);
    REQUIRE(narrator.said.size() == 1);
    CHECK(narrator.said[0] == narration.screenSpeech());
    CHECK(narrator.said[0].find(tr(Language::English, Msg::JobsTitle)) == 0);
    narration.narrate(false);
    CHECK(narrator.said.size() == 1);  // nothing new, nothing said
    session.state.jobs.value->totalMatches = 7;
    narration.narrate(false);
    REQUIRE(narrator.said.size() == 2);
    CHECK(narrator.said[1].find('7') != std::string::npos);

    const std::vector<WidgetInfo> frame{{WidgetKind::Text, "Jobs", 0, 0, 100, 20},
                                        {WidgetKind::Button, "Back", 0, 0, 80, 60},
                                        {WidgetKind::Input, "Search", 0, 80, 400, 60},
                                        {WidgetKind::Button, "Disabled", 0, 160, 80, 60, false}};
    CHECK_FALSE(narration.navigate(frame, {.next = true}));
    CHECK(narration.focusLabel() == "Back");
    CHECK_FALSE(narration.navigate(frame, {.next = true}));
    CHECK(narration.focusLabel() == "Search");
    CHECK(narrator.said.back().find("Search") == 0);
    CHECK_FALSE(narration.navigate(frame, {.next = true}));
    CHECK(narration.focusLabel() == "Back");  // round again; the disabled button is skipped
    CHECK_FALSE(narration.navigate(frame, {.enter = true}));
    const auto tap = narration.takeTap();
    REQUIRE(tap);
    CHECK(tap->x == 40);
    CHECK(tap->y == 30);
    CHECK_FALSE(narration.takeTap());
    CHECK(narration.navigate(frame, {.escape = true}));  // back, the shell does it
    session.state.screen = Screen::Home;
    CHECK_FALSE(narration.navigate(frame, {.escape = true}));  // nowhere to go back to
}

TEST_CASE("narration: the help key says where the person is, what the focus is on, and what the keys do",
          "[ui][jobseeker][narration]") {
    Session session(Language::Georgian);
    IdCaptureController id(session);
    Narration narration(session, id);
    test::RecordingNarrator narrator;
    narration.setNarrator(&narrator);
    session.open(Screen::Jobs);
    session.state.jobs.value = pageOf({"Cook", "Driver"});
    const std::vector<WidgetInfo> frame{{WidgetKind::Button, "Back", 0, 0, 80, 60}};
    narration.navigate(frame, {.next = true});
    narration.help();
    REQUIRE_FALSE(narrator.said.empty());
    const std::string& said = narrator.said.back();
    CHECK(said.find(tr(Language::Georgian, Msg::JobsTitle)) == 0);  // where
    CHECK(said.find("Back.") != std::string::npos);  // the focus
    CHECK(said.find(tr(Language::Georgian, Msg::KeysHelp)) != std::string::npos);  // the keys
    CHECK(session.state.audioGuidance);
    const size_t before = narrator.said.size();
    narration.narrate(false);
    CHECK(narrator.said.size() == before);  // not the screen again right after
}

TEST_CASE("the booked course session is named on the review and the receipt, and spoken", "[ui][jobseeker][form]") {
    FakeServices services;
    Session session(Language::English);
    IdCaptureController id(session);
    FormController form(session, services, id);
    Narration narration(session, id);
    domain::CourseRecord course{.id = "c-1", .name = "Excel for beginners"};
    course.sessions.push_back({.id = "s-1", .center = "Rustaveli 12", .city = "Batumi", .startsAt = "2027-01-10"});
    course.sessions.push_back({.id = "s-2", .center = "Chavchavadze 5", .city = "Tbilisi", .startsAt = "2027-02-14"});
    session.state.course.value = course;
    FormActions open;
    open.enrollIn = "s-2";
    form.apply(open);
    const domain::CourseSession* booked = bookedSession(session.state, session.state.course.value);
    REQUIRE(booked);
    CHECK(booked->id == "s-2");
    CHECK(sessionWhere(*booked) == "Chavchavadze 5 · Tbilisi");
    CHECK(sessionWhen(Language::English, *booked).find("2027") != std::string::npos);
    session.edit = {.name = "Lela", .phone = "+995 555 123 456"};
    FormActions consent;
    consent.toggleConsent = true;
    consent.review = true;
    form.apply(consent);
    REQUIRE(session.state.screen == Screen::Review);
    CHECK(narration.screenSpeech().find("Chavchavadze 5") != std::string::npos);
    FormActions send;
    send.send = true;
    form.apply(send);
    services.receipts.at(0)(domain::ActionReceipt{.referenceCode = "ACD-EFG"});
    REQUIRE(session.state.screen == Screen::Receipt);
    const std::string speech = narration.screenSpeech();
    CHECK(speech.find("Excel for beginners") != std::string::npos);
    CHECK(speech.find("Chavchavadze 5 · Tbilisi") != std::string::npos);
    CHECK(speech.find("Rustaveli") == std::string::npos);  // not the other date
    // A form for a job names no session.
    FormActions job;
    job.apply = true;
    form.apply(job);
    CHECK_FALSE(bookedSession(session.state, session.state.course.value));
}
