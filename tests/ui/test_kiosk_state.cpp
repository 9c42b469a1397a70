#include <catch2/catch.hpp>

#include "app/ui/jobseeker/kiosk_state.hpp"

using namespace dc;

TEST_CASE("an answer overtaken by a newer request is dropped", "[ui]") {
    ui::Loadable<std::string> job;
    const uint64_t first = job.start();
    const uint64_t second = job.start();
    CHECK_FALSE(job.accept(first, std::string("job A")));  // the person already chose job B
    CHECK(job.loading);
    CHECK_FALSE(job.value);
    CHECK(job.accept(second, std::string("job B")));
    CHECK_FALSE(job.loading);
    CHECK(job.value == "job B");
}

TEST_CASE("a failed answer keeps its reason and clears on the next request", "[ui]") {
    ui::Loadable<int> list;
    const uint64_t request = list.start();
    CHECK(list.accept(request, std::unexpected(Error(ErrorCode::StoreCorrupt, "page 7 damaged"))));
    CHECK(list.error == "page 7 damaged");
    list.start();
    CHECK(list.error.empty());
}
