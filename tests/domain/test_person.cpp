#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "domain/person.hpp"
#include "domain/scripts.hpp"
#include "domain/record_bodies.hpp"

using namespace dc::domain;
using json = nlohmann::json;

namespace {

std::optional<PersonField> fieldAtFault(const Profile& p) {
    const auto problem = firstProblem(p);
    return problem ? std::optional<PersonField>(problem->field) : std::nullopt;
}

Profile lela() { return {.id = "p-1", .name = "Lela Beridze", .phone = "+995 555 12 34 56", .language = "ka"}; }

}  // namespace

TEST_CASE("a person's fields: one rule each, the first broken one named", "[domain][person]") {
    CHECK_FALSE(firstProblem(lela()));
    auto with = [](auto change) {
        Profile p = lela();
        change(p);
        return fieldAtFault(p);
    };
    CHECK(with([](Profile& p) { p.name = "   "; }) == PersonField::Name);
    CHECK(with([](Profile& p) { p.name = std::string(201, 'a'); }) == PersonField::Name);
    CHECK(with([](Profile& p) { p.name = "Le\x1b[2Jla"; }) == PersonField::Name);
    CHECK(with([](Profile& p) { p.name = "\xff\xfe"; }) == PersonField::Name);
    CHECK(with([](Profile& p) { p.phone = "12345"; }) == PersonField::Phone);  // 5 digits
    CHECK(with([](Profile& p) { p.phone = "1234567890123456"; }) == PersonField::Phone);  // 16 digits
    CHECK(with([](Profile& p) { p.phone = "555 12 34 56; DROP"; }) == PersonField::Phone);
    CHECK(with([](Profile& p) { p.phone = std::string(41, ' ') + "123456"; }) == PersonField::Phone);
    CHECK(with([](Profile& p) { p.email = "lela.example.ge"; }) == PersonField::Email);
    CHECK(with([](Profile& p) { p.email = "@example.ge"; }) == PersonField::Email);
    CHECK(with([](Profile& p) { p.email = "lela@"; }) == PersonField::Email);
    CHECK(with([](Profile& p) { p.email = "le la@example.ge"; }) == PersonField::Email);
    CHECK(with([](Profile& p) { p.email = "a@b@c"; }) == PersonField::Email);
    CHECK(with([](Profile& p) { p.documentNumber = "ab123"; }) == PersonField::DocumentNumber);
    CHECK(with([](Profile& p) { p.documentNumber = "AB12"; }) == PersonField::DocumentNumber);
    CHECK(with([](Profile& p) { p.birthDate = "1990-02-30"; }) == PersonField::BirthDate);
    CHECK(with([](Profile& p) { p.birthDate = "02.03.1990"; }) == PersonField::BirthDate);
    // The first in the form's order: name before phone.
    CHECK(with([](Profile& p) {
              p.name = "";
              p.phone = "1";
          }) == PersonField::Name);
    // What is allowed.
    CHECK_FALSE(with([](Profile& p) { p.phone = "8 (029) 123-45-67"; }));
    CHECK_FALSE(with([](Profile& p) { p.email = "lela@example.ge"; }));
    CHECK_FALSE(with([](Profile& p) {
        p.documentNumber = "L898902C3";
        p.birthDate = "1974-08-12";
    }));
    CHECK_FALSE(with([](Profile& p) { p.name = "Нино Беридзе-ნინო"; }));
    CHECK(checkNote(std::string(1000, 'n')) == std::nullopt);
    CHECK(checkNote(std::string(1001, 'n'))->field == PersonField::Note);
    // Messages never repeat what was typed.
    CHECK(checkPhone("secret-555")->message.find("secret") == std::string::npos);
}

TEST_CASE(
    "a person's fields keep to letters the kiosk can show: emoji and right-to-left scripts are refused with "
    "their own reason, every kiosk language is taken",
    "[domain][person]") {
    using Kind = FieldProblem::Kind;
    // The kind of the problem found, or nothing when the value keeps its rule.
    auto kind = [](const std::optional<FieldProblem>& p) { return p ? std::optional<Kind>(p->kind) : std::nullopt; };
    CHECK(kind(checkName("Nino \xF0\x9F\x98\x80")) == Kind::NotShown);  // an emoji
    CHECK(kind(checkName("\xD9\x86\xD9\x8A\xD9\x86\xD9\x88")) == Kind::NotShown);  // Arabic
    CHECK(kind(checkName("\xD7\xA0\xD7\x99\xD7\xA0\xD7\x95")) == Kind::NotShown);  // Hebrew
    CHECK(kind(checkName("Nino\xE2\x80\xAE")) == Kind::NotShown);  // a right-to-left override
    CHECK(kind(checkName("Nino\xE2\x80\xA8")) == Kind::NotShown);  // a line separator
    CHECK(kind(checkName("\xE4\xB8\xAD\xE6\x96\x87")) == Kind::NotShown);  // Chinese
    CHECK_FALSE(checkName("ნინო ბერიძე"));
    CHECK_FALSE(checkName("Алесь Ўладзіміравіч Іваноў"));
    CHECK_FALSE(checkName("José Müller-Łukasz O'Neil"));
    CHECK(kind(checkEmail("nino\xF0\x9F\x98\x80@example.ge")) == Kind::NotShown);
    CHECK(kind(checkNote("Thanks \xF0\x9F\x99\x8F")) == Kind::NotShown);
    CHECK(kind(checkNote(std::string(1001, 'n'))) == Kind::TooLong);
    CHECK(kind(checkNote("line\x07"
                         "bell")) == Kind::Invalid);
    CHECK(kioskCanShowAll("ქართული, Русский, Беларуская, English — №5 €"));
    CHECK_FALSE(kioskCanShowAll("\xff"));
}

