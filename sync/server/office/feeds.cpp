#include "sync/server/office/feeds.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <ctime>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "catalog/catalog_json.hpp"
#include "common/dates.hpp"
#include "common/utf8.hpp"
#include "sync/server/sql.hpp"

namespace dc::server::office {
namespace {

using nlohmann::json;

bool mayRunFeeds(const Session& who) { return who.role == Role::Coordinator || who.role == Role::Admin; }

// http or https, parsed by libcurl's own URL parser (what will fetch it), no user:password in it.
std::string urlProblem(const std::string& url) {
    if (url.empty()) return {};
    if (url.size() > 2000) return "the address is at most 2000 characters";
    CURLU* u = curl_url();
    if (!u) return "libcurl could not start";
    const CURLUcode rc = curl_url_set(u, CURLUPART_URL, url.c_str(), 0);
    char* scheme = nullptr;
    char* host = nullptr;
    char* user = nullptr;
    std::string problem;
    if (rc != CURLUE_OK) {
        problem = "the address is not a URL";
    } else {
        curl_url_get(u, CURLUPART_SCHEME, &scheme, 0);
        curl_url_get(u, CURLUPART_HOST, &host, 0);
        curl_url_get(u, CURLUPART_USER, &user, 0);
        const std::string s = scheme ? scheme : "";
        if (s != "http" && s != "https")
            problem = "the address starts with http:// or https://";
        else if (!host || !*host)
            problem = "the address has no host";
        else if (user)
            problem = "put no user name or password in the address";
    }
    curl_free(scheme);
    curl_free(host);
    curl_free(user);
    curl_url_cleanup(u);
    return problem;
}

size_t collectBody(char* data, size_t size, size_t n, void* out) {
    auto* body = static_cast<std::string*>(out);
    if (body->size() + size * n > kMaxFeedBytes) return 0;  // larger than a feed may be: stop reading
    body->append(data, size * n);
    return size * n;
}

json itemsJson(const std::vector<FeedItem>& items) {
    json out = json::array();
    for (const auto& i : items) {
        json one = {{"outcome", i.outcome}, {"id", i.id}, {"title", i.title}, {"reason", i.reason}};
        if (i.index) one["index"] = i.index;
        out.push_back(std::move(one));
    }
    return out;
}

std::vector<FeedItem> itemsFrom(const std::string& text) {
    std::vector<FeedItem> out;
    const json list = json::parse(text, nullptr, false);
    if (!list.is_array()) return out;
    for (const auto& i : list) {
        if (!i.is_object()) continue;
        FeedItem item{i.value("outcome", ""), i.value("id", ""), i.value("title", ""), i.value("reason", ""),
                      i.value("index", size_t{0})};
        out.push_back(std::move(item));
    }
    return out;
}

FeedRun runFrom(const SqlRow& r, bool withItems) {
    FeedRun run;
    run.seq = r.integer(0);
    run.feed = r.text(1);
    run.at = r.integer(2);
    run.by = r.text(3);
    run.added = static_cast<size_t>(r.integer(4));
    run.changed = static_cast<size_t>(r.integer(5));
    run.unchanged = static_cast<size_t>(r.integer(6));
    run.closed = static_cast<size_t>(r.integer(7));
    run.refused = static_cast<size_t>(r.integer(8));
    run.noted = static_cast<size_t>(r.integer(9));
    run.error = r.text(10);
    if (withItems) run.items = itemsFrom(r.text(11));
    return run;
}

constexpr const char* kRunColumns = "seq, feed, at, by_user, added, changed, unchanged, closed, refused, noted, error, items";

}  // namespace

std::string FeedRun::summary() const {
    if (!error.empty()) return error;
    return std::to_string(added) + " added, " + std::to_string(changed) + " changed, " + std::to_string(closed) + " closed, " +
        std::to_string(refused) + " refused";
}

bool validFeedName(std::string_view name) {
    return !name.empty() && name.size() <= 32 &&
        name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string_view::npos;
}

Expected<std::string> fetchWithCurl(const std::string& url) {
    if (const std::string problem = urlProblem(url); !problem.empty()) return fail(ErrorCode::InvalidInput, problem);
    CURL* curl = curl_easy_init();
    if (!curl) return fail(ErrorCode::Internal, "libcurl could not start");
    std::string body;
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 3L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 20L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 600L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // gzip when the host offers it
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "dc-server feed reader");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collectBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    const CURLcode rc = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(curl);
    if (rc == CURLE_WRITE_ERROR) return fail(ErrorCode::InvalidInput, "the feed is larger than 256 MiB");
    if (rc != CURLE_OK)
        return fail(ErrorCode::Transient, std::string("the feed could not be fetched: ") + curl_easy_strerror(rc));
    if (status != 200) return fail(ErrorCode::Transient, "the feed's server answered " + std::to_string(status));
    return body;
}

