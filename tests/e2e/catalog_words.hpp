#pragma once
// The kiosk's words in one language, read from the same .po catalog the kiosk is built from, so
// a test walks the screens in any language without copying a translation.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "common/i18n/po_file.hpp"
#include "e2e/kiosk_process.hpp"

namespace dc::test {

class Words {
public:
    explicit Words(const std::string& language) : m_language(language) {
        std::ifstream in(std::string(DC_PO_DIR) + "/" + language + ".po", std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        auto entries = po::parse(s.str());
        REQUIRE(entries);
        for (const auto& e : *entries) m_text[e.context] = e.text;
    }
    // The message named `context`; with `value`, its %d filled in.
    std::string operator()(const std::string& context) const {
        const auto it = m_text.find(context);
        REQUIRE(it != m_text.end());
        return it->second;
    }
    std::string operator()(const std::string& context, long long value) const {
        std::string t = (*this)(context);
        if (const auto at = t.find("%d"); at != std::string::npos) t.replace(at, 2, shownCount(value, m_language));
        return t;
    }
    // The part before %d: on screen whatever the number.
    std::string before(const std::string& context) const {
        const std::string t = (*this)(context);
        return t.substr(0, t.find("%d"));
    }

private:
    std::string m_language;
    std::map<std::string, std::string> m_text;
};

}  // namespace dc::test
