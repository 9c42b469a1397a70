#pragma once
// An 8-bit grayscale image: what the camera drivers deliver and the ID reader reads. Small on
// purpose: bilinear sampling, box and Gaussian blur, PNG/JPEG in and PNG out (stb).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/error.hpp"

namespace dc::image {

struct GrayImage {
    int width = 0, height = 0;
    std::vector<uint8_t> pixels;  // row-major, width * height

    GrayImage() = default;
    GrayImage(int w, int h, uint8_t fill = 0)
        : width(w), height(h), pixels(static_cast<size_t>(w) * static_cast<size_t>(h), fill) {}
    bool empty() const { return width <= 0 || height <= 0; }
    uint8_t at(int x, int y) const {
        return pixels[static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)];
    }
    uint8_t& at(int x, int y) { return pixels[static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)]; }
    // Bilinear; outside the image the nearest edge pixel.
    float sample(float x, float y) const;
};

// The largest image accepted from a file: a 12-megapixel still, with room.
inline constexpr int kMaxImageSide = 8192;

// PNG, JPEG, BMP and more (stb_image), converted to gray. Errors name the file and the cause.
Expected<GrayImage> loadImage(const std::filesystem::path& file);
Expected<GrayImage> decodeImage(const uint8_t* data, size_t size);
Expected<void> savePng(const GrayImage& image, const std::filesystem::path& file);
// A JPEG in memory (quality 1-100): what an ID photo is sent as, a tenth of a PNG's size.
Expected<std::string> encodeJpeg(const GrayImage& image, int quality = 85);
// The part of `in` inside the rectangle, clipped to the image (empty when nothing is left).
GrayImage crop(const GrayImage& in, int x, int y, int width, int height);

GrayImage boxBlur(const GrayImage& in, int radius);
GrayImage gaussianBlur(const GrayImage& in, float sigma);
// Every `factor`-th pixel's neighbourhood averaged: a quick smaller copy.
GrayImage downscale(const GrayImage& in, int factor);

}  // namespace dc::image
