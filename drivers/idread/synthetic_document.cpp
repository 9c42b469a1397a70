#include "drivers/idread/synthetic_document.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "drivers/idread/transliterate.hpp"

namespace dc::idread {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kPxPerMm = 10;

// Names as people in the first two countries write them; the MRZ shows their transliteration.
constexpr std::array kGeorgianSurnames = {"ბერიძე", "კაპანაძე",    "გელაშვილი",  "მაისურაძე", "წიკლაური",
                                          "ლომიძე", "ჯავახიშვილი", "ხარაიშვილი", "ქავთარაძე", "ღლონტი",
                                          "ნოზაძე", "ჭანტურია",    "ცხადაძე",    "შენგელია",  "დოლიძე"};
constexpr std::array kGeorgianGiven = {"ნინო",      "გიორგი", "თამარ",  "დავით", "მარიამ",  "ლევან", "ანა",  "ნიკოლოზ",
                                       "ეკატერინე", "ირაკლი", "სალომე", "ზურაბ", "ქეთევან", "ლუკა",  "ელენე"};
constexpr std::array kBelarusianSurnames = {"Шэўчук",    "Мельнік", "Кавальчук",  "Бондар",     "Карпенка",
                                            "Жук",       "Лысенка", "Сакалоўскі", "Гурыновіч",  "Васілевіч",
                                            "Шчарбакоў", "Юркевіч", "Ярмоленка",  "Дземідовіч", "Пятрова"};
constexpr std::array kBelarusianGiven = {"Алена",    "Аляксандр", "Вольга", "Сяргей", "Наталля",  "Андрэй", "Марыя", "Павел",
                                         "Кацярына", "Дзмітрый",  "Юлія",   "Іван",   "Святлана", "Міхаіл", "Ганна", "Ольга"};

template <class T>
const auto& pick(std::mt19937& rng, const T& items) {
    return items[std::uniform_int_distribution<size_t>(0, items.size() - 1)(rng)];
}
int uniformInt(std::mt19937& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
double uniform(std::mt19937& rng, double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); }

std::string digits(std::mt19937& rng, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += static_cast<char>('0' + uniformInt(rng, 0, 9));
    return s;
}
std::string letters(std::mt19937& rng, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += static_cast<char>('A' + uniformInt(rng, 0, 25));
    return s;
}
std::string date(std::mt19937& rng, int yearLo, int yearHi) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int y = uniformInt(rng, yearLo, yearHi), m = uniformInt(rng, 1, 12), d = uniformInt(rng, 1, kDays[m - 1]);
    char out[8];
    std::snprintf(out, sizeof out, "%02d%02d%02d", y % 100, m, d);
    return out;
}
char check(const std::string& s) { return static_cast<char>('0' + mrzCheckDigit(s)); }
std::string padded(std::string s, size_t width) {
    s.resize(width, '<');
    return s;
}
std::string nameField(const Identity& id, size_t width) {
    std::string given = id.givenNames;
    std::replace(given.begin(), given.end(), ' ', '<');
    return padded(id.surname + "<<" + given, width);
}

// Solves the 8 unknowns of the homography taking from[i] to to[i].
std::array<double, 9> homography(const std::array<std::pair<double, double>, 4>& from,
                                 const std::array<std::pair<double, double>, 4>& to) {
    double a[8][9] = {};
    for (int i = 0; i < 4; ++i) {
        const auto [x, y] = from[static_cast<size_t>(i)];
        const auto [u, v] = to[static_cast<size_t>(i)];
        double* r1 = a[2 * i];
        double* r2 = a[2 * i + 1];
        r1[0] = x, r1[1] = y, r1[2] = 1, r1[6] = -u * x, r1[7] = -u * y, r1[8] = u;
        r2[3] = x, r2[4] = y, r2[5] = 1, r2[6] = -v * x, r2[7] = -v * y, r2[8] = v;
    }
    for (int c = 0; c < 8; ++c) {
        int best = c;
        for (int r = c + 1; r < 8; ++r)
            if (std::abs(a[r][c]) > std::abs(a[best][c])) best = r;
        for (int k = 0; k < 9; ++k) std::swap(a[c][k], a[best][k]);
        for (int r = 0; r < 8; ++r) {
            if (r == c || a[c][c] == 0) continue;
            const double f = a[r][c] / a[c][c];
            for (int k = c; k < 9; ++k) a[r][k] -= f * a[c][k];
        }
    }
    std::array<double, 9> h{};
    for (int i = 0; i < 8; ++i) h[static_cast<size_t>(i)] = a[i][8] / a[i][i];
    h[8] = 1;
    return h;
}

