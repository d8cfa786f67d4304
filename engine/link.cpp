// link.cpp: reading and writing whole links (link.h). The link's own keys are split off
// before from_query() sees the rest, so the state reader never warns about them; each
// payload is decoded on its own, so one bad key costs only itself.
#include "engine/link.h"

#include "engine/model_json.h"
#include "engine/trainer.h"

#include <utility>

namespace nnplay {

namespace {

constexpr std::string_view kPointsKey = "pointData";
constexpr std::string_view kWeightsKey = "weights";
constexpr std::string_view kEpochKey = "epoch";
constexpr std::string_view kRunKey = "run";
constexpr std::string_view kVersionKey = "v";
constexpr int kMaxVersion = 1000000;  // beyond any real format: larger is garbage

std::string_view trim(std::string_view text) {
    const std::string_view blanks = " \t\r\n";
    const std::size_t first = text.find_first_not_of(blanks);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

// A whole number 0..max written in plain digits; false for anything else (signs, blanks,
// "1e3", an empty text), so an odd value is reported rather than half read.
bool parse_count(std::string_view text, int max, int& out) {
    if (text.empty() || text.size() > 10) return false;
    long long v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    if (v > max) return false;
    out = int(v);
    return true;
}

// The text as the quoted value of a warning, cut short: a pasted payload can be 60 kB.
std::string shown(std::string_view value) {
    constexpr std::size_t kMax = 24;
    return "'" + std::string(value.substr(0, kMax)) + (value.size() > kMax ? "...'" : "'");
}

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

}  // namespace

std::string_view link_query(std::string_view pasted) {
    pasted = trim(pasted);
    if (const std::size_t hash = pasted.find('#'); hash != std::string_view::npos)
        return pasted.substr(hash + 1);
    // '?' starts the query only before any '=': after one it is part of a value (a seed).
    if (const std::size_t question = pasted.find('?'); question < pasted.find('='))
        return pasted.substr(question + 1);
    // "https://host/path/" alone: an address without settings. A query's "://" can only
    // come after its first '=' (a seed), so this never drops one.
    const std::size_t scheme = pasted.find("://");
    if (scheme != std::string_view::npos && scheme < pasted.find('=')) return {};
    return pasted;
}

Link read_link(std::string_view pasted) {
    Link link;
    std::string state_query;
    std::string_view points, weights, epoch, version, run;
    bool has_epoch = false, has_version = false;
    std::string_view query = link_query(pasted);
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view segment = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        const std::size_t eq = segment.find('=');
        const std::string_view key = segment.substr(0, eq);
        const std::string_view value = eq == std::string_view::npos ? "" : segment.substr(eq + 1);
        if (key == kPointsKey) {
            points = value;
        } else if (key == kWeightsKey) {
            weights = value;
        } else if (key == kRunKey) {
            run = value;
        } else if (key == kEpochKey) {
            epoch = value, has_epoch = true;
        } else if (key == kVersionKey) {
            version = value, has_version = true;
        } else {
            if (!state_query.empty()) state_query += '&';
            state_query += segment;
        }
    }

    std::vector<std::string> warnings;
    if (has_version && !parse_count(version, kMaxVersion, link.version)) link.version = 0;
    if (link.version < 1) {
        warnings.push_back("ignored v=" + shown(version) +
                           ": not a link format version (a whole number from 1); read as format 1");
        link.version = 1;
    }

    StateReadResult read = from_query(state_query);
    link.state = std::move(read.state);
    for (std::string& w : read.warnings) warnings.push_back(std::move(w));

    link.payloads = !points.empty() || !weights.empty();
    if (!points.empty()) {
        Result<std::vector<Point>> decoded = decode_points(points);
        if (decoded) link.state.points = std::move(*decoded);
        else warnings.push_back("ignored " + decoded.error.message());
    }
    if (!weights.empty()) {
        Result<WeightsPayload> decoded = decode_weights(weights);
        if (decoded) link.weights = std::move(*decoded);
        else warnings.push_back("ignored weights (" + decoded.error.reason + "): the run starts from the seed");
    }
    if (!run.empty()) {
        Result<RunState> decoded = decode_run_state(run);
        if (decoded) link.run = std::move(*decoded);
        else warnings.push_back("ignored " + decoded.error.message() + ": the run goes on from the epoch only");
    }
    if (has_epoch && !parse_count(epoch, kLinkMaxEpoch, link.epoch))
        warnings.push_back("ignored epoch=" + shown(epoch) + ": not a whole number of epochs (0.." +
                           std::to_string(kLinkMaxEpoch) + ")");

