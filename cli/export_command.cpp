// export_command.cpp: `nnplay export`, a playground run written out: trains a
// state (or a shared link, from its weights and epoch) up to epoch N, then writes its points as CSV, the model as JSON (which
// `nnplay train --model` reads back) and/or a PyTorch script.
#include "cli/commands.h"
#include "cli/link_trainer.h"

#include "engine/csv.h"
#include "engine/link.h"
#include "engine/model_json.h"
#include "engine/pytorch_export.h"
#include "engine/trainer.h"

#include <cstdio>
#include <fstream>
#include <string>

namespace nnplay::cli {

namespace {

bool write_file(const std::string& path, const std::string& text, const char* what) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(text.data(), std::streamsize(text.size()));
    out.close();
    if (!out) {
        std::fprintf(stderr, "nnplay export: %s: cannot write the file\n", path.c_str());
        return false;
    }
    std::printf("wrote %s (%s, %zu bytes)\n", path.c_str(), what, text.size());
    return true;
}

}  // namespace

int run_export(const ExportOptions& options) {
    const std::unique_ptr<Trainer> owner = trainer_from_link(options.state_query);
    Trainer& trainer = *owner;

    train_until(trainer, options.epochs);
    // --batches: stopped mid-epoch, as the page's slices can leave a run.
    if (options.batches > 0 && trainer.status() == RunStatus::ok) trainer.step_batches(options.batches, Measure::full);
    trainer.measure();
    std::printf("trained %d epochs, status %s\n", trainer.epoch(), name_of(trainer.status()));
    if (trainer.epoch_position() > 0 && trainer.spec().output != Output::step)  // a page's link, stopped mid-epoch
        std::printf("and %d of the %zu training points of epoch %d (mid-epoch): the model file goes on from there, "
                    "the PyTorch script finishes that epoch from the next batch\n",
                    trainer.epoch_position(), trainer.data().train.size(), trainer.epoch() + 1);

    bool ok = true;
    if (!options.csv_file.empty()) {
        const DataSplit& data = trainer.data();
        std::vector<Point> points = data.train;
        points.insert(points.end(), data.val.begin(), data.val.end());
        points.insert(points.end(), data.test.begin(), data.test.end());
        ok = write_file(options.csv_file, export_csv(points), "points CSV") && ok;
    }
    if (!options.json_file.empty())
        ok = write_file(options.json_file, export_model_json(trainer), "model JSON") && ok;
    if (!options.pytorch_file.empty())
        ok = write_file(options.pytorch_file, export_pytorch(trainer), "PyTorch script") && ok;
    std::fflush(stdout);
    return ok ? kExitOk : kExitFailure;
}

}  // namespace nnplay::cli