TEST_CASE("record bodies: what the kiosk builds the office reads back, field for field", "[domain][records]") {
    ApplicationBody a{.applicationId = "a-1",
                      .referenceCode = "ACD-EFG",
                      .jobId = "job-1",
                      .person = {lela(), true},
                      .note = "Evenings only",
                      .attachments = {{"att-1", "id-photo", "ab12"}}};
    a.person.profile.skills = {"Excel", "Driving"};
    a.person.profile.documentNumber = "AB123456";
    auto back = readApplicationBody(toJson(a));
    REQUIRE(back);
    CHECK(back->applicationId == "a-1");
    CHECK(back->referenceCode == "ACD-EFG");
    CHECK(back->jobId == "job-1");
    CHECK(back->note == "Evenings only");
    CHECK(back->person.sms);
    CHECK(back->person.profile.name == "Lela Beridze");
    CHECK(back->person.profile.skills == std::vector<std::string>{"Excel", "Driving"});
    CHECK(back->person.profile.documentNumber == "AB123456");
    REQUIRE(back->attachments.size() == 1);
    CHECK(back->attachments[0].kind == "id-photo");

    EnrollmentBody e{.enrollmentId = "e-1",
                     .referenceCode = "HJK-MNP",
                     .sessionId = "s-1",
                     .courseId = "c-1",
                     .waitlist = true,
                     .person = {lela(), false}};
    auto eb = readEnrollmentBody(toJson(e));
    REQUIRE(eb);
    CHECK(eb->sessionId == "s-1");
    CHECK(eb->waitlist);
    CHECK_FALSE(eb->person.sms);
    RegistrationBody r{.registrationId = "r-1", .referenceCode = "QRT-UVW", .person = {lela(), false}};
    CHECK(readRegistrationBody(toJson(r)));
}

TEST_CASE("record bodies: malformed, oversized and hostile ones are refused, naming the field", "[domain][records][hostile]") {
    const json good =
        toJson(ApplicationBody{.applicationId = "a-1", .referenceCode = "ACD-EFG", .jobId = "job-1", .person = {lela(), false}});
    REQUIRE(readApplicationBody(good));
    auto refusedFor = [&](auto change) {
        json body = good;
        change(body);
        auto r = readApplicationBody(body);
        return r ? std::string() : r.error().message();
    };
    CHECK(refusedFor([](json& b) { b.erase("jobId"); }).find("jobId") != std::string::npos);
    CHECK(refusedFor([](json& b) { b["jobId"] = 42; }).find("jobId") != std::string::npos);
    CHECK(refusedFor([](json& b) { b["jobId"] = ""; }).find("jobId") != std::string::npos);
    CHECK(refusedFor([](json& b) { b["referenceCode"] = std::string(17, 'A'); }).find("referenceCode") != std::string::npos);
    CHECK(refusedFor([](json& b) { b["applicationId"] = "a-1\n"; }).find("applicationId") != std::string::npos);
    CHECK(refusedFor([](json& b) { b["person"] = "Lela"; }).find("person") != std::string::npos);
    CHECK(refusedFor([](json& b) { b.erase("person"); }).find("person") != std::string::npos);
    CHECK(refusedFor([](json& b) { b["person"]["phone"] = "call me"; }).find("phone") != std::string::npos);
    CHECK(refusedFor([](json& b) { b["person"]["name"] = json::array(); }).find("name") != std::string::npos);
    CHECK(refusedFor([](json& b) { b["person"]["skills"] = json::array({1, 2}); }).find("skill") != std::string::npos);
    CHECK(refusedFor([](json& b) { b["person"]["skills"] = std::vector<std::string>(65, "x"); }).find("skills") !=
          std::string::npos);
    CHECK(refusedFor([](json& b) { b["note"] = std::string(1001, 'n'); }).find("note") != std::string::npos);
    CHECK(refusedFor([](json& b) { b["attachments"] = json::array({"x"}); }).find("attachment") != std::string::npos);
    CHECK(refusedFor([](json& b) {
              b["attachments"] = json::array({json::object({{"id", "a"}})});
          }).find("kind") != std::string::npos);
    CHECK_FALSE(readApplicationBody(json::array()));
    CHECK_FALSE(readApplicationBody(json("text")));
    CHECK_FALSE(readEnrollmentBody(good));  // an application is not an enrollment
    // Keys it does not know are left alone; an sms flag that is not true is no.
    CHECK(refusedFor([](json& b) { b["extra"] = {{"x", 1}}; }).empty());
    json notTrue = good;
    notTrue["person"]["sms"] = "yes";
    CHECK_FALSE(readApplicationBody(notTrue)->person.sms);
}
