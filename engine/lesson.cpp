// lesson.cpp: reading lesson files and their conditions, the facts a condition reads from a
// run, and checking a task's reference solution by training it (see lesson.h and
// lessons/README.md for the format).
#include "engine/lesson.h"

#include "engine/diagnosis.h"
#include "engine/number_text.h"
#include "engine/settings.h"
#include "engine/state.h"
#include "engine/trainer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace nnplay {
namespace {

// The names a condition may use besides the state's keys.
constexpr const char* kFactNames[] = {
    "epoch", "train_loss", "val_loss", "test_loss", "reg_loss", "train_acc", "val_acc", "test_acc",
    "train_rmse", "val_rmse", "test_rmse", "learning_rate", "status", "features",
    "hidden_neurons", "hidden_layers", "diagnosis"};

bool known_name(std::string_view name) {
    for (const char* n : kFactNames)
        if (name == n) return true;
    return find_setting(name) != nullptr;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Splits at the words " and " / " or " (as whole words, any blanks around them).
std::vector<std::string_view> split_word(std::string_view s, std::string_view word) {
    std::vector<std::string_view> parts;
    std::size_t start = 0, i = 0;
    while (i + word.size() <= s.size()) {
        const bool before = i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t';
        const std::size_t end = i + word.size();
        const bool after = end == s.size() || s[end] == ' ' || s[end] == '\t';
        if (before && after && s.substr(i, word.size()) == word) {
            parts.push_back(s.substr(start, i - start));
            start = i = end;
        } else {
            ++i;
        }
    }
    parts.push_back(s.substr(start));
    return parts;
}

std::optional<double> number(std::string_view text) {
    text = trim(text);
    if (text.empty() || text.size() > 40) return std::nullopt;
    const std::string s(text);
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size()) return std::nullopt;
    return v;
}

Result<LessonComparison> parse_comparison(std::string_view text, int line) {
    text = trim(text);
    std::size_t i = 0;
    while (i < text.size() && is_name_char(text[i])) ++i;
    LessonComparison c;
    c.name = std::string(text.substr(0, i));
    if (c.name.empty()) return Result<LessonComparison>::fail("expected a name at '" + std::string(text) + "'", line);
    if (!known_name(c.name))
        return Result<LessonComparison>::fail("unknown name '" + c.name + "' in a condition", line);
    std::string_view rest = trim(text.substr(i));
    struct OpText { const char* text; LessonComparison::Op op; };
    static constexpr OpText kOps[] = {
        {">=", LessonComparison::Op::ge}, {"<=", LessonComparison::Op::le}, {"==", LessonComparison::Op::eq},
        {"!=", LessonComparison::Op::ne}, {">", LessonComparison::Op::gt},  {"<", LessonComparison::Op::lt},
        {"has ", LessonComparison::Op::has}, {"lacks ", LessonComparison::Op::lacks}};
    bool found = false;
    for (const OpText& o : kOps) {
        if (rest.starts_with(o.text)) {
            c.op = o.op;
            rest = trim(rest.substr(std::string_view(o.text).size()));
            found = true;
            break;
        }
    }
    if (!found)
        return Result<LessonComparison>::fail("expected >=, <=, >, <, ==, !=, has or lacks after '" + c.name + "'", line);
    if (rest.empty()) return Result<LessonComparison>::fail("expected a value after '" + c.name + "'", line);
    const bool set_op = c.op == LessonComparison::Op::has || c.op == LessonComparison::Op::lacks;
    if (set_op != (c.name == "diagnosis"))
        return Result<LessonComparison>::fail("'has' and 'lacks' go with diagnosis, and diagnosis only with them", line);
    if (rest.starts_with("prev.")) {
        std::string_view p = rest.substr(5);
        std::size_t j = 0;
        while (j < p.size() && is_name_char(p[j])) ++j;
        c.prev = std::string(p.substr(0, j));
        if (!known_name(c.prev) || c.prev == "diagnosis")
            return Result<LessonComparison>::fail("unknown name 'prev." + c.prev + "' in a condition", line);
        std::string_view tail = trim(p.substr(j));
        if (!tail.empty()) {
            if (tail[0] != '*' && tail[0] != '/')
                return Result<LessonComparison>::fail("expected * or / after 'prev." + c.prev + "'", line);
            c.prev_op = tail[0];
            const std::optional<double> arg = number(tail.substr(1));
            if (!arg || !std::isfinite(*arg) || (c.prev_op == '/' && *arg == 0))
                return Result<LessonComparison>::fail("expected a number after '" + std::string(1, c.prev_op) + "'", line);
            c.prev_arg = *arg;
        }
    } else {
        c.literal = std::string(rest);
    }
    return c;
}

// "x,y" and "y,x" are the same features: compare such lists as sorted sets.
std::string sorted_list(std::string_view text) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string_view::npos) comma = text.size();
        items.emplace_back(trim(text.substr(start, comma - start)));
        start = comma + 1;
    }
    std::sort(items.begin(), items.end());
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : ",") + s;
    return out;
}

