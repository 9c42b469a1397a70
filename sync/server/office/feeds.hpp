#pragma once
// Job feeds: schema.org JobPosting JSON-LD (or the catalog's JSON Lines) uploaded in the console or
// fetched from a URL on a schedule: a partner marketplace's remote and freelance vacancies, an
// employer's careers page, the public employment service's list. Each run is reported: what was
// added, changed, closed (its closing date passed, or gone from the feed) and refused, and why.
// A feed's file is its whole list: a posting no longer in it is closed on every kiosk, except when
// not one posting of the file could be read (a broken download never empties the catalog).
// Postings whose validThrough has passed are withdrawn from every kiosk by the server's daily
// sweep too, whatever brought them in.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "catalog/jobposting_jsonld.hpp"
#include "common/error.hpp"
#include "sync/server/central_service.hpp"
#include "sync/server/office/office_service.hpp"

namespace dc::server::office {

inline constexpr size_t kMaxFeedBytes = catalog::kMaxJsonLdBytes;
inline constexpr int64_t kMaxFeedEveryHours = 24 * 31;
// What a run's report keeps of each outcome (all are counted): a 100,000-posting feed's report
// stays small, and what went wrong is what is read.
inline constexpr size_t kReportAddedOrChanged = 200, kReportClosedOrRefused = 2000;

struct FeedRow {
    std::string name, url, office, createdBy;
    int64_t everyHours = 0, nextRunAt = 0;
    int64_t lastRunSeq = 0, lastRunAt = 0;
    std::string lastSummary, lastError;
};

struct FeedItem {
    std::string outcome;  // "added", "changed", "closed", "refused", "noted"
    std::string id, title, reason;
    size_t index = 0;  // the posting's place in the file (refused and noted ones)
};

struct FeedRun {
    int64_t seq = 0, at = 0;
    std::string feed, by, error;  // error: the run read nothing (the download failed, not JSON...)
    size_t added = 0, changed = 0, unchanged = 0, closed = 0, refused = 0, noted = 0;
    std::vector<FeedItem> items;
    std::string summary() const;  // "3 added, 1 changed, 1 closed, 1 refused"
};

// Fetches a feed's URL (http or https; the body at most kMaxFeedBytes).
using FeedFetcher = std::function<Expected<std::string>(const std::string& url)>;
Expected<std::string> fetchWithCurl(const std::string& url);

// A feed's name is its postings' namespace: 1 to 32 of a-z, 0-9 and "-".
bool validFeedName(std::string_view name);

class FeedService {
public:
    FeedService(ConnectionPool& pool, std::function<int64_t()> clock, FeedFetcher fetch = fetchWithCurl);

    // Coordinators and admins (an office's see their office's feeds and those of no office).
    Expected<std::vector<FeedRow>> feeds(const Session& who);
    // Adds or changes a feed: `url` empty for one only ever uploaded; `everyHours` 0 runs by hand.
    Expected<void> saveFeed(const std::string& name, const std::string& url, int64_t everyHours, const Session& who);
    // Imports an uploaded file as the feed's new list (the feed is made when new).
    Expected<FeedRun> importUpload(const std::string& name, std::string_view text, const Session& who);
    // Fetches the feed's URL now and imports it.
    Expected<FeedRun> runNow(const std::string& name, const Session& who);
    Expected<FeedRun> run(int64_t seq, const Session& who);
    Expected<std::vector<FeedRun>> runs(const std::string& name, const Session& who, int limit);

    // The server's own work: feeds whose time has come are fetched and imported; returns how many.
    Expected<size_t> runDue();
    // Jobs whose closing date has passed (today, UTC, by the clock) leave every kiosk.
    Expected<std::vector<std::string>> withdrawExpired();
    // One import (what the upload, the schedule and `dc-server import --feed` share), recorded as a
    // run of `feed` by `by`.
    Expected<FeedRun> importText(const std::string& feed, std::string_view text, const std::string& by);

    std::string today() const;

private:
    Expected<FeedRun> record(FeedRun run);
    Expected<FeedRow> feedFor(const std::string& name, const Session& who);

    ConnectionPool& m_pool;
    std::function<int64_t()> m_clock;
    FeedFetcher m_fetch;
};

}  // namespace dc::server::office
