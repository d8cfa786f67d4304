// lessons.cpp: the course in the page (see lessons.h): the lessons compiled in from
// lessons/*.md (build/<preset>/generated/lessons_text.h, written by CMake), the live check
// of the open lesson's tasks, progress in localStorage and the lesson links.
#include "web/lessons.h"

#include "web/app.h"
#include "web/platform.h"
#include "web/ui/panels.h"

#include "engine/diagnosis.h"
#include "engine/link.h"
#include "engine/settings.h"

#include "lessons_text.h"  // kLessonFiles: {name, text} of every lessons/*.md

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>

// localStorage may be missing or refuse (private windows, file://): progress then lasts the visit.
EM_JS(char*, nnplay_js_lessons_load, (), {
    var text = "";
    try { text = window.localStorage.getItem('nnplay.lessons') || ""; } catch (e) {}
    var size = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
});
EM_JS(void, nnplay_js_lessons_save, (const char* text), {
    try { window.localStorage.setItem('nnplay.lessons', UTF8ToString(text)); } catch (e) {}
});
// Fetches a lesson file from the page's own host; the answer comes back through
// nnplay_lesson_fetched (status 0: fetched; else the HTTP status or -1).
EM_JS(void, nnplay_js_lessons_fetch, (const char* url), {
    var path = UTF8ToString(url);
    fetch(path).then(function (r) {
        return r.text().then(function (t) { return [r.ok ? 0 : r.status, t]; });
    }).catch(function () { return [-1, ""]; }).then(function (a) {
        Module.ccall('nnplay_lesson_fetched', null, ['string', 'number', 'string'], [path, a[0], a[1]]);
    });
});
#endif

