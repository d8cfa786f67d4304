// inside_panel.cpp: the See inside side panel (on phones, the More tab): what happens inside
// the network while it learns, one collapsible section per view, each drawn by its own file.
#include "web/ui/panels.h"
#include "web/ui/widgets.h"

#include "engine/help.h"

namespace nnplay::web {

void inside_panel(App& app, float width) {
    heading("See inside");
    if (!app.run.state.hide_text) coloured(kMuted, std::string(help_text("ui.insideIntro")), width);
    // The views, in the order a learner meets them.
    backprop_view(app, width);
    gradient_view(app, width);
    surface_view(app, width);
    hidden_view(app, width);
    lr_finder_view(app, width);
}

}  // namespace nnplay::web
