// links.cpp: shared links (see share.h): the query text split into the state and the payload
// keys (points, weights, epoch), read back, the weights loaded into the trainer, and the link
// for the current playground written with the payloads asked for; "Copy link" itself.
#include "web/app.h"
#include "web/platform.h"
#include "web/share.h"
#include "web/url.h"

#include "engine/model_json.h"
#include "engine/payload.h"

#include <imgui.h>

namespace nnplay::web {
namespace {

// The query text without the empty "points=" a state without points writes.
std::string drop_empty_points(const std::string& query) {
    std::string out;
    std::size_t pos = 0;
    while (pos <= query.size()) {
        std::size_t amp = query.find('&', pos);
        if (amp == std::string::npos) amp = query.size();
        const std::string_view segment(query.data() + pos, amp - pos);
        if (!segment.empty() && segment != "points=") {
            if (!out.empty()) out += '&';
            out += segment;
        }
        pos = amp + 1;
    }
    return out;
}

std::vector<std::vector<float>> member_params(const Trainer& t) {
    std::vector<std::vector<float>> members;
    for (int m = 0; m < t.ensemble_size(); ++m) {
        const auto& p = t.network(m).params();
        members.emplace_back(p.data(), p.data() + p.size());
    }
    return members;
}

// Trained, or changed by hand: weights the seed alone would not give back.
bool weights_are_own(const App& app) {
    return app.run.trainer->epoch() > 0 || app.run.weights_touched;
}

// The trainer has new weights (a link's): fresh chart and pictures.
void restart_views(App& app) { trainer_changed(app, TrainerChange::restarted); }

}  // namespace

LinkPayloads split_link(std::string_view query) {
    LinkPayloads out;
    if (!query.empty() && (query.front() == '#' || query.front() == '?')) query.remove_prefix(1);
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view segment = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        const std::size_t eq = segment.find('=');
        const std::string_view key = segment.substr(0, eq);
        const std::string_view value = eq == std::string_view::npos ? "" : segment.substr(eq + 1);
        if (key == "pointData") {
            out.points = value;
        } else if (key == "weights") {
            out.weights = value;
        } else if (key == "epoch") {
            int epoch = value.empty() ? -1 : 0;  // informative only: anything odd is "absent"
            for (char c : value) {
                if (c < '0' || c > '9' || epoch >= 100000000) {
                    epoch = -1;
                    break;
                }
                epoch = epoch * 10 + (c - '0');
            }
            out.epoch = epoch;
        } else {
            if (!out.state_query.empty()) out.state_query += '&';
            out.state_query += segment;
        }
    }
    return out;
}

StateReadResult read_link(const LinkPayloads& link) {
    StateReadResult read = from_query(link.state_query);
    if (!link.points.empty()) {
        Decoded<std::vector<Point>> points = decode_points(link.points);
        if (points) read.state.points = std::move(*points.value);
        else read.warnings.push_back("ignored pointData: " + points.error);
    }
    return read;
}

void apply_link_weights(App& app, const LinkPayloads& link) {
    if (link.weights.empty()) return;
    Trainer& t = *app.run.trainer;
    Decoded<WeightsPayload> w = decode_weights(link.weights, t.spec(), t.ensemble_size());
    std::string error = w ? load_weights(t, w.value->members) : w.error;
    if (!error.empty()) {
        app.status.link_warnings.push_back("ignored weights (" + error + "): the run starts from the seed");
        console_log(app.status.link_warnings.back().c_str());
        return;
    }
    app.run.weights_touched = true;
    t.resume_at(link.epoch);
    restart_views(app);
    std::string text = "Weights from the link";
    text += w.value->format == WeightFormat::float16 ? " (float16)" : "";
    if (link.epoch > 0) text += ", trained " + std::to_string(link.epoch) + " epochs by its sender";
    app_message(app, text + ": train on from here.");
}

SharedLink make_link(const App& app, const ShareOptions& options) {
    SharedLink out;
    const Trainer& t = *app.run.trainer;
    PlaygroundState s = app.run.state;
    std::string points;
    if (s.active_dataset() == Dataset::custom && options.points && !s.points.empty()) {
        Encoded e = encode_points(s.points);
        if (e.ok()) {
            points = std::move(e.text);
            s.points.clear();
        } else {
            out.note = "points written as text (" + e.error + ")";
        }
    } else if (!options.points) {
        s.points.clear();
    }
    out.hash = drop_empty_points(to_query(s));
    if (!points.empty()) {
        out.hash += "&pointData=" + points;
        out.has_points = true;
        out.points_chars = points.size() + 11;
    }
    if (options.weights && weights_are_own(app)) {
        WeightsPayload w{t.spec(), options.f16 ? WeightFormat::float16 : WeightFormat::float32,
                         member_params(t)};
        Encoded e = encode_weights(w);
        if (!e.ok() && options.f16) {
            out.note = "float32 weights: float16 cannot hold them (" + e.error + ")";
            w.format = WeightFormat::float32;
            e = encode_weights(w);
        }
        if (e.ok()) {
            const std::string tail = "&weights=" + e.text + "&epoch=" + std::to_string(t.epoch());
            out.hash += tail;
            out.has_weights = true;
            out.weights_chars = tail.size();
        } else {
            out.note = "the weights do not fit in a link (" + e.error + ")";
            out.too_long = true;
        }
    }
    out.url = url_base() + "#" + out.hash;
    out.too_long = out.too_long || out.url.size() > kLinkMaxChars;
    return out;
}

SharedLink share_link(App& app, const ShareOptions& options, bool copy) {
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
