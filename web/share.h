// share.h: links (web/links.cpp) and files (web/files.cpp). A shared link is the state's
// query text plus, if asked, the trained weights and the custom points as binary payloads (engine/payload: base64url, a
// version byte, a CRC-32), so the receiver sees the same boundary and can train on from it.
// Links longer than kLinkMaxChars are not offered; the model file is. Files: points as CSV
// in (with a preview) and out, the model as JSON in and out, a PyTorch script, a PNG of the
// output plot. Every import is all or nothing: a bad file changes nothing and says why.
#pragma once

#include "engine/csv.h"
#include "engine/link.h"
#include "engine/state.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nnplay::web {

struct App;

// The longest link offered (the whole address, in characters). 8 KB: Chromium and Firefox
// take far longer addresses, but servers, proxies, e-mail and chat tools commonly cut or
// refuse anything beyond 8,192 characters.
constexpr std::size_t kLinkMaxChars = 8192;

// The largest file the picker reads: a model file (engine/json_reader's 8 MiB); points CSV
// are limited further by engine/csv (1 MiB).
constexpr std::size_t kFileMaxBytes = 8u << 20;

// What "Copy link" puts in the link besides the settings.
struct ShareOptions {
    bool weights = true;   // the trained weights (only when they differ from the seed's)
    bool points = true;    // custom points, as an exact binary payload
    bool f16 = false;      // weights as float16: half the length, ~3 significant digits
};

// A link as engine/link reads it: state, points, weights, epoch and version, with warnings.
using LinkPayloads = nnplay::Link;

// Reads a link's text (the address's hash, or anything pasted): engine/link's read_link.
LinkPayloads split_link(std::string_view query);

// The state part of a read link, points included, and its warnings.
StateReadResult read_link(const LinkPayloads& link);

// After the trainer follows the link's state: loads the link's weights into it (if any).
// A payload that does not fit the network is ignored with a warning in app.link_warnings.
void apply_link_weights(App& app, const LinkPayloads& link);

struct SharedLink {
    std::string hash;       // the text after '#'
    std::string url;        // the whole address
    bool too_long = false;  // url is longer than kLinkMaxChars
    bool has_weights = false, has_points = false;
    std::size_t weights_chars = 0, points_chars = 0;
    std::string note;       // a payload left out, and why ("" when all went in)
};

// The link for the current playground with these options.
SharedLink make_link(const App& app, const ShareOptions& options);

// "Copy link": builds the link; if it fits, makes it the address (a history entry of its
// own, so Back and Forward step through shared states) and, with copy, puts it on the
// clipboard; if too long, says so and opens the dialog offering the model file instead.
SharedLink share_link(App& app, const ShareOptions& options, bool copy);

// The state of the files side of the page and its dialogs (part of App).
struct FilesState {
    ShareOptions options;
    int png_frames = 0;           // frames until the output plot is saved as PNG (0: none)

    // The CSV preview (a modal dialog).
    bool csv_open = false;        // open it on the next frame
    std::string csv_name;
    CsvImport csv;                // parsed with scale_to_fit: what "Scale in" imports
    int csv_outside = 0;          // points outside [−6, 6]² before scaling
    float csv_range[4] = {};      // min x, max x, min y, max y before scaling
    float csv_label_range[2] = {};// regression: min and max target

    // The "link too long" dialog.
    bool too_long_open = false;
    std::size_t too_long_chars = 0;
    std::string too_long_detail;
};

// A file from the picker (or the test API): a model JSON ("{" first) is applied at once;
// anything else is read as points CSV and shown in the preview dialog. `size` is the file's
// full size in bytes (the text may be cut short at kFileMaxBytes + 1).
void open_file_text(App& app, std::string_view name, std::string_view text, double size);

// Imports points CSV straight away (no dialog): scale = scale points outside the plot in,
// else refuse them. On any error nothing changes. Returns the status message; ok tells.
std::string import_points_csv(App& app, std::string_view name, std::string_view text, bool scale,
                              bool& ok);

// Restores the playground from a model file (state, points, weights). On any error nothing
// changes. Returns the status message; ok tells.
std::string import_model(App& app, std::string_view name, std::string_view text, bool& ok);

// The imported points become the custom data set. sync: let the trainer follow now (between
// frames); otherwise the next frame does.
void take_points(App& app, const CsvImport& csv, bool sync);

// The files the File menu saves.
std::string points_csv(const App& app);
std::string model_json(const App& app);
std::string pytorch_script(const App& app);
void save_points(App& app);
void save_model(App& app);
void save_pytorch(App& app);
void save_png(App& app);  // on the next frame, right after it is drawn

// A PNG export reads the canvas right after the frame is drawn (call then).
void files_after_render(App& app);

// "3.4 KB" (1 KB = 1024 characters, as the 8 KB limit), and a number to 4 digits ("0.0125").
std::string kilobytes(std::size_t n);
std::string short_number(double v);

}  // namespace nnplay::web