namespace nnplay::web {
namespace {

constexpr std::size_t kEmbedMax = 6000;  // characters of lessonText a link may carry

std::string load_saved() {
#ifdef __EMSCRIPTEN__
    char* text = nnplay_js_lessons_load();
    std::string out = text ? text : "";
    std::free(text);
    return out;
#else
    return "";
#endif
}

void save(const LearnState& learn) {
    std::string text;
    for (const auto& [id, mask] : learn.done)
        if (mask) text += (text.empty() ? "" : ",") + id + ":" + std::to_string(mask);
#ifdef __EMSCRIPTEN__
    nnplay_js_lessons_save(text.c_str());
#else
    (void)text;
#endif
}

unsigned& done_mask(LearnState& learn, const std::string& id) {
    for (auto& [k, mask] : learn.done)
        if (k == id) return mask;
    learn.done.emplace_back(id, 0u);
    return learn.done.back().second;
}

// The value of `key` in a query ("" when absent), percent-decoded.
std::string query_value(std::string_view query, std::string_view key, bool& found) {
    found = false;
    std::size_t start = 0;
    while (start <= query.size()) {
        std::size_t amp = query.find('&', start);
        if (amp == std::string_view::npos) amp = query.size();
        const std::string_view pair = query.substr(start, amp - start);
        const std::size_t eq = pair.find('=');
        if (pair.substr(0, eq) == key) {
            found = true;
            const std::string_view v = eq == std::string_view::npos ? "" : pair.substr(eq + 1);
            std::string out;
            for (std::size_t i = 0; i < v.size(); ++i) {
                if (v[i] == '%' && i + 2 < v.size()) {
                    out += char(std::strtol(std::string(v.substr(i + 1, 2)).c_str(), nullptr, 16));
                    i += 2;
                } else {
                    out += v[i];
                }
            }
            return out;
        }
        start = amp + 1;
    }
    return "";
}

void reset_tasks(LearnState& learn, const Lesson* lesson) {
    const std::size_t n = lesson ? lesson->tasks.size() : 0;
    learn.progress.assign(n, TaskProgress{});
    learn.hints_shown.assign(n, 0);
    learn.answer_shown.assign(n, false);
}

// The first task of the open lesson not done yet (1-based), or 1 when all are.
int first_open_step(const App& app) {
    const Lesson* lesson = lessons_current(app);
    if (!lesson) return 1;
    for (int t = 0; t < int(lesson->tasks.size()); ++t)
        if (!lessons_task_done(app, lesson->id, t)) return t + 1;
    return 1;
}

// The step a lessonUrl link named, for when its file arrives (0: none).
int pending_step = 0;

// A path for a link's value: what query_value reads back.
std::string percent_encode(std::string_view text) {
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
            out += char(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

void fail(App& app, std::string message) {
    app.learn.error = message;
    app_message(app, std::move(message), true);
}

}  // namespace

void lessons_init(App& app) {
    LearnState& learn = app.learn;
    if (learn.initialised) return;
    learn.initialised = true;
    for (const LessonFile& f : kLessonFiles) {
        Result<Lesson> r = parse_lesson(f.text);
        // lessons --check refuses a bad file at build time; say so anyway rather than hide it.
        if (!r) console_log((std::string(f.name) + ": " + r.error.message()).c_str());
        else learn.course.push_back(std::move(*r));
    }
    std::stable_sort(learn.course.begin(), learn.course.end(),
                     [](const Lesson& a, const Lesson& b) { return a.order < b.order; });
    const std::string saved = load_saved();
    std::size_t start = 0;
    while (start < saved.size()) {
        std::size_t comma = saved.find(',', start);
        if (comma == std::string::npos) comma = saved.size();
        const std::string item = saved.substr(start, comma - start);
        const std::size_t colon = item.find(':');
        if (colon != std::string::npos && colon > 0)
            done_mask(learn, item.substr(0, colon)) = unsigned(std::strtoul(item.c_str() + colon + 1, nullptr, 10));
        start = comma + 1;
    }
}

const Lesson* lessons_current(const App& app) {
    const LearnState& learn = app.learn;
    if (learn.open == LearnState::kCustom && learn.custom) return &*learn.custom;
    if (learn.open >= 0 && learn.open < int(learn.course.size())) return &learn.course[learn.open];
    return nullptr;
}

void lessons_open(App& app, int index) {
    lessons_init(app);
    app.learn.open = index;
    app.learn.focus_task = -1;
    reset_tasks(app.learn, lessons_current(app));
    app.learn.step = first_open_step(app);
    open_side_panel(app, SidePanel::learn);
}

void lessons_start(App& app) {
    const Lesson* lesson = lessons_current(app);
    if (!lesson) return;
    const Lesson copy = *lesson;  // app_apply_query may come back here through trainer_changed
    reset_tasks(app.learn, lesson);
    // The lesson's views open through their flag keys (showBackprop, ...) where this build
    // has them; the others are named in the status line.
    std::string flags, missing;
    for (const std::string& v : copy.views) {
        const std::string key = v == "lrfinder" ? "showLrFinder" : "show" + std::string(1, char(v[0] - 'a' + 'A')) + v.substr(1);
        if (find_setting(key)) flags += (flags.empty() ? "" : "&") + key + "=true";
        else missing += (missing.empty() ? "" : ", ") + v;
    }
    app_apply_query(app, overlay_query(copy.state, flags));
    if (!missing.empty()) app_message(app, "This lesson uses views this page does not have yet: " + missing + ".");
    lessons_follow(app);
}

void lessons_follow(App& app) {
    LearnState& learn = app.learn;
    const Lesson* lesson = lessons_current(app);
    if (!lesson || !app.run.trainer) return;
    if (learn.progress.size() != lesson->tasks.size()) reset_tasks(learn, lesson);
    unsigned& mask = done_mask(learn, lesson->id);
    bool any_new = false;
    const LessonFacts facts = lesson_facts(*app.run.trainer, app.diagnosis);
    for (std::size_t t = 0; t < lesson->tasks.size() && t < 32; ++t) {
        TaskProgress& p = learn.progress[t];
        const LessonTask& task = lesson->tasks[t];
        if (p.done(task) || !advance_task(task, p, facts) || !p.done(task)) continue;
        if (!(mask & (1u << t))) {
            mask |= 1u << t;
            any_new = true;
            app_message(app, "Task done: " + task.title);
            // The address moves on to the next task not done, if any.
            for (int k = 1; k <= int(lesson->tasks.size()); ++k) {
                const int next = (int(t) + k) % int(lesson->tasks.size());
                if (!(mask & (1u << next))) {
                    learn.step = next + 1;
                    break;
                }
            }
        }
    }
    if (any_new) save(learn);
}

void lessons_open_text(App& app, std::string_view name, std::string_view text) {
    lessons_init(app);
    Result<Lesson> r = parse_lesson(text);
    if (!r) {
        fail(app, std::string(name) + ": " + r.error.message() + "; the lesson was not opened.");
        open_side_panel(app, SidePanel::learn);
        return;
    }
    app.learn.error.clear();
    app.learn.custom = std::move(*r);
    app.learn.custom_text = std::string(text);
    app.learn.custom_url.clear();  // nnplay_lesson_fetched sets it again
    lessons_open(app, LearnState::kCustom);
    lessons_start(app);
}

bool lessons_take_link(App& app, std::string_view query) {
    query = link_query(query);
    bool has_id = false, has_text = false, has_url = false, has_step = false;
    const std::string id = query_value(query, "lesson", has_id);
    const std::string embedded = query_value(query, "lessonText", has_text);
    const std::string url = query_value(query, "lessonUrl", has_url);
    const std::string step = query_value(query, "step", has_step);
    if (!has_id && !has_text && !has_url) return false;
    lessons_init(app);
    const int focus = has_step ? std::atoi(step.c_str()) - 1 : -1;
    pending_step = 0;
    if (has_text) {
        std::string text;
        if (!base64url_decode(embedded, text)) fail(app, "lessonText: not base64url text; the lesson was not opened.");
        else lessons_open_text(app, "lessonText", text);
    } else if (has_url) {
        // Only a path on this host: a lesson link must not fetch from elsewhere.
        if (url.empty() || url.find("://") != std::string::npos || url.starts_with("//") || url.find('\\') != std::string::npos) {
            fail(app, "lessonUrl: a lesson file's path on this site (e.g. lessons/mine.md), not '" + url + "'.");
        } else {
#ifdef __EMSCRIPTEN__
            app_message(app, "Loading the lesson " + url + "\xE2\x80\xA6");
            pending_step = focus + 1;
            nnplay_js_lessons_fetch(url.c_str());
#else
            fail(app, "lessonUrl: lesson files are fetched in the browser only.");
#endif
        }
    } else {
        const auto it = std::find_if(app.learn.course.begin(), app.learn.course.end(),
                                     [&](const Lesson& l) { return l.id == id; });
        if (it == app.learn.course.end()) {
            fail(app, "lesson: there is no lesson '" + id + "' in the course.");
            open_side_panel(app, SidePanel::learn);
        } else {
            lessons_open(app, int(it - app.learn.course.begin()));
            lessons_start(app);
        }
    }
    if (const Lesson* l = lessons_current(app); l && focus >= 0 && focus < int(l->tasks.size()) && !has_url) {
        app.learn.focus_task = focus;
        app.learn.step = focus + 1;
    }
    return true;
}

std::string lessons_address_query(const App& app) {
    const LearnState& learn = app.learn;
    const Lesson* lesson = lessons_current(app);
    // The lesson is what the page shows only while the Learn panel shows it.
    if (!lesson || app.view.side_panel != SidePanel::learn) return "";
    std::string query;
    if (learn.open != LearnState::kCustom) query = "lesson=" + lesson->id;
    else if (!learn.custom_url.empty()) query = "lessonUrl=" + percent_encode(learn.custom_url);
    else query = lessons_share_query(app);
    if (query.empty()) return "";  // a large lesson from a file: the state's link
    const int step = std::clamp(learn.step, 1, std::max(1, int(lesson->tasks.size())));
    return query + "&step=" + std::to_string(step);
}

bool lessons_task_done(const App& app, const std::string& id, int task) {
    for (const auto& [k, mask] : app.learn.done)
        if (k == id) return task < 32 && (mask & (1u << task));
    return false;
}

void lessons_reset_progress(App& app) {
    app.learn.done.clear();
    reset_tasks(app.learn, lessons_current(app));
    save(app.learn);
}

std::string lessons_share_query(const App& app) {
    const Lesson* lesson = lessons_current(app);
    if (!lesson) return "";
    if (app.learn.open != LearnState::kCustom) return "lesson=" + lesson->id;
    std::string text = base64url_encode(app.learn.custom_text);
    return text.size() <= kEmbedMax ? "lessonText=" + text : "";
}

std::string base64url_encode(std::string_view bytes) {
    static const char* const kDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    unsigned bits = 0;
    int count = 0;
    for (unsigned char c : bytes) {
        bits = (bits << 8) | c;
        count += 8;
        while (count >= 6) {
            count -= 6;
            out += kDigits[(bits >> count) & 63];
        }
    }
    if (count > 0) out += kDigits[(bits << (6 - count)) & 63];
    return out;
}

bool base64url_decode(std::string_view text, std::string& out) {
    out.clear();
    unsigned bits = 0;
    int count = 0;
    for (char c : text) {
        int v = -1;
        if (c >= 'A' && c <= 'Z') v = c - 'A';
        else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
        else if (c >= '0' && c <= '9') v = c - '0' + 52;
        else if (c == '-' || c == '+') v = 62;
        else if (c == '_' || c == '/') v = 63;
        else if (c == '=') break;
        if (v < 0) return false;
        bits = (bits << 6) | unsigned(v);
        count += 6;
        if (count >= 8) {
            count -= 8;
            out += char((bits >> count) & 0xFF);
        }
    }
    return true;
}

}  // namespace nnplay::web

#ifdef __EMSCRIPTEN__
// The answer to nnplay_js_lessons_fetch.
extern "C" EMSCRIPTEN_KEEPALIVE void nnplay_lesson_fetched(const char* url, int status, const char* text) {
    using namespace nnplay::web;
    App* app = app_current();
    if (!app) return;
    app_wake(*app);
    const int step = pending_step;
    pending_step = 0;
    if (status != 0) {
        fail(*app, std::string("lessonUrl: could not fetch ") + url + (status > 0 ? " (HTTP " + std::to_string(status) + ")" : "") + ".");
        return;
    }
    lessons_open_text(*app, url, text);
    // Opened: the address names the file again (lessonUrl=), at the step the link named.
    if (app->learn.error.empty() && app->learn.open == LearnState::kCustom && app->learn.custom) {
        app->learn.custom_url = url;
        if (step > 0 && step <= int(app->learn.custom->tasks.size())) {
            app->learn.focus_task = step - 1;
            app->learn.step = step;
        }
    }
}
#endif
