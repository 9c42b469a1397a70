#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "drivers/printer/printer.hpp"

namespace dc::printer {

std::string encodeEscPos(const image::GrayImage& picture) {
    std::string out = "\x1b@";  // ESC @: initialise
    const int bytesWide = (picture.width + 7) / 8;
    // GS v 0 in bands of at most 255 rows: printers' buffers are small, and every printer takes them.
    for (int top = 0; top < picture.height; top += 255) {
        const int rows = std::min(255, picture.height - top);
        out += "\x1dv0";
        out += '\0';  // mode 0: normal size
        out += static_cast<char>(bytesWide & 0xff);
        out += static_cast<char>(bytesWide >> 8);
        out += static_cast<char>(rows & 0xff);
        out += static_cast<char>(rows >> 8);
        for (int y = top; y < top + rows; ++y)
            for (int bx = 0; bx < bytesWide; ++bx) {
                unsigned char byte = 0;
                for (int bit = 0; bit < 8; ++bit) {
                    const int x = bx * 8 + bit;
                    if (x < picture.width && picture.at(x, y) < 128) byte |= static_cast<unsigned char>(0x80 >> bit);
                }
                out += static_cast<char>(byte);
            }
    }
    out +=
        "\x1b"
        "d\x04";  // ESC d 4: feed four lines past the cutter
    out += "\x1dV\x01";  // GS V 1: partial cut
    return out;
}

namespace {

class EscPosPrinter final : public Printer {
public:
    EscPosPrinter(std::filesystem::path device, int width, std::filesystem::path fonts)
        : m_device(std::move(device)), m_width(width), m_fonts(std::move(fonts)) {}
    Expected<void> print(const Receipt& receipt) override {
        DC_TRY(picture, drawReceipt(receipt, m_width, m_fonts));
        const std::string bytes = encodeEscPos(*picture);
        // Only a character device, never through a symbolic link: a wrong setting must not turn
        // "Test the printer" into writing over a file.
        const int fd = ::open(m_device.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
        if (fd < 0)
            return fail(errno == ENOENT || errno == ENODEV || errno == ENXIO ? ErrorCode::Transient : ErrorCode::IoError,
                        "the printer " + m_device.string() + " cannot be reached (" + std::strerror(errno) +
                            "): is it on and plugged in?");
        struct stat st {};
        if (::fstat(fd, &st) != 0 || !S_ISCHR(st.st_mode)) {
            ::close(fd);
            return fail(ErrorCode::InvalidInput, "the printer " + m_device.string() + " is not a device: check printer.device");
        }
        // Writes block again: a printer takes its time.
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        size_t done = 0;
        while (done < bytes.size()) {
            const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                const int e = errno;
                ::close(fd);
                return fail(ErrorCode::Transient,
                            "the printer stopped taking the receipt (" + std::string(std::strerror(e)) + "): out of paper?");
            }
            done += static_cast<size_t>(n);
        }
        ::close(fd);
        return {};
    }

private:
    std::filesystem::path m_device;
    int m_width;
    std::filesystem::path m_fonts;
};

class PngPrinter final : public Printer {
public:
    PngPrinter(std::filesystem::path dir, int width, std::filesystem::path fonts)
        : m_dir(std::move(dir)), m_width(width), m_fonts(std::move(fonts)) {}
    Expected<void> print(const Receipt& receipt) override {
        DC_TRY(picture, drawReceipt(receipt, m_width, m_fonts));
        std::error_code ec;
        std::filesystem::create_directories(m_dir, ec);
        return image::savePng(*picture, m_dir / ("receipt-" + std::to_string(++m_count) + ".png"));
    }

private:
    std::filesystem::path m_dir;
    int m_width;
    std::filesystem::path m_fonts;
    int m_count = 0;
};

}  // namespace

std::unique_ptr<Printer> makeEscPosPrinter(std::filesystem::path device, int width, std::filesystem::path fontDir) {
    return std::make_unique<EscPosPrinter>(std::move(device), width, std::move(fontDir));
}
std::unique_ptr<Printer> makePngPrinter(std::filesystem::path directory, int width, std::filesystem::path fontDir) {
    return std::make_unique<PngPrinter>(std::move(directory), width, std::move(fontDir));
}

}  // namespace dc::printer
