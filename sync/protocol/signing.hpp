#pragma once
// Request authentication of protocol v1 (see sync/PROTOCOL.md, "Authentication"):
//   signature = hex(HMAC-SHA256(device secret, METHOD \n TARGET \n TIMESTAMP \n hex(SHA-256(body))))
// TARGET is the path with its query string exactly as sent. The server accepts a timestamp within
// kReplayWindowSeconds of its own clock; every message that changes anything is idempotent, so a
// replay inside the window changes nothing.
#include <cstdint>
#include <string>
#include <string_view>
#include <optional>
#include <vector>

namespace dc::sync {

inline constexpr int64_t kReplayWindowSeconds = 300;
inline constexpr size_t kSecretBytes = 32;

std::string sha256Hex(std::string_view data);
std::string hexEncode(const std::vector<uint8_t>& bytes);
// nullopt when `hex` is not an even number of hex digits.
std::optional<std::vector<uint8_t>> hexDecode(std::string_view hex);
std::string randomHex(size_t bytes);
std::string base64Encode(std::string_view bytes);
std::optional<std::string> base64Decode(std::string_view text);
// SHA-256 computed piece by piece.
class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    std::string finalHex();

private:
    alignas(16) unsigned char m_state[128];
};

std::string canonicalRequest(std::string_view method, std::string_view target, int64_t timestamp, std::string_view body);
// `secretHex` is the device secret as handed out at enrollment (64 hex digits).
// Empty when the secret is not valid hex of the right length.
std::string signRequest(std::string_view secretHex, std::string_view method, std::string_view target, int64_t timestamp,
                        std::string_view body);
// Constant-time comparison of the expected signature with the one received.
bool signatureMatches(std::string_view secretHex, std::string_view method, std::string_view target, int64_t timestamp,
                      std::string_view body, std::string_view signatureHex);

}  // namespace dc::sync