uint8_t clampByte(double v) { return static_cast<uint8_t>(std::clamp(v, 0.0, 255.0)); }

}  // namespace

Identity randomIdentity(std::mt19937& rng, MrzFormat format) {
    Identity id;
    id.format = format;
    const bool georgian = uniformInt(rng, 0, 1) == 0;
    id.issuingState = id.nationality = georgian ? "GEO" : "BLR";
    id.documentCode = format == MrzFormat::TD3 ? "P" : "ID";
    id.surnameNative = georgian ? pick(rng, kGeorgianSurnames) : pick(rng, kBelarusianSurnames);
    id.givenNamesNative = georgian ? pick(rng, kGeorgianGiven) : pick(rng, kBelarusianGiven);
    if (uniformInt(rng, 0, 5) == 0)
        id.givenNamesNative += std::string(" ") + (georgian ? pick(rng, kGeorgianGiven) : pick(rng, kBelarusianGiven));
    id.surname = transliterateForMrz(id.surnameNative).value_or("X");
    id.givenNames = transliterateForMrz(id.givenNamesNative).value_or("X");
    std::replace(id.givenNames.begin(), id.givenNames.end(), '<', ' ');
    id.sex = uniformInt(rng, 0, 1) ? "F" : "M";
    id.birthDate = date(rng, 1950, 2008);
    id.expiryDate = date(rng, 2026, 2036);
    if (georgian) {
        // Georgian numbers: two digits, two letters, five digits; an 11-digit personal number.
        id.documentNumber = digits(rng, 2) + letters(rng, 2) + digits(rng, 5);
        id.optionalData = digits(rng, 11);
    } else {
        // Belarusian: two letters and seven digits; a 14-character identification number.
        id.documentNumber = letters(rng, 2) + digits(rng, 7);
        id.optionalData = digits(rng, 7) + letters(rng, 1) + digits(rng, 3) + letters(rng, 2) + digits(rng, 1);
    }
    // Some ID cards carry a number longer than nine characters (ICAO 9303-5 4.2.4).
    if (format == MrzFormat::TD1 && uniformInt(rng, 0, 9) == 0) {
        id.documentNumber += digits(rng, 3);
        id.optionalData.resize(std::min<size_t>(id.optionalData.size(), 9));
    }
    return id;
}

std::vector<std::string> composeMrz(const Identity& id) {
    if (id.format == MrzFormat::TD1) {
        std::string l1 = padded(id.documentCode, 2) + id.issuingState;
        if (id.documentNumber.size() > 9)
            l1 += id.documentNumber.substr(0, 9) + "<" + id.documentNumber.substr(9) + check(id.documentNumber) + "<" +
                id.optionalData;
        else
            l1 += padded(id.documentNumber, 9) + check(padded(id.documentNumber, 9)) + id.optionalData;
        l1 = padded(l1, 30);
        std::string l2 = id.birthDate + check(id.birthDate) + id.sex + id.expiryDate + check(id.expiryDate) + id.nationality;
        l2 = padded(l2, 29);
        l2 += check(l1.substr(5, 25) + l2.substr(0, 7) + l2.substr(8, 7) + l2.substr(18, 11));
        return {l1, l2, nameField(id, 30)};
    }
    const size_t width = id.format == MrzFormat::TD2 ? 36 : 44;
    const std::string l1 = padded(id.documentCode, 2) + id.issuingState + nameField(id, width - 5);
    const std::string number = padded(id.documentNumber, 9);
    std::string l2 = number + check(number) + id.nationality + id.birthDate + check(id.birthDate) + id.sex + id.expiryDate +
        check(id.expiryDate);
    if (id.format == MrzFormat::TD2) {
        l2 += padded(id.optionalData.substr(0, 7), 7);
        l2 += check(l2.substr(0, 10) + l2.substr(13, 7) + l2.substr(21, 14));
    } else {
        const std::string personal = padded(id.optionalData.substr(0, 14), 14);
        l2 += personal + (id.optionalData.empty() ? '<' : check(personal));
        l2 += check(l2.substr(0, 10) + l2.substr(13, 7) + l2.substr(21, 22));
    }
    return {l1, l2};
}

