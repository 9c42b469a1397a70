#include "store/page_reader.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace dc::store::pages {
namespace {

uint32_t be16(std::string_view s, size_t at) {
    return (static_cast<uint32_t>(static_cast<uint8_t>(s[at])) << 8) | static_cast<uint8_t>(s[at + 1]);
}
uint32_t be32(std::string_view s, size_t at) { return (be16(s, at) << 16) | be16(s, at + 2); }

// A varint of 1 to 9 bytes; nullopt when it runs past the end.
std::optional<uint64_t> varint(std::string_view s, size_t& at) {
    uint64_t v = 0;
    for (int i = 0; i < 9; ++i) {
        if (at >= s.size()) return std::nullopt;
        const auto byte = static_cast<uint8_t>(s[at++]);
        if (i == 8) return (v << 8) | byte;
        v = (v << 7) | (byte & 0x7f);
        if (!(byte & 0x80)) return v;
    }
    return v;
}

bool validPageSize(uint32_t size) { return size >= 512 && size <= 65536 && (size & (size - 1)) == 0; }

constexpr std::string_view kMagic("SQLite format 3\0", 16);

struct Mapping {
    Mapping() = default;
    Mapping(const Mapping&) = delete;
    Mapping& operator=(const Mapping&) = delete;
    void* data = MAP_FAILED;
    size_t size = 0;
    ~Mapping() {
        if (data != MAP_FAILED) ::munmap(data, size);
    }
};

Expected<std::string_view> mapFile(const std::filesystem::path& file, uint64_t maxBytes, bool mustExist, Mapping& map) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        if (!mustExist && errno == ENOENT) return std::string_view();
        return fail(ErrorCode::IoError, "cannot open '" + file.string() + "': " + std::strerror(errno));
    }
    struct stat st {};
    const bool plain = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    if (!plain || static_cast<uint64_t>(st.st_size) > maxBytes) {
        ::close(fd);
        return fail(ErrorCode::IoError,
                    "'" + file.string() + (plain ? "' is larger than salvage reads" : "' is not a plain file"));
    }
    if (st.st_size > 0) {
        map.size = static_cast<size_t>(st.st_size);
        map.data = ::mmap(nullptr, map.size, PROT_READ, MAP_PRIVATE, fd, 0);
    }
    const int mapError = errno;
    ::close(fd);
    if (st.st_size > 0 && map.data == MAP_FAILED)
        return fail(ErrorCode::IoError, "cannot read '" + file.string() + "': " + std::strerror(mapError));
    return st.st_size > 0 ? std::string_view(static_cast<const char*>(map.data), map.size) : std::string_view();
}

}  // namespace

std::optional<Record> decodeRecord(std::string_view payload) {
    size_t at = 0;
    const auto headerSize = varint(payload, at);
    if (!headerSize || *headerSize < at || *headerSize > payload.size()) return std::nullopt;
    std::vector<uint64_t> types;
    while (at < *headerSize) {
        const auto type = varint(payload, at);
        if (!type || at > *headerSize) return std::nullopt;
        types.push_back(*type);
    }
    size_t body = static_cast<size_t>(*headerSize);
    Record record;
    record.reserve(types.size());
    for (const uint64_t type : types) {
        Value v;
        static constexpr size_t kIntegerBytes[] = {0, 1, 2, 3, 4, 6, 8};
        if (type == 0) {
            v.type = Value::Type::Null;
        } else if (type <= 6) {
            const size_t n = kIntegerBytes[type];
            if (payload.size() - body < n) return std::nullopt;
            uint64_t u = 0;
            for (size_t i = 0; i < n; ++i) u = (u << 8) | static_cast<uint8_t>(payload[body + i]);
            const unsigned shift = static_cast<unsigned>(64 - 8 * n);  // sign-extend from n bytes
            v.type = Value::Type::Integer;
            v.integer = static_cast<int64_t>(u << shift) >> shift;
            body += n;
        } else if (type == 7) {
            if (payload.size() - body < 8) return std::nullopt;
            v.type = Value::Type::Real;
            body += 8;
        } else if (type == 8 || type == 9) {
            v.type = Value::Type::Integer;
            v.integer = type == 9 ? 1 : 0;
        } else if (type >= 12) {
            const uint64_t n = (type - 12) / 2;
            if (payload.size() - body < n) return std::nullopt;
            v.type = type % 2 ? Value::Type::Text : Value::Type::Blob;
            v.bytes.assign(payload.substr(body, static_cast<size_t>(n)));
            body += static_cast<size_t>(n);
        } else {
            return std::nullopt;  // 10 and 11 are reserved
        }
        record.push_back(std::move(v));
    }
    return record;
}

struct Image::Storage {
    std::string file, wal;  // fromBytes
    Mapping fileMap, walMap;  // read: mapped, so a large catalog is not copied into memory
};

Expected<Image> Image::read(const std::filesystem::path& file, uint64_t maxBytes) {
    Image image;
    image.m_storage = std::make_shared<Storage>();
    DC_TRY(main, mapFile(file, maxBytes, true, image.m_storage->fileMap));
    DC_TRY(wal, mapFile(file.string() + "-wal", maxBytes, false, image.m_storage->walMap));
    image.m_file = *main;
    image.m_wal = *wal;
    image.index();
    return image;
}

Image Image::fromBytes(std::string file, std::string wal) {
    Image image;
    image.m_storage = std::make_shared<Storage>();
    image.m_storage->file = std::move(file);
    image.m_storage->wal = std::move(wal);
    image.m_file = image.m_storage->file;
    image.m_wal = image.m_storage->wal;
    image.index();
    return image;
}

