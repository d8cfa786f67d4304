// link.h: a whole shared link, read and written in one place for the page and the CLI: the
// state's query text, the custom points (`pointData`), the trained weights (`weights`), the
// sender's epoch (`epoch`), where the sender's run stood (`run`) and the link format version (`v`).
#pragma once

#include "engine/payload.h"
#include "engine/result.h"
#include "engine/state.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnplay {

class Trainer;

// The link format this build writes and reads. A link without `v` is format 1: what main
// 142740f wrote. A format change that old readers would misread gets a new number.
constexpr int kLinkVersion = 1;

// The largest epoch a link may name (the CLI trains at most 1,000,000 epochs).
constexpr int kLinkMaxEpoch = 100000000;

// A link as read. Never a failure as a whole: what could not be read is left out (the
// state's default, no points, no weights) and named in warnings.
struct Link {
    PlaygroundState state;                  // the settings; points replaced by pointData's
    std::optional<WeightsPayload> weights;  // decoded; checked against a network only on loading
    int epoch = 0;                          // the sender's epoch count (with weights); 0 if absent
    std::optional<RunState> run;            // where the sender's run stood (with weights); older links: none
    int version = kLinkVersion;             // the format it says it is in (1 when it says none)
    bool payloads = false;                  // it has a pointData or weights key, read or not
    std::vector<std::string> warnings;      // one sentence each, the key first

    // Whether the link carries more than settings: the page keeps such an address as it is.
    bool any() const { return payloads; }
};

// The query text of anything a user may paste: a whole address ("https://host/path/#a=1&b=2",
// or with "?a=1&b=2" and no '#'), the text after '#' (with or without the '#'), or a bare
// query. Surrounding blanks are dropped. The first '#' starts the query; so does a '?' before
// any '=' (after one it belongs to a value, e.g. a seed). An address with neither has none ("").
std::string_view link_query(std::string_view pasted);

// Reads a link (see link_query for the forms accepted). The state keys go to from_query()
// (values percent-decoded); pointData, weights, epoch and v are the link's own. A payload
// that does not decode is dropped with a warning naming its key and why; a link from a newer
// format opens what it can, and every warning says it was made by a newer nnplay.
Link read_link(std::string_view pasted);

// Loads the link's weights (if any) into a trainer built from link.state, then continues
// the run where the sender's stood: from its run state (Trainer::restore: bit for bit) when
// the link has one that fits, else at the sender's epoch (Trainer::resume_at). Returns the reason, with key "weights",
// when they do not fit the trainer's network (then the trainer is unchanged); an empty
// error when they loaded or there were none. A run state that does not fit the network
// (other moment sizes, members, order or position) is left out: `run_warning`, if given,
// gets a message naming what did not fit ("" when it fitted or there was none).
ReadError load_link_weights(Trainer& trainer, const Link& link, std::string* run_warning = nullptr);

// The trained weights of every member of a trainer, for write_link.
WeightsPayload trainer_weights(const Trainer& trainer, WeightFormat format);

// What goes in a link besides the settings.
struct LinkContent {
    bool points = true;                     // send the state's points (false: leave them out)
    const WeightsPayload* weights = nullptr;  // the weights to send, or none
    int epoch = 0;                          // the epoch they were trained to (with weights)
    const RunState* run = nullptr;          // where the run stands (with weights), or none
};

struct WrittenLink {
    std::string text;             // the query text, the part after '#'
    bool has_points = false;      // pointData went in
    bool has_weights = false;     // weights went in
    bool weights_failed = false;  // weights were asked for but cannot be written (note says why)
    std::size_t points_chars = 0, weights_chars = 0;  // their share of text
    std::string note;             // a payload left out or changed, and why ("" if none)
};

// Writes a link: "v=1", the state's query text, then pointData, weights, epoch and run (the
// run state, with weights; left out with a note when it does not fit a payload). A custom
// data set's points go in as pointData (exact float32), or as the state's text when they
// cannot be a payload (with a note). Float16 weights that float16 cannot hold go in as
// float32 (with a note). Reading the text back gives the same state, points, weights and
// epoch.
WrittenLink write_link(const PlaygroundState& state, const LinkContent& content);

}  // namespace nnplay
