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
template <typename T, typename Seen>
void ensemble_forward(const std::vector<Network<T>>& members, const T* X, int n, Workspace<T>& ws, T* out,
                      Seen&& seen) {
    Eigen::Map<MatrixT<T>> mean(out, members.front().spec().outputs, n);
    for (std::size_t k = 0; k < members.size(); ++k) {
        members[k].forward(X, n, ws);
        if (k == 0) mean = ws.A.back().leftCols(n);
        else mean += ws.A.back().leftCols(n);
        seen(int(k), ws);
    }
    if (members.size() > 1) mean /= T(members.size());
}

template <typename T>
void ensemble_forward(const std::vector<Network<T>>& members, const T* X, int n, Workspace<T>& ws, T* out) {
    ensemble_forward(members, X, n, ws, out, [](int, const Workspace<T>&) {});
}

}  // namespace nnplay
