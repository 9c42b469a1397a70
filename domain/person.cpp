#include "domain/person.hpp"

#include "common/dates.hpp"
#include "common/utf8.hpp"
#include "domain/scripts.hpp"

namespace dc::domain {
namespace {

FieldProblem problem(PersonField field, const char* message, FieldProblem::Kind kind = FieldProblem::Kind::Invalid) {
    return {field, message, kind};
}

bool hasControlCharacter(std::string_view text) {
    for (unsigned char c : text)
        if (c < 0x20 || c == 0x7F) return true;
    return false;
}

}  // namespace

std::optional<FieldProblem> checkName(std::string_view name) {
    if (name.find_first_not_of(" \t") == std::string_view::npos) return problem(PersonField::Name, "a name is needed");
    if (name.size() > kMaxNameBytes) return problem(PersonField::Name, "the name is too long (at most 200 bytes)");
    if (!utf8::isValid(name) || hasControlCharacter(name))
        return problem(PersonField::Name, "the name holds characters that are not text");
    if (!kioskCanShowAll(name))
        return problem(PersonField::Name, "the name holds letters the kiosk cannot show (Latin, Cyrillic and Georgian only)",
                       FieldProblem::Kind::NotShown);
    return std::nullopt;
}

std::optional<FieldProblem> checkPhone(std::string_view phone) {
    if (phone.size() > kMaxPhoneBytes) return problem(PersonField::Phone, "a phone number has 6 to 15 digits");
    int digits = 0;
    for (char c : phone) {
        if (c >= '0' && c <= '9')
            ++digits;
        else if (c != '+' && c != ' ' && c != '-' && c != '(' && c != ')')
            return problem(PersonField::Phone, "a phone number may hold only digits, spaces and + - ( )");
    }
    if (digits < kMinPhoneDigits || digits > kMaxPhoneDigits)
        return problem(PersonField::Phone, "a phone number has 6 to 15 digits");
    return std::nullopt;
}

std::optional<FieldProblem> checkEmail(std::string_view email) {
    if (email.empty()) return std::nullopt;
    const size_t at = email.find('@');
    const bool shaped = at != std::string_view::npos && at > 0 && at + 1 < email.size() &&
        email.find('@', at + 1) == std::string_view::npos && email.find(' ') == std::string_view::npos;
    if (!shaped || email.size() > kMaxEmailBytes || !utf8::isValid(email) || hasControlCharacter(email))
        return problem(PersonField::Email, "the e-mail address does not look right");
    if (!kioskCanShowAll(email))
        return problem(PersonField::Email, "the e-mail address holds letters the kiosk cannot show",
                       FieldProblem::Kind::NotShown);
    return std::nullopt;
}

std::optional<FieldProblem> checkDocumentNumber(std::string_view number) {
    if (number.empty()) return std::nullopt;
    if (number.size() < 5 || number.size() > 20)
        return problem(PersonField::DocumentNumber, "a document number has 5 to 20 letters and digits");
    for (char c : number)
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            return problem(PersonField::DocumentNumber, "a document number holds only capital letters A-Z and digits");
    return std::nullopt;
}

std::optional<FieldProblem> checkBirthDate(std::string_view date) {
    if (date.empty()) return std::nullopt;
    if (!dates::parseDay(date, 1900, 2100))
        return problem(PersonField::BirthDate, "the date of birth is not a real date (YYYY-MM-DD)");
    return std::nullopt;
}

std::optional<FieldProblem> checkNote(std::string_view note) {
    if (note.size() > kMaxNoteBytes)
        return problem(PersonField::Note, "the note is too long (at most 1000 bytes)", FieldProblem::Kind::TooLong);
    // Lines and tabs are text in a note (the office's export quotes them); other controls are not.
    std::string flattened(note);
    for (char& c : flattened)
        if (c == '\n' || c == '\t') c = ' ';
    if (!utf8::isValid(note) || hasControlCharacter(flattened))
        return problem(PersonField::Note, "the note holds characters that are not text");
    if (!kioskCanShowAll(flattened))
        return problem(PersonField::Note, "the note holds letters the kiosk cannot show (Latin, Cyrillic and Georgian only)",
                       FieldProblem::Kind::NotShown);
    return std::nullopt;
}

std::optional<FieldProblem> firstProblem(const Profile& person) {
    if (auto p = checkName(person.name)) return p;
    if (auto p = checkPhone(person.phone)) return p;
    if (auto p = checkEmail(person.email)) return p;
    if (auto p = checkDocumentNumber(person.documentNumber)) return p;
    return checkBirthDate(person.birthDate);
}

}  // namespace dc::domain
