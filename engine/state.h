// state.h: PlaygroundState, every setting a user can make, in one plain struct.
// Member initialisers are the defaults (TensorFlow Playground's where it has
// the setting). It is written and read as a URL query string, "key=value&...",
// the text the page keeps after '#' and the CLI takes with --state.
#pragma once

#include "engine/number_text.h"  // parse_float_strict, format_float_shortest: the query's number syntax

#include <string>
#include <string_view>
#include <vector>

namespace nnplay {

// Limits shared by the state, the CSV and link readers, the data sets and the page.
constexpr float kDomain = 6.0f;  // the plane shown and sampled is [−kDomain, kDomain]²
constexpr int kMaxPoints = 5000; // points in a data set: generated, drawn, imported or linked
constexpr int kMaxClasses = 6;   // classes of spiral, blobs, rings and custom points

enum class Problem { classification, regression };
enum class Dataset {
    circle, xor_, gauss, spiral, moons, checkerboard,  // binary
    blobs, rings,                                      // 2..6 classes (spiral too)
    reg_plane, reg_gauss,                              // regression
    custom,                                            // drawn or imported points
    formula                                            // from PlaygroundState::data_formula (both problems)
};
// Links store activations by name (the state) or by the codes of payload.h's
// kActivationCodes (weights), never by position: reordering this enum changes no link.
// formula: a typed formula of x (engine/formula.h), its text kept beside it in the state
// (activation_formula, layer_formulas) and the network spec (NetworkSpec::formulas).
enum class Activation { linear, sigmoid, tanh, relu, leakyrelu, elu, softplus, swish, formula };
enum class Regularization { none, l1, l2 };
enum class Model { mlp, perceptron };
// Binary output and loss: sigmoid + log loss, or TensorFlow Playground's tanh +
// ½(o−t)² on ±1 labels. Regression is always linear + square loss; more than
// two classes always softmax + cross-entropy.
enum class Loss { log, square };
enum class Optimizer { sgd, momentum, nesterov, rmsprop, adam };
enum class Init { zeros, uniform, gaussian, xavier_uniform, xavier_normal, he_uniform, he_normal };
enum class Schedule { constant, step, exp, plateau };
// tf: reproduce TensorFlow Playground's numbers (its generator, data, weights,
// per-example training and loss, in double); see trainer.h.
enum class Compat { none, tf };

// Which part of the split a custom point belongs to. automatic: the seeded split
// decides (engine/dataset.h split_points); the others pin the point there, so that
// drawing or removing points moves no other point between the parts.
enum class PointSplit : unsigned char { automatic, train, val, test };

// One labelled point of a custom data set. label: class index 0..classes−1
// for classification (0 is TensorFlow Playground's −1, 1 its +1); the target
// value in [−1, 1] for regression. split: where the page put it (links, CSV and
// the query text carry only x, y and label: read back, a point is automatic).
struct Point {
    float x = 0, y = 0, label = 0;
    PointSplit split = PointSplit::automatic;
    bool operator==(const Point&) const = default;
};

// The input features, in TensorFlow Playground's order plus cos x₁, cos x₂.
// This order is part of the link format: a weights payload's first layer has one
// column per enabled feature, in this order. Append new features; never reorder
// (test_link.cpp pins it).
enum Feature { f_x, f_y, f_x_squared, f_y_squared, f_x_times_y, f_sin_x, f_sin_y, f_cos_x, f_cos_y,
               feature_count };

struct PlaygroundState {
    // Data
    Problem problem = Problem::classification;
    Dataset dataset = Dataset::circle;        // used when problem == classification
    Dataset reg_dataset = Dataset::reg_plane; // used when problem == regression
    int classes = 2;                  // 2..6; spiral, blobs and rings honour it
    int num_samples = 0;              // 10..5000; 0 = default (500 classes, 1200 regression)
    int noise = 0;                    // percent, 0..50
    int perc_train_data = 50;         // percent of the data used for training, 10..90
    int perc_val_data = 0;            // percent of the training part held out for validation, 0..40
    std::string seed = "nnplay";      // any string; drives every random draw
    std::vector<Point> points;        // dataset == custom
    bool features[feature_count] = {true, true, false, false, false, false, false, false, false};

    // Model
    Model model = Model::mlp;
    std::vector<int> network_shape = {4, 2};  // hidden layer widths: 0..8 layers of 1..64
    Activation activation = Activation::tanh; // hidden layers, unless layer_activations is set
    std::vector<Activation> layer_activations; // empty, or one per hidden layer
    Loss loss = Loss::log;
    Init init = Init::uniform;        // TensorFlow Playground draws U(−0.5, 0.5)
    float init_scale = 0.5f;          // uniform: ±scale; gaussian: σ
    float init_bias = 0.1f;           // start value of every bias
    bool init_zero = false;           // TensorFlow Playground's initZero: all weights and biases 0
    int ensemble = 1;                 // 1..8 networks from different seeds, outputs averaged

