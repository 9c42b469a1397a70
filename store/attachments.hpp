#pragma once
// Attachments: files that go with an outbox record (an ID photo with a registration). Each is a
// sealed file in `attachments/` beside the database (device key, bound to its id) plus a row
// saying what it is and whether the server has it whole. Sync uploads them in chunks and
// deletes the file only after the server confirmed every byte (SHA-256 checked there).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"
#include "store/field_cipher.hpp"

namespace dc::store {

inline constexpr size_t kMaxAttachmentBytes = 16 * 1024 * 1024;

struct AttachmentRecord {
    std::string id, kind, recordId, sha256;
    int64_t size = 0, attempts = 0;
};

// Seals `bytes` into a new file (written whole and synced before the row is added) and queues it.
Expected<AttachmentRecord> queueAttachment(Database& db, const FieldCipher& cipher, const std::string& kind,
                                           const std::string& recordId, std::string_view bytes);
Expected<std::vector<AttachmentRecord>> pendingAttachments(const Database& db, size_t limit);
// The attachment's bytes, opened; an error when the file is missing or does not open.
Expected<std::string> readAttachment(const Database& db, const FieldCipher& cipher, const AttachmentRecord& a);
// The server holds it whole: marked done, then its file is deleted.
Expected<void> attachmentDelivered(Database& db, const std::string& id);
Expected<void> attachmentAttemptFailed(Database& db, const std::string& id, const std::string& error);
Expected<void> quarantineAttachment(Database& db, const std::string& id, const std::string& reason);
// The file of an attachment whose row was rolled back with the rest of its transaction.
void discardAttachmentFile(const Database& db, const std::string& id);
// Files left by a crash: of delivered attachments (between the commit and the delete) and files
// no row names (between writing the file and adding the row). Returns how many were removed.
Expected<size_t> removeLeftoverAttachmentFiles(const Database& db);

}  // namespace dc::store
