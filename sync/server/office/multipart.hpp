#pragma once
// multipart/form-data (RFC 7578), what a browser sends for a form with a file: the console's feed
// upload. Only what such a form holds is taken: named parts, a file's bytes as they came, text
// fields as UTF-8. Anything else (no boundary, a part without a name, a name twice, more than
// kMaxParts parts, a boundary that never closes) is refused with the reason, and nothing is taken.
#include <map>
#include <string>
#include <string_view>

#include "common/error.hpp"

namespace dc::server::office {

inline constexpr size_t kMaxParts = 32;

struct FormPart {
    std::string value;  // the bytes of the part
    std::string filename;  // set for a file
    bool isFile = false;
};

// `contentType` is the request's Content-Type header ("multipart/form-data; boundary=...").
Expected<std::map<std::string, FormPart>> parseMultipart(std::string_view contentType, std::string_view body);

}  // namespace dc::server::office
