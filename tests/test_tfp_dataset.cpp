// test_tfp_dataset.cpp: TensorFlow Playground's data for compat=tf. Points of
// each generator (first, second, last, before the shuffle) and the next draw
// after them, recorded from its own src/dataset.ts under Node with seedrandom
// 2.4.4 and seed "0.80725"; its shuffle; and the page's split.
#include "engine/tfp/dataset.h"

#include <doctest/doctest.h>

#include <string>

using namespace nnplay;

namespace {

struct Golden {
    Dataset dataset;
    double noise;
    TfpExample first, second, last;
    double next;  // the draw after the whole set: checks how many draws it took
};

const Golden kGolden[] = {
    {Dataset::circle, 0, {-0.47235512207066177, -0.38787997089558729, 1}, {-0.059267359588898595, -0.13543210958503454, 1}, {-3.7607592585483980, -1.2152673534241041, -1}, 0.38897110514019589},
    {Dataset::xor_, 0, {-2.8551843155988990, 1.7057907790313867, -1}, {-4.7086696189872521, 0.95652755782442367, -1}, {-2.2850802256848541, 2.3025573555459165, -1}, 0.38897110514019589},
    {Dataset::gauss, 0, {1.0902364618696292, 1.0997601898912417, 1}, {1.5258583173298019, 2.2954767044557105, 1}, {-1.9435089816801092, -1.5434867927092546, -1}, 0.69617187919747570},
    {Dataset::spiral, 0, {0, 0, 1}, {0.00087936236635729808, 0.019980658693562494, 1}, {4.9751840146970618, 0.21896122922296518, -1}, 0.16523132646185570},
    {Dataset::reg_plane, 0, {-3.0662211787186786, 1.6869489348376634, -0.13792722438810157}, {-5.2904035427847020, 0.78783306938930764, -0.45025704733953947}, {4.8641148022946474, -3.1083448925394386, 0.17557699097552093}, 0.0023417358198705449},
    {Dataset::reg_gauss, 0, {-3.0662211787186786, 1.6869489348376634, 0.38092913942846085}, {-5.2904035427847020, 0.78783306938930764, 0}, {4.8641148022946474, -3.1083448925394386, -0.47161143563104557}, 0.0023417358198705449},
    {Dataset::circle, 0.25, {-0.47235512207066177, -0.38787997089558729, 1}, {-0.059267359588898595, -0.13543210958503454, 1}, {-3.7607592585483980, -1.2152673534241041, -1}, 0.38897110514019589},
    {Dataset::xor_, 0.25, {-2.8551843155988990, 1.7057907790313867, -1}, {-4.7086696189872521, 0.95652755782442367, -1}, {-2.2850802256848541, 2.3025573555459165, -1}, 0.38897110514019589},
    {Dataset::gauss, 0.25, {0.070100098735246030, 0.090302976734021767, 1}, {0.99419360282210856, 2.6268007442098593, 1}, {-1.8801644536096154, -1.0315892462704817, -1}, 0.69617187919747570},
    {Dataset::spiral, 0.25, {-0.12775921577994495, 0.070289538951569308, 1}, {-0.033662470143734913, -0.033322503205766435, 1}, {5.1794862337190262, 0.077806500400536605, -1}, 0.16523132646185570},
    {Dataset::reg_plane, 0.25, {-3.0662211787186786, 1.6869489348376634, -0.19063422103375416}, {-5.2904035427847020, 0.78783306938930764, -0.51155456016632606}, {4.8641148022946474, -3.1083448925394386, 0.060417471459216943}, 0.0023417358198705449},
    {Dataset::reg_gauss, 0.25, {-3.0662211787186786, 1.6869489348376634, 0.32708893566744246}, {-5.2904035427847020, 0.78783306938930764, 0}, {4.8641148022946474, -3.1083448925394386, -0.56922251866006257}, 0.0023417358198705449},
};

// Our sin, cos and log (detmath.h) and V8's may differ in a last bit, so
// positions are compared to 1e-15 relative; labels and draw counts exactly.
void check_close(double got, double want) {
    CHECK(got == doctest::Approx(want).epsilon(1e-15));
}

}  // namespace

TEST_CASE("tfp_dataset: each generator's points and draw count equal TensorFlow Playground's") {
    for (const Golden& g : kGolden) {
        CAPTURE(name_of(g.dataset));
        CAPTURE(g.noise);
        SeedRandom rng("0.80725");
        const bool regression = g.dataset == Dataset::reg_plane || g.dataset == Dataset::reg_gauss;
        const int n = regression ? 1200 : 500;
        const std::vector<TfpExample> d = tfp_generate(g.dataset, n, g.noise, rng);
        REQUIRE(int(d.size()) == n);
        for (auto [got, want] : {std::pair{d[0], g.first}, {d[1], g.second}, {d[std::size_t(n - 1)], g.last}}) {
            check_close(got.x, want.x);
            check_close(got.y, want.y);
            check_close(got.label, want.label);
        }
        CHECK(rng.next() == g.next);  // every draw was made, noise or not
    }
}

TEST_CASE("tfp_dataset: the shuffle is their Fisher-Yates from the end") {
    std::vector<TfpExample> a;
    for (int i = 0; i < 10; ++i) a.push_back({double(i), 0, 0});
    SeedRandom rng("shuffle me");
    tfp_shuffle(a, rng);
    const int want[] = {9, 7, 6, 2, 5, 3, 1, 8, 0, 4};  // their shuffle of 0..9, same seed
    for (int i = 0; i < 10; ++i) CHECK(a[std::size_t(i)].x == want[i]);
}

TEST_CASE("tfp_dataset: the page's data: 500 or 1200 points, shuffled once, split at percTrainData") {
    PlaygroundState s;
    s.seed = "0.80725";
    s.perc_train_data = 30;
    SeedRandom rng(s.seed);
    TfpData d = tfp_generate_data(s, rng);
    CHECK(d.train.size() == 150);
    CHECK(d.test.size() == 350);
    // Their page's first shuffled point for the default circle, seed 0.80725.
    check_close(d.train[0].x, -1.079297463164721);
    check_close(d.train[0].y, 0.03210932324486407);
    CHECK(d.train[0].label == 1);

    s.problem = Problem::regression;
    s.perc_train_data = 50;
    SeedRandom rng2(s.seed);
    d = tfp_generate_data(s, rng2);
    CHECK(d.train.size() == 600);
    CHECK(d.test.size() == 600);
    CHECK_FALSE(tfp_has_dataset(Dataset::moons));
    CHECK(tfp_has_dataset(Dataset::reg_gauss));
}
