// model_json.cpp: writing and reading model files (model_json.h). Reading
// checks everything against the network the file's own state describes, so
// a weight can never land in the wrong place.
#include "engine/model_json.h"

#include "engine/features.h"
#include "engine/json_reader.h"
#include "engine/json_writer.h"
#include "engine/number_text.h"
#include "engine/payload.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace nnplay {

namespace {

struct MetricField {
    const char* key;
    double Metrics::*member;
};
constexpr MetricField metric_fields[] = {
    {"train_loss", &Metrics::train_loss}, {"val_loss", &Metrics::val_loss},
    {"test_loss", &Metrics::test_loss},   {"reg_loss", &Metrics::reg_loss},
    {"train_acc", &Metrics::train_acc},   {"val_acc", &Metrics::val_acc},
    {"test_acc", &Metrics::test_acc},     {"train_rmse", &Metrics::train_rmse},
    {"val_rmse", &Metrics::val_rmse},     {"test_rmse", &Metrics::test_rmse},
    {"learning_rate", &Metrics::learning_rate}};

// Reads a whole-number JSON value in [lo, hi].
bool as_int(const JsonValue* v, int lo, int hi, int& out) {
    if (!v || !v->is_number() || v->number != std::floor(v->number) || v->number < lo || v->number > hi)
        return false;
    out = int(v->number);
    return true;
}

// A float from a JSON number's text (exact for the shortest round-trip form).
bool as_float(const JsonValue& v, float& out) {
    return v.is_number() && parse_float_strict(v.text, out);
}

bool as_double(const JsonValue* v, double& out) { return v && v->is_number() && parse_double_strict(v->text, out); }

bool read_floats(const JsonValue* v, std::vector<float>& out) {
    if (!v || !v->is_array()) return false;
    out.clear();
    out.reserve(v->items.size());
    for (const JsonValue& item : v->items) {
        float f = 0;
        if (!as_float(item, f) || !std::isfinite(f)) return false;
        out.push_back(f);
    }
    return true;
}

std::string hex64(std::uint64_t v) {
    char buf[20];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

// A generator's words as an array of 16-digit hex strings.
void append_hex64s(std::string& out, const std::array<std::uint64_t, 4>& words) {
    append_json_array(out, words, ", ", [](std::string& o, std::uint64_t v) { append_json_string(o, hex64(v)); });
}

bool read_hex64(const JsonValue& v, std::uint64_t& out) {
    if (!v.is_string() || v.text.size() != 16) return false;
    out = 0;
    for (char c : v.text) {
        const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0) return false;
        out = out << 4 | std::uint64_t(d);
    }
    return true;
}

}  // namespace

void append_run_state_json(std::string& out, const RunState& r) {
    const ScheduleState& s = r.schedule;
    out += "{\"version\": " + std::to_string(kRunStateJsonVersion) + ", \"epoch\": " + std::to_string(r.epoch) +
           ", \"last_rate\": ";
    append_json_number(out, r.last_rate);
    out += ",\n  \"schedule\": {\"epoch\": " + std::to_string(s.epoch) + ", \"cuts\": " + std::to_string(s.cuts) +
           ", \"plateau_rate\": ";
    append_json_number(out, s.plateau_rate);
    out += ", \"best_loss\": ";
    if (s.have_best) append_json_number(out, s.best_loss);
    else out += "null";
    out += ", \"bad_epochs\": " + std::to_string(s.bad_epochs) + ", \"cooldown\": " + std::to_string(s.cooldown) +
           "},\n  \"shuffle\": ";
    append_hex64s(out, r.shuffle);
    out += ", \"order\": ";
    append_json_array(out, r.order);
    if (r.position > 0) out += ", \"position\": " + std::to_string(r.position);  // saved mid-epoch
    if (r.dropout != decltype(r.dropout){}) {  // dropout's generator, once it has drawn
        out += ", \"dropout\": ";
        append_hex64s(out, r.dropout);
    }
    out += ",\n  \"optimizers\": ";
    append_json_array(out, r.members, ",", [](std::string& json, const OptimizerMoments& o) {
        json += "\n   {\"steps\": " + std::to_string(o.steps) + ", \"beta1_t\": ";
        append_json_number(json, o.beta1_t);
        json += ", \"beta2_t\": ";
        append_json_number(json, o.beta2_t);
        json += ", \"m\": ";
        append_json_array(json, o.m);
        json += ", \"s\": ";
        append_json_array(json, o.s);
        json += "}";
    });
    if (r.have_best) {
        out += ",\n  \"early_stopping\": {\"best_val\": ";
        append_json_number(out, r.best_val);
        out += ", \"best_epoch\": " + std::to_string(r.best_epoch) + ", \"since_best\": " +
               std::to_string(r.since_best) + ", \"best\": ";
        append_json_array(out, r.best, ", ",
                          [](std::string& json, const std::vector<float>& b) { append_json_array(json, b); });
        out += "}";
    }
    if (!r.exact_params.empty()) {  // compat=tf's double weights, shortest round-trip doubles
        out += ",\n  \"exact_params\": ";
        append_json_array(out, r.exact_params);
    }
    out += "}";
}

