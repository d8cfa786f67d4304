// payload.h: compact binary payloads for links: a custom point set or a
// network's weights as base64url text (no padding), short enough for a URL and
// checked on the way back in, since a link is user input.
//
// Layout (all integers little-endian), before base64url:
//   byte 0   version (kPayloadVersion = 1)
//   byte 1   kind: 'P' points, 'W' weights, 'R' run state
//   byte 2   format: points 0 (float32), 1 (float32 and each point's split);
//            weights 0 = float32, 1 = float16
//   ...      body (below)
//   4 bytes  CRC-32 (IEEE 802.3, as zlib's crc32) of every byte before it
// Points body: u16 count (≤ kMaxPoints, 5000), then per point x, y, label as float32;
//   format 1 then has one byte per point, its PointSplit (0 automatic, 1 train, 2 val,
//   3 test). Only a set with a pinned point is written as format 1.
//   float32, not quantised: a link must reproduce a run bit for bit, and the
//   training data are these exact numbers (5000 points = 60 kB decoded).
// Weights body: u8 inputs, u8 dense layers L (1..9), L × u8 widths (the last is
//   the output count), (L − 1) × u8 hidden activation codes, u8 output code,
//   u8 members (1..8); then each member's flat params (per layer W column-major
//   then b, as Network::params) as float32 or float16.
// Enums are written as the codes of kActivationCodes / kOutputCodes, never as
// their position in the enum: a link already shared must read the same after
// anyone reorders or extends an enum.
// Limits: at most kPayloadMaxBytes (64 KiB) decoded, kMaxPoints points, coordinates
// within ±kDomain (engine/state.h), every number finite. Decoding never trusts a field: each
// failure returns a ReadError naming the link key ("pointData", "weights") and
// what is wrong.
#pragma once

#include "engine/network.h"
#include "engine/result.h"
#include "engine/run_state.h"
#include "engine/state.h"

#include <array>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace nnplay {

constexpr int kPayloadVersion = 1;
constexpr std::size_t kPayloadMaxBytes = 65536;  // decoded bytes, checksum included
constexpr int kPayloadMaxMembers = 8;

enum class WeightFormat : std::uint8_t { float32 = 0, float16 = 1 };

// One enum value and the byte that stands for it in a payload.
template <typename E>
struct EnumCode {
    E value;
    std::uint8_t code;
};

// The codes equal the enum positions of main 142740f, when the payload was made: links
// from then on hold these bytes. A new enum value gets a new code; no code ever changes.
constexpr std::array<EnumCode<Activation>, 9> kActivationCodes = {{
    {Activation::linear, 0}, {Activation::sigmoid, 1}, {Activation::tanh, 2},
    {Activation::relu, 3}, {Activation::leakyrelu, 4}, {Activation::elu, 5},
    {Activation::softplus, 6}, {Activation::swish, 7},
    {Activation::formula, 8},  // the formula's text travels in the state (activation, layerActivations)
}};
constexpr std::array<EnumCode<Output>, 5> kOutputCodes = {{
    {Output::linear_square, 0}, {Output::sigmoid_log, 1}, {Output::tanh_square, 2},
    {Output::softmax_ce, 3}, {Output::step, 4},
}};

// Encoded text, or an error (then text is empty): encoding refuses what
// decoding would refuse, so every link written can be read back.
struct Encoded {
    std::string text;
    std::string error;
    bool ok() const { return error.empty(); }
};

// The bytes as base64url (A–Z a–z 0–9 - _), without '=' padding.
std::string base64url_encode(std::span<const std::uint8_t> bytes);

// Strict inverse of base64url_encode: any other character, an impossible
// length (4k + 1) or non-zero unused bits are an error ("bad base64: ...").
Result<std::vector<std::uint8_t>> base64url_decode(std::string_view text);

// CRC-32 (reflected polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF).
std::uint32_t crc32(std::span<const std::uint8_t> bytes);

// IEEE half precision through Eigen::half: round to nearest even, subnormals kept, too
// large values become ±inf, NaN stays NaN (its payload bits are not part of the format:
// the encoder refuses NaN). Widening is exact.
std::uint16_t float_to_half(float value);
float half_to_float(std::uint16_t half);

// Points → payload text. Refuses more than kMaxPoints points, non-finite numbers and
// coordinates outside ±kDomain.
Encoded encode_points(const std::vector<Point>& points);

// Payload text → points, exactly as encoded. Errors carry key "pointData".
Result<std::vector<Point>> decode_points(std::string_view text);

// The weights of an ensemble: members[m] is member m's Network::params().
struct WeightsPayload {
    NetworkSpec spec;
    WeightFormat format = WeightFormat::float32;
    std::vector<std::vector<float>> members;
};

// Number of parameters of one network of this shape.
std::size_t param_count(const NetworkSpec& spec);

// Weights → payload text. float16 halves the size and rounds each weight to
// 11 significant bits (relative error ≤ 2⁻¹¹); weights beyond ±65504 cannot be
// written as float16 and are an error.
Encoded encode_weights(const WeightsPayload& weights);

// Payload text → weights (float16 values widened to float). Errors carry key "weights".
Result<WeightsPayload> decode_weights(std::string_view text);

// Whether decoded weights fit a network of this shape and member count: an empty error,
// or "shape mismatch: ..." with key "weights".
ReadError check_shape(const WeightsPayload& weights, const NetworkSpec& expected, int members);

// decode_weights, then checks the shape against the network it is meant for:
// a different spec or member count is "shape mismatch: ...".
Result<WeightsPayload> decode_weights(std::string_view text, const NetworkSpec& expected,
                                      int members);

// Run state → payload text (kind 'R', format 0): where a run stands besides its weights
// (engine/run_state.h), for a link's `run` key. Body: u32 epoch, f64 last rate; schedule
// u32 epoch, u32 cuts, f64 plateau rate, u8 has best, f64 best loss, u32 bad epochs, u32
// cooldown; 4 × u64 shuffle position; u16 n, n × u16 order; u8 members (0 for
// compat=tf, which keeps the epoch only), each u32 steps,
// f64 β₁ᵗ, f64 β₂ᵗ, then m and s as u32 count + float32s; u8 has best, then f64 best
// validation loss, u32 best epoch, u32 epochs since, u8 count, each u32 count + float32s;
// then, only for a run saved mid-epoch, u32 samples of that epoch already trained; and only
// for a run whose dropout generator has drawn, that u32 (0 between epochs) and 4 × u64 of it.
// Doubles as their IEEE bits: the run goes on bit for bit. Errors carry key "run".
// compat=tf's double weights (RunState::exact_params) stay out: a link carries float32 or
// float16 weights, and doubles would make it two to four times as long; model files carry them.
Encoded encode_run_state(const RunState& run);
Result<RunState> decode_run_state(std::string_view text);

// "inputs 2, hidden 4,2 (tanh,tanh), output 1 sigmoid_log" — for messages.
std::string describe(const NetworkSpec& spec);
const char* name_of(Output output);  // "sigmoid_log", "softmax_ce", ...

}  // namespace nnplay
