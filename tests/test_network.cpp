// test_network.cpp: the whole chain dense → activation → … → output loss.
// Central-difference gradient checks in double of J = mean data loss +
// regularisation for every activation × output × regulariser, per-layer
// activations, zero hidden layers and an ensemble; plus the Network's
// plumbing: flat buffer layout, workspaces, copies, the regularisers and a batch's gradient
// summed from its parts.
#include "engine/dropout.h"
#include "engine/ensemble.h"
#include "engine/initializer.h"
#include "engine/network.h"
#include "engine/rng.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>
#include <string>
#include <vector>

using namespace nnplay;
using namespace nnplay::test;

namespace {

constexpr Activation kActivations[] = {Activation::linear,   Activation::sigmoid,
                                       Activation::tanh,     Activation::relu,
                                       Activation::leakyrelu, Activation::elu,
                                       Activation::softplus, Activation::swish};
constexpr Output kOutputs[] = {Output::linear_square, Output::sigmoid_log, Output::tanh_square,
                               Output::softmax_ce};
constexpr Regularization kRegularizers[] = {Regularization::none, Regularization::l1,
                                            Regularization::l2};

NetworkSpec make_spec(int inputs, std::vector<int> hidden, std::vector<Activation> activations,
                      Output output, int classes) {
    NetworkSpec spec;
    spec.inputs = inputs;
    spec.hidden = std::move(hidden);
    spec.activations = std::move(activations);
    spec.output = output;
    spec.outputs = output_units(output, classes);
    return spec;
}

// Every parameter from U(−1, 1), redrawn while |p| < 0.05 so that no weight
// sits near L1's kink at 0.
void randomize(Network<double>& net, Rng& rng) {
    for (Eigen::Index i = 0; i < net.params().size(); ++i) {
        double p;
        do p = rng.uniform(-1, 1);
        while (std::fabs(p) < 0.05);
        net.params()[i] = p;
    }
}

// Labels fitting the output: regression targets, classes 0/1, or 0..k−1.
VectorD make_labels(Output o, int classes, int n, Rng& rng) {
    VectorD y(n);
    for (int j = 0; j < n; ++j)
        y[j] = o == Output::linear_square ? rng.uniform(-1, 1) : double(rng.below(classes));
    return y;
}

// The smallest |z| over every hidden pre-activation of the last forward pass.
double min_hidden_abs_z(const Network<double>& net, const Workspace<double>& ws, int n) {
    double m = INFINITY;
    for (int l = 0; l + 1 < net.layer_count(); ++l)
        m = std::fmin(m, ws.Z[l].leftCols(n).cwiseAbs().minCoeff());
    return m;
}

// Inputs X (inputs, n) from U(−1, 1), redrawn until no hidden pre-activation is
// within `margin` of 0 (the kinks of relu, leakyrelu and elu; h = 1e−6 moves a
// pre-activation by far less than the margin).
MatrixD clear_inputs(const Network<double>& net, int n, Rng& rng, double margin = 1e-3) {
    Workspace<double> ws(net.spec(), n, false);
    MatrixD X(net.spec().inputs, n);
    for (int attempt = 0; attempt < 1000; ++attempt) {
        for (Eigen::Index i = 0; i < X.size(); ++i) X.data()[i] = rng.uniform(-1, 1);
        net.forward(X.data(), n, ws);
        if (min_hidden_abs_z(net, ws, n) >= margin) return X;
    }
    FAIL("no inputs clear of the kinks");
    return X;
}

// J = (mean data loss over the n columns) + regularisation term.
double objective(const Network<double>& net, const MatrixD& X, const VectorD& y, Workspace<double>& ws,
                 Regularization r, double rate) {
    const int n = int(X.cols());
    return net.forward(X.data(), n, ws, y.data()) / n + net.regularization_loss(r, rate);
}

// The analytic gradient: backward() then the regulariser's term.
VectorD analytic_gradient(Network<double>& net, const MatrixD& X, const VectorD& y,
                          Workspace<double>& ws, Regularization r, double rate) {
    const int n = int(X.cols());
    net.forward(X.data(), n, ws, y.data());
    net.backward(X.data(), y.data(), n, ws);
    net.add_regularization_gradient(r, rate);
    return net.grads();
}

VectorD numeric_gradient(Network<double>& net, const MatrixD& X, const VectorD& y,
                         Workspace<double>& ws, Regularization r, double rate, double h = 1e-6) {
    VectorD g(net.params().size());
    for (Eigen::Index i = 0; i < g.size(); ++i) {
        g[i] = central_difference(net.params()[i], [&] { return objective(net, X, y, ws, r, rate); }, h);
    }
    return g;
}

// The worst relative error |a − n| / max(|a|, |n|) over all parameters. With
// h = 1e−6 the central difference itself carries a rounding error of about
// ulp(J)/h, measured here at up to 4e−10 absolute, so the denominator is
// floored at 1e−2: a component smaller than that is held to an absolute 1e−8
// (25× the noise), every larger one to a relative 1e−6. Components above the
// floor agree to ~1e−8 relative.
double worst_relative_error(const VectorD& analytic, const VectorD& numeric) {
    double worst = 0;
    for (Eigen::Index i = 0; i < analytic.size(); ++i) {
        const double a = analytic[i], n = numeric[i];
        const double err = std::fabs(a - n) / std::fmax(std::fmax(std::fabs(a), std::fabs(n)), 1e-2);
        worst = std::fmax(worst, err);
    }
    return worst;
}

// Sets up a network and data for `spec`, runs the check, returns the worst error.
double gradient_check(const NetworkSpec& spec, Regularization r, double rate, const std::string& seed,
                      int n = 7) {
    Rng rng(seed);
    Network<double> net(spec);
    randomize(net, rng);
    const MatrixD X = clear_inputs(net, n, rng);
    const VectorD y = make_labels(spec.output, spec.outputs, n, rng);
    Workspace<double> ws(spec, n, true);
    const VectorD analytic = analytic_gradient(net, X, y, ws, r, rate);
    const VectorD numeric = numeric_gradient(net, X, y, ws, r, rate);
    // A check that compares zeros to zeros proves nothing.
    REQUIRE(analytic.cwiseAbs().maxCoeff() > 1e-3);
    return worst_relative_error(analytic, numeric);
}

// The network's function written out with Eigen and the C library, for the
// hand-computed predictions: A_l = f(W_l A_{l−1} + b_l), then the output.
MatrixD reference_forward(const Network<double>& net, const MatrixD& X) {
    MatrixD A = X;
    const NetworkSpec& spec = net.spec();
    for (int l = 0; l < net.layer_count(); ++l) {
        const MatrixD Z = (net.layer(l).weights() * A).colwise() + net.layer(l).biases();
        A = Z;
        const bool hidden = l + 1 < net.layer_count();
        for (Eigen::Index j = 0; j < Z.cols(); ++j) {
            for (Eigen::Index i = 0; i < Z.rows(); ++i) {
                const double z = Z(i, j);
                double& a = A(i, j);
                if (hidden) {
                    switch (spec.activations[l]) {
                        case Activation::linear: a = z; break;
                        case Activation::sigmoid: a = 1 / (1 + std::exp(-z)); break;
                        case Activation::tanh: a = std::tanh(z); break;
                        case Activation::relu: a = z > 0 ? z : 0; break;
                        case Activation::leakyrelu: a = z > 0 ? z : 0.01 * z; break;
                        case Activation::elu: a = z > 0 ? z : std::expm1(z); break;
                        case Activation::softplus: a = std::log1p(std::exp(z)); break;
                        case Activation::swish: a = z / (1 + std::exp(-z)); break;
                        case Activation::formula:  // test_formula.cpp's network case checks these
                            a = Formula::compile(spec.formulas[size_t(l)], FormulaVars::x)->eval(&z);
                            break;
                    }
                } else if (spec.output == Output::sigmoid_log) {
                    a = 1 / (1 + std::exp(-z));
                } else if (spec.output == Output::tanh_square) {
                    a = std::tanh(z);
                }
            }
            if (!hidden && spec.output == Output::softmax_ce) {
                const VectorD e = Z.col(j).array().exp();
                A.col(j) = e / e.sum();
            }
        }
    }
    return A;
}

}  // namespace

