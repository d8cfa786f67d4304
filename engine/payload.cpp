// payload.cpp: base64url, CRC-32, float16 and the points / weights payloads of
// payload.h. The reader checks in a fixed order (base64, size, length,
// version, checksum, kind, body), so each bad input gets one precise message.
#include "engine/payload.h"

#include "engine/assert.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>

#include <Eigen/Core>

namespace nnplay {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::uint8_t kKindPoints = 'P';
constexpr std::uint8_t kKindWeights = 'W';
constexpr std::uint8_t kKindRun = 'R';
constexpr std::size_t kHeader = 3;    // version, kind, format
constexpr std::size_t kChecksum = 4;  // CRC-32 at the end
constexpr int kMaxInputs = feature_count;
constexpr int kMaxLayers = 9;   // 8 hidden + output
constexpr int kMaxWidth = 255;  // one byte

int base64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
}

std::string format_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// Little-endian writer and bounds-checked reader.
struct Writer {
    std::vector<std::uint8_t> bytes;
    void u8(unsigned v) { bytes.push_back(std::uint8_t(v)); }
    void u16(unsigned v) { u8(v & 0xff), u8((v >> 8) & 0xff); }
    void u32(std::uint32_t v) { u16(v & 0xffff), u16(v >> 16); }
    void f32(float v) { u32(Eigen::numext::bit_cast<std::uint32_t>(v)); }
    void u64(std::uint64_t v) { u32(std::uint32_t(v)), u32(std::uint32_t(v >> 32)); }
    void f64(double v) { u64(Eigen::numext::bit_cast<std::uint64_t>(v)); }
};

struct Reader {
    std::span<const std::uint8_t> bytes;  // the body: header and checksum excluded
    std::size_t at = 0;
    bool has(std::size_t n) const { return bytes.size() - at >= n; }
    unsigned u8() { return bytes[at++]; }
    unsigned u16() {
        unsigned lo = u8();
        return lo | (u8() << 8);
    }
    std::uint32_t u32() {
        std::uint32_t lo = u16();
        return lo | (std::uint32_t(u16()) << 16);
    }
    float f32() { return Eigen::numext::bit_cast<float>(u32()); }
    std::uint64_t u64() {
        std::uint64_t lo = u32();
        return lo | (std::uint64_t(u32()) << 32);
    }
    double f64() { return Eigen::numext::bit_cast<double>(u64()); }
};

std::string truncated(std::size_t have, std::size_t need) {
    return "truncated: " + std::to_string(have) + " bytes, need at least " + std::to_string(need);
}

// Frames a body: header, body, checksum, base64url; refuses oversized results.
Encoded finish(std::uint8_t kind, std::uint8_t format, const std::vector<std::uint8_t>& body) {
    std::vector<std::uint8_t> bytes = {std::uint8_t(kPayloadVersion), kind, format};
    bytes.insert(bytes.end(), body.begin(), body.end());
    if (bytes.size() + kChecksum > kPayloadMaxBytes)
        return {{}, "payload too large: " + std::to_string(bytes.size() + kChecksum) +
                        " bytes, at most " + std::to_string(kPayloadMaxBytes)};
    Writer w{std::move(bytes)};
    w.u32(crc32(w.bytes));
    return {base64url_encode(w.bytes), {}};
}

