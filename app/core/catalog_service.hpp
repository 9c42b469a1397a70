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

#include "app/core/main_thread_queue.hpp"
#include "app/store/catalog_import.hpp"
#include "app/store/database.hpp"
#include "app/store/records.hpp"

namespace dc::core {

class CatalogService {
public:
    template <class T>
    using Callback = std::function<void(Expected<T>)>;

    CatalogService(store::Database db, MainThreadQueue& results);
    ~CatalogService();
    CatalogService(const CatalogService&) = delete;
    CatalogService& operator=(const CatalogService&) = delete;

    // Imports `batch` when the catalog has no jobs yet (first run of the demo).
    void seedIfEmpty(store::CatalogBatch batch, Callback<store::ImportCounts> done);
    void searchJobs(store::JobSearch search, Callback<store::JobPage> done);
    void getJob(std::string id, Callback<store::JobRecord> done);
    void listCourses(Callback<std::vector<store::CourseRecord>> done);

    // Requests queued or running; the automation driver waits for zero before it checks the screen.
    int pending() const;

private:
    using Work = std::function<void(store::Database&)>;
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
    std::thread m_worker;
};

}  // namespace dc::core
