// Attachments (ID photos): chunks taken as they arrive (a cut connection resumes where the server
// says it holds), assembled and checked against their SHA-256 when whole.
#include "sync/protocol/signing.hpp"
#include "sync/server/central_service.hpp"

namespace dc::server {

Expected<std::vector<AttachmentInfo>> CentralService::attachments() {
    auto c = m_pool.acquire();
    DC_TRY(rows,
           c->query("SELECT id, device_id, kind, record_id, sha256, size, received, complete FROM attachments "
                    "ORDER BY created_at, id"));
    std::vector<AttachmentInfo> out;
    for (const auto& r : *rows)
        out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.integer(5), r.integer(6), r.integer(7) != 0});
    return out;
}

namespace {

// The attachment's bytes in order, hashed on the way; nullopt when a chunk is damaged.
Expected<std::pair<std::string, std::string>> assemble(SqlConnection& c, const std::string& id) {
    DC_TRY(chunks, c.query("SELECT data FROM attachment_chunks WHERE id = $1 ORDER BY start_at", {id}));
    std::string bytes;
    sync::Sha256 hash;
    for (const auto& row : *chunks) {
        auto part = sync::base64Decode(row.text(0));
        if (!part) return fail(ErrorCode::Internal, "a stored chunk of attachment " + id + " is damaged");
        hash.update(*part);
        bytes += *part;
    }
    return std::pair{std::move(bytes), hash.finalHex()};
}

}  // namespace

Expected<std::string> CentralService::attachmentBytes(const std::string& id) {
    auto c = m_pool.acquire();
    DC_TRY(rows, c->query("SELECT complete FROM attachments WHERE id = $1", {id}));
    if (rows->empty() || (*rows)[0].integer(0) == 0) return fail(ErrorCode::NotFound, "no complete attachment has this id");
    DC_TRY(whole, assemble(*c, id));
    return std::move(whole->first);
}

Expected<sync::AttachmentStatus> CentralService::attachmentStatus(const std::string& deviceId, const std::string& id) {
    auto c = m_pool.acquire();
    DC_TRY(rows, c->query("SELECT received, size, complete FROM attachments WHERE id = $1 AND device_id = $2", {id, deviceId}));
    if (rows->empty()) return fail(ErrorCode::NotFound, "the server has nothing of this attachment yet");
    return sync::AttachmentStatus{(*rows)[0].integer(0), (*rows)[0].integer(1), (*rows)[0].integer(2) != 0};
}

Expected<ChunkAnswer> CentralService::putChunk(const ChunkUpload& u) {
    if (u.size <= 0 || u.size > static_cast<int64_t>(sync::kMaxAttachmentBytes))
        return fail(ErrorCode::InvalidInput, "an attachment is 1 byte to 16 MiB");
    if (u.bytes.empty() || u.bytes.size() > sync::kMaxChunkBytes)
        return fail(ErrorCode::InvalidInput, "a chunk is 1 byte to 1 MiB");
    // Written so it cannot overflow: offset + bytes <= size, with offset up to INT64_MAX.
    if (u.offset < 0 || u.offset > u.size - static_cast<int64_t>(u.bytes.size()))
        return fail(ErrorCode::InvalidInput, "the chunk does not fit inside the attachment's size");
    if (u.sha256.size() != 64 || u.sha256.find_first_not_of("0123456789abcdef") != std::string::npos)
        return fail(ErrorCode::InvalidInput, "sha256 must be 64 lower-case hex digits");
    auto c = m_pool.acquire();
    return inTransaction<ChunkAnswer>(*c, [&]() -> Expected<ChunkAnswer> {
        DC_CHECK(
            c->query("INSERT INTO attachments (id, device_id, kind, record_id, size, sha256, created_at) "
                     "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING",
                     {u.id, u.deviceId, u.kind, u.recordId, u.size, u.sha256, now()}));
        DC_TRY(known, c->query("SELECT device_id, size, sha256, received, complete FROM attachments WHERE id = $1", {u.id}));
        const SqlRow& a = (*known)[0];
        if (a.text(0) != u.deviceId) return fail(ErrorCode::Refused, "this attachment id belongs to another device");
        if (a.integer(1) != u.size || a.text(2) != u.sha256)
            return fail(ErrorCode::InvalidInput, "size or sha256 differ from the attachment's first chunk");
        ChunkAnswer answer{{a.integer(3), a.integer(1), a.integer(4) != 0}};
        if (answer.status.complete) return answer;  // a repeat of the last chunk: already whole
        // The bytes count moves only if the chunk starts exactly where they end: one statement,
        // so two servers cannot both append the same chunk.
        DC_TRY(moved,
               c->query("UPDATE attachments SET received = received + $3 WHERE id = $1 AND received = $2 "
                        "RETURNING received",
                        {u.id, u.offset, static_cast<int64_t>(u.bytes.size())}));
        if (moved->empty()) {
            answer.offsetMismatch = true;
            return answer;
        }
        DC_CHECK(c->query("INSERT INTO attachment_chunks (id, start_at, data) VALUES ($1, $2, $3)",
                          {u.id, u.offset, sync::base64Encode(u.bytes)}));
        answer.status.received = (*moved)[0].integer(0);
        if (answer.status.received < u.size) return answer;
        DC_TRY(whole, assemble(*c, u.id));
        if (whole->second != u.sha256) {
            // Start again from nothing rather than keep bytes that do not add up.
            DC_CHECK(c->query("DELETE FROM attachment_chunks WHERE id = $1", {u.id}));
            DC_CHECK(c->query("UPDATE attachments SET received = 0 WHERE id = $1", {u.id}));
            answer.status.received = 0;
            answer.checksumFailed = true;
            return answer;
        }
        DC_CHECK(c->query("UPDATE attachments SET complete = 1 WHERE id = $1", {u.id}));
        answer.status.complete = true;
        return answer;
    });
}

}  // namespace dc::server
