// dc-bench-sync: sync figures over loopback against a real dc-server, printed as a table.
//   dc-bench-sync [--push N] [--pull N] [--page N] [--dir DIR]
// Push: N outbox records (applications) delivered. Pull: N catalog changes fetched and applied,
// compared with applying the same records locally in the same page size (the SQLite work alone).
// Quick mode runs in the suite; the README's figures come from a full run by hand. No timing is
// asserted: the table is read, not enforced.
#include <chrono>
#include <cstdio>
#include <string>

#include "catalog/catalog_generator.hpp"
#include "store/attachments.hpp"
#include "store/catalog_import.hpp"
#include "catalog/catalog_json.hpp"
#include "store/jobseeker_actions.hpp"
#include "store/outbox.hpp"
#include "support/temp_dir.hpp"
#include "sync/client/sync_client.hpp"
#include "sync/server_process.hpp"

using namespace dc;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "dc-bench-sync: %s\n", what.c_str());
    std::exit(1);
}

std::string token(const std::string& db) {
    auto r = test::runServerCommand({"token", "--db", db});
    if (r.exitCode != 0) die("dc-server token failed");
    return r.output.substr(0, r.output.find('\n'));
}

}  // namespace

int main(int argc, char** argv) {
    size_t pushCount = 10000, pullCount = 100000, page = 5000;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i];
        const size_t v = std::stoull(argv[i + 1]);
        if (k == "--push")
            pushCount = v;
        else if (k == "--pull")
            pullCount = v;
        else if (k == "--page")
            page = v;
        else
            die("unknown option " + k);
    }
    test::TempDir dir;
    const std::string serverDb = (dir / "server.db").string();
    auto catalog = catalog::generateCatalog({.seed = 77, .jobs = pullCount, .courses = 0});
    test::writeFile(dir / "catalog.jsonl", catalog::toJsonLines(catalog));
    if (test::runServerCommand({"import", "--db", serverDb, (dir / "catalog.jsonl").string()}).exitCode != 0)
        die("import failed");
    test::ServerProcess server(serverDb, dir.path());
    auto cipher = store::FieldCipher::fromKey(std::string(32, 'b'));
    auto http = sync::makeCurlTransport({});

    // ---- pull: N changes over loopback into an empty kiosk ----
    double pullSeconds = 0, localSeconds = 0;
    {
        auto db = store::Database::open(dir / "pull.db");
        sync::SyncClient client(*db, *cipher, *http,
                                {.serverUrl = server.url(), .enrollToken = token(serverDb), .pullLimit = page});
        if (!client.ensureEnrolled()) die("enroll failed");
        sync::RoundReport report;
        const auto t0 = Clock::now();
        if (auto r = client.pullAll(report); !r) die(r.error().message());
        pullSeconds = seconds(Clock::now() - t0);
        if (report.pulled != pullCount) die("pulled " + std::to_string(report.pulled));
    }
    {
        // The same records applied locally, page by page: the SQLite work alone.
        auto db = store::Database::open(dir / "local.db");
        const auto t0 = Clock::now();
        for (size_t at = 0; at < catalog.jobUpserts.size(); at += page) {
            domain::CatalogBatch part;
            part.jobUpserts.assign(
                catalog.jobUpserts.begin() + static_cast<long>(at),
                catalog.jobUpserts.begin() + static_cast<long>(std::min(at + page, catalog.jobUpserts.size())));
            if (!store::applyCatalogBatch(*db, part)) die("local import failed");
        }
        localSeconds = seconds(Clock::now() - t0);
    }

    // ---- push: N applications delivered ----
    double pushSeconds = 0;
    {
        auto db = store::Database::open(dir / "push.db");
        domain::CatalogBatch one{.jobUpserts = {catalog.jobUpserts.at(0)}};
        if (!store::applyCatalogBatch(*db, one)) die("seed failed");
        for (size_t i = 0; i < pushCount; ++i) {
            auto r = store::submitApplication(*db, *cipher,
                                              {.jobId = one.jobUpserts[0].id,
                                               .person = {.name = "Bench " + std::to_string(i), .phone = "+995 555 000 000"},
                                               .consent = true});
            if (!r) die(r.error().message());
        }
        sync::SyncClient client(*db, *cipher, *http, {.serverUrl = server.url(), .enrollToken = token(serverDb)});
        if (!client.ensureEnrolled()) die("enroll failed");
        sync::RoundReport report;
        const auto t0 = Clock::now();
        if (auto r = client.pushAll(report); !r) die(r.error().message());
        pushSeconds = seconds(Clock::now() - t0);
        if (report.delivered != pushCount) die("delivered " + std::to_string(report.delivered));
    }

    // ---- a 5 MB attachment, the line cut at 50%, then resumed ----
    const size_t photoSize = 5 * 1024 * 1024;
    size_t resentBytes = 0;
    double resumeSeconds = 0;
    {
        auto db = store::Database::open(dir / "photo.db");
        std::string photo(photoSize, '\0');
        for (size_t i = 0; i < photo.size(); ++i) photo[i] = static_cast<char>((i * 2654435761u) >> 13);
        if (!store::queueAttachment(*db, *cipher, "id-photo", "", photo)) die("queue failed");
        // Chunks go through until half the photo is out; the chunk crossing it is lost on the way.
        struct Cut final : sync::HttpTransport {
            sync::HttpTransport& inner;
            size_t sent = 0, limit;
            Cut(sync::HttpTransport& i, size_t l) : inner(i), limit(l) {}
            Expected<sync::HttpResult> send(const sync::HttpCall& call) override {
                if (call.method == "PUT" && (sent += call.body.size()) > limit)
                    return fail(ErrorCode::Transient, "the connection broke off");
                return inner.send(call);
            }
        } cut(*http, photoSize / 2);
        const std::string photoToken = token(serverDb);
        sync::SyncClient first(*db, *cipher, cut, {.serverUrl = server.url(), .enrollToken = photoToken});
        sync::RoundReport before;
        if (first.uploadAttachments(before)) die("the cut did not happen");
        sync::SyncClient second(*db, *cipher, *http, {.serverUrl = server.url(), .enrollToken = photoToken});
        sync::RoundReport after;
        const auto t0 = Clock::now();
        if (auto r = second.uploadAttachments(after); !r) die(r.error().message());
        resumeSeconds = seconds(Clock::now() - t0);
        if (after.attachmentsDone != 1) die("the photo did not arrive");
        resentBytes = after.attachmentBytesSent;
    }

    std::printf("| What | Count | Time | Rate |\n|---|---:|---:|---:|\n");
    std::printf("| push outbox records over loopback (batches of 500) | %zu | %.2f s | %.0f records/s |\n", pushCount,
                pushSeconds, pushCount / pushSeconds);
    std::printf("| pull catalog changes over loopback (pages of %zu) | %zu | %.2f s | %.0f changes/s |\n", page, pullCount,
                pullSeconds, pullCount / pullSeconds);
    std::printf("| the same records imported locally (same pages) | %zu | %.2f s | %.0f records/s |\n", pullCount, localSeconds,
                pullCount / localSeconds);
    std::printf("| resume a 5 MB attachment cut at 50%% (chunks of 128 KiB) | %zu bytes sent again | %.2f s | %.1f%% of it |\n",
                resentBytes, resumeSeconds, 100.0 * static_cast<double>(resentBytes) / static_cast<double>(photoSize));
    std::printf("\npull rate = %.0f%% of the local import rate\n", 100.0 * localSeconds / pullSeconds);
    return 0;
}
