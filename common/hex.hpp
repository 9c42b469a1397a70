#pragma once
// Hex text for ids and digests (libsodium's encoder).
#include <sodium.h>

#include <string>
#include <vector>

namespace dc {

inline std::string toHex(const unsigned char* bytes, size_t n) {
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), bytes, n);
    out.pop_back();
    return out;
}

// `bytes` random bytes as hex: ids that cannot collide in practice.
inline std::string randomHex(size_t bytes) {
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    return toHex(raw.data(), raw.size());
}

}  // namespace dc
