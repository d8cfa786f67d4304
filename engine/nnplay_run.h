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
    Slice step_pieces(int max_pieces, Measure measure) override;
    bool mid_epoch() const override { return Run::mid_epoch() || in_batch_; }
    void set_weight(int member, int layer, int to, int from, float value) override;
    void set_bias(int member, int layer, int node, float value) override;
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
    Slice step(int max_batches, int max_pieces, Measure measure);
    void begin_batch();
    bool train_piece();  // true when it ended the batch
    void end_batch();
    void drop_batch();
    void note_dropped(std::size_t member, int n);
    void begin_epoch_snapshot();  // the weights and moments a divergence goes back to
    void begin_epoch();

    // One set's evaluation of the ensemble's mean output: its loss and, where asked (non-null),
    // accuracy, RMSE and confusion counts; made a piece at a time by eval_piece.
    struct SetEval {
        const Matrix* X = nullptr;
        const Vector* y = nullptr;
        double* loss = nullptr;
        double* acc = nullptr;
        double* rmse = nullptr;
        std::vector<int>* confusion = nullptr;
        int start = 0, member = 0;  // the chunk under way, and its next member
        double loss_sum = 0, sq_sum = 0;
        int correct = 0;
    };
    // One member's pass over e's next chunk of kEvalChunk columns (the chunk's tallies after
    // its last member); true when e is done and its figures written. ws and average (outputs,
    // kEvalChunk) are the scratch, kept between pieces.
    bool eval_piece(SetEval& e, Workspace<Scalar>& ws, Matrix& average) const;
    void evaluate_set(const Matrix& X, const Vector& y, double& loss, double& acc, double& rmse,
                      std::vector<int>* confusion) const;
    // What measure() (full) or measure_losses() evaluate, into m; then the rest of their figures.
    std::vector<SetEval> measure_evals(Measure measure, Metrics& m);
    void finish_measure(Measure measure, Metrics& m) const;

    // The end of an epoch, in pieces (step_pieces) or whole: its evaluations (the measure asked
    // for, plateau's training loss, early stopping's validation loss), then complete_epoch:
    // count it, check for divergence, early-stop, step the schedule.
    void begin_ending(Measure measure);
    bool ending_piece(bool at_once) override;
    void complete_epoch();

    OptimizerSettings optimizer_settings_;
    LearningRateSchedule schedule_;

    // Features and labels of each set, computed once per data set.
    Matrix X_train_, X_val_, X_test_;  // (inputs, n_set)
    Vector y_train_, y_val_, y_test_;  // (n_set) class index or target

    std::vector<OptimizerState<Scalar>> opts_;   // one per member
    std::vector<Network<Scalar>> best_;          // early stopping: the best weights so far
    std::vector<OptimizerState<Scalar>> last_good_opts_;

    // The batch under way (step_pieces): gathered at its start, then trained a piece (one
    // member, up to kTrainPiece of its columns) at a time, each member's gradient summed in its
    // grads; every member's optimiser step waits for the last piece.
    mutable Workspace<Scalar> train_ws_;   // (piece) for training
    int batch_size_ = 1;                   // batchSize, within 1..the training points
    Matrix batch_X_;                       // (inputs, batch) gathered batch
    Vector batch_y_;                       // (batch)
    bool in_batch_ = false;
    int batch_n_ = 0;                      // its examples (the epoch's last batch may be short)
    int piece_member_ = 0;                 // the member its next piece trains
    int piece_column_ = 0;                 // that member's examples trained so far
    Rng dropout_at_batch_{""};             // dropout_rng_ where the batch began
    // The order and shuffle stream before the epoch's shuffle: while its first batch is under
    // way, the run stands before the epoch began.
    std::vector<int> order_before_;
    Rng shuffle_before_{""};
    std::vector<Matrix> batch_masks_;      // (width, batch) per hidden layer with dropout
    std::vector<int> order_;               // training order, reshuffled each epoch
    Rng shuffle_rng_{""};
    // Dropout (issue 14, item 7): each hidden layer's rate, the masks' own generator (derived
    // from the seed as "dropout": the other streams are untouched) and, per member, which hidden
    // units (layer by layer) were off for the last example trained, for the network view.
    std::vector<float> dropout_rates_;
    Rng dropout_rng_{""};
    std::vector<std::vector<char>> dropped_;
    mutable Matrix average_;               // (outputs, chunk) ensemble average scratch

    // An epoch's end under way: its evaluations (of the weights the epoch left, which nothing
    // changes meanwhile), into copies of the figures they change, and their own scratch (the
    // page's pictures use eval_ws_ between pieces).
    std::vector<SetEval> ending_evals_;
    std::size_t ending_next_ = 0;
    Metrics ending_metrics_;
    double ending_train_loss_ = 0, ending_val_loss_ = 0;
    Workspace<Scalar> ending_ws_;
    Matrix ending_average_;

    double best_val_ = 0;
    int best_epoch_ = 0;
    int since_best_ = 0;
    bool have_best_ = false;
};

}  // namespace nnplay
