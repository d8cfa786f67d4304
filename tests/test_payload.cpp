// test_payload.cpp: link payloads. Round trips are exact for float32 and
// within half precision for float16; every way a payload can be wrong gives
// its own message, never a crash.
#include "engine/payload.h"

#include <doctest/doctest.h>

#include <bit>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

using namespace nnplay;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

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
    CHECK(contains(base64url_decode("Zm9v=").error, "bad base64"));
    CHECK(contains(base64url_decode("Zm+v").error, "'+' at position 2"));
    CHECK(contains(base64url_decode("Zm9vY").error, "length 5 is impossible"));
    CHECK(contains(base64url_decode("Zh").error, "bits set"));  // "Zg" is canonical
}

TEST_CASE("crc32 matches the standard check value") {
    std::string s = "123456789";
    CHECK(crc32(std::vector<std::uint8_t>(s.begin(), s.end())) == 0xCBF43926u);
}

TEST_CASE("float16 conversion: exact values, rounding, overflow, subnormals") {
    CHECK(float_to_half(1.0f) == 0x3c00);
    CHECK(float_to_half(-2.0f) == 0xc000);
    CHECK(float_to_half(65504.0f) == 0x7bff);
    CHECK(float_to_half(65520.0f) == 0x7c00);
    CHECK(float_to_half(0x1p-24f) == 0x0001);
    CHECK(float_to_half(0x1p-26f) == 0x0000);
    CHECK(half_to_float(0x3555) == doctest::Approx(0.333251953125));
    CHECK(half_to_float(0x0001) == 0x1p-24f);
    for (float v : {0.1f, -3.14159f, 1e-3f, 1234.5f, 0.0f})
        CHECK(half_to_float(float_to_half(v)) == doctest::Approx(v).epsilon(1.0 / 2048));
    // Every half survives half → float → half.
    for (unsigned h = 0; h < 0x10000; ++h) {
        if ((h & 0x7c00) == 0x7c00 && (h & 0x3ff)) continue;  // NaN payloads
        if (float_to_half(half_to_float(std::uint16_t(h))) != h) {
            FAIL("half " << h << " does not round trip");
            break;
        }
    }
}

TEST_CASE("points payload: round trip is exact") {
    std::vector<Point> points = {{0.1f, -5.99f, 1}, {6, -6, 0}, {1e-7f, 3.3333333f, 2.5f}};
    Encoded e = encode_points(points);
    REQUIRE(e.ok());
    Decoded<std::vector<Point>> d = decode_points(e.text);
    REQUIRE_MESSAGE(d, d.error);
    CHECK(*d.value == points);

    Encoded empty = encode_points({});
    REQUIRE(empty.ok());
    REQUIRE(decode_points(empty.text));
    CHECK(decode_points(empty.text).value->empty());
}

TEST_CASE("points payload: 5000 points fit in the size limit, 5001 do not") {
    std::vector<Point> points(5000, Point{1, 2, 1});
    Encoded e = encode_points(points);
    REQUIRE(e.ok());
    CHECK(decode_points(e.text).value->size() == 5000);
    points.push_back({});
    CHECK(encode_points(points).error == "5001 points, at most 5000");
    // A hand-made payload that claims 5001 points.
    CHECK(decode_points(frame({1, 'P', 0, 0x89, 0x13})).error == "5001 points, at most 5000");
}

TEST_CASE("points payload: every rejection has its message") {
    SUBCASE("bad base64") { CHECK(contains(decode_points("AAA*").error, "bad base64")); }
    SUBCASE("empty") { CHECK(decode_points("").error == "empty payload"); }
    SUBCASE("truncated header") {
        CHECK(decode_points(base64url_encode(std::vector<std::uint8_t>{1, 'P'})).error ==
              "truncated: 2 bytes, need at least 7");
    }
    SUBCASE("truncated body") {
        std::vector<std::uint8_t> b = points_body({{1, 2, 0}});
        b.resize(b.size() - 4);  // drop the label, then checksum what is left
        CHECK(decode_points(frame(b)).error == "truncated: 17 bytes, need at least 21");
    }
    SUBCASE("trailing bytes") {
        std::vector<std::uint8_t> b = points_body({{1, 2, 0}});
        b.push_back(0);
        CHECK(decode_points(frame(b)).error == "length mismatch: 1 unexpected bytes after the data");
    }
    SUBCASE("oversized") {
        CHECK(contains(decode_points(std::string(90000, 'A')).error, "payload too large: 67500 bytes"));
    }
    SUBCASE("wrong version") {
        std::vector<std::uint8_t> b = points_body({});
        b[0] = 7;
        CHECK(decode_points(frame(b)).error == "unsupported payload version 7 (this build reads 1)");
    }
    SUBCASE("wrong checksum") {
        CHECK(contains(decode_points(frame(points_body({{1, 2, 0}}), false)).error,
                       "checksum mismatch: stored"));
        // One flipped character of a valid payload.
        std::string text = encode_points({{1, 2, 0}}).text;
        text[6] = text[6] == 'A' ? 'B' : 'A';
        CHECK(contains(decode_points(text).error, "checksum mismatch"));
    }
    SUBCASE("wrong kind") {
        Encoded w = encode_weights(small_weights(WeightFormat::float32));
        CHECK(decode_points(w.text).error == "not a points payload (it holds weights)");
    }
    SUBCASE("unknown format") {
        std::vector<std::uint8_t> b = points_body({});
        b[2] = 3;
        CHECK(decode_points(frame(b)).error == "unknown points format 3");
    }
    SUBCASE("NaN and infinity") {
        const float nan = std::numeric_limits<float>::quiet_NaN();
        const float inf = std::numeric_limits<float>::infinity();
        CHECK(decode_points(frame(points_body({{1, 2, 0}, {nan, 0, 0}}))).error ==
              "point 1: NaN or infinite value");
        CHECK(decode_points(frame(points_body({{0, 0, inf}}))).error ==
              "point 0: NaN or infinite value");
        CHECK(encode_points({{0, nan, 0}}).error == "point 0: NaN or infinite value");
    }
    SUBCASE("coordinates outside the plot") {
        CHECK(decode_points(frame(points_body({{0, 6.5f, 0}}))).error ==
              "point 0: coordinate 6.5 is outside [-6, 6]");
        CHECK(encode_points({{-7, 0, 0}}).error == "point 0: coordinate -7 is outside [-6, 6]");
    }
}

