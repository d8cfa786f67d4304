// dataset.cpp: the data set generators and the seeded split. TensorFlow
// Playground's sets repeat its dataset.ts draw for draw and formula for formula,
// so only the random stream and det:: math set our numbers apart from theirs.
#include "engine/dataset.h"

#include "engine/detmath.h"
#include "engine/formula.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <optional>
#include <utility>

namespace nnplay {

namespace {

constexpr double kPi = std::numbers::pi;

// Size of group g when n points are dealt into k groups: the first n % k groups
// take one extra point, so every n yields exactly n points (TensorFlow
// Playground, looping i < n/2 in doubles, makes n + 1 points for odd n).
int group_size(int n, int k, int g) { return n / k + (g < n % k ? 1 : 0); }

// Points are generated in double and stored in float, like everything the
// network sees.
Point make_point(double x, double y, double label) {
    return {static_cast<float>(x), static_cast<float>(y), static_cast<float>(label)};
}

// Our own sets keep their Gaussian tails on the plane, so every point they make
// can be seen and lies where the heatmap is drawn. (TFP's gauss is left as it
// is, for comparability.)
double clamp_to_domain(double v) {
    return std::clamp(v, -static_cast<double>(kDomain), static_cast<double>(kDomain));
}

// TFP classifyCircleData: radius 5, inner disc r < 2.5 labelled 1, outer ring
// 3.5 ≤ r < 5 labelled 0. Noise moves the point the label is read at, not the
// stored point, so noise flips labels near the boundary.
void make_circle(int n, double noise, Rng& rng, std::vector<Point>& out) {
    const double radius = 5;
    for (int g = 0; g < 2; ++g) {
        const double r_lo = g == 0 ? 0.0 : radius * 0.7;
        const double r_hi = g == 0 ? radius * 0.5 : radius;
        for (int i = 0; i < group_size(n, 2, g); ++i) {
            double r = rng.uniform(r_lo, r_hi);
            double angle = rng.uniform(0, 2 * kPi);
            double x = r * det::sin(angle);
            double y = r * det::cos(angle);
            double nx = rng.uniform(-radius, radius) * noise;
            double ny = rng.uniform(-radius, radius) * noise;
            double lx = x + nx, ly = y + ny;
            bool inside = std::sqrt(lx * lx + ly * ly) < radius * 0.5;
            out.push_back(make_point(x, y, inside ? 1 : 0));
        }
    }
}

// The regression sets' draw, in TensorFlow Playground's order: a point uniform on the
// plane, then its noise offset (up to ±noise·kDomain per axis). Labels are read at the noised
// point (at_x, at_y); the point is stored where it was drawn.
struct NoisyPoint {
    double x, y, at_x, at_y;
};
NoisyPoint draw_noisy_point(double noise, Rng& rng) {
    const double r = kDomain;
    NoisyPoint p;
    p.x = rng.uniform(-r, r);
    p.y = rng.uniform(-r, r);
    p.at_x = p.x + rng.uniform(-r, r) * noise;
    p.at_y = p.y + rng.uniform(-r, r) * noise;
    return p;
}

// TFP classifyXORData: the 0.3 padding keeps clean points off the axes, where
// the label would flip under the smallest change.
void make_xor(int n, double noise, Rng& rng, std::vector<Point>& out) {
    const double padding = 0.3;
    for (int i = 0; i < n; ++i) {
        double x = rng.uniform(-5, 5);
        x += x > 0 ? padding : -padding;
        double y = rng.uniform(-5, 5);
        y += y > 0 ? padding : -padding;
        double nx = rng.uniform(-5, 5) * noise;
        double ny = rng.uniform(-5, 5) * noise;
        out.push_back(make_point(x, y, (x + nx) * (y + ny) >= 0 ? 1 : 0));
    }
}

// TFP classifyTwoGaussData: noise widens both clouds (variance 0.5 → 4, d3's
// linear scale written out) until they overlap; labels follow the cloud.
void make_gauss(int n, double noise, Rng& rng, std::vector<Point>& out) {
    const double t = noise / 0.5;
    const double variance = 0.5 * (1 - t) + 4 * t;
    const double sd = std::sqrt(variance);
    for (int g = 0; g < 2; ++g) {
        const double c = g == 0 ? 2 : -2;
        for (int i = 0; i < group_size(n, 2, g); ++i) {
            double x = rng.normal(c, sd);
            double y = rng.normal(c, sd);
            out.push_back(make_point(x, y, g == 0 ? 1 : 0));
        }
    }
}

// One spiral arm of m points, 1.75 turns out to radius 5, rotated by dT; the
// expressions keep TFP's evaluation order so the doubles round alike.
void make_spiral_arm(int m, double d_t, int label, double noise, Rng& rng,
                     std::vector<Point>& out) {
    for (int i = 0; i < m; ++i) {
        double r = static_cast<double>(i) / m * 5;
        double t = 1.75 * i / m * 2 * kPi + d_t;
        double x = r * det::sin(t) + rng.uniform(-1, 1) * noise;
        double y = r * det::cos(t) + rng.uniform(-1, 1) * noise;
        out.push_back(make_point(x, y, label));
    }
}

// Binary: TFP classifySpiralData (class 1 unrotated first, then class 0 turned
// by π). k ≥ 3: k arms evenly turned, arm c labelled c.
void make_spiral(int n, int k, double noise, Rng& rng, std::vector<Point>& out) {
    if (k == 2) {
        make_spiral_arm(group_size(n, 2, 0), 0, 1, noise, rng, out);
        make_spiral_arm(group_size(n, 2, 1), kPi, 0, noise, rng, out);
        return;
    }
    for (int c = 0; c < k; ++c)
        make_spiral_arm(group_size(n, k, c), 2 * kPi * c / k, c, noise, rng, out);
}

// Two interleaving half-moons, sklearn's make_moons shape: upper arc
// (cos t, sin t), lower arc (1 − cos t, ½ − sin t), t = U(0, π); the pair's
// box [−1, 2] × [−½, 1] is centred and scaled by 3, to [−4.5, 4.5] × [−2.25, 2.25].
// Upper moon labelled 1, lower 0. Noise is Gaussian jitter of the stored point,
// sd = 2·noise (up to 1 at 50 %, a third of the moons' radius), clamped to the plane.
void make_moons(int n, double noise, Rng& rng, std::vector<Point>& out) {
    const double scale = 3;
    const double sd = 2 * noise;
    for (int g = 0; g < 2; ++g) {
        for (int i = 0; i < group_size(n, 2, g); ++i) {
            double t = rng.uniform(0, kPi);
            double u = g == 0 ? det::cos(t) : 1 - det::cos(t);
            double v = g == 0 ? det::sin(t) : 0.5 - det::sin(t);
            double x = scale * (u - 0.5) + rng.normal(0, sd);
            double y = scale * (v - 0.25) + rng.normal(0, sd);
            out.push_back(make_point(clamp_to_domain(x), clamp_to_domain(y), g == 0 ? 1 : 0));
        }
    }
}

// A 4×4 board of 3×3 squares over the whole plane: x, y = U(−6, 6), label 1
// where floor(x/3) + floor(y/3) is even (so the square at the origin's upper
// right is 1, like xor's). Noise moves the point the label is read at by
// U(−2.5, 2.5)·noise per axis (up to ±1.25, under half a square).
void make_checkerboard(int n, double noise, Rng& rng, std::vector<Point>& out) {
    const double side = 3;
    for (int i = 0; i < n; ++i) {
        double x = rng.uniform(-kDomain, kDomain);
        double y = rng.uniform(-kDomain, kDomain);
        double nx = rng.uniform(-5, 5) * noise * 0.5;
        double ny = rng.uniform(-5, 5) * noise * 0.5;
        auto cell_x = static_cast<std::int64_t>(std::floor((x + nx) / side));
        auto cell_y = static_cast<std::int64_t>(std::floor((y + ny) / side));
        out.push_back(make_point(x, y, ((cell_x + cell_y) & 1) == 0 ? 1 : 0));
    }
}

// k Gaussian clusters, centres evenly on a circle of radius 3.5 starting at
// 45° (so k = 2 sits like gauss), blob c labelled c. Noise widens them:
// sd = 0.5 + 2·noise (0.5 → 1.5); points are clamped to the plane.
void make_blobs(int n, int k, double noise, Rng& rng, std::vector<Point>& out) {
    const double ring = 3.5;
    const double sd = 0.5 + 2 * noise;
    for (int c = 0; c < k; ++c) {
        double angle = 2 * kPi * c / k + kPi / 4;
        double cx = ring * det::cos(angle);
        double cy = ring * det::sin(angle);
        for (int i = 0; i < group_size(n, k, c); ++i) {
            double x = rng.normal(cx, sd);
            double y = rng.normal(cy, sd);
            out.push_back(make_point(clamp_to_domain(x), clamp_to_domain(y), c));
        }
    }
}

// k concentric rings, the multi-class circle: radii 0..5 cut into k bands of
// width w = 5/k; ring c draws r = U(c·w + 0.1w, c·w + 0.9w), the inner 80 % of
// its band, so clean rings have a gap of 0.2w between them. As in circle, noise
// offsets U(−5, 5)·noise move the point the label is read at: label = band of
// the noised radius, clamped to 0..k−1 (ring 0, the centre, is class 0).
void make_rings(int n, int k, double noise, Rng& rng, std::vector<Point>& out) {
    const double w = 5.0 / k;
    for (int c = 0; c < k; ++c) {
        for (int i = 0; i < group_size(n, k, c); ++i) {
            double r = rng.uniform(c * w + 0.1 * w, c * w + 0.9 * w);
            double angle = rng.uniform(0, 2 * kPi);
            double x = r * det::sin(angle);
            double y = r * det::cos(angle);
            double nx = rng.uniform(-5, 5) * noise;
            double ny = rng.uniform(-5, 5) * noise;
            double lx = x + nx, ly = y + ny;
            auto band = static_cast<int>(std::sqrt(lx * lx + ly * ly) / w);
            out.push_back(make_point(x, y, std::min(band, k - 1)));
        }
    }
}

// TFP regressPlane: label = d3 linear scale [−10, 10] → [−1, 1] of x + y, at
// the noised point, not clamped (so |label| reaches 1.2, or 1.8 at 50 % noise).
void make_reg_plane(int n, double noise, Rng& rng, std::vector<Point>& out) {
    for (int i = 0; i < n; ++i) {
        const NoisyPoint p = draw_noisy_point(noise, rng);
        double u = (p.at_x + p.at_y + 10) / 20;
        out.push_back(make_point(p.x, p.y, -1 * (1 - u) + 1 * u));
    }
}

// TFP regressGaussian: six signed bumps, each falling linearly from ±1 at its
// centre to 0 at distance 2; the label is the bump largest in absolute value
// (the first one on ties), read at the noised point.
void make_reg_gauss(int n, double noise, Rng& rng, std::vector<Point>& out) {
    const double bumps[6][3] = {{-4, 2.5, 1},  {0, 2.5, -1}, {4, 2.5, 1},
                                {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
    for (int i = 0; i < n; ++i) {
        const NoisyPoint p = draw_noisy_point(noise, rng);
        double label = 0;
        for (const auto& b : bumps) {
            double dx = p.at_x - b[0], dy = p.at_y - b[1];
            double u = std::clamp(std::sqrt(dx * dx + dy * dy) / 2, 0.0, 1.0);
            double cand = b[2] * (1 * (1 - u) + 0 * u);
            if (std::abs(cand) > std::abs(label)) label = cand;
        }
        out.push_back(make_point(p.x, p.y, label));
    }
}

// Formula data (dataset or regDataset = formula): points uniform on the plane and noised as
// the regression sets are; f(x1, x2) is read at the noised point. The cut points come from
// f on a 101×101 grid over the plane, so they belong to the formula, not to the sample.
// Classification, 2 classes: 1 where f > 0, else 0 (the sign of f). k classes: the grid's
// values of f, sorted, are cut at their k−1 quantiles into k bands of equal area; class c is
// the c-th band from the lowest f. Regression: the target is f/M with M the largest |f| on the
// grid when that is above 1 (else f as it is), clamped to [−1, 1]. Where f is not a finite
// number (log of a negative, 1/0) the class is 0 and the target 0.
void make_formula(const PlaygroundState& state, int n, int k, double noise, Rng& rng, std::vector<Point>& out) {
    const std::optional<Formula> f = Formula::compile(state.data_formula, FormulaVars::x1x2);
    if (!f) return;  // the state's readers refuse bad formulas; a hand-built state gets no points
    const bool regression = state.problem == Problem::regression;
    std::vector<double> grid;
    constexpr int kGrid = 101;
    for (int i = 0; i < kGrid; ++i)
        for (int j = 0; j < kGrid; ++j) {
            const double at[2] = {-kDomain + 2.0 * kDomain * j / (kGrid - 1), -kDomain + 2.0 * kDomain * i / (kGrid - 1)};
            const double v = f->eval(at);
            if (std::isfinite(v)) grid.push_back(v);
        }
    std::sort(grid.begin(), grid.end());
    double scale = 1;
    std::vector<double> cuts = {0.0};
    if (regression) {
        for (double v : grid) scale = std::max(scale, std::abs(v));
    } else if (k > 2) {
        cuts.clear();
        for (int c = 1; c < k; ++c)
            cuts.push_back(grid.empty() ? 0.0 : grid[grid.size() * std::size_t(c) / std::size_t(k)]);
    }
    for (int i = 0; i < n; ++i) {
        const NoisyPoint p = draw_noisy_point(noise, rng);
        const double at[2] = {p.at_x, p.at_y};
        const double v = f->eval(at);
        double label = 0;
        if (!std::isfinite(v)) label = 0;
        else if (regression) label = std::clamp(v / scale, -1.0, 1.0);
        else label = double(std::count_if(cuts.begin(), cuts.end(), [&](double cut) { return v > cut; }));
        out.push_back(make_point(p.x, p.y, label));
    }
}

}  // namespace

std::vector<Point> generate_points(const PlaygroundState& state, Rng& rng) {
    const Dataset dataset = state.active_dataset();
    if (dataset == Dataset::custom) return state.points;

    const int n = state.sample_count();
    const double noise = state.noise / 100.0;
    const int k = std::max(2, state.class_count());
    std::vector<Point> out;
    if (n <= 0) return out;
    out.reserve(static_cast<std::size_t>(n));
    switch (dataset) {
        case Dataset::circle: make_circle(n, noise, rng, out); break;
        case Dataset::xor_: make_xor(n, noise, rng, out); break;
        case Dataset::gauss: make_gauss(n, noise, rng, out); break;
        case Dataset::spiral: make_spiral(n, k, noise, rng, out); break;
        case Dataset::moons: make_moons(n, noise, rng, out); break;
        case Dataset::checkerboard: make_checkerboard(n, noise, rng, out); break;
        case Dataset::blobs: make_blobs(n, k, noise, rng, out); break;
        case Dataset::rings: make_rings(n, k, noise, rng, out); break;
        case Dataset::reg_plane: make_reg_plane(n, noise, rng, out); break;
        case Dataset::reg_gauss: make_reg_gauss(n, noise, rng, out); break;
        case Dataset::formula: make_formula(state, n, k, noise, rng, out); break;
        case Dataset::custom: break;  // handled above
    }
    return out;
}

void shuffle_points(std::vector<Point>& points, Rng& rng) {
    for (int i = static_cast<int>(points.size()) - 1; i >= 1; --i) {
        int j = rng.below(i + 1);
        std::swap(points[static_cast<std::size_t>(i)], points[static_cast<std::size_t>(j)]);
    }
}

DataSplit split_points(std::vector<Point> points, const PlaygroundState& state, Rng& rng) {
    DataSplit pinned;
    std::erase_if(points, [&](const Point& p) {
        switch (p.split) {
            case PointSplit::automatic: return false;
            case PointSplit::train: pinned.train.push_back(p); break;
            case PointSplit::val: pinned.val.push_back(p); break;
            case PointSplit::test: pinned.test.push_back(p); break;
        }
        return true;
    });
    shuffle_points(points, rng);
    const long long n = static_cast<long long>(points.size());
    // At least one training point, so a tiny set at 10 % still trains.
    long long n_train_total = std::min(n, std::max(1LL, n * state.perc_train_data / 100));
    // Validation comes out of the training share, never all of it.
    long long n_val = n_train_total * state.perc_val_data / 100;
    n_val = std::clamp(n_val, 0LL, std::max(0LL, n_train_total - 1));
    const auto train_end = points.begin() + (n_train_total - n_val);
    const auto val_end = points.begin() + n_train_total;

    DataSplit split;
    split.train.assign(points.begin(), train_end);
    split.val.assign(train_end, val_end);
    split.test.assign(val_end, points.end());
    split.train.insert(split.train.end(), pinned.train.begin(), pinned.train.end());
    split.val.insert(split.val.end(), pinned.val.begin(), pinned.val.end());
    split.test.insert(split.test.end(), pinned.test.begin(), pinned.test.end());
    return split;
}

std::vector<Point> pin_splits(const DataSplit& split) {
    std::vector<Point> points;
    points.reserve(split.train.size() + split.val.size() + split.test.size());
    auto add = [&](const std::vector<Point>& part, PointSplit where) {
        for (Point p : part) {
            p.split = where;
            points.push_back(p);
        }
    };
    add(split.train, PointSplit::train);
    add(split.val, PointSplit::val);
    add(split.test, PointSplit::test);
    return points;
}

std::vector<Point> unpin_splits(std::vector<Point> points) {
    for (Point& p : points) p.split = PointSplit::automatic;
    return points;
}

}  // namespace nnplay
