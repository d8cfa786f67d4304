// state.cpp: PlaygroundState <-> URL query string. The table of settings (settings.h) drives
// both directions, so a key cannot be written without being read back; reading never fails,
// it clamps or keeps defaults and says why in a warning.
#include "engine/state.h"

#include "engine/assert.h"
#include "engine/formula.h"
#include "engine/printable.h"
#include "engine/settings.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <utility>
#include <variant>

namespace nnplay {

namespace {

using S = PlaygroundState;

// A point's optional fourth value in the query text (settings.cpp writes it).
bool parse_point_split(std::string_view text, PointSplit& out) {
    if (text == "train") out = PointSplit::train;
    else if (text == "val") out = PointSplit::val;
    else if (text == "test") out = PointSplit::test;
    else return false;
    return true;
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

// Splits on the commas outside parentheses: "tanh,max(x, 0)" is two pieces.
std::vector<std::string_view> split_outside_parentheses(std::string_view text) {
    std::vector<std::string_view> pieces;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '(') ++depth;
        else if (text[i] == ')' && depth > 0) --depth;
        else if (text[i] == ',' && depth == 0) {
            pieces.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    pieces.push_back(text.substr(start));
    return pieces;
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

// Values quoted in warnings are shortened: a points list can be 100 kB. Control characters
// are shown as \xHH: a NUL would cut the message short in C strings, an ESC would reach a
// terminal as a command.
std::string quote(std::string_view text) {
    constexpr std::size_t limit = 40;
    std::string out = "'";
    out += printable(text.substr(0, limit));
    out += text.size() > limit ? "...'" : "'";
    return out;
}

// ---------------------------------------------------------------------------
// Reading one value. Each reader either stores a (possibly clamped) value or
// leaves the state alone; every change it did not take as given is a warning.

constexpr std::size_t kMaxTextLength = 256;  // bytes of a free-text value (the seed)

struct Reader {
    const Setting& f;
    std::string_view value;
    S& s;
    std::vector<std::string>& warnings;
    std::vector<std::string>& formula_errors;

    // A refused formula: said with its column, the value in effect kept.
    void bad_formula(const std::string& problem) {
        const std::string line = "ignored " + std::string(f.key) + "=" + quote(value) + ": " + problem +
                                 "; kept " + quote(setting_text(f, s));
        warnings.push_back(line);
        formula_errors.push_back(line);
    }

    // "kept" names the value in effect: the default, or an earlier duplicate.
    void malformed(const std::string& expected) {
        warnings.push_back("ignored " + std::string(f.key) + "=" + quote(value) + " (expected " +
                           expected + "); kept " + quote(setting_text(f, s)));
    }
    // edge: where the page's own control stops ("lowest", "highest"), when the value was
    // clamped to it rather than to the allowed range.
    void clamped(const std::string& given, const std::string& range, const std::string& to,
                 const char* edge = nullptr) {
        warnings.push_back(std::string(f.key) + "=" + given + " is out of range " + range +
                           "; clamped to " + to + (edge ? " (the page's " + std::string(edge) + ")" : ""));
    }

    // A value outside the allowed range goes to the nearer end of the page's own range, so
    // a link never sets what the page's control cannot show (learningRate=-5 would otherwise
    // be 1e-06, below the slider, and training would look frozen).
    template <typename T>
    T clamp_to_page(T v, T lo, T hi, const char*& edge) const {
        if (f.ui.empty()) return std::clamp(v, lo, hi);
        if (v < lo) return edge = "lowest", T(f.ui.min);
        if (v > hi) return edge = "highest", T(f.ui.max);
        return v;
    }

    void read(int S::*m) {
        long long v = 0;
        if (!parse_int(value, v)) return malformed("an integer");
        long long lo = (long long)f.min, hi = (long long)f.max;
        if (f.zero_is_default && v <= 0) lo = 0;  // 0 = default; below it clamps to 0
        const char* edge = nullptr;
        long long c = f.zero_is_default && v <= 0 ? 0 : clamp_to_page(v, lo, hi, edge);
        if (c != v) {
            std::string range = std::to_string((long long)f.min) + ".." + std::to_string(hi);
            if (f.zero_is_default) range += " (or 0 for the default)";
            clamped(std::string(value), range, std::to_string(c), edge);
        }
        s.*m = int(c);
    }

    void read(float S::*m) {
        float v = 0;
        if (!parse_float_strict(value, v)) return malformed("a finite number");
        const char* edge = nullptr;
        float c = clamp_to_page(v, float(f.min), float(f.max), edge);
        if (c != v)
            clamped(std::string(value), format_float_shortest(float(f.min)) + ".." + format_float_shortest(float(f.max)),
                    format_float_shortest(c), edge);
        s.*m = c;
    }

    void read(bool S::*m) {
        if (!parse_bool(value, s.*m)) malformed("true|false");
    }

    // Free text (the seed): cut to kMaxTextLength bytes, at a UTF-8 character's start, so a
    // link cannot make every reseed hash a megabyte.
    void read(std::string S::*m) {
        if (f.takes_formula) {  // the data's formula: it must compile, or the old one stays
            if (std::string problem = formula_problem(value, FormulaVars::x1x2); !problem.empty())
                return bad_formula(problem);
            s.*m = std::string(value);
            return;
        }
        std::size_t keep = value.size();
        if (keep > kMaxTextLength) {
            keep = kMaxTextLength;
            while (keep > 0 && (static_cast<unsigned char>(value[keep]) & 0xc0) == 0x80) --keep;
            warnings.push_back(std::string(f.key) + " is " + std::to_string(value.size()) +
                               " characters long, at most " + std::to_string(kMaxTextLength) +
                               "; cut to the first " + std::to_string(keep));
        }
        s.*m = std::string(value.substr(0, keep));
    }

    void read(const EnumRef& r) {
        const EnumName* n = find_name(f.names, value);
        if (!n && f.takes_formula) {  // activation: a formula of x in place of a name
            if (std::string problem = formula_problem(value, FormulaVars::x); !problem.empty())
                return bad_formula(problem + " (not a formula of x, nor one of " + spellings(f.names) + ")");
            s.activation = Activation::formula;
            s.activation_formula = std::string(value);
            return;
        }
        if (!n) return malformed(spellings(f.names));
        r.set(s, n->value);
    }

    void read(const FeatureRef& r) {
        if (!parse_bool(value, s.features[r.feature])) malformed("true|false");
    }

    // Every piece is parsed before any is clamped, so one bad value gives one message: a
    // malformed list keeps the old shape ("999,abc" is not also "clamped to 64"), and all
    // out-of-range widths and a too long list are said together ("0,0,0": one line).
    void read(std::vector<int> S::*m) {
        std::vector<long long> given;
        if (!value.empty()) {
            for (std::string_view piece : split(value, ',')) {
                long long w = 0;
                if (!parse_int(piece, w)) return malformed("comma-separated integers, e.g. 4,2");
                given.push_back(w);
            }
        }
        std::vector<int> widths;
        std::vector<std::string> problems;
        std::string outside;
        for (long long w : given) {
            long long c = std::clamp(w, (long long)f.min, (long long)f.max);
            if (c != w) outside += (outside.empty() ? "" : ", ") + std::to_string(w);
            widths.push_back(int(c));
        }
        if (!outside.empty())
            problems.push_back((outside.find(',') == std::string::npos ? "width " : "widths ") + outside +
                               " out of range " + std::to_string((long long)f.min) + ".." +
                               std::to_string((long long)f.max) + ", clamped");
        if (int(widths.size()) > f.max_count) {
            problems.push_back(std::to_string(widths.size()) + " layers, at most " + std::to_string(f.max_count) +
                               ": dropped the rest");
            widths.resize(size_t(f.max_count));
        }
        if (!problems.empty()) {
            std::string used;
            for (int w : widths) used += (used.empty() ? "" : ",") + std::to_string(w);
            std::string line = std::string(f.key) + "=" + quote(value) + ": ";
            for (size_t i = 0; i < problems.size(); ++i) line += (i ? "; " : "") + problems[i];
            warnings.push_back(line + "; using " + used);
        }
        s.*m = std::move(widths);
    }

    // The count is checked against networkShape once the whole query is read.
    // A piece may be a formula of x (with commas of its own inside parentheses: min(x, 0)).
    void read(std::vector<Activation> S::*m) {
        std::vector<Activation> list;
        std::vector<std::string> formulas;
        if (!value.empty()) {
            for (std::string_view piece : split_outside_parentheses(value)) {
                const EnumName* n = find_name(f.names, piece);
                if (n) {
                    list.push_back(static_cast<Activation>(n->value));
                    formulas.emplace_back();
                    continue;
                }
                if (!f.takes_formula) return malformed("a comma list of " + spellings(f.names));
                if (std::string problem = formula_problem(piece, FormulaVars::x); !problem.empty())
                    return bad_formula("layer " + std::to_string(list.size() + 1) + ": " + problem +
                                       " (not a formula of x, nor one of " + spellings(f.names) + ")");
                list.push_back(Activation::formula);
                formulas.emplace_back(piece);
            }
        }
        const bool any_formula = std::find(list.begin(), list.end(), Activation::formula) != list.end();
        s.*m = std::move(list);
        s.layer_formulas = any_formula ? std::move(formulas) : std::vector<std::string>{};
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
            // An optional fourth value pins the point to a split (the page's drawn points).
            if (parts.size() == 4 && !parse_point_split(parts[3], p.split))
                return malformed("x,y,label or x,y,label,train|val|test, not " + quote(piece));
            if ((parts.size() != 3 && parts.size() != 4) || !parse_float_strict(parts[0], p.x) ||
                !parse_float_strict(parts[1], p.y) || !parse_float_strict(parts[2], p.label))
                return malformed("x,y,label;x,y,label;... with finite numbers, not " + quote(piece));
            ++total;
            if (int(points.size()) == f.max_count) continue;
            clamp_coord(p.x);
            clamp_coord(p.y);
            points.push_back(p);
        }
        // One message for the key, however many points were cut or moved.
        std::string line;
        if (total > points.size())
            line = std::string(f.key) + " has " + std::to_string(total) + " points, at most " +
                   std::to_string(f.max_count) + "; dropped the rest";
        if (clamped_count > 0)
            line += (line.empty() ? std::string(f.key) + ": " : "; ") + std::to_string(clamped_count) +
                    " coordinate(s) outside [" + format_float_shortest(-float(f.max)) + ", " +
                    format_float_shortest(float(f.max)) + "] clamped, e.g. " + first_clamp;
        if (!line.empty()) warnings.push_back(line);
        s.*m = std::move(points);
    }

    // Per-layer dropout (issue 14): a comma list of rates. A piece that is not a number keeps
    // the list in effect (one message); rates outside min..max are clamped, said together.
    // The count is checked against networkShape once the whole query is read.
    void read(std::vector<float> S::*m) {
        std::vector<float> rates;
        if (!value.empty()) {
            for (std::string_view piece : split(value, ',')) {
                float r = 0;
                if (!parse_float_strict(piece, r)) {
                    const std::string kept = setting_text(f, s);
                    warnings.push_back("ignored " + std::string(f.key) + "=" + quote(value) +
                                       " (expected one number " + format_float_shortest(float(f.min)) + ".." +
                                       format_float_shortest(float(f.max)) + " per hidden layer, e.g. 0.2,0,0.5); " +
                                       (kept.empty() ? std::string("using dropout's one rate for every layer")
                                                     : "kept " + quote(kept)));
                    return;
                }
                rates.push_back(r);
            }
        }
        std::string outside;
        for (float& r : rates) {
            const float c = std::clamp(r, float(f.min), float(f.max));
            if (c != r) outside += (outside.empty() ? "" : ", ") + format_float_shortest(r);
            r = c;
        }
        if (!outside.empty()) {
            std::string used;
            for (float r : rates) used += (used.empty() ? "" : ",") + format_float_shortest(r);
            warnings.push_back(std::string(f.key) + "=" + quote(value) + ": " +
                               (outside.find(',') == std::string::npos ? "rate " : "rates ") + outside +
                               " out of range " + format_float_shortest(float(f.min)) + ".." +
                               format_float_shortest(float(f.max)) + ", clamped; using " + used);
        }
        s.*m = std::move(rates);
    }

    // A key TensorFlow Playground writes and nothing here uses.
    void read(std::monostate) {}
};

void read_value(const Setting& f, std::string_view value, S& s, std::vector<std::string>& warnings,
                std::vector<std::string>& formula_errors) {
    Reader reader{f, value, s, warnings, formula_errors};
    std::visit([&](const auto& ref) { reader.read(ref); }, f.ref);
}

constexpr std::string_view hide_suffix = "_hide";

// "1,234": a count with thousands separators, for messages.
std::string grouped(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// One line for every unknown key of a link: the first few by name, then "…".
std::string unknown_keys_warning(const std::vector<std::string>& keys) {
    if (keys.size() == 1) return "ignored unknown key " + quote(keys[0]);
    constexpr std::size_t kNamed = 3;
    std::string line = grouped(keys.size()) + " unknown keys ignored: ";
    for (std::size_t i = 0; i < std::min(keys.size(), kNamed); ++i) line += (i ? ", " : "") + quote(keys[i]);
    return line + (keys.size() > kNamed ? ", ..." : "");
}

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
        case Dataset::custom:
        case Dataset::formula: return classes;
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

const std::string& PlaygroundState::hidden_formula(int layer) const {
    NNPLAY_ASSERT(layer >= 0);
    if (layer < int(layer_activations.size()) && layer < int(layer_formulas.size()) &&
        layer_activations[size_t(layer)] == Activation::formula)
        return layer_formulas[size_t(layer)];
    return activation_formula;
}

std::string to_query(const PlaygroundState& state) {
    std::string out;
    static const S defaults;
    for (const Setting& f : settings()) {
        if (f.type == SettingType::ignored) continue;
        const std::string value = setting_text(f, state);
        if (f.omit_default && value == setting_text(f, defaults)) continue;
        if (!out.empty()) out += '&';
        out += f.key;
        out += '=';
        out += percent_encode(value);
    }
    for (const std::string& control : state.hidden_controls)
        out += '&' + percent_encode(control) + std::string(hide_suffix) + "=true";
    return out;
}

StateReadResult from_query(std::string_view query) {
    StateReadResult result;
    S& s = result.state;
    std::vector<std::string>& warnings = result.warnings;
    std::vector<std::string> unknown;  // said once, at the end: a link may hold thousands
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

        if (const Setting* f = find_setting(key)) {
            read_value(*f, value, s, warnings, result.formula_errors);
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
            unknown.push_back(std::move(key));
        }
    }
    if (!unknown.empty()) warnings.push_back(unknown_keys_warning(unknown));

    // Checked last: the two keys may come in either order.
    if (!s.layer_activations.empty() && s.layer_activations.size() != s.network_shape.size()) {
        warnings.push_back("ignored layerActivations: " + std::to_string(s.layer_activations.size()) +
                           " activation(s) for " + std::to_string(s.network_shape.size()) +
                           " hidden layer(s); using activation for all");
        s.layer_activations.clear();
        s.layer_formulas.clear();
    }
    // Per-layer dropout (issue 14): one rate per hidden layer. Missing layers take `dropout`,
    // extra rates are dropped; the list used is said.
    if (!s.layer_dropout.empty() && s.layer_dropout.size() != s.network_shape.size()) {
        const std::size_t given = s.layer_dropout.size(), layers = s.network_shape.size();
        const float fill = s.dropout;  // already within 0..0.9: its reader clamps it
        s.layer_dropout.resize(layers, fill);
        std::string used;
        for (float r : s.layer_dropout) used += (used.empty() ? "" : ",") + format_float_shortest(r);
        std::string line = "layerDropout has " + std::to_string(given) + (given == 1 ? " rate" : " rates") +
                           " for " + std::to_string(layers) + " hidden layer" + (layers == 1 ? "" : "s");
        if (layers == 0) line += "; ignored";
        else if (given < layers)
            line += "; using " + used + " (dropout=" + format_float_shortest(fill) + " for the rest)";
        else line += "; dropped the rest, using " + used;
        warnings.push_back(line);
    }
    return result;
}

std::vector<std::string> formula_errors_in(std::string_view link_or_query) {
    if (const std::size_t hash = link_or_query.find('#'); hash != std::string_view::npos)
        link_or_query.remove_prefix(hash + 1);
    return from_query(link_or_query).formula_errors;
}

double query_double(float value) {
    double out = value;  // a non-finite float (never in a state read from a query) stays as it is
    parse_double_strict(format_float_shortest(value), out);
    return out;
}

bool looks_like_tfp_link(std::string_view query) {
    if (!query.empty() && (query.front() == '#' || query.front() == '?')) query.remove_prefix(1);
    bool seed = false, shape = false;
    for (std::string_view segment : split(query, '&')) {
        if (segment.empty()) continue;
        const std::size_t eq = segment.find('=');
        const std::string key = percent_decode(segment.substr(0, eq));
        const std::string value = eq == std::string_view::npos ? "" : percent_decode(segment.substr(eq + 1));
        if (key.size() > hide_suffix.size() && key.ends_with(hide_suffix)) continue;
        const Setting* f = find_setting(key);
        if (!f || !f->tfp) return false;
        if (f->type == SettingType::choice) {  // a formula is no name of theirs
            const EnumName* n = find_name(f->names, value);
            if (!n || !n->tfp) return false;
        }
        seed = seed || key == "seed";
        shape = shape || key == "networkShape";
    }
    return seed && shape;
}

}  // namespace nnplay
