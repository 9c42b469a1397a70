#include "store/field_cipher.hpp"

#include <sodium.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>

namespace dc::store {

// The key sits in guarded memory (sodium_malloc: locked, fenced, wiped on free).
struct FieldCipher::Key {
    unsigned char* bytes = nullptr;
    Key() : bytes(static_cast<unsigned char*>(sodium_malloc(crypto_secretbox_KEYBYTES))) {}
    ~Key() { sodium_free(bytes); }
    Key(const Key&) = delete;
    Key& operator=(const Key&) = delete;
};

FieldCipher::FieldCipher(std::unique_ptr<Key> key) : m_key(std::move(key)) {}
FieldCipher::FieldCipher(FieldCipher&&) noexcept = default;
FieldCipher& FieldCipher::operator=(FieldCipher&&) noexcept = default;
FieldCipher::~FieldCipher() = default;

namespace {

Expected<void> initSodium() {
    if (sodium_init() < 0) return fail(ErrorCode::IoError, "the cryptography library could not start");
    return {};
}

}  // namespace

Expected<FieldCipher> FieldCipher::fromKey(std::string_view key) {
    if (auto r = initSodium(); !r) return std::unexpected(r.error());
    if (key.size() != crypto_secretbox_KEYBYTES)
        return fail(
            ErrorCode::InvalidInput,
            "a device key must be " + std::to_string(crypto_secretbox_KEYBYTES) + " bytes, not " + std::to_string(key.size()));
    auto k = std::make_unique<Key>();
    if (!k->bytes) return fail(ErrorCode::IoError, "no memory for the device key");
    std::memcpy(k->bytes, key.data(), key.size());
    return FieldCipher(std::move(k));
}

Expected<FieldCipher> FieldCipher::openDeviceKey(const std::filesystem::path& keyFile, bool mayCreate) {
    if (auto r = initSodium(); !r) return std::unexpected(r.error());
    auto k = std::make_unique<Key>();
    if (!k->bytes) return fail(ErrorCode::IoError, "no memory for the device key");

    int fd = ::open(keyFile.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0 && errno == ENOENT && mayCreate) {
        // First start: make a key. O_EXCL so two processes never both write one.
        randombytes_buf(k->bytes, crypto_secretbox_KEYBYTES);
        const std::string tmp = keyFile.string() + ".new";
        const int out = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (out < 0) return fail(ErrorCode::IoError, "cannot create the device key " + tmp + ": " + std::strerror(errno));
        const bool written =
            ::write(out, k->bytes, crypto_secretbox_KEYBYTES) == static_cast<ssize_t>(crypto_secretbox_KEYBYTES) &&
            ::fsync(out) == 0;
        ::close(out);
        if (!written || ::rename(tmp.c_str(), keyFile.c_str()) != 0) {
            ::unlink(tmp.c_str());
            return fail(ErrorCode::IoError, "cannot write the device key " + keyFile.string());
        }
        return FieldCipher(std::move(k));
    }
    if (fd < 0) return fail(ErrorCode::IoError, "cannot read the device key " + keyFile.string() + ": " + std::strerror(errno));
    struct stat st {};
    const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    // A key others may read opens every sealed field of a copied data folder: it is made the
    // kiosk's alone (a copy restored from a backup often comes back 0644), or refused.
    if (regular && (st.st_mode & 077) != 0 && ::fchmod(fd, 0600) != 0) {
        ::close(fd);
        return fail(ErrorCode::IoError,
                    "the device key " + keyFile.string() +
                        " can be read by other users and could not be made private: " + std::strerror(errno));
    }
    const ssize_t n = regular ? ::read(fd, k->bytes, crypto_secretbox_KEYBYTES) : -1;
    unsigned char extra = 0;
    const bool more = regular && ::read(fd, &extra, 1) > 0;
    ::close(fd);
    if (!regular || n != static_cast<ssize_t>(crypto_secretbox_KEYBYTES) || more)
        return fail(ErrorCode::InvalidInput,
                    "the device key " + keyFile.string() +
                        " is damaged (it must be a file of exactly 32 bytes); it was left as "
                        "it is, because replacing it would lose every stored record");
    return FieldCipher(std::move(k));
}

// Sealed layout: nonce (24 bytes) | secretbox(context length (4 bytes) | context | plaintext).
Expected<Blob> FieldCipher::seal(std::string_view context, std::string_view plaintext) const {
    if (plaintext.size() > kMaxPlaintextBytes || context.size() > 1024)
        return fail(ErrorCode::InvalidInput,
                    "a personal field is too large to store (" + std::to_string(plaintext.size()) + " bytes)");
    std::string inner(4, '\0');
    const auto len = static_cast<uint32_t>(context.size());
    for (int i = 0; i < 4; ++i) inner[static_cast<size_t>(i)] = static_cast<char>((len >> (8 * i)) & 0xFF);
    inner.append(context);
    inner.append(plaintext);
    Blob out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + inner.size());
    randombytes_buf(out.data(), crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(out.data() + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(inner.data()),
                          inner.size(), out.data(), m_key->bytes);
    sodium_memzero(inner.data(), inner.size());
    return out;
}

Expected<std::string> FieldCipher::open(std::string_view context, const Blob& sealed) const {
    constexpr size_t kOverhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
    if (sealed.size() < kOverhead + 4) return fail(ErrorCode::InvalidInput, "a stored personal field is damaged (too short)");
    std::string inner(sealed.size() - kOverhead, '\0');
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(inner.data()), sealed.data() + crypto_secretbox_NONCEBYTES,
                                   sealed.size() - crypto_secretbox_NONCEBYTES, sealed.data(), m_key->bytes) != 0)
        return fail(ErrorCode::InvalidInput,
                    "a stored personal field does not open with this device's key (damaged, or from another device)");
    uint32_t len = 0;
    for (int i = 0; i < 4; ++i)
        len |= static_cast<uint32_t>(static_cast<unsigned char>(inner[static_cast<size_t>(i)])) << (8 * i);
    if (len != context.size() || inner.compare(4, len, context) != 0) {
        sodium_memzero(inner.data(), inner.size());
        return fail(ErrorCode::InvalidInput, "a stored personal field belongs to another record");
    }
    std::string plain = inner.substr(4 + len);
    sodium_memzero(inner.data(), inner.size());
    return plain;
}

}  // namespace dc::store
