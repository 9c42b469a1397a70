#include "support/temp_dir.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace dc::test {

TempDir::TempDir() {
    // scripts/screenshots.sh asks for the same names on every run (screens that show a path then
    // give the same picture); it runs one test at a time. Otherwise mkdtemp's random names.
    const char* fixed = std::getenv("DC_FIXED_TEMP_NAMES");
    if (fixed && std::string(fixed) == "1") {
        static int next = 0;
        for (int tries = 0; tries < 1000; ++tries) {
            const auto candidate = std::filesystem::temp_directory_path() / ("dc-test-" + std::to_string(++next));
            std::error_code ec;
            if (std::filesystem::create_directory(candidate, ec)) {
                m_path = candidate;
                return;
            }
        }
        throw std::runtime_error("no free fixed temporary folder name");
    }
    std::string pattern = (std::filesystem::temp_directory_path() / "dc-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    m_path = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void writeFile(const std::filesystem::path& file, const std::string& content) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << content;
}

}  // namespace dc::test
