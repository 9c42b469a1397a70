#include "drivers/image/gray_image.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

#include <stb_image.h>
#include <stb_image_write.h>

namespace dc::image {

float GrayImage::sample(float x, float y) const {
    x = std::clamp(x, 0.0f, static_cast<float>(width - 1));
    y = std::clamp(y, 0.0f, static_cast<float>(height - 1));
    const int x0 = static_cast<int>(x), y0 = static_cast<int>(y);
    const int x1 = std::min(x0 + 1, width - 1), y1 = std::min(y0 + 1, height - 1);
    const float fx = x - static_cast<float>(x0), fy = y - static_cast<float>(y0);
    const float top = at(x0, y0) + (at(x1, y0) - at(x0, y0)) * fx;
    const float bottom = at(x0, y1) + (at(x1, y1) - at(x0, y1)) * fx;
    return top + (bottom - top) * fy;
}

Expected<GrayImage> decodeImage(const uint8_t* data, size_t size) {
    if (size == 0) return fail(ErrorCode::InvalidInput, "the image is empty");
    if (size > (256u << 20)) return fail(ErrorCode::InvalidInput, "the image file is larger than 256 MB");
    int w = 0, h = 0, channels = 0;
    if (!stbi_info_from_memory(data, static_cast<int>(size), &w, &h, &channels))
        return fail(ErrorCode::InvalidInput, std::string("not a readable image (") + stbi_failure_reason() + ")");
    if (w <= 0 || h <= 0 || w > kMaxImageSide || h > kMaxImageSide)
        return fail(ErrorCode::InvalidInput,
                    "the image is " + std::to_string(w) + "x" + std::to_string(h) + "; at most " + std::to_string(kMaxImageSide) +
                        " pixels a side are read");
    uint8_t* pixels = stbi_load_from_memory(data, static_cast<int>(size), &w, &h, &channels, 1);
    if (!pixels)
        return fail(ErrorCode::InvalidInput, std::string("the image could not be decoded (") + stbi_failure_reason() + ")");
    GrayImage out(w, h);
    std::copy(pixels, pixels + static_cast<size_t>(w) * static_cast<size_t>(h), out.pixels.begin());
    stbi_image_free(pixels);
    return out;
}

Expected<GrayImage> loadImage(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return fail(ErrorCode::IoError, file.string() + ": cannot be opened");
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto image = decodeImage(bytes.data(), bytes.size());
    if (!image) return std::unexpected(image.error().withContext(file.string()));
    return image;
}

Expected<void> savePng(const GrayImage& image, const std::filesystem::path& file) {
    if (image.empty()) return fail(ErrorCode::InvalidInput, "an empty image is not saved");
    if (!stbi_write_png(file.c_str(), image.width, image.height, 1, image.pixels.data(), image.width))
        return fail(ErrorCode::IoError, file.string() + ": the PNG could not be written");
    return {};
}

Expected<std::string> encodeJpeg(const GrayImage& image, int quality) {
    if (image.empty()) return fail(ErrorCode::InvalidInput, "an empty image is not encoded");
    std::string out;
    auto append = [](void* context, void* data, int size) {
        static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<size_t>(size));
    };
    if (!stbi_write_jpg_to_func(append, &out, image.width, image.height, 1, image.pixels.data(), std::clamp(quality, 1, 100)))
        return fail(ErrorCode::IoError, "the JPEG could not be encoded");
    return out;
}

GrayImage crop(const GrayImage& in, int x, int y, int width, int height) {
    const int x0 = std::clamp(x, 0, in.width), y0 = std::clamp(y, 0, in.height);
    const int x1 = std::clamp(x + std::max(0, width), 0, in.width), y1 = std::clamp(y + std::max(0, height), 0, in.height);
    if (x1 <= x0 || y1 <= y0) return {};
    GrayImage out(x1 - x0, y1 - y0);
    for (int row = y0; row < y1; ++row)
        std::copy_n(in.pixels.begin() + static_cast<ptrdiff_t>(row) * in.width + x0, x1 - x0,
                    out.pixels.begin() + static_cast<ptrdiff_t>(row - y0) * out.width);
    return out;
}

namespace {
// One pass of a running-sum box filter along rows (transpose = false) or columns.
GrayImage boxPass(const GrayImage& in, int r, bool columns) {
    GrayImage out(in.width, in.height);
    const int n = columns ? in.height : in.width, lines = columns ? in.width : in.height;
    std::vector<int> prefix(static_cast<size_t>(n) + 1);
    for (int line = 0; line < lines; ++line) {
        for (int i = 0; i < n; ++i)
            prefix[static_cast<size_t>(i) + 1] = prefix[static_cast<size_t>(i)] + (columns ? in.at(line, i) : in.at(i, line));
        for (int i = 0; i < n; ++i) {
            const int a = std::max(0, i - r), b = std::min(n - 1, i + r);
            const int v = (prefix[static_cast<size_t>(b) + 1] - prefix[static_cast<size_t>(a)]) / (b - a + 1);
            (columns ? out.at(line, i) : out.at(i, line)) = static_cast<uint8_t>(v);
        }
    }
    return out;
}
}  // namespace

GrayImage boxBlur(const GrayImage& in, int radius) {
    if (radius <= 0 || in.empty()) return in;
    return boxPass(boxPass(in, radius, false), radius, true);
}

GrayImage gaussianBlur(const GrayImage& in, float sigma) {
    if (sigma < 0.3f || in.empty()) return in;
    // Three box passes approximate a Gaussian (each box of width w adds (w^2 - 1) / 12 variance).
    const int r = std::max(1, static_cast<int>(std::lround((std::sqrt(4.0f * sigma * sigma + 1.0f) - 1.0f) / 2.0f)));
    return boxBlur(boxBlur(boxBlur(in, r), r), r);
}

GrayImage downscale(const GrayImage& in, int factor) {
    if (factor <= 1) return in;
    GrayImage out(std::max(1, in.width / factor), std::max(1, in.height / factor));
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x) {
            int sum = 0;
            for (int dy = 0; dy < factor; ++dy)
                for (int dx = 0; dx < factor; ++dx)
                    sum += in.at(std::min(in.width - 1, x * factor + dx), std::min(in.height - 1, y * factor + dy));
            out.at(x, y) = static_cast<uint8_t>(sum / (factor * factor));
        }
    return out;
}

}  // namespace dc::image
