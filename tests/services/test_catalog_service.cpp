#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "app/services/catalog_service.hpp"
#include "catalog/demo_catalog.hpp"
#include "support/temp_dir.hpp"

using namespace dc;

namespace {

// Drains the queue on this (the "UI") thread until `done` or a generous deadline.
template <class F>
bool drainUntil(services::MainThreadQueue& queue, F done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!done() && std::chrono::steady_clock::now() < deadline) {
        queue.drain();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return done();
}

}  // namespace

TEST_CASE("results come back on the draining thread, seed before search", "[core]") {
    dc::test::TempDir dir;
    services::MainThreadQueue queue;
    int wakes = 0;
    queue.setWake([&] { ++wakes; });
    services::CatalogService service(std::move(*store::Database::open(dir / "kiosk.db")), queue);

    std::optional<size_t> seeded;
    std::optional<int64_t> found;
    const auto uiThread = std::this_thread::get_id();
    bool ranOnUiThread = true;
    service.seedIfEmpty(&catalog::demoCatalog, [&](Expected<store::ImportCounts> r) {
        ranOnUiThread &= std::this_thread::get_id() == uiThread;
        seeded = r ? r->jobsUpserted : 0;
    });
    service.searchJobs({.text = "tester"}, [&](Expected<domain::JobPage> r) {
        ranOnUiThread &= std::this_thread::get_id() == uiThread;
        found = r ? r->totalMatches : -1;
    });
    REQUIRE(drainUntil(queue, [&] { return seeded && found; }));
    CHECK(*seeded == catalog::demoCatalog().jobUpserts.size());
    CHECK(*found == 1);
    CHECK(ranOnUiThread);
    CHECK(wakes >= 2);
    CHECK(drainUntil(queue, [&] { return service.pending() == 0; }));
}

TEST_CASE("seeding a catalog that has jobs does nothing", "[core]") {
    dc::test::TempDir dir;
    services::MainThreadQueue queue;
    services::CatalogService service(std::move(*store::Database::open(dir / "kiosk.db")), queue);
    std::vector<size_t> counts;
    std::atomic<int> built = 0;  // the batch is built on the worker, only when it is needed
    auto make = [&] {
        ++built;
        return catalog::demoCatalog();
    };
    for (int i = 0; i < 2; ++i)
        service.seedIfEmpty(make, [&](Expected<store::ImportCounts> r) { counts.push_back(r->jobsUpserted); });
    REQUIRE(drainUntil(queue, [&] { return counts.size() == 2; }));
    CHECK(counts[0] > 0);
    CHECK(counts[1] == 0);
    CHECK(built == 1);
}

TEST_CASE("searches typed quickly coalesce to the newest", "[core]") {
    dc::test::TempDir dir;
    services::MainThreadQueue queue;
    services::CatalogService service(std::move(*store::Database::open(dir / "kiosk.db")), queue);
    std::vector<std::string> answered;
    // Hold the worker busy with a seed so the searches queue up behind it.
    service.seedIfEmpty(&catalog::demoCatalog, [](Expected<store::ImportCounts>) {});
    for (const char* text : {"t", "te", "tes", "test"})
        service.searchJobs({.text = text}, [&, text](Expected<domain::JobPage>) { answered.push_back(text); });
    REQUIRE(drainUntil(queue, [&] { return service.pending() == 0; }));
    queue.drain();
    REQUIRE_FALSE(answered.empty());
    CHECK(answered.back() == "test");
    CHECK(answered.size() <= 2);  // at most the one already running and the newest
}

TEST_CASE("without the device key an application is refused plainly, with it, it is saved", "[core]") {
    dc::test::TempDir dir;
    services::MainThreadQueue queue;
    services::CatalogService service(std::move(*store::Database::open(dir / "kiosk.db")), queue);
    service.seedIfEmpty(&catalog::demoCatalog, [](Expected<store::ImportCounts>) {});
    const domain::ApplicationDraft draft{
        .jobId = "demo-job-001", .person = {.name = "Ana", .phone = "599000111"}, .consent = true};

    std::optional<Expected<domain::ActionReceipt>> withoutKey;
    service.submitApplication(draft, [&](Expected<domain::ActionReceipt> r) { withoutKey = std::move(r); });
    REQUIRE(drainUntil(queue, [&] { return withoutKey.has_value(); }));
    REQUIRE_FALSE(*withoutKey);
    CHECK_THAT(withoutKey->error().message(), Catch::Contains("device key"));

    service.setCipher(std::move(*store::FieldCipher::fromKey(std::string(32, 'k'))));
    std::optional<Expected<domain::ActionReceipt>> withKey;
    service.submitApplication(draft, [&](Expected<domain::ActionReceipt> r) { withKey = std::move(r); });
    REQUIRE(drainUntil(queue, [&] { return withKey.has_value(); }));
    REQUIRE(*withKey);
    CHECK((*withKey)->referenceCode.size() == 7);
}
