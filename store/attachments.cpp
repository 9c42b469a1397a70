#include "store/attachments.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "common/hex.hpp"
#include "store/salvage.hpp"
#include "store/sqlite_statement.hpp"

namespace dc::store {
namespace {

std::filesystem::path folderOf(const Database& db) { return db.path().parent_path() / "attachments"; }
std::filesystem::path fileOf(const Database& db, const std::string& id) { return folderOf(db) / (id + ".sealed"); }

// Writes the whole file under a temporary name, syncs it, then renames it into place.
Expected<void> writeDurably(const std::filesystem::path& file, const Blob& bytes) {
    const std::filesystem::path tmp = file.string() + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) return fail(ErrorCode::IoError, "cannot create " + tmp.string());
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) {
            ::close(fd);
            std::filesystem::remove(tmp);
            return fail(ErrorCode::IoError, "cannot write " + tmp.string() + " (is the disk full?)");
        }
        done += static_cast<size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    std::error_code ec;
    if (!synced) {
        std::filesystem::remove(tmp, ec);
        return fail(ErrorCode::IoError, "cannot flush " + tmp.string());
    }
    std::filesystem::rename(tmp, file, ec);
    if (ec) return fail(ErrorCode::IoError, "cannot move " + tmp.string() + " into place: " + ec.message());
    return {};
}

Expected<void> update(Database& db, const char* sql, const std::string& id, const std::string& text) {
    DC_TRY(stmt, Statement::prepare(db, sql));
    stmt->bind(1, id);
    stmt->bind(2, text);
    if (stmt->step() != SQLITE_DONE) return std::unexpected(db.lastError("updating an attachment"));
    return {};
}

}  // namespace

Expected<AttachmentRecord> queueAttachment(Database& db, const FieldCipher& cipher, const std::string& kind,
                                           const std::string& recordId, std::string_view bytes) {
    if (bytes.empty() || bytes.size() > kMaxAttachmentBytes)
        return fail(ErrorCode::InvalidInput, "an attachment is 1 byte to 16 MiB");
    // Both travel in the upload's address: plain letters, digits and '-' only.
    auto plain = [](const std::string& t, size_t min) {
        return t.size() >= min && t.size() <= 64 &&
            t.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
    };
    if (!plain(kind, 1)) return fail(ErrorCode::InvalidInput, "an attachment's kind is lower-case letters, digits and '-'");
    if (!plain(recordId, 0)) return fail(ErrorCode::InvalidInput, "an attachment's record id is letters, digits and '-'");
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    AttachmentRecord a{.id = randomHex(16),
                       .kind = kind,
                       .recordId = recordId,
                       .sha256 = toHex(digest, sizeof digest),
                       .size = static_cast<int64_t>(bytes.size())};
    std::error_code ec;
    std::filesystem::create_directories(folderOf(db), ec);
    if (ec) return fail(ErrorCode::IoError, "cannot create " + folderOf(db).string() + ": " + ec.message());
    auto sealed = cipher.seal("attachment:" + a.id, bytes);
    if (!sealed) return std::unexpected(sealed.error());
    if (auto r = writeDurably(fileOf(db, a.id), *sealed); !r) return std::unexpected(r.error());
    DC_TRY(stmt,
           Statement::prepare(db, "INSERT INTO attachments (id, kind, record_id, size, sha256) VALUES (?1, ?2, ?3, ?4, ?5)"));
    stmt->bind(1, a.id);
    stmt->bind(2, a.kind);
    stmt->bind(3, a.recordId);
    stmt->bind(4, a.size);
    stmt->bind(5, a.sha256);
    if (stmt->step() != SQLITE_DONE) {
        std::filesystem::remove(fileOf(db, a.id), ec);
        return std::unexpected(db.lastError("queueing an attachment"));
    }
    return a;
}

Expected<std::vector<AttachmentRecord>> pendingAttachments(const Database& db, size_t limit) {
    DC_TRY(stmt,
           Statement::prepare(db,
                              "SELECT id, kind, record_id, sha256, size, attempts FROM attachments "
                              "WHERE state = 'pending' ORDER BY created_at, id LIMIT ?1"));
    stmt->bind(1, static_cast<int64_t>(limit));
    std::vector<AttachmentRecord> out;
    DC_CHECK(stmt->eachRow(db, "listing attachments", [&] {
        out.push_back({stmt->text(0), stmt->text(1), stmt->text(2), stmt->text(3), stmt->integer(4), stmt->integer(5)});
    }));
    return out;
}

Expected<std::string> readAttachment(const Database& db, const FieldCipher& cipher, const AttachmentRecord& a) {
    std::ifstream in(fileOf(db, a.id), std::ios::binary);
    if (!in) return fail(ErrorCode::NotFound, "the file of attachment " + a.id + " is missing");
    const Blob sealed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto bytes = cipher.open("attachment:" + a.id, sealed);
    if (!bytes) return std::unexpected(bytes.error().withContext("opening attachment " + a.id));
    if (static_cast<int64_t>(bytes->size()) != a.size)
        return fail(ErrorCode::StoreCorrupt, "attachment " + a.id + " is not the size it was saved with");
    return bytes;
}

Expected<void> attachmentDelivered(Database& db, const std::string& id) {
    if (auto r = update(db, "UPDATE attachments SET state = 'done', last_error = ?2 WHERE id = ?1", id, ""); !r) return r;
    std::error_code ec;
    std::filesystem::remove(fileOf(db, id), ec);  // a failure leaves a file the next clean-up removes
    return {};
}

Expected<void> attachmentAttemptFailed(Database& db, const std::string& id, const std::string& error) {
    return update(db, "UPDATE attachments SET attempts = attempts + 1, last_error = ?2 WHERE id = ?1", id, error);
}

Expected<void> quarantineAttachment(Database& db, const std::string& id, const std::string& reason) {
    return update(db, "UPDATE attachments SET state = 'quarantined', last_error = ?2 WHERE id = ?1", id, reason);
}

void discardAttachmentFile(const Database& db, const std::string& id) {
    std::error_code ec;
    std::filesystem::remove(fileOf(db, id), ec);
}

Expected<size_t> removeLeftoverAttachmentFiles(const Database& db) {
    std::error_code ec;
    if (!std::filesystem::exists(folderOf(db), ec)) return size_t{0};
    // Files of a moved-aside database are its attachments until salvage has put their rows back.
    if (!unsalvagedCopies(db).empty()) return size_t{0};
    std::set<std::string> keep, delivered;
    DC_TRY(stmt, Statement::prepare(db, "SELECT id, state = 'done' FROM attachments"));
    while (stmt->step() == SQLITE_ROW) (stmt->integer(1) ? delivered : keep).insert(stmt->text(0) + ".sealed");
    // A file no row names may be one being queued right now on another connection: only a file
    // that has been there a while is a leftover.
    const auto settled = std::filesystem::file_time_type::clock::now() - std::chrono::minutes(10);
    size_t removed = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folderOf(db), ec)) {
        const std::string name = entry.path().filename().string();
        if (keep.count(name)) continue;
        const bool leftover = delivered.count(name) || entry.last_write_time(ec) < settled;
        if (leftover && std::filesystem::remove(entry.path(), ec)) ++removed;
    }
    return removed;
}

}  // namespace dc::store
