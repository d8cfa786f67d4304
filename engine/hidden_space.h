// hidden_space.h: the data as a hidden layer sees it (ConvNetJS's view): each point and
// a grid of lines of the input plane mapped through the network to one hidden layer,
// then shown on two of its neurons or on its first two principal components.
#pragma once

#include "engine/trainer.h"

#include <string>
#include <vector>

namespace nnplay {

struct HiddenSpaceOptions {
    int layer = 0;           // hidden layer, 0 = the first
    int neuron_a = 0, neuron_b = 1;
    bool pca = false;        // the first two principal components instead of two neurons
    int lines = 11;          // grid lines of constant x₁ (and as many of constant x₂)
    int samples = 41;        // points along each line
};

struct HiddenSpace {
    std::string error;                  // why nothing could be shown ("" when fine)
    std::string axis_a, axis_b;         // what the axes are, in words
    std::vector<float> point_a, point_b, point_label;  // the training points
    // The grid: lines·2 polylines of `samples` points each; first the lines of
    // constant x₁ (x₂ growing), then those of constant x₂.
    int lines = 0, samples = 0;
    std::vector<float> line_a, line_b;  // (2·lines·samples)
    float a_min = 0, a_max = 0, b_min = 0, b_max = 0;  // bounds of points and lines
};

// The hidden space of network 0 for its training points. A network without hidden
// layers, a layer or neuron out of range, or a layer of one neuron (PCA needs two
// dimensions) gives an error.
HiddenSpace hidden_space(const Trainer& trainer, const HiddenSpaceOptions& options);

}  // namespace nnplay
