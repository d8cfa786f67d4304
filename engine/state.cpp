// state.cpp: PlaygroundState <-> URL query string. One table of keys drives
// both directions, so a key cannot be written without being read back; reading
// never fails, it clamps or keeps defaults and says why in a warning.
#include "engine/state.h"

#include "engine/assert.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <span>
#include <type_traits>
#include <utility>
#include <variant>

namespace nnplay {

namespace {

using S = PlaygroundState;

// ---------------------------------------------------------------------------
// Spellings. Each enum has one table; name_of() and the reader both use it.

struct EnumName {
    const char* name;
    int value;
};

constexpr EnumName problem_names[] = {
    {"classification", int(Problem::classification)}, {"regression", int(Problem::regression)}};

// Ordered so that both keys' allowed values are slices of one table: `dataset`
// takes the first nine, `regDataset` the last three (both include custom).
constexpr EnumName dataset_names[] = {
    {"circle", int(Dataset::circle)},   {"xor", int(Dataset::xor_)},
    {"gauss", int(Dataset::gauss)},     {"spiral", int(Dataset::spiral)},
    {"moons", int(Dataset::moons)},     {"checkerboard", int(Dataset::checkerboard)},
    {"blobs", int(Dataset::blobs)},     {"rings", int(Dataset::rings)},
    {"custom", int(Dataset::custom)},   {"reg-plane", int(Dataset::reg_plane)},
    {"reg-gauss", int(Dataset::reg_gauss)}};
constexpr std::span<const EnumName> classification_datasets = std::span(dataset_names).first(9);
constexpr std::span<const EnumName> regression_datasets = std::span(dataset_names).subspan(8);

constexpr EnumName activation_names[] = {
    {"linear", int(Activation::linear)},     {"sigmoid", int(Activation::sigmoid)},
    {"tanh", int(Activation::tanh)},         {"relu", int(Activation::relu)},
    {"leakyrelu", int(Activation::leakyrelu)}, {"elu", int(Activation::elu)},
    {"softplus", int(Activation::softplus)}, {"swish", int(Activation::swish)}};

// TensorFlow Playground's spellings, capitals included.
constexpr EnumName regularization_names[] = {{"none", int(Regularization::none)},
                                             {"L1", int(Regularization::l1)},
                                             {"L2", int(Regularization::l2)}};

constexpr EnumName model_names[] = {{"mlp", int(Model::mlp)},
                                    {"perceptron", int(Model::perceptron)}};

constexpr EnumName loss_names[] = {{"log", int(Loss::log)}, {"square", int(Loss::square)}};

constexpr EnumName optimizer_names[] = {
    {"sgd", int(Optimizer::sgd)},         {"momentum", int(Optimizer::momentum)},
    {"nesterov", int(Optimizer::nesterov)}, {"rmsprop", int(Optimizer::rmsprop)},
    {"adam", int(Optimizer::adam)}};

constexpr EnumName init_names[] = {
    {"zeros", int(Init::zeros)},
    {"uniform", int(Init::uniform)},
    {"gaussian", int(Init::gaussian)},
    {"xavier-uniform", int(Init::xavier_uniform)},
    {"xavier-normal", int(Init::xavier_normal)},
    {"he-uniform", int(Init::he_uniform)},
    {"he-normal", int(Init::he_normal)}};

constexpr EnumName compat_names[] = {{"none", int(Compat::none)}, {"tf", int(Compat::tf)}};

constexpr EnumName schedule_names[] = {
    {"constant", int(Schedule::constant)}, {"step", int(Schedule::step)},
    {"exp", int(Schedule::exp)},           {"plateau", int(Schedule::plateau)}};

// Indexed by Feature.
constexpr const char* feature_keys[feature_count] = {
    "x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY", "cosX", "cosY"};
constexpr const char* feature_labels[feature_count] = {
    "x₁", "x₂", "x₁²", "x₂²", "x₁x₂", "sin x₁", "sin x₂", "cos x₁", "cos x₂"};

// "?" rather than a crash for a value cast from an out-of-range integer.
const char* lookup_name(std::span<const EnumName> names, int value) {
    for (const EnumName& n : names)
        if (n.value == value) return n.name;
    return "?";
}

bool lookup_value(std::span<const EnumName> names, std::string_view text, int& value) {
    for (const EnumName& n : names)
        if (text == n.name) {
            value = n.value;
            return true;
        }
    return false;
}

std::string spellings(std::span<const EnumName> names) {
    std::string out;
    for (const EnumName& n : names) {
        if (!out.empty()) out += '|';
        out += n.name;
    }
    return out;
}

// Integers too large for long long saturate, so they are clamped like any
// other out-of-range value rather than called malformed.
bool parse_int(std::string_view text, long long& out) {
    const char* first = text.data();
    const char* last = first + text.size();
    auto [ptr, ec] = std::from_chars(first, last, out);
    if (ec == std::errc::result_out_of_range && ptr == last) {
        out = text[0] == '-' ? std::numeric_limits<long long>::min()
                             : std::numeric_limits<long long>::max();
        return true;
    }
    return ec == std::errc() && ptr == last && !text.empty();
}

bool parse_bool(std::string_view text, bool& out) {
    if (text == "true") out = true;
    else if (text == "false") out = false;
    else return false;
    return true;
}

// Splits on sep; an empty text gives one empty piece.
std::vector<std::string_view> split(std::string_view text, char sep) {
    std::vector<std::string_view> pieces;
    for (;;) {
        std::size_t at = text.find(sep);
        pieces.push_back(text.substr(0, at));
        if (at == std::string_view::npos) return pieces;
        text.remove_prefix(at + 1);
    }
}

// ---------------------------------------------------------------------------
// Percent-encoding.

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// '+' stays '+' (TensorFlow Playground does not decode it as a space either);
// a '%' not followed by two hex digits is kept as it is rather than rejected,
// since the seed is free text.
std::string percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            int hi = hex_digit(text[i + 1]), lo = hex_digit(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += char(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

// Leaves the characters a query value can hold as they are, so numbers and
// lists stay readable ("4,2", "0.1,-2.5,1;..."); '+' is encoded too, for tools
// that would read it as a space.
std::string percent_encode(std::string_view text) {
    static constexpr char safe[] = "-_.~,;:/@!$'()*";
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                     (u != 0 && std::strchr(safe, c) != nullptr);
        if (plain) {
            out += c;
        } else {
            static constexpr char hex[] = "0123456789ABCDEF";
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 15];
        }
    }
    return out;
}

// Values quoted in warnings are shortened: a points list can be 100 kB.
std::string quote(std::string_view text) {
    constexpr std::size_t limit = 40;
    std::string out = "'";
    out += text.substr(0, limit);
    out += text.size() > limit ? "...'" : "'";
    return out;
}

// ---------------------------------------------------------------------------
// The key table.

// An enum member, seen as int through accessors generated per member (reading
// an enum through an int* would break aliasing rules).
struct EnumRef {
    int (*get)(const S&);
    void (*set)(S&, int);
    const char* (*name)(int);
};

template <auto Member>
EnumRef enum_ref() {
    using E = std::remove_cvref_t<decltype(std::declval<S&>().*Member)>;
    return {[](const S& s) { return static_cast<int>(s.*Member); },
            [](S& s, int v) { s.*Member = static_cast<E>(v); },
            [](int v) { return name_of(static_cast<E>(v)); }};
}

struct FeatureRef {
    Feature feature;
};

using Ref = std::variant<int S::*, float S::*, bool S::*, std::string S::*, EnumRef, FeatureRef,
                         std::vector<int> S::*, std::vector<Activation> S::*,
                         std::vector<Point> S::*>;

struct Field {
    const char* key;
    Ref ref;
    double min = 0, max = 0;               // numbers; list elements; point coordinates (±max)
    std::span<const EnumName> names = {};  // enums and activation lists: accepted spellings
    int max_count = 0;                     // lists: longer ones are cut with a warning
    bool zero_is_default = false;          // numSamples: 0 is allowed below min
    bool omit_default = false;             // compat: written only when not the default
};

Field integer(const char* key, int S::*m, int lo, int hi) { return {key, m, double(lo), double(hi)}; }
Field real(const char* key, float S::*m, double lo, double hi) { return {key, m, lo, hi}; }
Field flag(const char* key, bool S::*m) { return {key, m}; }
Field text(const char* key, std::string S::*m) { return {key, m}; }
Field feature(Feature f) { return {feature_keys[f], FeatureRef{f}}; }
Field choice(const char* key, EnumRef r, std::span<const EnumName> names) {
    return {key, r, 0, 0, names};
}

// Every key, in the order written: TensorFlow Playground's first, in its
// order (its collectStats and tutorial are read and dropped), then ours.
//
// Keys TensorFlow Playground does not have:
//   key               values                                   meaning
//   classes           2..6                                     classes of spiral, blobs, rings, custom
//   numSamples        0, 10..5000                              points generated; 0 = 500 / 1200 (regression)
//   percValData       0..40                                    % of the training part held out for validation
//   model             mlp|perceptron                           network kind
//   layerActivations  comma list, e.g. tanh,relu; empty       one activation per hidden layer; empty = activation
//   loss              log|square                               binary loss (sigmoid+log or tanh+square)
//   init              zeros|uniform|gaussian|xavier-uniform|   weight initialisation
//                     xavier-normal|he-uniform|he-normal
//   initScale         0..10                                    uniform: ±scale; gaussian: σ
//   initBias          -10..10                                  start value of every bias
//   ensemble          1..8                                     networks averaged
//   optimizer         sgd|momentum|nesterov|rmsprop|adam
//   momentum          0..0.999                                 momentum, nesterov
//   beta1             0..0.9999                                adam
//   beta2             0..0.99999                               adam, rmsprop
//   epsilon           1e-12..1                                 adam, rmsprop
//   rmsDecay          0..0.9999                                rmsprop's average of g²
//   reshuffle         true|false                               new training order every epoch
//   schedule          constant|step|exp|plateau                learning-rate schedule
//   stepEvery         1..100000                                step: epochs between steps
//   decayRate         0.5..1                                   exp: lr·decayRate^epoch
//   plateauPatience   1..10000                                 plateau: epochs without improvement
//   scheduleFactor    0.01..1                                  step, plateau: lr ×= factor
//   earlyStopping     true|false                               stop on validation loss
//   patience          1..10000                                 early stopping: epochs without improvement
//   minDelta          0..10                                    early stopping: smallest improvement
//   compat            tf (absent: none)                        reproduce TensorFlow Playground's numbers
//   points            x,y,label;x,y,label;...                  custom points, at most 5000, |x|,|y| ≤ 6
// and more spellings for TensorFlow Playground's keys: dataset also moons,
// checkerboard, blobs, rings, custom; regDataset also custom; activation also
// leakyrelu, elu, softplus, swish.
const std::vector<Field>& fields() {
    static const std::vector<Field> table = [] {
        std::vector<Field> t = {
            choice("activation", enum_ref<&S::activation>(), activation_names),
            choice("regularization", enum_ref<&S::regularization>(), regularization_names),
            integer("batchSize", &S::batch_size, 1, 5000),
            choice("dataset", enum_ref<&S::dataset>(), classification_datasets),
            choice("regDataset", enum_ref<&S::reg_dataset>(), regression_datasets),
            real("learningRate", &S::learning_rate, 1e-6, 10),
            real("regularizationRate", &S::regularization_rate, 0, 10),
            integer("noise", &S::noise, 0, 50),
            {"networkShape", &S::network_shape, 1, 64, {}, 8},
            text("seed", &S::seed),
            flag("showTestData", &S::show_test_data),
            flag("discretize", &S::discretize),
            integer("percTrainData", &S::perc_train_data, 10, 90),
            feature(f_x),
            feature(f_y),
            feature(f_x_times_y),
            feature(f_x_squared),
            feature(f_y_squared),
            feature(f_cos_x),
            feature(f_sin_x),
            feature(f_cos_y),
            feature(f_sin_y),
            choice("problem", enum_ref<&S::problem>(), problem_names),
            flag("initZero", &S::init_zero),
            flag("hideText", &S::hide_text),

            integer("classes", &S::classes, 2, 6),
            {"numSamples", &S::num_samples, 10, 5000, {}, 0, true},
            integer("percValData", &S::perc_val_data, 0, 40),
            choice("model", enum_ref<&S::model>(), model_names),
            {"layerActivations", &S::layer_activations, 0, 0, activation_names, 8},
            choice("loss", enum_ref<&S::loss>(), loss_names),
            choice("init", enum_ref<&S::init>(), init_names),
            real("initScale", &S::init_scale, 0, 10),
            real("initBias", &S::init_bias, -10, 10),
            integer("ensemble", &S::ensemble, 1, 8),
            choice("optimizer", enum_ref<&S::optimizer>(), optimizer_names),
            real("momentum", &S::momentum, 0, 0.999),
            real("beta1", &S::beta1, 0, 0.9999),
            real("beta2", &S::beta2, 0, 0.99999),
            real("epsilon", &S::epsilon, 1e-12, 1),
            real("rmsDecay", &S::rms_decay, 0, 0.9999),
            flag("reshuffle", &S::reshuffle),
            choice("schedule", enum_ref<&S::schedule>(), schedule_names),
            integer("stepEvery", &S::step_every, 1, 100000),
            real("decayRate", &S::decay_rate, 0.5, 1),
            integer("plateauPatience", &S::plateau_patience, 1, 10000),
            real("scheduleFactor", &S::schedule_factor, 0.01, 1),
            flag("earlyStopping", &S::early_stopping),
            integer("patience", &S::patience, 1, 10000),
            real("minDelta", &S::min_delta, 0, 10),
            {"compat", enum_ref<&S::compat>(), 0, 0, compat_names, 0, false, true},
            // Last: it can be long.
            {"points", &S::points, -6, 6, {}, 5000},
        };
        return t;
    }();
    return table;
}

const Field* find_field(std::string_view key) {
    for (const Field& f : fields())
        if (key == f.key) return &f;
    return nullptr;
}

// ---------------------------------------------------------------------------
// Writing one value (not yet percent-encoded).

std::string write_points(const std::vector<Point>& points) {
    std::string out;
    for (const Point& p : points) {
        if (!out.empty()) out += ';';
        out += format_float_shortest(p.x) + ',' + format_float_shortest(p.y) + ',' + format_float_shortest(p.label);
    }
    return out;
}

std::string write_value(const Field& f, const S& s) {
    if (auto m = std::get_if<int S::*>(&f.ref)) return std::to_string(s.**m);
    if (auto m = std::get_if<float S::*>(&f.ref)) return format_float_shortest(s.**m);
    if (auto m = std::get_if<bool S::*>(&f.ref)) return s.**m ? "true" : "false";
    if (auto m = std::get_if<std::string S::*>(&f.ref)) return s.**m;
    if (auto r = std::get_if<EnumRef>(&f.ref)) return r->name(r->get(s));
    if (auto r = std::get_if<FeatureRef>(&f.ref)) return s.features[r->feature] ? "true" : "false";
    if (auto m = std::get_if<std::vector<int> S::*>(&f.ref)) {
        std::string out;
        for (int width : s.**m) {
            if (!out.empty()) out += ',';
            out += std::to_string(width);
        }
        return out;
    }
    if (auto m = std::get_if<std::vector<Activation> S::*>(&f.ref)) {
        std::string out;
        for (Activation a : s.**m) {
            if (!out.empty()) out += ',';
            out += name_of(a);
        }
        return out;
    }
    if (auto m = std::get_if<std::vector<Point> S::*>(&f.ref)) return write_points(s.**m);
    NNPLAY_ASSERT(false);
    return {};
}

// ---------------------------------------------------------------------------
// Reading one value. Each reader either stores a (possibly clamped) value or
// leaves the state alone; every change it did not take as given is a warning.

struct Reader {
    const Field& f;
    std::string_view value;
    S& s;
    std::vector<std::string>& warnings;

