// dc-sync-probe: a stand-in kiosk for the crash test. It applies for jobs and syncs in a loop,
// so that a kill -9 at a random moment lands in the middle of a push, a pull or a local write.
//   dc-sync-probe --db FILE --server URL --token TOKEN --applications N
// Exits 0 after N applications and a clean round; 1 when a round failed at the end.
#include <cstdio>
#include <string>

#include "store/attachments.hpp"
#include "store/jobseeker_actions.hpp"
#include "store/sqlite_statement.hpp"
#include "sync/client/sync_client.hpp"

using namespace dc;

int main(int argc, char** argv) {
    std::string dbFile, url, token;
    int applications = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--db")
            dbFile = v;
        else if (k == "--server")
            url = v;
        else if (k == "--token")
            token = v;
        else if (k == "--applications")
            applications = std::stoi(v);
    }
    auto db = store::Database::open(dbFile);
    if (!db) return std::fprintf(stderr, "probe: %s\n", db.error().message().c_str()), 2;
    auto cipher = store::FieldCipher::fromKey(std::string(32, 'k'));
    auto http = sync::makeCurlTransport({});
    sync::SyncClient client(*db, *cipher, *http,
                            {.serverUrl = url, .enrollToken = token, .deviceName = "probe", .pullLimit = 200});
    for (int i = 0; i < applications; ++i) {
        (void)client.runRound();
        auto stmt = store::Statement::prepare(*db, "SELECT id FROM jobs ORDER BY random() LIMIT 1");
        if (!stmt || stmt->step() != SQLITE_ROW) continue;
        auto r = store::submitApplication(*db, *cipher,
                                          {.jobId = stmt->text(0),
                                           .person = {.name = "Probe " + std::to_string(i), .phone = "+995 555 000 000"},
                                           .consent = true});
        if (!r) std::fprintf(stderr, "probe: %s\n", r.error().message().c_str());
        // Now and then a photo, so kills land in attachment uploads too.
        if (i % 10 == 3) {
            std::string photo(600 * 1024 + static_cast<size_t>(i), '\0');
            for (size_t b = 0; b < photo.size(); ++b) photo[b] = static_cast<char>((b * 31 + static_cast<size_t>(i)) & 0xff);
            (void)store::queueAttachment(*db, *cipher, "id-photo", "", photo);
        }
    }
    auto last = client.runRound();
    if (!last) return std::fprintf(stderr, "probe: %s\n", last.error().message().c_str()), 1;
    return 0;
}