FeedService::FeedService(ConnectionPool& pool, std::function<int64_t()> clock, FeedFetcher fetch)
    : m_pool(pool), m_clock(std::move(clock)), m_fetch(std::move(fetch)) {}

std::string FeedService::today() const { return dates::utcDay(m_clock()); }

Expected<std::vector<FeedRow>> FeedService::feeds(const Session& who) {
    if (!mayRunFeeds(who)) return fail(ErrorCode::Refused, "feeds are a coordinator's");
    auto c = m_pool.acquire();
    DC_TRY(rows,
           c->query("SELECT f.name, f.url, f.office, f.created_by, f.every_hours, f.next_run_at, "
                    "coalesce(r.seq, 0), coalesce(r.at, 0), r.added, r.changed, r.closed, r.refused, "
                    "coalesce(r.error, '') FROM feeds f LEFT JOIN feed_runs r ON r.seq = "
                    "(SELECT max(seq) FROM feed_runs WHERE feed = f.name) "
                    "WHERE $1 = '' OR f.office = '' OR f.office = $1 ORDER BY f.name",
                    {who.office}));
    std::vector<FeedRow> out;
    for (const auto& r : *rows) {
        FeedRow f{r.text(0), r.text(1), r.text(2), r.text(3), r.integer(4), r.integer(5), r.integer(6), r.integer(7), {}, {}};
        if (f.lastRunSeq) {
            FeedRun last;
            last.added = static_cast<size_t>(r.integer(8));
            last.changed = static_cast<size_t>(r.integer(9));
            last.closed = static_cast<size_t>(r.integer(10));
            last.refused = static_cast<size_t>(r.integer(11));
            last.error = r.text(12);
            f.lastSummary = last.summary();
            f.lastError = last.error;
        }
        out.push_back(std::move(f));
    }
    return out;
}

Expected<FeedRow> FeedService::feedFor(const std::string& name, const Session& who) {
    if (!mayRunFeeds(who)) return fail(ErrorCode::Refused, "feeds are a coordinator's");
    DC_TRY(all, feeds(who));
    for (auto& f : *all)
        if (f.name == name) return std::move(f);
    return fail(ErrorCode::NotFound, "no feed is called \"" + utf8::truncate(name, 40) + "\"");
}

Expected<void> FeedService::saveFeed(const std::string& name, const std::string& url, int64_t everyHours, const Session& who) {
    if (!mayRunFeeds(who)) return fail(ErrorCode::Refused, "feeds are a coordinator's");
    if (!validFeedName(name))
        return fail(ErrorCode::InvalidInput, "a feed's name is 1 to 32 small letters (a-z), digits and dashes");
    if (const std::string problem = urlProblem(url); !problem.empty()) return fail(ErrorCode::InvalidInput, problem);
    if (everyHours < 0 || everyHours > kMaxFeedEveryHours)
        return fail(ErrorCode::InvalidInput, "a feed runs every 1 to 744 hours, or 0 for by hand");
    if (everyHours > 0 && url.empty()) return fail(ErrorCode::InvalidInput, "a feed on a schedule needs its address");
    auto c = m_pool.acquire();
    return inTransaction<void>(*c, [&]() -> Expected<void> {
        DC_TRY(old, c->query("SELECT office FROM feeds WHERE name = $1", {name}));
        if (!old->empty() && !who.office.empty() && (*old)[0].text(0) != who.office)
            return fail(ErrorCode::Refused, "this feed is another office's");
        const int64_t next = everyHours > 0 ? m_clock() : 0;  // a new schedule runs at once
        DC_CHECK(
            c->query("INSERT INTO feeds (name, url, every_hours, office, created_by, next_run_at) "
                     "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (name) DO UPDATE SET url = excluded.url, "
                     "every_hours = excluded.every_hours, next_run_at = excluded.next_run_at",
                     {name, url, everyHours, who.office, who.user, next}));
        return writeAudit(
            *c, m_clock(), who.user, "feed.save", name,
            (url.empty() ? std::string("upload") : utf8::truncate(url, 200)) + " every " + std::to_string(everyHours) + " h");
    });
}

