// undo.h: the page's undo history. Before each user edit (a setting, a drawn or removed
// point, a data set, the network, a typed weight) it keeps a snapshot of the playground;
// undo and redo put one back through the run's own path (run_restore in web/run.cpp), so the
// trainer, the pictures and the address follow as they do for a link. Training is no step.
#pragma once

#include "engine/payload.h"
#include "engine/state.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace nnplay::web {

struct App;

// The playground as it was: the settings with the custom points, and the weights when
// the seed alone would not give them back (trained or set by hand), with their epoch.
struct UndoStep {
    PlaygroundState state;
    std::optional<WeightsPayload> weights;  // none: the seed's initial weights
    int epoch = 0;
    bool weights_touched = false;
    std::size_t bytes() const;              // about what it holds, for the memory cap
};

// At most this many steps back, and about this much memory (the oldest go first).
constexpr std::size_t kUndoMaxSteps = 100;
constexpr std::size_t kUndoMaxBytes = std::size_t(48) << 20;

struct History {
    std::vector<UndoStep> undo, redo;       // oldest first
    double gesture_press = -1;              // the mouse press a step was last taken for
    bool restoring = false;                 // undo or redo is putting a step back
};

// Takes a step of the playground as the trainer has it now, before a user edit changes it,
// and forgets the redo steps. A slider dragged (the same mouse press still held) makes one
// step, not one per frame. Nothing while a step is being restored. web/run.cpp calls it for
// every state the UI edits, a weight typed, a link applied and a file opened; a panel that
// changes the trainer any other way calls it first.
void undo_record(App& app);

// Puts back the step before the last edit (the current playground goes to redo), or the one
// undo took back. Return false when there is none.
bool undo(App& app);
bool redo(App& app);

// Ctrl+Z (Cmd+Z) undoes; Ctrl+Shift+Z and Ctrl+Y redo. keys: the GLFW keys pressed since the
// last frame, in order (a modifier pressed just before counts as held). Not while typing.
void undo_shortcuts(App& app, const std::vector<int>& keys);

// The ↶ and ↷ buttons (disabled when there is nothing to undo or redo), with tooltips.
void undo_buttons(App& app);

}  // namespace nnplay::web
