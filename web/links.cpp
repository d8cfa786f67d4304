// links.cpp: shared links (see share.h): the query text split into the state and the payload
// keys (points, weights, epoch), read back, the weights loaded into the trainer, and the link
// for the current playground written with the payloads asked for; "Copy link" itself.
#include "web/app.h"
#include "web/platform.h"
#include "web/share.h"
#include "web/url.h"

#include "engine/link.h"
#include "engine/model_json.h"
#include "engine/payload.h"

#include <imgui.h>

#include <optional>

namespace nnplay::web {
namespace {

// Trained, or changed by hand: weights the seed alone would not give back.
bool weights_are_own(const App& app) {
    return app.run.trainer->epoch() > 0 || app.run.trainer->epoch_position() > 0 || app.run.weights_touched;
}

// The trainer has new weights (a link's): fresh chart and pictures.
void restart_views(App& app) { trainer_changed(app, TrainerChange::restarted); }

}  // namespace

LinkPayloads split_link(std::string_view query) { return nnplay::read_link(query); }

StateReadResult read_link(const LinkPayloads& link) { return {link.state, link.warnings}; }

void apply_link_weights(App& app, const LinkPayloads& link) {
    if (!link.weights) return;
    Trainer& t = *app.run.trainer;
    std::string run_warning;  // issue 13: a run state that does not fit is said, not dropped silently
    if (ReadError error = load_link_weights(t, link, &run_warning); !error.empty()) {
        app.status.link_warnings.push_back("ignored weights (" + error.reason + "): the run starts from the seed");
        console_log(app.status.link_warnings.back().c_str());
        return;
    }
    app.run.weights_touched = true;
    restart_views(app);
    std::string text = "Weights from the link";
    text += link.weights->format == WeightFormat::float16 ? " (float16)" : "";
    if (link.epoch > 0) text += ", trained " + std::to_string(link.epoch) + " epochs by its sender";
    if (!run_warning.empty()) {
        app.status.link_warnings.push_back(run_warning);
        app_message(app, text + "; " + run_warning + ".", true);
    } else {
        app_message(app, text + ": train on from here.");
    }
}

SharedLink make_link(const App& app, const ShareOptions& options) {
    app.run.trainer->settle();  // an epoch's end under way first: the weights and state it leaves
    const Trainer& t = *app.run.trainer;
    std::optional<WeightsPayload> weights;
    if (options.weights && weights_are_own(app))
        weights = trainer_weights(t, options.f16 ? WeightFormat::float16 : WeightFormat::float32);
    const RunState run = t.run_state();  // issue 13: the receiver goes on exactly
    const WrittenLink written =
        write_link(app.run.state, {options.points, weights ? &*weights : nullptr, t.epoch(), &run});
    SharedLink out;
    out.hash = written.text;
    out.has_points = written.has_points, out.points_chars = written.points_chars;
    out.has_weights = written.has_weights, out.weights_chars = written.weights_chars;
    out.note = written.note;
    out.url = url_base() + "#" + out.hash;
    out.too_long = written.weights_failed || out.url.size() > kLinkMaxChars;
    return out;
}

SharedLink share_link(App& app, const ShareOptions& options, bool copy) {
    run_settle(app);
    SharedLink link = make_link(app, options);
    FilesState& f = app.files;
    if (link.too_long) {
        f.too_long_open = true;
        f.too_long_chars = link.url.size();
        f.too_long_detail.clear();
        if (link.has_weights) f.too_long_detail += "the weights take " + kilobytes(link.weights_chars);
        if (link.has_points)
            f.too_long_detail += (f.too_long_detail.empty() ? "the points take " : ", the points ") +
                                 kilobytes(link.points_chars);
        if (!link.note.empty()) f.too_long_detail += (f.too_long_detail.empty() ? "" : "; ") + link.note;
        if (options.weights && !options.f16 && link.has_weights) {
            ShareOptions half = options;
            half.f16 = true;
            SharedLink shorter = make_link(app, half);
            if (!shorter.too_long)
                f.too_long_detail += "; with float16 weights it would be " + kilobytes(shorter.url.size());
        }
        app_message(app, "The link would be " + kilobytes(link.url.size()) + ", over the " +
                             kilobytes(kLinkMaxChars) + " a link can reliably carry: download the model "
                             "file instead (File > Export model), which File > Open model restores.");
        return link;
    }
    address_share(app, link.hash);
    if (copy && !url_copy_link()) ImGui::SetClipboardText(link.url.c_str());

    std::string text = copy ? "Link copied (" : "Link made (";
    text += kilobytes(link.url.size()) + " of " + kilobytes(kLinkMaxChars);
    if (link.has_weights)
        text += std::string(", weights as ") + (options.f16 && link.note.empty() ? "float16" : "float32") +
                " after " + std::to_string(app.run.trainer->epoch()) + " epochs";
    if (link.has_points) text += ", " + std::to_string(app.run.state.points.size()) + " points";
    text += "). Back and Forward step through the links you shared.";
    if (!link.note.empty()) text += " Note: " + link.note + ".";
    app_message(app, text);
    return link;
}

}  // namespace nnplay::web