Expected<FeedRun> FeedService::importUpload(const std::string& name, std::string_view text, const Session& who) {
    if (!mayRunFeeds(who)) return fail(ErrorCode::Refused, "feeds are a coordinator's");
    if (!validFeedName(name))
        return fail(ErrorCode::InvalidInput, "a feed's name is 1 to 32 small letters (a-z), digits and dashes");
    {
        auto c = m_pool.acquire();
        DC_TRY(old, c->query("SELECT office FROM feeds WHERE name = $1", {name}));
        // As for changing a feed: a file replaces the feed's whole list, so one office's coordinator
        // does not replace a feed every office shares (nor another office's).
        if (!old->empty() && !who.office.empty() && (*old)[0].text(0) != who.office)
            return fail(ErrorCode::Refused, "this feed is another office's");
        if (old->empty())
            DC_CHECK(
                c->query("INSERT INTO feeds (name, url, every_hours, office, created_by, next_run_at) "
                         "VALUES ($1, '', 0, $2, $3, 0)",
                         {name, who.office, who.user}));
    }
    return importText(name, text, who.user);
}

Expected<FeedRun> FeedService::runNow(const std::string& name, const Session& who) {
    DC_TRY(feed, feedFor(name, who));
    if (feed->url.empty()) return fail(ErrorCode::InvalidInput, "this feed has no address: upload its file");
    auto body = m_fetch(feed->url);
    if (!body) {
        FeedRun failed;
        failed.feed = name;
        failed.by = who.user;
        failed.error = body.error().message();
        return record(std::move(failed));
    }
    return importText(name, *body, who.user);
}

Expected<FeedRun> FeedService::importText(const std::string& feed, std::string_view text, const std::string& by) {
    FeedRun run;
    run.feed = feed;
    run.by = by;
    CentralService central(m_pool, m_clock);
    std::vector<domain::JobRecord> jobs, expired;
    std::vector<domain::CourseRecord> courses;
    if (catalog::looksLikeJsonLd(text)) {
        auto read = catalog::readJobPostingFeed(text, {.source = feed, .today = today()});
        if (!read) {
            run.error = read.error().message();
            return feed.empty() ? std::unexpected(read.error()) : record(std::move(run));
        }
        for (auto& p : read->refused) run.items.push_back({"refused", p.id, p.title, p.reason, p.index});
        for (auto& p : read->notes) run.items.push_back({"noted", p.id, p.title, p.reason, p.index});
        run.refused = read->refused.size();
        run.noted = read->notes.size();
        jobs = std::move(read->jobs);
        expired = std::move(read->expired);
    } else {
        // The catalog's own JSON Lines: written by our tools, so taken whole or not at all.
        auto batch = catalog::parseJsonLines(std::string(text));
        if (!batch) {
            run.error = batch.error().message();
            return feed.empty() ? std::unexpected(batch.error()) : record(std::move(run));
        }
        const std::string day = today();
        for (auto& j : batch->jobUpserts)
            (!j.validThrough.empty() && j.validThrough < day ? expired : jobs).push_back(std::move(j));
        courses = std::move(batch->courseUpserts);
    }
    std::unordered_map<std::string, std::string> titles;
    for (const auto& j : jobs) titles.emplace(j.id, j.title);
    for (const auto& j : expired) titles.emplace(j.id, j.title);

    DC_TRY(done, central.importCatalog({.jobUpserts = jobs, .courseUpserts = courses}, {.feed = feed, .listIds = true}));
    run.added = done->added;
    run.changed = done->changed;
    run.unchanged = done->unchanged;
    auto listSome = [&](const std::vector<std::string>& ids, const char* outcome) {
        for (size_t i = 0; i < ids.size() && i < kReportAddedOrChanged; ++i)
            run.items.push_back({outcome, ids[i], titles[ids[i]], "", 0});
    };
    listSome(done->addedIds, "added");
    listSome(done->changedIds, "changed");

    // What leaves the kiosks: postings past their closing date, and (for a feed) those no longer in
    // it, unless not one posting could be read.
    std::map<std::string, std::string> closing;  // id -> why
    for (const auto& j : expired) closing[j.id] = "its closing date " + j.validThrough + " has passed";
    if (!feed.empty() && (!jobs.empty() || !expired.empty())) {
        std::set<std::string> present;
        for (const auto& j : jobs) present.insert(j.id);
        auto c = m_pool.acquire();
        DC_TRY(rows, c->query("SELECT id FROM catalog WHERE feed = $1 AND kind = 'job' AND deleted = 0", {feed}));
        for (const auto& r : *rows)
            if (!present.count(r.text(0)) && !closing.count(r.text(0))) closing[r.text(0)] = "no longer in the feed";
    }
    if (!closing.empty()) {
        domain::CatalogBatch gone;
        for (const auto& [id, why] : closing) gone.jobTombstones.push_back(id);
        DC_TRY(closed, central.importCatalog(gone, {.feed = feed, .listIds = true}));
        run.closed = closed->deleted;
        for (size_t i = 0; i < closed->deletedIds.size() && i < kReportClosedOrRefused; ++i) {
            const std::string& id = closed->deletedIds[i];
            run.items.push_back({"closed", id, titles[id], closing[id], 0});
        }
    }
    if (feed.empty()) return run;
    return record(std::move(run));
}

