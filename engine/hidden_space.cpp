// hidden_space.cpp: points and input-plane grid lines through the network to a hidden
// layer, read off on two neurons or projected on the layer's first two principal
// components (of the training points' activations).
#include "engine/hidden_space.h"

#include "engine/features.h"
#include "engine/training_set.h"

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <limits>

namespace nnplay {

namespace {

// The activations of dense layer `layer` for every column of X: (width, n).
Eigen::MatrixXd activations(const Network<Scalar>& net, const Matrix& X, int layer) {
    const int n = int(X.cols());
    Eigen::MatrixXd out(net.spec().width(layer), n);
    if (n == 0) return out;
    Workspace<Scalar> ws(net.spec(), std::min(n, 512), false);
    for (int start = 0; start < n; start += ws.capacity) {
        const int m = std::min(ws.capacity, n - start);
        net.forward(X.data() + std::size_t(start) * std::size_t(X.rows()), m, ws);
        out.middleCols(start, m) = ws.A[std::size_t(layer)].leftCols(m).cast<double>();
    }
    return out;
}

}  // namespace

HiddenSpace hidden_space(const Trainer& trainer, const HiddenSpaceOptions& options) {
    HiddenSpace h;
    const Network<Scalar>& net = trainer.network(0);
    const int hidden = net.layer_count() - 1;
    if (hidden < 1) {
        h.error = "this network has no hidden layer";
        return h;
    }
    if (options.layer < 0 || options.layer >= hidden) {
        h.error = "hidden layer " + std::to_string(options.layer + 1) + " does not exist (the network has " +
                  std::to_string(hidden) + ")";
        return h;
    }
    const int width = net.spec().width(options.layer);
    if (options.pca ? width < 2
                    : (options.neuron_a < 0 || options.neuron_a >= width || options.neuron_b < 0 ||
                       options.neuron_b >= width)) {
        h.error = "hidden layer " + std::to_string(options.layer + 1) + " has " + std::to_string(width) +
                  (width == 1 ? " neuron: two are needed" : " neurons: pick two of them");
        return h;
    }

    // Training points, then the grid lines' sample points, in one matrix.
    const std::vector<Point>& train = trainer.data().train;
    h.lines = std::clamp(options.lines, 2, 41);
    h.samples = std::clamp(options.samples, 2, 201);
    std::vector<Point> points = train;
    for (int dir = 0; dir < 2; ++dir)
        for (int l = 0; l < h.lines; ++l)
            for (int s = 0; s < h.samples; ++s) {
                const float fixed = -kDomain + 2 * kDomain * float(l) / float(h.lines - 1);
                const float moving = -kDomain + 2 * kDomain * float(s) / float(h.samples - 1);
                Point p;
                p.x = dir == 0 ? fixed : moving;
                p.y = dir == 0 ? moving : fixed;
                points.push_back(p);
            }
    Matrix X;
    Vector y;
    points_matrix(trainer, points, X, y);
    const Eigen::MatrixXd A = activations(net, X, options.layer);
    const int n = int(train.size());

    Eigen::VectorXd ea = Eigen::VectorXd::Zero(width), eb = Eigen::VectorXd::Zero(width);
    Eigen::VectorXd mean = Eigen::VectorXd::Zero(width);
    if (options.pca) {
        // Principal components of the training points' activations (all samples when
        // there are no training points), centred on their mean.
        const Eigen::MatrixXd S = n > 1 ? Eigen::MatrixXd(A.leftCols(n)) : A;
        mean = S.rowwise().mean();
        const Eigen::MatrixXd C = S.colwise() - mean;
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(C * C.transpose());
        ea = eig.eigenvectors().col(width - 1);
        eb = eig.eigenvectors().col(width - 2);
        // A fixed sign (largest entry positive), so the picture does not flip between epochs.
        for (Eigen::VectorXd* e : {&ea, &eb}) {
            Eigen::Index k;
            e->cwiseAbs().maxCoeff(&k);
            if ((*e)[k] < 0) *e = -*e;
        }
        const double total = std::max(eig.eigenvalues().sum(), 1e-300);
        auto pct = [&](int k) { return std::to_string(int(std::lround(100 * eig.eigenvalues()[k] / total))); };
        h.axis_a = "principal component 1 (" + pct(width - 1) + "%)";
        h.axis_b = "principal component 2 (" + pct(width - 2) + "%)";
    } else {
        ea[options.neuron_a] = 1;
        eb[options.neuron_b] = 1;
        const std::string layer = "layer " + std::to_string(options.layer + 1);
        h.axis_a = layer + ", neuron " + std::to_string(options.neuron_a + 1);
        h.axis_b = layer + ", neuron " + std::to_string(options.neuron_b + 1);
    }
    const Eigen::MatrixXd C = A.colwise() - mean;
    const Eigen::VectorXd pa = C.transpose() * ea, pb = C.transpose() * eb;

    float lo_a = std::numeric_limits<float>::infinity(), hi_a = -lo_a, lo_b = lo_a, hi_b = -lo_a;
    for (Eigen::Index k = 0; k < pa.size(); ++k) {
        const float a = float(pa[k]), b = float(pb[k]);
        if (std::isfinite(a) && std::isfinite(b)) {
            lo_a = std::min(lo_a, a);
            hi_a = std::max(hi_a, a);
            lo_b = std::min(lo_b, b);
            hi_b = std::max(hi_b, b);
        }
        if (k < n) {
            h.point_a.push_back(a);
            h.point_b.push_back(b);
            h.point_label.push_back(train[std::size_t(k)].label);
        } else {
            h.line_a.push_back(a);
            h.line_b.push_back(b);
        }
    }
    if (!(lo_a <= hi_a)) lo_a = hi_a = lo_b = hi_b = 0;
    h.a_min = lo_a;
    h.a_max = hi_a;
    h.b_min = lo_b;
    h.b_max = hi_b;
    return h;
}

}  // namespace nnplay
