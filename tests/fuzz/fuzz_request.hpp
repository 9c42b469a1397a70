#pragma once
// What the request fuzz targets read from their input: "METHOD TARGET" on the first line, then
// "Name: value" header lines, a blank line, and the body.
#include <functional>
#include <string>
#include <string_view>

#include "sync/server/http_api.hpp"

namespace dc::fuzz {

// `header` may rewrite a header's name and value before it is kept (fuzz_console signs in so).
inline server::HttpRequest requestFrom(std::string_view text, const std::string& defaultTarget,
                                       const std::function<void(std::string&, std::string&)>& header = {}) {
    server::HttpRequest r;
    const size_t headEnd = text.find("\n\n");
    const std::string_view head = text.substr(0, headEnd);
    r.body = headEnd == std::string_view::npos ? std::string() : std::string(text.substr(headEnd + 2));
    size_t pos = 0;
    bool first = true;
    while (pos <= head.size()) {
        const size_t end = std::min(head.find('\n', pos), head.size());
        const std::string_view line = head.substr(pos, end - pos);
        pos = end + 1;
        if (first) {
            first = false;
            const size_t space = line.find(' ');
            r.method = std::string(line.substr(0, space));
            r.target = space == std::string_view::npos ? defaultTarget : std::string(line.substr(space + 1));
            r.path = r.target.substr(0, r.target.find('?'));
            continue;
        }
        const size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        std::string name(line.substr(0, colon)), value(line.substr(colon + 1));
        if (header) header(name, value);
        r.headers[name] = value;
    }
    return r;
}

}  // namespace dc::fuzz
