// test_payload.cpp: link payloads. Round trips are exact for float32 and
// within half precision for float16; every way a payload can be wrong gives
// its own message, never a crash.
#include "engine/payload.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

using namespace nnplay;
using namespace nnplay::test;

namespace {

// Frames raw bytes as a payload (version, kind, format, body, CRC) so tests
// can make payloads an encoder never would.
std::string frame(std::vector<std::uint8_t> bytes, bool good_crc = true) {
    std::uint32_t c = crc32(bytes);
    if (!good_crc) c ^= 1;
    for (int s = 0; s < 32; s += 8) bytes.push_back(std::uint8_t(c >> s));
    return base64url_encode(bytes);
}

void put_f32(std::vector<std::uint8_t>& b, float v) {
    const auto u = std::bit_cast<std::uint32_t>(v);
    for (int s = 0; s < 32; s += 8) b.push_back(std::uint8_t(u >> s));
}

std::vector<std::uint8_t> points_body(std::initializer_list<Point> points) {
    std::vector<std::uint8_t> b = {1, 'P', 0, std::uint8_t(points.size()), 0};
    for (const Point& p : points) put_f32(b, p.x), put_f32(b, p.y), put_f32(b, p.label);
    return b;
}

NetworkSpec small_spec() {
    NetworkSpec s;
    s.inputs = 2;
    s.hidden = {3};
    s.activations = {Activation::relu};
    s.output = Output::sigmoid_log;
    s.outputs = 1;
    return s;
}

WeightsPayload small_weights(WeightFormat format) {
    WeightsPayload w;
    w.spec = small_spec();
    w.format = format;
    const std::size_t P = param_count(w.spec);  // 3·2 + 3 + 1·3 + 1 = 13
    for (int m = 0; m < 2; ++m) {
        std::vector<float> params(P);
        for (std::size_t i = 0; i < P; ++i) params[i] = float(std::sin(double(i * 7 + m))) * 1.7f;
        w.members.push_back(params);
    }
    return w;
}

}  // namespace

TEST_CASE("base64url: known vectors without padding, and strict decoding") {
    auto enc = [](std::string s) {
        return base64url_encode(std::vector<std::uint8_t>(s.begin(), s.end()));
    };
    CHECK(enc("") == "");
    CHECK(enc("f") == "Zg");
    CHECK(enc("fo") == "Zm8");
    CHECK(enc("foo") == "Zm9v");
    CHECK(enc("foob") == "Zm9vYg");
    CHECK(base64url_encode(std::vector<std::uint8_t>{0xfb, 0xff}) == "-_8");
    auto d = base64url_decode("Zm9vYg");
    REQUIRE(d);
    CHECK(std::string(d.value->begin(), d.value->end()) == "foob");
    CHECK(contains(base64url_decode("Zm9v=").error.reason, "bad base64"));
    CHECK(contains(base64url_decode("Zm+v").error.reason, "'+' at position 2"));
    CHECK(contains(base64url_decode("Zm9vY").error.reason, "length 5 is impossible"));
    CHECK(contains(base64url_decode("Zh").error.reason, "bits set"));  // "Zg" is canonical
}

TEST_CASE("crc32 matches the standard check value") {
    std::string s = "123456789";
    CHECK(crc32(std::vector<std::uint8_t>(s.begin(), s.end())) == 0xCBF43926u);
}

