// runs_panel.cpp: the Runs side panel (on phones, the More tab): the history of runs, their
// comparison, and the experiments that train many runs (seed sweeps).
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include "engine/help.h"

namespace nnplay::web {

void runs_panel(App& app, float width) {
    heading("Runs");
    if (!app.run.state.hide_text) coloured(kMuted, std::string(help_text("ui.runsIntro")), width);
}

}  // namespace nnplay::web
