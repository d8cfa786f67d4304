// test_dataset.cpp: every data set's size, class balance, extent and what its
// noise does, checked against the definitions in dataset.cpp; plus the seeded
// shuffle and the train/validation/test split.
#include "engine/dataset.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <string>
#include <tuple>
#include <vector>

using namespace nnplay;

namespace {

constexpr double kPi = std::numbers::pi;

PlaygroundState make_state(Dataset d, int n, int noise, int classes = 2) {
    PlaygroundState s;
    if (d == Dataset::reg_plane || d == Dataset::reg_gauss) {
        s.problem = Problem::regression;
        s.reg_dataset = d;
    } else {
        s.dataset = d;
    }
    s.num_samples = n;
    s.noise = noise;
    s.classes = classes;
    return s;
}

// The caller's contract: the data stream is derived from the seed as "data".
std::vector<Point> generate(const PlaygroundState& s, const std::string& seed = "nnplay") {
    Rng rng = Rng(seed).derive("data");
    return generate_points(s, rng);
}

int count_label(const std::vector<Point>& points, float label) {
    return static_cast<int>(
        std::count_if(points.begin(), points.end(), [&](const Point& p) { return p.label == label; }));
}

bool in_domain(const std::vector<Point>& points, double bound = 6.0) {
    return std::all_of(points.begin(), points.end(), [&](const Point& p) {
        return std::abs(p.x) <= bound && std::abs(p.y) <= bound;
    });
}

double radius(const Point& p) { return std::sqrt(double(p.x) * p.x + double(p.y) * p.y); }

bool same_positions(const std::vector<Point>& a, const std::vector<Point>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].x != b[i].x || a[i].y != b[i].y) return false;
    return true;
}

// Sample mean and standard deviation of one coordinate of one class.
std::pair<double, double> mean_sd(const std::vector<Point>& points, float label, bool use_x) {
    double sum = 0, sum2 = 0;
    int n = 0;
    for (const Point& p : points) {
        if (p.label != label) continue;
        double v = use_x ? p.x : p.y;
        sum += v;
        sum2 += v * v;
        ++n;
    }
    double mean = sum / n;
    return {mean, std::sqrt(sum2 / n - mean * mean)};
}

bool point_less(const Point& a, const Point& b) {
    return std::tie(a.x, a.y, a.label) < std::tie(b.x, b.y, b.label);
}

}  // namespace

TEST_CASE("dataset: circle labels by radius, noise flips labels but not points") {
    auto clean = generate(make_state(Dataset::circle, 500, 0));
    REQUIRE(clean.size() == 500);
    CHECK(count_label(clean, 1) == 250);
    CHECK(count_label(clean, 0) == 250);
    CHECK(in_domain(clean, 5.0));
    int bad = 0;
    for (std::size_t i = 0; i < clean.size(); ++i) {
        double r = radius(clean[i]);
        if (i < 250) bad += !(clean[i].label == 1 && r < 2.5 + 1e-5);
        else bad += !(clean[i].label == 0 && r >= 3.5 - 1e-5 && r < 5 + 1e-5);
    }
    CHECK(bad == 0);

    // Every draw happens at noise 0, so the same seed gives the same points;
    // noise only moves where the label is read.
    auto noisy = generate(make_state(Dataset::circle, 500, 50));
    CHECK(same_positions(clean, noisy));
    int flipped = 0;
    for (std::size_t i = 0; i < noisy.size(); ++i) flipped += noisy[i].label != clean[i].label;
    CHECK(flipped > 25);
    CHECK(flipped < 250);
}

TEST_CASE("dataset: xor labels by quadrant, padded off the axes") {
    auto clean = generate(make_state(Dataset::xor_, 500, 0));
    REQUIRE(clean.size() == 500);
    int bad = 0;
    for (const Point& p : clean) {
        bad += p.label != (double(p.x) * p.y >= 0 ? 1.0f : 0.0f);
        bad += !(std::abs(p.x) >= 0.3f && std::abs(p.x) <= 5.3f);
        bad += !(std::abs(p.y) >= 0.3f && std::abs(p.y) <= 5.3f);
    }
    CHECK(bad == 0);
    CHECK(count_label(clean, 1) > 200);
    CHECK(count_label(clean, 0) > 200);

    auto noisy = generate(make_state(Dataset::xor_, 500, 50));
    CHECK(same_positions(clean, noisy));
    int flipped = 0;
    for (const Point& p : noisy) flipped += p.label != (double(p.x) * p.y >= 0 ? 1.0f : 0.0f);
    CHECK(flipped > 25);
}

