// settings.h: the one table of settings, read-only. Each row is one query key: its type, the
// member of PlaygroundState it sets (whose initialiser is the default), the range a link may
// hold, the range and step the page's control shows, its label, whether TensorFlow Playground
// knows it, and its help id. The query reader and writer, the CLI, the page and the README's
// "State keys" table all read from here.
#pragma once

#include "engine/state.h"

#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace nnplay {

// One spelling of an enum value in a link ("leakyrelu", "reg-plane", "L2"). tfp: TensorFlow
// Playground has the same value under the same spelling.
struct EnumName {
    const char* name;
    int value;
    bool tfp = false;
};

enum class SettingType {
    integer,      // int member, min..max
    real,         // float member, min..max
    flag,         // true|false
    text,         // any string (the seed)
    choice,       // one of names
    feature,      // an input feature's on/off flag (true|false)
    widths,       // comma list of integers in min..max, at most max_count (networkShape)
    activations,  // comma list of names, at most max_count (layerActivations)
    points,       // x,y,label;... at most max_count points, |x|, |y| ≤ max
    rates,        // comma list of numbers in min..max, at most max_count (layerDropout)
    ignored,      // a TensorFlow Playground key read and dropped (collectStats, tutorial)
};

// An enum member seen as int, through accessors generated per member (reading an enum
// through an int* would break aliasing rules).
struct EnumRef {
    int (*get)(const PlaygroundState&);
    void (*set)(PlaygroundState&, int);
    const char* (*name)(int);
};

struct FeatureRef {
    Feature feature;
};

// The member a setting reads and writes (monostate: none, for ignored keys).
using SettingRef =
    std::variant<std::monostate, int PlaygroundState::*, float PlaygroundState::*, bool PlaygroundState::*,
                 std::string PlaygroundState::*, EnumRef, FeatureRef, std::vector<int> PlaygroundState::*,
                 std::vector<Activation> PlaygroundState::*, std::vector<Point> PlaygroundState::*,
                 std::vector<float> PlaygroundState::*>;

// What a slider (or list) of the page offers: a range inside the allowed one, so the page
// never writes a value a link could not hold. step 0: continuous; log: a logarithmic slider.
// min == max: the page has no numeric control for the setting.
struct UiRange {
    double min = 0, max = 0, step = 0;
    bool log = false;
    bool empty() const { return min == max; }
};

struct Setting {
    const char* key = "";              // the query key, e.g. "learningRate"
    SettingType type = SettingType::ignored;
    SettingRef ref;
    const char* label = "";            // what the page calls it, e.g. "Learning rate"
    bool tfp = false;                  // TensorFlow Playground has this key
    double min = 0, max = 0;           // allowed: numbers, list elements, |coordinate| of points
    std::span<const EnumName> names;   // choice, activations: the accepted spellings
    int max_count = 0;                 // lists: longer ones are cut with a warning
    bool zero_is_default = false;      // numSamples: 0 (below min) means "the problem's default"
    bool omit_default = false;         // compat: written only when not the default
    UiRange ui;                        // the page's control, inside min..max
    // Formulas: a choice or activations row (activation, layerActivations) also takes a
    // formula of x in place of a name; a text row (formula) must be a formula of x1, x2.
    bool takes_formula = false;

    // The id of its tooltip text in engine/help.txt (help_text(id)): the key itself.
    std::string_view help_id() const { return key; }
};

// Every setting, in the order to_query() writes them: TensorFlow Playground's keys first, in
// its order, then ours; points last (it can be long).
std::span<const Setting> settings();

// The row of a query key, or nullptr when no setting has that key.
const Setting* find_setting(std::string_view key);

// The setting's value in state, as the query string spells it (before percent-encoding):
// "0.03", "true", "4,2", "tanh". Ignored keys give "".
std::string setting_text(const Setting& setting, const PlaygroundState& state);

// The default as the query spells it: setting_text of a default PlaygroundState.
std::string default_text(const Setting& setting);

// The spelling with this text among names, or nullptr.
const EnumName* find_name(std::span<const EnumName> names, std::string_view text);

// The spellings joined by '|', for messages: "sgd|momentum|nesterov|rmsprop|adam".
std::string spellings(std::span<const EnumName> names);

// The README's "State keys" table in Markdown, one row per setting: key, values, default,
// the page's range, TensorFlow Playground's, and the first sentence of its help text.
// `nnplay settings --markdown` prints it; tests/cli_test.sh checks README.md holds it.
std::string settings_markdown();

}  // namespace nnplay