    // "kept" names the value in effect: the default, or an earlier duplicate.
    void malformed(const std::string& expected) {
        warnings.push_back("ignored " + std::string(f.key) + "=" + quote(value) + " (expected " +
                           expected + "); kept " + quote(write_value(f, s)));
    }
    void clamped(const std::string& given, const std::string& range, const std::string& to) {
        warnings.push_back(std::string(f.key) + "=" + given + " is out of range " + range +
                           "; clamped to " + to);
    }

    void read(int S::*m) {
        long long v = 0;
        if (!parse_int(value, v)) return malformed("an integer");
        long long lo = (long long)f.min, hi = (long long)f.max;
        if (f.zero_is_default && v <= 0) lo = 0;  // 0 = default; below it clamps to 0
        long long c = std::clamp(v, lo, hi);
        if (c != v) {
            std::string range = std::to_string((long long)f.min) + ".." + std::to_string(hi);
            if (f.zero_is_default) range += " (or 0 for the default)";
            clamped(std::string(value), range, std::to_string(c));
        }
        s.*m = int(c);
    }

    void read(float S::*m) {
        float v = 0;
        if (!parse_float_strict(value, v)) return malformed("a finite number");
        float c = std::clamp(v, float(f.min), float(f.max));
        if (c != v)
            clamped(std::string(value), format_float_shortest(float(f.min)) + ".." + format_float_shortest(float(f.max)),
                    format_float_shortest(c));
        s.*m = c;
    }

