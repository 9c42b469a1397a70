#pragma once
// CatalogService keeps every database call off the UI thread. It owns the Database and one worker
// thread; requests are queued, run in order on the worker, and their results are posted back to
// the MainThreadQueue. Job searches coalesce: while one runs, only the newest waiting search is
// kept, so typing fast never builds a backlog.
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "app/services/jobseeker_services.hpp"
#include "app/services/main_thread_queue.hpp"
#include "store/catalog_import.hpp"
#include "store/catalog_queries.hpp"
#include "store/database.hpp"
#include "store/field_cipher.hpp"
#include "store/jobseeker_actions.hpp"
#include "domain/records.hpp"

namespace dc::services {

class CatalogService final : public JobseekerServices {
public:
    CatalogService(store::Database db, MainThreadQueue& results);
    ~CatalogService();
    CatalogService(const CatalogService&) = delete;
    CatalogService& operator=(const CatalogService&) = delete;

    // Imports the batch `make` builds when the catalog has no jobs yet (first run of the demo).
    // `make` runs on the worker and only then: a seeded kiosk starts without building it.
    void seedIfEmpty(std::function<domain::CatalogBatch()> make, Callback<store::ImportCounts> done);
    void searchJobs(domain::JobSearch search, Callback<domain::JobPage> done) override;
    // The next page of a search (search.after set): queued in order, never coalesced away.
    void nextJobs(domain::JobSearch search, Callback<domain::JobPage> done) override;
    void getJob(std::string id, Callback<domain::JobRecord> done) override;
    void listCourses(Callback<std::vector<domain::CourseRecord>> done) override;
    void getCourse(std::string id, Callback<domain::CourseRecord> done) override;
    // Jobs asking for any of `skills`, the most matched first: where a course leads.
    void jobsMatchingSkills(std::vector<std::string> skills, int limit, Callback<domain::JobPage> done) override;
    // Courses teaching `skills`, nearby (`city`) and soonest from `today` first.
    void coursesTeaching(std::vector<std::string> skills, std::string city, std::string today,
                         Callback<std::vector<domain::CourseOffer>> done) override;

    // Jobseeker actions seal personal data with the device key; until one is given they fail.
    void setCipher(store::FieldCipher cipher);
    void submitApplication(domain::ApplicationDraft draft, Callback<domain::ActionReceipt> done) override;
    void requestEnrollment(domain::EnrollmentDraft draft, Callback<domain::ActionReceipt> done) override;
    void lookUpReference(std::string code, Callback<domain::StatusAnswer> done) override;
    // Answers the call's record id (the office's acknowledgement names it).
    void callClerk(std::string language, Callback<std::string> done) override;
    // The caseworker who took the call at the office, as the last heartbeat said (empty: not yet).
    void whoIsComing(std::string callId, Callback<std::string> done) override;
    // A clerk registers a jobseeker (store::registerJobseeker), queued for the office like an application.
    void registerJobseeker(domain::RegistrationDraft draft, Callback<domain::ActionReceipt> done);

    // Any other question for the store, run on the worker in turn (clerk lists, PIN checks,
    // diagnostics); `done` gets the answer on the UI thread.
    template <class T>
    void run(std::function<Expected<T>(store::Database&)> query, Callback<T> done) {
        ask<T>(std::move(query), std::move(done));
    }
    // Adds one to an anonymous daily usage count (store/daily_counts.hpp); failures are logged only.
    void countEvent(std::string metric, std::vector<std::string> dimensions) override;
    // Called on the worker after an action put a record in the outbox (sync sends it at once).
    // Set before the first action.
    void setOnQueued(std::function<void()> queued) { m_onQueued = std::move(queued); }

    // Requests queued or running; the automation driver waits for zero before it checks the screen.
    int pending() const;

private:
    using Work = std::function<void(store::Database&)>;
    // Runs a jobseeker action with the device key, or answers that there is none.
    template <class Draft, class Action>
    void askWithKey(Draft draft, Action action, Callback<domain::ActionReceipt> done) {
        ask<domain::ActionReceipt>(
            [this, cipher = currentCipher(), draft = std::move(draft),
             action](store::Database& db) -> Expected<domain::ActionReceipt> {
                if (!cipher) return std::unexpected(noKeyError());
                auto receipt = action(db, *cipher, draft);
                if (receipt && m_onQueued) m_onQueued();
                return receipt;
            },
            std::move(done));
    }
    std::shared_ptr<store::FieldCipher> currentCipher() const;
    static Error noKeyError();

    // Runs `query` on the worker and posts its answer to `done` on the UI thread.
    template <class T, class Query>
    void ask(Query query, Callback<T> done) {
        enqueue(
            [this, query = std::move(query), done = std::move(done)](store::Database& db) {
                Expected<T> result = query(db);
                m_results.post([done, result = std::move(result)] { done(result); });
            },
            false);
    }
    void enqueue(Work work, bool isSearch);
    void run();

    store::Database m_db;
    MainThreadQueue& m_results;
    mutable std::mutex m_mutex;
    std::condition_variable m_wakeWorker;
    std::deque<Work> m_queue;
    std::optional<Work> m_pendingSearch;
    int m_running = 0;
    bool m_stopping = false;
    std::shared_ptr<store::FieldCipher> m_cipher;  // read on the worker, set before first use
    std::function<void()> m_onQueued;
    std::thread m_worker;
};

}  // namespace dc::services