Result<RunState> read_run_state_json(const JsonValue& v) {
    auto fail = [](const std::string& what) { return Result<RunState>::fail("\"run\": " + what); };
    if (!v.is_object()) return fail("must be an object");
    int version = 0;
    if (!as_int(v.find("version"), 0, 1 << 30, version) || version != kRunStateJsonVersion)
        return fail("unsupported version (this build reads " + std::to_string(kRunStateJsonVersion) + ")");
    RunState r;
    if (!as_int(v.find("epoch"), 0, 1 << 30, r.epoch)) return fail("\"epoch\" must be a whole number");
    if (!as_double(v.find("last_rate"), r.last_rate)) return fail("\"last_rate\" must be a number");
    const JsonValue* s = v.find("schedule");
    if (!s || !s->is_object()) return fail("\"schedule\" must be an object");
    ScheduleState& ss = r.schedule;
    const JsonValue* best = s->find("best_loss");
    if (!as_int(s->find("epoch"), 0, 1 << 30, ss.epoch) || !as_int(s->find("cuts"), 0, 1 << 30, ss.cuts) ||
        !as_double(s->find("plateau_rate"), ss.plateau_rate) || !best ||
        !as_int(s->find("bad_epochs"), 0, 1 << 30, ss.bad_epochs) ||
        !as_int(s->find("cooldown"), 0, 1 << 30, ss.cooldown))
        return fail("\"schedule\" needs epoch, cuts, plateau_rate, best_loss, bad_epochs and cooldown");
    ss.have_best = best->is_number();
    if (ss.have_best && !as_double(best, ss.best_loss)) return fail("\"schedule\": bad best_loss");
    const JsonValue* shuffle = v.find("shuffle");
    if (!shuffle || !shuffle->is_array() || shuffle->items.size() != 4)
        return fail("\"shuffle\" must be 4 hex strings of 16 digits");
    for (std::size_t i = 0; i < 4; ++i)
        if (!read_hex64(shuffle->items[i], r.shuffle[i])) return fail("\"shuffle\" must be 4 hex strings of 16 digits");
    const JsonValue* order = v.find("order");
    if (!order || !order->is_array() || order->items.size() > std::size_t(kMaxPoints))
        return fail("\"order\" must be an array of point indices");
    for (const JsonValue& i : order->items) {
        int index = 0;
        if (!as_int(&i, 0, kMaxPoints, index)) return fail("\"order\" must be an array of point indices");
        r.order.push_back(index);
    }
    if (const JsonValue* position = v.find("position"))
        if (!as_int(position, 0, kMaxPoints, r.position))
            return fail("\"position\" must be a whole number of training points");
    if (const JsonValue* dropout = v.find("dropout")) {
        if (!dropout->is_array() || dropout->items.size() != 4)
            return fail("\"dropout\" must be 4 hex strings of 16 digits");
        for (std::size_t i = 0; i < 4; ++i)
            if (!read_hex64(dropout->items[i], r.dropout[i])) return fail("\"dropout\" must be 4 hex strings of 16 digits");
        if (r.dropout == decltype(r.dropout){}) return fail("\"dropout\" cannot be all zero");
    }
    const JsonValue* optimizers = v.find("optimizers");
    if (!optimizers || !optimizers->is_array()) return fail("\"optimizers\" must be an array");
    for (const JsonValue& o : optimizers->items) {
        OptimizerMoments m;
        int steps = 0;
        if (!as_int(o.find("steps"), 0, (1 << 30) - 1, steps) || !as_double(o.find("beta1_t"), m.beta1_t) ||
            !as_double(o.find("beta2_t"), m.beta2_t) || !read_floats(o.find("m"), m.m) || !read_floats(o.find("s"), m.s))
            return fail("each optimiser needs steps, beta1_t, beta2_t and the moments m and s (finite numbers)");
        m.steps = steps;
        r.members.push_back(std::move(m));
    }
    if (const JsonValue* es = v.find("early_stopping")) {
        const JsonValue* weights = es->find("best");
        if (!as_double(es->find("best_val"), r.best_val) || !as_int(es->find("best_epoch"), 0, 1 << 30, r.best_epoch) ||
            !as_int(es->find("since_best"), 0, 1 << 30, r.since_best) || !weights || !weights->is_array())
            return fail("\"early_stopping\" needs best_val, best_epoch, since_best and best");
        for (const JsonValue& w : weights->items) {
            r.best.emplace_back();
            if (!read_floats(&w, r.best.back())) return fail("\"early_stopping\": best weights must be finite numbers");
        }
        r.have_best = true;
    }
    if (const JsonValue* exact = v.find("exact_params")) {
        if (!exact->is_array()) return fail("\"exact_params\" must be an array of numbers");
        for (const JsonValue& x : exact->items) {
            double d = 0;
            if (!as_double(&x, d) || !std::isfinite(d)) return fail("\"exact_params\" must be finite numbers");
            r.exact_params.push_back(d);
        }
    }
    return r;
}

