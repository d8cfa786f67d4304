// test_api.h: what every web/test_api*.cpp entry point shares: the export macro, the App woken
// so that what a call changes is drawn, the reply kept until the next call, and JSON pieces.
#pragma once

#include "web/app.h"

#include "engine/json_writer.h"

#include <string>
#include <string_view>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#define NNPLAY_API extern "C" EMSCRIPTEN_KEEPALIVE
#else
#define NNPLAY_API extern "C"  // the desktop window has no JavaScript: nothing calls these
#endif

namespace nnplay::web {

// The App, woken: null before app_init.
App* api_app();

// Keeps the text in the App until the next call; its characters.
const char* reply(App& app, std::string text);

std::string json_number(double v);
std::string json_string(std::string_view s);
std::string json_bool(bool b);

}  // namespace nnplay::web
