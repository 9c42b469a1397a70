#include "sync/protocol/signing.hpp"

#include <sodium.h>

#include <array>
#include <vector>

namespace dc::sync {
namespace {

// libsodium must be initialised before its random generator is used; sodium_init is idempotent.
[[maybe_unused]] const int kSodiumReady = sodium_init();

std::string toHex(const unsigned char* bytes, size_t n) {
    std::string hex(n * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes, n);
    hex.pop_back();
    return hex;
}

bool fromHex(std::string_view hex, std::vector<unsigned char>& out, size_t expectedBytes) {
    if (hex.size() != expectedBytes * 2) return false;
    out.assign(expectedBytes, 0);
    size_t written = 0;
    const char* end = nullptr;
    return sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &written, &end) == 0 &&
        written == expectedBytes && end == hex.data() + hex.size();
}

}  // namespace

std::string sha256Hex(std::string_view data) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(data.data()), data.size());
    return toHex(digest.data(), digest.size());
}

std::string hexEncode(const std::vector<uint8_t>& bytes) { return toHex(bytes.data(), bytes.size()); }

std::optional<std::vector<uint8_t>> hexDecode(std::string_view hex) {
    std::vector<unsigned char> out;
    if (hex.size() % 2 != 0 || !fromHex(hex, out, hex.size() / 2)) return std::nullopt;
    return std::vector<uint8_t>(out.begin(), out.end());
}

std::string base64Encode(std::string_view bytes) {
    std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      sodium_base64_VARIANT_ORIGINAL);
    out.pop_back();  // the terminating NUL
    return out;
}

std::optional<std::string> base64Decode(std::string_view text) {
    std::string out(text.size() / 4 * 3 + 3, '\0');
    size_t written = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr, &written,
                          &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != text.data() + text.size())
        return std::nullopt;
    out.resize(written);
    return out;
}

static_assert(sizeof(crypto_hash_sha256_state) <= 128, "Sha256::m_state holds libsodium's state");

Sha256::Sha256() { crypto_hash_sha256_init(reinterpret_cast<crypto_hash_sha256_state*>(m_state)); }

void Sha256::update(std::string_view bytes) {
    crypto_hash_sha256_update(reinterpret_cast<crypto_hash_sha256_state*>(m_state),
                              reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

std::string Sha256::finalHex() {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(reinterpret_cast<crypto_hash_sha256_state*>(m_state), digest.data());
    return toHex(digest.data(), digest.size());
}

std::string randomHex(size_t bytes) {
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    return toHex(raw.data(), raw.size());
}

std::string canonicalRequest(std::string_view method, std::string_view target, int64_t timestamp, std::string_view body) {
    std::string text;
    text.reserve(method.size() + target.size() + 100);
    text.append(method).append("\n").append(target).append("\n").append(std::to_string(timestamp));
    text.append("\n").append(sha256Hex(body));
    return text;
}

std::string signRequest(std::string_view secretHex, std::string_view method, std::string_view target, int64_t timestamp,
                        std::string_view body) {
    std::vector<unsigned char> key;
    if (!fromHex(secretHex, key, kSecretBytes)) return {};
    const std::string text = canonicalRequest(method, target, timestamp, body);
    std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, key.data(), key.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    crypto_auth_hmacsha256_final(&state, mac.data());
    sodium_memzero(key.data(), key.size());
    return toHex(mac.data(), mac.size());
}

bool signatureMatches(std::string_view secretHex, std::string_view method, std::string_view target, int64_t timestamp,
                      std::string_view body, std::string_view signatureHex) {
    const std::string expected = signRequest(secretHex, method, target, timestamp, body);
    if (expected.empty() || signatureHex.size() != expected.size()) return false;
    return sodium_memcmp(expected.data(), signatureHex.data(), expected.size()) == 0;
}

}  // namespace dc::sync