    if (link.version > kLinkVersion) {
        const std::string newer = "made by a newer nnplay (link format " + std::to_string(link.version) +
                                  ", this one reads " + std::to_string(kLinkVersion) + "): ";
        if (warnings.empty()) warnings.push_back("every key was read, but may mean something else here");
        for (std::string& w : warnings) w = newer + w;
    }
    link.warnings = std::move(warnings);
    return link;
}

ReadError load_link_weights(Trainer& trainer, const Link& link, std::string* run_warning) {
    if (run_warning) run_warning->clear();
    if (!link.weights) return {};
    ReadError error = check_shape(*link.weights, trainer.spec(), trainer.ensemble_size());
    if (error.empty()) {
        if (std::string e = load_weights(trainer, link.weights->members); !e.empty())
            error = ReadError{std::move(e), 0, 0, std::string(kWeightsKey)};
    }
    if (!error.empty()) return error;
    if (link.run) {
        std::string e = trainer.restore(*link.run);
        if (e.empty()) return {};
        if (run_warning)
            *run_warning = "ignored the link's run state (" + e + "): the run goes on from epoch " +
                           std::to_string(link.epoch) + " with a fresh optimiser and schedule";
    }
    trainer.resume_at(link.epoch);
    return {};
}

WeightsPayload trainer_weights(const Trainer& trainer, WeightFormat format) {
    WeightsPayload w{trainer.spec(), format, {}};
    for (int m = 0; m < trainer.ensemble_size(); ++m) {
        const auto& p = trainer.network(m).params();
        w.members.emplace_back(p.data(), p.data() + p.size());
    }
    return w;
}

WrittenLink write_link(const PlaygroundState& state, const LinkContent& content) {
    WrittenLink out;
    PlaygroundState s = state;
    std::string points;
    if (s.active_dataset() == Dataset::custom && content.points && !s.points.empty()) {
        Encoded e = encode_points(s.points);
        if (e.ok()) {
            points = std::move(e.text);
            s.points.clear();
        } else {
            out.note = "points written as text (" + e.error + ")";
        }
    } else if (!content.points) {
        s.points.clear();
    }
    out.text = std::string(kVersionKey) + "=" + std::to_string(kLinkVersion) + "&" +
               drop_empty_points(to_query(s));
    if (!points.empty()) {
        const std::string tail = "&" + std::string(kPointsKey) + "=" + points;
        out.text += tail;
        out.has_points = true;
        out.points_chars = tail.size();
    }
    if (content.weights) {
        WeightsPayload w = *content.weights;
        Encoded e = encode_weights(w);
        if (!e.ok() && w.format == WeightFormat::float16) {
            out.note = "float32 weights: float16 cannot hold them (" + e.error + ")";
            w.format = WeightFormat::float32;
            e = encode_weights(w);
        }
        if (e.ok()) {
            const std::string tail = "&" + std::string(kWeightsKey) + "=" + e.text + "&" +
                                     std::string(kEpochKey) + "=" + std::to_string(content.epoch);
            out.text += tail;
            out.has_weights = true;
            out.weights_chars = tail.size();
            if (content.run) {
                const Encoded run = encode_run_state(*content.run);
                if (run.ok()) {
                    const std::string more = "&" + std::string(kRunKey) + "=" + run.text;
                    out.text += more;
                    out.weights_chars += more.size();
                } else {
                    out.note = "the run state does not fit in a link (" + run.error +
                               "): the run goes on from the epoch only";
                }
            }
        } else {
            out.note = "the weights do not fit in a link (" + e.error + ")";
            out.weights_failed = true;
        }
    }
    return out;
}

}  // namespace nnplay
