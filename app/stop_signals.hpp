#pragma once
#include <pthread.h>

#include <atomic>
#include <csignal>
#include <functional>
#include <thread>

namespace dc::app {

// Stops come only from systemd (SIGTERM), a terminal (SIGINT, SIGHUP) or technician mode. The
// signals are blocked in every thread and taken by this one, so stopping is an ordinary event of
// the loop (a clean end: the store closed, the outbox intact), not work inside a signal handler.
class StopSignals {
public:
    StopSignals() {
        sigemptyset(&m_set);
        for (int s : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&m_set, s);
        pthread_sigmask(SIG_BLOCK, &m_set, nullptr);  // before any other thread starts
    }
    // Starts watching; `onStop` runs on the watcher thread, once. The thread sleeps in the kernel
    // until a signal comes: an idle kiosk has no timer waking it.
    void watch(std::function<void(int)> onStop) {
        m_thread = std::thread([this, onStop = std::move(onStop)] {
            while (true) {
                const int s = sigwaitinfo(&m_set, nullptr);
                if (m_done) return;  // stop()'s own signal, or one that came while stopping
                if (s > 0) {
                    onStop(s);
                    return;
                }
            }
        });
    }
    // Stops watching (before what onStop refers to goes away): a signal sent to the watcher
    // thread alone ends its wait.
    void stop() {
        m_done = true;
        if (m_thread.joinable()) {
            pthread_kill(m_thread.native_handle(), SIGHUP);
            m_thread.join();
        }
    }
    ~StopSignals() { stop(); }

private:
    sigset_t m_set;
    std::atomic<bool> m_done{false};
    std::thread m_thread;
};

}  // namespace dc::app
