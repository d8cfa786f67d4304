// dropout.cpp: the rates a state asks for and the seeded masks (see dropout.h).
#include "engine/dropout.h"

#include "engine/assert.h"

#include <algorithm>

namespace nnplay {

std::vector<float> dropout_rates(const PlaygroundState& state) {
    if (state.model == Model::perceptron) return {};
    const float p = std::clamp(state.dropout, 0.0f, kMaxDropout);  // NaN never gets here: the reader refuses it
    std::vector<float> rates(state.network_shape.size(), p);
    // layerDropout overrides layer by layer; a layer it does not reach keeps `dropout`.
    for (std::size_t l = 0; l < rates.size() && l < state.layer_dropout.size(); ++l)
        rates[l] = std::clamp(state.layer_dropout[l], 0.0f, kMaxDropout);
    return rates;
}

bool any_dropout(const std::vector<float>& rates) {
    return std::any_of(rates.begin(), rates.end(), [](float p) { return p > 0; });
}

template <typename T>
std::vector<MatrixT<T>> dropout_masks(const NetworkSpec& spec, const std::vector<float>& rates, int capacity) {
    if (!any_dropout(rates)) return {};
    const std::size_t hidden = spec.hidden.size();
    std::vector<MatrixT<T>> M(hidden);
    for (std::size_t l = 0; l < hidden && l < rates.size(); ++l)
        if (rates[l] > 0) M[l] = MatrixT<T>::Zero(spec.hidden[l], capacity);
    return M;
}

template <typename T>
void size_dropout(Workspace<T>& ws, const NetworkSpec& spec, const std::vector<float>& rates) {
    ws.M = dropout_masks<T>(spec, rates, ws.capacity);
    ws.D = ws.M;
}

template <typename T>
void draw_dropout_masks(Workspace<T>& ws, const std::vector<float>& rates, int n, Rng& rng) {
    NNPLAY_ASSERT(n <= ws.capacity);
    draw_dropout_masks(ws.M, rates, n, rng);
}

template <typename T>
void draw_dropout_masks(std::vector<MatrixT<T>>& M, const std::vector<float>& rates, int n, Rng& rng) {
    for (std::size_t l = 0; l < M.size() && l < rates.size(); ++l) {
        if (M[l].size() == 0) continue;
        NNPLAY_ASSERT(n <= M[l].cols());
        const double p = double(rates[l]);
        const T keep = T(1.0 / (1.0 - p));
        const int width = int(M[l].rows());
        T* m = M[l].data();
        for (int i = 0; i < width * n; ++i) m[i] = rng.uniform() >= p ? keep : T(0);
    }
}

template void size_dropout(Workspace<float>&, const NetworkSpec&, const std::vector<float>&);
template void size_dropout(Workspace<double>&, const NetworkSpec&, const std::vector<float>&);
template std::vector<MatrixT<float>> dropout_masks(const NetworkSpec&, const std::vector<float>&, int);
template std::vector<MatrixT<double>> dropout_masks(const NetworkSpec&, const std::vector<float>&, int);
template void draw_dropout_masks(Workspace<float>&, const std::vector<float>&, int, Rng&);
template void draw_dropout_masks(Workspace<double>&, const std::vector<float>&, int, Rng&);
template void draw_dropout_masks(std::vector<MatrixT<float>>&, const std::vector<float>&, int, Rng&);
template void draw_dropout_masks(std::vector<MatrixT<double>>&, const std::vector<float>&, int, Rng&);

}  // namespace nnplay
