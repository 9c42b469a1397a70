#include "store/outbox_repair.hpp"

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "store/sqlite_statement.hpp"

namespace dc::store {
namespace {

// Which records were waiting, from the pending index when it can still be read; otherwise nothing
// is known, and every unreadable record counts as one that was waiting.
std::optional<std::set<int64_t>> waitingByIndex(Database& db) {
    auto stmt = Statement::prepare(db, "SELECT seq FROM outbox INDEXED BY outbox_pending WHERE state = 'pending'");
    if (!stmt) return std::nullopt;
    std::set<int64_t> seqs;
    if (!stmt->eachRow(db, "reading the outbox's index", [&] { seqs.insert(stmt->integer(0)); })) return std::nullopt;
    return seqs;
}

struct Copied {
    std::vector<int64_t> unreadable;  // the numbers that could not be read
    int64_t last = 0;  // the highest number looked at
};

// Copies every record that can be read into temp.outbox_saved, looking each number up on its own
// so one damaged page costs only the records on it. Runs outside a transaction: inside one, the
// first read of a damaged page makes SQLite refuse every later statement of that transaction.
Expected<Copied> copyReadable(Database& db) {
    if (auto r = db.exec("DROP TABLE IF EXISTS temp.outbox_saved; "
                         "CREATE TEMP TABLE outbox_saved AS SELECT * FROM main.outbox WHERE 0");
        !r)
        return std::unexpected(r.error());
    DC_TRY(top, Statement::prepare(db, "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0)"));
    if (top->step() != SQLITE_ROW) return std::unexpected(db.lastError("reading the outbox's last number"));
    Copied copied{.last = top->integer(0)};
    DC_TRY(copy, Statement::prepare(db, "INSERT INTO temp.outbox_saved SELECT * FROM main.outbox NOT INDEXED WHERE seq = ?1"));
    for (int64_t seq = 1; seq <= copied.last; ++seq) {
        copy->reset();
        copy->bind(1, seq);
        if (copy->step() == SQLITE_DONE) continue;
        const Error e = db.lastError("copying outbox record " + std::to_string(seq));
        if (e.code() != ErrorCode::StoreCorrupt) return std::unexpected(e);
        copied.unreadable.push_back(seq);
    }
    return copied;
}

struct SchemaText {
    std::string type, sql;
};

Expected<std::vector<SchemaText>> outboxSchema(Database& db) {
    // The table first, then its indexes (automatic ones have no text: the table's UNIQUE makes them).
    DC_TRY(stmt,
           Statement::prepare(db,
                              "SELECT type, sql FROM sqlite_schema WHERE tbl_name = 'outbox' AND sql IS NOT NULL "
                              "ORDER BY type = 'table' DESC, rowid"));
    std::vector<SchemaText> out;
    DC_CHECK(stmt->eachRow(db, "reading the outbox's schema", [&] { out.push_back({stmt->text(0), stmt->text(1)}); }));
    if (out.empty() || out.front().type != "table") return fail(ErrorCode::StoreCorrupt, "the outbox's schema is missing");
    return out;
}

}  // namespace

Expected<int64_t> rebuildOutbox(Database& db) {
    const auto waiting = waitingByIndex(db);
    int64_t lost = 0;
    DC_TRY(copied, copyReadable(db));
    auto rebuilt = db.transaction([&]() -> Expected<void> {
        // What another connection queued since the copy (the queue's newest end, never the
        // damaged page: a record could not have been written there).
        DC_TRY(newer, Statement::prepare(db, "INSERT INTO temp.outbox_saved SELECT * FROM main.outbox WHERE seq > ?1"));
        newer->bind(1, copied->last);
        if (newer->step() != SQLITE_DONE) return std::unexpected(db.lastError("copying the newest outbox records"));
        DC_TRY(schema, outboxSchema(db));
        // The damaged b-trees are detached, not dropped: dropping would have to read them.
        if (auto r = db.exec("PRAGMA writable_schema = ON; DELETE FROM sqlite_schema WHERE tbl_name = 'outbox'; "
                             "PRAGMA writable_schema = RESET");
            !r)
            return std::unexpected(r.error().withContext("detaching"));
        for (const auto& s : *schema)
            if (auto r = db.exec(s.sql); !r) return std::unexpected(r.error().withContext("creating " + s.type));
        if (auto r =
                db.exec("INSERT INTO main.outbox SELECT * FROM temp.outbox_saved ORDER BY seq; DROP TABLE temp.outbox_saved");
            !r)
            return r;
        DC_TRY(note, Statement::prepare(db, "INSERT OR IGNORE INTO outbox_damaged (seq, reason) VALUES (?1, ?2)"));
        for (const int64_t seq : copied->unreadable) {
            if (waiting && !waiting->count(seq)) continue;  // delivered or set aside before: nothing lost
            note->reset();
            note->bind(1, seq);
            note->bind(2, std::string("on a damaged part of the database file; it could not be read or sent"));
            if (note->step() != SQLITE_DONE) return std::unexpected(db.lastError("noting a damaged outbox record"));
            ++lost;
        }
        return {};
    });
    if (!rebuilt) {
        (void)db.exec("PRAGMA writable_schema = OFF; DROP TABLE IF EXISTS temp.outbox_saved");
        return std::unexpected(rebuilt.error().withContext("rebuilding the damaged outbox"));
    }
    return lost;
}

}  // namespace dc::store
