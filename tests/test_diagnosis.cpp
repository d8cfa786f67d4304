// test_diagnosis.cpp: the training diagnosis (engine/diagnosis.h) on the reproducers,
// each code triggered by the run that shows it, and silence on the default playground of
// every data set for the CLI's 100 epochs.
#include "engine/diagnosis.h"

#include "engine/trainer.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

using namespace nnplay;

namespace {

// Trains like `nnplay train --epochs N`: the diagnosis fed after every epoch and analysed at
// the last. Returns the codes found, space-separated.
std::string codes_after(Trainer& t, Diagnosis& d, int epochs) {
    d.update(t);
    while (t.epoch() < epochs && t.step_epoch(true) && t.status() == RunStatus::ok) d.update(t);
    d.analyse(t);
    std::string codes;
    for (const DiagnosisItem& item : d.items()) {
        codes += (codes.empty() ? "" : " ") + item.code;
        CHECK(!item.message.empty());
        CHECK(item.since_epoch >= 0);
        CHECK(item.since_epoch <= t.epoch());
    }
    return codes;
}

PlaygroundState read(const std::string& query) {
    StateReadResult r = from_query(query);
    INFO(query);
    REQUIRE(r.warnings.empty());
    return r.state;
}

const DiagnosisItem* find(const Diagnosis& d, const char* code) {
    for (const DiagnosisItem& item : d.items())
        if (item.code == code) return &item;
    return nullptr;
}

}  // namespace

TEST_CASE("diagnosis: the default playground of every data set trains 100 epochs without one") {
    for (const char* query :
         {"dataset=circle", "dataset=xor", "dataset=gauss", "dataset=spiral", "dataset=moons",
          "dataset=checkerboard", "dataset=blobs", "dataset=rings", "dataset=spiral&classes=3",
          "dataset=blobs&classes=6", "dataset=rings&classes=4", "problem=regression&regDataset=reg-plane",
          "problem=regression&regDataset=reg-gauss", ""}) {
        CAPTURE(query);
        Trainer t(read(query));
        Diagnosis d;
        CHECK(codes_after(t, d, 100) == "");
        if (!d.items().empty()) MESSAGE(d.items()[0].message);
    }
}

TEST_CASE("diagnosis: spiral, ReLU, learning rate 10 collapses: dead ReLUs, marked per unit") {
    Trainer t(read("dataset=spiral&networkShape=8,8&activation=relu&learningRate=10&seed=a"));
    Diagnosis d;
    const std::string codes = codes_after(t, d, 50);
    CHECK(codes.find("collapse") != std::string::npos);
    CHECK(codes.find("dead_units") != std::string::npos);
    CHECK(t.status() == RunStatus::ok);  // the status stays "ok": the diagnosis is beside it
    CHECK(d.measures().output_spread < 1e-3);
    const DiagnosisItem* collapse = find(d, "collapse");
    REQUIRE(collapse);
    CHECK(collapse->message.find("dead ReLUs") != std::string::npos);
    CHECK(collapse->message.find("learning rate 10") != std::string::npos);
    CHECK(collapse->since_epoch > 0);
    // The marks the page draws agree with the counts.
    for (int l = 0; l < 2; ++l) {
        int dead = 0;
        for (int i = 0; i < 8; ++i) dead += d.unit(l, i) == UnitHealth::dead;
        CHECK(dead == d.measures().dead[l]);
    }
    CHECK(d.measures().dead[1] == 8);
    CHECK(d.unit(5, 0) == UnitHealth::ok);  // out of range: no mark
}

TEST_CASE("diagnosis: with 3 classes the collapsed run is worse than chance (ln 3)") {
    Trainer t(read("dataset=spiral&classes=3&networkShape=8,8&activation=relu&learningRate=10&seed=a"));
    Diagnosis d;
    CHECK(codes_after(t, d, 50).find("worse_than_chance") != std::string::npos);
    CHECK(d.measures().chance_loss == doctest::Approx(std::log(3.0)).epsilon(0.01));
    CHECK(t.metrics().train_loss > 1.1 * d.measures().chance_loss);
}

TEST_CASE("diagnosis: tanh at learning rate 10 blows up") {
    Trainer t(read("dataset=spiral&networkShape=8,8&activation=tanh&learningRate=10&seed=a"));
    Diagnosis d;
    CHECK(codes_after(t, d, 50).find("blow_up") != std::string::npos);
    CHECK(find(d, "blow_up")->message.find("learning rate") != std::string::npos);
}

