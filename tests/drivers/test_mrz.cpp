#include <catch2/catch.hpp>

#include <set>

#include "drivers/idread/mrz.hpp"

using namespace dc::idread;

namespace {

// ICAO Doc 9303 specimens (part 4 passport, part 5 ID card, part 6 TD2), with their published
// check digits.
const std::vector<std::string> kPassport = {"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                                            "L898902C36UTO7408122F1204159ZE184226B<<<<<10"};
const std::vector<std::string> kIdCard = {"I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
                                          "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"};
const std::vector<std::string> kTd2 = {"I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"};

std::string join(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines) s += l + "\n";
    return s;
}

bool failed(const MrzData& d, const std::string& field) {
    for (const auto& c : d.checks)
        if (c.field == field) return !c.passed;
    FAIL("no check named " << field);
    return false;
}

}  // namespace

TEST_CASE("check digits follow ICAO 9303's published examples", "[idread][mrz]") {
    CHECK(mrzCheckDigit("L898902C3") == 6);
    CHECK(mrzCheckDigit("740812") == 2);
    CHECK(mrzCheckDigit("120415") == 9);
    CHECK(mrzCheckDigit("ZE184226B<<<<<") == 1);
    CHECK(mrzCheckDigit("520727") == 3);
    CHECK(mrzCheckDigit("") == 0);
    CHECK(mrzCheckDigit("ab") == -1);
    CHECK(mrzCheckDigit("A B") == -1);
}

TEST_CASE("a passport (TD3) is read field by field, every check passing", "[idread][mrz]") {
    auto d = parseMrz(join(kPassport));
    REQUIRE(d);
    CHECK(d->format == MrzFormat::TD3);
    CHECK(d->documentCode == "P");
    CHECK(d->issuingState == "UTO");
    CHECK(d->surname == "ERIKSSON");
    CHECK(d->givenNames == "ANNA MARIA");
    CHECK(d->documentNumber == "L898902C3");
    CHECK(d->nationality == "UTO");
    CHECK(d->birthDate == "740812");
    CHECK(d->birthDateIso == "1974-08-12");
    CHECK(d->sex == "F");
    CHECK(d->expiryDateIso == "2012-04-15");
    CHECK(d->optionalData1 == "ZE184226B");
    CHECK(d->checks.size() == 5);
    CHECK(d->allChecksPass());
}

TEST_CASE("an ID card (TD1) and a TD2 card are read, every check passing", "[idread][mrz]") {
    auto id = parseMrz(kIdCard);
    REQUIRE(id);
    CHECK(id->format == MrzFormat::TD1);
    CHECK(id->documentCode == "I");
    CHECK(id->documentNumber == "D23145890");
    CHECK(id->surname == "ERIKSSON");
    CHECK(id->givenNames == "ANNA MARIA");
    CHECK(id->nationality == "UTO");
    CHECK(id->birthDateIso == "1974-08-12");
    CHECK(id->allChecksPass());

    auto td2 = parseMrz(kTd2);
    REQUIRE(td2);
    CHECK(td2->format == MrzFormat::TD2);
    CHECK(td2->documentNumber == "D23145890");
    CHECK(td2->givenNames == "ANNA MARIA");
    CHECK(td2->allChecksPass());
}

TEST_CASE("a long TD1 document number continues in the optional data, with its check digit there", "[idread][mrz]") {
    // ICAO 9303-5 4.2.4: "D23145890734": nine in place, '<' at the check digit, "734" and the
    // check digit of all twelve at the start of the optional data.
    const std::string number = "D23145890734";
    const char check = static_cast<char>('0' + mrzCheckDigit(number));
    std::string l1 = "I<UTOD23145890<734" + std::string(1, check);
    l1 += std::string(30 - l1.size(), '<');
    std::string l2 = "7408122F1204159UTO<<<<<<<<<<<";
    const std::string composite = l1.substr(5, 25) + l2.substr(0, 7) + l2.substr(8, 7) + l2.substr(18, 11);
    l2 += static_cast<char>('0' + mrzCheckDigit(composite));
    auto d = parseMrz(std::vector<std::string>{l1, l2, "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"});
    REQUIRE(d);
    CHECK(d->documentNumber == number);
    CHECK(d->optionalData1.empty());
    CHECK(d->allChecksPass());
    // One wrong character of the continuation fails the document number's check.
    l1[16] = '5';
    auto wrong = parseMrz(std::vector<std::string>{l1, l2, "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"});
    REQUIRE(wrong);
    CHECK(failed(*wrong, "document number"));
}

TEST_CASE("a wrong check digit is reported by field, not hidden", "[idread][mrz]") {
    auto lines = kPassport;
    lines[1][19] = '3';  // birth date check
    auto d = parseMrz(lines);
    REQUIRE(d);
    CHECK_FALSE(d->allChecksPass());
    CHECK(failed(*d, "birth date"));
    CHECK(failed(*d, "composite"));
    CHECK_FALSE(failed(*d, "document number"));
    // A changed birth date with the old check digit fails too.
    lines = kPassport;
    lines[1][14] = '5';
    CHECK(failed(*parseMrz(lines), "birth date"));
}

