// surface.h: the error surface, the loss over a 2D slice of weight space around the
// current weights, with the optimiser's recorded path projected onto it. Exact for a
// model with two weights; otherwise along two directions (Li et al. 2018 or PCA).
#pragma once

#include "engine/trainer.h"

#include <string>
#include <vector>

namespace nnplay {

// The weights of network 0 recorded after each epoch, at most `limit` of them: when
// full, every second one is dropped and from then on only every second epoch is kept,
// so a long run keeps an evenly spaced path in bounded memory.
class WeightPath {
public:
    explicit WeightPath(int limit = 200) : limit_(limit < 4 ? 4 : limit) {}
    void record(int epoch, const Network<Scalar>& net);
    void clear();
    int size() const { return int(epochs_.size()); }
    int epoch(int i) const { return epochs_[std::size_t(i)]; }
    const Vector& weights(int i) const { return weights_[std::size_t(i)]; }

private:
    int limit_;
    int stride_ = 1;  // epochs between kept records
    std::vector<int> epochs_;
    std::vector<Vector> weights_;
};

enum class SurfaceMethod {
    automatic,  // exact for two weights, else random
    exact,      // two weights themselves (the rest, biases too, held)
    random,     // filter-normalised random directions (Li et al. 2018), seeded
    pca,        // the top two principal directions of the recorded path
};
const char* name_of(SurfaceMethod);  // "automatic", "exact", "random", "pca"

struct SurfaceOptions {
    int size = 41;                       // grid cells per side, 3..201
    SurfaceMethod method = SurfaceMethod::automatic;
    int weight_a = -1, weight_b = -1;    // exact: the two parameter indices (-1: the only two weights)
};

// The grid: loss[i·size + j] at the weights origin + a_j·d1 + b_i·d2 (a along the
// columns, b along the rows, i = 0 at b_min). In exact mode d1, d2 are unit vectors
// and a, b are the two weights' own values.
struct Surface {
    std::string error;             // why no surface could be made ("" when fine)
    SurfaceMethod method = SurfaceMethod::random;
    std::string description;       // the directions used, in words
    int size = 0;
    double a_min = -1, a_max = 1, b_min = -1, b_max = 1;
    double a_now = 0, b_now = 0;   // where the current weights are
    int weight_a = -1, weight_b = -1;  // exact: the parameter indices
    Vector origin, d1, d2;         // (P) each
    std::vector<double> loss;      // size², NaN where not computed yet
    std::vector<double> path_a, path_b;  // the recorded path, projected
    std::vector<int> path_epoch;
    double loss_min = 0, loss_max = 0;  // over the cells computed so far (finite ones)

    double a_at(int j) const { return a_min + (a_max - a_min) * j / (size - 1); }
    double b_at(int i) const { return b_min + (b_max - b_min) * i / (size - 1); }
    // Where network 0's parameters `weights` fall on this slice, as the path's points are
    // placed: the page follows training on a surface it refreshes only now and then.
    void locate(const Vector& weights, double& a, double& b) const;
};

// Builds a surface a few cells at a time, so the page can spread it over frames.
// begin() picks the directions and the range (cheap); step() computes cells.
class SurfaceBuilder {
public:
    // Starts over for the trainer's network 0 now, its training points and `path`
    // (may be empty). The random directions are seeded from the state's seed.
    void begin(const Trainer& trainer, const WeightPath& path, const SurfaceOptions& options);
    // Computes up to `cells` more cells; returns true when the grid is complete.
    bool step(int cells);
    // Computes one chunk of the next cell's training points (kLossChunk of them, the last
    // the rest): a cell's loss over thousands of points through a big network costs tens of
    // ms, more than a frame can give. A cell is the same sum in the same order whichever way
    // it was computed (mean_loss's). Returns true when the grid is complete.
    bool step_chunk();
    bool done() const { return next_ >= surface_.size * surface_.size; }
    int cells_done() const { return next_; }
    const Surface& surface() const { return surface_; }

private:
    Surface surface_;
    Network<Scalar> net_;
    Workspace<Scalar> ws_;
    Matrix X_;
    Vector y_;
    int next_ = 0;
    int point_ = 0;       // the next cell's first point not yet summed
    double partial_ = 0;  // ... and the sum of its losses so far
};

// The whole surface at once (the CLI and the tests).
Surface compute_surface(const Trainer& trainer, const WeightPath& path, const SurfaceOptions& options);

}  // namespace nnplay
