#pragma once
// Errors are values across module boundaries. An Error carries a machine-checkable code, a plain
// message a technician can act on, and context added on the way up ("opening the database: ...").
#include <expected>
#include <string>
#include <utility>

namespace dc {

enum class ErrorCode {
    InvalidInput,  // malformed or hostile input: a script, a query, a config value
    NotFound,  // the thing asked for does not exist
    IoError,  // the file system refused
    StoreCorrupt,  // the database file is damaged or not a database
    StoreTooNew,  // the database was written by a newer program
    StoreError,  // any other SQLite failure
    MissingResource,  // a font, a display or another part of the machine is absent
    Internal,  // a bug: an invariant did not hold
    Transient,  // worth retrying later: network down, server busy or failing, timeouts
    Refused,  // the other side said no for good (bad request, unknown device): do not retry as is
    Conflict,  // someone else changed it first: look again, then decide
};

const char* toString(ErrorCode code);

class Error {
public:
    Error(ErrorCode code, std::string message) : m_code(code), m_message(std::move(message)) {}

    ErrorCode code() const { return m_code; }
    const std::string& message() const { return m_message; }

    // Prefixes what the caller was doing, so the final message reads outermost first.
    Error withContext(const std::string& context) const& { return {m_code, context + ": " + m_message}; }

private:
    ErrorCode m_code;
    std::string m_message;
};

template <class T>
using Expected = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorCode code, std::string message) {
    return std::unexpected<Error>(Error(code, std::move(message)));
}

// Early return for code that threads Expected values through many steps (parsers, SQL):
//   DC_TRY(rows, query(...));   // rows is the Expected; returns its error when it has one
//   DC_CHECK(exec(...));        // the same for a result that is not kept
#define DC_TRY(var, expr) \
    auto var = (expr);    \
    if (!var) return std::unexpected(var.error())
#define DC_CHECK(expr) \
    if (auto dc_check_ = (expr); !dc_check_) return std::unexpected(dc_check_.error())

}  // namespace dc
