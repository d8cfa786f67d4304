// fuzz_link.cpp: libFuzzer target for the whole-link reader (engine/link). Anything pasted
// must read without crashing; a link written from what was read must read back to the same
// state, points, weights and epoch, without warnings.
#include "engine/link.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace nnplay;
    const std::string_view pasted(reinterpret_cast<const char*>(data), size);
    const Link first = read_link(pasted);
    FUZZ_CHECK(first.version >= 1);
    FUZZ_CHECK(first.epoch >= 0 && first.epoch <= kLinkMaxEpoch);

    const WeightsPayload* weights = first.weights ? &*first.weights : nullptr;
    const WrittenLink written = write_link(first.state, {true, weights, first.epoch});
    FUZZ_CHECK(!written.weights_failed);
    FUZZ_CHECK(written.has_weights == (weights != nullptr));
    const Link second = read_link(written.text);
    if (!second.warnings.empty()) std::fprintf(stderr, "warning: %s\n", second.warnings[0].c_str());
    FUZZ_CHECK(second.warnings.empty());
    FUZZ_CHECK(second.version == kLinkVersion);
    FUZZ_CHECK(second.state == first.state);
    FUZZ_CHECK(second.weights.has_value() == first.weights.has_value());
    if (first.weights) {
        FUZZ_CHECK(second.weights->spec == first.weights->spec);
        FUZZ_CHECK(second.weights->format == first.weights->format);
        FUZZ_CHECK(second.weights->members == first.weights->members);
        FUZZ_CHECK(second.epoch == first.epoch);
    }
    // Written once more, the text is the same: writing is a function of what was read.
    FUZZ_CHECK(write_link(second.state, {true, second.weights ? &*second.weights : nullptr,
                                         second.epoch}).text == written.text);
    return 0;
}
