// train_command.cpp: `nnplay train`, a playground run without the page. Reads
// a state query or a whole shared link (or a model file, and optionally a CSV of
// points), trains epoch by epoch and prints the metrics as a table or as JSON lines,
// so runs can be scripted, compared and reproduced from a link.
#include "cli/commands.h"

#include "engine/csv.h"
#include "engine/diagnosis.h"
#include "engine/json_reader.h"
#include "engine/json_writer.h"
#include "engine/link.h"
#include "engine/model_json.h"
#include "engine/trainer.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <string>

namespace nnplay::cli {

namespace {

// ---------------------------------------------------------------------------
// JSON lines.

// The per-epoch figures, shared by the epoch lines and the final summary.
void add_metrics(JsonLine& j, const Metrics& m) {
    j.add("train_loss", m.train_loss)
        .add("val_loss", m.val_loss)
        .add("test_loss", m.test_loss)
        .add("reg_loss", m.reg_loss)
        .add("total_loss", m.total_loss())
        .add("train_acc", m.train_acc)
        .add("val_acc", m.val_acc)
        .add("test_acc", m.test_acc)
        .add("train_rmse", m.train_rmse)
        .add("val_rmse", m.val_rmse)
        .add("test_rmse", m.test_rmse)
        // The rate is a float in the engine; written as one, 0.03 stays 0.03.
        .add("learning_rate", float(m.learning_rate));
}

// The line with the training diagnosis appended: "diagnosis": [{"code", "message",
// "since_epoch"}, ...], empty for a healthy run.
std::string with_diagnosis(JsonLine j, const Diagnosis& diagnosis) {
    std::string items;
    append_json_array(items, diagnosis.items(), ",", [](std::string& out, const DiagnosisItem& d) {
        out += JsonLine().add("code", d.code).add("message", d.message).add("since_epoch", d.since_epoch).str();
    });
    return j.add_json("diagnosis", items).str();
}

void print_json_epoch(int epoch, const Metrics& m, const Diagnosis& diagnosis) {
    JsonLine j;
    j.add("epoch", epoch);
    add_metrics(j, m);
    // After early stopping the figures are those of the restored weights.
    if (m.restored_epoch > 0) j.add("restored_epoch", m.restored_epoch);
    std::printf("%s\n", with_diagnosis(j, diagnosis).c_str());
}

void print_json_final(const Trainer& trainer, const char* status, const std::string& message,
                      const Diagnosis& diagnosis) {
    JsonLine j;
    j.add("final", true).add("status", status).add("epoch", trainer.epoch());
    add_metrics(j, trainer.metrics());
    if (trainer.metrics().restored_epoch > 0) j.add("restored_epoch", trainer.metrics().restored_epoch);
    j.add("message", message).add("state", to_query(trainer.state()));
    std::printf("%s\n", with_diagnosis(j, diagnosis).c_str());
}

// ---------------------------------------------------------------------------
// The table. Columns depend on the run: RMSE instead of accuracy for
// regression, validation columns only with a validation set, the
// regularisation term only when there is one, the rate only when scheduled.

struct Table {
    bool regression = false;
    bool val = false;
    bool reg = false;
    bool rate = false;

    explicit Table(const Trainer& trainer)
        : regression(trainer.is_regression()),
          val(!trainer.data().val.empty()),
          reg(trainer.state().regularization != Regularization::none),
          rate(trainer.state().schedule != Schedule::constant) {}

    // A figure right-aligned in 12 columns (suffix included), or "-" where it
    // does not apply (NaN), or "inf". A figure too wide for its column (a huge
    // finite loss) is written in %g style, 1.23457e+38, instead of 40 digits.
    static void cell(std::string& line, double value, int precision, const char* suffix = "") {
        char buf[400];
        if (std::isfinite(value)) {
            std::snprintf(buf, sizeof buf, "%.*f%s", precision, value, suffix);
            if (std::strlen(buf) > 11) std::snprintf(buf, sizeof buf, "%.6g%s", value, suffix);
        } else {
            std::snprintf(buf, sizeof buf, "%s", std::isnan(value) ? "-" : value > 0 ? "inf" : "-inf");
        }
        head(line, buf, 12);
    }
    static void head(std::string& line, const char* title, int width) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%*s", width, title);
        line += buf;
    }

