// formula_field.h: a typed formula on the page (issue 14 item 6, issue 15 formula data): a text
// field that applies on Enter and shows the engine's error in place, and a small plot of an
// activation formula and its slope.
#pragma once

#include "engine/formula.h"
#include "web/app.h"

#include <string>

namespace nnplay::web {

// A field for the formula `text` of the state (`rect`: its test-API name and ImGui id). Enter
// compiles what was typed: accepted, it becomes text and returns true; refused, text stays,
// the field keeps the typing and the engine's message ("unknown name 'q' at 5") shows below.
bool formula_field(App& app, const char* rect, std::string& text, FormulaVars vars, float width,
                   const char* tip_id);

// f (solid) and f' (dashed) of a one-variable formula over [-4, 4], size × size pixels at the
// cursor. Nothing but the frame when the text does not compile.
void formula_plot(App& app, const std::string& text, float size);

}  // namespace nnplay::web