TEST_CASE("network: gradient check for every activation × output × regulariser (double)") {
    int checked = 0;
    for (Activation act : kActivations) {
        for (Output out : kOutputs) {
            for (Regularization r : kRegularizers) {
                CAPTURE(name_of(act));
                CAPTURE(int(out));
                CAPTURE(name_of(r));
                const int classes = out == Output::softmax_ce ? 3 : 2;
                const NetworkSpec spec = make_spec(3, {5, 4}, {act, act}, out, classes);
                const std::string seed = std::string("grad-") + name_of(act) + "-" +
                                         std::to_string(int(out)) + "-" + name_of(r);
                CHECK(gradient_check(spec, r, 0.03, seed) < 1e-6);
                ++checked;
            }
        }
    }
    CHECK(checked == 8 * 4 * 3);
}

TEST_CASE("network: gradient check with a different activation per layer") {
    const std::vector<std::vector<Activation>> stacks = {
        {Activation::tanh, Activation::relu},
        {Activation::relu, Activation::tanh},
        {Activation::sigmoid, Activation::swish, Activation::leakyrelu},
        {Activation::elu, Activation::softplus, Activation::linear},
    };
    for (const auto& acts : stacks) {
        for (Output out : kOutputs) {
            CAPTURE(name_of(acts[0]));
            CAPTURE(name_of(acts[1]));
            CAPTURE(int(out));
            std::vector<int> widths = {5, 4, 3};
            widths.resize(acts.size());
            const NetworkSpec spec =
                make_spec(3, widths, acts, out, out == Output::softmax_ce ? 3 : 2);
            CHECK(gradient_check(spec, Regularization::l2, 0.01,
                                 "stack-" + std::to_string(acts.size()) + name_of(acts[0]) +
                                     std::to_string(int(out))) < 1e-6);
        }
    }
}