    void print_header() const {
        std::string line;
        head(line, "epoch", 7);
        head(line, "train loss", 12);
        if (val) head(line, "val loss", 12);
        head(line, "test loss", 12);
        if (reg) head(line, "reg loss", 12);
        if (reg) head(line, "total loss", 12);
        const char* what = regression ? "rmse" : "acc";
        head(line, ("train " + std::string(what)).c_str(), 12);
        if (val) head(line, ("val " + std::string(what)).c_str(), 12);
        head(line, ("test " + std::string(what)).c_str(), 12);
        if (rate) head(line, "lr", 12);
        std::printf("%s\n", line.c_str());
    }

    void print_row(int epoch, const Metrics& m) const {
        std::string line;
        char buf[32];
        std::snprintf(buf, sizeof buf, "%7d", epoch);
        line += buf;
        cell(line, m.train_loss, 6);
        if (val) cell(line, m.val_loss, 6);
        cell(line, m.test_loss, 6);
        if (reg) cell(line, m.reg_loss, 6);
        if (reg) cell(line, m.total_loss(), 6);
        if (regression) {
            cell(line, m.train_rmse, 4);
            if (val) cell(line, m.val_rmse, 4);
            cell(line, m.test_rmse, 4);
        } else {  // accuracy as a percentage
            cell(line, 100 * m.train_acc, 1, "%");
            if (val) cell(line, 100 * m.val_acc, 1, "%");
            cell(line, 100 * m.test_acc, 1, "%");
        }
        if (rate) {
            std::snprintf(buf, sizeof buf, "%.4g", m.learning_rate);
            head(line, buf, 12);
        }
        if (m.restored_epoch > 0) line += "  (stopped; figures of epoch " + std::to_string(m.restored_epoch) + ")";
        std::printf("%s\n", line.c_str());
    }
};

// Why a run trained nothing: "Nothing was trained at epoch 0: " and the run's
// warnings, which say why (no training points, a perceptron on regression, ...).
std::string nothing_trained_message(const Trainer& trainer) {
    std::string message = "Nothing was trained at epoch " + std::to_string(trainer.epoch()) + ":";
    for (const std::string& w : trainer.warnings()) message += " " + w;
    if (trainer.warnings().empty()) message += " the run cannot train with this state.";
    return message;
}

// "nnplay train: FILE: message" on stderr; the exit status for a rejected file.
int reject(const std::string& file, const std::string& message) {
    std::fprintf(stderr, "nnplay train: %s: %s\n", printable(file).c_str(), printable(message).c_str());
    return kExitFailure;
}

// Puts the CSV's points into the state as its custom data set.
bool take_points(const TrainOptions& options, PlaygroundState& state, std::string& error) {
    std::string text;
    if (!read_text_file(options.points_file, kCsvMaxBytes, text, error)) return false;
    const bool regression = state.problem == Problem::regression;
    CsvImport csv = import_csv(text, {.regression = regression, .scale_to_fit = options.scale_points});
    if (!csv.ok()) {
        error = csv.error.message();
        return false;
    }
    std::fprintf(stderr, "points: %s\n", csv.summary().c_str());
    if (regression) {
        state.reg_dataset = Dataset::custom;
    } else {
        state.dataset = Dataset::custom;
        state.classes = csv.classes();
    }
    state.points = std::move(csv.points);
    return true;
}

}  // namespace

bool read_text_file(const std::string& path, std::size_t limit, std::string& text, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open the file";
        return false;
    }
    text.assign(limit + 1, '\0');
    in.read(text.data(), std::streamsize(limit + 1));
    if (in.bad()) {
        error = "cannot read the file";
        return false;
    }
    text.resize(std::size_t(in.gcount()));
    if (text.size() > limit) {
        // The real size, where the file has one (a pipe has not): not the limit + 1 read.
        in.clear();
        in.seekg(0, std::ios::end);
        const std::streamoff size = in ? std::streamoff(in.tellg()) : -1;
        char megabytes[32];
        std::snprintf(megabytes, sizeof megabytes, "%g", double(limit) / (1 << 20));
        const std::string actual =
            size > std::streamoff(limit) ? std::to_string(size) : "more than " + std::to_string(limit);
        error = "the file is " + actual + " bytes, at most " + std::to_string(limit) + " (" + megabytes + " MB)";
        text.clear();
        return false;
    }
    return true;
}

