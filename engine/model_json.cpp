// model_json.cpp: writing and reading model files (model_json.h). Reading
// checks everything against the network the file's own state describes, so
// a weight can never land in the wrong place.
#include "engine/model_json.h"

#include "engine/features.h"
#include "engine/json_reader.h"
#include "engine/json_writer.h"
#include "engine/payload.h"

#include <cmath>

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

}  // namespace

std::string export_model_json(const Trainer& trainer) {
    const NetworkSpec& spec = trainer.spec();
    std::string out = "{\"format\": \"nnplay-model\", \"version\": " + std::to_string(kModelJsonVersion) +
                      ",\n \"state\": ";
    append_json_string(out, to_query(trainer.state()));

    out += ",\n \"architecture\": {\"inputs\": " + std::to_string(spec.inputs) + ", \"features\": [";
    const std::vector<Feature> features = enabled_features(trainer.state().features);
    for (std::size_t i = 0; i < features.size(); ++i) {
        if (i) out += ", ";
        append_json_string(out, name_of(features[i]));
    }
    out += "], \"hidden\": [";
    for (std::size_t l = 0; l < spec.hidden.size(); ++l)
        out += (l ? ", " : "") + std::to_string(spec.hidden[l]);
    out += "], \"activations\": [";
    for (std::size_t l = 0; l < spec.activations.size(); ++l) {
        if (l) out += ", ";
        append_json_string(out, name_of(spec.activations[l]));
    }
    out += "], \"output\": ";
    append_json_string(out, name_of(spec.output));
    out += ", \"outputs\": " + std::to_string(spec.outputs) +
           ", \"members\": " + std::to_string(trainer.ensemble_size()) + "},\n \"members\": [";

    for (int m = 0; m < trainer.ensemble_size(); ++m) {
        out += m ? ",\n  " : "\n  ";
        out += "{\"layers\": [";
        const Network<Scalar>& net = trainer.network(m);
        for (int l = 0; l < net.layer_count(); ++l) {
            const DenseLayer<Scalar>& layer = net.layer(l);
            out += l ? ",\n    " : "\n    ";
            out += "{\"weights\": [";
            for (int to = 0; to < layer.out; ++to) {
                out += to ? ", [" : "[";
                for (int from = 0; from < layer.in; ++from) {
                    if (from) out += ", ";
                    append_json_number(out, layer.weights()(to, from));
                }
                out += "]";
            }
            out += "], \"biases\": [";
            for (int to = 0; to < layer.out; ++to) {
                if (to) out += ", ";
                append_json_number(out, layer.b[to]);
            }
            out += "]}";
        }
        out += "]}";
    }

    const Metrics& metrics = trainer.metrics();
    out += "],\n \"metrics\": {\"epoch\": " + std::to_string(trainer.epoch());
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
    using T = JsonValue::Type;
    static const JsonShape shape{"a model file", {{"format", T::string}, {"version", T::number},
                                                  {"state", T::string}, {"architecture", T::object},
                                                  {"members", T::array}, {"metrics", T::object},
                                                  {"run", T::object}}};
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
    model.state = std::move(read.state);
    model.warnings = std::move(read.warnings);
    const NetworkSpec spec = network_spec(model.state);
    const int members = model.state.ensemble;

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
            ok = activations->items[l].is_string() && parse_activation(activations->items[l].text, a);
            given.activations.push_back(a);
        }
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
