#pragma once
// The machine readable zone of travel documents (ICAO Doc 9303, parts 3-6): TD1 ID cards (3 lines
// of 30), TD2 cards (2 x 36) and TD3 passports (2 x 44). Parsing checks every check digit; repair
// fixes what an OCR commonly confuses (0/O, 1/I, 2/Z, 5/S, 8/B, ...) by what each field may hold,
// trying alternatives for letters-and-digits fields only where the field's check digit decides.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace dc::idread {

enum class MrzFormat { TD1, TD2, TD3 };
const char* toString(MrzFormat format);

inline constexpr size_t kMaxMrzInputBytes = 4096;  // three lines of 44 with room for noise

struct MrzCheck {
    std::string field;  // "document number", "birth date", "expiry date", "optional data", "composite"
    bool passed = false;
};

struct MrzData {
    MrzFormat format = MrzFormat::TD3;
    std::vector<std::string> lines;  // as read (after repair, if repaired)
    std::string documentCode;  // "P", "ID", "I", "AC": fillers removed
    std::string issuingState;  // "GEO", "BLR", "D" (Germany), "UTO" (ICAO's specimen state)
    std::string surname;  // "<" between words becomes a space
    std::string givenNames;
    std::string documentNumber;  // whole, including the part a long TD1/TD2 number puts in optional data
    std::string nationality;
    std::string birthDate;  // YYMMDD as printed; '<' where unknown
    std::string birthDateIso;  // 1984-07-30, empty when not a full valid date
    std::string sex;  // "M", "F" or "X" (unspecified)
    std::string expiryDate;  // YYMMDD
    std::string expiryDateIso;
    std::string optionalData1;  // TD1 line 1 / TD2 / TD3 personal number, fillers removed
    std::string optionalData2;  // TD1 line 2
    std::vector<MrzCheck> checks;
    int repairs = 0;  // characters changed by repairMrz
    bool allChecksPass() const;
};

// ICAO 9303 check digit (weights 7, 3, 1): digits are themselves, A-Z 10-35, '<' 0.
// -1 when `field` holds any other character.
int mrzCheckDigit(std::string_view field);

// Parses exactly what is given: lines separated by '\n' (a '\r' before it and blank lines at the
// ends are ignored), upper case A-Z, 0-9 and '<' only. Structural problems (line count and
// lengths, characters) are errors naming the line and position; failed check digits are not:
// they are reported in `checks`.
Expected<MrzData> parseMrz(std::string_view text);
Expected<MrzData> parseMrz(const std::vector<std::string>& lines);

// For an OCR's reading: lines of the right lengths, any characters. Maps characters to what each
// field may hold and, where a check digit fails over a field of letters and digits, tries the
// confusable alternatives (fewest changes first) and keeps a change only when exactly one
// candidate passes. Returns the parse of the repaired lines (with `repairs` counted).
Expected<MrzData> repairMrz(const std::vector<std::string>& lines);

// What each position of a zone may hold, one string per line: 'A' letters or '<', '9' digits or
// '<', 'X' letters, digits or '<', 'S' the sex (M, F, <), 'c' a check digit or '<'.
std::vector<std::string> mrzSlots(MrzFormat format);

// The characters each check digit covers, by field ("document number", ..., "composite"), and
// last the check digit's own place: (line, index) pairs.
struct MrzCheckedSpan {
    std::string field;
    std::vector<std::pair<int, int>> positions;
};
std::vector<MrzCheckedSpan> mrzCheckedSpans(MrzFormat format, const std::vector<std::string>& lines);

// Which positions no check digit covers (the names, the document code, the states, the sex):
// one string per line, '1' where a misread would go unnoticed by the check digits.
std::vector<std::string> mrzUncheckedMask(MrzFormat format, const std::vector<std::string>& lines);

// A state or organisation code ICAO 9303-3 knows (ISO 3166-1 alpha-3, "D", "UNO", "XXA", ...).
bool isIcaoStateCode(std::string_view code);

// Today's year in two digits decides the century of a birth date (a birth year ahead of it is
// in the last century); expiry dates are this century. Exposed for tests.
std::string mrzDateToIso(std::string_view yymmdd, bool isBirthDate, int currentYear);

}  // namespace dc::idread