namespace {

// The hand-written conversion links used before Eigen::half (main 142740f), kept as the
// plain reference: float16 weights already shared must widen and narrow to the same bits.
std::uint16_t reference_float_to_half(float value) {
    const std::uint32_t f = std::bit_cast<std::uint32_t>(value);
    const std::uint16_t sign = std::uint16_t((f >> 16) & 0x8000);
    const std::uint32_t abs = f & 0x7fffffffu;
    if (abs >= 0x7f800000u) return sign | (abs > 0x7f800000u ? 0x7e00 : 0x7c00);  // NaN, inf
    if (abs >= 0x477ff000u) return sign | 0x7c00;  // rounds to >= 65520: inf
    if (abs < 0x38800000u) {                         // below 2^-14: subnormal half (or zero)
        if (abs < 0x33000000u) return sign;          // below half the smallest subnormal
        const std::uint32_t mant = (abs & 0x7fffff) | 0x800000;
        const int shift = 126 - int(abs >> 23);
        std::uint32_t h = mant >> shift;
        const std::uint32_t rem = mant & ((1u << shift) - 1), half = 1u << (shift - 1);
        if (rem > half || (rem == half && (h & 1))) ++h;
        return sign | std::uint16_t(h);
    }
    std::uint32_t h = ((abs >> 23) - 112) << 10 | ((abs >> 13) & 0x3ff);
    const std::uint32_t rem = abs & 0x1fff;
    if (rem > 0x1000 || (rem == 0x1000 && (h & 1))) ++h;
    return sign | std::uint16_t(h);
}

float reference_half_to_float(std::uint16_t h) {
    const std::uint32_t sign = std::uint32_t(h & 0x8000) << 16;
    const std::uint32_t exp = (h >> 10) & 0x1f, mant = h & 0x3ff;
    if (exp == 0x1f) return std::bit_cast<float>(sign | 0x7f800000u | (mant << 13));
    if (exp == 0) {
        const float v = float(mant) * 0x1p-24f;
        return sign ? -v : v;
    }
    return std::bit_cast<float>(sign | ((exp + 112) << 23) | (mant << 13));
}

bool is_half_nan(std::uint16_t h) { return (h & 0x7c00) == 0x7c00 && (h & 0x3ff) != 0; }

}  // namespace

TEST_CASE("float16 conversion: exact values, rounding, overflow, subnormals, NaN") {
    CHECK(float_to_half(1.0f) == 0x3c00);
    CHECK(float_to_half(-2.0f) == 0xc000);
    CHECK(float_to_half(-0.0f) == 0x8000);
    CHECK(float_to_half(65504.0f) == 0x7bff);
    CHECK(float_to_half(65519.99f) == 0x7bff);  // just below the midpoint to 2^16: rounds down
    CHECK(float_to_half(65520.0f) == 0x7c00);   // the midpoint rounds to even: inf
    CHECK(float_to_half(-1e9f) == 0xfc00);
    CHECK(float_to_half(std::numeric_limits<float>::infinity()) == 0x7c00);
    // Round to nearest, ties to even: 1 + 2^-11 lies halfway between 0x3c00 and 0x3c01.
    CHECK(float_to_half(1.0f + 0x1p-11f) == 0x3c00);
    CHECK(float_to_half(1.0f + 3 * 0x1p-11f) == 0x3c02);
    CHECK(float_to_half(1.0f + 0x1p-11f + 0x1p-20f) == 0x3c01);
    // Subnormals: 2^-24 is the smallest; half of it is a tie that rounds to even (0).
    CHECK(float_to_half(0x1p-24f) == 0x0001);
    CHECK(float_to_half(0x1p-25f) == 0x0000);
    CHECK(float_to_half(0x1p-25f + 0x1p-35f) == 0x0001);
    CHECK(float_to_half(3 * 0x1p-25f) == 0x0002);
    CHECK(float_to_half(0x1p-26f) == 0x0000);
    CHECK(float_to_half(0x1.ff8p-15f) == 0x03ff);  // the largest subnormal
    CHECK(float_to_half(0x1.ffcp-15f) == 0x0400);  // halfway above it: ties to even, the smallest normal
    CHECK(half_to_float(0x3555) == doctest::Approx(0.333251953125));
    CHECK(half_to_float(0x0001) == 0x1p-24f);
    CHECK(half_to_float(0x7c00) == std::numeric_limits<float>::infinity());
    CHECK(std::isnan(half_to_float(0x7e00)));
    CHECK(is_half_nan(float_to_half(std::numeric_limits<float>::quiet_NaN())));
    CHECK((float_to_half(-std::numeric_limits<float>::quiet_NaN()) & 0x8000) != 0);
    for (float v : {0.1f, -3.14159f, 1e-3f, 1234.5f, 0.0f})
        CHECK(half_to_float(float_to_half(v)) == doctest::Approx(v).epsilon(1.0 / 2048));
    // Every half widens as the reference does and survives half → float → half.
    for (unsigned h = 0; h < 0x10000; ++h) {
        const auto u = std::uint16_t(h);
        if (is_half_nan(u)) {
            if (!std::isnan(half_to_float(u))) FAIL("half " << h << " is NaN, widened it is not");
            continue;
        }
        if (std::bit_cast<std::uint32_t>(half_to_float(u)) !=
                std::bit_cast<std::uint32_t>(reference_half_to_float(u)) ||
            float_to_half(half_to_float(u)) != u) {
            FAIL("half " << h << " does not widen or round trip as before");
            break;
        }
    }
    // Narrowing equals the reference on every float whose bits are a multiple of 61 (70
    // million of them, every exponent, both signs, the rounding cases near each half) and
    // on each float just beside a midpoint between two halves.
    std::uint64_t differ = 0, first = 0;
    auto compare = [&](std::uint32_t bits) {
        const float f = std::bit_cast<float>(bits);
        const std::uint16_t got = float_to_half(f), want = reference_float_to_half(f);
        const bool same = std::isnan(f) ? is_half_nan(got) && (got & 0x8000) == (want & 0x8000)
                                        : got == want;
        if (!same && differ++ == 0) first = bits;
    };
    for (std::uint64_t bits = 0; bits <= 0xffffffffu; bits += 61) compare(std::uint32_t(bits));
    for (std::uint32_t h = 0; h < 0x7c00; ++h) {
        const std::uint32_t mid = std::bit_cast<std::uint32_t>(
            (reference_half_to_float(std::uint16_t(h)) + reference_half_to_float(std::uint16_t(h + 1))) / 2);
        for (std::uint32_t sign : {0u, 0x80000000u})
            for (std::uint32_t b : {mid - 1, mid, mid + 1}) compare(sign | b);
    }
    CHECK_MESSAGE(differ == 0, differ << " floats narrow differently, the first 0x" << std::hex << first);
}