TEST_CASE("network: with no hidden layers it is logistic / softmax / linear regression") {
    SUBCASE("gradient checks") {
        for (Output out : kOutputs) {
            for (Regularization r : kRegularizers) {
                CAPTURE(int(out));
                CAPTURE(name_of(r));
                const NetworkSpec spec = make_spec(3, {}, {}, out, out == Output::softmax_ce ? 3 : 2);
                CHECK(gradient_check(spec, r, 0.05, "flat-" + std::to_string(int(out))) < 1e-6);
            }
        }
    }
    SUBCASE("logistic regression's gradient in closed form") {
        // p_j = σ(w·x_j + b); ∂/∂w of the mean log loss = (1/n) Σ (p_j − t_j) x_j, ∂/∂b = mean(p − t).
        Network<double> net(make_spec(2, {}, {}, Output::sigmoid_log, 2));
        net.params() << 0.5, -1.0, 0.25;  // w = (0.5, −1), b = 0.25
        MatrixD X(2, 3);
        X << 1, -2, 0.5,  //
            2, 0, -1;
        const VectorD y = (VectorD(3) << 1, 0, 1).finished();
        Workspace<double> ws(net.spec(), 3, true);
        net.forward(X.data(), 3, ws, y.data());
        net.backward(X.data(), y.data(), 3, ws);
        // z = (0.5 − 2 + 0.25, −1 + 0.25, 0.25 + 1 + 0.25) = (−1.25, −0.75, 1.5)
        const double p[] = {1 / (1 + std::exp(1.25)), 1 / (1 + std::exp(0.75)), 1 / (1 + std::exp(-1.5))};
        const double d[] = {p[0] - 1, p[1] - 0, p[2] - 1};
        CHECK(ws.A[0](0, 1) == doctest::Approx(p[1]).epsilon(1e-14));
        CHECK(net.grads()[0] == doctest::Approx((d[0] * 1 + d[1] * -2 + d[2] * 0.5) / 3).epsilon(1e-14));
        CHECK(net.grads()[1] == doctest::Approx((d[0] * 2 + d[1] * 0 + d[2] * -1) / 3).epsilon(1e-14));
        CHECK(net.grads()[2] == doctest::Approx((d[0] + d[1] + d[2]) / 3).epsilon(1e-14));
    }
}

