#include "app/store/jobposting_jsonld.hpp"

#include <sodium.h>

#include <cmath>
#include <cstring>

#include <nlohmann/json.hpp>

#include "app/store/hex.hpp"
#include "common/json_depth.hpp"
#include "common/utf8.hpp"

namespace dc::store {
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

std::optional<int64_t> amount(const json& v) {
    if (v.is_number()) {
        const double d = v.get<double>();
        if (std::isfinite(d) && d >= 0 && d < 1e12) return static_cast<int64_t>(std::llround(d));
    }
    if (v.is_string()) {
        try {
            size_t used = 0;
            const double d = std::stod(v.get<std::string>(), &used);
            if (std::isfinite(d) && d >= 0 && d < 1e12) return static_cast<int64_t>(std::llround(d));
        } catch (...) {
        }
    }
    return std::nullopt;
}

// baseSalary: a number, or a MonetaryAmount whose value is a number or a QuantitativeValue range,
// per HOUR/DAY/WEEK/MONTH/YEAR: the catalog keeps whole units per month.
void salary(const json& posting, JobRecord& job) {
    const auto it = posting.find("baseSalary");
    if (it == posting.end()) return;
    const json& base = *it;
    json value = base;
    if (base.is_object()) {
        job.salaryCurrency = field(base, "currency");
        value = base.contains("value") ? base["value"] : json();
    }
    std::string unit = "MONTH";
    std::optional<int64_t> low, high;
    if (value.is_object()) {
        if (auto u = field(value, "unitText"); !u.empty()) unit = u;
        if (value.contains("minValue")) low = amount(value["minValue"]);
        if (value.contains("maxValue")) high = amount(value["maxValue"]);
        if (!low && !high && value.contains("value")) low = high = amount(value["value"]);
    } else {
        low = high = amount(value);
    }
    for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const double perMonth = unit == "YEAR" ? 1.0 / 12 : unit == "WEEK" ? 52.0 / 12 : unit == "DAY" ? 21.75
                          : unit == "HOUR" ? 21.75 * 8 : 1.0;
    auto monthly = [&](std::optional<int64_t> v) -> std::optional<int64_t> {
        if (!v) return std::nullopt;
        return static_cast<int64_t>(std::llround(static_cast<double>(*v) * perMonth));
    };
    job.salaryMin = monthly(low);
    job.salaryMax = monthly(high);
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

Expected<JobRecord> jobFrom(const json& posting, size_t index) {
    const std::string where = "posting " + std::to_string(index);
    if (!posting.is_object()) return fail(ErrorCode::InvalidInput, where + " is not a JSON object");
    const std::string type = field(posting, "@type");
    if (type != "JobPosting") return fail(ErrorCode::InvalidInput, where + " is a \"" + type.substr(0, 40) + "\", not a JobPosting");
    JobRecord job;
    job.title = plainText(field(posting, "title"));
    if (job.title.empty()) return fail(ErrorCode::InvalidInput, where + " has no title");
    job.employer = field(posting, "hiringOrganization");
    job.description = plainText(field(posting, "description"));
    job.datePosted = field(posting, "datePosted").substr(0, 10);
    job.validThrough = field(posting, "validThrough").substr(0, 10);
    job.category = field(posting, "occupationalCategory");
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
    salary(posting, job);
    // The posting's own identifier when it has one, else one made from what identifies it.
    std::string id = identifierOf(posting);
    if (id.empty()) id = field(posting, "url");
    if (id.empty()) id = field(posting, "@id");
    if (id.empty()) id = hexDigest(job.title + "\n" + job.employer + "\n" + job.datePosted + "\n" + job.city);
    job.id = "ld-" + id.substr(0, 180);
    for (const std::string* s : {&job.title, &job.employer, &job.description, &job.city, &job.region, &job.id})
        if (!utf8::isValid(*s)) return fail(ErrorCode::InvalidInput, where + " has text that is not valid UTF-8");
    return job;
}

}  // namespace

bool looksLikeJsonLd(std::string_view text) {
    const size_t start = text.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return false;
    const std::string_view head = text.substr(start, 4096);
    return head.find("\"@type\"") != std::string_view::npos || head.find("\"@context\"") != std::string_view::npos;
}

Expected<CatalogBatch> parseJobPostingJsonLd(std::string_view text) {
    if (text.size() > kMaxJsonLdBytes) return fail(ErrorCode::InvalidInput, "the file is larger than 64 MiB");
    if (!jsonNestingWithin(text)) return fail(ErrorCode::InvalidInput, "the file nests deeper than 64 levels");
    std::vector<json> postings;
    json whole = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!whole.is_discarded()) {
        json* list = whole.is_array() ? &whole
                   : whole.is_object() && whole.contains("@graph") && whole["@graph"].is_array() ? &whole["@graph"]
                                                                                                : nullptr;
        if (list) for (auto& item : *list) postings.push_back(std::move(item));
        else postings.push_back(std::move(whole));
    } else {
        // One object per line.
        size_t pos = 0, line = 0;
        while (pos < text.size()) {
            const size_t end = std::min(text.find('\n', pos), text.size());
            const std::string_view raw = text.substr(pos, end - pos);
            pos = end + 1;
            ++line;
            if (raw.find_first_not_of(" \t\r") == std::string_view::npos) continue;
            json one = json::parse(raw, nullptr, false);
            if (one.is_discarded()) return fail(ErrorCode::InvalidInput, "line " + std::to_string(line) + ": not valid JSON");
            postings.push_back(std::move(one));
        }
    }
    CatalogBatch batch;
    for (size_t i = 0; i < postings.size(); ++i) {
        auto job = jobFrom(postings[i], i + 1);
        if (!job) return std::unexpected(job.error());
        batch.jobUpserts.push_back(std::move(*job));
    }
    if (batch.jobUpserts.empty()) return fail(ErrorCode::InvalidInput, "no JobPosting in the file");
    return batch;
}

}  // namespace dc::store