void Image::index() {
    const bool headerOk = m_file.size() >= 100 && m_file.substr(0, 16) == kMagic;
    uint32_t walPageSize = 0, salt1 = 0, salt2 = 0;
    const uint32_t walMagic = m_wal.size() >= 32 ? be32(m_wal, 0) : 0;
    if (walMagic == 0x377f0682 || walMagic == 0x377f0683) {
        walPageSize = be32(m_wal, 8);
        salt1 = be32(m_wal, 16);
        salt2 = be32(m_wal, 20);
    }
    uint32_t size = headerOk ? be16(m_file, 16) : 0;
    if (size == 1) size = 65536;
    if (validPageSize(size)) {
        m_pageSize = size;
        const auto reserved = static_cast<uint8_t>(m_file[20]);
        if (m_pageSize - reserved >= 480) m_reserved = reserved;
    } else if (validPageSize(walPageSize)) {
        m_pageSize = walPageSize;
    }
    m_filePages = static_cast<uint32_t>(std::min<size_t>(m_file.size() / m_pageSize, UINT32_MAX));
    m_pageCount = m_filePages;
    // WAL frames of the current generation (its salts); a later frame of a page replaces an earlier.
    if (walPageSize == m_pageSize && walPageSize != 0) {
        const size_t frame = 24 + static_cast<size_t>(m_pageSize);
        for (size_t at = 32; at + frame <= m_wal.size(); at += frame) {
            if (be32(m_wal, at + 8) != salt1 || be32(m_wal, at + 12) != salt2) break;
            const uint32_t number = be32(m_wal, at);
            if (number == 0) continue;
            if (m_walPages.insert_or_assign(number, at + 24).second && number > m_filePages) ++m_pageCount;
        }
    }
}

std::vector<uint32_t> Image::pageNumbers() const {
    std::vector<uint32_t> numbers;
    numbers.reserve(m_pageCount);
    for (uint32_t n = 1; n <= m_filePages; ++n) numbers.push_back(n);
    std::vector<uint32_t> walOnly;
    for (const auto& [n, offset] : m_walPages)
        if (n > m_filePages) walOnly.push_back(n);
    std::sort(walOnly.begin(), walOnly.end());
    numbers.insert(numbers.end(), walOnly.begin(), walOnly.end());
    return numbers;
}

std::string_view Image::page(uint32_t number) const {
    if (number == 0) return {};
    if (auto it = m_walPages.find(number); it != m_walPages.end()) return m_wal.substr(it->second, m_pageSize);
    if (number > m_filePages) return {};
    const size_t at = static_cast<size_t>(number - 1) * m_pageSize;
    if (at + m_pageSize > m_file.size()) return {};
    return m_file.substr(at, m_pageSize);
}

namespace {

// The payload of one cell: its part on the page and the rest from its overflow chain.
std::optional<std::string> payloadOf(const Image& image, std::string_view page, size_t at, uint64_t length, Tree tree) {
    const uint64_t usable = image.usableSize();
    const uint64_t maxLocal = tree == Tree::Table ? usable - 35 : ((usable - 12) * 64 / 255) - 23;
    const uint64_t minLocal = ((usable - 12) * 32 / 255) - 23;
    uint64_t local = length;
    if (length > maxLocal) {
        const uint64_t k = minLocal + ((length - minLocal) % (usable - 4));
        local = k <= maxLocal ? k : minLocal;
    }
    if (at > page.size() || page.size() - at < local) return std::nullopt;
    std::string payload(page.substr(at, static_cast<size_t>(local)));
    if (local == length) return payload;
    if (page.size() - at - local < 4) return std::nullopt;
    uint32_t next = be32(page, at + static_cast<size_t>(local));
    // A chain can be no longer than the file has pages; a loop ends there too.
    for (uint32_t hops = 0; payload.size() < length; ++hops) {
        if (hops > image.pageCount()) return std::nullopt;
        const std::string_view overflow = image.page(next);
        if (overflow.size() < usable) return std::nullopt;
        const uint64_t take = std::min<uint64_t>(usable - 4, length - payload.size());
        payload.append(overflow.substr(4, static_cast<size_t>(take)));
        next = be32(overflow, 0);
    }
    return payload;
}

}  // namespace

ScanCounts scanLeaves(const Image& image, const std::function<void(const Cell&)>& visit) {
    ScanCounts counts;
    for (const uint32_t number : image.pageNumbers()) {
        const std::string_view page = image.page(number);
        const size_t header = number == 1 ? 100 : 0;
        if (page.size() < header + 8) continue;
        const auto kind = static_cast<uint8_t>(page[header]);
        if (kind != 0x0D && kind != 0x0A) continue;
        const Tree tree = kind == 0x0D ? Tree::Table : Tree::Index;
        const uint32_t cellCount = be16(page, header + 3);
        if (header + 8 + 2 * static_cast<size_t>(cellCount) > image.usableSize()) continue;  // not a real leaf
        ++counts.leafPages;
        for (uint32_t i = 0; i < cellCount; ++i) {
            size_t at = be16(page, header + 8 + 2 * i);
            if (at < header + 8 || at >= image.usableSize()) {
                ++counts.broken;
                continue;
            }
            ++counts.cells;
            auto length = varint(page, at);
            Cell cell{.tree = tree, .page = number};
            if (tree == Tree::Table) {
                const auto rowid = varint(page, at);
                if (!rowid)
                    length.reset();
                else
                    cell.rowid = static_cast<int64_t>(*rowid);
            }
            std::optional<std::string> payload;
            if (length && *length <= 1'000'000'000) payload = payloadOf(image, page, at, *length, tree);
            std::optional<Record> record;
            if (payload) record = decodeRecord(*payload);
            if (!record) {
                ++counts.broken;
                continue;
            }
            cell.record = std::move(*record);
            visit(cell);
        }
    }
    return counts;
}

}  // namespace dc::store::pages