bool compare(const LessonComparison& c, const LessonFacts& now, const LessonFacts& prev) {
    using Op = LessonComparison::Op;
    if (c.op == Op::has || c.op == Op::lacks) {
        const bool in = std::find(now.diagnosis.begin(), now.diagnosis.end(), c.literal) != now.diagnosis.end();
        return in == (c.op == Op::has);
    }
    const std::string left = now.get(c.name);
    std::string right = c.literal;
    std::optional<double> rnum;
    if (!c.prev.empty()) {
        const std::optional<double> p = number(prev.get(c.prev));
        if (c.prev_op == 0) right = prev.get(c.prev);
        else if (!p) return false;
        else rnum = c.prev_op == '*' ? *p * c.prev_arg : *p / c.prev_arg;
    }
    if (!rnum) rnum = number(right);
    const std::optional<double> lnum = number(left);
    if (lnum && rnum) {
        const double a = *lnum, b = *rnum;
        if (std::isnan(a) || std::isnan(b)) return c.op == Op::ne;
        // Settings are floats: 0.003 written is 0.003 read, but prev/10 may differ in the last bits.
        const double tol = 1e-9 * std::max(std::fabs(a), std::fabs(b));
        switch (c.op) {
        case Op::ge: return a >= b - tol;
        case Op::le: return a <= b + tol;
        case Op::gt: return a > b + tol;
        case Op::lt: return a < b - tol;
        case Op::eq: return std::fabs(a - b) <= tol;
        case Op::ne: return std::fabs(a - b) > tol;
        default: return false;
        }
    }
    const bool lists = c.name == "features";
    const bool equal = lists ? sorted_list(left) == sorted_list(right) : left == right;
    if (c.op == Op::eq) return equal;
    if (c.op == Op::ne) return !equal;
    return false;  // an order on text that is not a number: never met
}

