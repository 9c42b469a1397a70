// Runs a libFuzzer target without libFuzzer (GCC builds, CI): every file of the corpus
// directories given, then a fixed number of deterministic mutations of them (byte flips,
// insertions, deletions, splices). A crash or trap fails the test; the input is printed first.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {
void run(const std::string& input) { LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.data()), input.size()); }
}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> corpus;
    long iterations = 300000;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("--iterations=", 0) == 0) {
            iterations = std::strtol(arg.c_str() + 13, nullptr, 10);
            continue;
        }
        for (const auto& entry : std::filesystem::directory_iterator(arg)) {
            std::ifstream in(entry.path(), std::ios::binary);
            corpus.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
    }
    if (corpus.empty()) corpus.emplace_back();
    for (const auto& input : corpus) run(input);
    std::mt19937 rng(20261123);
    const std::string interesting = "<0O1I2Z5S8B\n\r\xff\x80\t a";
    for (long n = 0; n < iterations; ++n) {
        std::string s = corpus[rng() % corpus.size()];
        const int edits = 1 + static_cast<int>(rng() % 8);
        for (int e = 0; e < edits; ++e) {
            const size_t at = s.empty() ? 0 : rng() % (s.size() + 1);
            switch (rng() % 5) {
                case 0:
                    if (!s.empty() && at < s.size()) s[at] = static_cast<char>(rng());
                    break;
                case 1: s.insert(at, 1, interesting[rng() % interesting.size()]); break;
                case 2:
                    if (at < s.size()) s.erase(at, 1 + rng() % 8);
                    break;
                case 3: {
                    const auto& o = corpus[rng() % corpus.size()];
                    s.insert(at, o.substr(0, rng() % (o.size() + 1)));
                    break;
                }
                case 4:
                    if (at < s.size()) s[at] = interesting[rng() % interesting.size()];
                    break;
            }
        }
        run(s);
    }
    std::printf("fuzz (standalone): %zu corpus inputs and %ld mutations, no crash\n", corpus.size(), iterations);
    return 0;
}