TEST_CASE("network: ensemble members check out and their average is the hand-computed one") {
    const NetworkSpec spec = make_spec(3, {5, 4}, {Activation::tanh, Activation::relu},
                                       Output::softmax_ce, 3);
    const int n = 7;
    std::vector<Network<double>> members;
    for (const char* seed : {"member-0", "member-1", "member-2"}) {
        Network<double> net(spec);
        Rng init = Rng(seed).derive("init");
        initialize(net, Init::xavier_uniform, 0.5, 0.1, init);
        members.push_back(net);
    }
    CHECK(members[0].params() != members[1].params());
    CHECK(members[1].params() != members[2].params());

    // One shared data set, clear of member 0's relu kink; the others are checked below.
    Rng rng("ensemble-data");
    MatrixD X = clear_inputs(members[0], n, rng);
    const VectorD y = make_labels(spec.output, 3, n, rng);

    MatrixD average = MatrixD::Zero(3, n), by_hand = MatrixD::Zero(3, n);
    for (std::size_t m = 0; m < members.size(); ++m) {
        CAPTURE(m);
        Network<double>& net = members[m];
        Workspace<double> ws(spec, n, true);
        net.forward(X.data(), n, ws);
        if (min_hidden_abs_z(net, ws, n) < 1e-3) {
            MESSAGE("member ", m, " has a pre-activation near a kink; skipping its gradient check");
        } else {
            const VectorD analytic = analytic_gradient(net, X, y, ws, Regularization::l2, 0.01);
            const VectorD numeric = numeric_gradient(net, X, y, ws, Regularization::l2, 0.01);
            CHECK(worst_relative_error(analytic, numeric) < 1e-6);
        }
        net.forward(X.data(), n, ws);
        average += ws.A.back().leftCols(n) / 3.0;
        by_hand += reference_forward(net, X) / 3.0;
    }
    CHECK((average - by_hand).cwiseAbs().maxCoeff() < 1e-14);
    // The average of probability vectors is one.
    for (int j = 0; j < n; ++j) CHECK(average.col(j).sum() == doctest::Approx(1.0).epsilon(1e-14));

    // engine/ensemble.h takes the same mean (summed in member order, then divided), and shows
    // each member's own pass on the way; one member gives its outputs as they are.
    Workspace<double> ws(spec, n, false);
    MatrixD mean(3, n);
    std::vector<int> seen;
    ensemble_forward(members, X.data(), n, ws, mean.data(), [&](int k, const Workspace<double>& w) {
        seen.push_back(k);
        CHECK((w.A.back().leftCols(n) - reference_forward(members[std::size_t(k)], X)).cwiseAbs().maxCoeff() < 1e-14);
    });
    CHECK(seen == std::vector<int>{0, 1, 2});
    CHECK((mean - by_hand).cwiseAbs().maxCoeff() < 1e-14);
    const MatrixD summed = reference_forward(members[0], X) + reference_forward(members[1], X) + reference_forward(members[2], X);
    CHECK((mean - summed / 3.0).cwiseAbs().maxCoeff() < 1e-14);
    const std::vector<Network<double>> one{members[1]};
    ensemble_forward(one, X.data(), n, ws, mean.data());
    members[1].forward(X.data(), n, ws);
    CHECK(mean == ws.A.back().leftCols(n));
}

TEST_CASE("network: forward matches the network written out by hand, for every activation") {
    for (Activation act : kActivations) {
        for (Output out : kOutputs) {
            CAPTURE(name_of(act));
            CAPTURE(int(out));
            const NetworkSpec spec = make_spec(3, {5, 4}, {act, act}, out, 3);
            Network<double> net(spec);
            Rng rng("by-hand");
            randomize(net, rng);
            MatrixD X(3, 6);
            for (Eigen::Index i = 0; i < X.size(); ++i) X.data()[i] = rng.uniform(-2, 2);
            Workspace<double> ws(spec, 6, false);
            net.forward(X.data(), 6, ws);
            const MatrixD want = reference_forward(net, X);
            CHECK((ws.A.back().leftCols(6) - want).cwiseAbs().maxCoeff() < 1e-13);
        }
    }
}