TEST_CASE("payload enum codes: every value has exactly one code, and codes are unique") {
    auto check_table = [](const auto& table, int last) {
        for (int v = 0; v <= last; ++v) {
            int n = 0;
            for (const auto& c : table) n += int(c.value) == v;
            CHECK_MESSAGE(n == 1, "enum value " << v << " has " << n << " codes");
        }
        for (std::size_t i = 0; i < table.size(); ++i)
            for (std::size_t j = i + 1; j < table.size(); ++j) CHECK(table[i].code != table[j].code);
        CHECK(table.size() == std::size_t(last + 1));
    };
    check_table(kActivationCodes, int(Activation::formula));
    check_table(kOutputCodes, int(Output::step));
    // The bytes links have carried since main 142740f, by name: changing one breaks every
    // link shared with that activation or output.
    const std::pair<const char*, int> activations[] = {{"linear", 0}, {"sigmoid", 1}, {"tanh", 2},
        {"relu", 3}, {"leakyrelu", 4}, {"elu", 5}, {"softplus", 6}, {"swish", 7}};
    for (auto [name, code] : activations) {
        Activation a{};
        REQUIRE(parse_activation(name, a));
        for (const auto& c : kActivationCodes)
            if (c.value == a) CHECK_MESSAGE(c.code == code, name);
    }
    const std::pair<const char*, int> outputs[] = {{"linear_square", 0}, {"sigmoid_log", 1},
        {"tanh_square", 2}, {"softmax_ce", 3}, {"step", 4}};
    for (auto [name, code] : outputs)
        for (const auto& c : kOutputCodes)
            if (std::string(name_of(c.value)) == name) CHECK_MESSAGE(c.code == code, name);
}

