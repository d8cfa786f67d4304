// nnplay_run.h: nnplay's own training run, in float32 on batches: the data from our seeded
// generator, an MLP or perceptron (or an ensemble of them) with its optimiser and schedule,
// early stopping on a validation set, divergence checks, and the metrics of each epoch.
#pragma once

#include "engine/optimizer.h"
#include "engine/rng.h"
#include "engine/run.h"
#include "engine/schedule.h"

namespace nnplay {

class NnplayRun final : public Run {
public:
    explicit NnplayRun(const PlaygroundState& state);

    void reset() override;
    Slice step_batches(int max_batches, Measure measure) override;
    void resume_at(int epoch) override;
    RunState run_state() const override;
    std::string restore(const RunState& saved) override;
    void measure() override;
    void measure_losses() override;
    bool unit_dropped(int member, int layer, int unit) const override;

private:
    void build_data() override;
    void build_networks() override;
    void take_settings() override;
    void train_batch(const int* index, int n);
    void note_dropped(std::size_t member, int n);
    void begin_epoch_snapshot();  // the weights and moments a divergence goes back to
    void begin_epoch();
    void finish_epoch(Measure measure);
    void evaluate_set(const Matrix& X, const Vector& y, double& loss, double& acc, double& rmse,
                      std::vector<int>* confusion) const;

    OptimizerSettings optimizer_settings_;
    LearningRateSchedule schedule_;

    // Features and labels of each set, computed once per data set.
    Matrix X_train_, X_val_, X_test_;  // (inputs, n_set)
    Vector y_train_, y_val_, y_test_;  // (n_set) class index or target

    std::vector<OptimizerState<Scalar>> opts_;   // one per member
    std::vector<Network<Scalar>> best_;          // early stopping: the best weights so far
    std::vector<OptimizerState<Scalar>> last_good_opts_;

    mutable Workspace<Scalar> train_ws_;   // (batch) for training
    Matrix batch_X_;                       // (inputs, batch) gathered batch
    Vector batch_y_;                       // (batch)
    std::vector<int> order_;               // training order, reshuffled each epoch
    Rng shuffle_rng_{""};
    // Dropout (issue 14, item 7): each hidden layer's rate, the masks' own generator (derived
    // from the seed as "dropout": the other streams are untouched) and, per member, which hidden
    // units (layer by layer) were off for the last example trained, for the network view.
    std::vector<float> dropout_rates_;
    Rng dropout_rng_{""};
    std::vector<std::vector<char>> dropped_;
    mutable Matrix average_;               // (outputs, chunk) ensemble average scratch

    double best_val_ = 0;
    int best_epoch_ = 0;
    int since_best_ = 0;
    bool have_best_ = false;
};

}  // namespace nnplay
