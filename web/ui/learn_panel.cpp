// learn_panel.cpp: the Learn side panel (on phones, the More tab): the course's table of
// contents, the open lesson's text and its tasks, ticked when the page sees them met.
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include "engine/help.h"

namespace nnplay::web {

void learn_panel(App& app, float width) {
    heading("Learn");
    if (!app.run.state.hide_text) coloured(kMuted, std::string(help_text("ui.learnIntro")), width);
}

}  // namespace nnplay::web
