#include "drivers/idread/mrz.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

namespace dc::idread {
namespace {

// What one position of the zone may hold; repair maps characters to it.
enum class Slot : char { Alpha = 'A', Digit = '9', AlphaNum = 'X', Sex = 'S', CheckOrFiller = 'c' };

// A field covered by a check digit: its character ranges (line, start, length) and the check's place.
struct Range {
    int line, start, length;
};
struct CheckedField {
    const char* name;
    std::vector<Range> ranges;
    int checkLine, checkAt;
    bool fillerAllowed = false;  // the check may be '<' when the field is all fillers
};

struct Layout {
    MrzFormat format;
    int lines, width;
};
constexpr Layout kLayouts[] = {{MrzFormat::TD1, 3, 30}, {MrzFormat::TD2, 2, 36}, {MrzFormat::TD3, 2, 44}};

bool isMrzChar(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<'; }

std::string describeChar(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) return "a non-ASCII byte";
    if (u < 0x20 || u == 0x7f) return "a control character";
    if (c >= 'a' && c <= 'z') return std::string("'") + c + "' (lower case is not used in an MRZ)";
    return std::string("'") + c + "'";
}

std::string field(const std::vector<std::string>& l, int line, int start, int length) {
    return l[static_cast<size_t>(line)].substr(static_cast<size_t>(start), static_cast<size_t>(length));
}

// Fillers out: "SMITH<<" -> "SMITH"; inner fillers become spaces: "ANNA<MARIA" -> "ANNA MARIA".
std::string clean(std::string s) {
    while (!s.empty() && s.back() == '<') s.pop_back();
    std::replace(s.begin(), s.end(), '<', ' ');
    return s;
}

// The slot of every position, per format.
std::vector<std::string> slotsFor(MrzFormat format) {
    auto fill = [](std::string& line, int from, int count, Slot s) {
        for (int i = from; i < from + count; ++i) line[static_cast<size_t>(i)] = static_cast<char>(s);
    };
    if (format == MrzFormat::TD1) {
        std::string l1(30, 'A'), l2(30, '9'), l3(30, 'A');
        fill(l1, 5, 9, Slot::AlphaNum);
        fill(l1, 14, 1, Slot::CheckOrFiller);
        fill(l1, 15, 15, Slot::AlphaNum);
        fill(l2, 7, 1, Slot::Sex);
        fill(l2, 15, 3, Slot::Alpha);
        fill(l2, 18, 11, Slot::AlphaNum);
        return {l1, l2, l3};
    }
    const int w = format == MrzFormat::TD2 ? 36 : 44;
    std::string l1(static_cast<size_t>(w), 'A'), l2(static_cast<size_t>(w), '9');
    fill(l2, 0, 9, Slot::AlphaNum);
    fill(l2, 10, 3, Slot::Alpha);
    fill(l2, 20, 1, Slot::Sex);
    if (format == MrzFormat::TD2) {
        fill(l2, 28, 7, Slot::AlphaNum);
    } else {
        fill(l2, 28, 14, Slot::AlphaNum);
        fill(l2, 42, 1, Slot::CheckOrFiller);
    }
    return {l1, l2};
}

// A long document number (ICAO 9303-5 and -6): the first nine characters in place, '<' where its
// check digit would be, the rest at the start of the optional data followed by the check digit.
struct DocumentNumber {
    std::vector<Range> ranges;
    int checkLine, checkAt;
};
DocumentNumber documentNumberOf(MrzFormat format, const std::vector<std::string>& l) {
    const int line = format == MrzFormat::TD1 ? 0 : 1;
    const int start = format == MrzFormat::TD1 ? 5 : 0;
    const int optStart = format == MrzFormat::TD1 ? 15 : 28;
    const int optEnd = format == MrzFormat::TD1 ? 30 : format == MrzFormat::TD2 ? 35 : 42;
    const std::string& s = l[static_cast<size_t>(line)];
    if (format != MrzFormat::TD3 && s[static_cast<size_t>(start + 9)] == '<') {
        int end = optStart;
        while (end < optEnd && s[static_cast<size_t>(end)] != '<') ++end;
        if (end - optStart >= 2)  // at least one more character and its check digit
            return {{{line, start, 9}, {line, optStart, end - optStart - 1}}, line, end - 1};
    }
    return {{{line, start, 9}}, line, start + 9};
}

std::vector<CheckedField> checkedFields(MrzFormat format, const std::vector<std::string>& l) {
    const DocumentNumber doc = documentNumberOf(format, l);
    std::vector<CheckedField> out;
    out.push_back({"document number", doc.ranges, doc.checkLine, doc.checkAt});
    if (format == MrzFormat::TD1) {
        out.push_back({"birth date", {{1, 0, 6}}, 1, 6});
        out.push_back({"expiry date", {{1, 8, 6}}, 1, 14});
        out.push_back({"composite", {{0, 5, 25}, {1, 0, 7}, {1, 8, 7}, {1, 18, 11}}, 1, 29});
        return out;
    }
    out.push_back({"birth date", {{1, 13, 6}}, 1, 19});
    out.push_back({"expiry date", {{1, 21, 6}}, 1, 27});
    if (format == MrzFormat::TD2) {
        out.push_back({"composite", {{1, 0, 10}, {1, 13, 7}, {1, 21, 14}}, 1, 35});
    } else {
        out.push_back({"optional data", {{1, 28, 14}}, 1, 42, true});
        out.push_back({"composite", {{1, 0, 10}, {1, 13, 7}, {1, 21, 22}}, 1, 43});
    }
    return out;
}

std::string joined(const std::vector<std::string>& l, const std::vector<Range>& ranges) {
    std::string s;
    for (const Range& r : ranges) s += field(l, r.line, r.start, r.length);
    return s;
}

bool checkPasses(const std::vector<std::string>& l, const CheckedField& f) {
    const std::string value = joined(l, f.ranges);
    const char check = l[static_cast<size_t>(f.checkLine)][static_cast<size_t>(f.checkAt)];
    if (check == '<') return f.fillerAllowed && value.find_first_not_of('<') == std::string::npos;
    const int expected = mrzCheckDigit(value);
    return expected >= 0 && check == static_cast<char>('0' + expected);
}

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int currentYear() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    return tm.tm_year + 1900;
}

// Characters an OCR mistakes for each other, towards a digit and towards a letter.
char toDigit(char c) {
    switch (c) {
        case 'O':
        case 'Q':
        case 'D':
        case 'U': return '0';
        case 'I':
        case 'L':
        case 'T':
        case 'J': return '1';
        case 'Z': return '2';
        case 'A': return '4';
        case 'S': return '5';
        case 'G': return '6';
        case 'B': return '8';
        default: return c;
    }
}
char toLetter(char c) {
    switch (c) {
        case '0': return 'O';
        case '1': return 'I';
        case '2': return 'Z';
        case '4': return 'A';
        case '5': return 'S';
        case '6': return 'G';
        case '8': return 'B';
        default: return c;
    }
}
// The other reading of a character in a letters-and-digits field, if it has one.
char confusable(char c) {
    const char d = toDigit(c);
    if (d != c) return d;
    const char a = toLetter(c);
    return a != c ? a : 0;
}

Expected<void> checkShape(const std::vector<std::string>& lines, MrzFormat* format) {
    for (const Layout& layout : kLayouts) {
        if (static_cast<int>(lines.size()) != layout.lines) continue;
        if (std::all_of(lines.begin(), lines.end(),
                        [&](const std::string& s) { return static_cast<int>(s.size()) == layout.width; })) {
            *format = layout.format;
            return {};
        }
    }
    std::string got;
    for (const auto& s : lines) got += (got.empty() ? "" : ", ") + std::to_string(s.size());
    return fail(ErrorCode::InvalidInput,
                "an MRZ is 3 lines of 30 characters (ID card, TD1), 2 of 36 (TD2) or 2 of 44 (passport, TD3); got " +
                    std::to_string(lines.size()) + " line(s)" + (got.empty() ? "" : " of " + got));
}

}  // namespace

