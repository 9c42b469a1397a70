#pragma once
// A jobseeker's details and the one rule for each of them. The kiosk's form, the clerk's form,
// the kiosk's store and the office's server all check a field here, so a phone number the kiosk
// takes is one the server takes (and the other way round). Messages are plain English for logs
// and API answers; forms map the field to a sentence in the person's language.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dc::domain {

struct Profile {
    std::string id;
    // Personal: the kiosk stores these sealed only.
    std::string name;
    std::string phone;
    std::string email;
    std::string documentNumber;
    std::string birthDate;  // ISO 8601 date
    // Not personal.
    std::vector<std::string> skills;
    std::string language;  // ISO 639-1 the person chose
};

enum class PersonField { Name, Phone, Email, DocumentNumber, BirthDate, Note };

struct FieldProblem {
    PersonField field;
    std::string message;  // never repeats what was typed
    // Why, for the form's words: a letter the kiosk cannot show (scripts.hpp), or too long.
    enum class Kind { Invalid, NotShown, TooLong } kind = Kind::Invalid;
};

inline constexpr size_t kMaxNameBytes = 200;
inline constexpr size_t kMaxPhoneBytes = 40;
inline constexpr size_t kMaxEmailBytes = 254;
inline constexpr size_t kMaxNoteBytes = 1000;
inline constexpr int kMinPhoneDigits = 6;
inline constexpr int kMaxPhoneDigits = 15;  // E.164

// A name: some letter that is not a space, valid UTF-8, no control characters, at most 200 bytes,
// every character one the kiosk can show (Latin, Cyrillic, Georgian: no emoji, no right-to-left
// script its fonts lack).
std::optional<FieldProblem> checkName(std::string_view name);
// A phone: 6 to 15 digits, written with nothing else than digits, spaces and + - ( ).
std::optional<FieldProblem> checkPhone(std::string_view phone);
// An e-mail address is optional; when given: one @ with text on both sides, no spaces.
std::optional<FieldProblem> checkEmail(std::string_view email);
// A document number is optional; when given: 5 to 20 of A-Z 0-9, as the MRZ writes it.
std::optional<FieldProblem> checkDocumentNumber(std::string_view number);
// A date of birth is optional; when given: a real YYYY-MM-DD from 1900 to 2100.
std::optional<FieldProblem> checkBirthDate(std::string_view date);
// A note to the employer is optional: valid UTF-8, at most 1000 bytes, letters the kiosk can show.
std::optional<FieldProblem> checkNote(std::string_view note);

// The first problem in the order the forms show their fields (name, phone, e-mail, document,
// date of birth), or nothing when every field keeps its rule.
std::optional<FieldProblem> firstProblem(const Profile& person);

}  // namespace dc::domain
