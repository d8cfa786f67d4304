// ensemble.h: what an ensemble predicts, the mean of its members' outputs. Every reader of an
// ensemble (the CLI's and the page's metrics, the output grid, the page's boundary passes)
// averages the same way, so their figures are the same bits.
#pragma once

#include "engine/network.h"

#include <vector>

namespace nnplay {

// Runs every member forward over n ≤ ws.capacity columns of X (inputs, n) and writes the mean
// of their outputs to out (outputs, n, column-major): summed in member order, then divided
// by the member count (one member: its outputs as they are). seen(k, ws) is called after
// member k's pass, while ws holds its every layer.
// One member's share of that mean: member k of `count` ran forward over n columns into ws; adds
// its outputs to out (the first sets them) and, after the last, divides. A caller that spreads
// the members over calls (NnplayRun's epoch end in pieces) gets the same bits.
template <typename T>
void ensemble_add(int k, int count, const Workspace<T>& ws, int n, T* out) {
    Eigen::Map<MatrixT<T>> mean(out, ws.A.back().rows(), n);
    if (k == 0) mean = ws.A.back().leftCols(n);
    else mean += ws.A.back().leftCols(n);
    if (k == count - 1 && count > 1) mean /= T(count);
}

template <typename T, typename Seen>
void ensemble_forward(const std::vector<Network<T>>& members, const T* X, int n, Workspace<T>& ws, T* out,
                      Seen&& seen) {
    const int count = int(members.size());
    for (int k = 0; k < count; ++k) {
        members[std::size_t(k)].forward(X, n, ws);
        ensemble_add(k, count, ws, n, out);
        seen(k, ws);
    }
}

template <typename T>
void ensemble_forward(const std::vector<Network<T>>& members, const T* X, int n, Workspace<T>& ws, T* out) {
    ensemble_forward(members, X, n, ws, out, [](int, const Workspace<T>&) {});
}

}  // namespace nnplay