TEST_CASE("dataset: gauss clouds at (2, 2) and (-2, -2) widen with noise") {
    auto clean = generate(make_state(Dataset::gauss, 4000, 0));
    REQUIRE(clean.size() == 4000);
    CHECK(count_label(clean, 1) == 2000);
    CHECK(count_label(clean, 0) == 2000);
    CHECK(clean.front().label == 1);
    CHECK(clean.back().label == 0);
    CHECK(in_domain(clean));

    auto [mx1, sx1] = mean_sd(clean, 1, true);
    auto [my0, sy0] = mean_sd(clean, 0, false);
    CHECK(mx1 == doctest::Approx(2).epsilon(0.05));
    CHECK(my0 == doctest::Approx(-2).epsilon(0.05));
    CHECK(sx1 == doctest::Approx(std::sqrt(0.5)).epsilon(0.08));  // variance 0.5
    CHECK(sy0 == doctest::Approx(std::sqrt(0.5)).epsilon(0.08));

    auto noisy = generate(make_state(Dataset::gauss, 4000, 50));
    auto [nmx1, nsx1] = mean_sd(noisy, 1, true);
    CHECK(nmx1 == doctest::Approx(2).epsilon(0.1));
    CHECK(nsx1 == doctest::Approx(2.0).epsilon(0.08));  // variance 4
    auto [nmy0, nsy0] = mean_sd(noisy, 0, false);
    CHECK(nmy0 == doctest::Approx(-2).epsilon(0.1));
    CHECK(nsy0 == doctest::Approx(2.0).epsilon(0.08));
}

TEST_CASE("dataset: binary spiral follows TensorFlow Playground's arms") {
    auto clean = generate(make_state(Dataset::spiral, 500, 0));
    REQUIRE(clean.size() == 500);
    CHECK(count_label(clean, 1) == 250);
    CHECK(count_label(clean, 0) == 250);
    int bad = 0;
    for (int i = 0; i < 250; ++i) {
        double r = i / 250.0 * 5;
        double t = 1.75 * i / 250.0 * 2 * kPi;
        const Point& a = clean[static_cast<std::size_t>(i)];        // class 1, dT = 0
        const Point& b = clean[static_cast<std::size_t>(250 + i)];  // class 0, dT = π
        bad += a.label != 1 || b.label != 0;
        bad += std::abs(a.x - r * std::sin(t)) > 1e-5 || std::abs(a.y - r * std::cos(t)) > 1e-5;
        bad += std::abs(b.x + r * std::sin(t)) > 1e-5 || std::abs(b.y + r * std::cos(t)) > 1e-5;
    }
    CHECK(bad == 0);

    // Noise adds U(−1, 1)·noise per axis: at most 0.5 at 50 %.
    auto noisy = generate(make_state(Dataset::spiral, 500, 50));
    double max_shift = 0;
    for (std::size_t i = 0; i < noisy.size(); ++i) {
        CHECK(noisy[i].label == clean[i].label);
        max_shift = std::max({max_shift, double(std::abs(noisy[i].x - clean[i].x)),
                              double(std::abs(noisy[i].y - clean[i].y))});
    }
    CHECK(max_shift <= 0.5 + 1e-6);
    CHECK(max_shift > 0.4);
    CHECK(in_domain(noisy, 5.5));
}