SceneParams randomScene(std::mt19937& rng, double level) {
    SceneParams p;
    level = std::clamp(level, 0.0, 1.0);
    p.rotationDegrees = uniform(rng, -1, 1) * (1.5 + 10 * level);
    p.perspective = uniform(rng, 0, 0.01 + 0.06 * level);
    p.scale = uniform(rng, 0.85 - 0.3 * level, 0.92);
    p.blurSigma = uniform(rng, 0.3, 0.5 + 1.2 * level);
    p.motionPixels = uniform(rng, 0, 3.5 * level);
    p.noiseSigma = uniform(rng, 1, 2 + 7 * level);
    p.glare = uniform(rng, 0, 1) < 0.6 * level ? uniform(rng, 0.2, 0.35 + 0.4 * level) : 0;
    p.shadow = uniform(rng, 0, 0.5 * level);
    p.paper = uniformInt(rng, static_cast<int>(180 - 40 * level), 240);
    p.ink = uniformInt(rng, 15, static_cast<int>(50 + 50 * level));
    p.centreX = 0.5 + uniform(rng, -0.04, 0.04);
    p.centreY = 0.5 + uniform(rng, -0.04, 0.04);
    return p;
}

Expected<std::unique_ptr<DocumentRenderer>> DocumentRenderer::open(const std::filesystem::path& ocrbFont) {
    std::unique_ptr<DocumentRenderer> r(new DocumentRenderer);
    // Size the MRZ font so its fixed pitch is 2.54 mm (ten characters to the inch, ICAO 9303-3).
    DC_TRY(probe, OcrbFont::open(ocrbFont, 100));
    const int em = static_cast<int>(std::lround(100.0 * 2.54 * kPxPerMm / (*probe)->advance()));
    DC_TRY(mrz, OcrbFont::open(ocrbFont, em));
    DC_TRY(small, OcrbFont::open(ocrbFont, em * 3 / 4));
    r->m_mrzFont = std::move(*mrz);
    r->m_smallFont = std::move(*small);
    return r;
}

image::GrayImage DocumentRenderer::printDocument(const Identity& id, std::mt19937& rng, const SceneParams& p) const {
    const bool card = id.format == MrzFormat::TD1;
    const int w = (card ? 856 : 1250) * kPxPerMm / 10, h = (card ? 540 : 880) * kPxPerMm / 10;
    image::GrayImage doc(w, h);
    // Security print: faint waves over the paper tone.
    const double f1 = uniform(rng, 0.03, 0.08), f2 = uniform(rng, 0.005, 0.02), phase = uniform(rng, 0, 6.28);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const double wave = 0.5 + 0.5 * std::sin(x * f1 + 9 * std::sin(y * f2 + phase));
            doc.at(x, y) = clampByte(p.paper - 18 * wave);
        }
    // A portrait on the passport page; a printed block on the card's back.
    const uint8_t shade = clampByte(p.paper * 0.55 + p.ink * 0.45);
    const int px0 = w / 16, py0 = h / 7, pw = card ? w / 4 : w / 4, ph = card ? h / 3 : h * 2 / 5;
    for (int y = py0; y < py0 + ph; ++y)
        for (int x = px0; x < px0 + pw; ++x) doc.at(x, y) = clampByte(shade + 25 * std::sin(x * 0.07) * std::cos(y * 0.05));
    // Printed fields: short lines of letters and digits, like the MRZ's but fewer and smaller.
    const int small = m_smallFont->advance();
    const int fieldsX = px0 + pw + small * 2;
    const int mrzTop = h - (card ? 3 : 2) * 42 * kPxPerMm / 10 - 30;
    for (int line = 0, y = py0 + small; y < mrzTop - small && line < 6; ++line, y += small * 2) {
        std::string text = line == 0 ? id.surname : line == 1 ? id.givenNames : letters(rng, uniformInt(rng, 4, 10));
        std::replace(text.begin(), text.end(), ' ', '<');
        const size_t fit = static_cast<size_t>(std::max(1, (w - fieldsX - small) / small));
        m_smallFont->draw(doc, text.substr(0, fit), fieldsX, y, static_cast<uint8_t>(p.ink + 20));
    }
    // The zone: OCR-B at its pitch, lines 4.2 mm apart, the last 5 mm above the bottom edge.
    const auto lines = composeMrz(id);
    const int pitch = m_mrzFont->advance();
    const int left = (w - static_cast<int>(lines[0].size()) * pitch) / 2;
    for (size_t i = 0; i < lines.size(); ++i) {
        const int baseline = h - 50 * kPxPerMm / 10 - static_cast<int>(lines.size() - 1 - i) * 42 * kPxPerMm / 10;
        m_mrzFont->draw(doc, lines[i], left, baseline, static_cast<uint8_t>(p.ink));
    }
    return doc;
}