// Unframes: base64, size, version, checksum and kind. On success `body` is
// the bytes between header and checksum and `format` the format byte.
std::string open(std::string_view text, std::uint8_t kind, std::vector<std::uint8_t>& bytes,
                 std::span<const std::uint8_t>& body, std::uint8_t& format) {
    // Checked before decoding, so a huge text costs nothing.
    const std::size_t decoded_size = text.size() / 4 * 3 + (text.size() % 4 ? text.size() % 4 - 1 : 0);
    if (decoded_size > kPayloadMaxBytes)
        return "payload too large: " + std::to_string(decoded_size) + " bytes, at most " +
               std::to_string(kPayloadMaxBytes);
    Result<std::vector<std::uint8_t>> decoded = base64url_decode(text);
    if (!decoded) return decoded.error.reason;
    bytes = std::move(*decoded);
    if (bytes.empty()) return "empty payload";
    if (bytes[0] != kPayloadVersion)
        return "unsupported payload version " + std::to_string(bytes[0]) + " (this build reads " +
               std::to_string(kPayloadVersion) + ")";
    if (bytes.size() < kHeader + kChecksum) return truncated(bytes.size(), kHeader + kChecksum);
    const std::size_t n = bytes.size() - kChecksum;
    const std::uint32_t stored = std::uint32_t(bytes[n]) | std::uint32_t(bytes[n + 1]) << 8 |
                                 std::uint32_t(bytes[n + 2]) << 16 | std::uint32_t(bytes[n + 3]) << 24;
    const std::uint32_t computed = crc32(std::span(bytes).first(n));
    if (stored != computed) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "checksum mismatch: stored %08x, computed %08x",
                      unsigned(stored), unsigned(computed));
        return buf;
    }
    if (bytes[1] != kind) {
        auto name = [](std::uint8_t k) {
            return k == kKindPoints ? "points" : k == kKindWeights ? "weights" : k == kKindRun ? "run state" : "unknown";
        };
        const char* want = name(kind);
        const char* got = name(bytes[1]);
        return std::string("not a ") + want + " payload (it holds " + got + ")";
    }
    format = bytes[2];
    body = std::span(bytes).subspan(kHeader, n - kHeader);
    return {};
}

std::string trailing(const Reader& r) {
    return "length mismatch: " + std::to_string(r.bytes.size() - r.at) +
           " unexpected bytes after the data";
}

// The point checks shared by encoder and decoder; empty when p is fine.
std::string check_point(const Point& p, std::size_t index) {
    const std::string at = "point " + std::to_string(index) + ": ";
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.label))
        return at + "NaN or infinite value";
    for (float c : {p.x, p.y})
        if (std::fabs(c) > kDomain)
            return at + "coordinate " + format_number(c) + " is outside [-" + format_number(kDomain) + ", " +
                   format_number(kDomain) + "]";
    return {};
}

std::string too_many_points(std::size_t n) {
    return std::to_string(n) + " points, at most " + std::to_string(kMaxPoints);
}

template <typename T>
Result<T> points_error(std::string reason) {
    return ReadError{std::move(reason), 0, 0, "pointData"};
}
template <typename T>
Result<T> weights_error(std::string reason) {
    return ReadError{std::move(reason), 0, 0, "weights"};
}

template <typename E, std::size_t N>
std::uint8_t code_of(const std::array<EnumCode<E>, N>& table, E value) {
    for (const EnumCode<E>& c : table)
        if (c.value == value) return c.code;
    NNPLAY_ASSERT(false && "an enum value without a payload code");
    return 0xff;
}

template <typename E, std::size_t N>
bool value_of(const std::array<EnumCode<E>, N>& table, unsigned code, E& out) {
    for (const EnumCode<E>& c : table)
        if (c.code == code) {
            out = c.value;
            return true;
        }
    return false;
}

bool same_shape(const NetworkSpec& a, const NetworkSpec& b) {
    return a.inputs == b.inputs && a.hidden == b.hidden && a.activations == b.activations &&
           a.output == b.output && a.outputs == b.outputs;
}

}  // namespace

// ---------------------------------------------------------------------------

std::string base64url_encode(std::span<const std::uint8_t> bytes) {
    std::string out;
    out.reserve((bytes.size() * 4 + 2) / 3);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t v = std::uint32_t(bytes[i]) << 16 | std::uint32_t(bytes[i + 1]) << 8 | bytes[i + 2];
        for (int s = 18; s >= 0; s -= 6) out += kAlphabet[(v >> s) & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest == 1) {
        const std::uint32_t v = std::uint32_t(bytes[i]) << 16;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
    } else if (rest == 2) {
        const std::uint32_t v = std::uint32_t(bytes[i]) << 16 | std::uint32_t(bytes[i + 1]) << 8;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
    }
    return out;
}

