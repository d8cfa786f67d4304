// test_link.cpp: whole links (engine/link): round trips of every kind of content, the forms
// a user may paste, version handling, bad payloads, and the links recorded from the page of
// main 142740f (tests/data/links), which must open with the sender's outputs and losses.
#include "engine/link.h"

#include "engine/json_reader.h"
#include "engine/trainer.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using namespace nnplay;
using namespace nnplay::test;

namespace {

// A trainer from the state, trained a few epochs so its weights are its own.
Trainer trained(const PlaygroundState& state, int epochs) {
    Trainer t(state);
    for (int e = 0; e < epochs; ++e) t.step_epoch(false);
    t.measure();
    return t;
}

const std::vector<Point> kGrid = {{-5, -5, 0}, {-2.5f, 1, 0}, {0, 0, 0}, {0.7f, -3, 0}, {4, 5.5f, 0}};

Matrix outputs(const Trainer& t) {
    Matrix out;
    t.predict(kGrid, out);
    return out;
}

// Sends a trained run as a link and opens it: the receiver's trainer, at the sender's epoch.
struct Received {
    Link link;
    std::unique_ptr<Trainer> trainer;
};

Received send_and_open(const Trainer& sender, WeightFormat format) {
    const WeightsPayload w = trainer_weights(sender, format);
    const WrittenLink written = write_link(sender.state(), {true, &w, sender.epoch()});
    REQUIRE(written.has_weights);
    REQUIRE_MESSAGE(written.note.empty(), written.note);
    Received r{read_link(written.text), nullptr};
    REQUIRE_MESSAGE(r.link.warnings.empty(), joined(r.link.warnings));
    REQUIRE(r.link.weights);
    r.trainer = std::make_unique<Trainer>(r.link.state);
    const ReadError e = load_link_weights(*r.trainer, r.link);
    REQUIRE_MESSAGE(e.empty(), e.message());
    return r;
}

}  // namespace

TEST_CASE("link: a state alone round-trips, and the link says its format version") {
    const PlaygroundState s = state_of("dataset=spiral&classes=3&networkShape=6,3&seed=round&learningRate=0.1");
    const WrittenLink w = write_link(s, {});
    CHECK(w.text.starts_with("v=1&"));
    CHECK_FALSE(w.has_points);
    CHECK_FALSE(w.has_weights);
    CHECK_FALSE(contains(w.text, "points="));  // no empty "points=" for generated data
    const Link l = read_link(w.text);
    CHECK_MESSAGE(l.warnings.empty(), joined(l.warnings));
    CHECK(l.state == s);
    CHECK(l.version == 1);
    CHECK_FALSE(l.weights);
    CHECK_FALSE(l.any());
}

TEST_CASE("link: the feature order, which a weights payload's first layer follows, is pinned") {
    // Weights payloads hold one first-layer column per enabled feature in enum order: a
    // reordered Feature enum would silently swap the inputs of every link with weights.
    const char* order[] = {"x", "y", "xSquared", "ySquared", "xTimesY", "sinX", "sinY", "cosX", "cosY"};
    REQUIRE(int(feature_count) == 9);
    for (int f = 0; f < feature_count; ++f) CHECK(std::string(name_of(Feature(f))) == order[f]);
}

TEST_CASE("link: custom points go in as pointData and come back exactly") {
    PlaygroundState s = state_of("dataset=custom&networkShape=3&seed=pts");
    s.points = {{-2, 2.25f, 0}, {1.0f / 3, -5.999f, 1}, {6, -6, 1}};
    const WrittenLink w = write_link(s, {});
    REQUIRE(w.has_points);
    CHECK(contains(w.text, "&pointData="));
    CHECK(w.points_chars > 11);
    const Link l = read_link(w.text);
    CHECK_MESSAGE(l.warnings.empty(), joined(l.warnings));
    CHECK(l.any());
    CHECK(l.state == s);
    // Without points: none at all.
    const Link none = read_link(write_link(s, {.points = false}).text);
    CHECK(none.state.points.empty());
    CHECK_FALSE(none.any());
}

