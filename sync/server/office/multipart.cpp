#include "sync/server/office/multipart.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "common/utf8.hpp"

namespace dc::server::office {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// A parameter of a header value: `name=value` or `name="value"` (backslash escapes the next).
std::optional<std::string> parameter(std::string_view header, std::string_view name) {
    size_t pos = 0;
    while ((pos = header.find(';', pos)) != std::string_view::npos) {
        ++pos;
        std::string_view rest = trim(header.substr(pos));
        const size_t eq = rest.find('=');
        if (eq == std::string_view::npos) continue;
        if (lower(trim(rest.substr(0, eq))) != name) continue;
        rest = rest.substr(eq + 1);
        if (rest.empty()) return std::string();
        if (rest.front() != '"') return std::string(trim(rest.substr(0, rest.find(';'))));
        std::string out;
        for (size_t i = 1; i < rest.size(); ++i) {
            if (rest[i] == '\\' && i + 1 < rest.size())
                out += rest[++i];
            else if (rest[i] == '"')
                return out;
            else
                out += rest[i];
        }
        return std::nullopt;  // an unclosed quote
    }
    return std::nullopt;
}

}  // namespace

Expected<std::map<std::string, FormPart>> parseMultipart(std::string_view contentType, std::string_view body) {
    if (lower(trim(contentType.substr(0, contentType.find(';')))) != "multipart/form-data")
        return fail(ErrorCode::InvalidInput, "the form is not multipart/form-data");
    const auto boundary = parameter(contentType, "boundary");
    if (!boundary || boundary->empty() || boundary->size() > 70)
        return fail(ErrorCode::InvalidInput, "the form's boundary is missing or longer than 70 characters");
    const std::string delimiter = "--" + *boundary;
    std::map<std::string, FormPart> parts;
    // The body starts with the first delimiter (a preamble before it is allowed and ignored).
    size_t pos = body.find(delimiter);
    if (pos == std::string_view::npos) return fail(ErrorCode::InvalidInput, "the form has no parts");
    for (;;) {
        pos += delimiter.size();
        if (body.substr(pos, 2) == "--") return parts;  // the closing delimiter
        if (body.substr(pos, 2) != "\r\n")
            return fail(ErrorCode::InvalidInput, "a part's delimiter is not followed by a line break");
        pos += 2;
        const size_t headEnd = body.find("\r\n\r\n", pos);
        if (headEnd == std::string_view::npos) return fail(ErrorCode::InvalidInput, "a part's headers do not end");
        const std::string_view head = body.substr(pos, headEnd - pos);
        const size_t next = body.find("\r\n" + delimiter, headEnd + 4);
        if (next == std::string_view::npos) return fail(ErrorCode::InvalidInput, "the form ends without its closing boundary");
        const std::string_view value = body.substr(headEnd + 4, next - headEnd - 4);
        std::optional<std::string> name, filename;
        size_t line = 0;
        while (line < head.size()) {
            const size_t end = std::min(head.find("\r\n", line), head.size());
            const std::string_view h = head.substr(line, end - line);
            line = end + 2;
            const size_t colon = h.find(':');
            if (colon == std::string_view::npos) return fail(ErrorCode::InvalidInput, "a part has a malformed header");
            if (lower(trim(h.substr(0, colon))) != "content-disposition") continue;
            const std::string_view v = trim(h.substr(colon + 1));
            if (lower(v.substr(0, v.find(';'))) != "form-data") return fail(ErrorCode::InvalidInput, "a part is not form-data");
            name = parameter(v, "name");
            filename = parameter(v, "filename");
        }
        if (!name || name->empty() || name->size() > 64 || !utf8::isValid(*name))
            return fail(ErrorCode::InvalidInput, "a part of the form has no name");
        if (parts.size() >= kMaxParts) return fail(ErrorCode::InvalidInput, "the form has more than 32 parts");
        FormPart part{std::string(value), filename.value_or(""), filename.has_value()};
        if (!part.isFile && !utf8::isValid(part.value))
            return fail(ErrorCode::InvalidInput, "the field \"" + *name + "\" is not valid text");
        if (!parts.emplace(*name, std::move(part)).second)
            return fail(ErrorCode::InvalidInput, "the field \"" + *name + "\" comes twice");
        pos = next + 2;
    }
}

}  // namespace dc::server::office