TEST_CASE("network: parameters are laid out per layer as W (column-major) then b") {
    const NetworkSpec spec = make_spec(3, {5, 4}, {Activation::tanh, Activation::tanh},
                                       Output::softmax_ce, 3);
    Network<float> net(spec);
    // 5·(3 + 1) + 4·(5 + 1) + 3·(4 + 1) = 20 + 24 + 15
    CHECK(net.params().size() == 59);
    CHECK(net.grads().size() == 59);
    CHECK(net.layer_count() == 3);
    const float* p = net.params().data();
    const float* g = net.grads().data();
    CHECK(net.layer(0).W == p);
    CHECK(net.layer(0).b == p + 15);
    CHECK(net.layer(1).W == p + 20);
    CHECK(net.layer(1).b == p + 40);
    CHECK(net.layer(2).W == p + 44);
    CHECK(net.layer(2).b == p + 56);
    CHECK(net.layer(2).dW == g + 44);
    CHECK(net.layer(2).db == g + 56);
    CHECK(net.layer(1).in == 5);
    CHECK(net.layer(1).out == 4);
    CHECK(net.layer(2).out == 3);
    // A freshly built network is all zeros.
    CHECK(net.params().isZero());
    // W(o, i) is params[offset + i·out + o].
    net.layer(1).weights()(2, 3) = 7.0f;
    CHECK(net.params()[20 + 3 * 4 + 2] == 7.0f);
}

TEST_CASE("network: a workspace larger than the batch gives the same results") {
    const NetworkSpec spec = make_spec(3, {5, 4}, {Activation::swish, Activation::elu},
                                       Output::sigmoid_log, 2);
    Rng rng("capacity");
    Network<double> net(spec);
    randomize(net, rng);
    const int n = 7;
    const MatrixD X = clear_inputs(net, n, rng);
    const VectorD y = make_labels(spec.output, 2, n, rng);

    Workspace<double> exact(spec, n, true), big(spec, 50, true);
    CHECK(big.capacity == 50);
    CHECK(big.Z[0].cols() == 50);
    CHECK(big.dZ.size() == 3);
    const double loss_exact = net.forward(X.data(), n, exact, y.data());
    net.backward(X.data(), y.data(), n, exact);
    const VectorD g_exact = net.grads();
    const double loss_big = net.forward(X.data(), n, big, y.data());
    net.backward(X.data(), y.data(), n, big);
    CHECK(loss_big == loss_exact);
    CHECK(net.grads() == g_exact);
    CHECK(big.A.back().leftCols(n) == exact.A.back());
    // A smaller batch through the big workspace uses only its first columns.
    net.forward(X.data(), 3, big);
    CHECK(big.A.back().leftCols(3) == exact.A.back().leftCols(3));

    // An inference workspace has no gradient buffers.
    Workspace<double> inference(spec, n, false);
    CHECK(inference.dZ.empty());
    CHECK(inference.dA.empty());
    CHECK(inference.Z.size() == 3);
}

TEST_CASE("network: forward without labels gives the same outputs, and returns 0") {
    for (Output out : kOutputs) {
        CAPTURE(int(out));
        const NetworkSpec spec = make_spec(3, {4}, {Activation::tanh}, out, 3);
        Rng rng("unlabelled");
        Network<float> net(spec);
        initialize(net, Init::gaussian, 0.7, 0.1, rng);
        Matrix X(3, 9);
        for (Eigen::Index i = 0; i < X.size(); ++i) X.data()[i] = float(rng.uniform(-1, 1));
        const Vector y = make_labels(out, 3, 9, rng).cast<float>();
        Workspace<float> with(spec, 9, false), without(spec, 9, false);
        const double loss = net.forward(X.data(), 9, with, y.data());
        CHECK(net.forward(X.data(), 9, without) == 0.0);
        CHECK(loss > 0);
        CHECK(with.A.back() == without.A.back());
        CHECK(with.Z.back() == without.Z.back());
        CHECK(without.outputs() == without.A.back().data());
    }
}

