// initializer.cpp: the weight-initialisation schemes.
#include "engine/initializer.h"

#include <cmath>

namespace nnplay {

template <typename T>
void initialize(Network<T>& net, Init init, double scale, double bias, Rng& rng) {
    for (int l = 0; l < net.layer_count(); ++l) {
        DenseLayer<T>& layer = net.layer(l);
        const double fan_in = layer.in, fan_out = layer.out;
        const bool normal = init == Init::gaussian || init == Init::xavier_normal ||
                            init == Init::he_normal;
        double s = scale;
        switch (init) {
            case Init::zeros: s = 0; break;
            case Init::uniform:
            case Init::gaussian: break;
            case Init::xavier_uniform: s = std::sqrt(6.0 / (fan_in + fan_out)); break;
            case Init::xavier_normal: s = std::sqrt(2.0 / (fan_in + fan_out)); break;
            case Init::he_uniform: s = std::sqrt(6.0 / fan_in); break;
            case Init::he_normal: s = std::sqrt(2.0 / fan_in); break;
        }
        auto W = layer.weights();
        for (int o = 0; o < layer.out; ++o)
            for (int i = 0; i < layer.in; ++i)
                W(o, i) = init == Init::zeros ? T(0)
                          : normal            ? T(rng.normal(0.0, s))
                                              : T(rng.uniform(-s, s));
        layer.biases().setConstant(init == Init::zeros ? T(0) : T(bias));
    }
}

template void initialize<float>(Network<float>&, Init, double, double, Rng&);
template void initialize<double>(Network<double>&, Init, double, double, Rng&);

}  // namespace nnplay
