#include "common/i18n/po_file.hpp"

#include "common/utf8.hpp"

namespace dc::po {
namespace {

std::unexpected<Error> at(int line, const std::string& what) {
    return fail(ErrorCode::InvalidInput, "line " + std::to_string(line) + ": " + what);
}

// The string after a keyword or alone on a continuation line: "..." with C escapes.
Expected<std::string> quoted(std::string_view s, int line) {
    const size_t open = s.find_first_not_of(" \t");
    if (open == std::string_view::npos || s[open] != '"') return at(line, "a quoted string was expected");
    std::string out;
    size_t i = open + 1;
    for (; i < s.size() && s[i] != '"'; ++i) {
        if (s[i] != '\\') {
            out += s[i];
            continue;
        }
        if (++i >= s.size()) return at(line, "the string ends inside an escape");
        switch (s[i]) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            default: return at(line, std::string("unknown escape \\") + s[i]);
        }
    }
    if (i >= s.size()) return at(line, "the string is not closed");
    if (s.find_first_not_of(" \t\r", i + 1) != std::string_view::npos) return at(line, "text after the closing quote");
    return out;
}

int countOf(std::string_view text, std::string_view what) {
    int n = 0;
    for (size_t p = text.find(what); p != std::string_view::npos; p = text.find(what, p + what.size())) ++n;
    return n;
}

}  // namespace

// A line-by-line reader of the .po grammar: one state machine over the lines, each keyword a
// branch; fuzzed by fuzz_po.
Expected<std::vector<Entry>> parse(std::string_view text) {
    if (text.size() > kMaxPoBytes) return fail(ErrorCode::InvalidInput, "the catalog is larger than 4 MiB");
    if (!utf8::isValid(text)) return fail(ErrorCode::InvalidInput, "the catalog is not valid UTF-8");
    std::vector<Entry> entries;
    Entry current;
    std::string* field = nullptr;  // what a continuation line adds to
    bool fuzzyNext = false, open = false;
    int lineNo = 0;
    auto finish = [&]() -> Expected<void> {
        if (!open) return {};
        if (current.id.empty() && current.context.empty()) {  // the header
            current = {};
            open = false;
            return {};
        }
        if (current.context.empty()) return at(current.line, "an entry needs a msgctxt (the message's name)");
        for (const auto& e : entries)
            if (e.context == current.context) return at(current.line, "\"" + current.context + "\" appears twice");
        entries.push_back(std::move(current));
        current = {};
        open = false;
        return {};
    };
    size_t pos = 0;
    enum class Seen { None, Context, Id, Str } seen = Seen::None;
    while (pos <= text.size()) {
        const size_t end = std::min(text.find('\n', pos), text.size());
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const size_t first = line.find_first_not_of(" \t");
        if (first == std::string_view::npos) {
            field = nullptr;
            if (end == text.size()) break;
            continue;
        }
        line = line.substr(first);
        if (line[0] == '#') {
            if (line.starts_with("#,") && line.find("fuzzy") != std::string_view::npos) fuzzyNext = true;
            if (end == text.size()) break;
            continue;
        }
        auto keyword = [&](std::string_view word) {
            return line.starts_with(word) && line.size() > word.size() && (line[word.size()] == ' ' || line[word.size()] == '\t');
        };
        if (line[0] == '"') {
            if (!field) return at(lineNo, "a continuation line without a msgctxt, msgid or msgstr before it");
            auto more = quoted(line, lineNo);
            if (!more) return std::unexpected(more.error());
            *field += *more;
        } else if (keyword("msgctxt")) {
            if (seen == Seen::Context || seen == Seen::Id) return at(lineNo, "msgctxt inside an entry");
            if (auto r = finish(); !r) return std::unexpected(r.error());
            open = true;
            current.line = lineNo;
            current.fuzzy = std::exchange(fuzzyNext, false);
            auto value = quoted(line.substr(7), lineNo);
            if (!value) return std::unexpected(value.error());
            current.context = *value;
            field = &current.context;
            seen = Seen::Context;
        } else if (keyword("msgid")) {
            if (seen == Seen::Id) return at(lineNo, "two msgid in one entry");
            if (seen != Seen::Context) {
                if (auto r = finish(); !r) return std::unexpected(r.error());
                open = true;
                current.line = lineNo;
                current.fuzzy = std::exchange(fuzzyNext, false);
            }
            auto value = quoted(line.substr(5), lineNo);
            if (!value) return std::unexpected(value.error());
            current.id = *value;
            field = &current.id;
            seen = Seen::Id;
        } else if (keyword("msgstr")) {
            if (seen != Seen::Id) return at(lineNo, "msgstr without a msgid before it");
            auto value = quoted(line.substr(6), lineNo);
            if (!value) return std::unexpected(value.error());
            current.text = *value;
            field = &current.text;
            seen = Seen::Str;
        } else if (line.starts_with("msgid_plural") || line.starts_with("msgstr[")) {
            return at(lineNo, "plural forms are not used by the kiosk");
        } else {
            return at(lineNo, "not a .po line: \"" + std::string(line.substr(0, 40)) + "\"");
        }
        if (end == text.size()) break;
    }
    if (seen == Seen::Context || seen == Seen::Id) return at(lineNo, "the last entry has no msgstr");
    if (auto r = finish(); !r) return std::unexpected(r.error());
    return entries;
}

Expected<void> checkAgainst(const std::vector<Entry>& english, const std::vector<Entry>& translation,
                            const std::string& language) {
    const std::string in = language + ".po: ";
    for (size_t i = 0; i < english.size(); ++i) {
        const Entry& en = english[i];
        if (i >= translation.size()) return fail(ErrorCode::InvalidInput, in + "\"" + en.context + "\" is missing");
        const Entry& t = translation[i];
        if (t.context != en.context)
            return fail(ErrorCode::InvalidInput,
                        in + "line " + std::to_string(t.line) + ": \"" + t.context + "\" where \"" + en.context +
                            "\" was expected (same order as en.po)");
        if (t.id != en.id)
            return fail(ErrorCode::InvalidInput, in + "\"" + en.context + "\": the English text differs from en.po's");
        if (t.text.empty()) return fail(ErrorCode::InvalidInput, in + "\"" + en.context + "\" is not translated");
        if (t.fuzzy) return fail(ErrorCode::InvalidInput, in + "\"" + en.context + "\" is marked fuzzy: check it");
        if (countOf(t.text, "%d") != countOf(en.id, "%d"))
            return fail(ErrorCode::InvalidInput, in + "\"" + en.context + "\" must keep the %d of the English");
    }
    if (translation.size() > english.size())
        return fail(ErrorCode::InvalidInput, in + "\"" + translation[english.size()].context + "\" is not in en.po");
    return {};
}

std::string cppLiteral(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '?': out += "\\?"; break;  // never a trigraph
            default: out += c;
        }
    }
    return out + "\"";
}

}  // namespace dc::po