TEST_CASE("points payload: round trip is exact") {
    std::vector<Point> points = {{0.1f, -5.99f, 1}, {6, -6, 0}, {1e-7f, 3.3333333f, 2.5f}};
    Encoded e = encode_points(points);
    REQUIRE(e.ok());
    Result<std::vector<Point>> d = decode_points(e.text);
    REQUIRE_MESSAGE(d, d.error.message());
    CHECK(*d.value == points);

    Encoded empty = encode_points({});
    REQUIRE(empty.ok());
    REQUIRE(decode_points(empty.text));
    CHECK(decode_points(empty.text).value->empty());
}

TEST_CASE("points payload: pinned splits go in as format 1, unpinned sets stay format 0") {
    const std::vector<Point> plain = {{0.5f, -1, 1}, {2, 3, 0}};
    std::vector<Point> pinned = plain;
    pinned[0].split = PointSplit::test;
    pinned[1].split = PointSplit::train;
    pinned.push_back({1, 1, 1, PointSplit::val});
    pinned.push_back({-1, 1, 0});  // automatic among pinned ones
    const Encoded a = encode_points(plain), b = encode_points(pinned);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    // Unpinned: the format-0 bytes of before (frame() builds them by hand).
    CHECK(a.text == frame(points_body({{0.5f, -1, 1}, {2, 3, 0}})));
    const auto bytes = base64url_decode(b.text);
    REQUIRE(bytes);
    CHECK((*bytes.value)[2] == 1);
    CHECK(bytes.value->size() == 3 + 2 + 4 * 12 + 4 + 4);
    const Result<std::vector<Point>> back = decode_points(b.text);
    REQUIRE_MESSAGE(back, back.error.message());
    CHECK(*back.value == pinned);
    // A split code beyond test, or one missing, is refused.
    std::vector<std::uint8_t> bad = points_body({{1, 2, 0}});
    bad[2] = 1;
    CHECK(decode_points(frame(bad)).error.reason == "truncated: 21 bytes, need at least 22");
    bad.push_back(4);
    CHECK(decode_points(frame(bad)).error.reason == "point 1: unknown split 4");
    bad.back() = 3;
    REQUIRE(decode_points(frame(bad)));
    CHECK(decode_points(frame(bad)).value->at(0).split == PointSplit::test);
}

TEST_CASE("points payload: 5000 points fit in the size limit, 5001 do not") {
    std::vector<Point> points(5000, Point{1, 2, 1});
    Encoded e = encode_points(points);
    REQUIRE(e.ok());
    CHECK(decode_points(e.text).value->size() == 5000);
    points.push_back({});
    CHECK(encode_points(points).error == "5001 points, at most 5000");
    // A hand-made payload that claims 5001 points.
    CHECK(decode_points(frame({1, 'P', 0, 0x89, 0x13})).error.reason == "5001 points, at most 5000");
}

