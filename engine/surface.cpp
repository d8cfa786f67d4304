// surface.cpp: the error surface: directions (exact, filter-normalised random, or the
// principal directions of the path), the range that holds the path, and the grid of
// mean training losses, computed a few cells at a time.
#include "engine/surface.h"

#include "engine/rng.h"
#include "engine/training_set.h"

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>

namespace nnplay {

void WeightPath::record(int epoch, const Network<Scalar>& net) {
    if (!epochs_.empty() && (epoch <= epochs_.back() || weights_.back().size() != net.params().size())) clear();
    if (!epochs_.empty() && epoch - epochs_.back() < stride_) return;
    epochs_.push_back(epoch);
    weights_.push_back(net.params());
    if (int(epochs_.size()) > limit_) {
        // Keep every second record (the first always): evenly spaced, half the memory.
        std::size_t kept = 0;
        for (std::size_t i = 0; i < epochs_.size(); i += 2, ++kept) {
            epochs_[kept] = epochs_[i];
            weights_[kept] = std::move(weights_[i]);
        }
        epochs_.resize(kept);
        weights_.resize(kept);
        stride_ *= 2;
    }
}

void WeightPath::clear() {
    epochs_.clear();
    weights_.clear();
    stride_ = 1;
}

const char* name_of(SurfaceMethod m) {
    switch (m) {
        case SurfaceMethod::automatic: return "automatic";
        case SurfaceMethod::exact: return "exact";
        case SurfaceMethod::random: return "random";
        case SurfaceMethod::pca: return "pca";
    }
    return "?";
}

namespace {

// Index of W(0,0) of each layer in the flat parameter buffer.
std::vector<int> weight_offsets(const Network<Scalar>& net) {
    std::vector<int> offsets;
    for (int l = 0; l < net.layer_count(); ++l) offsets.push_back(int(net.layer(l).W - net.params().data()));
    return offsets;
}

// Least-squares coordinates (a, b) of v in the plane of d1, d2 (not necessarily orthogonal).
void project(const Vector& v, const Vector& d1, const Vector& d2, double& a, double& b) {
    const double p = d1.cast<double>().squaredNorm(), q = d1.cast<double>().dot(d2.cast<double>());
    const double r = d2.cast<double>().squaredNorm();
    const double u = d1.cast<double>().dot(v.cast<double>()), w = d2.cast<double>().dot(v.cast<double>());
    const double det = p * r - q * q;
    if (!(std::abs(det) > 1e-300)) {
        a = p > 0 ? u / p : 0;
        b = 0;
        return;
    }
    a = (r * u - q * w) / det;
    b = (p * w - q * u) / det;
}

// A random direction with each neuron's incoming weights scaled to the norm of that
// neuron's weights (Li et al.'s filter normalisation), biases 0.
Vector filter_normalised(const Network<Scalar>& net, Rng& rng) {
    Vector d = Vector::Zero(net.params().size());
    const std::vector<int> offsets = weight_offsets(net);
    for (int l = 0; l < net.layer_count(); ++l) {
        const DenseLayer<Scalar>& layer = net.layer(l);
        const int base = offsets[std::size_t(l)];
        for (int to = 0; to < layer.out; ++to) {
            double wn = 0, dn = 0;
            for (int from = 0; from < layer.in; ++from) {
                const int k = base + from * layer.out + to;
                d[k] = Scalar(rng.normal(0, 1));
                wn += double(net.params()[k]) * double(net.params()[k]);
                dn += double(d[k]) * double(d[k]);
            }
            // A neuron whose weights are all 0 keeps a unit-scale direction: the slice
            // must still move it.
            const double scale = wn > 0 && dn > 0 ? std::sqrt(wn / dn) : 1.0;
            for (int from = 0; from < layer.in; ++from) {
                const int k = base + from * layer.out + to;
                d[k] = Scalar(double(d[k]) * scale);
            }
        }
    }
    return d;
}

}  // namespace

void SurfaceBuilder::begin(const Trainer& trainer, const WeightPath& path, const SurfaceOptions& options) {
    surface_ = Surface{};
    next_ = point_ = 0;
    partial_ = 0;
    Surface& s = surface_;
    s.size = std::clamp(options.size, 3, 201);
    net_ = trainer.network(0);
    ws_ = {};
    const int P = int(net_.params().size());
    auto fail = [&](std::string why) {
        s.error = std::move(why);
        s.size = 0;
        s.loss.clear();
    };
    if (net_.spec().output == Output::step) return fail("the perceptron's step output has no smooth loss to draw");
    if (trainer.data().train.empty()) return fail("there are no training points");
    points_matrix(trainer, trainer.data().train, X_, y_);

    int weights = 0;
    for (int l = 0; l < net_.layer_count(); ++l) weights += net_.layer(l).in * net_.layer(l).out;
    s.method = options.method;
    if (s.method == SurfaceMethod::automatic)
        s.method = weights == 2 || options.weight_a >= 0 ? SurfaceMethod::exact : SurfaceMethod::random;

    s.origin = net_.params();
    std::vector<double> pa(std::size_t(path.size())), pb(std::size_t(path.size()));
    if (s.method == SurfaceMethod::exact) {
        int wa = options.weight_a, wb = options.weight_b;
        if (wa < 0 || wb < 0) {
            if (weights != 2)
                return fail("an exact surface needs two chosen weights: this network has " +
                            std::to_string(weights));
            const std::vector<int> offsets = weight_offsets(net_);
            wa = offsets[0];
            wb = offsets[0] + 1;
        }
        if (wa >= P || wb >= P || wa == wb)
            return fail("the two weights must be different parameters in 0.." + std::to_string(P - 1));
        s.weight_a = wa;
        s.weight_b = wb;
        s.d1 = Vector::Zero(P);
        s.d2 = Vector::Zero(P);
        s.d1[wa] = 1;
        s.d2[wb] = 1;
        s.a_now = s.origin[wa];
        s.b_now = s.origin[wb];
        s.origin[wa] = 0;  // so that weights = origin + a·d1 + b·d2 with a, b the weights themselves
        s.origin[wb] = 0;
        for (int i = 0; i < path.size(); ++i) {
            pa[std::size_t(i)] = path.weights(i)[wa];
            pb[std::size_t(i)] = path.weights(i)[wb];
        }
        s.description = "exact: parameters " + std::to_string(wa) + " and " + std::to_string(wb) +
                        ", every other parameter held at its value";
    } else if (s.method == SurfaceMethod::random) {
        Rng rng = Rng(trainer.state().seed).derive("surface");
        s.d1 = filter_normalised(net_, rng);
        s.d2 = filter_normalised(net_, rng);
        s.description = "random: two filter-normalised Gaussian directions (Li et al. 2018), seeded; biases held";
    } else {
        if (path.size() < 3) return fail("the principal directions need a recorded path of at least 3 epochs: train first");
        // The principal directions of the path's offsets from the current weights, from
        // the small n×n Gram matrix rather than a P×P covariance.
        const int n = path.size();
        Eigen::MatrixXd M(n, P);
        for (int i = 0; i < n; ++i) M.row(i) = (path.weights(i) - s.origin).cast<double>().transpose();
        const Eigen::MatrixXd G = M * M.transpose();
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(G);
        const Eigen::VectorXd values = eig.eigenvalues();  // ascending
        const double total = std::max(values.sum(), 0.0);
        if (!(values[n - 1] > 1e-20) || !(values[n - 2] > 1e-20 * values[n - 1]))
            return fail("the recorded path does not span two directions (has the network moved?)");
        Eigen::VectorXd e1 = M.transpose() * eig.eigenvectors().col(n - 1);
        Eigen::VectorXd e2 = M.transpose() * eig.eigenvectors().col(n - 2);
        s.d1 = (e1 / e1.norm()).cast<Scalar>();
        s.d2 = (e2 / e2.norm()).cast<Scalar>();
        const double share = total > 0 ? 100.0 * (values[n - 1] + values[n - 2]) / total : 0;
        s.description = "pca: the top two principal directions of the path (" +
                        std::to_string(int(std::lround(share))) + "% of its variance)";
    }
    if (s.method != SurfaceMethod::exact)
        for (int i = 0; i < path.size(); ++i)
            project(path.weights(i) - s.origin, s.d1, s.d2, pa[std::size_t(i)], pb[std::size_t(i)]);

    // The range: around the current point, wide enough for the whole path (and a margin).
    double span_a = 0, span_b = 0;
    for (std::size_t i = 0; i < pa.size(); ++i) {
        if (std::isfinite(pa[i])) span_a = std::max(span_a, std::abs(pa[i] - s.a_now));
        if (std::isfinite(pb[i])) span_b = std::max(span_b, std::abs(pb[i] - s.b_now));
    }
    if (s.method == SurfaceMethod::pca) {
        span_a = std::max(1.25 * span_a, 1e-3);
        span_b = std::max(1.25 * span_b, 1e-3);
    } else {
        span_a = span_b = std::max(1.0, 1.25 * std::max(span_a, span_b));
    }
    s.a_min = s.a_now - span_a;
    s.a_max = s.a_now + span_a;
    s.b_min = s.b_now - span_b;
    s.b_max = s.b_now + span_b;
    for (int i = 0; i < path.size(); ++i) s.path_epoch.push_back(path.epoch(i));
    s.path_a = std::move(pa);
    s.path_b = std::move(pb);
    s.loss.assign(std::size_t(s.size) * std::size_t(s.size), std::numeric_limits<double>::quiet_NaN());
    s.loss_min = std::numeric_limits<double>::infinity();
    s.loss_max = -std::numeric_limits<double>::infinity();
}

bool SurfaceBuilder::step(int cells) {
    for (; cells > 0 && !done(); --cells) {
        step_chunk();
        while (point_ > 0) step_chunk();  // the rest of the cell
    }
    return done();
}

bool SurfaceBuilder::step_chunk() {
    if (done()) return true;
    Surface& s = surface_;
    const int n = int(X_.cols());  // > 0: begin() refuses a run without training points
    if (point_ == 0) {
        const int i = next_ / s.size, j = next_ % s.size;
        const Scalar a = Scalar(s.a_at(j)), b = Scalar(s.b_at(i));
        net_.params() = s.origin + a * s.d1 + b * s.d2;
        if (ws_.capacity != std::min(n, kLossChunk) || int(ws_.Z.size()) != net_.layer_count())
            ws_ = Workspace<Scalar>(net_.spec(), std::min(n, kLossChunk), false);
    }
    // As mean_loss sums them: chunks of kLossChunk points, in order, in double.
    const int m = std::min(kLossChunk, n - point_);
    partial_ += net_.forward(X_.data() + std::size_t(point_) * std::size_t(X_.rows()), m, ws_, y_.data() + point_);
    point_ += m;
    if (point_ < n) return false;
    const double loss = partial_ / n;
    s.loss[std::size_t(next_)] = loss;
    if (std::isfinite(loss)) {
        s.loss_min = std::min(s.loss_min, loss);
        s.loss_max = std::max(s.loss_max, loss);
    }
    ++next_;
    point_ = 0;
    partial_ = 0;
    return done();
}

void Surface::locate(const Vector& weights, double& a, double& b) const {
    a = b = std::numeric_limits<double>::quiet_NaN();
    if (weights.size() != origin.size() || origin.size() == 0) return;
    project(weights - origin, d1, d2, a, b);
}

Surface compute_surface(const Trainer& trainer, const WeightPath& path, const SurfaceOptions& options) {
    SurfaceBuilder builder;
    builder.begin(trainer, path, options);
    builder.step(INT_MAX);
    return builder.surface();
}

}  // namespace nnplay
