#include "catalog/jobposting_jsonld.hpp"

#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <optional>

#include <nlohmann/json.hpp>

#include "common/hex.hpp"
#include "domain/catalog_checks.hpp"
#include "domain/isco08.hpp"
#include "common/dates.hpp"
#include "common/json_depth.hpp"
#include "common/utf8.hpp"

namespace dc::catalog {
using namespace ::dc::domain;
namespace {

using nlohmann::json;

// Text of a field that may be a string, a number, or an object with "name" / "value".
std::string textOf(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
    if (v.is_object()) {
        for (const char* key : {"name", "value", "@id"})
            if (auto it = v.find(key); it != v.end() && !it->is_object()) return textOf(*it);
    }
    if (v.is_array() && !v.empty()) return textOf(v.front());
    return {};
}

std::string field(const json& obj, const char* key) {
    const auto it = obj.find(key);
    return it == obj.end() ? std::string() : textOf(*it);
}

// An identifier is text, or a PropertyValue whose "value" is the id (its "name" is the issuer's).
std::string identifierOf(const json& posting) {
    const auto it = posting.find("identifier");
    if (it == posting.end()) return {};
    if (it->is_object())
        if (auto v = it->find("value"); v != it->end()) return textOf(*v);
    return textOf(*it);
}

// Descriptions come as HTML: tags become spaces, the common entities their characters.
std::string plainText(const std::string& html) {
    std::string out;
    bool inTag = false;
    for (size_t i = 0; i < html.size(); ++i) {
        const char c = html[i];
        if (c == '<') {
            inTag = true;
            if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
            continue;
        }
        if (c == '>' && inTag) {
            inTag = false;
            continue;
        }
        if (inTag) continue;
        if (c == '&') {
            static const std::pair<const char*, const char*> entities[] = {
                {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"}, {"&nbsp;", " "}};
            bool replaced = false;
            for (const auto& [name, value] : entities) {
                if (html.compare(i, std::strlen(name), name) == 0) {
                    out += value;
                    i += std::strlen(name) - 1;
                    replaced = true;
                    break;
                }
            }
            if (replaced) continue;
        }
        out += c;
    }
    const size_t b = out.find_first_not_of(" \n\t"), e = out.find_last_not_of(" \n\t");
    return b == std::string::npos ? std::string() : out.substr(b, e - b + 1);
}

// A currency written as a sign or a code inside an amount ("$100,000", "1 200 GEL").
std::string currencyIn(std::string_view text) {
    static const std::pair<std::string_view, std::string_view> signs[] = {
        {"$", "USD"}, {"\u20ac", "EUR"}, {"\u00a3", "GBP"}, {"\u20be", "GEL"}, {"\u20bd", "RUB"}};
    for (const auto& [sign, code] : signs)
        if (text.find(sign) != std::string_view::npos) return std::string(code);
    for (size_t i = 0; i + 3 <= text.size(); ++i) {
        auto upper = [&](size_t k) { return text[k] >= 'A' && text[k] <= 'Z'; };
        const bool edgeBefore = i == 0 || !std::isalpha(static_cast<unsigned char>(text[i - 1]));
        const bool edgeAfter = i + 3 == text.size() || !std::isalpha(static_cast<unsigned char>(text[i + 3]));
        if (edgeBefore && edgeAfter && upper(i) && upper(i + 1) && upper(i + 2)) return std::string(text.substr(i, 3));
    }
    return {};
}

// An amount as a number, or as text the way people write it: "100000", "$100,000", "100 000 GEL",
// "1.234,50 EUR", "15.50". Thousands separators are dropped; of '.' and ',' the last one is the
// decimal point when it has other than three digits after it (or both appear). Whole units.
std::optional<int64_t> amount(const json& v) {
    double d = -1;
    if (v.is_number()) {
        d = v.get<double>();
    } else if (v.is_string()) {
        const std::string text = v.get<std::string>();
        const size_t first = text.find_first_of("0123456789");
        if (first == std::string::npos) return std::nullopt;
        size_t last = first;
        std::string digits;
        for (size_t i = first; i < text.size(); ++i) {
            const char c = text[i];
            const bool groupSpace = c == ' ' || (c == '\xc2' && i + 1 < text.size() && text[i + 1] == '\xa0');
            if (std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == ',') {
                digits += c;
                last = i;
            } else if (groupSpace && i + 1 < text.size()) {
                if (c == '\xc2') ++i;
                continue;
            } else {
                break;
            }
        }
        (void)last;
        const size_t point = digits.find_last_of(".,");
        std::string plain;
        for (size_t i = 0; i < digits.size(); ++i) {
            if (std::isdigit(static_cast<unsigned char>(digits[i])))
                plain += digits[i];
            else if (i == point) {
                const bool both = digits.find_first_of(".,") != point && digits[digits.find_first_of(".,")] != digits[point];
                if (both || digits.size() - point - 1 != 3) plain += '.';
            }
        }
        if (plain.empty() || plain.size() > 15) return std::nullopt;
        d = std::strtod(plain.c_str(), nullptr);
    }
    if (std::isfinite(d) && d >= 0 && d < 1e12) return static_cast<int64_t>(std::llround(d));
    return std::nullopt;
}

// baseSalary: a number, text, or a MonetaryAmount whose value is a number, text or a
// QuantitativeValue range, per HOUR/DAY/WEEK/MONTH/YEAR: kept as stated, with its period. What
// cannot be read is left out and said (in *note).
void salary(const json& posting, JobRecord& job, std::string* note) {
    const auto it = posting.find("baseSalary");
    if (it == posting.end() || it->is_null()) return;
    const json& base = *it;
    json value = base;
    if (base.is_object()) {
        job.salaryCurrency = field(base, "currency");
        value = base.contains("value") ? base["value"] : json();
    }
    std::string unit = "MONTH";
    std::optional<int64_t> low, high;
    std::string said = value.is_string() ? value.get<std::string>() : std::string();
    if (value.is_object()) {
        if (auto u = field(value, "unitText"); !u.empty()) unit = u;
        if (value.contains("minValue")) low = amount(value["minValue"]);
        if (value.contains("maxValue")) high = amount(value["maxValue"]);
        if (!low && !high && value.contains("value")) low = high = amount(value["value"]);
        for (const char* key : {"value", "minValue", "maxValue"})
            if (said.empty() && value.contains(key) && value[key].is_string()) said = value[key].get<std::string>();
    } else {
        low = high = amount(value);
    }
    if (job.salaryCurrency.empty()) job.salaryCurrency = currencyIn(said);
    for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (unit == "HOURLY") unit = "HOUR";
    if (unit == "DAILY") unit = "DAY";
    if (unit == "WEEKLY") unit = "WEEK";
    if (unit == "MONTHLY") unit = "MONTH";
    if (unit == "YEARLY" || unit == "ANNUAL" || unit == "ANNUALLY") unit = "YEAR";
    if (!isSalaryPeriod(unit)) {
        *note = "pay per \"" + utf8::truncate(unit, 20) + "\" is not a period the kiosks show: imported without pay";
        job.salaryCurrency.clear();
        return;
    }
    if (!low && !high) {
        const std::string shown = said.empty() ? value.dump().substr(0, 40) : utf8::truncate(said, 40);
        *note = "pay \"" + shown + "\" could not be read: imported without pay";
        job.salaryCurrency.clear();
        return;
    }
    if (low && high && *low > *high) std::swap(low, high);
    job.salaryMin = low;
    job.salaryMax = high;
    job.salaryPeriod = unit == "MONTH" ? std::string() : unit;
}

std::vector<std::string> listOf(const json& v) {
    std::vector<std::string> out;
    auto add = [&](std::string s) {
        const size_t b = s.find_first_not_of(" \t\n"), e = s.find_last_not_of(" \t\n");
        if (b != std::string::npos) out.push_back(s.substr(b, e - b + 1));
    };
    if (v.is_array()) {
        for (const auto& item : v) add(textOf(item));
    } else {
        const std::string text = textOf(v);
        size_t p = 0;
        while (p <= text.size()) {
            const size_t comma = std::min(text.find(',', p), text.size());
            add(text.substr(p, comma - p));
            p = comma + 1;
        }
    }
    return out;
}

std::string hexDigest(const std::string& text) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    return toHex(digest, 8);  // 64 bits: plenty to tell postings apart
}

// What one posting came to: a job (with a note on what was left out), or why it was refused.
struct Read {
    std::optional<JobRecord> job;
    std::string refused, note, title;
};

Read jobFrom(const json& posting, const FeedOptions& options) {
    Read out;
    if (!posting.is_object()) return out.refused = "it is not a JSON object", out;
    const std::string type = field(posting, "@type");
    if (type != "JobPosting")
        return out.refused = type.empty() ? "it has no @type: not a JobPosting"
                                          : "it is a \"" + utf8::truncate(type, 40) + "\", not a JobPosting",
               out;
    JobRecord job;
    job.title = plainText(field(posting, "title"));
    out.title = utf8::truncate(job.title, 120);
    if (job.title.empty()) return out.refused = "it has no title", out;
    job.employer = field(posting, "hiringOrganization");
    job.description = plainText(field(posting, "description"));
    job.datePosted = field(posting, "datePosted").substr(0, 10);
    if (!job.datePosted.empty() && !dates::parseDay(job.datePosted)) job.datePosted.clear();
    job.validThrough = field(posting, "validThrough").substr(0, 10);
    if (!job.validThrough.empty() && !dates::parseDay(job.validThrough))
        return out.refused = "its closing date (validThrough) \"" + utf8::truncate(job.validThrough, 20) + "\" is not a date",
               out;
    job.category = field(posting, "occupationalCategory");
    // An ISCO-08 code: a CategoryCode in the ISCO set, or text that starts with one ("2512 Software
    // developers"); O*NET's "15-1132.00" and words are kept as the category only.
    if (auto it = posting.find("occupationalCategory"); it != posting.end()) {
        std::string code;
        if (it->is_object()) {
            std::string set = field(*it, "inCodeSet");
            for (char& ch : set) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (set.find("isco") != std::string::npos) code = field(*it, "codeValue");
            if (!code.empty()) job.category = field(*it, "name");
        } else if (it->is_string()) {
            const std::string text = it->get<std::string>();
            const size_t digits = std::min(text.find_first_not_of("0123456789"), text.size());
            if (digits >= 2 && digits <= 4 && (digits == text.size() || text[digits] == ' ')) code = text.substr(0, digits);
        }
        if (iscoGroupOf(code)) job.isco = code;
    }
    const auto types = posting.contains("employmentType") ? listOf(posting["employmentType"]) : std::vector<std::string>{};
    for (const auto& t : types) job.employmentType += (job.employmentType.empty() ? "" : ",") + t;
    if (posting.contains("skills")) job.skills = listOf(posting["skills"]);
    // jobLocation: a Place (or a list of them) with a PostalAddress.
    if (auto it = posting.find("jobLocation"); it != posting.end()) {
        const json& place = it->is_array() && !it->empty() ? it->front() : *it;
        if (place.is_object()) {
            const json address = place.contains("address") ? place["address"] : json();
            if (address.is_object()) {
                job.city = field(address, "addressLocality");
                job.region = field(address, "addressRegion");
            } else {
                job.city = textOf(address);
            }
        }
    }
    const std::string locationType = field(posting, "jobLocationType");
    if (locationType == "TELECOMMUTE") job.workMode = job.city.empty() ? WorkMode::Remote : WorkMode::Hybrid;
    salary(posting, job, &out.note);
    // The posting's own identifier when it has one, else one made from what identifies it; in
    // the feed's (or the organisation's) namespace, and by digest when too long for an id.
    std::string key = identifierOf(posting);
    if (key.empty()) key = field(posting, "url");
    if (key.empty()) key = field(posting, "@id");
    if (key.empty()) key = hexDigest(job.title + "\n" + job.employer + "\n" + job.datePosted + "\n" + job.city);
    const std::string ns = feedNamespace(options.source.empty() ? job.employer : options.source);
    const bool plainKey = utf8::isValid(key) &&
        std::none_of(key.begin(), key.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F; });
    if (ns.size() + key.size() + 4 > 120 || !plainKey) key = hexDigest(key);
    job.id = "ld-" + ns + "-" + key;
    for (const std::string* s : {&job.title, &job.employer, &job.description, &job.city, &job.region})
        if (!utf8::isValid(*s)) return out.refused = "it has text that is not valid UTF-8", out;
    if (auto valid = validateJob(job); !valid) return out.refused = valid.error().message(), out;
    out.job = std::move(job);
    return out;
}

// Postings where the web puts them: a list, a "@graph" (also inside a list), or one object. In a
// graph, things of other kinds (the Organization, the WebPage) are the page's, not postings.
void collect(json& node, bool inGraph, std::vector<json>& out) {
    if (node.is_array()) {
        for (auto& item : node) collect(item, inGraph, out);
        return;
    }
    if (node.is_object() && node.contains("@graph") && field(node, "@type") != "JobPosting") {
        collect(node["@graph"], true, out);
        return;
    }
    if (inGraph && node.is_object() && node.contains("@type") && field(node, "@type") != "JobPosting") return;
    out.push_back(std::move(node));
}

}  // namespace

std::string feedNamespace(std::string_view name) {
    std::string out;
    for (const char c : name) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (alnum || (c >= 'A' && c <= 'Z')) {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
        if (out.size() >= 32) break;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? (name.empty() ? std::string("anon") : hexDigest(std::string(name))) : out;
}

bool looksLikeJsonLd(std::string_view text) {
    const size_t start = text.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return false;
    const std::string_view head = text.substr(start, 4096);
    return head.find("\"@type\"") != std::string_view::npos || head.find("\"@context\"") != std::string_view::npos;
}

Expected<JobPostingFeed> readJobPostingFeed(std::string_view text, const FeedOptions& options) {
    if (text.size() > kMaxJsonLdBytes) return fail(ErrorCode::InvalidInput, "the file is larger than 256 MiB");
    if (!jsonNestingWithin(text)) return fail(ErrorCode::InvalidInput, "the file nests deeper than 64 levels");
    JobPostingFeed feed;
    std::vector<json> postings;
    std::vector<size_t> brokenLines;  // JSON Lines: a line that is not JSON is one refused posting
    json whole = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!whole.is_discarded()) {
        collect(whole, false, postings);
    } else {
        size_t pos = 0, line = 0;
        while (pos < text.size()) {
            const size_t end = std::min(text.find('\n', pos), text.size());
            const std::string_view raw = text.substr(pos, end - pos);
            pos = end + 1;
            ++line;
            if (raw.find_first_not_of(" \t\r") == std::string_view::npos) continue;
            json one = json::parse(raw, nullptr, false);
            if (one.is_discarded()) {
                feed.refused.push_back({line, "", "", "line " + std::to_string(line) + " is not valid JSON"});
                continue;
            }
            collect(one, false, postings);
        }
        if (postings.empty()) return fail(ErrorCode::InvalidInput, "not valid JSON, nor JSON Lines");
    }
    std::map<std::string, size_t> seen;  // id -> posting that had it first
    for (size_t i = 0; i < postings.size(); ++i) {
        Read r = jobFrom(postings[i], options);
        const size_t index = i + 1;
        if (!r.job) {
            feed.refused.push_back({index, "", r.title, r.refused});
            continue;
        }
        if (auto [at, fresh] = seen.emplace(r.job->id, index); !fresh) {
            feed.refused.push_back(
                {index, r.job->id, r.title, "it has the same identifier as posting " + std::to_string(at->second)});
            continue;
        }
        if (!r.note.empty()) feed.notes.push_back({index, r.job->id, r.title, r.note});
        if (!options.today.empty() && !r.job->validThrough.empty() && r.job->validThrough < options.today)
            feed.expired.push_back(std::move(*r.job));
        else
            feed.jobs.push_back(std::move(*r.job));
    }
    if (feed.jobs.empty() && feed.expired.empty() && feed.refused.empty())
        return fail(ErrorCode::InvalidInput, "no JobPosting in the file");
    return feed;
}

}  // namespace dc::catalog
