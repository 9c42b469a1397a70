// dc-idread FILE...: reads the MRZ of ID cards and passports in still images (PNG, JPEG, BMP)
// with the kiosk's own reader and prints one JSON line per file: the lines as read, the parsed
// fields, each check digit, whether the reading is accepted, and the time it took. A file that
// cannot be read as an image gets a line with "error". Exit status: 0 when every file was read
// and accepted, 1 otherwise, 2 for a usage error. Technicians and tests use it.
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "drivers/idread/mrz_reader.hpp"

using namespace dc::idread;
using json = nlohmann::json;

namespace {

json fieldsOf(const MrzData& d) {
    json checks = json::object();
    for (const auto& c : d.checks) checks[c.field] = c.passed;
    return {{"format", toString(d.format)},
            {"document_code", d.documentCode},
            {"issuing_state", d.issuingState},
            {"surname", d.surname},
            {"given_names", d.givenNames},
            {"document_number", d.documentNumber},
            {"nationality", d.nationality},
            {"birth_date", d.birthDateIso},
            {"sex", d.sex},
            {"expiry_date", d.expiryDateIso},
            {"optional_data", d.optionalData1},
            {"optional_data_2", d.optionalData2},
            {"checks", checks},
            {"repairs", d.repairs}};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::string(argv[1]) == "--help") {
        std::fprintf(stderr, "usage: dc-idread FILE...   (one JSON line per file on stdout)\n");
        return 2;
    }
    auto reader = MrzReader::open();
    if (!reader) {
        std::fprintf(stderr, "dc-idread: %s\n", reader.error().message().c_str());
        return 1;
    }
    int status = 0;
    for (int i = 1; i < argc; ++i) {
        json line = {{"file", argv[i]}};
        auto frame = dc::image::loadImage(argv[i]);
        if (!frame) {
            line["error"] = frame.error().message();
            status = 1;
        } else {
            const MrzReading r = (*reader)->read(*frame);
            line["accepted"] = r.accepted;
            line["lines"] = r.data ? r.data->lines : r.lines;
            line["all_checks_pass"] = r.data && r.data->allChecksPass();
            if (r.data) line["fields"] = fieldsOf(*r.data);
            line["confidence"] = r.confidence;
            line["hint"] = toString(r.hint);
            line["ms"] = r.milliseconds;
            if (!r.accepted) status = 1;
        }
        std::printf("%s\n", line.dump(-1, ' ', false, json::error_handler_t::replace).c_str());
        std::fflush(stdout);
    }
    return status;
}