TEST_CASE("weights payload: float32 round trip is exact") {
    WeightsPayload w = small_weights(WeightFormat::float32);
    Encoded e = encode_weights(w);
    REQUIRE(e.ok());
    Decoded<WeightsPayload> d = decode_weights(e.text, small_spec(), 2);
    REQUIRE_MESSAGE(d, d.error);
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
    Decoded<WeightsPayload> d = decode_weights(e16.text);
    REQUIRE_MESSAGE(d, d.error);
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
        Decoded<WeightsPayload> d = decode_weights(encode_weights(w).text, s, 1);
        REQUIRE_MESSAGE(d, d.error);
        CHECK(d.value->members == w.members);
    }
}

TEST_CASE("weights payload: every rejection has its message") {
    const std::string good = encode_weights(small_weights(WeightFormat::float32)).text;
    SUBCASE("shape mismatch") {
        NetworkSpec other = small_spec();
        other.hidden = {4};
        CHECK(decode_weights(good, other, 2).error ==
              "shape mismatch: the payload holds 2 x (inputs 2, hidden 3 (relu), output 1 "
              "sigmoid_log), the network is 2 x (inputs 2, hidden 4 (relu), output 1 sigmoid_log)");
        CHECK(contains(decode_weights(good, small_spec(), 1).error, "shape mismatch"));
        other = small_spec();
        other.activations = {Activation::tanh};
        CHECK(contains(decode_weights(good, other, 2).error, "shape mismatch"));
    }
    SUBCASE("wrong kind") {
        CHECK(decode_weights(encode_points({}).text).error == "not a weights payload (it holds points)");
    }
    SUBCASE("wrong checksum") {
        std::vector<std::uint8_t> bytes = *base64url_decode(good).value;
        bytes[10] ^= 0x40;
        CHECK(contains(decode_weights(base64url_encode(bytes)).error, "checksum mismatch"));
    }
    SUBCASE("truncated") {
        std::vector<std::uint8_t> bytes = *base64url_decode(good).value;
        bytes.resize(bytes.size() - 4 - 8);  // drop the checksum and two weights
        CHECK(decode_weights(frame(bytes)).error == "truncated: " + std::to_string(bytes.size() + 4) +
                                                        " bytes, need at least " +
                                                        std::to_string(bytes.size() + 12));
    }
    SUBCASE("NaN weight") {
        std::vector<std::uint8_t> bytes = *base64url_decode(good).value;
        bytes.resize(bytes.size() - 4);
        bytes[bytes.size() - 1] = 0x7f, bytes[bytes.size() - 2] = 0xc0;  // last weight: NaN
        CHECK(decode_weights(frame(bytes)).error == "member 1, weight 12: NaN or infinite value");
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
        CHECK(decode_weights(frame({1, 'W', 0, 2, 0, 1})).error == "malformed shape: 0 layers");
        CHECK(decode_weights(frame({1, 'W', 0, 2, 1, 0, 1, 1})).error ==
              "malformed shape: layer 0 has width 0");
        CHECK(decode_weights(frame({1, 'W', 0, 2, 2, 3, 1, 99, 1, 1})).error ==
              "malformed shape: unknown activation 99");
        CHECK(decode_weights(frame({1, 'W', 0, 2, 1, 1, 1, 0})).error ==
              "malformed shape: 0 members (1..8)");
        CHECK(decode_weights(frame({1, 'W', 2})).error == "unknown weight format 2");
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