std::string full_number(double v) {
    if (std::isnan(v)) return "nan";
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

std::string short_number(const std::string& text) {
    const std::optional<double> v = number(text);
    if (!v) return text.empty() ? "(none)" : text;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.4g", *v);
    return buf;
}

int to_int(std::string_view text, int lo, int hi, bool& ok) {
    const std::optional<double> v = number(text);
    ok = v && *v == std::floor(*v) && *v >= lo && *v <= hi;
    return ok ? int(*v) : 0;
}

// A condition's name as the page says it: the metrics' own words, a setting's label.
std::string name_words(const std::string& name) {
    static constexpr std::pair<const char*, const char*> kWords[] = {
        {"train_loss", "training loss"},       {"val_loss", "validation loss"},
        {"test_loss", "test loss"},            {"reg_loss", "regularisation loss"},
        {"train_acc", "training accuracy"},    {"val_acc", "validation accuracy"},
        {"test_acc", "test accuracy"},         {"train_rmse", "training RMSE"},
        {"val_rmse", "validation RMSE"},       {"test_rmse", "test RMSE"},
        {"learning_rate", "learning rate in use"}, {"hidden_neurons", "hidden neurons"},
        {"hidden_layers", "hidden layers"},
        // Flags whose label is a sentence (the page's checkbox text), shorter here.
        {"earlyStopping", "early stopping"},   {"initZero", "all-zero initialisation"}};
    for (const auto& [n, words] : kWords)
        if (name == n) return words;
    const Setting* s = find_setting(name);
    if (!s || !*s->label) return name;  // epoch, status, features
    std::string words = s->label;
    if (words.size() > 1 && words[1] >= 'a' && words[1] <= 'z' && words[0] >= 'A' && words[0] <= 'Z')
        words[0] = char(words[0] - 'A' + 'a');  // "Learning rate" → "learning rate", not "L2 ..."
    return words;
}

// A number as short as it reads well.
std::string plain_number(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.4g", v);
    return buf;
}

// A comparison's value in words: accuracies in per cent, flags on and off, codes spaced.
std::string value_words(const LessonComparison& c) {
    if (!c.prev.empty()) {
        const std::string then = c.prev == c.name ? "what it was" : "the " + name_words(c.prev) + " then";
        if (c.prev_op == '*') return plain_number(c.prev_arg) + " \xC3\x97 " + then;
        if (c.prev_op == '/') return then + " \xC3\xB7 " + plain_number(c.prev_arg);
        return then;
    }
    const std::optional<double> v = number(c.literal);
    if (v && c.name.size() > 4 && c.name.ends_with("_acc")) return plain_number(100 * *v) + " %";
    const Setting* s = find_setting(c.name);
    if (s && s->type == SettingType::flag) return c.literal == "true" ? "on" : "off";
    std::string words = c.literal;
    std::replace(words.begin(), words.end(), '_', ' ');  // early_stopped → early stopped
    return words;
}

// One comparison in words.
std::string comparison_words(const LessonComparison& c) {
    using Op = LessonComparison::Op;
    if (c.op == Op::has || c.op == Op::lacks) {
        std::string code = c.literal;
        std::replace(code.begin(), code.end(), '_', ' ');
        return std::string(c.op == Op::has ? "the diagnosis shows " : "the diagnosis does not show ") + code;
    }
    // Numbers compare with symbols; text (a choice, a flag, a seed) is or is not.
    const Setting* s = find_setting(c.name);
    const bool text = c.prev.empty() ? !number(c.literal)
                                     : s && (s->type == SettingType::text || s->type == SettingType::choice ||
                                             s->type == SettingType::flag);
    const char* op = "";
    switch (c.op) {
        case Op::ge: op = " \xE2\x89\xA5 "; break;
        case Op::le: op = " \xE2\x89\xA4 "; break;
        case Op::gt: op = " > "; break;
        case Op::lt: op = " < "; break;
        case Op::eq: op = text ? " is " : " = "; break;
        case Op::ne: op = text ? " is not " : " \xE2\x89\xA0 "; break;
        default: break;
    }
    return name_words(c.name) + op + value_words(c);
}

// A state query must read without warnings: a typo in a key would silently change the lesson.
std::string query_problem(std::string_view query) {
    const StateReadResult r = from_query(query);
    return r.warnings.empty() ? "" : r.warnings.front();
}

}  // namespace

std::string LessonFacts::get(const std::string& name) const {
    auto it = values.find(name);
    return it == values.end() ? std::string() : it->second;
}

std::string describe_condition(const std::vector<std::vector<LessonComparison>>& any) {
    std::string out;
    for (std::size_t i = 0; i < any.size(); ++i) {
        if (i) out += ", or ";
        for (std::size_t k = 0; k < any[i].size(); ++k) out += (k ? " and " : "") + comparison_words(any[i][k]);
    }
    return out;
}

Result<std::vector<std::vector<LessonComparison>>> parse_condition(std::string_view text, int line) {
    using R = Result<std::vector<std::vector<LessonComparison>>>;
    text = trim(text);
    if (text.empty()) return R::fail("empty condition", line);
    std::vector<std::vector<LessonComparison>> any;
    for (std::string_view clause : split_word(text, "or")) {
        std::vector<LessonComparison> all;
        for (std::string_view part : split_word(clause, "and")) {
            Result<LessonComparison> c = parse_comparison(part, line);
            if (!c) return c.error;
            all.push_back(std::move(*c));
        }
        any.push_back(std::move(all));
    }
    return any;
}

