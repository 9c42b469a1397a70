#include "store/salvage.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "store/outbox.hpp"
#include "store/page_reader.hpp"
#include "store/sqlite_statement.hpp"

namespace dc::store {
namespace {

using pages::Cell;
using pages::Record;
using pages::Tree;
using pages::Value;

constexpr uint64_t kMaxSalvageBytes = uint64_t{8} << 30;

bool isText(const Value& v) { return v.type == Value::Type::Text; }
bool isInteger(const Value& v) { return v.type == Value::Type::Integer; }
bool isState(const Value& v) { return v.isText("pending") || v.isText("done") || v.isText("quarantined"); }

struct OutboxRow {
    int64_t seq = 0;
    std::string id, kind, subject, state, lastError, createdAt;
    std::string payload;
    int64_t attempts = 0;
};
struct AttachmentRow {
    std::string id, kind, recordId, sha256, createdAt;
    int64_t size = 0, attempts = 0;
};

// outbox (seq, id, kind, payload, state, attempts, next_attempt_at, last_error, result, created_at
// [, subject, delivered_at]): a rowid table; records written before schema 5 have 10 values.
std::optional<OutboxRow> outboxRow(const Cell& c) {
    const Record& v = c.record;
    if (c.tree != Tree::Table || v.size() < 10 || v.size() > 12) return std::nullopt;
    if (v[0].type != Value::Type::Null || !isText(v[1]) || v[1].bytes.empty() || v[1].bytes.size() > 200 || !isText(v[2]) ||
        v[3].type != Value::Type::Blob || !isState(v[4]) || !isInteger(v[5]) || !isText(v[9]))
        return std::nullopt;
    OutboxRow row{.seq = c.rowid,
                  .id = v[1].bytes,
                  .kind = v[2].bytes,
                  .state = v[4].bytes,
                  .lastError = isText(v[7]) ? v[7].bytes : "",
                  .createdAt = v[9].bytes,
                  .payload = v[3].bytes,
                  .attempts = v[5].integer};
    if (v.size() > 10 && isText(v[10])) row.subject = v[10].bytes;
    return row;
}

// outbox_pending (state, seq[, rowid]): an index entry saying record `seq` was waiting.
std::optional<int64_t> waitingEntry(const Cell& c) {
    const Record& v = c.record;
    if (c.tree != Tree::Index || v.size() < 2 || v.size() > 3 || !v[0].isText("pending") || !isInteger(v[1])) return std::nullopt;
    return v[1].integer;
}

// attachments (id, kind, record_id, size, sha256, state, attempts, last_error, created_at):
// WITHOUT ROWID, so its rows live in index b-tree pages.
std::optional<AttachmentRow> attachmentRow(const Cell& c) {
    const Record& v = c.record;
    if (c.tree != Tree::Index || v.size() != 9 || !isText(v[0]) || !isText(v[1]) || !isText(v[2]) || !isInteger(v[3]) ||
        !isText(v[4]) || v[4].bytes.size() != 64 || !v[5].isText("pending") || !isInteger(v[6]) || !isText(v[8]))
        return std::nullopt;
    if (v[0].bytes.empty() || v[0].bytes.size() > 200 || v[0].bytes.find('/') != std::string::npos) return std::nullopt;
    return AttachmentRow{.id = v[0].bytes,
                         .kind = v[1].bytes,
                         .recordId = v[2].bytes,
                         .sha256 = v[4].bytes,
                         .createdAt = v[8].bytes,
                         .size = v[3].integer,
                         .attempts = v[6].integer};
}

struct Found {
    std::map<std::string, OutboxRow> outbox;  // by id; a finished copy wins over a waiting one
    std::set<int64_t> seqsSeen, waitingSeqs;
    std::map<std::string, AttachmentRow> attachments;
    uint64_t unreadable = 0;
};

Found readCopy(const pages::Image& image) {
    Found found;
    const auto counts = pages::scanLeaves(image, [&](const Cell& c) {
        if (auto row = outboxRow(c)) {
            found.seqsSeen.insert(row->seq);
            auto [it, added] = found.outbox.try_emplace(row->id, *row);
            if (!added && it->second.state == "pending") it->second = std::move(*row);  // never back to waiting
        } else if (auto seq = waitingEntry(c)) {
            found.waitingSeqs.insert(*seq);
        } else if (auto a = attachmentRow(c)) {
            found.attachments.try_emplace(a->id, std::move(*a));
        }
    });
    found.unreadable = counts.broken;
    return found;
}

std::string markerFor(const std::filesystem::path& copy) { return "salvaged:" + copy.filename().string(); }

Expected<SalvageReport> salvageOne(Database& db, const std::filesystem::path& copy) {
    SalvageReport report{.file = copy};
    Found found;
    // A copy that cannot be read at all still counts as salvaged (with nothing saved): it stays.
    if (auto image = pages::Image::read(copy, kMaxSalvageBytes)) found = readCopy(*image);
    report.unreadableCells = static_cast<int64_t>(found.unreadable);
    std::vector<const OutboxRow*> waiting;
    for (const auto& [id, row] : found.outbox)
        if (row.state == "pending") waiting.push_back(&row);
    std::sort(waiting.begin(), waiting.end(), [](const OutboxRow* a, const OutboxRow* b) { return a->seq < b->seq; });
    for (const int64_t seq : found.waitingSeqs)
        if (!found.seqsSeen.count(seq)) ++report.recordsLost;
    const std::filesystem::path attachmentDir = db.path().parent_path() / "attachments";

    DC_CHECK(db.transaction([&]() -> Expected<void> {
        DC_TRY(add, Statement::prepare(db, R"SQL(
INSERT INTO outbox (id, kind, subject, payload, attempts, last_error, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
ON CONFLICT(id) DO NOTHING)SQL"));
        for (const OutboxRow* row : waiting) {
            add->reset();
            add->bind(1, row->id);
            add->bind(2, row->kind);
            add->bind(3, row->subject);
            add->bind(4, std::vector<uint8_t>(row->payload.begin(), row->payload.end()));
            add->bind(5, row->attempts);
            add->bind(6, "saved from a damaged database");
            add->bind(7, row->createdAt);
            if (add->step() != SQLITE_DONE) return std::unexpected(db.lastError("saving an outbox record"));
            report.recordsSaved += sqlite3_changes(db.handle());
        }
        DC_TRY(attach, Statement::prepare(db, R"SQL(
INSERT OR IGNORE INTO attachments (id, kind, record_id, size, sha256, attempts, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))SQL"));
        for (const auto& [id, a] : found.attachments) {
            std::error_code ec;
            if (!std::filesystem::is_regular_file(attachmentDir / (id + ".sealed"), ec)) {
                ++report.attachmentsLost;
                continue;
            }
            attach->reset();
            attach->bind(1, a.id);
            attach->bind(2, a.kind);
            attach->bind(3, a.recordId);
            attach->bind(4, a.size);
            attach->bind(5, a.sha256);
            attach->bind(6, a.attempts);
            attach->bind(7, a.createdAt);
            if (attach->step() != SQLITE_DONE) return std::unexpected(db.lastError("saving an attachment"));
            report.attachmentsSaved += sqlite3_changes(db.handle());
        }
        return writeSetting(db, markerFor(copy), report.sentence());
    }));
    return report;
}

}  // namespace

std::string SalvageReport::sentence() const {
    std::string s = "From the damaged database " + file.filename().string() + ": " + std::to_string(recordsSaved) +
        " waiting record(s) and " + std::to_string(attachmentsSaved) + " attachment(s) saved and sent on";
    if (recordsLost || attachmentsLost)
        s += "; " + std::to_string(recordsLost) + " record(s) and " + std::to_string(attachmentsLost) +
            " attachment(s) could not be saved";
    if (unreadableCells) s += " (" + std::to_string(unreadableCells) + " damaged rows in the file)";
    return s + ".";
}

std::vector<std::filesystem::path> unsalvagedCopies(const Database& db) {
    std::vector<std::filesystem::path> copies;
    const std::string prefix = db.path().filename().string() + ".corrupt-";
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(db.path().parent_path(), ec)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with(prefix)) continue;
        if (name.ends_with("-wal") || name.ends_with("-shm") || name.ends_with("-journal")) continue;
        auto done = readSetting(db, markerFor(entry.path()));
        if (done && done->empty()) copies.push_back(entry.path());
    }
    std::sort(copies.begin(), copies.end());
    return copies;
}

Expected<std::vector<SalvageReport>> salvageMovedAside(Database& db) {
    std::vector<SalvageReport> reports;
    for (const auto& copy : unsalvagedCopies(db)) {
        DC_TRY(report, salvageOne(db, copy));
        reports.push_back(std::move(*report));
    }
    return reports;
}

}  // namespace dc::store