TEST_CASE("malformed MRZ text gets a clear error naming the place", "[idread][mrz][hostile]") {
    auto message = [](const std::string& text) {
        auto d = parseMrz(text);
        REQUIRE_FALSE(d);
        return d.error().message();
    };
    CHECK(message("").find("empty") != std::string::npos);
    CHECK(message("\n\n\r\n").find("empty") != std::string::npos);
    CHECK(message(kPassport[0] + "\n" + kPassport[1].substr(0, 43)).find("2 of 44") != std::string::npos);
    CHECK(message(kPassport[0]).find("got 1 line") != std::string::npos);
    CHECK(message(join(kIdCard) + kIdCard[0]).find("2 or 3 lines") != std::string::npos);
    std::string lower = join(kPassport);
    lower[7] = 'r';
    CHECK(message(lower).find("line 1, position 8: 'r' (lower case") != std::string::npos);
    std::string utf = kPassport[0].substr(0, 42) + "Ä\n" + kPassport[1];  // two bytes: right length, wrong bytes
    CHECK(message(utf).find("non-ASCII") != std::string::npos);
    std::string control = join(kPassport);
    control[50] = '\t';
    CHECK(message(control).find("control character") != std::string::npos);
    CHECK(message(std::string(1 << 20, '<')).find("at most") != std::string::npos);
    CHECK(message(std::string(30, '<') + "\n" + std::string(36, '<')).find("got 2 line(s) of 30, 36") != std::string::npos);
}

TEST_CASE("CRLF line ends and blank lines around the zone are accepted", "[idread][mrz]") {
    auto d = parseMrz("\n" + kTd2[0] + "\r\n" + kTd2[1] + "\r\n\n");
    REQUIRE(d);
    CHECK(d->allChecksPass());
}

TEST_CASE("dates: centuries, calendars and unknown parts", "[idread][mrz]") {
    CHECK(mrzDateToIso("740812", true, 2026) == "1974-08-12");
    CHECK(mrzDateToIso("260101", true, 2026) == "2026-01-01");
    CHECK(mrzDateToIso("270101", true, 2026) == "1927-01-01");
    CHECK(mrzDateToIso("310101", false, 2026) == "2031-01-01");
    CHECK(mrzDateToIso("000229", true, 2026) == "2000-02-29");
    CHECK(mrzDateToIso("010229", true, 2026).empty());
    CHECK(mrzDateToIso("741301", true, 2026).empty());
    CHECK(mrzDateToIso("740800", true, 2026).empty());
    CHECK(mrzDateToIso("74<<<<", true, 2026).empty());
    CHECK(mrzDateToIso("7408", true, 2026).empty());
}

TEST_CASE("repair maps confusables by field type: letters in names, digits in dates", "[idread][mrz][repair]") {
    auto lines = kPassport;
    lines[0][7] = '1';  // ER1KSSON: a name holds no digits
    lines[0][10] = '5';  // ERIK5SON, again
    lines[1][15] = 'O';  // 74O812: a date is digits
    lines[1][19] = 'Z';  // its check digit too
    lines[1][20] = 'E';  // sex reads F
    auto d = repairMrz(lines);
    REQUIRE(d);
    CHECK(d->lines == kPassport);
    CHECK(d->repairs == 5);
    CHECK(d->allChecksPass());
}

TEST_CASE("repair settles a letters-and-digits field by its check digit, and only when one reading passes",
          "[idread][mrz][repair]") {
    auto lines = kPassport;
    lines[1][5] = 'O';  // L898902C3 read as L8989O2C3: the check digit decides it is 0
    auto d = repairMrz(lines);
    REQUIRE(d);
    CHECK(d->documentNumber == "L898902C3");
    CHECK(d->allChecksPass());

    // Property: for readings whose failing check one flip of a confusable could satisfy, repair
    // fixes it exactly when one flip does, and leaves it failing when two different flips do.
    const std::string alphabet = "0O5S8B379";
    auto other = [](char c) {
        switch (c) {
            case '0': return 'O';
            case 'O': return '0';
            case '5': return 'S';
            case 'S': return '5';
            case '8': return 'B';
            case 'B': return '8';
            default: return '\0';
        }
    };
    unsigned seed = 12345;
    int fixedCount = 0, ambiguousCount = 0;
    for (int trial = 0; trial < 400; ++trial) {
        std::string reading = "XK";
        for (int i = 0; i < 7; ++i) {
            seed = seed * 1103515245u + 12345u;
            reading += alphabet[(seed >> 16) % alphabet.size()];
        }
        // The check of one flipped reading: what the document would print if that flip is the truth.
        std::vector<size_t> flippable;
        for (size_t i = 0; i < reading.size(); ++i)
            if (other(reading[i])) flippable.push_back(i);
        if (flippable.empty()) continue;
        std::string truth = reading;
        truth[flippable[0]] = other(truth[flippable[0]]);
        const int check = mrzCheckDigit(truth);
        if (check == mrzCheckDigit(reading)) continue;  // the reading itself passes: nothing to repair
        std::set<std::string> passing;
        for (size_t i : flippable) {
            std::string t = reading;
            t[i] = other(t[i]);
            if (mrzCheckDigit(t) == check) passing.insert(t);
        }
        auto l = kPassport;
        l[1].replace(0, 9, reading);
        l[1][9] = static_cast<char>('0' + check);
        auto r = repairMrz(l);
        REQUIRE(r);
        INFO(reading);
        if (passing.size() == 1) {
            ++fixedCount;
            CHECK(r->documentNumber == *passing.begin());
            CHECK_FALSE(failed(*r, "document number"));
        } else {
            ++ambiguousCount;
            CHECK(r->documentNumber == reading);
            CHECK(failed(*r, "document number"));
        }
    }
    CHECK(fixedCount > 10);
    CHECK(ambiguousCount > 10);
}

TEST_CASE("repair turns anything unreadable into a filler and still refuses wrong shapes", "[idread][mrz][repair]") {
    auto lines = kIdCard;
    lines[0][20] = '?';
    auto d = repairMrz(lines);
    REQUIRE(d);
    CHECK(d->lines[0][20] == '<');
    CHECK(d->allChecksPass());
    CHECK_FALSE(repairMrz({"SHORT", "LINES"}));
    CHECK_FALSE(repairMrz({}));
}