Result<std::vector<std::uint8_t>> base64url_decode(std::string_view text) {
    using R = Result<std::vector<std::uint8_t>>;
    if (text.size() % 4 == 1)
        return R::fail("bad base64: length " + std::to_string(text.size()) + " is impossible");
    std::vector<std::uint8_t> out;
    out.reserve(text.size() / 4 * 3 + 2);
    std::uint32_t acc = 0;
    int bits = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const int v = base64_value(text[i]);
        if (v < 0) {
            const auto c = static_cast<unsigned char>(text[i]);
            char what[16];
            if (c >= 0x21 && c < 0x7f) std::snprintf(what, sizeof what, "'%c'", c);
            else std::snprintf(what, sizeof what, "byte 0x%02x", unsigned(c));
            return R::fail(std::string("bad base64: ") + what + " at position " + std::to_string(i) +
                           " is not a base64url character");
        }
        acc = (acc << 6) | std::uint32_t(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(std::uint8_t((acc >> bits) & 0xff));
        }
    }
    if (bits > 0 && (acc & ((1u << bits) - 1)) != 0)
        return R::fail("bad base64: the last character has bits set that encode nothing");
    return out;
}

std::uint32_t crc32(std::span<const std::uint8_t> bytes) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (std::uint8_t b : bytes) c = table[(c ^ b) & 0xff] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

std::uint16_t float_to_half(float value) {
    return Eigen::numext::bit_cast<std::uint16_t>(Eigen::half(value));
}

float half_to_float(std::uint16_t h) {
    return float(Eigen::numext::bit_cast<Eigen::half>(h));
}

// ---------------------------------------------------------------------------

Encoded encode_points(const std::vector<Point>& points) {
    if (points.size() > std::size_t(kMaxPoints)) return {{}, too_many_points(points.size())};
    Writer w;
    w.u16(unsigned(points.size()));
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (std::string e = check_point(points[i], i); !e.empty()) return {{}, e};
        w.f32(points[i].x), w.f32(points[i].y), w.f32(points[i].label);
    }
    // Format 1 adds each point's split; without pinned points the payload stays format 0,
    // byte for byte what it was before splits were pinned.
    const bool pinned = std::any_of(points.begin(), points.end(),
                                    [](const Point& p) { return p.split != PointSplit::automatic; });
    if (pinned)
        for (const Point& p : points) w.u8(unsigned(p.split));
    return finish(kKindPoints, pinned ? 1 : 0, w.bytes);
}

Result<std::vector<Point>> decode_points(std::string_view text) {
    using Points = std::vector<Point>;
    std::vector<std::uint8_t> bytes;
    std::span<const std::uint8_t> body;
    std::uint8_t format = 0;
    if (std::string e = open(text, kKindPoints, bytes, body, format); !e.empty())
        return points_error<Points>(e);
    if (format > 1) return points_error<Points>("unknown points format " + std::to_string(format));
    Reader r{body};
    if (!r.has(2)) return points_error<Points>(truncated(bytes.size(), kHeader + 2 + kChecksum));
    const unsigned count = r.u16();
    if (count > unsigned(kMaxPoints)) return points_error<Points>(too_many_points(count));
    if (!r.has(std::size_t(count) * 12))
        return points_error<Points>(
            truncated(bytes.size(), kHeader + 2 + std::size_t(count) * 12 + kChecksum));
    Points points(count);
    for (unsigned i = 0; i < count; ++i) {
        Point& p = points[i];
        p.x = r.f32(), p.y = r.f32(), p.label = r.f32();
        if (std::string e = check_point(p, i); !e.empty()) return points_error<Points>(e);
    }
    if (format == 1) {  // one split code per point
        if (!r.has(count))
            return points_error<Points>(
                truncated(bytes.size(), kHeader + 2 + std::size_t(count) * 13 + kChecksum));
        for (unsigned i = 0; i < count; ++i) {
            const unsigned code = r.u8();
            if (code > unsigned(PointSplit::test))
                return points_error<Points>("point " + std::to_string(i + 1) + ": unknown split " +
                                            std::to_string(code));
            points[i].split = PointSplit(code);
        }
    }
    if (r.has(1)) return points_error<Points>(trailing(r));
    return points;
}

// ---------------------------------------------------------------------------

std::size_t param_count(const NetworkSpec& spec) {
    std::size_t n = 0;
    for (int l = 0; l < spec.layer_count(); ++l)
        n += std::size_t(spec.width(l)) * std::size_t(spec.fan_in(l)) + std::size_t(spec.width(l));
    return n;
}

