// fuzz_model_json.cpp: libFuzzer target for the strict JSON reader and the
// model importer. A model that imports must load into a trainer built from its
// state and export to JSON that imports to the same state and weights.
#include "engine/json_reader.h"
#include "engine/model_json.h"
#include "engine/payload.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace nnplay;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // Read without a shape, every value is kept: a few hundred bytes each, too much for the
    // largest inputs (4 M numbers) under ASan's limit; the model reader keeps only a model's.
    const bool small = size <= (1u << 20);
    const Result<JsonValue> json = small ? parse_json(text) : Result<JsonValue>();
    FUZZ_CHECK(!small || json.value.has_value() == json.error.empty());

    const Result<ModelImport> model = import_model_json(text);
    FUZZ_CHECK(model.value.has_value() == model.error.empty());
    if (!model) return 0;
    FUZZ_CHECK(!small || json.value.has_value());
    const PlaygroundState& state = model.value->state;
    // Building a trainer generates the data and evaluates it: skip the largest
    // runs so one input stays well inside the time limit.
    const std::size_t work = param_count(network_spec(state)) * std::size_t(state.ensemble) *
                             std::size_t(state.sample_count());
    if (work > 20'000'000) return 0;
    Trainer trainer(state);
    FUZZ_CHECK(load_weights(trainer, model.value->members).empty());
    const Result<ModelImport> again = import_model_json(export_model_json(trainer));
    FUZZ_CHECK(again.value.has_value());
    FUZZ_CHECK(again.value->state == state);
    FUZZ_CHECK(again.value->members == model.value->members);
    return 0;
}
