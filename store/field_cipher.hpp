#pragma once
// Encryption of personal fields with the device key (libsodium secretbox: XSalsa20-Poly1305).
// What identifies a person (name, document number, phone, date of birth, ID images) is only ever
// stored as the output of seal(); the key lives in a file readable by the kiosk user alone.
//
// Each sealed value is bound to where it belongs (a context such as "profile:42:name"), so a
// value copied to another row or column does not open there.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace dc::store {

using Blob = std::vector<uint8_t>;

class FieldCipher {
public:
    // Reads the 32-byte key at `keyFile`, or creates one (mode 0600) when the file does not exist
    // and `mayCreate` (not for a key systemd opened: that one is never made here).
    // A key file of the wrong size is refused and left alone: replacing it would make every
    // stored record unreadable.
    static Expected<FieldCipher> openDeviceKey(const std::filesystem::path& keyFile, bool mayCreate = true);
    // For tests and tools: a key given directly (must be 32 bytes).
    static Expected<FieldCipher> fromKey(std::string_view key);

    Expected<Blob> seal(std::string_view context, std::string_view plaintext) const;
    Expected<std::string> open(std::string_view context, const Blob& sealed) const;

    static constexpr size_t kMaxPlaintextBytes = 16 * 1024 * 1024;  // an ID image at most

    FieldCipher(FieldCipher&&) noexcept;
    FieldCipher& operator=(FieldCipher&&) noexcept;
    ~FieldCipher();

private:
    struct Key;
    explicit FieldCipher(std::unique_ptr<Key> key);
    std::unique_ptr<Key> m_key;
};

}  // namespace dc::store