TEST_CASE("points payload: every rejection has its message") {
    SUBCASE("bad base64") { CHECK(contains(decode_points("AAA*").error.reason, "bad base64")); }
    SUBCASE("empty") {
        CHECK(decode_points("").error.reason == "empty payload");
        CHECK(decode_points("").error.message() == "pointData: empty payload");  // the link key
    }
    SUBCASE("truncated header") {
        CHECK(decode_points(base64url_encode(std::vector<std::uint8_t>{1, 'P'})).error.reason ==
              "truncated: 2 bytes, need at least 7");
    }
    SUBCASE("truncated body") {
        std::vector<std::uint8_t> b = points_body({{1, 2, 0}});
        b.resize(b.size() - 4);  // drop the label, then checksum what is left
        CHECK(decode_points(frame(b)).error.reason == "truncated: 17 bytes, need at least 21");
    }
    SUBCASE("trailing bytes") {
        std::vector<std::uint8_t> b = points_body({{1, 2, 0}});
        b.push_back(0);
        CHECK(decode_points(frame(b)).error.reason == "length mismatch: 1 unexpected bytes after the data");
    }
    SUBCASE("oversized") {
        CHECK(contains(decode_points(std::string(90000, 'A')).error.reason, "payload too large: 67500 bytes"));
    }
    SUBCASE("wrong version") {
        std::vector<std::uint8_t> b = points_body({});
        b[0] = 7;
        CHECK(decode_points(frame(b)).error.reason == "unsupported payload version 7 (this build reads 1)");
    }
    SUBCASE("wrong checksum") {
        CHECK(contains(decode_points(frame(points_body({{1, 2, 0}}), false)).error.reason,
                       "checksum mismatch: stored"));
        // One flipped character of a valid payload.
        std::string text = encode_points({{1, 2, 0}}).text;
        text[6] = text[6] == 'A' ? 'B' : 'A';
        CHECK(contains(decode_points(text).error.reason, "checksum mismatch"));
    }
    SUBCASE("wrong kind") {
        Encoded w = encode_weights(small_weights(WeightFormat::float32));
        CHECK(decode_points(w.text).error.reason == "not a points payload (it holds weights)");
    }
    SUBCASE("unknown format") {
        std::vector<std::uint8_t> b = points_body({});
        b[2] = 3;
        CHECK(decode_points(frame(b)).error.reason == "unknown points format 3");
    }
    SUBCASE("NaN and infinity") {
        const float nan = std::numeric_limits<float>::quiet_NaN();
        const float inf = std::numeric_limits<float>::infinity();
        CHECK(decode_points(frame(points_body({{1, 2, 0}, {nan, 0, 0}}))).error.reason ==
              "point 1: NaN or infinite value");
        CHECK(decode_points(frame(points_body({{0, 0, inf}}))).error.reason ==
              "point 0: NaN or infinite value");
        CHECK(encode_points({{0, nan, 0}}).error == "point 0: NaN or infinite value");
    }
    SUBCASE("coordinates outside the plot") {
        CHECK(decode_points(frame(points_body({{0, 6.5f, 0}}))).error.reason ==
              "point 0: coordinate 6.5 is outside [-6, 6]");
        CHECK(encode_points({{-7, 0, 0}}).error == "point 0: coordinate -7 is outside [-6, 6]");
    }
}

TEST_CASE("weights payload: float32 round trip is exact") {
    WeightsPayload w = small_weights(WeightFormat::float32);
    Encoded e = encode_weights(w);
    REQUIRE(e.ok());
    Result<WeightsPayload> d = decode_weights(e.text, small_spec(), 2);
    REQUIRE_MESSAGE(d, d.error.message());
    CHECK(d.value->spec == w.spec);
    CHECK(d.value->format == WeightFormat::float32);
    CHECK(d.value->members == w.members);
}

TEST_CASE("weights payload: float16 is about half the size and within tolerance") {
    WeightsPayload w = small_weights(WeightFormat::float16);
    Encoded e16 = encode_weights(w);
    Encoded e32 = encode_weights(small_weights(WeightFormat::float32));
    REQUIRE(e16.ok());
    CHECK(e16.text.size() < e32.text.size() * 2 / 3);
    Result<WeightsPayload> d = decode_weights(e16.text);
    REQUIRE_MESSAGE(d, d.error.message());
    CHECK(d.value->format == WeightFormat::float16);
    for (std::size_t m = 0; m < w.members.size(); ++m)
        for (std::size_t i = 0; i < w.members[m].size(); ++i)
            CHECK(d.value->members[m][i] ==
                  doctest::Approx(w.members[m][i]).epsilon(1.0 / 2048));
}

TEST_CASE("weights payload: a real network's parameters, every output kind") {
    for (Output o : {Output::linear_square, Output::sigmoid_log, Output::tanh_square,
                     Output::softmax_ce, Output::step}) {
        NetworkSpec s = small_spec();
        s.output = o;
        s.outputs = o == Output::softmax_ce ? 4 : 1;
        Network<float> net(s);
        for (Eigen::Index i = 0; i < net.params().size(); ++i) net.params()[i] = 0.01f * float(i);
        WeightsPayload w{s, WeightFormat::float32, {}};
        w.members.push_back(std::vector<float>(net.params().data(), net.params().data() + net.params().size()));
        Result<WeightsPayload> d = decode_weights(encode_weights(w).text, s, 1);
        REQUIRE_MESSAGE(d, d.error.message());
        CHECK(d.value->members == w.members);
    }
}