Expected<FeedRun> FeedService::record(FeedRun run) {
    run.at = m_clock();
    // The report keeps the first of each outcome (all are counted).
    std::map<std::string, size_t> kept;
    std::erase_if(run.items, [&](const FeedItem& i) {
        const size_t cap = i.outcome == "added" || i.outcome == "changed" ? kReportAddedOrChanged : kReportClosedOrRefused;
        return ++kept[i.outcome] > cap;
    });
    auto c = m_pool.acquire();
    return inTransaction<FeedRun>(*c, [&]() -> Expected<FeedRun> {
        DC_TRY(seq, nextCounter(*c, "feed_runs"));
        run.seq = *seq;
        DC_CHECK(c->query(
            std::string("INSERT INTO feed_runs (") + kRunColumns + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            {run.seq, run.feed, run.at, run.by, static_cast<int64_t>(run.added), static_cast<int64_t>(run.changed),
             static_cast<int64_t>(run.unchanged), static_cast<int64_t>(run.closed), static_cast<int64_t>(run.refused),
             static_cast<int64_t>(run.noted), run.error, itemsJson(run.items).dump()}));
        DC_CHECK(writeAudit(*c, run.at, run.by, "feed.import", run.feed, run.summary()));
        return run;
    });
}

Expected<FeedRun> FeedService::run(int64_t seq, const Session& who) {
    if (!mayRunFeeds(who)) return fail(ErrorCode::Refused, "feeds are a coordinator's");
    FeedRun out;
    {
        auto c = m_pool.acquire();
        DC_TRY(rows, c->query(std::string("SELECT ") + kRunColumns + " FROM feed_runs WHERE seq = $1", {seq}));
        if (rows->empty()) return fail(ErrorCode::NotFound, "no such run");
        out = runFrom((*rows)[0], true);
    }
    DC_CHECK(feedFor(out.feed, who));  // another office's feed is not there for this account
    return out;
}

Expected<std::vector<FeedRun>> FeedService::runs(const std::string& name, const Session& who, int limit) {
    DC_CHECK(feedFor(name, who));
    auto c = m_pool.acquire();
    DC_TRY(rows,
           c->query(std::string("SELECT ") + kRunColumns + " FROM feed_runs WHERE feed = $1 ORDER BY seq DESC LIMIT $2",
                    {name, static_cast<int64_t>(std::clamp(limit, 1, 200))}));
    std::vector<FeedRun> out;
    for (const auto& r : *rows) out.push_back(runFrom(r, false));
    return out;
}

Expected<size_t> FeedService::runDue() {
    std::vector<std::pair<std::string, std::string>> due;
    const int64_t now = m_clock();
    {
        auto c = m_pool.acquire();
        DC_TRY(rows,
               c->query("SELECT name, url, every_hours FROM feeds WHERE every_hours > 0 AND url <> '' AND "
                        "next_run_at <= $1 ORDER BY next_run_at",
                        {now}));
        for (const auto& r : *rows) {
            due.emplace_back(r.text(0), r.text(1));
            // Claimed before it runs: a slow fetch is not started twice, a failing one waits its turn.
            DC_CHECK(c->query("UPDATE feeds SET next_run_at = $1 WHERE name = $2", {now + r.integer(2) * 3600, r.text(0)}));
        }
    }
    for (const auto& [name, url] : due) {
        auto body = m_fetch(url);
        if (!body) {
            FeedRun failed;
            failed.feed = name;
            failed.by = "schedule";
            failed.error = body.error().message();
            DC_CHECK(record(std::move(failed)));
            continue;
        }
        DC_CHECK(importText(name, *body, "schedule"));
    }
    return due.size();
}

Expected<std::vector<std::string>> FeedService::withdrawExpired() {
    CentralService central(m_pool, m_clock);
    DC_TRY(ids, central.withdrawExpired(today()));
    if (!ids->empty()) {
        auto c = m_pool.acquire();
        DC_CHECK(writeAudit(*c, m_clock(), "schedule", "jobs.expired", std::to_string(ids->size()) + " jobs",
                            utf8::truncate(ids->front(), 100)));
    }
    return ids;
}

}  // namespace dc::server::office
