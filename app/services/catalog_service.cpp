#include "app/services/catalog_service.hpp"

#include "common/log.hpp"

#include <cstdio>

#include "store/daily_counts.hpp"

#include "store/catalog_queries.hpp"

namespace dc::services {

CatalogService::CatalogService(store::Database db, MainThreadQueue& results)
    : m_db(std::move(db)), m_results(results), m_worker([this] { run(); }) {}

CatalogService::~CatalogService() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wakeWorker.notify_all();
    m_worker.join();
}

int CatalogService::pending() const {
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_queue.size()) + (m_pendingSearch ? 1 : 0) + m_running;
}

void CatalogService::enqueue(Work work, bool isSearch) {
    {
        std::lock_guard lock(m_mutex);
        if (isSearch)
            m_pendingSearch = std::move(work);  // replaces an older search not yet started
        else
            m_queue.push_back(std::move(work));
    }
    m_wakeWorker.notify_one();
}

void CatalogService::run() {
    for (;;) {
        Work work;
        {
            std::unique_lock lock(m_mutex);
            m_wakeWorker.wait(lock, [&] { return m_stopping || !m_queue.empty() || m_pendingSearch; });
            if (m_stopping) return;
            // Other requests first, in order: a seed must land before the search that shows it.
            if (!m_queue.empty()) {
                work = std::move(m_queue.front());
                m_queue.pop_front();
            } else {
                work = std::move(*m_pendingSearch);
                m_pendingSearch.reset();
            }
            ++m_running;
        }
        work(m_db);
        std::lock_guard lock(m_mutex);
        --m_running;
    }
}

// The result is posted before `m_running` drops, so pending() never reads zero while a result
// is still on its way to the UI thread.
void CatalogService::seedIfEmpty(std::function<domain::CatalogBatch()> make, Callback<store::ImportCounts> done) {
    enqueue(
        [this, make = std::move(make), done = std::move(done)](store::Database& db) {
            Expected<store::ImportCounts> result = store::ImportCounts{};
            auto count = store::countJobs(db);
            if (!count)
                result = std::unexpected(count.error());
            else if (*count == 0)
                result = store::applyCatalogBatch(db, make());
            m_results.post([done, result] { done(result); });
        },
        false);
}

void CatalogService::searchJobs(domain::JobSearch search, Callback<domain::JobPage> done) {
    enqueue(
        [this, search = std::move(search), done = std::move(done)](store::Database& db) {
            auto result = store::searchJobs(db, search);
            m_results.post([done, result = std::move(result)] { done(result); });
        },
        true);
}

void CatalogService::nextJobs(domain::JobSearch search, Callback<domain::JobPage> done) {
    ask<domain::JobPage>([search = std::move(search)](store::Database& db) { return store::searchJobs(db, search); },
                         std::move(done));
}

void CatalogService::getJob(std::string id, Callback<domain::JobRecord> done) {
    enqueue(
        [this, id = std::move(id), done = std::move(done)](store::Database& db) {
            auto result = store::getJob(db, id);
            m_results.post([done, result = std::move(result)] { done(result); });
        },
        false);
}

void CatalogService::listCourses(Callback<std::vector<domain::CourseRecord>> done) {
    enqueue(
        [this, done = std::move(done)](store::Database& db) {
            auto result = store::listCourses(db, 500);
            m_results.post([done, result = std::move(result)] { done(result); });
        },
        false);
}

void CatalogService::getCourse(std::string id, Callback<domain::CourseRecord> done) {
    ask<domain::CourseRecord>([id = std::move(id)](store::Database& db) { return store::getCourse(db, id); }, std::move(done));
}

void CatalogService::jobsMatchingSkills(std::vector<std::string> skills, int limit, Callback<domain::JobPage> done) {
    ask<domain::JobPage>(
        [skills = std::move(skills), limit](store::Database& db) {
            return store::jobsMatchingSkills(db, {.mySkills = skills, .limit = limit, .withFacets = false});
        },
        std::move(done));
}

void CatalogService::coursesTeaching(std::vector<std::string> skills, std::string city, std::string today,
                                     Callback<std::vector<domain::CourseOffer>> done) {
    ask<std::vector<domain::CourseOffer>>([skills = std::move(skills), city = std::move(city), today = std::move(today)](
                                              store::Database& db) { return store::coursesTeaching(db, skills, city, today, 3); },
                                          std::move(done));
}

void CatalogService::callClerk(std::string language, Callback<std::string> done) {
    ask<std::string>(
        [this, cipher = currentCipher(), language = std::move(language)](store::Database& db) -> Expected<std::string> {
            if (!cipher) return std::unexpected(noKeyError());
            auto id = store::callClerk(db, *cipher, language);
            if (!id) return std::unexpected(id.error());
            if (m_onQueued) m_onQueued();
            return id;
        },
        std::move(done));
}

void CatalogService::whoIsComing(std::string callId, Callback<std::string> done) {
    ask<std::string>([callId = std::move(callId)](store::Database& db) { return store::whoIsComing(db, callId); },
                     std::move(done));
}

void CatalogService::countEvent(std::string metric, std::vector<std::string> dimensions) {
    enqueue(
        [metric = std::move(metric), dimensions = std::move(dimensions)](store::Database& db) {
            // A lost count is not worth a person's attention; the log says so.
            if (auto r = store::countEvent(db, metric, dimensions); !r)
                logLine("a usage count was not saved: " + r.error().message());
        },
        false);
}

void CatalogService::setCipher(store::FieldCipher cipher) {
    auto shared = std::make_shared<store::FieldCipher>(std::move(cipher));
    std::lock_guard lock(m_mutex);
    m_cipher = std::move(shared);
}

std::shared_ptr<store::FieldCipher> CatalogService::currentCipher() const {
    std::lock_guard lock(m_mutex);
    return m_cipher;
}

Error CatalogService::noKeyError() {
    return Error(ErrorCode::IoError, "the device key is not available, so personal data cannot be stored");
}

void CatalogService::submitApplication(domain::ApplicationDraft draft, Callback<domain::ActionReceipt> done) {
    askWithKey(std::move(draft), &store::submitApplication, std::move(done));
}

void CatalogService::registerJobseeker(domain::RegistrationDraft draft, Callback<domain::ActionReceipt> done) {
    askWithKey(std::move(draft), &store::registerJobseeker, std::move(done));
}

void CatalogService::requestEnrollment(domain::EnrollmentDraft draft, Callback<domain::ActionReceipt> done) {
    askWithKey(std::move(draft), &store::requestEnrollment, std::move(done));
}

void CatalogService::lookUpReference(std::string code, Callback<domain::StatusAnswer> done) {
    ask<domain::StatusAnswer>([code = std::move(code)](store::Database& db) { return store::lookUpReference(db, code); },
                              std::move(done));
}

}  // namespace dc::services
