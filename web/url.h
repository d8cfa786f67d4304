// url.h: the address bar as the playground's save file. The whole state lives after '#'
// as to_query() text; the page rewrites it on every change without reloading, and a hash
// edited by hand is read back. Only url.cpp touches location.hash. Natively all no-ops.
#pragma once

#include <string>

namespace nnplay::web {

// The text after '#', or "" (always "" natively).
std::string url_hash();

// Replaces the text after '#' (history.replaceState: no reload, no history entry).
void url_set_hash(const std::string& query);

// Makes the text after '#' a new history entry (history.pushState: no reload; Back returns
// to the entry before). For shared links, so Back and Forward step through them.
void url_push_hash(const std::string& query);

// Whether the hash changed by other means (typed, a link clicked, Back or Forward) since the
// last call.
bool url_hash_changed();

// The page's address without the '#...' part ("" natively).
std::string url_base();

// Puts the page's address on the clipboard. Returns false where there is no clipboard.
bool url_copy_link();

}  // namespace nnplay::web