Encoded encode_weights(const WeightsPayload& weights) {
    const NetworkSpec& spec = weights.spec;
    const int L = spec.layer_count();
    if (spec.inputs < 0 || spec.inputs > kMaxInputs || L > kMaxLayers ||
        spec.activations.size() != spec.hidden.size())
        return {{}, "cannot encode network: " + describe(spec)};
    for (int l = 0; l < L; ++l)
        if (spec.width(l) < 1 || spec.width(l) > kMaxWidth)
            return {{}, "cannot encode network: " + describe(spec)};
    const int members = int(weights.members.size());
    if (members < 1 || members > kPayloadMaxMembers)
        return {{}, "cannot encode " + std::to_string(members) + " members (1..8)"};

    Writer w;
    w.u8(unsigned(spec.inputs));
    w.u8(unsigned(L));
    for (int l = 0; l < L; ++l) w.u8(unsigned(spec.width(l)));
    for (Activation a : spec.activations) w.u8(code_of(kActivationCodes, a));
    w.u8(code_of(kOutputCodes, spec.output));
    w.u8(unsigned(members));
    const std::size_t P = param_count(spec);
    for (int m = 0; m < members; ++m) {
        const std::vector<float>& params = weights.members[std::size_t(m)];
        if (params.size() != P)
            return {{}, "member " + std::to_string(m) + " has " + std::to_string(params.size()) +
                            " parameters, the network " + std::to_string(P)};
        for (std::size_t i = 0; i < P; ++i) {
            if (!std::isfinite(params[i]))
                return {{}, "member " + std::to_string(m) + ", weight " + std::to_string(i) +
                                ": NaN or infinite value"};
            if (weights.format == WeightFormat::float16) {
                const std::uint16_t h = float_to_half(params[i]);
                if ((h & 0x7c00) == 0x7c00)
                    return {{}, "member " + std::to_string(m) + ", weight " + std::to_string(i) +
                                    ": " + format_number(params[i]) + " is too large for float16"};
                w.u16(h);
            } else {
                w.f32(params[i]);
            }
        }
    }
    return finish(kKindWeights, std::uint8_t(weights.format), w.bytes);
}

Result<WeightsPayload> decode_weights(std::string_view text) {
    using W = WeightsPayload;
    std::vector<std::uint8_t> bytes;
    std::span<const std::uint8_t> body;
    std::uint8_t format = 0;
    if (std::string e = open(text, kKindWeights, bytes, body, format); !e.empty())
        return weights_error<W>(e);
    if (format > 1) return weights_error<W>("unknown weight format " + std::to_string(format));
    WeightsPayload out;
    out.format = WeightFormat(format);
    NetworkSpec& spec = out.spec;
    Reader r{body};
    auto short_by = [&](std::size_t need) {
        return weights_error<W>(truncated(bytes.size(), kHeader + r.at + need + kChecksum));
    };
    auto malformed = [](const std::string& what) { return weights_error<W>("malformed shape: " + what); };
    if (!r.has(2)) return short_by(2);
    spec.inputs = int(r.u8());
    const int L = int(r.u8());
    if (spec.inputs > kMaxInputs) return malformed(std::to_string(spec.inputs) + " inputs");
    if (L < 1 || L > kMaxLayers) return malformed(std::to_string(L) + " layers");
    if (!r.has(std::size_t(2 * L + 1))) return short_by(std::size_t(2 * L + 1));
    for (int l = 0; l < L; ++l) {
        const int width = int(r.u8());
        if (width < 1) return malformed("layer " + std::to_string(l) + " has width 0");
        if (l + 1 < L) spec.hidden.push_back(width);
        else spec.outputs = width;
    }
    for (int l = 0; l + 1 < L; ++l) {
        const unsigned code = r.u8();
        Activation a{};
        if (!value_of(kActivationCodes, code, a)) return malformed("unknown activation " + std::to_string(code));
        spec.activations.push_back(a);
    }
    const unsigned output = r.u8();
    if (!value_of(kOutputCodes, output, spec.output))
        return malformed("unknown output " + std::to_string(output));
    const int members = int(r.u8());
    if (members < 1 || members > kPayloadMaxMembers)
        return malformed(std::to_string(members) + " members (1..8)");
    const std::size_t P = param_count(spec);
    const std::size_t size = out.format == WeightFormat::float16 ? 2 : 4;
    if (!r.has(P * std::size_t(members) * size)) return short_by(P * std::size_t(members) * size);
    out.members.assign(std::size_t(members), std::vector<float>(P));
    for (int m = 0; m < members; ++m)
        for (std::size_t i = 0; i < P; ++i) {
            const float v = size == 2 ? half_to_float(std::uint16_t(r.u16())) : r.f32();
            if (!std::isfinite(v))
                return weights_error<W>("member " + std::to_string(m) + ", weight " + std::to_string(i) +
                                        ": NaN or infinite value");
            out.members[std::size_t(m)][i] = v;
        }
    if (r.has(1)) return weights_error<W>(trailing(r));
    return out;
}