TEST_CASE("dataset: multi-class spiral has k evenly turned arms") {
    for (int k = 3; k <= 6; ++k) {
        CAPTURE(k);
        auto points = generate(make_state(Dataset::spiral, 500, 0, k));
        REQUIRE(points.size() == 500);
        std::size_t start = 0;
        for (int c = 0; c < k; ++c) {
            int m = 500 / k + (c < 500 % k ? 1 : 0);  // remainder to the first arms
            CHECK(count_label(points, float(c)) == m);
            // Arm c starts at its own start index; its point i sits at angle
            // 1.75·2π·i/m + 2πc/k, radius 5i/m.
            int bad = 0;
            for (int i = 0; i < m; ++i) {
                const Point& p = points[start + static_cast<std::size_t>(i)];
                double r = 5.0 * i / m, t = 1.75 * 2 * kPi * i / m + 2 * kPi * c / k;
                bad += p.label != float(c);
                bad += std::abs(p.x - r * std::sin(t)) > 1e-5 || std::abs(p.y - r * std::cos(t)) > 1e-5;
            }
            CHECK(bad == 0);
            start += static_cast<std::size_t>(m);
        }
    }
}

TEST_CASE("dataset: moons lie on two interleaved arcs, jitter with noise") {
    auto clean = generate(make_state(Dataset::moons, 500, 0));
    REQUIRE(clean.size() == 500);
    CHECK(count_label(clean, 1) == 250);
    CHECK(count_label(clean, 0) == 250);
    int bad = 0;
    float min_x = 0, max_x = 0;
    for (const Point& p : clean) {
        // Upper moon: circle of radius 3 about (−1.5, −0.75), upper half;
        // lower moon: about (1.5, 0.75), lower half.
        double cx = p.label == 1 ? -1.5 : 1.5, cy = p.label == 1 ? -0.75 : 0.75;
        double d = std::hypot(p.x - cx, p.y - cy);
        bad += std::abs(d - 3) > 1e-5;
        bad += p.label == 1 ? p.y < cy - 1e-5 : p.y > cy + 1e-5;
        min_x = std::min(min_x, p.x);
        max_x = std::max(max_x, p.x);
    }
    CHECK(bad == 0);
    CHECK(min_x < -4.3f);  // the pair spans [−4.5, 4.5]
    CHECK(max_x > 4.3f);
    CHECK(min_x >= -4.5f - 1e-5f);
    CHECK(max_x <= 4.5f + 1e-5f);

    auto noisy = generate(make_state(Dataset::moons, 500, 50));
    CHECK(in_domain(noisy));
    int off_arc = 0;
    for (const Point& p : noisy) {
        double cx = p.label == 1 ? -1.5 : 1.5, cy = p.label == 1 ? -0.75 : 0.75;
        off_arc += std::abs(std::hypot(p.x - cx, p.y - cy) - 3) > 0.5;
    }
    CHECK(off_arc > 50);
}

TEST_CASE("dataset: checkerboard labels by square parity over the whole plane") {
    auto clean = generate(make_state(Dataset::checkerboard, 2000, 0));
    REQUIRE(clean.size() == 2000);
    CHECK(in_domain(clean));
    int bad = 0;
    std::map<std::pair<int, int>, int> squares;
    for (const Point& p : clean) {
        int sx = static_cast<int>(std::floor(p.x / 3.0)), sy = static_cast<int>(std::floor(p.y / 3.0));
        squares[{sx, sy}]++;
        bad += p.label != (((sx + sy) % 2 == 0) ? 1.0f : 0.0f);
    }
    CHECK(bad == 0);
    CHECK(squares.size() == 16);  // a 4×4 board, every square used
    // By hand: the square [0, 3)² is blue (1) like xor's first quadrant, its
    // left neighbour [−3, 0) × [0, 3) orange (0).
    int hand_bad = 0;
    for (const Point& p : clean) {
        if (p.y > 0 && p.y < 3 && p.x > 0 && p.x < 3) hand_bad += p.label != 1;
        if (p.y > 0 && p.y < 3 && p.x > -3 && p.x < 0) hand_bad += p.label != 0;
    }
    CHECK(hand_bad == 0);
    CHECK(count_label(clean, 1) > 800);
    CHECK(count_label(clean, 0) > 800);

    auto noisy = generate(make_state(Dataset::checkerboard, 2000, 50));
    CHECK(same_positions(clean, noisy));
    int flipped = 0;
    for (std::size_t i = 0; i < noisy.size(); ++i) flipped += noisy[i].label != clean[i].label;
    CHECK(flipped > 100);
    CHECK(flipped < 1000);
}