Result<Lesson> parse_lesson(std::string_view text) {
    using R = Result<Lesson>;
    if (text.size() > kLessonMaxBytes)
        return R::fail("the file has " + std::to_string(text.size()) + " bytes; a lesson may have at most " +
                       std::to_string(kLessonMaxBytes));
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view l = text.substr(start, nl - start);
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
        lines.push_back(l);
        start = nl + 1;
    }
    for (std::size_t i = 0; i < lines.size(); ++i)
        for (char ch : lines[i])
            if (ch == '\0' || ch == '\t' ? ch == '\0' : (unsigned char)(ch) < 0x20)
                return R::fail("a control character; a lesson is plain text", int(i) + 1);

    Lesson lesson;
    std::size_t n = 0;
    while (n < lines.size() && trim(lines[n]).empty()) ++n;
    if (n == lines.size() || trim(lines[n]) != "---")
        return R::fail("a lesson starts with a header between two '---' lines", int(std::min(n, lines.size() - 1)) + 1);
    ++n;
    bool has_title = false, has_id = false, has_order = false, closed = false;
    for (; n < lines.size(); ++n) {
        const int ln = int(n) + 1;
        const std::string_view l = trim(lines[n]);
        if (l == "---") {
            closed = true;
            ++n;
            break;
        }
        if (l.empty()) continue;
        const std::size_t colon = l.find(':');
        if (colon == std::string_view::npos) return R::fail("expected 'key: value' in the header", ln);
        const std::string_view key = trim(l.substr(0, colon)), value = trim(l.substr(colon + 1));
        if (key == "title") {
            if (value.empty()) return R::fail("the title is empty", ln);
            lesson.title = std::string(value);
            has_title = true;
        } else if (key == "id") {
            if (value.empty() || value.size() > 40) return R::fail("an id has 1 to 40 characters", ln);
            for (char ch : value)
                if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-'))
                    return R::fail("an id has only a-z, 0-9 and '-', not '" + std::string(value) + "'", ln);
            lesson.id = std::string(value);
            has_id = true;
        } else if (key == "order") {
            bool ok = false;
            lesson.order = to_int(value, 0, 9999, ok);
            if (!ok) return R::fail("order needs a whole number 0..9999, not '" + std::string(value) + "'", ln);
            has_order = true;
        } else if (key == "state") {
            if (std::string p = query_problem(value); !p.empty()) return R::fail("state: " + p, ln);
            lesson.state = std::string(value);
        } else if (key == "views") {
            std::size_t start = 0;
            while (start <= value.size()) {
                std::size_t comma = value.find(',', start);
                if (comma == std::string_view::npos) comma = value.size();
                const std::string_view v = trim(value.substr(start, comma - start));
                bool known = false;
                for (const char* k : kLessonViews) known = known || v == k;
                if (!known)
                    return R::fail("unknown view '" + std::string(v) +
                                   "' (backprop, gradients, surface, hidden, lrfinder)", ln);
                lesson.views.emplace_back(v);
                start = comma + 1;
            }
        } else {
            return R::fail("unknown header key '" + std::string(key) + "' (title, id, order, state, views)", ln);
        }
    }
    if (!closed) return R::fail("the header has no closing '---'", int(lines.size()));
    if (!has_title) return R::fail("the header has no title", 1);
    if (!has_id) return R::fail("the header has no id", 1);
    if (!has_order) return R::fail("the header has no order", 1);

    LessonTask* task = nullptr;
    bool solution_open = false;  // a solution line waits for its epochs line
    auto finish_task = [&](int ln) -> ReadError {
        if (!task) return {};
        if (task->steps.empty()) return {"the task '" + task->title + "' has no 'when:' condition", ln, 0, {}};
        if (task->answer.empty()) return {"the task '" + task->title + "' has no 'answer:'", ln, 0, {}};
        if (solution_open) return {"the last 'solution:' of task '" + task->title + "' has no 'epochs:'", ln, 0, {}};
        for (const LessonStep& s : task->steps)
            if (s.epochs == 0)
                return {"the task '" + task->title + "' needs one 'solution:' and 'epochs:' per step", ln, 0, {}};
        return {};
    };
    std::size_t solutions = 0;
    for (; n < lines.size(); ++n) {
        const int ln = int(n) + 1;
        const std::string_view raw = lines[n];
        const std::string_view l = trim(raw);
        if (raw.starts_with("## Task:")) {
            if (ReadError e = finish_task(ln - 1); !e.empty()) return e;
            if (int(lesson.tasks.size()) >= kLessonMaxTasks)
                return R::fail("more than " + std::to_string(kLessonMaxTasks) + " tasks", ln);
            lesson.tasks.emplace_back();
            task = &lesson.tasks.back();
            task->title = std::string(trim(raw.substr(8)));
            task->line = ln;
            if (task->title.empty()) return R::fail("the task has no title after '## Task:'", ln);
            solutions = 0;
            solution_open = false;
            continue;
        }
        if (!task) {
            lesson.body += std::string(raw) + "\n";
            continue;
        }
        const std::size_t colon = l.find(':');
        const std::string_view key = colon == std::string_view::npos ? "" : l.substr(0, colon);
        const std::string_view value = colon == std::string_view::npos ? "" : trim(l.substr(colon + 1));
        if (key == "when" || key == "then") {
            if ((key == "when") != task->steps.empty())
                return R::fail(key == "when" ? "a task has one 'when:'; later steps are 'then:'"
                                             : "'then:' comes after the task's 'when:'", ln);
            if (int(task->steps.size()) >= kLessonMaxSteps)
                return R::fail("more than " + std::to_string(kLessonMaxSteps) + " steps in a task", ln);
            auto cond = parse_condition(value, ln);
            if (!cond) return cond.error;
            if (key == "when")
                for (const auto& all : *cond)
                    for (const LessonComparison& c : all)
                        if (!c.prev.empty()) return R::fail("'prev.' needs an earlier step; use it after 'then:'", ln);
            LessonStep step;
            step.text = std::string(value);
            step.words = describe_condition(*cond);
            step.line = ln;
            step.any = std::move(*cond);
            task->steps.push_back(std::move(step));
        } else if (key == "hint") {
            if (value.empty()) return R::fail("an empty hint", ln);
            task->hints.emplace_back(value);
        } else if (key == "answer") {
            if (value.empty()) return R::fail("an empty answer", ln);
            if (!task->answer.empty()) task->answer += "\n";
            task->answer += std::string(value);
        } else if (key == "solution") {
            if (solution_open) return R::fail("'solution:' without its 'epochs:' line", ln);
            if (solutions >= task->steps.size())
                return R::fail("a 'solution:' for a step that has no condition (write the when:/then: lines first)", ln);
            if (std::string p = query_problem(value); !p.empty()) return R::fail("solution: " + p, ln);
            task->steps[solutions].solution = std::string(value);
            solution_open = true;
        } else if (key == "epochs") {
            if (!solution_open) return R::fail("'epochs:' comes after a 'solution:' line", ln);
            bool ok = false;
            const int e = to_int(value, 0, kLessonMaxEpochs, ok);
            if (!ok)
                return R::fail("epochs needs a whole number 0.." + std::to_string(kLessonMaxEpochs) + ", not '" +
                               std::string(value) + "'", ln);
            task->steps[solutions].epochs = e == 0 ? -1 : e;  // -1: met by the settings alone
            ++solutions;
            solution_open = false;
        } else if (task->steps.empty()) {
            task->text += std::string(raw) + "\n";
        } else if (!l.empty()) {
            return R::fail("expected when:, then:, hint:, answer:, solution: or epochs: in the task '" +
                           task->title + "'", ln);
        }
    }
    if (ReadError e = finish_task(int(lines.size())); !e.empty()) return e;
    if (lesson.tasks.empty()) {  // a lesson is learned by doing: --check proves at least one task
        int last = int(lines.size());  // the last line with text
        while (last > 1 && lines[std::size_t(last - 1)].find_first_not_of(" \t\r") == std::string_view::npos) --last;
        return R::fail("the lesson has no task: add one, '## Task: <title>' with its when:, answer:, solution: "
                       "and epochs: lines", last);
    }
    for (LessonTask& t : lesson.tasks)
        for (LessonStep& s : t.steps)
            if (s.epochs < 0) s.epochs = 0;
    return lesson;
}

