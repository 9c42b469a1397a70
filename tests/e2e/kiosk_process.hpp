#pragma once
// Starts the real dc-kiosk as a separate process (on a private Xvfb unless told otherwise) and
// collects its exit code and output.
#include <filesystem>
#include <string>
#include <vector>

namespace dc::test {

struct ProcessResult {
    int exitCode = -1;
    std::string output;  // stdout and stderr together
};

struct KioskRun {
    std::string binary = DC_KIOSK_PATH;
    std::vector<std::string> args;
    std::string script;  // written to a file and passed with --script when not empty
    bool underXvfb = true;
    std::string environment;  // prefix such as "env -u DISPLAY SDL_VIDEODRIVER=x11"
};

ProcessResult runKiosk(const KioskRun& run, const std::filesystem::path& workDir);

// The display of the private Xvfb (started on first use, stopped at exit): ":N".
const std::string& xvfbDisplay();

// Shell-quotes one argument.
std::string quote(const std::string& arg);

// A count as the screen writes it: 3,016 in English, 3 016 (a no-break space) in Georgian,
// Russian and Belarusian. Written out here, not taken from the kiosk, so a test notices a change.
inline std::string shownCount(long long n, const std::string& language = "en") {
    const std::string digits = std::to_string(n < 0 ? -n : n), separator = language == "en" ? "," : "\u00A0";
    std::string out = n < 0 ? "-" : "";
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
        out += digits[i];
    }
    return out;
}

}  // namespace dc::test
