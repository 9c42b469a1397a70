// dc-catalog-gen: writes a generated catalog as a JSON Lines sync batch.
#include <charconv>
#include <cstdio>
#include <fstream>
#include <string>

#include "catalog/catalog_generator.hpp"
#include "catalog/demo_catalog.hpp"
#include "catalog/catalog_json.hpp"

namespace {

constexpr const char* kUsage =
    "Usage: dc-catalog-gen [--seed N] [--jobs N] [--courses N] [--out FILE]\n"
    "       dc-catalog-gen --kiosk-seed [--out FILE]\n"
    "Writes a deterministic, realistic catalog (JSON Lines sync batch) to FILE or standard output.\n"
    "--kiosk-seed writes the catalog the demo kiosk starts with, for a demo server to import.\n";

bool parseCount(const char* text, uint64_t max, uint64_t& out) {
    const std::string s = text;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size() && out <= max;
}

}  // namespace

int main(int argc, char** argv) {
    dc::catalog::GeneratorOptions options;
    std::string out;
    bool kioskSeed = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--help") {
            std::fputs(kUsage, stdout);
            return 0;
        }
        if (arg == "--kiosk-seed") {
            kioskSeed = true;
            continue;
        }
        if (i + 1 >= argc) {
            std::fprintf(stderr, "dc-catalog-gen: %s needs a value\n%s", arg.c_str(), kUsage);
            return 2;
        }
        const char* value = argv[++i];
        uint64_t n = 0;
        if (arg == "--seed" && parseCount(value, UINT64_MAX, n))
            options.seed = n;
        else if (arg == "--jobs" && parseCount(value, 10'000'000, n))
            options.jobs = n;
        else if (arg == "--courses" && parseCount(value, 1'000'000, n))
            options.courses = n;
        else if (arg == "--out")
            out = value;
        else {
            std::fprintf(stderr, "dc-catalog-gen: bad option or value: %s %s\n%s", arg.c_str(), value, kUsage);
            return 2;
        }
    }
    const std::string text =
        dc::catalog::toJsonLines(kioskSeed ? dc::catalog::kioskSeedCatalog() : dc::catalog::generateCatalog(options));
    if (out.empty()) {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return std::ferror(stdout) ? 1 : 0;
    }
    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    if (!(file << text) || !file.flush()) {
        std::fprintf(stderr, "dc-catalog-gen: cannot write %s\n", out.c_str());
        return 1;
    }
    return 0;
}
