#pragma once
// What the jobseeker's screens may ask of the kiosk: the catalog, their own records, a clerk.
// Every answer arrives once, later, on the UI thread. CatalogService answers it from the store on
// its worker thread; the feature controllers' unit tests answer it by hand.
#include <functional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "domain/actions.hpp"
#include "domain/records.hpp"
#include "domain/search.hpp"

namespace dc::services {

class JobseekerServices {
public:
    template <class T>
    using Callback = std::function<void(Expected<T>)>;

    virtual ~JobseekerServices() = default;

    virtual void searchJobs(domain::JobSearch search, Callback<domain::JobPage> done) = 0;
    // The next page of a search (search.after set): queued in order, never coalesced away.
    virtual void nextJobs(domain::JobSearch search, Callback<domain::JobPage> done) = 0;
    virtual void getJob(std::string id, Callback<domain::JobRecord> done) = 0;
    virtual void listCourses(Callback<std::vector<domain::CourseRecord>> done) = 0;
    virtual void getCourse(std::string id, Callback<domain::CourseRecord> done) = 0;
    // Jobs asking for any of `skills`, the most matched first: where a course leads.
    virtual void jobsMatchingSkills(std::vector<std::string> skills, int limit, Callback<domain::JobPage> done) = 0;
    // Courses teaching `skills`, nearby (`city`) and soonest from `today` first.
    virtual void coursesTeaching(std::vector<std::string> skills, std::string city, std::string today,
                                 Callback<std::vector<domain::CourseOffer>> done) = 0;
    virtual void submitApplication(domain::ApplicationDraft draft, Callback<domain::ActionReceipt> done) = 0;
    virtual void requestEnrollment(domain::EnrollmentDraft draft, Callback<domain::ActionReceipt> done) = 0;
    virtual void lookUpReference(std::string code, Callback<domain::StatusAnswer> done) = 0;
    // Answers the call's record id (the office's acknowledgement names it).
    virtual void callClerk(std::string language, Callback<std::string> done) = 0;
    // The caseworker who took the call at the office, as the last heartbeat said (empty: not yet).
    virtual void whoIsComing(std::string callId, Callback<std::string> done) = 0;
    // Adds one to an anonymous daily usage count; failures are logged only.
    virtual void countEvent(std::string metric, std::vector<std::string> dimensions) = 0;
};

}  // namespace dc::services
