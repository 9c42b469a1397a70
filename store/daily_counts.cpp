#include "store/daily_counts.hpp"

#include "store/sqlite_statement.hpp"

namespace dc::store {

Expected<void> countEvent(Database& db, const std::string& metric, const std::vector<std::string>& dimensions) {
    DC_TRY(stmt, Statement::prepare(db, R"SQL(
INSERT INTO daily_counts (day, metric, dimension, n) VALUES (strftime('%Y-%m-%d','now'), ?1, ?2, 1)
ON CONFLICT (day, metric, dimension) DO UPDATE SET n = n + 1)SQL"));
    std::vector<std::string> all{""};
    all.insert(all.end(), dimensions.begin(), dimensions.end());
    for (const std::string& dimension : all) {
        stmt->reset();
        stmt->bind(1, metric);
        stmt->bind(2, dimension);
        if (stmt->step() != SQLITE_DONE) return std::unexpected(db.lastError("counting for the reports"));
    }
    return {};
}

Expected<std::vector<DailyCount>> unreportedCounts(const Database& db, size_t maxDays) {
    DC_TRY(stmt, Statement::prepare(db, R"SQL(
SELECT day, metric, dimension, n FROM daily_counts
WHERE day IN (SELECT DISTINCT day FROM daily_counts WHERE n <> reported_n ORDER BY day LIMIT ?1)
ORDER BY day, metric, dimension)SQL"));
    stmt->bind(1, static_cast<int64_t>(maxDays));
    std::vector<DailyCount> out;
    DC_CHECK(stmt->eachRow(db, "reading the counts for the reports", [&] {
        out.push_back({stmt->text(0), stmt->text(1), stmt->text(2), stmt->integer(3)});
    }));
    return out;
}

Expected<void> markReported(Database& db, const std::vector<DailyCount>& counts) {
    return db.transaction([&]() -> Expected<void> {
        DC_TRY(stmt,
               Statement::prepare(db,
                                  "UPDATE daily_counts SET reported_n = ?4 WHERE day = ?1 AND metric = ?2 "
                                  "AND dimension = ?3 AND n = ?4"));
        for (const auto& c : counts) {
            stmt->reset();
            stmt->bind(1, c.day);
            stmt->bind(2, c.metric);
            stmt->bind(3, c.dimension);
            stmt->bind(4, c.n);
            if (stmt->step() != SQLITE_DONE) return std::unexpected(db.lastError("noting what was reported"));
        }
        return {};
    });
}

}  // namespace dc::store