int run_train(const TrainOptions& options) {
    PlaygroundState state;
    std::optional<ModelImport> model;
    Link link;
    if (!options.model_file.empty()) {
        std::string text, error;
        if (!read_text_file(options.model_file, kJsonMaxBytes, text, error))
            return reject(options.model_file, error);
        Result<ModelImport> imported = import_model_json(text);
        if (!imported) return reject(options.model_file, imported.error.message());
        model = std::move(imported.value);
        for (const std::string& w : model->warnings) std::fprintf(stderr, "warning: %s\n", printable(w).c_str());
        state = model->state;
    } else {
        link = read_link(options.state_query);
        for (const std::string& w : link.warnings) std::fprintf(stderr, "warning: %s\n", printable(w).c_str());
        state = link.state;
    }
    if (!options.points_file.empty()) {
        std::string error;
        if (!take_points(options, state, error)) return reject(options.points_file, error);
    }

    Trainer trainer(state);
    if (model) {
        if (std::string error = load_weights(trainer, model->members); !error.empty())
            return reject(options.model_file, error);
        // The run goes on where the file left it: epoch, schedule, moments, shuffle.
        if (model->run) {
            if (std::string error = trainer.restore(*model->run); !error.empty())
                return reject(options.model_file, "\"run\": " + error);
        } else if (model->metrics) {
            trainer.resume_at(model->metrics->epoch);
        }
    }
    // A link's weights: the run goes on from the sender's epoch, as in the page.
    std::string run_warning;
    if (ReadError error = load_link_weights(trainer, link, &run_warning); !error.empty())
        std::fprintf(stderr, "warning: ignored weights (%s): the run starts from the seed\n",
                     error.reason.c_str());
    if (!run_warning.empty()) std::fprintf(stderr, "warning: %s\n", printable(run_warning).c_str());
    for (const std::string& w : trainer.warnings()) std::fprintf(stderr, "warning: %s\n", printable(w).c_str());
    std::fflush(stderr);

    const Table table(trainer);
    Diagnosis diagnosis;  // fed every epoch; analysed every few and at the last
    auto print = [&](int epoch) {
        if (options.json) print_json_epoch(epoch, trainer.metrics(), diagnosis);
        else table.print_row(epoch, trainer.metrics());
    };

    if (!options.json) {
        std::printf("state: %s\n", to_query(trainer.state()).c_str());
        table.print_header();
    }
    trainer.measure();
    diagnosis.update(trainer);
    print(trainer.epoch());
    int last_printed = trainer.epoch();

    // A stopped run may leave the epoch where it was (a diverged epoch is
    // undone), so an epoch is never printed twice. A run that cannot train
    // (no points, a perceptron on regression or on more than two classes) ends
    // with the status nothing_trained and the reason, and exit status 1.
    std::string nothing_trained;
    while (trainer.epoch() < options.epochs) {
        const bool trained = trainer.step_epoch(true);
        const bool stopped = !trained || trainer.status() != RunStatus::ok;
        if (!trained && trainer.status() == RunStatus::ok) nothing_trained = nothing_trained_message(trainer);
        const int epoch = trainer.epoch();
        const bool last = epoch >= options.epochs || stopped;
        if (last) diagnosis.analyse(trainer);
        else diagnosis.update(trainer);
        const bool due = epoch % options.every == 0 || last;
        if (due && epoch != last_printed) {
            print(epoch);
            last_printed = epoch;
        }
        if (stopped) break;
    }

    const char* status = nothing_trained.empty() ? name_of(trainer.status()) : "nothing_trained";
    const std::string& message = nothing_trained.empty() ? trainer.status_message() : nothing_trained;
    if (options.json) {
        print_json_final(trainer, status, message, diagnosis);
    } else {
        std::printf("status: %s", status);
        if (!message.empty()) std::printf(": %s", printable(message).c_str());
        std::printf("\n");
        for (const DiagnosisItem& d : diagnosis.items())
            std::printf("diagnosis: %s (since epoch %d): %s\n", d.code.c_str(), d.since_epoch, d.message.c_str());
    }
    std::fflush(stdout);
    return nothing_trained.empty() ? kExitOk : kExitFailure;
}

}  // namespace nnplay::cli