TEST_CASE("network: copies own their parameters and their layer views point into them") {
    const NetworkSpec spec = make_spec(2, {3}, {Activation::relu}, Output::tanh_square, 2);
    Rng rng("copies");
    Network<float> original(spec);
    initialize(original, Init::uniform, 0.5, 0.1, rng);
    const Vector before = original.params();

    auto views_inside = [](const Network<float>& net) {
        const float* p = net.params().data();
        const float* g = net.grads().data();
        const Eigen::Index size = net.params().size();
        for (int l = 0; l < net.layer_count(); ++l) {
            const DenseLayer<float>& L = net.layer(l);
            if (L.W < p || L.b + L.out > p + size || L.dW < g || L.db + L.out > g + size) return false;
        }
        return true;
    };

    SUBCASE("copy constructor") {
        Network<float> copy(original);
        CHECK(copy.params() == before);
        CHECK(copy.spec() == original.spec());
        CHECK(views_inside(copy));
        CHECK(copy.layer(0).W != original.layer(0).W);
        copy.params().setConstant(3.0f);
        CHECK(original.params() == before);
        CHECK(copy.layer(0).weights()(0, 0) == 3.0f);
        copy.layer(1).biases()(0) = -5.0f;
        CHECK(copy.params()[copy.params().size() - 1] == -5.0f);
        CHECK(original.params() == before);
    }
    SUBCASE("copy assignment, also to a network of another shape") {
        Network<float> copy(make_spec(4, {6, 6}, {Activation::tanh, Activation::tanh},
                                      Output::softmax_ce, 3));
        copy = original;
        CHECK(copy.layer_count() == 2);
        CHECK(copy.params() == before);
        CHECK(views_inside(copy));
        copy.layer(0).weights()(1, 1) += 1.0f;
        CHECK(original.params() == before);
        CHECK(copy.params() != before);
        // Self-assignment keeps everything.
        Network<float>& self = copy;
        copy = self;
        CHECK(views_inside(copy));
    }
    SUBCASE("a copy computes with its own weights") {
        Network<float> copy = original;
        Matrix X(2, 4);
        X << 0.5f, -1, 0.25f, 1, -0.5f, 0.75f, 1, -1;
        Workspace<float> ws(spec, 4, false);
        original.forward(X.data(), 4, ws);
        const Matrix out_original = ws.A.back();
        copy.forward(X.data(), 4, ws);
        CHECK(ws.A.back() == out_original);
        copy.layer(1).biases()(0) += 0.5f;  // shifts every output's pre-activation
        copy.forward(X.data(), 4, ws);
        CHECK(ws.A.back() != out_original);
        original.forward(X.data(), 4, ws);
        CHECK(ws.A.back() == out_original);
    }
    SUBCASE("copies in a vector survive reallocation") {
        std::vector<Network<float>> nets;
        for (int i = 0; i < 20; ++i) nets.push_back(original);
        for (const auto& net : nets) CHECK(views_inside(net));
    }
}

TEST_CASE("network: regularisation touches weights only, by the documented amounts") {
    const NetworkSpec spec = make_spec(2, {2}, {Activation::tanh}, Output::linear_square, 1);
    Network<double> net(spec);
    // Layer 0: W = [[0.5, −2], [0, 1]] (column-major: 0.5, 0, −2, 1), b = (3, −4);
    // layer 1: W = [[−1, 0.25]], b = (10).
    net.params() << 0.5, 0, -2, 1, 3, -4, -1, 0.25, 10;
    // L2: rate·½Σw² = 0.1·½(0.25 + 4 + 1 + 1 + 0.0625); L1: 0.1·(0.5 + 2 + 1 + 1 + 0.25).
    CHECK(net.regularization_loss(Regularization::l2, 0.1) == doctest::Approx(0.1 * 0.5 * 6.3125));
    CHECK(net.regularization_loss(Regularization::l1, 0.1) == doctest::Approx(0.1 * 4.75));
    CHECK(net.regularization_loss(Regularization::none, 0.1) == 0.0);

    const VectorD g0 = (VectorD(9) << 1, 2, 3, 4, 5, 6, 7, 8, 9).finished();
    SUBCASE("L2: dW += rate·W") {
        net.grads() = g0;
        net.add_regularization_gradient(Regularization::l2, 0.1);
        const VectorD want = (VectorD(9) << 1.05, 2, 2.8, 4.1, 5, 6, 6.9, 8.025, 9).finished();
        CHECK((net.grads() - want).cwiseAbs().maxCoeff() < 1e-15);
    }
    SUBCASE("L1: dW += rate·sign(W), sign(0) = 0") {
        net.grads() = g0;
        net.add_regularization_gradient(Regularization::l1, 0.1);
        const VectorD want = (VectorD(9) << 1.1, 2, 2.9, 4.1, 5, 6, 6.9, 8.1, 9).finished();
        CHECK((net.grads() - want).cwiseAbs().maxCoeff() < 1e-15);
    }
    SUBCASE("biases are untouched, none and rate 0 change nothing") {
        for (Regularization r : kRegularizers) {
            net.grads() = g0;
            net.add_regularization_gradient(r, 0.1);
            CHECK(net.grads()[4] == 5);  // b of layer 0
            CHECK(net.grads()[5] == 6);
            CHECK(net.grads()[8] == 9);  // b of layer 1
            net.grads() = g0;
            net.add_regularization_gradient(r, 0.0);
            CHECK(net.grads() == g0);
        }
        net.grads() = g0;
        net.add_regularization_gradient(Regularization::none, 0.1);
        CHECK(net.grads() == g0);
    }
}

