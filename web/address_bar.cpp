// address_bar.cpp: the one owner of the address bar (see app.h). The address shows the state
// as query text; a shared link (with payloads) keeps its history entry until the state
// changes, and each link shared is a history entry of its own, so Back and Forward step
// through them.
#include "web/app.h"
#include "web/lessons.h"
#include "web/url.h"

namespace nnplay::web {
namespace {

// What the address shows now, and the state it stands for.
void remember(App& app, std::string query) {
    AddressBar& a = app.address;
    a.query = std::move(query);
    a.state = app.run.state;
    a.lesson = lessons_address_query(app);
    a.written = true;
}

}  // namespace

void address_follow_state(App& app) {
    AddressBar& a = app.address;
    // A lesson open in the Learn panel shows its own link (reloading reopens it at its step);
    // back in the playground, the state's link again.
    const std::string lesson = lessons_address_query(app);
    if (a.written && app.run.state == a.state && lesson == a.lesson) return;
    std::string query = lesson.empty() ? to_query(app.run.state) : lesson;
    if (query != a.query) {
        // A shared link keeps its history entry: the first change after it gets a new one.
        if (a.sealed) url_push_hash(query);
        else url_set_hash(query);
        a.sealed = false;
    }
    remember(app, std::move(query));
}

void address_shown(App& app, std::string_view query, bool shared) {
    // A playground's address, typed or gone back to, leaves the lesson shown: the address
    // stays the playground's.
    if (app.view.side_panel == SidePanel::learn) app.learn.open = -1;
    // The browser shows this entry now: a shared link stays as it is, payloads included.
    app.address.sealed = shared;
    if (shared) remember(app, std::string(query));
}

void address_share(App& app, const std::string& hash) {
    AddressBar& a = app.address;
    // A history entry per shared state: the current entry becomes this link, unless it is
    // already another shared link, which is kept (then the link gets an entry of its own).
    if (!(a.sealed && hash == a.query)) {
        if (a.sealed) url_push_hash(hash);
        else url_set_hash(hash);
    }
    a.sealed = true;
    remember(app, hash);
}

}  // namespace nnplay::web
