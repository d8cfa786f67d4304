// loss.h: the output layer's activation fused with its loss, as a forward /
// backward pair. Fusing keeps the gradient simple and stable: for sigmoid +
// log loss and softmax + cross-entropy, dZ = A − target.
#pragma once

namespace nnplay {

// What the last layer computes from its pre-activations Z and which loss it is
// trained on. Labels are class indices (0..k−1) or regression targets.
// Weights payloads store it as a code of payload.h's kOutputCodes, never by position:
// reordering this enum changes no link.
enum class Output {
    linear_square,   // regression: a = z, loss ½(a − t)²
    sigmoid_log,     // binary: a = σ(z) = P(class 1), loss −t·log a − (1−t)·log(1−a)
    tanh_square,     // binary, TensorFlow Playground's: a = tanh z, loss ½(a − t')², t' = ±1
    softmax_ce,      // k classes: a = softmax(z), loss −log a_label
    step             // perceptron: a = 1 if z ≥ 0 else 0, loss = 1 on a mistake (0-1 loss)
};

// Number of output units for a problem: 1, or k for softmax.
int output_units(Output o, int classes);

// The output activation alone: A = f(Z), Z and A (k, n) column-major.
template <typename T>
void output_forward(Output o, const T* Z, T* A, int k, int n);

// Forward over a batch with labels (n entries): output_forward, then returns the SUM over the batch of the per-example loss (double,
// so that long sums stay exact enough for reporting).
template <typename T>
double loss_forward(Output o, const T* Z, T* A, const T* labels, int k, int n);

// The per-example loss of outputs A (already computed) against labels, summed.
// Used to score data without recomputing Z (e.g. ensemble averages); for
// sigmoid/softmax A is clamped away from 0 and 1.
template <typename T>
double loss_from_outputs(Output o, const T* A, const T* labels, int k, int n);

// Backward: dZ = scale · ∂loss/∂Z for each example (scale = 1/batch size gives
// the gradient of the mean). dZ = (A − t) for linear, sigmoid and softmax;
// (A − t')(1 − A²) for tanh. Not defined for step (the perceptron has its rule).
template <typename T>
void loss_backward(Output o, const T* A, const T* labels, T* dZ, int k, int n, T scale);

// Whether example j's prediction A(:, j) is its label (classification only).
template <typename T>
bool is_correct(Output o, const T* a, T label, int k);

// The predicted class of one column of outputs.
template <typename T>
int predicted_class(Output o, const T* a, int k);

}  // namespace nnplay