image::GrayImage DocumentRenderer::photograph(const image::GrayImage& document, const SceneParams& p, std::mt19937& rng,
                                              int width, int height, int mrzLines, bool* mrzInFrame) const {
    // Where the document's corners fall in the frame.
    const double docW = p.scale * width, docH = docW * document.height / document.width;
    const double a = p.rotationDegrees * kPi / 180, c = std::cos(a), s = std::sin(a);
    const double cx = p.centreX * width, cy = p.centreY * height;
    std::array<std::pair<double, double>, 4> quad;
    const double corners[4][2] = {{-0.5, -0.5}, {0.5, -0.5}, {0.5, 0.5}, {-0.5, 0.5}};
    for (size_t i = 0; i < 4; ++i) {
        const double x = corners[i][0] * docW + uniform(rng, -1, 1) * p.perspective * docW;
        const double y = corners[i][1] * docH + uniform(rng, -1, 1) * p.perspective * docW;
        quad[i] = {cx + x * c - y * s, cy + x * s + y * c};
    }
    const std::array<std::pair<double, double>, 4> rect = {
        {{0, 0}, {document.width - 1.0, 0}, {document.width - 1.0, document.height - 1.0}, {0, document.height - 1.0}}};
    const auto h = homography(quad, rect);  // frame -> document
    if (mrzInFrame) {
        // The zone's corners (as printDocument places it), through document -> frame.
        const auto f = homography(rect, quad);
        const double top = document.height - (50 + 42 * (mrzLines - 1) + 40) * kPxPerMm / 10.0;
        const double corners2[4][2] = {{0.03 * document.width, top},
                                       {0.97 * document.width, top},
                                       {0.03 * document.width, document.height - 2.0 * kPxPerMm},
                                       {0.97 * document.width, document.height - 2.0 * kPxPerMm}};
        *mrzInFrame = true;
        for (const auto& c2 : corners2) {
            const double w = f[6] * c2[0] + f[7] * c2[1] + f[8];
            const double x = (f[0] * c2[0] + f[1] * c2[1] + f[2]) / w, y = (f[3] * c2[0] + f[4] * c2[1] + f[5]) / w;
            *mrzInFrame = *mrzInFrame && x >= 4 && y >= 4 && x <= width - 5 && y <= height - 5;
        }
    }
    // Shrinking the print needs it smoothed first, as a lens would.
    const double shrink = docW / document.width;
    const image::GrayImage source = shrink < 0.9 ? image::gaussianBlur(document, static_cast<float>(0.45 / shrink)) : document;

    image::GrayImage frame(width, height);
    const int desk = uniformInt(rng, 60, 150);
    const double deskSlope = uniform(rng, -0.05, 0.05);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const double w = h[6] * x + h[7] * y + h[8];
            const double u = (h[0] * x + h[1] * y + h[2]) / w, v = (h[3] * x + h[4] * y + h[5]) / w;
            if (u >= 0 && v >= 0 && u <= document.width - 1 && v <= document.height - 1)
                frame.at(x, y) = clampByte(source.sample(static_cast<float>(u), static_cast<float>(v)));
            else
                frame.at(x, y) = clampByte(desk + deskSlope * (x - width / 2) + 6 * std::sin(x * 0.02 + y * 0.03));
        }
    // Motion: the average along a short stroke.
    if (p.motionPixels >= 1) {
        const double ma = uniform(rng, 0, kPi);
        const int steps = static_cast<int>(std::ceil(p.motionPixels)) + 1;
        image::GrayImage moved(width, height);
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x) {
                double sum = 0;
                for (int k = 0; k < steps; ++k) {
                    const double t = (k / static_cast<double>(steps - 1) - 0.5) * p.motionPixels;
                    sum += frame.sample(static_cast<float>(x + t * std::cos(ma)), static_cast<float>(y + t * std::sin(ma)));
                }
                moved.at(x, y) = clampByte(sum / steps);
            }
        frame = std::move(moved);
    }
    frame = image::gaussianBlur(frame, static_cast<float>(p.blurSigma));
    // Light: a shadow across, and a glare spot somewhere on the document.
    const double sa = uniform(rng, 0, 2 * kPi);
    const double gx = cx + uniform(rng, -0.35, 0.35) * docW, gy = cy + uniform(rng, -0.3, 0.45) * docH;
    const double gr = uniform(rng, 0.06, 0.16) * width;
    std::normal_distribution<double> noise(0, std::max(0.01, p.noiseSigma));
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            double v = frame.at(x, y);
            const double t = 0.5 + ((x - width / 2.0) * std::cos(sa) + (y - height / 2.0) * std::sin(sa)) / width;
            v *= 1 - p.shadow * 0.6 * std::clamp(t, 0.0, 1.0);
            if (p.glare > 0) {
                const double d2 = ((x - gx) * (x - gx) + (y - gy) * (y - gy)) / (2 * gr * gr);
                v += p.glare * (255 - v) * std::exp(-d2);
            }
            frame.at(x, y) = clampByte(v + noise(rng));
        }
    return frame;
}