std::vector<std::string> mrzSlots(MrzFormat format) { return slotsFor(format); }

std::vector<MrzCheckedSpan> mrzCheckedSpans(MrzFormat format, const std::vector<std::string>& lines) {
    std::vector<MrzCheckedSpan> out;
    for (const CheckedField& f : checkedFields(format, lines)) {
        MrzCheckedSpan span{f.name, {}};
        for (const Range& r : f.ranges)
            for (int i = r.start; i < r.start + r.length; ++i) span.positions.emplace_back(r.line, i);
        span.positions.emplace_back(f.checkLine, f.checkAt);
        out.push_back(std::move(span));
    }
    return out;
}

std::vector<std::string> mrzUncheckedMask(MrzFormat format, const std::vector<std::string>& lines) {
    std::vector<std::string> mask;
    for (const auto& line : lines) mask.emplace_back(line.size(), '1');
    for (const CheckedField& f : checkedFields(format, lines)) {
        for (const Range& r : f.ranges)
            for (int i = r.start; i < r.start + r.length; ++i) mask[static_cast<size_t>(r.line)][static_cast<size_t>(i)] = '0';
        mask[static_cast<size_t>(f.checkLine)][static_cast<size_t>(f.checkAt)] = '0';
    }
    return mask;
}

const char* toString(MrzFormat format) {
    switch (format) {
        case MrzFormat::TD1: return "TD1";
        case MrzFormat::TD2: return "TD2";
        case MrzFormat::TD3: return "TD3";
    }
    return "?";
}