TEST_CASE("weights payload: every rejection has its message") {
    const std::string good = encode_weights(small_weights(WeightFormat::float32)).text;
    SUBCASE("shape mismatch") {
        NetworkSpec other = small_spec();
        other.hidden = {4};
        CHECK(decode_weights(good, other, 2).error.reason ==
              "shape mismatch: the payload holds 2 x (inputs 2, hidden 3 (relu), output 1 "
              "sigmoid_log), the network is 2 x (inputs 2, hidden 4 (relu), output 1 sigmoid_log)");
        CHECK(contains(decode_weights(good, small_spec(), 1).error.reason, "shape mismatch"));
        other = small_spec();
        other.activations = {Activation::tanh};
        CHECK(contains(decode_weights(good, other, 2).error.reason, "shape mismatch"));
    }
    SUBCASE("wrong kind") {
        CHECK(decode_weights(encode_points({}).text).error.reason == "not a weights payload (it holds points)");
        CHECK(decode_weights(encode_points({}).text).error.key == "weights");
    }
    SUBCASE("wrong checksum") {
        std::vector<std::uint8_t> bytes = *base64url_decode(good).value;
        bytes[10] ^= 0x40;
        CHECK(contains(decode_weights(base64url_encode(bytes)).error.reason, "checksum mismatch"));
    }
    SUBCASE("truncated") {
        std::vector<std::uint8_t> bytes = *base64url_decode(good).value;
        bytes.resize(bytes.size() - 4 - 8);  // drop the checksum and two weights
        CHECK(decode_weights(frame(bytes)).error.reason == "truncated: " + std::to_string(bytes.size() + 4) +
                                                        " bytes, need at least " +
                                                        std::to_string(bytes.size() + 12));
    }
    SUBCASE("NaN weight") {
        std::vector<std::uint8_t> bytes = *base64url_decode(good).value;
        bytes.resize(bytes.size() - 4);
        bytes[bytes.size() - 1] = 0x7f, bytes[bytes.size() - 2] = 0xc0;  // last weight: NaN
        CHECK(decode_weights(frame(bytes)).error.reason == "member 1, weight 12: NaN or infinite value");
        WeightsPayload w = small_weights(WeightFormat::float32);
        w.members[0][3] = std::numeric_limits<float>::infinity();
        CHECK(encode_weights(w).error == "member 0, weight 3: NaN or infinite value");
    }
    SUBCASE("float16 overflow") {
        WeightsPayload w = small_weights(WeightFormat::float16);
        w.members[1][0] = 1e5f;
        CHECK(encode_weights(w).error == "member 1, weight 0: 100000 is too large for float16");
    }
    SUBCASE("malformed shape and format") {
        CHECK(decode_weights(frame({1, 'W', 0, 2, 0, 1})).error.reason == "malformed shape: 0 layers");
        CHECK(decode_weights(frame({1, 'W', 0, 2, 1, 0, 1, 1})).error.reason ==
              "malformed shape: layer 0 has width 0");
        CHECK(decode_weights(frame({1, 'W', 0, 2, 2, 3, 1, 99, 1, 1})).error.reason ==
              "malformed shape: unknown activation 99");
        CHECK(decode_weights(frame({1, 'W', 0, 2, 1, 1, 1, 0})).error.reason ==
              "malformed shape: 0 members (1..8)");
        CHECK(decode_weights(frame({1, 'W', 2})).error.reason == "unknown weight format 2");
    }
    SUBCASE("oversized") {
        WeightsPayload w;
        w.spec.inputs = 2;
        w.spec.hidden = {64, 64, 64, 64};
        w.spec.activations.assign(4, Activation::tanh);
        w.members.assign(2, std::vector<float>(param_count(w.spec), 0.5f));
        CHECK(contains(encode_weights(w).error, "payload too large"));
    }
}