TEST_CASE("dataset: blobs put k clusters on a circle of radius 3.5") {
    for (int k = 2; k <= 6; ++k) {
        CAPTURE(k);
        auto clean = generate(make_state(Dataset::blobs, 600, 0, k));
        auto noisy = generate(make_state(Dataset::blobs, 600, 50, k));
        REQUIRE(clean.size() == 600);
        REQUIRE(noisy.size() == 600);
        CHECK(in_domain(noisy));
        for (int c = 0; c < k; ++c) {
            CAPTURE(c);
            CHECK(count_label(clean, float(c)) == 600 / k);
            double angle = 2 * kPi * c / k + kPi / 4;
            auto [mx, sx] = mean_sd(clean, float(c), true);
            auto [my, sy] = mean_sd(clean, float(c), false);
            CHECK(std::abs(mx - 3.5 * std::cos(angle)) < 0.2);
            CHECK(std::abs(my - 3.5 * std::sin(angle)) < 0.2);
            CHECK(sx == doctest::Approx(0.5).epsilon(0.25));
            CHECK(sy == doctest::Approx(0.5).epsilon(0.25));
            // sd 1.5 at 50 % (a little less after clamping to the plane)
            CHECK(mean_sd(noisy, float(c), true).second > 1.1);
        }
    }
}

TEST_CASE("dataset: rings are k bands with gaps, noise relabels by noised radius") {
    for (int k = 2; k <= 6; ++k) {
        CAPTURE(k);
        auto clean = generate(make_state(Dataset::rings, 600, 0, k));
        REQUIRE(clean.size() == 600);
        CHECK(in_domain(clean, 5.0));
        const double w = 5.0 / k;
        int bad = 0;
        for (const Point& p : clean) {
            double r = radius(p), c = p.label;
            bad += r < c * w + 0.1 * w - 1e-5 || r > c * w + 0.9 * w + 1e-5;
        }
        CHECK(bad == 0);
        for (int c = 0; c < k; ++c) CHECK(count_label(clean, float(c)) == 600 / k);

        auto noisy = generate(make_state(Dataset::rings, 600, 50, k));
        CHECK(same_positions(clean, noisy));
        int flipped = 0, out_of_range = 0;
        for (std::size_t i = 0; i < noisy.size(); ++i) {
            flipped += noisy[i].label != clean[i].label;
            out_of_range += noisy[i].label < 0 || noisy[i].label > k - 1;
        }
        CHECK(flipped > 30);
        CHECK(out_of_range == 0);
    }
}

TEST_CASE("dataset: reg-plane label is (x + y)/10, unclamped as in TensorFlow Playground") {
    auto state = make_state(Dataset::reg_plane, 0, 0);
    auto clean = generate(state);
    REQUIRE(clean.size() == 1200);  // the regression default
    CHECK(in_domain(clean));
    int bad = 0, beyond_one = 0;
    for (const Point& p : clean) {
        bad += std::abs(p.label - (double(p.x) + p.y) / 10) > 1e-5;
        bad += std::abs(p.label) > 1.2f + 1e-5f;
        beyond_one += std::abs(p.label) > 1;
    }
    CHECK(bad == 0);
    CHECK(beyond_one > 0);  // corners where x + y > 10: TFP does not clamp

    auto noisy = generate(make_state(Dataset::reg_plane, 0, 50));
    CHECK(same_positions(clean, noisy));
    int moved = 0, too_far = 0;
    for (const Point& p : noisy) {
        moved += std::abs(p.label - (double(p.x) + p.y) / 10) > 0.1;
        too_far += std::abs(p.label) > 1.8f + 1e-5f;
    }
    CHECK(moved > 300);
    CHECK(too_far == 0);
}