Result<WeightsPayload> decode_weights(std::string_view text, const NetworkSpec& expected,
                                      int members) {
    Result<WeightsPayload> d = decode_weights(text);
    if (!d) return d;
    if (ReadError e = check_shape(*d, expected, members); !e.empty()) return e;
    return d;
}

ReadError check_shape(const WeightsPayload& weights, const NetworkSpec& expected, int members) {
    const int got = int(weights.members.size());
    if (same_shape(weights.spec, expected) && got == members) return {};
    return ReadError{"shape mismatch: the payload holds " + std::to_string(got) + " x (" +
                         describe(weights.spec) + "), the network is " + std::to_string(members) +
                         " x (" + describe(expected) + ")",
                     0, 0, "weights"};
}

// ---------------------------------------------------------------------------

namespace {

void write_floats(Writer& w, const std::vector<float>& values) {
    w.u32(std::uint32_t(values.size()));
    for (float v : values) w.f32(v);
}

bool read_floats(Reader& r, std::vector<float>& out) {
    if (!r.has(4)) return false;
    const std::uint32_t n = r.u32();
    if (!r.has(std::size_t(n) * 4)) return false;
    out.resize(n);
    for (float& v : out) {
        v = r.f32();
        if (!std::isfinite(v)) return false;
    }
    return true;
}

}  // namespace

Encoded encode_run_state(const RunState& run) {
    if (run.members.size() > std::size_t(kPayloadMaxMembers) ||
        run.order.size() > std::size_t(kMaxPoints) || run.epoch < 0)
        return {{}, "cannot encode this run state"};
    Writer w;
    const ScheduleState& s = run.schedule;
    w.u32(std::uint32_t(run.epoch));
    w.f64(run.last_rate);
    w.u32(std::uint32_t(s.epoch)), w.u32(std::uint32_t(s.cuts)), w.f64(s.plateau_rate);
    w.u8(s.have_best ? 1 : 0), w.f64(s.best_loss), w.u32(std::uint32_t(s.bad_epochs)), w.u32(std::uint32_t(s.cooldown));
    for (std::uint64_t v : run.shuffle) w.u64(v);
    w.u16(unsigned(run.order.size()));
    for (int i : run.order) w.u16(unsigned(i));
    w.u8(unsigned(run.members.size()));
    for (const OptimizerMoments& m : run.members) {
        w.u32(std::uint32_t(m.steps)), w.f64(m.beta1_t), w.f64(m.beta2_t);
        write_floats(w, m.m);
        write_floats(w, m.s);
    }
    w.u8(run.have_best ? 1 : 0);
    if (run.have_best) {
        w.f64(run.best_val), w.u32(std::uint32_t(run.best_epoch)), w.u32(std::uint32_t(run.since_best));
        w.u8(unsigned(run.best.size()));
        for (const auto& b : run.best) write_floats(w, b);
    }
    // Mid-epoch only: a run saved between epochs reads as it did before slices existed.
    // Dropout's generator once it has drawn: then the position is always written (0 between
    // epochs), and the 32 bytes follow it.
    const bool dropout = run.dropout != decltype(run.dropout){};
    if (run.position > 0 || dropout) w.u32(std::uint32_t(run.position));
    if (dropout)
        for (std::uint64_t v : run.dropout) w.u64(v);
    return finish(kKindRun, 0, w.bytes);
}

