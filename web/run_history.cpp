// run_history.cpp: the run history (kept in localStorage), the rewind timeline and the seed
// sweeps of the page (see run_history.h). Everything here follows trainer_changed(); the
// Runs panel only draws it and asks for things.
#include "web/run_history.h"

#include "web/app.h"
#include "web/platform.h"

#include "engine/json_reader.h"
#include "engine/json_writer.h"
#include "engine/settings.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace nnplay::web {
namespace {

constexpr float kNaNf = std::numeric_limits<float>::quiet_NaN();

#ifdef __EMSCRIPTEN__
// The stored history, or an empty text (no storage, nothing stored). malloc'ed: free it.
EM_JS(char*, nnplay_js_runs_load, (), {
    var text = "";
    try { text = window.localStorage.getItem('nnplay.runs') || ""; } catch (e) { text = ""; }
    var length = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(length);
    stringToUTF8(text, ptr, length);
    return ptr;
});
// 1 when stored; 0 when the browser refused (full, private window, no storage).
EM_JS(int, nnplay_js_runs_save, (const char* text), {
    try { window.localStorage.setItem('nnplay.runs', UTF8ToString(text)); return 1; } catch (e) { return 0; }
});
std::string load_stored() {
    char* text = nnplay_js_runs_load();
    std::string out = text ? text : "";
    std::free(text);
    return out;
}
bool store(const std::string& text) { return nnplay_js_runs_save(text.c_str()) == 1; }
#else
std::string load_stored() { return {}; }
bool store(const std::string&) { return true; }  // the desktop window keeps the history for the session
#endif

float as_float(double v) { return std::isfinite(v) ? float(v) : kNaNf; }

// Adds a curve point, thinning the curve to every other point when it is full.
void add_point(RunRecord& run, const CurvePoint& p) {
    if (!run.curve.empty() && p.epoch <= run.curve.back().epoch) return;
    if (!run.curve.empty() && p.epoch - run.curve.back().epoch < run.curve_stride) return;
    run.curve.push_back(p);
    if (int(run.curve.size()) > kCurvePoints) {
        std::vector<CurvePoint> thin;
        for (std::size_t i = 0; i < run.curve.size(); i += 2) thin.push_back(run.curve[i]);
        run.curve = std::move(thin);
        run.curve_stride *= 2;
    }
}

CurvePoint point_of(const Metrics& m, int epoch, double seconds) {
    return {epoch, as_float(m.train_loss), as_float(m.val_loss), as_float(m.test_loss), float(seconds)};
}

// The current run's end figures, state and boundary, from the trainer as it is now.
void capture(App& app, RunRecord& run) {
    const Trainer& t = *app.run.trainer;
    run.query = to_query(t.state());
    run.seed = t.state().seed;
    run.regression = t.is_regression();
    run.epochs = t.epoch();
    const Metrics& m = t.metrics();
    run.train_loss = m.train_loss;
    run.test_loss = m.test_loss;
    run.train_acc = m.train_acc;
    run.test_acc = m.test_acc;
    GridOutput grid;
    t.evaluate_grid(kThumbRes, grid, false);
    const NetworkSpec& spec = t.spec();
    run.thumb_classes = spec.output == Output::softmax_ce && spec.outputs > 1;
    run.thumb.assign(std::size_t(kThumbRes * kThumbRes), 0.0f);
    for (int i = 0; i < kThumbRes * kThumbRes; ++i) {
        if (run.thumb_classes) {
            int best = 0;
            for (int k = 1; k < grid.output.rows(); ++k)
                if (grid.output(k, i) > grid.output(best, i)) best = k;
            run.thumb[std::size_t(i)] = float(best);
        } else {
            float v = grid.output(0, i);
            if (spec.output == Output::sigmoid_log || spec.output == Output::step) v = 2 * v - 1;
            run.thumb[std::size_t(i)] = std::clamp(std::isfinite(v) ? v : 0.0f, -1.0f, 1.0f);
        }
    }
}

// A new current run starting from the trainer as it is.
void start_current(App& app, RunsState& r) {
    r.current = RunRecord{};
    r.current.id = r.next_id;
    const Trainer& t = *app.run.trainer;
    add_point(r.current, point_of(t.metrics(), t.epoch(), 0));
}

// The history gets the current run if it trained; the list stays bounded.
void end_current(App& app, RunsState& r, bool captured) {
    RunRecord& run = r.current;
    if (run.curve.size() < 2) return;  // nothing trained
    if (!captured) capture(app, run);
    run.id = r.next_id++;
    r.history.push_back(std::move(run));
    if (int(r.history.size()) > kMaxRuns) r.history.erase(r.history.begin());
    runs_save(app);
}

// Puts the chart back to the current run's curve up to `epoch` (after a rewind).
void rebuild_chart(App& app, const RunsState& r, int epoch) {
    LossChart& chart = app.pictures.chart;
    chart.clear();
    for (const CurvePoint& p : r.current.curve) {
        if (p.epoch > epoch) break;
        Metrics m;
        m.epoch = p.epoch;
        m.train_loss = p.train;
        m.val_loss = p.val;
        m.test_loss = p.test;
        chart.add(m);
    }
}

// Goes on from the viewed epoch: the later curve, chart and snapshots are another history.
void leave_view(App& app, RunsState& r) {
    const int k = r.view_epoch;
    r.view_epoch = -1;
    std::erase_if(r.current.curve, [k](const CurvePoint& p) { return p.epoch > k; });
    r.snapshots.truncate_after(k);
    rebuild_chart(app, r, k);
}

void load(RunsState& r) {
    r.loaded = true;
    const std::string text = load_stored();
    if (text.empty()) return;
    std::string error;
    if (!runs_from_json(text, r.history, error)) {
        r.history.clear();
        r.storage_note = "The stored runs could not be read (" + error + "): the history starts empty.";
        return;
    }
    for (const RunRecord& run : r.history) r.next_id = std::max(r.next_id, run.id + 1);
}

// "key=value&..." as a map, in order of the keys.
std::vector<std::pair<std::string, std::string>> query_pairs(const std::string& query) {
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t at = 0;
    while (at <= query.size()) {
        std::size_t amp = query.find('&', at);
        if (amp == std::string::npos) amp = query.size();
        const std::string pair = query.substr(at, amp - at);
        const std::size_t eq = pair.find('=');
        if (!pair.empty()) out.emplace_back(pair.substr(0, eq), eq == std::string::npos ? "" : pair.substr(eq + 1));
        at = amp + 1;
    }
    return out;
}

std::string number(double v, const char* format) {
    if (!std::isfinite(v)) return "-";
    char buf[48];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

}  // namespace

bool RunRecord::reached(double target, int& epoch, double& secs) const {
    for (const CurvePoint& p : curve)
        if (std::isfinite(p.test) && p.test <= target) {
            epoch = p.epoch;
            secs = p.seconds;
            return true;
        }
    return false;
}

RunsState& runs_of(App& app) {
    if (!app.runs) app.runs = std::make_shared<RunsState>();
    return *app.runs;
}

void runs_follow(App& app, TrainerChange change) {
    RunsState& r = runs_of(app);
    if (!r.loaded) load(r);
    if (r.applying) return;
    const Trainer& t = *app.run.trainer;
    switch (change) {
        case TrainerChange::settings: return;
        case TrainerChange::restarted:
            end_current(app, r, true);  // captured at its last trained frame
            r.view_epoch = -1;
            r.snapshots.clear();
            r.snapshots.record(t);
            start_current(app, r);
            return;
        case TrainerChange::edited:
            if (r.view_epoch >= 0) leave_view(app, r);
            r.snapshots.record(t);
            return;
        case TrainerChange::trained: {
            if (r.view_epoch >= 0) leave_view(app, r);
            const double now = glfwGetTime();
            const double dt = now - r.last_trained;
            r.last_trained = now;
            if (dt < 0.5) r.current.seconds += dt;  // a pause is not training time
            add_point(r.current, point_of(t.metrics(), t.epoch(), r.current.seconds));
            r.snapshots.record(t);
            capture(app, r.current);
            return;
        }
    }
}

void runs_keep(App& app) {
    RunsState& r = runs_of(app);
    if (r.view_epoch >= 0) runs_back_to_live(app);
    end_current(app, r, false);
    start_current(app, r);
}

bool runs_view(App& app, int index) {
    RunsState& r = runs_of(app);
    if (index < 0 || index >= int(r.snapshots.kept().size())) return false;
    const Snapshot& s = r.snapshots.kept()[std::size_t(index)];
    if (r.view_epoch < 0) r.live_epoch = app.run.trainer->epoch();
    app.run.playing = false;
    r.applying = true;
    const std::string error = restore_snapshot(*app.run.trainer, s);
    trainer_changed(app, TrainerChange::edited);
    r.applying = false;
    if (!error.empty()) {
        app_message(app, "Cannot show epoch " + std::to_string(s.epoch()) + ": " + error, true);
        return false;
    }
    r.slider = index;
    r.view_epoch = index + 1 == int(r.snapshots.kept().size()) ? -1 : s.epoch();
    return true;
}

void runs_continue(App& app, bool play) {
    RunsState& r = runs_of(app);
    if (r.view_epoch < 0) return;
    leave_view(app, r);
    r.slider = int(r.snapshots.kept().size()) - 1;
    app.run.playing = play;
}

void runs_back_to_live(App& app) {
    RunsState& r = runs_of(app);
    if (r.view_epoch < 0) return;
    runs_view(app, int(r.snapshots.kept().size()) - 1);
    r.view_epoch = -1;
}

std::string runs_start_sweep(App& app, int seeds, int epochs) {
    RunsState& r = runs_of(app);
    r.sweep_error = sweep_check(seeds, epochs);
    if (!r.sweep_error.empty()) return r.sweep_error;
    r.sweep = std::make_unique<Sweep>(app.run.trainer->state(), seeds, epochs);
    r.sweep_seconds = 0;
    return {};
}

void runs_sweep_frame(App& app, double seconds) {
    if (!app.runs) return;
    RunsState& r = *app.runs;
    if (!r.sweep || r.sweep->done()) return;
    const double start = glfwGetTime();
    // Slices of pieces of batches until the frame's share is used, as the page's own training:
    // an epoch of the heavy link took 0.7 s, and a sweep of it drew 1.4 fps in whole epochs.
    // Each slice about a quarter of the share, by the last one's time per piece.
    while (!r.sweep->done() && glfwGetTime() - start < seconds) {
        const double before = glfwGetTime();
        const int pieces = r.sweep->advance_pieces(r.sweep_slice);
        if (pieces > 0) r.sweep_slice = next_slice(pieces, glfwGetTime() - before, seconds);
    }
    const bool done = r.sweep->done();
    r.sweep_seconds += glfwGetTime() - start;
    app_wake(app);
    if (done) {
        // Said in the status line too: the Runs panel may be closed.
        const bool acc = r.sweep->state().problem != Problem::regression;
        const Spread sp = spread_of(r.sweep->final_figures(acc));
        char line[160];
        if (acc)
            std::snprintf(line, sizeof line, "Seed sweep done: %d seeds, test accuracy %.1f%% (%.1f%% to %.1f%%).",
                          r.sweep->seeds(), 100 * sp.mean, 100 * sp.lo, 100 * sp.hi);
        else
            std::snprintf(line, sizeof line, "Seed sweep done: %d seeds, test loss %.4f (%.4f to %.4f).",
                          r.sweep->seeds(), sp.mean, sp.lo, sp.hi);
        app_message(app, line);
    }
}

void runs_stop_sweep(App& app) {
    RunsState& r = runs_of(app);
    if (!r.sweep || r.sweep->done()) return;
    r.sweep.reset();
    app_message(app, "Seed sweep stopped.");
}


std::vector<const RunRecord*> selected_runs(const RunsState& runs) {
    std::vector<const RunRecord*> out;  // the newest ticked, from the history's end
    for (auto run = runs.history.rbegin(); run != runs.history.rend() && int(out.size()) < kMaxCompared; ++run)
        if (run->selected) out.push_back(&*run);
    std::reverse(out.begin(), out.end());  // in the history's order, oldest first
    return out;
}

int ticked_runs(const RunsState& runs) {
    return int(std::count_if(runs.history.begin(), runs.history.end(), [](const RunRecord& r) { return r.selected; }));
}

namespace {

// Every setting's default, as a link writes it: made once (the Runs panel compares every frame).
const std::vector<std::string>& default_texts() {
    static const std::vector<std::string> texts = [] {
        std::vector<std::string> out;
        for (const Setting& setting : settings()) out.push_back(default_text(setting));
        return out;
    }();
    return texts;
}

}  // namespace

std::vector<CompareRow> compare_rows(const RunsState& runs) {
    const std::vector<const RunRecord*> sel = selected_runs(runs);
    std::vector<CompareRow> rows;
    if (sel.size() < 2) return rows;
    std::vector<std::map<std::string, std::string>> values;
    for (const RunRecord* run : sel) {
        std::map<std::string, std::string> m;
        for (auto& [k, v] : query_pairs(run->query)) m[k] = v;
        values.push_back(std::move(m));
    }
    // Every setting, in the query's order: a link leaves some out at their default (dropout,
    // compat), so a run without the key has the default.
    const std::vector<std::string>& defaults = default_texts();
    for (std::size_t i = 0; i < settings().size(); ++i) {
        const Setting& setting = settings()[i];
        if (setting.type == SettingType::ignored) continue;
        const std::string& fallback = defaults[i];
        CompareRow row{setting.key, {}};
        for (const auto& m : values) {
            const auto found = m.find(setting.key);
            row.cells.push_back(found == m.end() ? fallback : found->second);
        }
        if (std::all_of(row.cells.begin(), row.cells.end(), [&](const std::string& v) { return v == row.cells[0]; }))
            continue;
        for (std::string& v : row.cells)
            if (v.size() > 18) v = v.substr(0, 15) + "...";
        rows.push_back(std::move(row));
    }
    auto add = [&](const char* name, auto cell) {
        CompareRow row{name, {}};
        for (const RunRecord* run : sel) row.cells.push_back(cell(*run));
        rows.push_back(std::move(row));
    };
    add("epochs", [](const RunRecord& r) { return std::to_string(r.epochs); });
    add("seconds", [](const RunRecord& r) { return number(r.seconds, "%.1f"); });
    add("train loss", [](const RunRecord& r) { return number(r.train_loss, "%.4f"); });
    add("test loss", [](const RunRecord& r) { return number(r.test_loss, "%.4f"); });
    add("test accuracy", [](const RunRecord& r) { return r.regression ? "-" : number(100 * r.test_acc, "%.1f%%"); });
    const double target = runs.target;
    add("epochs to target", [target](const RunRecord& r) {
        int e = 0;
        double s = 0;
        return r.reached(target, e, s) ? std::to_string(e) : std::string("never");  // (narrow: a phone fits two runs)
    });
    add("seconds to target", [target](const RunRecord& r) {
        int e = 0;
        double s = 0;
        return r.reached(target, e, s) ? number(s, "%.1f") : std::string("-");
    });
    return rows;
}

std::string runs_to_json(const std::vector<RunRecord>& runs) {
    std::string out = "{\"v\":1,\"runs\":";
    append_json_array(out, runs, ",", [](std::string& json, const RunRecord& r) {
        JsonLine j;
        j.add("id", r.id).add("query", r.query).add("seed", r.seed).add("regression", r.regression);
        j.add("epochs", r.epochs).add("seconds", r.seconds).add("train_loss", r.train_loss);
        j.add("test_loss", r.test_loss).add("train_acc", r.train_acc).add("test_acc", r.test_acc);
        j.add("stride", r.curve_stride).add("thumb_classes", r.thumb_classes);
        std::string curve, thumb;
        append_json_array(curve, r.curve, ",", [](std::string& o, const CurvePoint& p) {
            o += std::to_string(p.epoch);
            for (const float v : {p.train, p.val, p.test, p.seconds}) {
                o += ',';
                append_json_number(o, v);
            }
        });
        append_json_array(thumb, r.thumb, ",",
                          [](std::string& o, float v) { o += std::to_string(int(std::lround(v * 100))); });
        json += j.add_json("curve", curve).add_json("thumb", thumb).str();
    });
    return out + "}";
}

bool runs_from_json(std::string_view text, std::vector<RunRecord>& runs, std::string& error) {
    Result<JsonValue> parsed = parse_json(text);
    if (!parsed) {
        error = parsed.error.message();
        return false;
    }
    const JsonValue* list = parsed->find("runs");
    if (!list || !list->is_array()) {
        error = "no list of runs";
        return false;
    }
    auto num = [](const JsonValue& o, const char* key, double fallback) {
        const JsonValue* v = o.find(key);
        return v && v->is_number() ? v->number : fallback;
    };
    auto str = [](const JsonValue& o, const char* key) {
        const JsonValue* v = o.find(key);
        return v && v->is_string() ? v->text : std::string();
    };
    auto flag = [](const JsonValue& o, const char* key) {
        const JsonValue* v = o.find(key);
        return v && v->type == JsonValue::Type::boolean && v->boolean;
    };
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<RunRecord> out;
    for (const JsonValue& o : list->items) {
        if (!o.is_object()) continue;
        RunRecord r;
        r.id = int(num(o, "id", 0));
        r.query = str(o, "query");
        r.seed = str(o, "seed");
        r.regression = flag(o, "regression");
        r.epochs = int(num(o, "epochs", 0));
        r.seconds = num(o, "seconds", 0);
        r.train_loss = num(o, "train_loss", nan);
        r.test_loss = num(o, "test_loss", nan);
        r.train_acc = num(o, "train_acc", nan);
        r.test_acc = num(o, "test_acc", nan);
        r.curve_stride = std::max(1, int(num(o, "stride", 1)));
        r.thumb_classes = flag(o, "thumb_classes");
        auto value = [&](const JsonValue& v) { return v.is_number() ? float(v.number) : kNaNf; };
        if (const JsonValue* c = o.find("curve"); c && c->is_array())
            for (std::size_t k = 0; k + 5 <= c->items.size(); k += 5)
                r.curve.push_back({int(value(c->items[k])), value(c->items[k + 1]), value(c->items[k + 2]),
                                   value(c->items[k + 3]), value(c->items[k + 4])});
        if (const JsonValue* th = o.find("thumb"); th && th->is_array() && th->items.size() == std::size_t(kThumbRes * kThumbRes))
            for (const JsonValue& v : th->items) r.thumb.push_back(v.is_number() ? float(v.number) / 100 : 0.0f);
        if (r.id <= 0 || r.curve.size() > std::size_t(2 * kCurvePoints)) continue;  // not one of ours
        out.push_back(std::move(r));
    }
    if (out.size() > std::size_t(kMaxRuns)) out.erase(out.begin(), out.end() - kMaxRuns);
    runs = std::move(out);
    return true;
}

void runs_save(App& app) {
    RunsState& r = runs_of(app);
    std::vector<RunRecord> kept = r.history;
    std::string text = runs_to_json(kept);
    while (text.size() > kStorageBytes && !kept.empty()) {
        kept.erase(kept.begin());
        text = runs_to_json(kept);
    }
    if (store(text)) {
        r.storage_note = kept.size() < r.history.size()
                             ? "The browser keeps the newest " + std::to_string(kept.size()) + " runs."
                             : "";
    } else {
        r.storage_note = "The browser refused to store the runs (storage full or disabled): they last until the page closes.";
    }
}

}  // namespace nnplay::web
