// panels.h: the panels of the page, one file each under web/ui/, drawn by ui_draw()
// (page.cpp) into the one full-window ImGui window. Panels edit app.run.state and the view
// and ask for things (steps, resets, weight edits); app_frame() does the rest.
#pragma once

#include "web/app.h"

namespace nnplay::web {

// title_line.cpp: the title with a one-line introduction, Advanced, File, Copy link and the
// zoom control, then the first-visit hints until dismissed for good; `width`: the page's width.
void title_line(App& app, float width);
// The zoom combo, `width` pixels wide (in the title line; on phones in the Settings tab).
void zoom_control(App& app, float width);

// top_bar.cpp: run controls, speed, training settings, problem type and optimiser (phones:
// run controls, speed, File and Copy link); `width`: the bar's width, for wrapping.
void top_bar(App& app, float width);

// Advanced (the side panel's button), File and Copy link, and their width (in the title
// line; on phones File and Copy link are in the top bar).
void menu_buttons(App& app);
float menu_buttons_width(const App& app);

// The training settings of the top bar (learning rate to problem type), flowing in `width`:
// on phones they are in the Settings tab, where the Advanced panel under them has the optimiser.
void training_controls(App& app, float width);

// advanced_panel.cpp: the Advanced side panel's contents (on phones the Settings tab's),
// `width` pixels wide: the optimiser with its rates, initialisation, schedule, early
// stopping, the model, and the view (zoom, animated links).
void advanced_panel(App& app, float width);

// page.cpp's phone tabs: Output, Data, Network, Settings, More (the side panels).
constexpr int kSettingsTab = 3;
constexpr int kMoreTab = 4;

// page.cpp: opens a side panel (none closes it), closing Advanced; on phones it shows in the
// More tab. Views, lessons and runs call it when a link or a lesson asks for them.
void open_side_panel(App& app, SidePanel panel);

// inside_panel.cpp: the See inside side panel, `width` pixels wide: one section per view of
// what happens inside the network while it learns.
void inside_panel(App& app, float width);

// learn_panel.cpp: the Learn side panel: the course, a lesson, its tasks.
void learn_panel(App& app, float width);

// runs_panel.cpp: the Runs side panel: the run history, comparisons and experiments.
void runs_panel(App& app, float width);

// data_panel.cpp: the Data column, `width` pixels wide.
void data_panel(App& app, float width);

// network_panel.cpp: the features and the network, filling the current child window.
void network_panel(App& app);

// output_panel.cpp: the Output column, `width` × `height` pixels.
void output_panel(App& app, float width, float height);

// status_bar.cpp: the bottom line (the latest message, the message log, the speed readout),
// `width` pixels wide; its height, which does not change while the page runs.
float status_bar_height(App& app, float width);
void status_bar(App& app, float width);
// The switch between the light and the dark theme (web/palette.h), and its width; phones
// have it in the Settings tab.
void theme_button(App& app);
float theme_button_width();

// files_panel.cpp: the File menu, Copy link and its options (in the top bar); the dialogs
// (once per frame, from the main window); after the status line's text, the offer of
// compat=tf and the width it takes (0 when not offered).
void files_menu(App& app);
void share_buttons(App& app);
void files_dialogs(App& app);
void compat_button(App& app);
float compat_button_width(const App& app);

}  // namespace nnplay::web