LessonFacts lesson_facts(const Trainer& trainer, const Diagnosis& diagnosis) {
    LessonFacts f;
    const Metrics& m = trainer.metrics();
    const PlaygroundState& s = trainer.state();
    f.values["epoch"] = std::to_string(trainer.epoch());
    f.values["train_loss"] = full_number(m.train_loss);
    f.values["val_loss"] = full_number(m.val_loss);
    f.values["test_loss"] = full_number(m.test_loss);
    f.values["reg_loss"] = full_number(m.reg_loss);
    f.values["train_acc"] = full_number(m.train_acc);
    f.values["val_acc"] = full_number(m.val_acc);
    f.values["test_acc"] = full_number(m.test_acc);
    f.values["train_rmse"] = full_number(m.train_rmse);
    f.values["val_rmse"] = full_number(m.val_rmse);
    f.values["test_rmse"] = full_number(m.test_rmse);
    f.values["learning_rate"] = full_number(m.learning_rate);
    f.values["status"] = name_of(trainer.status());
    std::string features;
    for (int i = 0; i < feature_count; ++i)
        if (s.features[i]) features += (features.empty() ? "" : ",") + std::string(name_of(Feature(i)));
    f.values["features"] = features;
    int neurons = 0;
    for (int w : s.network_shape) neurons += w;
    f.values["hidden_neurons"] = std::to_string(s.model == Model::perceptron ? 0 : neurons);
    f.values["hidden_layers"] = std::to_string(s.model == Model::perceptron ? 0 : int(s.network_shape.size()));
    for (const Setting& setting : settings())
        if (setting.type != SettingType::ignored && setting.type != SettingType::points)
            f.values.emplace(setting.key, setting_text(setting, s));
    for (const DiagnosisItem& d : diagnosis.items()) f.diagnosis.push_back(d.code);
    return f;
}

