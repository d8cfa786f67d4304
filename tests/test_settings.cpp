// test_settings.cpp: the one table of settings (engine/settings.h): every row is consistent
// (the page's range inside the allowed one, the default inside both, a help text), and the
// query writer, the TensorFlow Playground check and the README table read from it.
#include "engine/settings.h"

#include "engine/help.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace nnplay;

namespace {

bool numeric(const Setting& s) { return s.type == SettingType::integer || s.type == SettingType::real; }

}  // namespace

TEST_CASE("settings: keys are unique and found; every setting has a label and a help text") {
    std::set<std::string> keys;
    for (const Setting& s : settings()) {
        CAPTURE(std::string(s.key));
        CHECK(keys.insert(s.key).second);
        CHECK(find_setting(s.key) == &s);
        CHECK(s.help_id() == std::string_view(s.key));
        CHECK(!help_text(s.help_id()).empty());
        if (s.type != SettingType::ignored) CHECK(std::string(s.label) != "");
    }
    CHECK(find_setting("noSuchKey") == nullptr);
    CHECK(find_setting("") == nullptr);
    REQUIRE(find_setting("learningRate"));
    CHECK(find_setting("learningRate")->type == SettingType::real);
    CHECK(std::string(find_setting("beta1")->label) == "Beta 1");
}

TEST_CASE("settings: every page range lies inside the allowed range, every default inside both") {
    const PlaygroundState defaults;
    for (const Setting& s : settings()) {
        CAPTURE(std::string(s.key));
        CHECK(s.min <= s.max);
        if (!s.ui.empty()) {
            CHECK(s.ui.min < s.ui.max);
            CHECK(s.ui.min >= s.min);
            CHECK(s.ui.max <= s.max);
            CHECK(s.ui.step >= 0);
            CHECK(s.ui.step < s.ui.max - s.ui.min);
            if (s.ui.log) CHECK(s.ui.min > 0);  // a logarithmic slider cannot reach 0
        }
        if (numeric(s)) {
            CHECK(!s.ui.empty());  // every number has a control on the page
            double value = 0;
            REQUIRE(parse_double_strict(default_text(s), value));
            // numSamples' default 0 stands for sample_count(), which the page's slider shows.
            if (s.zero_is_default && value == 0) value = defaults.sample_count();
            CHECK(value >= s.min);
            CHECK(value <= s.max);
            CHECK(value >= s.ui.min);
            CHECK(value <= s.ui.max);
        }
    }
    for (int width : defaults.network_shape) {
        const Setting& shape = *find_setting("networkShape");
        CHECK(width >= shape.min);
        CHECK(width <= shape.max);
        CHECK(width >= shape.ui.min);
        CHECK(width <= shape.ui.max);
        CHECK(int(defaults.network_shape.size()) <= shape.max_count);
    }
}

TEST_CASE("settings: the shared limits come from state.h") {
    CHECK(find_setting("points")->max == kDomain);
    CHECK(find_setting("points")->max_count == kMaxPoints);
    CHECK(find_setting("numSamples")->max == kMaxPoints);
    CHECK(find_setting("batchSize")->max == kMaxPoints);
    CHECK(find_setting("classes")->max == kMaxClasses);
}

TEST_CASE("settings: choices are spelled once, and every value of a choice reads back") {
    for (const Setting& s : settings()) {
        if (s.type != SettingType::choice && s.type != SettingType::activations) continue;
        CAPTURE(std::string(s.key));
        REQUIRE(!s.names.empty());
        std::set<std::string> names;
        for (const EnumName& n : s.names) {
            CHECK(names.insert(n.name).second);
            CHECK(find_name(s.names, n.name) == &n);
            if (s.type == SettingType::choice) {
                const StateReadResult read = from_query(std::string(s.key) + "=" + n.name);
                CHECK(read.warnings.empty());
                CHECK(setting_text(s, read.state) == n.name);
            }
        }
        CHECK(find_name(s.names, "nope") == nullptr);
    }
    CHECK(spellings(find_setting("regularization")->names) == "none|L1|L2");
}

TEST_CASE("settings: to_query writes every setting but the ignored ones, with setting_text") {
    PlaygroundState state;
    state.learning_rate = 0.1f;
    state.network_shape = {3};
    state.seed = "abc";
    const std::string query = to_query(state);
    for (const Setting& s : settings()) {
        CAPTURE(std::string(s.key));
        const std::string pair = std::string(s.key) + "=" + setting_text(s, state);
        const bool written = query.starts_with(pair + "&") || query.find("&" + pair + "&") != std::string::npos ||
                             query.ends_with("&" + pair);
        if (s.type == SettingType::ignored || s.omit_default) CHECK(query.find(std::string(s.key) + "=") == std::string::npos);
        else CHECK(written);
    }
    CHECK(setting_text(*find_setting("learningRate"), state) == "0.1");
    CHECK(setting_text(*find_setting("networkShape"), state) == "3");
    CHECK(default_text(*find_setting("networkShape")) == "4,2");
    CHECK(default_text(*find_setting("points")).empty());
}

TEST_CASE("settings: TensorFlow Playground's keys and spellings are flagged in the table") {
    // Every flagged key with its default value (and a seed): a link of theirs.
    std::string theirs;
    for (const Setting& s : settings()) {
        if (!s.tfp) continue;
        theirs += (theirs.empty() ? "" : "&") + std::string(s.key) + "=" + default_text(s);
    }
    CHECK(looks_like_tfp_link(theirs));
    // One key they lack, or one spelling they lack, and it is ours.
    for (const Setting& s : settings())
        if (!s.tfp) {
            CAPTURE(std::string(s.key));
            CHECK_FALSE(looks_like_tfp_link(theirs + "&" + s.key + "=" + default_text(s)));
        }
    CHECK(looks_like_tfp_link(theirs + "&dataset=spiral&activation=relu&regDataset=reg-gauss"));
    CHECK_FALSE(looks_like_tfp_link(theirs + "&dataset=moons"));
    CHECK_FALSE(looks_like_tfp_link(theirs + "&activation=swish"));
    CHECK_FALSE(looks_like_tfp_link(theirs + "&regDataset=custom"));
}

TEST_CASE("settings: the README table has a row per setting") {
    const std::string md = settings_markdown();
    CHECK(md.starts_with("| key | values | default | page | TFP | meaning |\n|---|"));
    std::size_t rows = 0;
    for (std::size_t at = md.find("\n| `"); at != std::string::npos; at = md.find("\n| `", at + 1)) ++rows;
    CHECK(rows == settings().size());
    CHECK(md.find("| `beta1` | 0–0.9999 | `0.9` | 0–0.999 by 0.001 |  | ") != std::string::npos);
    CHECK(md.find("| `learningRate` | 1e-06–10 | `0.03` | 1e-05–10 (log) | ✓ | How far each step moves the "
                  "weights along the gradient. |") != std::string::npos);
}
