// training_set.cpp: the training points as feature and label matrices, and the mean
// loss of a network over them.
#include "engine/training_set.h"

#include "engine/features.h"

#include <algorithm>
#include <limits>

namespace nnplay {

void points_matrix(const Trainer& trainer, const std::vector<Point>& points, Matrix& X, Vector& y) {
    compute_features(enabled_features(trainer.state().features), points, X);
    y.resize(Eigen::Index(points.size()));
    for (std::size_t i = 0; i < points.size(); ++i) y[Eigen::Index(i)] = points[i].label;
}

double mean_loss(const Network<Scalar>& net, const Matrix& X, const Vector& y, Workspace<Scalar>& ws) {
    const int n = int(X.cols());
    if (n == 0) return std::numeric_limits<double>::quiet_NaN();
    if (ws.capacity < std::min(n, kLossChunk) || int(ws.Z.size()) != net.layer_count())
        ws = Workspace<Scalar>(net.spec(), std::min(n, kLossChunk), false);
    double sum = 0;
    for (int start = 0; start < n; start += ws.capacity) {
        const int m = std::min(ws.capacity, n - start);
        sum += net.forward(X.data() + std::size_t(start) * std::size_t(X.rows()), m, ws, y.data() + start);
    }
    return sum / n;
}

}  // namespace nnplay