TEST_CASE("dataset: reg-gauss takes the strongest of six signed bumps") {
    auto clean = generate(make_state(Dataset::reg_gauss, 0, 0));
    REQUIRE(clean.size() == 1200);
    CHECK(in_domain(clean));
    const double bumps[6][3] = {{-4, 2.5, 1},  {0, 2.5, -1}, {4, 2.5, 1},
                                {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
    int bad = 0, zeros = 0, positive = 0, negative = 0;
    for (const Point& p : clean) {
        // The nearest bump's value, sign·(1 − d/2), or 0 beyond distance 2
        // (bumps are 4 apart, so at equal distance the first in order wins).
        double best = 0;
        for (const auto& b : bumps) {
            double d = std::hypot(p.x - b[0], p.y - b[1]);
            double v = d >= 2 ? 0 : b[2] * (1 - d / 2);
            if (std::abs(v) > std::abs(best)) best = v;
        }
        bad += std::abs(p.label - best) > 1e-5;
        bad += std::abs(p.label) > 1;
        zeros += p.label == 0;
        positive += p.label > 0.5f;
        negative += p.label < -0.5f;
    }
    CHECK(bad == 0);
    CHECK(zeros > 100);
    CHECK(positive > 20);
    CHECK(negative > 20);

    auto noisy = generate(make_state(Dataset::reg_gauss, 0, 50));
    CHECK(same_positions(clean, noisy));
    int changed = 0;
    for (std::size_t i = 0; i < noisy.size(); ++i)
        changed += std::abs(noisy[i].label - clean[i].label) > 0.1;
    CHECK(changed > 100);
}

TEST_CASE("dataset: custom points are returned as they are") {
    auto state = make_state(Dataset::custom, 500, 30);
    CHECK(generate(state).empty());
    state.points = {{1.5f, -2.0f, 1.0f}, {-3.0f, 4.0f, 0.0f}, {0.0f, 0.0f, 2.0f}};
    CHECK(generate(state) == state.points);
}

TEST_CASE("dataset: sizes are exact, defaults follow the problem") {
    CHECK(generate(make_state(Dataset::circle, 0, 0)).size() == 500);
    CHECK(generate(make_state(Dataset::reg_gauss, 0, 0)).size() == 1200);
    const Dataset all[] = {Dataset::circle, Dataset::xor_,  Dataset::gauss,     Dataset::spiral,
                           Dataset::moons,  Dataset::checkerboard, Dataset::blobs, Dataset::rings,
                           Dataset::reg_plane, Dataset::reg_gauss};
    for (Dataset d : all) {
        for (int n : {10, 11, 97}) {
            for (int k : {2, 3, 5}) {
                CAPTURE(static_cast<int>(d));
                CAPTURE(n);
                CAPTURE(k);
                CHECK(generate(make_state(d, n, 20, k)).size() == static_cast<std::size_t>(n));
            }
        }
    }
}

TEST_CASE("dataset: the same seed gives the same points, another seed others") {
    struct Case { Dataset d; int classes; };
    const Case cases[] = {{Dataset::circle, 2}, {Dataset::xor_, 2},  {Dataset::gauss, 2},
                          {Dataset::spiral, 2}, {Dataset::spiral, 4}, {Dataset::moons, 2},
                          {Dataset::checkerboard, 2}, {Dataset::blobs, 5}, {Dataset::rings, 3},
                          {Dataset::reg_plane, 2}, {Dataset::reg_gauss, 2}};
    for (const Case& c : cases) {
        CAPTURE(static_cast<int>(c.d));
        auto state = make_state(c.d, 200, 25, c.classes);
        auto a = generate(state, "0.80725");
        auto b = generate(state, "0.80725");
        auto other = generate(state, "0.80726");
        CHECK(a == b);
        CHECK(a != other);
    }
}

TEST_CASE("dataset: shuffle_points is a uniform Fisher–Yates permutation") {
    std::vector<Point> points;
    for (int i = 0; i < 100; ++i) points.push_back({float(i), float(-i), float(i % 3)});
    auto shuffled = points;
    Rng rng("shuffle");
    shuffle_points(shuffled, rng);
    CHECK(shuffled != points);
    auto sorted = shuffled;
    std::sort(sorted.begin(), sorted.end(), point_less);
    auto expected = points;
    std::sort(expected.begin(), expected.end(), point_less);
    CHECK(sorted == expected);

    Rng again("shuffle");
    auto replay = points;
    shuffle_points(replay, again);
    CHECK(replay == shuffled);

    // All 6 orders of three points, each about 1/6 of the time: an
    // off-by-one (j < i instead of j ≤ i) would give only the 2 cyclic ones.
    std::map<std::vector<float>, int> orders;
    Rng many("orders");
    for (int t = 0; t < 6000; ++t) {
        std::vector<Point> three = {{0, 0, 0}, {1, 0, 0}, {2, 0, 0}};
        shuffle_points(three, many);
        orders[{three[0].x, three[1].x, three[2].x}]++;
    }
    CHECK(orders.size() == 6);
    for (const auto& [order, count] : orders) CHECK(std::abs(count - 1000) < 150);

    std::vector<Point> empty, one = {{1, 2, 3}};
    shuffle_points(empty, many);
    shuffle_points(one, many);
    CHECK(empty.empty());
    CHECK(one == std::vector<Point>{{1, 2, 3}});
}

TEST_CASE("dataset: split sizes follow perc_train_data and perc_val_data") {
    struct Case { int n, train_perc, val_perc, train, val, test; };
    const Case cases[] = {
        {500, 50, 0, 250, 0, 250},   // TFP's default
        {500, 10, 40, 30, 20, 450},  // train share 50, 20 of it held out
        {500, 90, 25, 338, 112, 50}, // share 450, val floor(112.5)
        {1200, 70, 10, 756, 84, 360},
        {10, 10, 40, 1, 0, 9},       // share 1: validation never takes the last one
        {1, 10, 0, 1, 0, 0},         // at least one training point
        {3, 50, 40, 1, 0, 2},
        {0, 50, 20, 0, 0, 0},
    };
    for (const Case& c : cases) {
        CAPTURE(c.n);
        CAPTURE(c.train_perc);
        CAPTURE(c.val_perc);
        std::vector<Point> points;
        for (int i = 0; i < c.n; ++i) points.push_back({float(i), 0, float(i % 2)});
        PlaygroundState state;
        state.perc_train_data = c.train_perc;
        state.perc_val_data = c.val_perc;
        Rng rng("split");
        DataSplit s = split_points(points, state, rng);
        CHECK(s.train.size() == static_cast<std::size_t>(c.train));
        CHECK(s.val.size() == static_cast<std::size_t>(c.val));
        CHECK(s.test.size() == static_cast<std::size_t>(c.test));

        // Together they are the input, each point once.
        std::vector<Point> all = s.train;
        all.insert(all.end(), s.val.begin(), s.val.end());
        all.insert(all.end(), s.test.begin(), s.test.end());
        std::sort(all.begin(), all.end(), point_less);
        CHECK(all == points);
    }
}

TEST_CASE("dataset: split shuffles first, deterministically") {
    std::vector<Point> points;
    for (int i = 0; i < 500; ++i) points.push_back({float(i), 0, 0});
    PlaygroundState state;  // 50 % train, no validation
    Rng rng_a("nnplay"), rng_b("nnplay"), rng_c("other");
    DataSplit a = split_points(points, state, rng_a);
    DataSplit b = split_points(points, state, rng_b);
    DataSplit c = split_points(points, state, rng_c);
    CHECK(a.train == b.train);
    CHECK(a.test == b.test);
    CHECK(a.train != c.train);
    // Not the first half in order: points from the second half reach training.
    int from_second_half = 0;
    for (const Point& p : a.train) from_second_half += p.x >= 250;
    CHECK(from_second_half > 75);
    CHECK(from_second_half < 175);
}

TEST_CASE("dataset: validation is the end of the training share") {
    std::vector<Point> points;
    for (int i = 0; i < 200; ++i) points.push_back({float(i), 1, 0});
    PlaygroundState no_val, with_val;
    no_val.perc_train_data = with_val.perc_train_data = 60;
    with_val.perc_val_data = 25;
    Rng rng_a("split"), rng_b("split");
    DataSplit a = split_points(points, no_val, rng_a);
    DataSplit b = split_points(points, with_val, rng_b);
    REQUIRE(a.train.size() == 120);
    REQUIRE(b.train.size() == 90);
    REQUIRE(b.val.size() == 30);
    // Same shuffle: b's training points are a's first 90, its validation
    // points a's last 30, and the test points do not move.
    CHECK(std::equal(b.train.begin(), b.train.end(), a.train.begin()));
    CHECK(std::equal(b.val.begin(), b.val.end(), a.train.begin() + 90));
    CHECK(b.test == a.test);
}

// The page pins a drawn set's split (pin_splits) so that an edit never reshuffles it.
TEST_CASE("dataset: pinned points keep their split when points are added or removed") {
    std::vector<Point> generated;
    for (int i = 0; i < 300; ++i) generated.push_back({float(i) / 50 - 3, float(i % 7) - 3, float(i % 2)});
    PlaygroundState state;
    state.perc_train_data = 60;
    state.perc_val_data = 20;
    Rng rng("nnplay");
    const DataSplit first = split_points(generated, state, rng);

    // Pinned, the same split comes back whatever the generator draws.
    std::vector<Point> pinned = pin_splits(first);
    REQUIRE(pinned.size() == 300);
    auto untagged = [](std::vector<Point> part) { return unpin_splits(std::move(part)); };
    auto same_parts = [&](const DataSplit& a, const DataSplit& b) {
        CHECK(untagged(a.train) == untagged(b.train));
        CHECK(untagged(a.val) == untagged(b.val));
        CHECK(untagged(a.test) == untagged(b.test));
    };
    Rng other("another seed");
    same_parts(split_points(pinned, state, other), first);

    // A drawn training point and a drawn test point: every other point stays in its
    // part and in its place; the new ones go to the part they were drawn to.
    std::vector<Point> drawn = pinned;
    drawn.push_back({1.25f, -2.5f, 1, PointSplit::train});
    drawn.push_back({-4, 4, 0, PointSplit::test});
    Rng r1("nnplay");
    const DataSplit added = split_points(drawn, state, r1);
    REQUIRE(added.train.size() == first.train.size() + 1);
    REQUIRE(added.val.size() == first.val.size());
    REQUIRE(added.test.size() == first.test.size() + 1);
    CHECK(std::equal(first.train.begin(), first.train.end(), added.train.begin(),
                     [](const Point& a, const Point& b) { return a.x == b.x && a.y == b.y && a.label == b.label; }));
    CHECK(added.train.back() == Point{1.25f, -2.5f, 1, PointSplit::train});
    CHECK(added.test.back() == Point{-4, 4, 0, PointSplit::test});
    CHECK(untagged(added.val) == untagged(first.val));

    // Removing one point of each part removes just it.
    std::vector<Point> removed = pinned;
    const Point gone_train = pin_splits(first)[5];
    const Point gone_test = pinned.back();
    std::erase(removed, gone_train);
    std::erase(removed, gone_test);
    Rng r2("nnplay");
    const DataSplit fewer = split_points(removed, state, r2);
    std::vector<Point> expect_train = first.train, expect_test = first.test;
    expect_train.erase(expect_train.begin() + 5);
    expect_test.pop_back();
    CHECK(untagged(fewer.train) == untagged(expect_train));
    CHECK(untagged(fewer.val) == untagged(first.val));
    CHECK(untagged(fewer.test) == untagged(expect_test));

    // Unpinned, the seeded split decides again: the same as the generated set's.
    Rng r3("nnplay");
    same_parts(split_points(unpin_splits(pinned), state, r3),
               [&] { Rng again("nnplay"); return split_points(unpin_splits(pin_splits(first)), state, again); }());
}

TEST_CASE("dataset: all-automatic points split as before pins existed") {
    // Automatic and pinned points mixed: the automatic ones are split exactly as
    // they would be alone, the pinned ones are added to their parts.
    std::vector<Point> autos;
    for (int i = 0; i < 100; ++i) autos.push_back({float(i) / 20 - 2.5f, 1, float(i % 2)});
    PlaygroundState state;
    Rng a("s");
    const DataSplit alone = split_points(autos, state, a);
    CHECK(alone.train.size() == 50);
    std::vector<Point> mixed = autos;
    mixed.insert(mixed.begin() + 30, Point{0, 0, 1, PointSplit::test});
    mixed.insert(mixed.begin() + 60, Point{0, 1, 0, PointSplit::train});
    Rng b("s");
    const DataSplit both = split_points(mixed, state, b);
    REQUIRE(both.train.size() == 51);
    REQUIRE(both.test.size() == 51);
    CHECK(std::equal(alone.train.begin(), alone.train.end(), both.train.begin()));
    CHECK(std::equal(alone.test.begin(), alone.test.end(), both.test.begin()));
    CHECK(both.train.back() == Point{0, 1, 0, PointSplit::train});
    CHECK(both.test.back() == Point{0, 0, 1, PointSplit::test});
}
