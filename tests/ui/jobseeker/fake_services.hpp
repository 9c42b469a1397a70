#pragma once
// JobseekerServices answered by hand: every request is recorded with its callback, and a test
// answers it (or not) when it likes, as the store's worker would, later and on the UI thread.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/services/jobseeker_services.hpp"
#include "app/ui/kit/narrator.hpp"

namespace dc::test {

class FakeServices : public services::JobseekerServices {
public:
    template <class T>
    struct Asked {
        std::string what;  // "searchJobs", a job id, a code ...
        Callback<T> done;
    };

    std::vector<domain::JobSearch> searches, nextPages;
    std::vector<Callback<domain::JobPage>> searchAnswers, nextAnswers, matchingAnswers;
    std::vector<Asked<domain::JobRecord>> jobs;
    std::vector<Asked<std::vector<domain::CourseOffer>>> offers;
    std::vector<Callback<std::vector<domain::CourseRecord>>> courseLists;
    std::vector<Asked<domain::CourseRecord>> courses;
    std::vector<std::vector<std::string>> matchingSkills;
    std::vector<domain::ApplicationDraft> applications;
    std::vector<domain::EnrollmentDraft> enrollments;
    std::vector<Callback<domain::ActionReceipt>> receipts;
    std::vector<Asked<domain::StatusAnswer>> lookUps;
    std::vector<Asked<std::string>> clerkCalls, whoAsks;
    std::vector<std::string> counted;

    void searchJobs(domain::JobSearch search, Callback<domain::JobPage> done) override {
        searches.push_back(std::move(search));
        searchAnswers.push_back(std::move(done));
    }
    void nextJobs(domain::JobSearch search, Callback<domain::JobPage> done) override {
        nextPages.push_back(std::move(search));
        nextAnswers.push_back(std::move(done));
    }
    void getJob(std::string id, Callback<domain::JobRecord> done) override { jobs.push_back({std::move(id), std::move(done)}); }
    void listCourses(Callback<std::vector<domain::CourseRecord>> done) override { courseLists.push_back(std::move(done)); }
    void getCourse(std::string id, Callback<domain::CourseRecord> done) override {
        courses.push_back({std::move(id), std::move(done)});
    }
    void jobsMatchingSkills(std::vector<std::string> skills, int, Callback<domain::JobPage> done) override {
        matchingSkills.push_back(std::move(skills));
        matchingAnswers.push_back(std::move(done));
    }
    void coursesTeaching(std::vector<std::string>, std::string city, std::string,
                         Callback<std::vector<domain::CourseOffer>> done) override {
        offers.push_back({std::move(city), std::move(done)});
    }
    void submitApplication(domain::ApplicationDraft draft, Callback<domain::ActionReceipt> done) override {
        applications.push_back(std::move(draft));
        receipts.push_back(std::move(done));
    }
    void requestEnrollment(domain::EnrollmentDraft draft, Callback<domain::ActionReceipt> done) override {
        enrollments.push_back(std::move(draft));
        receipts.push_back(std::move(done));
    }
    void lookUpReference(std::string code, Callback<domain::StatusAnswer> done) override {
        lookUps.push_back({std::move(code), std::move(done)});
    }
    void callClerk(std::string language, Callback<std::string> done) override {
        clerkCalls.push_back({std::move(language), std::move(done)});
    }
    void whoIsComing(std::string callId, Callback<std::string> done) override {
        whoAsks.push_back({std::move(callId), std::move(done)});
    }
    void countEvent(std::string metric, std::vector<std::string> dimensions) override {
        counted.push_back(metric + (dimensions.empty() ? "" : ":" + dimensions[0]));
    }
};

inline domain::JobPage pageOf(std::vector<std::string> titles, bool more = false) {
    domain::JobPage page;
    for (auto& t : titles) page.jobs.push_back({.id = "job-" + t, .title = t});
    page.totalMatches = static_cast<int64_t>(page.jobs.size());
    if (more) page.next = domain::JobCursor{.rowid = 99};
    return page;
}

struct RecordingNarrator : ui::Narrator {
    std::vector<std::string> said;
    int stops = 0;
    void say(const std::string& text, ui::Language) override { said.push_back(text); }
    void stop() override { ++stops; }
};

}  // namespace dc::test