bool condition_holds(const LessonStep& step, const LessonFacts& now, const LessonFacts& prev) {
    for (const auto& all : step.any) {
        bool ok = true;
        for (const LessonComparison& c : all) ok = ok && compare(c, now, prev);
        if (ok) return true;
    }
    return false;
}

bool advance_task(const LessonTask& task, TaskProgress& progress, const LessonFacts& now) {
    // One step at a time: "then" asks for something new after "when" was met.
    if (progress.done(task) || !condition_holds(task.steps[progress.step], now, progress.prev)) return false;
    progress.prev = now;
    ++progress.step;
    return true;
}

std::string overlay_query(std::string_view base, std::string_view delta) {
    // Keys of delta replace base's; the rest of base stays in its order.
    auto key_of = [](std::string_view pair) { return pair.substr(0, pair.find('=')); };
    auto split_amp = [](std::string_view q) {
        std::vector<std::string_view> out;
        std::size_t start = 0;
        while (start <= q.size()) {
            std::size_t amp = q.find('&', start);
            if (amp == std::string_view::npos) amp = q.size();
            if (amp > start) out.push_back(q.substr(start, amp - start));
            start = amp + 1;
        }
        return out;
    };
    const std::vector<std::string_view> delta_pairs = split_amp(delta);
    std::string out;
    for (std::string_view p : split_amp(base)) {
        bool replaced = false;
        for (std::string_view d : delta_pairs) replaced = replaced || key_of(d) == key_of(p);
        if (!replaced) out += (out.empty() ? "" : "&") + std::string(p);
    }
    for (std::string_view d : delta_pairs) out += (out.empty() ? "" : "&") + std::string(d);
    return out;
}

std::string check_task(const LessonTask& task) {
    if (task.steps.empty()) return "the task has no steps";
    Trainer trainer(from_query(task.steps[0].solution).state);
    Diagnosis diagnosis;
    TaskProgress progress;
    for (std::size_t k = 0; k < task.steps.size(); ++k) {
        const LessonStep& step = task.steps[k];
        if (k > 0) {
            const int change = trainer.set_state(from_query(overlay_query(to_query(trainer.state()), step.solution)).state);
            if (change & (Trainer::kNetwork | Trainer::kData)) diagnosis.reset();
        }
        diagnosis.update(trainer);
        if (advance_task(task, progress, lesson_facts(trainer, diagnosis))) continue;
        for (int e = 0; e < step.epochs; ++e) {
            if (!trainer.step_epoch(true)) break;
            diagnosis.update(trainer);
            if (advance_task(task, progress, lesson_facts(trainer, diagnosis))) break;
        }
        if (progress.step > int(k)) continue;
        diagnosis.analyse(trainer);
        const LessonFacts now = lesson_facts(trainer, diagnosis);
        if (advance_task(task, progress, now)) continue;
        std::string figures;
        for (const auto& all : step.any)
            for (const LessonComparison& c : all) {
                std::string f = c.name == "diagnosis" ? "diagnosis = [" : c.name + " = ";
                if (c.name == "diagnosis")
                    for (std::size_t i = 0; i < now.diagnosis.size(); ++i) f += (i ? "," : "") + now.diagnosis[i];
                else
                    f += short_number(now.get(c.name));
                if (c.name == "diagnosis") f += "]";
                if (figures.find(f) == std::string::npos) figures += (figures.empty() ? "" : ", ") + f;
            }
        return "step " + std::to_string(k + 1) + " (line " + std::to_string(step.line) + ": " + step.text +
               ") not met after " + std::to_string(trainer.epoch()) + " epochs: " + figures;
    }
    return "";
}

}  // namespace nnplay
