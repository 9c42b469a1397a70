#pragma once
// Workers never touch UI state: they post a closure here and the UI thread runs it when it drains
// the queue, once per frame. `wake` (set by the app) interrupts the UI thread's idle wait so the
// result is drawn at once even when no input arrives.
#include <functional>
#include <mutex>
#include <utility>
#include <vector>

namespace dc::services {

class MainThreadQueue {
public:
    using Task = std::function<void()>;

    void setWake(std::function<void()> wake) {
        std::lock_guard lock(m_mutex);
        m_wake = std::move(wake);
    }

    void post(Task task) {
        std::function<void()> wake;
        {
            std::lock_guard lock(m_mutex);
            m_tasks.push_back(std::move(task));
            wake = m_wake;
        }
        if (wake) wake();
    }

    // Runs every task posted so far, on the calling (UI) thread. Returns how many ran.
    size_t drain() {
        std::vector<Task> tasks;
        {
            std::lock_guard lock(m_mutex);
            tasks.swap(m_tasks);
        }
        for (auto& task : tasks) task();
        return tasks.size();
    }

    // Answers posted and not yet run: the automation driver waits for them as for work under way
    // (a worker counts itself done once it has posted, before the UI has shown the answer).
    bool hasWaiting() const {
        std::lock_guard lock(m_mutex);
        return !m_tasks.empty();
    }

private:
    mutable std::mutex m_mutex;
    std::vector<Task> m_tasks;
    std::function<void()> m_wake;
};

}  // namespace dc::services