    void read(bool S::*m) {
        if (!parse_bool(value, s.*m)) malformed("true|false");
    }

    void read(std::string S::*m) { s.*m = std::string(value); }

    void read(const EnumRef& r) {
        int v = 0;
        if (!lookup_value(f.names, value, v)) return malformed(spellings(f.names));
        r.set(s, v);
    }

    void read(const FeatureRef& r) {
        if (!parse_bool(value, s.features[r.feature])) malformed("true|false");
    }

    void read(std::vector<int> S::*m) {
        std::vector<int> widths;
        if (!value.empty()) {
            for (std::string_view piece : split(value, ',')) {
                long long w = 0;
                if (!parse_int(piece, w)) return malformed("comma-separated integers, e.g. 4,2");
                long long c = std::clamp(w, (long long)f.min, (long long)f.max);
                if (c != w)
                    warnings.push_back(std::string(f.key) + "=" + quote(value) + ": width " +
                                       std::to_string(w) + " is out of range " +
                                       std::to_string((long long)f.min) + ".." +
                                       std::to_string((long long)f.max) + "; clamped to " +
                                       std::to_string(c));
                widths.push_back(int(c));
            }
        }
        if (int(widths.size()) > f.max_count) {
            warnings.push_back(std::string(f.key) + "=" + quote(value) + " has " +
                               std::to_string(widths.size()) + " layers, at most " +
                               std::to_string(f.max_count) + "; dropped the rest");
            widths.resize(f.max_count);
        }
        s.*m = std::move(widths);
    }

