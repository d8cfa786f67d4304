// url.cpp: location.hash and the history through EM_JS on the web; nothing natively (see
// url.h).
#include "web/url.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>

#include <cstdlib>

// Returns a malloc'd UTF-8 copy of location.hash without the '#', still percent-encoded
// (from_query decodes); the caller frees it.
EM_JS(char*, nnplay_js_get_hash, (), {
    var text = location.hash.replace(/^#/, "");
    var size = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
});

EM_JS(void, nnplay_js_set_hash, (const char* query), {
    // to_query() text is already percent-encoded.
    var url = location.href.replace(/#.*$/, "") + "#" + UTF8ToString(query);
    history.replaceState(history.state, "", url);
});

EM_JS(void, nnplay_js_push_hash, (const char* query), {
    var url = location.href.replace(/#.*$/, "") + "#" + UTF8ToString(query);
    history.pushState(null, "", url);
});

// 1 once after hashchange or popstate events (Back and Forward between entries with the same
// hash fire only popstate); our own pushState and replaceState fire neither.
EM_JS(int, nnplay_js_hash_changed, (), {
    if (!Module.nnplayHashWatch) {
        Module.nnplayHashWatch = true;
        Module.nnplayHashChanged = 0;
        window.addEventListener("hashchange", function() { Module.nnplayHashChanged = 1; });
        window.addEventListener("popstate", function() { Module.nnplayHashChanged = 1; });
    }
    var changed = Module.nnplayHashChanged;
    Module.nnplayHashChanged = 0;
    return changed;
});

EM_JS(char*, nnplay_js_get_base, (), {
    var text = location.href.replace(/#.*$/, "");
    var size = lengthBytesUTF8(text) + 1;
    var ptr = _malloc(size);
    stringToUTF8(text, ptr, size);
    return ptr;
});

EM_JS(int, nnplay_js_copy_link, (), {
    var text = location.href;
    function fallback() {
        var area = document.createElement("textarea");
        area.value = text;
        area.style.position = "fixed";
        area.style.opacity = "0";
        document.body.appendChild(area);
        area.select();
        try { document.execCommand("copy"); } catch (e) {}
        document.body.removeChild(area);
    }
    if (navigator.clipboard && navigator.clipboard.writeText)
        navigator.clipboard.writeText(text).catch(fallback);
    else
        fallback();
    return 1;
});

namespace nnplay::web {

std::string url_hash() {
    char* text = nnplay_js_get_hash();
    std::string out = text;
    std::free(text);
    return out;
}

void url_set_hash(const std::string& query) { nnplay_js_set_hash(query.c_str()); }
void url_push_hash(const std::string& query) { nnplay_js_push_hash(query.c_str()); }
bool url_hash_changed() { return nnplay_js_hash_changed() != 0; }

std::string url_base() {
    char* text = nnplay_js_get_base();
    std::string out = text;
    std::free(text);
    return out;
}

bool url_copy_link() { return nnplay_js_copy_link() != 0; }

}  // namespace nnplay::web

#else

namespace nnplay::web {

std::string url_hash() { return {}; }
void url_set_hash(const std::string&) {}
void url_push_hash(const std::string&) {}
bool url_hash_changed() { return false; }
std::string url_base() { return {}; }
bool url_copy_link() { return false; }

}  // namespace nnplay::web

#endif

