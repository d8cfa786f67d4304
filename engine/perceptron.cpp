// perceptron.cpp: the perceptron rule on a one-layer network.
#include "engine/perceptron.h"

#include "engine/assert.h"

namespace nnplay {

bool perceptron_update(Network<Scalar>& net, const Scalar* x, Scalar t, Scalar lr) {
    NNPLAY_ASSERT(net.layer_count() == 1 && net.spec().output == Output::step);
    DenseLayer<Scalar>& layer = net.layer(0);
    Scalar z = layer.b[0];
    for (int i = 0; i < layer.in; ++i) z += layer.W[i] * x[i];
    const Scalar y = z >= 0 ? Scalar(1) : Scalar(0);
    if (y == t) return false;
    const Scalar delta = lr * (t - y);  // +lr when it missed a 1, −lr when it fired on a 0
    for (int i = 0; i < layer.in; ++i) layer.W[i] += delta * x[i];
    layer.b[0] += delta;
    return true;
}

}  // namespace nnplay