TEST_CASE("diagnosis: a learning rate of 1 with batches of 1 makes the loss swing") {
    Trainer t(read("dataset=circle&learningRate=1&batchSize=1"));
    Diagnosis d;
    CHECK(codes_after(t, d, 200).find("oscillation") != std::string::npos);
}

TEST_CASE("diagnosis: zero initialisation never breaks symmetry, from epoch 0 (defect 9)") {
    for (const char* act : {"tanh", "relu", "sigmoid"}) {
        for (const char* init : {"init=zeros", "initZero=true"}) {
            CAPTURE(act);
            CAPTURE(init);
            Trainer t(read(std::string("dataset=circle&activation=") + act + "&" + init));
            Diagnosis d;
            CHECK(codes_after(t, d, 100).find("symmetry") != std::string::npos);
            REQUIRE(find(d, "symmetry"));
            CHECK(find(d, "symmetry")->since_epoch == 0);
            CHECK(d.measures().distinct[0] == 1);  // the 4 units of layer 1 are one unit
        }
    }
    // Without hidden layers zero weights are fine.
    Trainer t(read("dataset=gauss&init=zeros&networkShape="));
    Diagnosis d;
    CHECK(codes_after(t, d, 100) == "");
}

TEST_CASE("diagnosis: six layers of 8 sigmoids: vanishing gradients, from the start") {
    Trainer t(read("dataset=circle&networkShape=8,8,8,8,8,8&activation=sigmoid"));
    Diagnosis d;
    CHECK(codes_after(t, d, 100).find("vanishing_gradients") != std::string::npos);
    CHECK(find(d, "vanishing_gradients")->since_epoch == 0);
    const auto& g = d.measures().grad_norm;
    REQUIRE(g.size() == 7);
    CHECK(g.front() < 1e-4);
    // ... and tanh in the same shape trains without it.
    Trainer ok(read("dataset=circle&networkShape=8,8,8,8,8,8&activation=tanh"));
    Diagnosis d2;
    CHECK(codes_after(ok, d2, 100) == "");
}

TEST_CASE("diagnosis: a net on 100 noisy xor points overfits; the point is where the test loss was lowest") {
    Trainer t(read("dataset=xor&noise=50&networkShape=8,8&numSamples=100&learningRate=0.1"));
    Diagnosis d;
    CHECK(codes_after(t, d, 1000) == "overfitting");
    const DiagnosisItem* item = find(d, "overfitting");
    REQUIRE(item);
    CHECK(d.overfit_epoch() == item->since_epoch);
    CHECK(item->since_epoch > 0);
    CHECK(item->since_epoch < 1000 - 20);
    CHECK(item->message.find("test loss") != std::string::npos);
}

TEST_CASE("diagnosis: the default spiral stalls near chance after a few hundred epochs") {
    Trainer t(read("dataset=spiral"));
    Diagnosis d;
    CHECK(codes_after(t, d, 300) == "stall");
    CHECK(find(d, "stall")->message.find("learning rate") != std::string::npos);
}

TEST_CASE("diagnosis: deterministic, and reset forgets the run") {
    const PlaygroundState s = read("dataset=spiral&networkShape=8,8&activation=relu&learningRate=10&seed=a");
    Trainer a(s), b(s);
    Diagnosis da, db;
    codes_after(a, da, 30);
    codes_after(b, db, 30);
    REQUIRE(da.items().size() == db.items().size());
    for (std::size_t i = 0; i < da.items().size(); ++i) {
        CHECK(da.items()[i].code == db.items()[i].code);
        CHECK(da.items()[i].message == db.items()[i].message);
        CHECK(da.items()[i].since_epoch == db.items()[i].since_epoch);
    }
    da.reset();
    CHECK(da.items().empty());
    CHECK(da.measures().epoch == -1);
    CHECK(da.unit(1, 0) == UnitHealth::ok);
    // A new, healthy run after the reset says nothing.
    a.set_state(read("dataset=circle"));
    CHECK(codes_after(a, da, 50) == "");
}

TEST_CASE("diagnosis: no training points or a perceptron give no findings and no crash") {
    Trainer empty(read("dataset=custom"));
    Diagnosis d;
    CHECK(codes_after(empty, d, 5) == "");
    Trainer p(read("model=perceptron"));
    Diagnosis d2;
    CHECK(codes_after(p, d2, 20) == "");
    // No input feature: the output cannot vary, and the collapse says why (no vanishing
    // gradient is claimed for a first layer without weights).
    Trainer blind(read("x=false&y=false"));
    Diagnosis d3;
    CHECK(codes_after(blind, d3, 20) == "collapse");
    CHECK(find(d3, "collapse")->message.find("no input feature") != std::string::npos);
}