std::string export_model_json(const Trainer& trainer) {
    const NetworkSpec& spec = trainer.spec();
    std::string out = "{\"format\": \"nnplay-model\", \"version\": " + std::to_string(kModelJsonVersion) +
                      ",\n \"state\": ";
    append_json_string(out, to_query(trainer.state()));

    out += ",\n \"architecture\": {\"inputs\": " + std::to_string(spec.inputs) + ", \"features\": ";
    append_json_array(out, enabled_features(trainer.state().features), ", ",
                      [](std::string& json, Feature f) { append_json_string(json, name_of(f)); });
    out += ", \"hidden\": ";
    append_json_array(out, spec.hidden);
    out += ", \"activations\": ";
    append_json_array_n(out, int(spec.activations.size()), ", ", [&](std::string& json, int l) {
        // A formula layer is written as its formula's text.
        const bool formula = spec.activations[l] == Activation::formula && l < int(spec.formulas.size());
        append_json_string(json, formula ? spec.formulas[l] : name_of(spec.activations[l]));
    });
    out += ", \"output\": ";
    append_json_string(out, name_of(spec.output));
    out += ", \"outputs\": " + std::to_string(spec.outputs) +
           ", \"members\": " + std::to_string(trainer.ensemble_size()) + "},\n \"members\": ";
    append_json_array_n(out, trainer.ensemble_size(), ",", [&](std::string& json, int m) {
        const Network<Scalar>& net = trainer.network(m);
        json += "\n  {\"layers\": ";
        append_json_array_n(json, net.layer_count(), ",", [&](std::string& layer_json, int l) {
            const DenseLayer<Scalar>& layer = net.layer(l);
            layer_json += "\n    {\"weights\": ";
            append_json_array(layer_json, layer.weights().rowwise(), ", ",
                              [](std::string& row_json, const auto& row) { append_json_array(row_json, row); });
            layer_json += ", \"biases\": ";
            append_json_array(layer_json, layer.biases());
            layer_json += "}";
        });
        json += "}";
    });
    out += ",\n \"run\": ";
    append_run_state_json(out, trainer.run_state());
    const Metrics& metrics = trainer.metrics();
    out += ",\n \"metrics\": {\"epoch\": " + std::to_string(trainer.epoch());
    for (const MetricField& f : metric_fields) {
        out += ", \"" + std::string(f.key) + "\": ";
        append_json_number(out, metrics.*f.member);
    }
    out += "}}\n";
    return out;
}

