// imgui_config.h: nnplay's Dear ImGui configuration, included by imgui.h through
// IMGUI_USER_CONFIG. ImGui's internal checks go to the one programmer-error check.
#pragma once

#include "engine/assert.h"

#define IM_ASSERT(expr) NNPLAY_ASSERT(expr)

// 32-bit indices: one draw list may pass 65,536 vertices (a wide network's links), and
// WebGL2 draws UNSIGNED_INT indices natively.
#define ImDrawIdx unsigned int

// The item hooks of ImGui's test engine: web/focus.cpp records every navigable item through
// them (the Tab order, the focus ring, the test API's focused control).
#define IMGUI_ENABLE_TEST_ENGINE
