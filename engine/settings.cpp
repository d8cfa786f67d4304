// settings.cpp: the table of settings (settings.h) and the spellings of every enum. A row is
// written once here; the query reader and writer (state.cpp), the README table and the tests
// of ranges and help texts all walk the same rows.
#include "engine/settings.h"

#include "engine/assert.h"
#include "engine/help.h"

#include <type_traits>
#include <utility>

namespace nnplay {

namespace {

using S = PlaygroundState;

// A pinned point's split, written after its label (state.cpp reads it back).
std::string point_split_suffix(PointSplit split) {
    switch (split) {
        case PointSplit::automatic: break;
        case PointSplit::train: return ",train";
        case PointSplit::val: return ",val";
        case PointSplit::test: return ",test";
    }
    return "";
}

// ---------------------------------------------------------------------------
// Spellings. Each enum has one table; name_of(), the reader and the README use it.

constexpr EnumName problem_names[] = {{"classification", int(Problem::classification), true},
                                      {"regression", int(Problem::regression), true}};

// Ordered so that both keys' allowed values are slices of one table: `dataset` takes the first
// ten, `regDataset` the last four (both include formula and custom).
constexpr EnumName dataset_names[] = {
    {"circle", int(Dataset::circle), true}, {"xor", int(Dataset::xor_), true},
    {"gauss", int(Dataset::gauss), true},   {"spiral", int(Dataset::spiral), true},
    {"moons", int(Dataset::moons)},         {"checkerboard", int(Dataset::checkerboard)},
    {"blobs", int(Dataset::blobs)},         {"rings", int(Dataset::rings)},
    {"formula", int(Dataset::formula)},
    {"custom", int(Dataset::custom)},       {"reg-plane", int(Dataset::reg_plane), true},
    {"reg-gauss", int(Dataset::reg_gauss), true}};
constexpr std::span<const EnumName> classification_datasets = std::span(dataset_names).first(10);
constexpr std::span<const EnumName> regression_datasets = std::span(dataset_names).subspan(8);

constexpr EnumName activation_names[] = {
    {"linear", int(Activation::linear), true}, {"sigmoid", int(Activation::sigmoid), true},
    {"tanh", int(Activation::tanh), true},     {"relu", int(Activation::relu), true},
    {"leakyrelu", int(Activation::leakyrelu)}, {"elu", int(Activation::elu)},
    {"softplus", int(Activation::softplus)},   {"swish", int(Activation::swish)}};

// TensorFlow Playground's spellings, capitals included.
constexpr EnumName regularization_names[] = {{"none", int(Regularization::none), true},
                                             {"L1", int(Regularization::l1), true},
                                             {"L2", int(Regularization::l2), true}};

constexpr EnumName model_names[] = {{"mlp", int(Model::mlp)}, {"perceptron", int(Model::perceptron)}};

constexpr EnumName loss_names[] = {{"log", int(Loss::log)}, {"square", int(Loss::square)}};

constexpr EnumName optimizer_names[] = {
    {"sgd", int(Optimizer::sgd)},           {"momentum", int(Optimizer::momentum)},
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

// ---------------------------------------------------------------------------
// Building rows.

template <auto Member>
EnumRef enum_ref() {
    using E = std::remove_cvref_t<decltype(std::declval<S&>().*Member)>;
    return {[](const S& s) { return static_cast<int>(s.*Member); },
            [](S& s, int v) { s.*Member = static_cast<E>(v); },
            [](int v) { return name_of(static_cast<E>(v)); }};
}

// A row under construction: the constructors below set key, type, member and allowed range;
// .tfp() and .slider() add the rest.
struct Row {
    Setting s;
    Row& tfp() {
        s.tfp = true;
        return *this;
    }
    Row& slider(double lo, double hi, double step, bool log = false) {
        s.ui = {lo, hi, step, log};
        return *this;
    }
    operator Setting() const { return s; }  // NOLINT: rows convert into the table
};

Row row(const char* key, SettingType type, SettingRef ref, const char* label, double lo = 0, double hi = 0) {
    Setting s;
    s.key = key;
    s.type = type;
    s.ref = ref;
    s.label = label;
    s.min = lo;
    s.max = hi;
    return {s};
}
Row integer(const char* key, int S::*m, int lo, int hi, const char* label) {
    return row(key, SettingType::integer, m, label, lo, hi);
}
Row real(const char* key, float S::*m, double lo, double hi, const char* label) {
    return row(key, SettingType::real, m, label, lo, hi);
}
Row flag(const char* key, bool S::*m, const char* label) { return row(key, SettingType::flag, m, label); }
Row feature(Feature f) { return row(feature_keys[f], SettingType::feature, FeatureRef{f}, feature_labels[f]).tfp(); }
Row choice(const char* key, EnumRef r, std::span<const EnumName> names, const char* label) {
    Row out = row(key, SettingType::choice, r, label);
    out.s.names = names;
    return out;
}
Row ignored(const char* key) { return row(key, SettingType::ignored, {}, "").tfp(); }

// Every key, in the order written: TensorFlow Playground's first, in its order (its
// collectStats and tutorial are read and dropped), then ours. Allowed ranges are what a link
// may hold; slider ranges what the page offers, always inside them.
std::vector<Setting> build_table() {
    Row widths = row("networkShape", SettingType::widths, &S::network_shape, "Network shape", 1, 64);
    widths.s.max_count = 8;
    Row samples = integer("numSamples", &S::num_samples, 10, kMaxPoints, "Points");
    samples.s.zero_is_default = true;
    Row layer_activations = row("layerActivations", SettingType::activations, &S::layer_activations,
                                "Layer activations");
    layer_activations.s.names = activation_names;
    layer_activations.s.max_count = widths.s.max_count;
    Row compat = choice("compat", enum_ref<&S::compat>(), compat_names, "Compatibility");
    compat.s.omit_default = true;
    // See inside (issue 14): views a link opens; written only when set, so no other link changes.
    Row show_backprop = flag("showBackprop", &S::show_backprop, "Backprop step by step");
    show_backprop.s.omit_default = true;
    Row show_gradients = flag("showGradients", &S::show_gradients, "Gradient flow");
    show_gradients.s.omit_default = true;
    Row points = row("points", SettingType::points, &S::points, "Custom points", -kDomain, kDomain);
    points.s.max_count = kMaxPoints;
    // See inside (issue 14, views 2, 3, 5): each flag opens the Inside panel at its view.
    Row show_surface = flag("showSurface", &S::show_surface, "Show the error surface");
    show_surface.s.omit_default = true;
    Row show_hidden = flag("showHidden", &S::show_hidden, "Show the hidden space");
    show_hidden.s.omit_default = true;
    Row show_lr_finder = flag("showLrFinder", &S::show_lr_finder, "Show the learning-rate finder");
    show_lr_finder.s.omit_default = true;
    // Dropout (issue 14, item 7): written only when set, so no other link changes.
    Row dropout = real("dropout", &S::dropout, 0, 0.9, "Dropout").slider(0, 0.9, 0.05);
    dropout.s.omit_default = true;
    // Per-layer dropout (issue 14): one rate per hidden layer, over `dropout`; only when set.
    Row layer_dropout = row("layerDropout", SettingType::rates, &S::layer_dropout, "Dropout per layer", 0, 0.9);
    layer_dropout.s.max_count = widths.s.max_count;
    layer_dropout.s.omit_default = true;
    // Formulas: activation and layerActivations take a formula of x too; formula is the data's.
    Row activation = choice("activation", enum_ref<&S::activation>(), activation_names, "Activation").tfp();
    activation.s.takes_formula = true;
    layer_activations.s.takes_formula = true;
    Row data_formula = row("formula", SettingType::text, &S::data_formula, "Formula");
    data_formula.s.takes_formula = true;
    data_formula.s.omit_default = true;

    return {
        activation,
        choice("regularization", enum_ref<&S::regularization>(), regularization_names, "Regularisation").tfp(),
        integer("batchSize", &S::batch_size, 1, kMaxPoints, "Batch size").tfp().slider(1, 500, 1, true),
        choice("dataset", enum_ref<&S::dataset>(), classification_datasets, "Data set").tfp(),
        choice("regDataset", enum_ref<&S::reg_dataset>(), regression_datasets, "Regression data set").tfp(),
        real("learningRate", &S::learning_rate, 1e-6, 10, "Learning rate").tfp().slider(1e-5, 10, 0, true),
        real("regularizationRate", &S::regularization_rate, 0, 10, "Regularisation rate").tfp().slider(0, 10, 0),
        integer("noise", &S::noise, 0, 50, "Noise").tfp().slider(0, 50, 1),
        widths.tfp().slider(1, 64, 1),
        row("seed", SettingType::text, &S::seed, "Seed").tfp(),
        flag("showTestData", &S::show_test_data, "Show test data").tfp(),
        flag("discretize", &S::discretize, "Discretize output").tfp(),
        integer("percTrainData", &S::perc_train_data, 10, 90, "Training data").tfp().slider(10, 90, 1),
        feature(f_x),
        feature(f_y),
        feature(f_x_times_y),
        feature(f_x_squared),
        feature(f_y_squared),
        feature(f_cos_x),
        feature(f_sin_x),
        feature(f_cos_y),
        feature(f_sin_y),
        ignored("collectStats"),
        ignored("tutorial"),
        choice("problem", enum_ref<&S::problem>(), problem_names, "Problem type").tfp(),
        flag("initZero", &S::init_zero, "All zeros").tfp(),
        flag("hideText", &S::hide_text, "Hide text").tfp(),

        integer("classes", &S::classes, 2, kMaxClasses, "Classes").slider(2, kMaxClasses, 1),
        samples.slider(10, kMaxPoints, 1, true),
        integer("percValData", &S::perc_val_data, 0, 40, "Validation").slider(0, 40, 1),
        choice("model", enum_ref<&S::model>(), model_names, "Model"),
        layer_activations,
        choice("loss", enum_ref<&S::loss>(), loss_names, "Loss"),
        choice("init", enum_ref<&S::init>(), init_names, "Init"),
        real("initScale", &S::init_scale, 0, 10, "Scale").slider(0.01, 2, 0.01),
        real("initBias", &S::init_bias, -10, 10, "Start bias").slider(-1, 1, 0.01),
        integer("ensemble", &S::ensemble, 1, 8, "Ensemble").slider(1, 8, 1),
        choice("optimizer", enum_ref<&S::optimizer>(), optimizer_names, "Optimiser"),
        real("momentum", &S::momentum, 0, 0.999, "Momentum").slider(0, 0.999, 0.001),
        real("beta1", &S::beta1, 0, 0.9999, "Beta 1").slider(0, 0.999, 0.001),
        real("beta2", &S::beta2, 0, 0.99999, "Beta 2").slider(0.9, 0.99999, 0.00001),
        real("epsilon", &S::epsilon, 1e-12, 1, "Epsilon").slider(1e-10, 1e-2, 0, true),
        real("rmsDecay", &S::rms_decay, 0, 0.9999, "Decay").slider(0.5, 0.999, 0.001),
        flag("reshuffle", &S::reshuffle, "Reshuffle every epoch"),
        choice("schedule", enum_ref<&S::schedule>(), schedule_names, "Schedule"),
        integer("stepEvery", &S::step_every, 1, 100000, "Every (epochs)").slider(1, 1000, 1, true),
        real("decayRate", &S::decay_rate, 0.5, 1, "Decay / epoch").slider(0.9, 1, 0.0001),
        integer("plateauPatience", &S::plateau_patience, 1, 10000, "Plateau patience").slider(1, 200, 1),
        real("scheduleFactor", &S::schedule_factor, 0.01, 1, "Factor").slider(0.01, 1, 0.01),
        real("plateauThreshold", &S::plateau_threshold, 0, 1, "Threshold").slider(0, 0.1, 0.0001),
        integer("plateauCooldown", &S::plateau_cooldown, 0, 10000, "Cooldown").slider(0, 200, 1),
        real("minLearningRate", &S::min_learning_rate, 0, 10, "Min. rate").slider(0, 0.1, 0.0001),
        flag("earlyStopping", &S::early_stopping, "Stop when validation loss stalls"),
        integer("patience", &S::patience, 1, 10000, "Patience").slider(1, 500, 1),
        real("minDelta", &S::min_delta, 0, 10, "Min. improvement").slider(0, 0.1, 0.0001),
        compat,
        // Formulas
        data_formula,
        points,
        show_backprop,
        show_gradients,
        show_surface,
        show_hidden,
        show_lr_finder,
        dropout,  // issue 14, item 7
        layer_dropout,  // issue 14: per-layer dropout
    };
}

const std::vector<Setting>& table() {
    static const std::vector<Setting> t = build_table();
    return t;
}

template <typename T, typename Write>
std::string join(const std::vector<T>& items, char sep, Write write) {
    std::string out;
    for (const T& item : items) {
        if (!out.empty()) out += sep;
        out += write(item);
    }
    return out;
}

// ---------------------------------------------------------------------------
// The README table.

std::string number(double v) { return format_double_shortest(v); }

// "min–max" of the allowed values, or the spellings, for the "values" column.
std::string allowed_values(const Setting& s) {
    auto range = [&] { return number(s.min) + "–" + number(s.max); };
    auto listed = [&] {
        return join(std::vector<EnumName>(s.names.begin(), s.names.end()), ' ',
                    [](const EnumName& n) { return "`" + std::string(n.name) + "`"; });
    };
    switch (s.type) {
        case SettingType::integer:
            return range() + (s.zero_is_default ? ", or 0 for the default" : "");
        case SettingType::real: return range();
        case SettingType::flag:
        case SettingType::feature: return "`true` `false`";
        case SettingType::text:
            return s.takes_formula ? "a formula of `x1`, `x2`, e.g. `x2 - sin(x1)` (at most 200 characters)" : "any text";
        case SettingType::choice:
            return listed() + (s.takes_formula ? ", or a formula of `x`, e.g. `x*sigmoid(x)`" : "");
        case SettingType::widths:
            return "up to " + std::to_string(s.max_count) + " widths " + range() + ", e.g. `4,2`";
        case SettingType::activations:
            return "empty, or one activation (or formula of `x`) per hidden layer, e.g. `tanh,relu,sin(x)`";
        case SettingType::points:
            return "`x,y,label;…` (`x,y,label,train` pins a point to `train`, `val` or `test`), at most " +
                   std::to_string(s.max_count) + ", coordinates in ±" + number(s.max);
        case SettingType::rates:
            return "empty, or one rate " + range() + " per hidden layer, e.g. `0.2,0,0.5`";
        case SettingType::ignored: return "read and ignored";
    }
    return {};
}

std::string slider_range(const Setting& s) {
    if (s.ui.empty()) return "";
    std::string out = number(s.ui.min) + "–" + number(s.ui.max);
    if (s.ui.log) out += " (log)";
    else if (s.ui.step > 0 && s.ui.step != 1) out += " by " + number(s.ui.step);
    return out;
}

// Markdown cells must not hold '|'.
std::string cell(std::string text) {
    for (std::size_t at = text.find('|'); at != std::string::npos; at = text.find('|', at + 2))
        text.replace(at, 1, "\\|");
    return text;
}

}  // namespace

std::span<const Setting> settings() { return table(); }

const Setting* find_setting(std::string_view key) {
    for (const Setting& s : table())
        if (key == s.key) return &s;
    return nullptr;
}

const EnumName* find_name(std::span<const EnumName> names, std::string_view text) {
    for (const EnumName& n : names)
        if (text == n.name) return &n;
    return nullptr;
}

std::string spellings(std::span<const EnumName> names) {
    return join(std::vector<EnumName>(names.begin(), names.end()), '|',
                [](const EnumName& n) { return std::string(n.name); });
}

std::string setting_text(const Setting& setting, const PlaygroundState& s) {
    // The activation row writes the formula's text in place of a name.
    if (setting.takes_formula && setting.type == SettingType::choice && s.activation == Activation::formula)
        return s.activation_formula;
    struct Writer {
        const S& s;
        std::string operator()(std::monostate) const { return {}; }
        std::string operator()(int S::*m) const { return std::to_string(s.*m); }
        std::string operator()(float S::*m) const { return format_float_shortest(s.*m); }
        std::string operator()(bool S::*m) const { return s.*m ? "true" : "false"; }
        std::string operator()(std::string S::*m) const { return s.*m; }
        std::string operator()(const EnumRef& r) const { return r.name(r.get(s)); }
        std::string operator()(const FeatureRef& r) const { return s.features[r.feature] ? "true" : "false"; }
        std::string operator()(std::vector<int> S::*m) const {
            return join(s.*m, ',', [](int width) { return std::to_string(width); });
        }
        std::string operator()(std::vector<Activation> S::*m) const {
            std::string out;
            for (std::size_t l = 0; l < (s.*m).size(); ++l) {
                const Activation a = (s.*m)[l];
                out += (l ? "," : "") + (a == Activation::formula ? s.hidden_formula(int(l)) : std::string(name_of(a)));
            }
            return out;
        }
        std::string operator()(std::vector<float> S::*m) const {
            return join(s.*m, ',', [](float rate) { return format_float_shortest(rate); });
        }
        std::string operator()(std::vector<Point> S::*m) const {
            return join(s.*m, ';', [](const Point& p) {
                return format_float_shortest(p.x) + ',' + format_float_shortest(p.y) + ',' +
                       format_float_shortest(p.label) + point_split_suffix(p.split);
            });
        }
    };
    return std::visit(Writer{s}, setting.ref);
}

std::string default_text(const Setting& setting) {
    static const PlaygroundState defaults;
    return setting_text(setting, defaults);
}

std::string settings_markdown() {
    std::string out = "| key | values | default | page | TFP | meaning |\n|---|---|---|---|---|---|\n";
    for (const Setting& s : table()) {
        const std::string value = default_text(s);
        const std::string def = s.type == SettingType::ignored ? "" : value.empty() ? "empty" : "`" + value + "`";
        out += "| `" + std::string(s.key) + "` | " + cell(allowed_values(s)) + " | " + cell(def) + " | " +
               slider_range(s) + " | " + (s.tfp ? "✓" : "") + " | " +
               cell(first_sentence(help_text(s.help_id()))) + " |\n";
    }
    return out;
}

const char* name_of(Activation v) { return v == Activation::formula ? "formula" : lookup_name(activation_names, int(v)); }
const char* name_of(Dataset v) { return lookup_name(dataset_names, int(v)); }
const char* name_of(Optimizer v) { return lookup_name(optimizer_names, int(v)); }
const char* name_of(Init v) { return lookup_name(init_names, int(v)); }
const char* name_of(Schedule v) { return lookup_name(schedule_names, int(v)); }
const char* name_of(Regularization v) { return lookup_name(regularization_names, int(v)); }
const char* name_of(Loss v) { return lookup_name(loss_names, int(v)); }
const char* name_of(Model v) { return lookup_name(model_names, int(v)); }
const char* name_of(Problem v) { return lookup_name(problem_names, int(v)); }
const char* name_of(Compat v) { return lookup_name(compat_names, int(v)); }

const char* name_of(Feature f) { return f >= 0 && f < feature_count ? feature_keys[f] : "?"; }

const char* label_of(Feature f) { return f >= 0 && f < feature_count ? feature_labels[f] : "?"; }

bool parse_activation(std::string_view name, Activation& out) {
    const EnumName* n = find_name(activation_names, name);
    if (!n) return false;
    out = static_cast<Activation>(n->value);
    return true;
}

}  // namespace nnplay