    // The count is checked against networkShape once the whole query is read.
    void read(std::vector<Activation> S::*m) {
        std::vector<Activation> list;
        if (!value.empty()) {
            for (std::string_view piece : split(value, ',')) {
                int v = 0;
                if (!lookup_value(f.names, piece, v))
                    return malformed("a comma list of " + spellings(f.names));
                list.push_back(static_cast<Activation>(v));
            }
        }
        s.*m = std::move(list);
    }

    void read(std::vector<Point> S::*m) {
        std::vector<Point> points;
        std::size_t total = 0, clamped_count = 0;
        std::string first_clamp;
        auto clamp_coord = [&](float& c) {
            float lim = float(f.max), v = c;
            c = std::clamp(c, -lim, lim);
            if (c != v && clamped_count++ == 0) first_clamp = format_float_shortest(v) + " to " + format_float_shortest(c);
        };
        for (std::string_view piece : split(value, ';')) {
            if (piece.empty()) continue;  // tolerate a trailing ';'
            std::vector<std::string_view> parts = split(piece, ',');
            Point p;
            if (parts.size() != 3 || !parse_float_strict(parts[0], p.x) || !parse_float_strict(parts[1], p.y) ||
                !parse_float_strict(parts[2], p.label))
                return malformed("x,y,label;x,y,label;... with finite numbers, not " + quote(piece));
            ++total;
            if (int(points.size()) == f.max_count) continue;
            clamp_coord(p.x);
            clamp_coord(p.y);
            points.push_back(p);
        }
        if (total > points.size())
            warnings.push_back(std::string(f.key) + " has " + std::to_string(total) +
                               " points, at most " + std::to_string(f.max_count) +
                               "; dropped the rest");
        if (clamped_count > 0)
            warnings.push_back(std::string(f.key) + ": " + std::to_string(clamped_count) +
                               " coordinate(s) outside [-6, 6] clamped, e.g. " + first_clamp);
        s.*m = std::move(points);
    }
};

void read_value(const Field& f, std::string_view value, S& s, std::vector<std::string>& warnings) {
    Reader reader{f, value, s, warnings};
    std::visit([&](const auto& ref) { reader.read(ref); }, f.ref);
}

constexpr std::string_view hide_suffix = "_hide";

}  // namespace

// ---------------------------------------------------------------------------

int PlaygroundState::sample_count() const {
    if (num_samples > 0) return num_samples;
    return problem == Problem::regression ? 1200 : 500;  // TensorFlow Playground's counts
}

int PlaygroundState::class_count() const {
    if (problem == Problem::regression) return 1;
    switch (active_dataset()) {
        case Dataset::spiral:
        case Dataset::blobs:
        case Dataset::rings:
        case Dataset::custom: return classes;
        default: return 2;
    }
}

int PlaygroundState::input_count() const {
    return int(std::count(std::begin(features), std::end(features), true));
}

Activation PlaygroundState::hidden_activation(int layer) const {
    NNPLAY_ASSERT(layer >= 0);
    if (layer < int(layer_activations.size())) return layer_activations[layer];
    return activation;
}

std::string to_query(const PlaygroundState& state) {
    std::string out;
    static const S defaults;
    for (const Field& f : fields()) {
        if (f.omit_default && write_value(f, state) == write_value(f, defaults)) continue;
        if (!out.empty()) out += '&';
        out += f.key;
        out += '=';
        out += percent_encode(write_value(f, state));
    }
    for (const std::string& control : state.hidden_controls)
        out += '&' + percent_encode(control) + std::string(hide_suffix) + "=true";
    return out;
}

StateReadResult from_query(std::string_view query) {
    StateReadResult result;
    S& s = result.state;
    std::vector<std::string>& warnings = result.warnings;
    if (!query.empty() && (query.front() == '#' || query.front() == '?')) query.remove_prefix(1);

    for (std::string_view segment : split(query, '&')) {
        if (segment.empty()) continue;
        std::size_t eq = segment.find('=');
        if (eq == std::string_view::npos) {
            warnings.push_back("ignored " + quote(percent_decode(segment)) + ": no '=value'");
            continue;
        }
        std::string key = percent_decode(segment.substr(0, eq));
        std::string value = percent_decode(segment.substr(eq + 1));

        if (const Field* f = find_field(key)) {
            read_value(*f, value, s, warnings);
        } else if (key == "collectStats" || key == "tutorial") {
            // TensorFlow Playground's; nothing here uses them.
        } else if (key.size() > hide_suffix.size() && key.ends_with(hide_suffix)) {
            std::string control = key.substr(0, key.size() - hide_suffix.size());
            bool hide = false;
            if (!parse_bool(value, hide)) {
                warnings.push_back("ignored " + key + "=" + quote(value) + " (expected true|false)");
                continue;
            }
            auto& hidden = s.hidden_controls;
            auto it = std::find(hidden.begin(), hidden.end(), control);
            if (hide && it == hidden.end()) hidden.push_back(control);
            if (!hide && it != hidden.end()) hidden.erase(it);
        } else {
            warnings.push_back("ignored unknown key " + quote(key));
        }
    }

    // Checked last: the two keys may come in either order.
    if (!s.layer_activations.empty() && s.layer_activations.size() != s.network_shape.size()) {
        warnings.push_back("ignored layerActivations: " + std::to_string(s.layer_activations.size()) +
                           " activation(s) for " + std::to_string(s.network_shape.size()) +
                           " hidden layer(s); using activation for all");
        s.layer_activations.clear();
    }
    return result;
}

const char* name_of(Activation v) { return lookup_name(activation_names, int(v)); }
const char* name_of(Dataset v) { return lookup_name(dataset_names, int(v)); }
const char* name_of(Optimizer v) { return lookup_name(optimizer_names, int(v)); }
const char* name_of(Init v) { return lookup_name(init_names, int(v)); }
const char* name_of(Schedule v) { return lookup_name(schedule_names, int(v)); }
const char* name_of(Regularization v) { return lookup_name(regularization_names, int(v)); }
const char* name_of(Loss v) { return lookup_name(loss_names, int(v)); }
const char* name_of(Model v) { return lookup_name(model_names, int(v)); }
const char* name_of(Problem v) { return lookup_name(problem_names, int(v)); }
const char* name_of(Compat v) { return lookup_name(compat_names, int(v)); }

const char* name_of(Feature f) {
    return f >= 0 && f < feature_count ? feature_keys[f] : "?";
}

const char* label_of(Feature f) {
    return f >= 0 && f < feature_count ? feature_labels[f] : "?";
}

bool parse_activation(std::string_view name, Activation& out) {
    int v = 0;
    if (!lookup_value(activation_names, name, v)) return false;
    out = static_cast<Activation>(v);
    return true;
}

double query_double(float value) {
    double out = value;  // a non-finite float (never in a state read from a query) stays as it is
    parse_double_strict(format_float_shortest(value), out);
    return out;
}

bool looks_like_tfp_link(std::string_view query) {
    // Their State.PROPS, in their order.
    static constexpr std::string_view tfp_keys[] = {
        "activation", "regularization", "batchSize", "dataset", "regDataset", "learningRate",
        "regularizationRate", "noise", "networkShape", "seed", "showTestData", "discretize",
        "percTrainData", "x", "y", "xTimesY", "xSquared", "ySquared", "cosX", "sinX", "cosY",
        "sinY", "collectStats", "tutorial", "problem", "initZero", "hideText"};
    static constexpr std::string_view tfp_values[][5] = {
        {"dataset", "circle", "xor", "gauss", "spiral"},
        {"regDataset", "reg-plane", "reg-gauss"},
        {"activation", "relu", "tanh", "sigmoid", "linear"}};
    if (!query.empty() && (query.front() == '#' || query.front() == '?')) query.remove_prefix(1);
    bool seed = false, shape = false;
    for (std::string_view segment : split(query, '&')) {
        if (segment.empty()) continue;
        const std::size_t eq = segment.find('=');
        const std::string key = percent_decode(segment.substr(0, eq));
        const std::string value = eq == std::string_view::npos ? "" : percent_decode(segment.substr(eq + 1));
        if (key.size() > hide_suffix.size() && key.ends_with(hide_suffix)) continue;
        if (std::find(std::begin(tfp_keys), std::end(tfp_keys), key) == std::end(tfp_keys)) return false;
        for (const auto& allowed : tfp_values)
            if (key == allowed[0] && std::find(allowed + 1, allowed + 5, value) == allowed + 5) return false;
        seed = seed || key == "seed";
        shape = shape || key == "networkShape";
    }
    return seed && shape;
}

}  // namespace nnplay
