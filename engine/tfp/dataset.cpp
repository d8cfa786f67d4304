// tfp/dataset.cpp: the generators of TensorFlow Playground's src/dataset.ts,
// expression for expression (the order of floating-point operations is kept,
// so the points agree to the bit where the math functions do). d3's linear
// scales, which it uses for labels and the variance, are written out:
// t = (v − d0)/(d1 − d0), value = r0·(1 − t) + r1·t (d3 3.5's interpolation).
// sin, cos and log are detmath.h's (the same bits natively and in WASM); V8's
// may differ from them in a last bit. sqrt is exact everywhere.
#include "engine/tfp/dataset.h"

#include "engine/detmath.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace nnplay {

namespace {

constexpr double kPi = std::numbers::pi;  // Math.PI

double rand_uniform(SeedRandom& rng, double a, double b) { return rng.next() * (b - a) + a; }

// d3.scale.linear().domain([d0, d1]).range([r0, r1]), optionally clamped.
double linear_scale(double v, double d0, double d1, double r0, double r1, bool clamp = false) {
    double t = (v - d0) / (d1 - d0);
    if (clamp) t = std::max(0.0, std::min(1.0, t));
    return r0 * (1 - t) + r1 * t;
}

double dist(double ax, double ay, double bx, double by) {
    const double dx = ax - bx, dy = ay - by;
    return std::sqrt(dx * dx + dy * dy);
}

// Marsaglia's polar method, as their normalRandom(mean, variance).
double normal_random(SeedRandom& rng, double mean, double variance) {
    double v1, v2, s;
    do {
        v1 = 2 * rng.next() - 1;
        v2 = 2 * rng.next() - 1;
        s = v1 * v1 + v2 * v2;
    } while (s > 1);
    const double result = std::sqrt(-2 * det::log(s) / s) * v1;
    return mean + std::sqrt(variance) * result;
}

void circle(std::vector<TfpExample>& out, int n, double noise, SeedRandom& rng) {
    const double radius = 5;
    auto half = [&](double r_lo, double r_hi) {
        for (int i = 0; i < n / 2.0; ++i) {
            const double r = rand_uniform(rng, r_lo, r_hi);
            const double angle = rand_uniform(rng, 0, 2 * kPi);
            const double x = r * det::sin(angle), y = r * det::cos(angle);
            const double nx = rand_uniform(rng, -radius, radius) * noise;
            const double ny = rand_uniform(rng, -radius, radius) * noise;
            const double label = dist(x + nx, y + ny, 0, 0) < radius * 0.5 ? 1 : -1;
            out.push_back({x, y, label});
        }
    };
    half(0, radius * 0.5);            // inside: label 1 (without noise)
    half(radius * 0.7, radius);       // outside: label −1
}

void xor_(std::vector<TfpExample>& out, int n, double noise, SeedRandom& rng) {
    for (int i = 0; i < n; ++i) {
        const double padding = 0.3;
        double x = rand_uniform(rng, -5, 5);
        x += x > 0 ? padding : -padding;
        double y = rand_uniform(rng, -5, 5);
        y += y > 0 ? padding : -padding;
        const double nx = rand_uniform(rng, -5, 5) * noise;
        const double ny = rand_uniform(rng, -5, 5) * noise;
        out.push_back({x, y, (x + nx) * (y + ny) >= 0 ? 1.0 : -1.0});
    }
}

void gauss(std::vector<TfpExample>& out, int n, double noise, SeedRandom& rng) {
    const double variance = linear_scale(noise, 0, 0.5, 0.5, 4);
    auto blob = [&](double cx, double cy, double label) {
        for (int i = 0; i < n / 2.0; ++i) {
            const double x = normal_random(rng, cx, variance);
            const double y = normal_random(rng, cy, variance);
            out.push_back({x, y, label});
        }
    };
    blob(2, 2, 1);
    blob(-2, -2, -1);
}

void spiral(std::vector<TfpExample>& out, int num_samples, double noise, SeedRandom& rng) {
    const double n = num_samples / 2.0;
    auto arm = [&](double delta_t, double label) {
        for (int i = 0; i < n; ++i) {
            const double r = i / n * 5;
            const double t = 1.75 * i / n * 2 * kPi + delta_t;
            const double x = r * det::sin(t) + rand_uniform(rng, -1, 1) * noise;
            const double y = r * det::cos(t) + rand_uniform(rng, -1, 1) * noise;
            out.push_back({x, y, label});
        }
    };
    arm(0, 1);
    arm(kPi, -1);
}

// The regression data sets' point: x, y, then the noise offsets, in that draw order, all
// uniform on [−6, 6] (the offsets times noise).
struct RegPoint {
    double x, y, nx, ny;
};
RegPoint reg_point(double noise, SeedRandom& rng) {
    const double radius = 6;
    RegPoint p;
    p.x = rand_uniform(rng, -radius, radius);
    p.y = rand_uniform(rng, -radius, radius);
    p.nx = rand_uniform(rng, -radius, radius) * noise;
    p.ny = rand_uniform(rng, -radius, radius) * noise;
    return p;
}

void reg_plane(std::vector<TfpExample>& out, int n, double noise, SeedRandom& rng) {
    for (int i = 0; i < n; ++i) {
        const auto [x, y, nx, ny] = reg_point(noise, rng);
        out.push_back({x, y, linear_scale((x + nx) + (y + ny), -10, 10, -1, 1)});
    }
}

void reg_gauss(std::vector<TfpExample>& out, int n, double noise, SeedRandom& rng) {
    static constexpr double centres[6][3] = {{-4, 2.5, 1},  {0, 2.5, -1},  {4, 2.5, 1},
                                             {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
    for (int i = 0; i < n; ++i) {
        const auto [x, y, nx, ny] = reg_point(noise, rng);
        // The centre whose (signed) bump is largest in magnitude; the first on a tie.
        double label = 0;
        for (const auto& c : centres) {
            const double bump = linear_scale(dist(x + nx, y + ny, c[0], c[1]), 0, 2, 1, 0, true);
            const double candidate = c[2] * bump;
            if (std::fabs(candidate) > std::fabs(label)) label = candidate;
        }
        out.push_back({x, y, label});
    }
}

}  // namespace

bool tfp_has_dataset(Dataset dataset) {
    switch (dataset) {
        case Dataset::circle:
        case Dataset::xor_:
        case Dataset::gauss:
        case Dataset::spiral:
        case Dataset::reg_plane:
        case Dataset::reg_gauss: return true;
        default: return false;
    }
}

std::vector<TfpExample> tfp_generate(Dataset dataset, int num_samples, double noise, SeedRandom& rng) {
    std::vector<TfpExample> out;
    out.reserve(std::size_t(std::max(num_samples, 0)));
    switch (dataset) {
        case Dataset::circle: circle(out, num_samples, noise, rng); break;
        case Dataset::xor_: xor_(out, num_samples, noise, rng); break;
        case Dataset::gauss: gauss(out, num_samples, noise, rng); break;
        case Dataset::spiral: spiral(out, num_samples, noise, rng); break;
        case Dataset::reg_plane: reg_plane(out, num_samples, noise, rng); break;
        case Dataset::reg_gauss: reg_gauss(out, num_samples, noise, rng); break;
        default: break;
    }
    return out;
}

void tfp_shuffle(std::vector<TfpExample>& examples, SeedRandom& rng) {
    std::size_t counter = examples.size();
    while (counter > 0) {
        const auto index = std::size_t(std::floor(rng.next() * double(counter)));
        --counter;
        std::swap(examples[counter], examples[index]);
    }
}

TfpData tfp_generate_data(const PlaygroundState& state, SeedRandom& rng) {
    const bool regression = state.problem == Problem::regression;
    const int count = regression ? 1200 : 500;  // NUM_SAMPLES_REGRESS, NUM_SAMPLES_CLASSIFY
    std::vector<TfpExample> all = tfp_generate(state.active_dataset(), count, state.noise / 100.0, rng);
    tfp_shuffle(all, rng);
    const auto split = std::size_t(std::floor(double(all.size()) * state.perc_train_data / 100));
    TfpData data;
    data.train.assign(all.begin(), all.begin() + std::ptrdiff_t(std::min(split, all.size())));
    data.test.assign(all.begin() + std::ptrdiff_t(std::min(split, all.size())), all.end());
    return data;
}

}  // namespace nnplay
