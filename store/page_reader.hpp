#pragma once
// Reads the rows of a damaged SQLite file straight from its pages, for salvage (salvage.hpp).
//
// Why our own: SQLite's own ways need what Debian 12's libsqlite3 3.40 does not have — the CLI's
// `.recover` needs the sqlite_dbpage table (not compiled in: `.recover` fails with "SQL logic
// error" even on a healthy file) and the recovery API arrived in 3.44 — and both need a readable
// header, which is what a stray write destroys first.
//
// What it reads (the file format, sqlite.org/fileformat2.html): every leaf page of a table b-tree
// (rows with their rowid) and of an index b-tree (index entries and WITHOUT ROWID rows), with
// payloads that continue on overflow pages put back together. The newest copy of each page wins:
// a page in the -wal file (frames of its current generation) over the one in the main file. The
// page size comes from the header, else from the WAL's header, else SQLite's default (4096).
// Nothing here trusts a byte: every offset and length is checked against the page it is in.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/error.hpp"

namespace dc::store::pages {

struct Value {
    enum class Type { Null, Integer, Real, Text, Blob } type = Type::Null;
    int64_t integer = 0;
    std::string bytes;  // Text and Blob
    bool isText(std::string_view s) const { return type == Type::Text && bytes == s; }
};
using Record = std::vector<Value>;

// A record (header of serial types, then the values); nullopt when it does not add up.
std::optional<Record> decodeRecord(std::string_view payload);

class Image {
public:
    // The file and its "-wal" companion, if any; files larger than `maxBytes` are refused.
    static Expected<Image> read(const std::filesystem::path& file, uint64_t maxBytes);
    static Image fromBytes(std::string file, std::string wal = {});

    uint32_t pageSize() const { return m_pageSize; }
    uint32_t usableSize() const { return m_pageSize - m_reserved; }
    // How many pages there are: those of the main file and those only in the WAL.
    uint32_t pageCount() const { return m_pageCount; }
    // The numbers of every page there is, in order (a WAL may name pages past the file's end).
    std::vector<uint32_t> pageNumbers() const;
    // The newest copy of page `number` (1-based); empty when there is no such page.
    std::string_view page(uint32_t number) const;

private:
    struct Storage;
    Image() = default;
    void index();
    std::shared_ptr<Storage> m_storage;
    std::string_view m_file, m_wal;
    uint32_t m_pageSize = 4096, m_reserved = 0, m_pageCount = 0, m_filePages = 0;
    std::unordered_map<uint32_t, size_t> m_walPages;  // page number -> offset of its newest frame's page
};

enum class Tree { Table, Index };
struct Cell {
    Tree tree = Tree::Table;
    uint32_t page = 0;
    int64_t rowid = 0;  // table cells only
    Record record;
};
struct ScanCounts {
    uint64_t leafPages = 0, cells = 0;
    uint64_t broken = 0;  // cells whose payload or record could not be put together
};
// Calls `visit` with every cell of every leaf page that decodes.
ScanCounts scanLeaves(const Image& image, const std::function<void(const Cell&)>& visit);

}  // namespace dc::store::pages