bool MrzData::allChecksPass() const {
    return !checks.empty() && std::all_of(checks.begin(), checks.end(), [](const MrzCheck& c) { return c.passed; });
}

int mrzCheckDigit(std::string_view value) {
    static constexpr int kWeights[] = {7, 3, 1};
    int sum = 0;
    for (size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        int v;
        if (c >= '0' && c <= '9')
            v = c - '0';
        else if (c >= 'A' && c <= 'Z')
            v = c - 'A' + 10;
        else if (c == '<')
            v = 0;
        else
            return -1;
        sum += v * kWeights[i % 3];
    }
    return sum % 10;
}

std::string mrzDateToIso(std::string_view d, bool isBirthDate, int year) {
    if (d.size() != 6 || !std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; })) return {};
    const int yy = (d[0] - '0') * 10 + (d[1] - '0'), mm = (d[2] - '0') * 10 + (d[3] - '0'), dd = (d[4] - '0') * 10 + (d[5] - '0');
    const int century = year / 100 * 100;
    const int full = isBirthDate ? (century + yy > year ? century - 100 + yy : century + yy) : century + yy;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (mm < 1 || mm > 12 || dd < 1) return {};
    if (dd > kDays[mm - 1] + (mm == 2 && isLeap(full) ? 1 : 0)) return {};
    char out[24];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", full, mm, dd);
    return out;
}

Expected<MrzData> parseMrz(std::string_view text) {
    if (text.size() > kMaxMrzInputBytes)
        return fail(ErrorCode::InvalidInput,
                    "the MRZ text is " + std::to_string(text.size()) + " bytes; at most " + std::to_string(kMaxMrzInputBytes) +
                        " are read");
    std::vector<std::string> lines;
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string line(text.substr(pos, end - pos));
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
        pos = end + 1;
    }
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    while (!lines.empty() && lines.front().empty()) lines.erase(lines.begin());
    if (lines.empty()) return fail(ErrorCode::InvalidInput, "the MRZ text is empty");
    return parseMrz(lines);
}

Expected<MrzData> parseMrz(const std::vector<std::string>& lines) {
    MrzFormat format{};
    if (lines.size() > 3) return fail(ErrorCode::InvalidInput, "an MRZ has 2 or 3 lines; got " + std::to_string(lines.size()));
    DC_CHECK(checkShape(lines, &format));
    for (size_t li = 0; li < lines.size(); ++li)
        for (size_t i = 0; i < lines[li].size(); ++i)
            if (!isMrzChar(lines[li][i]))
                return fail(ErrorCode::InvalidInput,
                            "MRZ line " + std::to_string(li + 1) + ", position " + std::to_string(i + 1) + ": " +
                                describeChar(lines[li][i]) + " is not an MRZ character (A-Z, 0-9 and < only)");
    MrzData d;
    d.format = format;
    d.lines = lines;
    const auto& l = lines;
    d.documentCode = clean(field(l, 0, 0, 2));
    d.issuingState = clean(field(l, 0, 2, 3));
    const DocumentNumber doc = documentNumberOf(format, l);
    d.documentNumber = clean(joined(l, doc.ranges));
    const std::string name = format == MrzFormat::TD1 ? l[2] : field(l, 0, 5, static_cast<int>(l[0].size()) - 5);
    const size_t split = name.find("<<");
    d.surname = clean(name.substr(0, split));
    d.givenNames = split == std::string::npos ? "" : clean(name.substr(split + 2));
    const int year = currentYear();
    if (format == MrzFormat::TD1) {
        d.birthDate = field(l, 1, 0, 6);
        d.sex = field(l, 1, 7, 1);
        d.expiryDate = field(l, 1, 8, 6);
        d.nationality = clean(field(l, 1, 15, 3));
        // The optional data without the part of a long document number (and its check digit).
        // After a long number's continuation: its check digit and a filler.
        const int used = doc.ranges.size() > 1 ? std::min(15, doc.ranges[1].length + 2) : 0;
        d.optionalData1 = clean(field(l, 0, 15 + used, 15 - used));
        d.optionalData2 = clean(field(l, 1, 18, 11));
    } else {
        d.nationality = clean(field(l, 1, 10, 3));
        d.birthDate = field(l, 1, 13, 6);
        d.sex = field(l, 1, 20, 1);
        d.expiryDate = field(l, 1, 21, 6);
        const int optLength = format == MrzFormat::TD2 ? 7 : 14;
        const int used = doc.ranges.size() > 1 ? std::min(optLength, doc.ranges[1].length + 2) : 0;
        d.optionalData1 = clean(field(l, 1, 28 + used, optLength - used));
    }
    if (d.sex == "<") d.sex = "X";
    d.birthDateIso = mrzDateToIso(d.birthDate, true, year);
    d.expiryDateIso = mrzDateToIso(d.expiryDate, false, year);
    for (const CheckedField& f : checkedFields(format, l)) d.checks.push_back({f.name, checkPasses(l, f)});
    return d;
}

