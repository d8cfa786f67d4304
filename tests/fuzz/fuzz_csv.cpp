// fuzz_csv.cpp: libFuzzer target for the CSV importer, under all four option
// combinations. An accepted file must respect the limits of csv.h, and its
// points must survive export_csv → import_csv exactly.
#include "engine/csv.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace nnplay;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (int variant = 0; variant < 4; ++variant) {
        const CsvOptions options{.regression = (variant & 1) != 0, .scale_to_fit = (variant & 2) != 0};
        const CsvImport r = import_csv(text, options);
        (void)r.summary();
        if (!r.ok()) {
            FUZZ_CHECK(r.points.empty());
            continue;
        }
        FUZZ_CHECK(!r.points.empty() && r.points.size() <= std::size_t(kMaxPoints));
        int counted = 0;
        for (int c : r.class_counts) counted += c;
        FUZZ_CHECK(options.regression ? r.class_counts.empty() : counted == int(r.points.size()));
        for (const Point& p : r.points) {
            FUZZ_CHECK(std::fabs(p.x) <= kDomain && std::fabs(p.y) <= kDomain && std::isfinite(p.label));
            if (!options.regression) FUZZ_CHECK(p.label >= 0 && p.label < kMaxClasses && p.label == std::floor(p.label));
        }
        const CsvImport back = import_csv(export_csv(r.points), {.regression = options.regression});
        FUZZ_CHECK(back.ok() && back.points == r.points);
    }
    return 0;
}
