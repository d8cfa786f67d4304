// fuzz_payload.cpp: libFuzzer target for the link payload decoders. The input
// is tried as payload text, and (so mutations get past the checksum) as raw
// payload bytes given a correct CRC-32. Whatever decodes must satisfy the
// documented limits and re-encode to the same text.
#include "engine/payload.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "tests/fuzz/fuzz_check.h"

namespace {

void try_text(std::string_view text) {
    using namespace nnplay;
    Result<std::vector<Point>> points = decode_points(text);
    FUZZ_CHECK(points.value.has_value() == points.error.empty());
    if (points) {
        FUZZ_CHECK(points.value->size() <= std::size_t(kMaxPoints));
        for (const Point& p : *points.value)
            FUZZ_CHECK(std::isfinite(p.label) && std::fabs(p.x) <= 6 && std::fabs(p.y) <= 6);
        // Re-encoding gives the same points; the same text too, except a format-1 set with no
        // pinned split, which the encoder writes in its shorter format 0.
        const Encoded again = encode_points(*points.value);
        FUZZ_CHECK(again.ok());
        const Result<std::vector<Point>> back = decode_points(again.text);
        FUZZ_CHECK(back && back.value->size() == points.value->size());
        bool pinned = false;
        for (std::size_t i = 0; i < back.value->size(); ++i) {
            const Point &a = (*points.value)[i], &b = (*back.value)[i];
            FUZZ_CHECK(a.x == b.x && a.y == b.y && a.label == b.label && a.split == b.split);
            pinned = pinned || a.split != PointSplit::automatic;
        }
        if (pinned) FUZZ_CHECK(again.text == text);
    }
    Result<WeightsPayload> weights = decode_weights(text);
    FUZZ_CHECK(weights.value.has_value() == weights.error.empty());
    if (weights) {
        const Encoded again = encode_weights(*weights.value);
        FUZZ_CHECK(again.ok() && again.text == text);
        const Result<WeightsPayload> same =
            decode_weights(text, weights.value->spec, int(weights.value->members.size()));
        FUZZ_CHECK(same.value.has_value());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    // First byte even: the rest is payload text. Odd: raw bytes, framed with a good CRC.
    const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
    if (data[0] % 2 == 0) {
        try_text(rest);
    } else {
        std::vector<std::uint8_t> bytes(data + 1, data + size);
        const std::uint32_t crc = nnplay::crc32(bytes);
        for (int s = 0; s < 32; s += 8) bytes.push_back(std::uint8_t(crc >> s));
        try_text(nnplay::base64url_encode(bytes));
    }
    return 0;
}
