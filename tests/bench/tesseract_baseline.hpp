#pragma once
// Tesseract's stock English model reading the same frames, as the benchmark's baseline: the
// frame whole (page segmentation finds the lines), the MRZ alphabet as its only characters.
#include <memory>
#include <string>
#include <vector>

#include "drivers/image/gray_image.hpp"

namespace tesseract {
class TessBaseAPI;
}

namespace dc::idread {

class TesseractBaseline {
public:
    struct Result {
        bool allLinesRight = false;
        long rightCharacters = 0;  // at the same place as in the truth
        double milliseconds = 0;
    };
    static std::unique_ptr<TesseractBaseline> open();  // null (with a note on stderr) without the model
    ~TesseractBaseline();
    Result read(const image::GrayImage& frame, const std::vector<std::string>& truth);

private:
    TesseractBaseline() = default;
    std::unique_ptr<tesseract::TessBaseAPI> m_api;
};

}  // namespace dc::idread
