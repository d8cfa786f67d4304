// summary.h: the page in a few words for screen readers: the data set, the network, the
// epoch, the losses, the accuracy and the latest message, in a visually hidden
// aria-live="polite" region of index.html and in the document title.
#pragma once

#include "web/app.h"

#include <string>

namespace nnplay::web {

// The summary as it reads now.
std::string summary_text(const App& app);

// Call once per frame drawn: writes the summary to the page when it changed, at most once
// a second (a screen reader reads each change aloud); also reads prefers-reduced-motion
// into app.view.reduced_motion.
void summary_update(App& app);

}  // namespace nnplay::web