    // Training
    float learning_rate = 0.03f;
    int batch_size = 10;              // 1..number of training points
    bool reshuffle = true;            // new order of the training data every epoch
    Optimizer optimizer = Optimizer::sgd;
    float momentum = 0.9f;            // momentum, nesterov
    float beta1 = 0.9f, beta2 = 0.999f, epsilon = 1e-8f;  // adam (beta2 and epsilon: rmsprop too)
    float rms_decay = 0.9f;           // rmsprop's running average of g²
    Regularization regularization = Regularization::none;
    float regularization_rate = 0.0f;
    Schedule schedule = Schedule::constant;
    int step_every = 100;             // step: ×factor every N epochs
    float decay_rate = 0.99f;         // exp: lr·decay^epoch
    int plateau_patience = 20;        // plateau: ×factor when train loss has not improved for P epochs
    float schedule_factor = 0.1f;     // step and plateau: "divide by 10"
    float plateau_threshold = 1e-4f;  // plateau: an improvement is below best·(1 − threshold)
    int plateau_cooldown = 0;         // plateau: epochs after a cut before bad epochs count again
    float min_learning_rate = 0.0f;   // plateau: never cut below this rate
    bool early_stopping = false;      // on validation loss (needs perc_val_data > 0)
    int patience = 20;                // epochs without improvement before stopping
    float min_delta = 0.0f;           // smallest decrease that counts as improvement
    // Dropout (issue 14, item 7): during training each hidden unit is left out with this
    // probability, drawn anew per example (inverted dropout: the kept ones scaled by 1/(1−p)).
    // 0 = off. Written only when set.
    float dropout = 0.0f;
    // Per-layer dropout (issue 14, layerDropout): empty, or one rate per hidden layer in
    // 0..0.9, each overriding `dropout` for its layer (0: none there). Written only when set.
    std::vector<float> layer_dropout;

    // Compatibility: compat=tf runs TensorFlow Playground's own model, data and
    // training in double (the settings it lacks are ignored, with a warning).
    // Written only when set.
    Compat compat = Compat::none;

    // Formulas (formula activations and formula data): activation == Activation::formula
    // uses activation_formula; layer_activations[l] == formula uses layer_formulas[l] (or
    // activation_formula where that list is shorter); dataset or reg_dataset == formula draws
    // its points from data_formula, a formula of x1 and x2. Links carry the text.
    std::string activation_formula;           // a formula of x, e.g. "x*sigmoid(x)"
    std::vector<std::string> layer_formulas;  // beside layer_activations: the text, or ""
    std::string data_formula = "x2 - sin(x1)";

    // View (read and written for the page; the engine ignores them)
    bool show_test_data = false;
    bool discretize = false;
    bool hide_text = false;
    // See inside (issue 14, backprop and gradient flow): a true flag opens the Inside panel
    // with that view's section open. Written only when set.
    bool show_backprop = false;
    bool show_gradients = false;
    // See inside (issue 14, views 2, 3, 5): open the Inside panel at a view. Written only when set.
    bool show_surface = false;
    bool show_hidden = false;
    bool show_lr_finder = false;
    // Controls the page hides, from TensorFlow Playground's "<key>_hide=true"
    // keys; kept in the order read so a link writes back the same.
    std::vector<std::string> hidden_controls;

    bool operator==(const PlaygroundState&) const = default;

    // The effective values, with defaults and problem type resolved.
    Dataset active_dataset() const { return problem == Problem::regression ? reg_dataset : dataset; }
    int sample_count() const;          // num_samples, or the default for the problem
    int class_count() const;           // 1 for regression; 2 for binary data sets; else classes
    int input_count() const;           // number of enabled features
    Activation hidden_activation(int layer) const;
    // The formula text of hidden layer `layer` when hidden_activation(layer) is formula.
    const std::string& hidden_formula(int layer) const;
};

// Reading a query string gives a state plus what the user should know.
struct StateReadResult {
    PlaygroundState state;
    std::vector<std::string> warnings;  // one sentence each, e.g. "ignored unknown key 'foo'"
    // The warnings about refused formulas (also in warnings): the CLI stops on them.
    std::vector<std::string> formula_errors = {};
};

// Writes every key (the seed always), in a fixed order. Reading the result
// gives back an equal state.
std::string to_query(const PlaygroundState& state);

// Reads "key=value&key=value" (a leading '#' or '?' is skipped; values are
// percent-decoded). Never fails: unknown keys are ignored, out-of-range values
// clamped and malformed values left at their default, each with a warning.
StateReadResult from_query(std::string_view query);

// The spelling used in the query string, e.g. "leakyrelu", "xavier-uniform".
const char* name_of(Activation);
const char* name_of(Dataset);
const char* name_of(Optimizer);
const char* name_of(Init);
const char* name_of(Schedule);
const char* name_of(Regularization);
const char* name_of(Loss);
const char* name_of(Model);
const char* name_of(Problem);
const char* name_of(Compat);        // "none", "tf"
const char* name_of(Feature);       // the query key, e.g. "xSquared"
const char* label_of(Feature);      // for display, e.g. "x₁²"

// Reads an activation's query spelling (exact, e.g. "leakyrelu") into out, for
// the CLI and UI. Returns false, leaving out unchanged, for any other text.
bool parse_activation(std::string_view name, Activation& out);

// The refused formulas of a link or query text (what follows '#' when there is one): one
// message each, with the key and the column, e.g. "activation: unknown name 'foo' … at 5".
std::vector<std::string> formula_errors_in(std::string_view link_or_query);

// The double a JavaScript page reads from the text to_query() writes for this
// float (format_float_shortest): 0.03f gives 0.03, not 0.029999999329447746.
// compat=tf trains with these, as TensorFlow Playground's +"0.03" does.
double query_double(float value);

// Whether a query looks like a TensorFlow Playground link rather than one of
// ours: it has `seed` and `networkShape`, every key is one of theirs (or a
// "<control>_hide" key), and dataset, regDataset and activation, when given,
// name something they have. Our own links always carry keys they lack
// (classes, loss, ...), so they never qualify. The page offers compat=tf for such links.
bool looks_like_tfp_link(std::string_view query);

}  // namespace nnplay
