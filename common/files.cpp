#include "common/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace dc::files {

Expected<std::string> readRegularFile(const std::string& path, size_t maxBytes) {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; the file type is checked before any read.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        if (errno == ELOOP) return fail(ErrorCode::InvalidInput, path + " is a symbolic link: only a plain file is read");
        return fail(ErrorCode::IoError, path + " cannot be opened: " + std::strerror(errno));
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return fail(ErrorCode::InvalidInput, path + " is not a plain file");
    }
    if (st.st_size < 0 || static_cast<size_t>(st.st_size) > maxBytes) {
        ::close(fd);
        return fail(ErrorCode::InvalidInput, path + " is larger than " + std::to_string(maxBytes) + " bytes");
    }
    std::string out;
    out.resize(maxBytes + 1);
    size_t got = 0;
    while (got < out.size()) {
        const ssize_t n = ::read(fd, out.data() + got, out.size() - got);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n < 0) {
            const int e = errno;
            ::close(fd);
            return fail(ErrorCode::IoError, path + " cannot be read: " + std::strerror(e));
        }
        if (n == 0) break;
        got += static_cast<size_t>(n);
    }
    ::close(fd);
    if (got > maxBytes) return fail(ErrorCode::InvalidInput, path + " is larger than " + std::to_string(maxBytes) + " bytes");
    out.resize(got);
    return out;
}

}  // namespace dc::files
