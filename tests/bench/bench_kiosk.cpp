// dc-bench-kiosk: the kiosk's own speed with a large catalog, against what issue #4 asks (and
// what a Chromium kiosk page does on the same machine): start to an interactive job list,
// memory (PSS), CPU while idle, CPU per frame while scrolling. Prints a table; asserts nothing.
//   dc-bench-kiosk [--jobs N] [--keep DIR]
// The kiosk runs on the private Xvfb (no GPU: Mesa's llvmpipe renders in software, so the
// frame figure includes drawing that a real GPU would take over).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "catalog/catalog_generator.hpp"
#include "store/catalog_import.hpp"
#include "e2e/kiosk_process.hpp"
#include "support/temp_dir.hpp"

using namespace dc;
using Clock = std::chrono::steady_clock;

namespace {

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "dc-bench-kiosk: %s\n", what.c_str());
    std::exit(1);
}

// Time on a CPU of every thread of a process, in seconds, to the nanosecond (schedstat): the tick
// count of /proc/PID/stat is too coarse for an idle process (one tick in 10 s is 0.1%).
double cpuSeconds(pid_t pid) {
    double total = 0;
    std::error_code ec;
    for (const auto& task : std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task", ec)) {
        std::ifstream stat(task.path() / "schedstat");
        long long ns = 0;
        if (stat >> ns) total += static_cast<double>(ns) / 1e9;
    }
    return total;
}

long pssKb(pid_t pid) {
    std::ifstream rollup("/proc/" + std::to_string(pid) + "/smaps_rollup");
    std::string line;
    while (std::getline(rollup, line))
        if (line.rfind("Pss:", 0) == 0) return std::stol(line.substr(4));
    return -1;
}

// Waits until `file` exists (the kiosk's script writes it at a given step) or the kiosk ends.
// A benchmark measures: a slow machine makes the figures larger, never a failure. The cap only
// stops a kiosk that hangs (its own script steps give up long before it).
bool waitFor(const std::filesystem::path& file, pid_t pid, Clock::time_point& seenAt) {
    const auto giveUp = Clock::now() + std::chrono::minutes(20);
    while (Clock::now() < giveUp) {
        if (std::filesystem::exists(file)) {
            seenAt = Clock::now();
            return true;
        }
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid) return false;
        std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
    return false;
}

nlohmann::json readDump(const std::filesystem::path& dump) {
    std::ifstream in(dump);
    auto j = nlohmann::json::parse(in, nullptr, false);
    return j.is_object() ? j : nlohmann::json::object();
}

}  // namespace

