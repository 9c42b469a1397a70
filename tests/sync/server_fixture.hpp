#pragma once
// A central service over a fresh SQLite file, with a catalog and an enrolled device.
#include <catch2/catch.hpp>

#include "catalog/catalog_generator.hpp"
#include "sync/server/central_service.hpp"
#include "support/temp_dir.hpp"

namespace dc::test {

struct ServerFixture {
    TempDir dir;
    std::unique_ptr<server::ConnectionPool> pool;
    std::unique_ptr<server::CentralService> service;
    int64_t clock = 1'800'000'000;
    domain::CatalogBatch catalog;

    explicit ServerFixture(size_t jobs = 30, size_t courses = 4) {
        auto opened = server::ConnectionPool::open((dir / "server.db").string(), 1);
        REQUIRE(opened);
        pool = std::move(*opened);
        service = std::make_unique<server::CentralService>(*pool, [this] { return clock; });
        REQUIRE(service->prepareSchema());
        catalog = catalog::generateCatalog({.seed = 11, .jobs = jobs, .courses = courses});
        REQUIRE(service->importCatalog(catalog));
    }

    sync::EnrollResponse enroll(const std::string& requestId = "req-0000000001") {
        auto token = service->issueToken("test", 3600);
        REQUIRE(token);
        auto device = service->enroll({*token, requestId, "test kiosk", "0.1"});
        REQUIRE(device);
        return *device;
    }
};

}  // namespace dc::test