Expected<MrzData> repairMrz(const std::vector<std::string>& input) {
    MrzFormat format{};
    if (input.size() > 3) return fail(ErrorCode::InvalidInput, "an MRZ has 2 or 3 lines; got " + std::to_string(input.size()));
    DC_CHECK(checkShape(input, &format));
    std::vector<std::string> l = input;
    int repairs = 0;
    // 1. Each position to what it may hold; anything else unreadable becomes a filler.
    const auto slots = slotsFor(format);
    for (size_t li = 0; li < l.size(); ++li)
        for (size_t i = 0; i < l[li].size(); ++i) {
            char& c = l[li][i];
            const char before = c;
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
            switch (static_cast<Slot>(slots[li][i])) {
                case Slot::Alpha: c = toLetter(c); break;
                case Slot::Digit: c = c == '<' ? c : toDigit(c); break;
                case Slot::CheckOrFiller: c = c == '<' ? c : toDigit(c); break;
                case Slot::Sex: c = c == 'H' ? 'M' : c == 'E' || c == 'P' ? 'F' : c; break;
                case Slot::AlphaNum: break;
            }
            if (!isMrzChar(c)) c = '<';
            repairs += c != before;
        }
    // 2. A failing check over letters and digits: the confusable alternatives, fewest changes
    // first; a change is kept only when exactly one candidate passes (no guessing between two).
    for (const CheckedField& f : checkedFields(format, l)) {
        if (f.name == std::string("composite") || checkPasses(l, f)) continue;
        std::vector<std::pair<int, int>> places;  // (line, index) of characters with another reading
        for (const Range& r : f.ranges)
            for (int i = r.start; i < r.start + r.length; ++i)
                if (static_cast<Slot>(slots[static_cast<size_t>(r.line)][static_cast<size_t>(i)]) == Slot::AlphaNum &&
                    confusable(l[static_cast<size_t>(r.line)][static_cast<size_t>(i)]))
                    places.emplace_back(r.line, i);
        if (places.empty() || places.size() > 16) continue;
        std::optional<std::vector<std::string>> found;
        for (int changes = 1; changes <= std::min<int>(3, static_cast<int>(places.size())) && !found; ++changes) {
            int passing = 0;
            std::vector<std::string> candidate;
            std::vector<int> pick;
            std::function<void(size_t)> choose = [&](size_t from) {
                if (passing > 1) return;
                if (static_cast<int>(pick.size()) == changes) {
                    auto trial = l;
                    for (int p : pick) {
                        auto [li, i] = places[static_cast<size_t>(p)];
                        char& c = trial[static_cast<size_t>(li)][static_cast<size_t>(i)];
                        c = confusable(c);
                    }
                    if (checkPasses(trial, f)) {
                        ++passing;
                        candidate = std::move(trial);
                    }
                    return;
                }
                for (size_t p = from; p < places.size(); ++p) {
                    pick.push_back(static_cast<int>(p));
                    choose(p + 1);
                    pick.pop_back();
                }
            };
            choose(0);
            if (passing == 1) {
                found = std::move(candidate);
                repairs += changes;
            } else if (passing > 1) {
                break;  // ambiguous: leave it failing
            }
        }
        if (found) l = std::move(*found);
    }
    DC_TRY(parsed, parseMrz(l));
    parsed->repairs = repairs;
    return parsed;
}

}  // namespace dc::idread
