#pragma once
// A deterministic generator of a realistic catalog: real regions and cities of Georgia and
// Belarus, jobs and courses written in Georgian, Russian, Belarusian and English, remote and
// freelance work, employers, skills shared between jobs and courses. The same seed gives the same
// catalog on every machine (the random numbers come from our own splitmix64, not <random>'s
// implementation-defined distributions). Used by dc-catalog-gen, tests and benchmarks.
#include <cstdint>

#include "domain/records.hpp"

namespace dc::catalog {

struct GeneratorOptions {
    uint64_t seed = 1;
    size_t jobs = 1000;
    size_t courses = 50;
};

domain::CatalogBatch generateCatalog(const GeneratorOptions& options);

}  // namespace dc::catalog