Result<RunState> decode_run_state(std::string_view text) {
    auto error = [](std::string reason) { return Result<RunState>(ReadError{std::move(reason), 0, 0, "run"}); };
    std::vector<std::uint8_t> bytes;
    std::span<const std::uint8_t> body;
    std::uint8_t format = 0;
    if (std::string e = open(text, kKindRun, bytes, body, format); !e.empty()) return error(e);
    if (format != 0) return error("unknown run state format " + std::to_string(format));
    Reader r{body};
    RunState run;
    ScheduleState& s = run.schedule;
    const std::string short_text = "truncated run state";
    constexpr std::uint32_t kMaxCount = 1u << 30;
    if (!r.has(4 + 8 + 4 + 4 + 8 + 1 + 8 + 4 + 4 + 32 + 2)) return error(short_text);
    const std::uint32_t epoch = r.u32();
    run.last_rate = r.f64();
    const std::uint32_t s_epoch = r.u32(), cuts = r.u32();
    s.plateau_rate = r.f64();
    s.have_best = r.u8() != 0;
    s.best_loss = r.f64();
    const std::uint32_t bad = r.u32(), cooldown = r.u32();
    if (epoch >= kMaxCount || s_epoch >= kMaxCount || cuts >= kMaxCount || bad >= kMaxCount || cooldown >= kMaxCount)
        return error("a count out of range");
    run.epoch = int(epoch), s.epoch = int(s_epoch), s.cuts = int(cuts), s.bad_epochs = int(bad), s.cooldown = int(cooldown);
    for (std::uint64_t& v : run.shuffle) v = r.u64();
    const unsigned n = r.u16();
    if (n > unsigned(kMaxPoints)) return error(too_many_points(n));
    if (!r.has(std::size_t(n) * 2 + 1)) return error(short_text);
    for (unsigned i = 0; i < n; ++i) run.order.push_back(int(r.u16()));
    const unsigned members = r.u8();
    if (members > unsigned(kPayloadMaxMembers)) return error(std::to_string(members) + " members (0..8)");
    for (unsigned m = 0; m < members; ++m) {
        OptimizerMoments o;
        if (!r.has(4 + 16)) return error(short_text);
        const std::uint32_t steps = r.u32();
        if (steps >= kMaxCount) return error("a count out of range");
        o.steps = long(steps);
        o.beta1_t = r.f64(), o.beta2_t = r.f64();
        if (!read_floats(r, o.m) || !read_floats(r, o.s)) return error("optimiser moments truncated or not finite");
        run.members.push_back(std::move(o));
    }
    if (!r.has(1)) return error(short_text);
    run.have_best = r.u8() != 0;
    if (run.have_best) {
        if (!r.has(8 + 4 + 4 + 1)) return error(short_text);
        run.best_val = r.f64();
        const std::uint32_t best_epoch = r.u32(), since = r.u32();
        if (best_epoch >= kMaxCount || since >= kMaxCount) return error("a count out of range");
        run.best_epoch = int(best_epoch), run.since_best = int(since);
        const unsigned count = r.u8();
        for (unsigned m = 0; m < count; ++m) {
            run.best.emplace_back();
            if (!read_floats(r, run.best.back())) return error("best weights truncated or not finite");
        }
    }
    if (r.has(4)) {
        const bool dropout = r.has(4 + 32);  // the position, then the dropout generator
        const std::uint32_t position = r.u32();
        if ((position == 0 && !dropout) || position > std::uint32_t(kMaxPoints))
            return error("a position in the epoch out of range");
        run.position = int(position);
        if (dropout) {
            for (std::uint64_t& v : run.dropout) v = r.u64();
            if (run.dropout == decltype(run.dropout){}) return error("a dropout generator of all zeros");
        }
    }
    if (r.has(1)) return error(trailing(r));
    return run;
}

std::string describe(const NetworkSpec& spec) {
    std::string out = "inputs " + std::to_string(spec.inputs) + ", hidden ";
    if (spec.hidden.empty()) out += "none";
    for (std::size_t l = 0; l < spec.hidden.size(); ++l)
        out += (l ? "," : "") + std::to_string(spec.hidden[l]);
    if (!spec.activations.empty()) {
        out += " (";
        for (std::size_t l = 0; l < spec.activations.size(); ++l)
            out += std::string(l ? "," : "") + name_of(spec.activations[l]);
        out += ")";
    }
    return out + ", output " + std::to_string(spec.outputs) + " " + name_of(spec.output);
}

const char* name_of(Output output) {
    switch (output) {
        case Output::linear_square: return "linear_square";
        case Output::sigmoid_log: return "sigmoid_log";
        case Output::tanh_square: return "tanh_square";
        case Output::softmax_ce: return "softmax_ce";
        case Output::step: return "step";
    }
    return "?";
}

}  // namespace nnplay
