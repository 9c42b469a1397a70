#include "tests/bench/tesseract_baseline.hpp"

#include <chrono>
#include <cstdio>
#include <sstream>

#include <tesseract/baseapi.h>

namespace dc::idread {

TesseractBaseline::~TesseractBaseline() {
    if (m_api) m_api->End();
}

std::unique_ptr<TesseractBaseline> TesseractBaseline::open() {
    std::unique_ptr<TesseractBaseline> t(new TesseractBaseline);
    t->m_api = std::make_unique<tesseract::TessBaseAPI>();
    // (OMP_THREAD_LIMIT=1 must be in the environment before start: ctest sets it.)
    if (t->m_api->Init(nullptr, "eng", tesseract::OEM_LSTM_ONLY) != 0) {
        std::fprintf(stderr, "tesseract baseline: the 'eng' model is not installed (tesseract-ocr-eng); skipped\n");
        return nullptr;
    }
    t->m_api->SetVariable("tessedit_char_whitelist", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<");
    t->m_api->SetPageSegMode(tesseract::PSM_AUTO);
    t->m_api->SetVariable("user_defined_dpi", "300");  // frames carry no DPI; say it once, not per frame
    return t;
}

TesseractBaseline::Result TesseractBaseline::read(const image::GrayImage& frame, const std::vector<std::string>& truth) {
    Result r;
    const auto start = std::chrono::steady_clock::now();
    m_api->SetImage(frame.pixels.data(), frame.width, frame.height, 1, frame.width);
    char* text = m_api->GetUTF8Text();
    r.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    // Its lines that look like the zone's: about as long, with fillers. The last ones count.
    std::vector<std::string> lines;
    std::istringstream in(text ? text : "");
    delete[] text;
    for (std::string line; std::getline(in, line);) {
        std::string packed;
        for (char c : line)
            if (c != ' ') packed += c;
        if (packed.size() + 6 >= truth[0].size() && packed.size() <= truth[0].size() + 6) lines.push_back(packed);
    }
    if (lines.size() > truth.size()) lines.erase(lines.begin(), lines.end() - static_cast<long>(truth.size()));
    bool all = lines.size() == truth.size();
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string& want = truth[truth.size() - lines.size() + i];
        for (size_t c = 0; c < std::min(want.size(), lines[i].size()); ++c) r.rightCharacters += want[c] == lines[i][c];
        all = all && want == lines[i];
    }
    r.allLinesRight = all;
    return r;
}

}  // namespace dc::idread