int main(int argc, char** argv) {
    size_t jobs = 100000;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::string(argv[i]) == "--jobs")
            jobs = std::stoul(argv[i + 1]);
        else
            die(std::string("unknown option ") + argv[i]);
    }
    test::TempDir dir;
    std::filesystem::create_directories(dir / "data");
    {
        auto db = store::Database::open(dir / "data" / "kiosk.db");
        if (!db) die(db.error().message());
        auto catalog = catalog::generateCatalog({.seed = 2026, .jobs = jobs, .courses = 60});
        for (size_t at = 0; at < catalog.jobUpserts.size(); at += 50000) {
            domain::CatalogBatch part;
            part.jobUpserts.assign(
                catalog.jobUpserts.begin() + static_cast<long>(at),
                catalog.jobUpserts.begin() + static_cast<long>(std::min(at + 50000, catalog.jobUpserts.size())));
            if (at == 0) part.courseUpserts = catalog.courseUpserts;
            if (!store::applyCatalogBatch(*db, part)) die("import failed");
        }
    }
    // Steps: the list (first dump), idle (second), scrolling (third).
    std::string swipes;
    for (int i = 0; i < 12; ++i) swipes += "swipe up\n";
    test::writeFile(dir / "bench.script",
                    "dump " + (dir / "first.json").string() +
                        "\ntap \"Find a job\"\nexpect \"Jobs found: " + test::shownCount(jobs) + "\"\ndump " +
                        (dir / "list.json").string() + "\nwait 3000\ndump " + (dir / "idle.json").string() + "\n" + swipes +
                        "dump " + (dir / "scrolled.json").string() + "\nwait 1000\n");
    const std::string display = test::xvfbDisplay();
    const auto started = Clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::setenv("DISPLAY", display.c_str(), 1);
        const std::string data = (dir / "data").string(), script = (dir / "bench.script").string(),
                          dump = (dir / "ui.json").string();
        ::execl(DC_KIOSK_PATH, DC_KIOSK_PATH, "--data-dir", data.c_str(), "--no-demo", "--script", script.c_str(),
                static_cast<char*>(nullptr));
        ::_exit(127);
    }
    Clock::time_point firstAt, listAt, idleAt, scrolledAt;
    if (!waitFor(dir / "first.json", pid, firstAt)) die("the kiosk never drew its first screen");
    if (!waitFor(dir / "list.json", pid, listAt)) die("the job list never showed");
    const long pss = pssKb(pid);
    if (!waitFor(dir / "idle.json", pid, idleAt)) die("the kiosk stopped while idle");
    const double cpuIdle = cpuSeconds(pid);
    if (!waitFor(dir / "scrolled.json", pid, scrolledAt)) die("the kiosk stopped while scrolling");
    const double cpuScrolled = cpuSeconds(pid);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) die("the script did not pass");

    const double startMs = std::chrono::duration<double, std::milli>(listAt - started).count();
    // What a person waits for: the kiosk's start to Home on screen, plus the tap's release to the
    // list on screen. The script's own pacing (frames between moving, pressing and letting go, and
    // waiting for each screen to settle before the next step) is not theirs to wait for.
    const auto list = readDump(dir / "list.json");
    // Counted from the fork, with loading the kiosk's libraries before its main().
    const double beforeMainMs =
        list.value("started_steady_ms", 0.0) - std::chrono::duration<double, std::milli>(started.time_since_epoch()).count();
    const double firstFrameMs = beforeMainMs + list.value("first_frame_ms", -1.0);
    const double answerMs = list.value("expect_seen_ms", -1.0) - list.value("tap_released_ms", -1.0);
    const auto before = readDump(dir / "idle.json"), after = readDump(dir / "scrolled.json");
    const long long frames = after.value("frames_drawn", 0LL) - before.value("frames_drawn", 0LL);
    const double buildMs = after.value("frame_build_cpu_ms", 0.0) - before.value("frame_build_cpu_ms", 0.0);
    const double presentMs = after.value("frame_present_cpu_ms", 0.0) - before.value("frame_present_cpu_ms", 0.0);
    (void)idleAt;

    // Idle, as a kiosk runs: no script (a script polls while it waits). Started, settled, measured.
    double idleCpuPercent = -1;
    {
        const pid_t plain = ::fork();
        if (plain == 0) {
            ::setenv("DISPLAY", display.c_str(), 1);
            const std::string data = (dir / "data").string(), dump = (dir / "plain.json").string();
            ::execl(DC_KIOSK_PATH, DC_KIOSK_PATH, "--data-dir", data.c_str(), "--no-demo", "--dump-ui", dump.c_str(),
                    static_cast<char*>(nullptr));
            ::_exit(127);
        }
        // From its first frame on (however long the start takes here), then a moment to settle.
        Clock::time_point shownAt;
        if (!waitFor(dir / "plain.json", plain, shownAt)) die("the kiosk without a script never drew its first screen");
        std::this_thread::sleep_for(std::chrono::seconds(3));
        const double c0 = cpuSeconds(plain);
        std::this_thread::sleep_for(std::chrono::seconds(10));
        const double c1 = cpuSeconds(plain);
        ::kill(plain, SIGTERM);
        ::waitpid(plain, nullptr, 0);
        idleCpuPercent = 100.0 * (c1 - c0) / 10.0;
    }
    std::printf("| Measure (%zu jobs, Xvfb, llvmpipe) | dc-kiosk | Target |\n|---|---:|---:|\n", jobs);
    std::printf(
        "| Start to an interactive job list: start to Home on screen + a tap on Find a job to the list on screen | %.0f ms | ≤ "
        "200 ms |\n",
        firstFrameMs + answerMs);
    std::printf("| … start to Home on screen (its first frame; %.0f ms of it before main) | %.0f ms | |\n", beforeMainMs,
                firstFrameMs);
    std::printf("| … the tap let go to the list on screen (100,000 jobs counted, the first rows) | %.0f ms | |\n", answerMs);
    std::printf("| … the whole script, paced to let each screen settle: start to Home settled | %.0f ms | |\n",
                std::chrono::duration<double, std::milli>(firstAt - started).count());
    std::printf("| … and on to the list settled | %.0f ms | |\n", startMs);
    std::printf("| Memory, PSS, with the list shown | %.0f MB | ≤ 120 MB |\n", static_cast<double>(pss) / 1024);
    std::printf("| CPU while idle (10 s at rest, no script) | %.3f%% of a core | < 0.1%% |\n", idleCpuPercent);
    const double perFrame = frames > 0 ? 1.0 / static_cast<double>(frames) : 0.0;
    std::printf("| CPU per frame while scrolling: building the frame (layout, text, list) | %.2f ms | ≤ 4 ms |\n",
                buildMs * perFrame);
    std::printf("| … handing it to GL and swapping (UI thread) | %.2f ms | |\n", presentMs * perFrame);
    std::printf("| … whole process incl. llvmpipe's software rendering (%lld frames) | %.2f ms | |\n", frames,
                1000.0 * (cpuScrolled - cpuIdle) * perFrame);
    return 0;
}
