// pytorch_export.h: a trained playground run as a short, self-contained
// PyTorch script, so a user can take the model further outside the page. The
// engine's conventions follow PyTorch's (optimiser updates, weight decay,
// Linear weights as (outputs, inputs)), so the script continues the same run.
//
// The script holds:
//   - FEATURES and features(): the enabled input features (x, y, x², ... as here);
//   - make_model(): nn.Sequential of nn.Linear and activation modules
//     (linear → Identity, sigmoid → Sigmoid, tanh → Tanh, relu → ReLU,
//     leakyrelu → LeakyReLU(0.01), elu → ELU(alpha=1.0), softplus → Softplus,
//     swish → SiLU), plus a final Tanh for TensorFlow Playground's tanh + square loss;
//   - every member's weights and biases as literal lists, each number the
//     shortest text that Python reads (as a double, then float32) back to the
//     same float32;
//   - the loss: BCEWithLogitsLoss (sigmoid + log loss), CrossEntropyLoss
//     (softmax), 0.5·MSE (tanh on ±1 targets; regression), each a batch mean;
//   - the optimiser: SGD (momentum, nesterov), RMSprop (alpha = rmsDecay) or Adam
//     with the same hyper-parameters, at the rate of the next epoch, its moments and
//     step count at the export loaded into its state_dict; L2 as weight_decay on the
//     weight parameters only (a param group for the biases without it); L1 as the
//     engine's proximal step after each update (w ← sign(w)·max(0, |w| − lr·rate));
//   - the schedule where the engine's stood: StepLR, ExponentialLR (last_epoch = the
//     export epoch) or ReduceLROnPlateau (threshold, cooldown and min_lr as set; patience
//     P − 1: PyTorch cuts after more than `patience` bad epochs; best, bad epochs and
//     cooldown carried);
//   - the data: the run's training, validation and test points as tensors;
//   - a training loop that prints the loss at the export epoch, then trains `--epochs`
//     (argparse; default `epochs`) epochs counted on from the export epoch, over
//     shuffled batches (in order when reshuffle is off: then it follows the engine's
//     losses within 1e-5 relative), printing the loss and, for classification, the test
//     accuracy. An ensemble's plateau schedule follows the averaged loss in the engine,
//     each member's own here: that case differs.
//   - a run stopped mid-epoch (the page trains in slices): START_POSITION points of epoch
//     START_EPOCH + 1 are trained; the script's first epoch trains the rest, in the run's own
//     order (FIRST_ORDER), from the next batch, then whole epochs, as the engine would; the
//     header and the first line printed say so;
//   - dropout: nn.Dropout(p) after each hidden activation with p > 0 (layerDropout: per layer) (train() while training, eval()
//     for the losses printed); its masks come from torch's generator, which the script says
//     in one line: with dropout it follows the engine only on average.
// Perceptron models (a step output, no gradient) get the model and data only.
#pragma once

#include "engine/trainer.h"

#include <string>

namespace nnplay {

// The script for the trainer's current weights, run state and data; `epochs` is
// the default of the script's --epochs (epochs trained on from the export).
std::string export_pytorch(const Trainer& trainer, int epochs = 100);

// The Sequential's module for an activation, e.g. "nn.LeakyReLU(0.01)".
const char* pytorch_module(Activation activation);

}  // namespace nnplay
