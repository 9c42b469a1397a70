#include "store/fts_query.hpp"

#include <vector>

#include "common/utf8.hpp"

namespace dc::store {
namespace {

// Letters and digits of any script count as word characters; ASCII punctuation, Latin-1 symbols
// and the General Punctuation block separate words. Everything else (Georgian, Cyrillic, accented
// Latin) is a letter for our purpose; FTS5's unicode61 tokenizer splits further if it must.
bool isWordChar(char32_t c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c <= 0xBF || c == 0xD7 || c == 0xF7) return false;
    if (c >= 0x2000 && c <= 0x206F) return false;  // dashes, quotes, bullets
    if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
    if (c == 0xFEFF || c == 0xFFFD) return false;  // BOM, replacement character
    return true;
}

// Words of `typed` with their length in characters; sets sawNonSpace if anything but blanks.
std::vector<std::pair<std::string, size_t>> splitTerms(std::string_view typed, bool& sawNonSpace) {
    std::vector<std::pair<std::string, size_t>> terms;
    std::string current;
    size_t currentChars = 0;

    auto flush = [&] {
        if (!current.empty() && terms.size() < kMaxTerms) terms.emplace_back(current, currentChars);
        current.clear();
        currentChars = 0;
    };

    // Decode leniently: an invalid byte acts as a separator instead of failing the whole search.
    for (const std::string& ch : utf8::characters(typed)) {
        std::vector<char32_t> cps;
        const bool valid = utf8::decode(ch, cps) && cps.size() == 1;
        const char32_t c = valid ? cps[0] : 0xFFFD;
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') sawNonSpace = true;
        if (isWordChar(c)) {
            if (currentChars < kMaxTermChars) {
                current += ch;
                ++currentChars;
            }
        } else {
            flush();
        }
    }
    flush();
    return terms;
}

}  // namespace

std::string ftsAllWords(std::string_view text) {
    bool sawNonSpace = false;
    std::string group;
    for (const auto& [term, chars] : splitTerms(utf8::foldYo(text), sawNonSpace))
        group += (group.empty() ? "\"" : " \"") + term + '"';
    return group.empty() ? group : '(' + group + ')';
}

FtsQuery buildFtsQuery(std::string_view typed, std::string_view shortColumns) {
    bool sawNonSpace = false;
    const std::string yoFolded = utf8::foldYo(typed);  // the index has Ё as Е (migration 4)
    const auto terms = splitTerms(yoFolded, sawNonSpace);
    FtsQuery query;
    if (terms.empty()) {
        query.kind = sawNonSpace ? FtsQuery::Kind::Nothing : FtsQuery::Kind::Everything;
        return query;
    }
    query.kind = FtsQuery::Kind::Match;
    for (const auto& [term, chars] : terms) {
        query.words.push_back(utf8::foldCase(term));
        query.isPrefix.push_back(chars > 1);
        if (!query.expression.empty()) query.expression += ' ';
        // Terms hold only word characters, so they contain no quote to escape.
        if (chars == 1)
            query.expression += '"' + term + '"';
        else if (chars == 2 && !shortColumns.empty())
            query.expression += "{" + std::string(shortColumns) + "} : \"" + term + "\"*";
        else
            query.expression += '"' + term + "\"*";
    }
    return query;
}

}  // namespace dc::store