TEST_CASE("network: backward overwrites the gradients of the last batch") {
    const NetworkSpec spec = make_spec(3, {4}, {Activation::tanh}, Output::sigmoid_log, 2);
    Rng rng("overwrite");
    Network<double> net(spec);
    randomize(net, rng);
    const MatrixD X = clear_inputs(net, 5, rng);
    const VectorD y = make_labels(spec.output, 2, 5, rng);
    Workspace<double> ws(spec, 5, true);
    net.forward(X.data(), 5, ws, y.data());
    net.backward(X.data(), y.data(), 5, ws);
    const VectorD once = net.grads();
    net.forward(X.data(), 5, ws, y.data());
    net.backward(X.data(), y.data(), 5, ws);
    CHECK(net.grads() == once);
    CHECK(net.all_finite());
    net.params()[0] = NAN;
    CHECK_FALSE(net.all_finite());
}

TEST_CASE("network: a batch's gradient summed part by part is backward's over the whole, bit for bit") {
    // In float, as the runs train; parts of uneven sizes; with dropout on the first hidden layer.
    for (const Output output : kOutputs) {
        CAPTURE(int(output));
        const int classes = output == Output::softmax_ce ? 3 : 2;
        const NetworkSpec spec = make_spec(2, {9, 6}, {Activation::relu, Activation::tanh}, output, classes);
        Rng rng("parts");
        Network<float> net(spec);
        for (Eigen::Index i = 0; i < net.params().size(); ++i) net.params()[i] = float(rng.uniform(-1, 1));
        const int n = 53;
        Matrix X(2, n);
        Vector y(n);
        for (Eigen::Index i = 0; i < X.size(); ++i) X.data()[i] = float(rng.uniform(-1, 1));
        for (int j = 0; j < n; ++j)
            y[j] = output == Output::linear_square ? float(rng.uniform(-1, 1)) : float(rng.below(classes));
        const std::vector<float> rates = {0.3f, 0.0f};

        Workspace<float> whole(spec, n, true);
        size_dropout(whole, spec, rates);
        Rng masks("masks");
        draw_dropout_masks(whole, rates, n, masks);
        net.forward(X.data(), n, whole);
        net.backward(X.data(), y.data(), n, whole);
        const Vector expected = net.grads();

        Workspace<float> part(spec, 20, true);
        size_dropout(part, spec, rates);
        net.grads().setZero();  // accumulate_gradient only adds
        for (const auto& [first, count] : {std::pair{0, 20}, std::pair{20, 1}, std::pair{21, 20}, std::pair{41, 12}}) {
            part.M[0].leftCols(count) = whole.M[0].middleCols(first, count);
            net.forward(X.data() + 2 * first, count, part);
            net.accumulate_gradient(X.data() + 2 * first, y.data() + first, count, part, 1.0f / float(n));
        }
        CHECK(same_floats(net.grads(), expected));
        CHECK(net.grads().cwiseAbs().maxCoeff() > 0);
    }
}