Result<ModelImport> import_model_json(std::string_view text) {
    auto fail = [](std::string reason) { return Result<ModelImport>::fail(std::move(reason)); };
    // The shape is checked while reading, so valid JSON that is no model (a large array, a
    // "members" that is a string) is refused at its first wrong key, at little cost. Top-level
    // keys not listed here are read as JSON but not kept: a new key must be added here.
    // "members" and "run" are bounded by what the largest model holds (kMaxMemberValues), so
    // a huge one costs at most that much before it is refused.
    using T = JsonValue::Type;
    constexpr std::size_t kMembers = std::size_t(kPayloadMaxMembers) * kMaxMemberValues;
    constexpr std::size_t kRun = 3 * kMembers + std::size_t(kMaxPoints) + 1000;  // m, s, best; order
    static const JsonShape shape{"a model file", {{"format", T::string}, {"version", T::number},
                                                  {"state", T::string}, {"architecture", T::object},
                                                  {"members", T::array, kMembers}, {"metrics", T::object},
                                                  {"run", T::object, kRun}}};
    Result<JsonValue> parsed = parse_json(text, &shape);
    if (!parsed) return parsed.error;
    const JsonValue& root = *parsed.value;
    if (!root.is_object()) return fail("a model file is a JSON object");
    const JsonValue* format = root.find("format");
    if (!format || !format->is_string() || format->text != "nnplay-model")
        return fail("not an nnplay model: \"format\" must be \"nnplay-model\"");
    int version = 0;
    if (!as_int(root.find("version"), 0, 1 << 30, version))
        return fail("\"version\" must be a whole number");
    if (version != kModelJsonVersion)
        return fail("unsupported model version " + std::to_string(version) + " (this build reads " +
                    std::to_string(kModelJsonVersion) + ")");

    const JsonValue* state_text = root.find("state");
    if (!state_text || !state_text->is_string()) return fail("\"state\" must be a string");
    ModelImport model;
    StateReadResult read = from_query(state_text->text);
    // A refused formula would train another network than the file's: the file is refused.
    if (!read.formula_errors.empty()) return fail("\"state\": " + read.formula_errors.front());
    model.state = std::move(read.state);
    model.warnings = std::move(read.warnings);
    // compat=tf runs TensorFlow Playground's network (its features, tanh or linear output, one
    // member): the trainer for the state says which it builds.
    const bool compat = Trainer::compat_applies(model.state);
    const NetworkSpec spec = compat ? Trainer(model.state).spec() : network_spec(model.state);
    const int members = compat ? 1 : model.state.ensemble;

    // The architecture, echoed for readers, must be what the state builds.
    const JsonValue* arch = root.find("architecture");
    if (!arch || !arch->is_object()) return fail("\"architecture\" must be an object");
    {
        NetworkSpec given;
        int given_members = 0;
        const JsonValue* hidden = arch->find("hidden");
        const JsonValue* activations = arch->find("activations");
        const JsonValue* output = arch->find("output");
        bool ok = as_int(arch->find("inputs"), 0, 1000, given.inputs) &&
                  as_int(arch->find("outputs"), 0, 1000, given.outputs) &&
                  as_int(arch->find("members"), 0, 1000, given_members) && hidden &&
                  hidden->is_array() && activations && activations->is_array() && output &&
                  output->is_string();
        for (std::size_t l = 0; ok && l < hidden->items.size(); ++l) {
            int width = 0;
            ok = as_int(&hidden->items[l], 0, 1000, width);
            given.hidden.push_back(width);
        }
        for (std::size_t l = 0; ok && l < activations->items.size(); ++l) {
            Activation a{};
            ok = activations->items[l].is_string();
            std::string formula;  // a formula layer: its text (compared with the state's below)
            if (ok && !parse_activation(activations->items[l].text, a)) {
                a = Activation::formula;
                formula = activations->items[l].text;
            }
            given.activations.push_back(a);
            given.formulas.push_back(formula);
        }
        if (std::all_of(given.formulas.begin(), given.formulas.end(), [](const std::string& f) { return f.empty(); }))
            given.formulas.clear();  // as network_spec() leaves it without formulas
        if (!ok)
            return fail("\"architecture\" needs inputs, hidden, activations, output, outputs and members");
        bool output_known = false;
        for (Output o : {Output::linear_square, Output::sigmoid_log, Output::tanh_square,
                         Output::softmax_ce, Output::step})
            if (output->text == name_of(o)) given.output = o, output_known = true;
        if (!output_known) return fail("\"architecture\": unknown output '" + output->text.substr(0, 40) + "'");
        if (!(given == spec) || given_members != members)
            return fail("the architecture does not match the state: the file says " +
                        std::to_string(given_members) + " x (" + describe(given) +
                        "), the state builds " + std::to_string(members) + " x (" + describe(spec) + ")");
    }

    const JsonValue* member_list = root.find("members");
    if (!member_list || !member_list->is_array()) return fail("\"members\" must be an array");
    if (int(member_list->items.size()) != members)
        return fail("\"members\": expected " + std::to_string(members) + " (the state's ensemble), got " +
                    std::to_string(member_list->items.size()));
    for (int m = 0; m < members; ++m) {
        const JsonValue& member = member_list->items[std::size_t(m)];
        const JsonValue* layers = member.find("layers");
        const std::string where = "member " + std::to_string(m);
        if (!layers || !layers->is_array() || int(layers->items.size()) != spec.layer_count())
            return fail(where + ": \"layers\" must be an array of " + std::to_string(spec.layer_count()) +
                        " layers");
        std::vector<float> params;
        params.reserve(param_count(spec));
        for (int l = 0; l < spec.layer_count(); ++l) {
            const int out = spec.width(l), in = spec.fan_in(l);
            const JsonValue& layer = layers->items[std::size_t(l)];
            const std::string at = where + ", layer " + std::to_string(l);
            const JsonValue* weights = layer.find("weights");
            const JsonValue* biases = layer.find("biases");
            const std::string shape = std::to_string(out) + " rows of " + std::to_string(in) + " numbers";
            if (!weights || !weights->is_array() || int(weights->items.size()) != out)
                return fail(at + ": \"weights\" must be " + shape);
            for (const JsonValue& row : weights->items)
                if (!row.is_array() || int(row.items.size()) != in)
                    return fail(at + ": \"weights\" must be " + shape);
            if (!biases || !biases->is_array() || int(biases->items.size()) != out)
                return fail(at + ": \"biases\" must be " + std::to_string(out) + " numbers");
            // Column-major W, then b: the layout of Network::params.
            for (int from = 0; from < in; ++from)
                for (int to = 0; to < out; ++to) {
                    float v = 0;
                    if (!as_float(weights->items[std::size_t(to)].items[std::size_t(from)], v))
                        return fail(at + ": weights[" + std::to_string(to) + "][" + std::to_string(from) +
                                    "] is not a finite number");
                    params.push_back(v);
                }
            for (int to = 0; to < out; ++to) {
                float v = 0;
                if (!as_float(biases->items[std::size_t(to)], v))
                    return fail(at + ": biases[" + std::to_string(to) + "] is not a finite number");
                params.push_back(v);
            }
        }
        model.members.push_back(std::move(params));
    }

    if (const JsonValue* metrics = root.find("metrics"); metrics && metrics->is_object()) {
        Metrics m;
        int epoch = 0;
        if (as_int(metrics->find("epoch"), 0, 1 << 30, epoch)) m.epoch = epoch;
        for (const MetricField& f : metric_fields) {
            const JsonValue* v = metrics->find(f.key);
            m.*f.member = v && v->is_number() ? v->number : std::nan("");
        }
        model.metrics = m;
    }
    if (const JsonValue* run = root.find("run")) {
        Result<RunState> r = read_run_state_json(*run);
        if (!r) return r.error;
        model.run = std::move(*r);
    }
    return model;
}

std::string load_weights(Trainer& trainer, const std::vector<std::vector<float>>& members) {
    const NetworkSpec& spec = trainer.spec();
    const std::size_t P = param_count(spec);
    if (int(members.size()) != trainer.ensemble_size())
        return "the model has " + std::to_string(members.size()) + " members, the trainer " +
               std::to_string(trainer.ensemble_size());
    for (const std::vector<float>& params : members)
        if (params.size() != P)
            return "a member has " + std::to_string(params.size()) + " parameters, the network " +
                   std::to_string(P);
    for (int m = 0; m < trainer.ensemble_size(); ++m) {
        std::size_t i = 0;
        const std::vector<float>& params = members[std::size_t(m)];
        for (int l = 0; l < spec.layer_count(); ++l) {
            for (int from = 0; from < spec.fan_in(l); ++from)
                for (int to = 0; to < spec.width(l); ++to) trainer.set_weight(m, l, to, from, params[i++]);
            for (int to = 0; to < spec.width(l); ++to) trainer.set_bias(m, l, to, params[i++]);
        }
    }
    return {};
}

}  // namespace nnplay