Scene DocumentRenderer::scene(uint64_t seed, double level, MrzFormat format, int width, int height) const {
    std::mt19937 rng(static_cast<uint32_t>(seed ^ (seed >> 32)));
    Scene s;
    s.identity = randomIdentity(rng, format);
    s.mrz = composeMrz(s.identity);
    s.params = randomScene(rng, level);
    const auto doc = printDocument(s.identity, rng, s.params);
    for (int attempt = 0; attempt < 12; ++attempt) {
        bool inFrame = false;
        std::mt19937 shot = rng;  // the same camera noise for each attempt, only the framing changes
        s.frame = photograph(doc, s.params, shot, width, height, static_cast<int>(s.mrz.size()), &inFrame);
        if (inFrame) break;
        // As a person does when the screen says the zone is cut off: further away, and up.
        s.params.scale *= 0.94;
        s.params.centreY -= 0.03;
    }
    return s;
}

std::vector<image::GrayImage> DocumentRenderer::heldUp(const Scene& first, uint64_t seed, double level, int frames, int width,
                                                       int height) const {
    // The printed document again, from the same seed as scene() drew it.
    std::mt19937 rng(static_cast<uint32_t>(seed ^ (seed >> 32)));
    const Identity id = randomIdentity(rng, first.identity.format);
    (void)randomScene(rng, level);
    const auto doc = printDocument(id, rng, first.params);
    std::vector<image::GrayImage> out{first.frame};
    level = std::clamp(level, 0.0, 1.0);
    for (int f = 1; f < frames; ++f) {
        std::mt19937 hand(static_cast<uint32_t>(seed * 7919 + static_cast<uint64_t>(f) * 104729));
        SceneParams p = first.params;
        p.rotationDegrees += uniform(hand, -1, 1) * (0.3 + 1.2 * level);
        p.centreX += uniform(hand, -0.01, 0.01);
        p.centreY += uniform(hand, -0.01, 0.01);
        p.scale *= uniform(hand, 0.98, 1.02);
        p.blurSigma = uniform(hand, 0.3, 0.5 + 1.2 * level);
        p.motionPixels = uniform(hand, 0, 3.5 * level);
        p.noiseSigma = uniform(hand, 1, 2 + 7 * level);
        bool inFrame = false;
        auto frame = photograph(doc, p, hand, width, height, static_cast<int>(first.mrz.size()), &inFrame);
        if (!inFrame) {  // drifted out of the guide: the person moves back to where they were
            std::mt19937 again = hand;
            frame = photograph(doc, first.params, again, width, height);
        }
        out.push_back(std::move(frame));
    }
    return out;
}

}  // namespace dc::idread
