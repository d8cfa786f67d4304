// settings_command.cpp: `nnplay settings`, the table of settings (engine/settings.h) as a
// user reads it: every key --state takes, with its default and ranges; --markdown prints the
// README's "State keys" table, which tests/cli_test.sh checks is what README.md holds.
#include "cli/commands.h"

#include "engine/settings.h"

#include <cstdio>
#include <string>

namespace nnplay::cli {

namespace {

const char* type_name(SettingType type) {
    switch (type) {
        case SettingType::integer: return "integer";
        case SettingType::real: return "number";
        case SettingType::flag: return "flag";
        case SettingType::text: return "text";
        case SettingType::choice: return "choice";
        case SettingType::feature: return "feature";
        case SettingType::widths: return "widths";
        case SettingType::activations: return "activations";
        case SettingType::points: return "points";
        case SettingType::rates: return "rates";
        case SettingType::ignored: return "ignored";
    }
    return "?";
}

// "lo..hi", the spellings, or "" where neither applies.
std::string allowed(const Setting& s) {
    if (!s.names.empty()) return spellings(s.names);
    if (s.min == s.max) return "";
    return format_double_shortest(s.min) + ".." + format_double_shortest(s.max);
}

std::string page_range(const Setting& s) {
    if (s.ui.empty()) return "";
    std::string out = format_double_shortest(s.ui.min) + ".." + format_double_shortest(s.ui.max);
    if (s.ui.log) out += " log";
    else if (s.ui.step > 0) out += " step " + format_double_shortest(s.ui.step);
    return out;
}

// Long cells (a points list, many spellings) are cut so the columns stay readable.
std::string fit(std::string text, std::size_t width) {
    if (text.size() > width) text = text.substr(0, width - 3) + "...";
    return text;
}

}  // namespace

int run_settings(const SettingsOptions& options) {
    if (options.markdown) {
        std::fputs(settings_markdown().c_str(), stdout);
        return kExitOk;
    }
    std::printf("%-19s %-11s %-10s %-32s %-24s %-4s %s\n", "key", "type", "default", "allowed", "page",
                "tfp", "label");
    for (const Setting& s : settings())
        std::printf("%-19s %-11s %-10s %-32s %-24s %-4s %s\n", s.key, type_name(s.type),
                    fit(default_text(s), 10).c_str(), fit(allowed(s), 32).c_str(), page_range(s).c_str(),
                    s.tfp ? "yes" : "", s.label);
    return kExitOk;
}

}  // namespace nnplay::cli