TEST_CASE("link: trained weights round-trip with their epoch (float32 exact, float16 close)") {
    struct Case {
        const char* name;
        const char* query;
    };
    const Case cases[] = {
        {"binary", "dataset=xor&networkShape=5,3&seed=w1&learningRate=0.1"},
        {"ensemble", "dataset=moons&networkShape=4&ensemble=3&layerActivations=relu&seed=w2"},
        {"regression", "problem=regression&regDataset=reg-gauss&networkShape=4&activation=sigmoid&seed=w3"},
        {"multi-class", "dataset=blobs&classes=4&networkShape=6&activation=elu&seed=w4"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        const Trainer sender = trained(state_of(c.query), 7);
        const Matrix sent = outputs(sender);

        Received f32 = send_and_open(sender, WeightFormat::float32);
        CHECK(f32.link.epoch == 7);
        CHECK(f32.link.weights->format == WeightFormat::float32);
        CHECK(f32.trainer->epoch() == 7);
        CHECK(outputs(*f32.trainer) == sent);
        CHECK(f32.trainer->metrics().train_loss == sender.metrics().train_loss);
        CHECK(f32.trainer->metrics().test_loss == sender.metrics().test_loss);

        Received f16 = send_and_open(sender, WeightFormat::float16);
        CHECK(f16.link.weights->format == WeightFormat::float16);
        CHECK(f16.trainer->epoch() == 7);
        const Matrix got = outputs(*f16.trainer);
        for (Eigen::Index i = 0; i < got.size(); ++i)
            CHECK(got.data()[i] == doctest::Approx(sent.data()[i]).epsilon(0.02));
    }
}

TEST_CASE("link: float16 weights too large for float16 go in as float32, with a note") {
    const Trainer sender = trained(state_of("networkShape=2&seed=big"), 1);
    WeightsPayload w = trainer_weights(sender, WeightFormat::float16);
    w.members[0][0] = 1e5f;
    const WrittenLink written = write_link(sender.state(), {true, &w, 1});
    CHECK(written.has_weights);
    CHECK(contains(written.note, "float32 weights"));
    const Link l = read_link(written.text);
    REQUIRE(l.weights);
    CHECK(l.weights->format == WeightFormat::float32);
    CHECK(l.weights->members[0][0] == 1e5f);
}

TEST_CASE("link: every form a user may paste reads the same") {
    const std::string q = "dataset=xor&seed=form&networkShape=3";
    const PlaygroundState want = state_of(q);
    for (const std::string& text :
         {q, "#" + q, "?" + q, "https://example.org/nnplay/#" + q, "http://localhost:8000/?" + q,
          "https://example.org/nnplay/index.html?ref=x#" + q, "  https://example.org/#" + q + "\n",
          "file:///home/me/nnplay/index.html#" + q}) {
        CAPTURE(text);
        const Link l = read_link(text);
        CHECK_MESSAGE(l.warnings.empty(), joined(l.warnings));
        CHECK(l.state == want);
    }
    // An address without settings is the default state, not a bad key.
    const Link bare = read_link("https://example.org/nnplay/");
    CHECK(bare.warnings.empty());
    CHECK(bare.state == PlaygroundState{});
    CHECK(read_link("").state == PlaygroundState{});
    // Percent-encoding as ever; a '?' inside a value is part of it.
    CHECK(read_link("seed=a%20b%26c").state.seed == "a b&c");
    CHECK(read_link("seed=why?&networkShape=2").state.seed == "why?");
    CHECK(link_query("https://h/p?x=1#a=2") == "a=2");
}

TEST_CASE("link: format version: missing, 1, newer, garbage") {
    SUBCASE("missing and 1 read the same, without a warning") {
        const Link none = read_link("seed=v&networkShape=2");
        const Link one = read_link("v=1&seed=v&networkShape=2");
        CHECK(none.version == 1);
        CHECK(one.version == 1);
        CHECK(none.warnings.empty());
        CHECK(one.warnings.empty());
        CHECK(one.state == none.state);
    }
    SUBCASE("newer: opens what it can, and says so in every warning") {
        const Link l = read_link("v=2&seed=v&networkShape=2&sparkle=9&weights=AAAA");
        CHECK(l.version == 2);
        CHECK(l.state.seed == "v");
        CHECK(l.state.network_shape == std::vector<int>{2});
        REQUIRE(l.warnings.size() == 2);
        for (const std::string& w : l.warnings)
            CHECK(w.starts_with("made by a newer nnplay (link format 2, this one reads 1): "));
        CHECK(contains(l.warnings[0], "'sparkle'"));
        CHECK(contains(l.warnings[1], "weights"));
        // Nothing it could not read: still says where it comes from.
        const Link clean = read_link("v=7&seed=v");
        REQUIRE(clean.warnings.size() == 1);
        CHECK(contains(clean.warnings[0], "link format 7, this one reads 1"));
    }
    SUBCASE("garbage: read as format 1 with a warning naming v") {
        for (const char* v : {"v=abc", "v=0", "v=-1", "v=", "v=1.5", "v=1000001", "v=99999999999"}) {
            CAPTURE(v);
            const Link l = read_link(std::string(v) + "&seed=g");
            CHECK(l.version == 1);
            CHECK(l.state.seed == "g");
            REQUIRE(l.warnings.size() == 1);
            CHECK(l.warnings[0].starts_with("ignored v="));
        }
    }
}

TEST_CASE("link: a bad payload is dropped with a warning naming its key; the rest opens") {
    const Trainer sender = trained(state_of("networkShape=3&seed=bad"), 2);
    const WeightsPayload w = trainer_weights(sender, WeightFormat::float32);
    std::string good = write_link(sender.state(), {true, &w, 2}).text;

    SUBCASE("points") {
        const Link l = read_link("seed=bad&dataset=custom&pointData=AAA*");
        CHECK(l.state.seed == "bad");
        CHECK(l.state.points.empty());
        CHECK(l.any());
        REQUIRE(l.warnings.size() == 1);
        CHECK(l.warnings[0].starts_with("ignored pointData: bad base64"));
    }
    SUBCASE("weights: one character changed") {
        const std::size_t at = good.find("weights=") + 20;
        good[at] = good[at] == 'A' ? 'B' : 'A';
        const Link l = read_link(good);
        CHECK_FALSE(l.weights);
        CHECK(l.state == sender.state());
        REQUIRE(l.warnings.size() == 1);
        CHECK(contains(l.warnings[0], "ignored weights ("));
        CHECK(contains(l.warnings[0], "checksum mismatch"));
    }
    SUBCASE("epoch") {
        const Link l = read_link("seed=bad&epoch=12x");
        REQUIRE(l.warnings.size() == 1);
        CHECK(l.warnings[0].starts_with("ignored epoch='12x'"));
        CHECK(l.epoch == 0);
    }
    SUBCASE("weights for another network: refused on loading, the trainer unchanged") {
        const Link l = read_link(good);
        REQUIRE(l.weights);
        PlaygroundState other = l.state;
        other.network_shape = {4};
        Trainer t(other);
        const Matrix before = outputs(t);
        const ReadError e = load_link_weights(t, l);
        CHECK(e.key == "weights");
        CHECK(e.reason.starts_with("shape mismatch"));
        CHECK(t.epoch() == 0);
        CHECK(outputs(t) == before);
    }
}

TEST_CASE("link: the links recorded from main 142740f open with the sender's outputs and losses") {
    std::ifstream in(std::string(NNPLAY_LINKS_DATA_DIR) + "/142740f.json");
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    const Result<JsonValue> parsed = parse_json(text.str());
    REQUIRE_MESSAGE(parsed.value, parsed.error.message());
    const JsonValue* links = parsed.value->find("links");
    REQUIRE(links);
    REQUIRE(links->is_array());
    CHECK(links->items.size() >= 9);
    int with_weights = 0, with_points = 0;
    for (const JsonValue& rec : links->items) {
        const std::string name = rec.find("name")->text;
        CAPTURE(name);
        const Link l = read_link(rec.find("link")->text);
        CHECK_MESSAGE(l.warnings.empty(), joined(l.warnings));
        CHECK(l.version == 1);  // 142740f wrote no version
        Trainer t(l.state);
        const ReadError e = load_link_weights(t, l);
        REQUIRE_MESSAGE(e.empty(), e.message());
        with_weights += l.weights.has_value();
        with_points += l.state.active_dataset() == Dataset::custom;
        CHECK(t.epoch() == int(rec.find("epoch")->number));
        t.measure();

        const JsonValue& grid = *rec.find("grid");
        const JsonValue& want = *rec.find("outputs");
        REQUIRE(grid.items.size() == want.items.size());
        std::vector<Point> points;
        for (const JsonValue& p : grid.items)
            points.push_back({float(p.items[0].number), float(p.items[1].number), 0});
        Matrix out;
        t.predict(points, out);
        double worst = 0;
        for (std::size_t j = 0; j < points.size(); ++j) {
            REQUIRE(want.items[j].items.size() == std::size_t(out.rows()));
            for (std::size_t i = 0; i < want.items[j].items.size(); ++i)
                worst = std::max(worst, std::fabs(double(out(Eigen::Index(i), Eigen::Index(j))) -
                                                  want.items[j].items[i].number));
        }
        // The sender saw its float32 weights; a float16 link carries them rounded to 11
        // significant bits, so its receiver is as close as float16 allows (the conversion
        // itself is pinned bit for bit in test_payload.cpp). float32 links: to 1e-6.
        const bool f16 = l.weights && l.weights->format == WeightFormat::float16;
        const double output_tolerance = f16 ? 4e-3 : 1e-6, loss_tolerance = f16 ? 1e-3 : 1e-6;
        CHECK_MESSAGE(worst <= output_tolerance, "largest output difference " << worst);
        const JsonValue& metrics = *rec.find("metrics");
        CHECK(t.metrics().train_loss ==
              doctest::Approx(metrics.find("trainLoss")->number).epsilon(loss_tolerance));
        CHECK(t.metrics().test_loss ==
              doctest::Approx(metrics.find("testLoss")->number).epsilon(loss_tolerance));

        // Written again by this build, the link reads back to the same run.
        const WeightsPayload w = trainer_weights(t, l.weights ? l.weights->format : WeightFormat::float32);
        const WrittenLink again = write_link(l.state, {true, l.weights ? &w : nullptr, l.epoch});
        const Link back = read_link(again.text);
        CHECK(back.warnings.empty());
        CHECK(back.state == l.state);
        CHECK(back.epoch == (l.weights ? l.epoch : 0));
        if (l.weights) CHECK(back.weights->members == l.weights->members);
    }
    CHECK(with_weights >= 5);
    CHECK(with_points >= 2);
}
