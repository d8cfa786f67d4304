// optimizer.h: the update rules that turn gradients into weight changes, over
// the network's flat parameter buffer. Conventions follow PyTorch's optimisers
// (so an exported model trains on the same way there):
//   sgd       w −= lr·g
//   momentum  v = μv + g;                 w −= lr·v
//   nesterov  v = μv + g;                 w −= lr·(g + μv)
//   rmsprop   s = ρs + (1−ρ)g²;           w −= lr·g / (√s + ε)
//   adam      m = β₁m + (1−β₁)g; s = β₂s + (1−β₂)g²; w −= lr·(m/(1−β₁ᵗ)) / (√(s/(1−β₂ᵗ)) + ε)
#pragma once

#include "engine/state.h"
#include "engine/types.h"

#include <vector>

namespace nnplay {

struct OptimizerSettings {
    Optimizer kind = Optimizer::sgd;
    double momentum = 0.9;  // μ
    double rms_decay = 0.9; // ρ
    double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;

    static OptimizerSettings from(const PlaygroundState& state);
};

// What an optimiser has learned so far, as plain numbers: the moment buffers
// (empty when the optimiser needs none), the step count and Adam's β₁ᵗ, β₂ᵗ.
struct OptimizerMoments {
    std::vector<float> m, s;  // first moment / velocity, second moment (flat, as params)
    long steps = 0;
    double beta1_t = 1, beta2_t = 1;

    bool operator==(const OptimizerMoments&) const = default;
};

// The proximal step of L1 (soft thresholding): each of the n weights moves
// `threshold` towards zero and stops at exactly 0: w ← sign(w)·max(0, |w| − threshold).
template <typename T>
void soft_threshold(T* w, std::size_t n, T threshold);

template <typename T>
class OptimizerState {
public:
    // Sizes the moment buffers for `count` parameters, all zero.
    explicit OptimizerState(std::size_t count = 0);

    // Forgets the moments and the step count (a reset or a change of optimiser).
    void reset();

    // One update of w (count values) from the gradient g at learning rate lr.
    void step(T* w, const T* g, const OptimizerSettings& settings, double lr);

    long steps() const { return t_; }

    // The moments and step count, and going on from saved ones (whose buffers must
    // have this state's size, or be empty for zero).
    OptimizerMoments saved() const;
    bool restore(const OptimizerMoments& saved);

private:
    VectorT<T> m_;      // (count) first moment / velocity
    VectorT<T> s_;      // (count) second moment
    long t_ = 0;        // updates taken
    double beta1_t_ = 1, beta2_t_ = 1;  // β₁ᵗ, β₂ᵗ by repeated products (no pow)
};

}  // namespace nnplay
