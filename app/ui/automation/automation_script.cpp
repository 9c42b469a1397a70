#include "app/ui/automation/automation_script.hpp"

#include <array>
#include <charconv>
#include <fstream>
#include <sstream>

#include "app/ui/kit/i18n.hpp"
#include "common/utf8.hpp"

namespace dc::ui {
namespace {

struct Command {
    std::string_view word;
    StepKind kind;
};
constexpr std::array kCommands = {
    Command{"language", StepKind::Language},
    Command{"tap", StepKind::Tap},
    Command{"type", StepKind::Type},
    Command{"key", StepKind::Key},
    Command{"expect", StepKind::Expect},
    Command{"expect-not", StepKind::ExpectNot},
    Command{"screenshot", StepKind::Screenshot},
    Command{"dump", StepKind::Dump},
    Command{"wait", StepKind::Wait},
    Command{"swipe", StepKind::Swipe},
    Command{"listen-for", StepKind::ListenFor},
    Command{"tap-at", StepKind::TapAt},
    Command{"close-window", StepKind::CloseWindow},
    Command{"expect-gone", StepKind::ExpectGone},
};

constexpr std::array<std::string_view, 12> kKeyNames = {"Enter", "Escape", "Backspace", "Tab",    "Up",     "Down",
                                                        "Left",  "Right",  "Alt+F4",    "Ctrl+Q", "Ctrl+W", "Alt+Tab"};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

Error lineError(int line, const std::string& what) {
    return Error(ErrorCode::InvalidInput, "script line " + std::to_string(line) + ": " + what);
}

// Parses a "quoted" argument; nothing but spaces may follow the closing quote.
Expected<std::string> unquote(std::string_view s, int line) {
    std::string out;
    size_t i = 1;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '"') break;
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i == s.size()) return std::unexpected(lineError(line, "the line ends inside an escape"));
        switch (s[i]) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case 'n': out += '\n'; break;
            default: return std::unexpected(lineError(line, std::string("unknown escape \\") + s[i]));
        }
    }
    if (i >= s.size()) return std::unexpected(lineError(line, "the closing quote is missing"));
    if (!trim(s.substr(i + 1)).empty()) return std::unexpected(lineError(line, "unexpected text after the closing quote"));
    return out;
}

}  // namespace

std::optional<std::pair<int, int>> parsePoint(std::string_view text) {
    const size_t space = text.find(' ');
    if (space == std::string_view::npos) return std::nullopt;
    auto number = [](std::string_view s, int& out) {
        const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
        return ec == std::errc() && p == s.data() + s.size() && out >= 0 && out <= 16384;
    };
    int x = 0, y = 0;
    if (!number(text.substr(0, space), x) || !number(trim(text.substr(space + 1)), y)) return std::nullopt;
    return std::pair{x, y};
}

const char* toString(StepKind kind) {
    for (const Command& c : kCommands)
        if (c.kind == kind) return c.word.data();
    return "?";
}

bool isKnownKeyName(std::string_view name) {
    for (auto known : kKeyNames)
        if (known == name) return true;
    return false;
}

Expected<std::vector<ScriptStep>> parseScript(std::string_view text) {
    if (text.size() > kMaxScriptBytes)
        return fail(ErrorCode::InvalidInput,
                    "the script is " + std::to_string(text.size()) + " bytes; the limit is " + std::to_string(kMaxScriptBytes));
    std::vector<ScriptStep> steps;
    int lineNo = 0;
    size_t pos = 0;
    while (pos <= text.size()) {
        const size_t end = std::min(text.find('\n', pos), text.size());
        const std::string_view raw = text.substr(pos, end - pos);
        pos = end + 1;
        ++lineNo;
        if (raw.size() > kMaxScriptLineBytes)
            return std::unexpected(
                lineError(lineNo, "the line is longer than " + std::to_string(kMaxScriptLineBytes) + " bytes"));
        if (raw.find('\0') != std::string_view::npos) return std::unexpected(lineError(lineNo, "the line contains a NUL byte"));
        if (!utf8::isValid(raw)) return std::unexpected(lineError(lineNo, "the line is not valid UTF-8"));
        const std::string_view line = trim(raw);
        if (line.empty() || line.front() == '#') continue;

        const size_t space = line.find_first_of(" \t");
        const std::string_view word = line.substr(0, space);
        const std::string_view rest = space == std::string_view::npos ? std::string_view() : trim(line.substr(space));
        const Command* command = nullptr;
        for (const Command& c : kCommands)
            if (c.word == word) command = &c;
        if (!command) return std::unexpected(lineError(lineNo, "unknown command '" + std::string(word.substr(0, 40)) + "'"));

        std::string argument;
        if (!rest.empty() && rest.front() == '"') {
            auto unquoted = unquote(rest, lineNo);
            if (!unquoted) return std::unexpected(unquoted.error());
            argument = std::move(*unquoted);
        } else {
            argument = std::string(rest);
        }
        if (command->kind == StepKind::CloseWindow) {
            if (!argument.empty()) return std::unexpected(lineError(lineNo, "close-window takes no argument"));
        } else if (argument.empty())
            return std::unexpected(lineError(lineNo, "'" + std::string(word) + "' needs an argument"));

        switch (command->kind) {
            case StepKind::Language:
                if (!languageFromCode(argument))
                    return std::unexpected(
                        lineError(lineNo, "unknown language '" + argument.substr(0, 40) + "' (use en, ka, ru or be)"));
                break;
            case StepKind::Key:
                if (!isKnownKeyName(argument))
                    return std::unexpected(lineError(lineNo, "unknown key '" + argument.substr(0, 40) + "'"));
                break;
            case StepKind::Swipe:
                if (argument != "up" && argument != "down") return std::unexpected(lineError(lineNo, "swipe takes up or down"));
                break;
            case StepKind::TapAt:
                if (!parsePoint(argument))
                    return std::unexpected(lineError(lineNo, "tap-at takes two whole numbers of pixels, X and Y"));
                break;
            case StepKind::Wait: {
                int ms = -1;
                const auto [ptr, ec] = std::from_chars(argument.data(), argument.data() + argument.size(), ms);
                if (ec != std::errc() || ptr != argument.data() + argument.size() || ms < 0 || ms > kMaxWaitMs)
                    return std::unexpected(lineError(lineNo, "wait takes milliseconds from 0 to " + std::to_string(kMaxWaitMs)));
                break;
            }
            default: break;
        }
        if (steps.size() == kMaxScriptSteps)
            return std::unexpected(lineError(lineNo, "more than " + std::to_string(kMaxScriptSteps) + " steps"));
        steps.push_back({command->kind, std::move(argument), lineNo});
    }
    return steps;
}

Expected<std::vector<ScriptStep>> loadScript(const std::filesystem::path& file) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) return fail(ErrorCode::IoError, "cannot read script '" + file.string() + "': " + ec.message());
    if (size > kMaxScriptBytes) return fail(ErrorCode::InvalidInput, "script '" + file.string() + "' is larger than 1 MiB");
    std::ifstream in(file, std::ios::binary);
    if (!in) return fail(ErrorCode::IoError, "cannot open script '" + file.string() + "'");
    std::ostringstream text;
    text << in.rdbuf();
    auto steps = parseScript(text.str());
    if (!steps) return std::unexpected(steps.error().withContext(file.string()));
    return steps;
}

}  // namespace dc::ui
