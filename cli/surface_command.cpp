// surface_command.cpp: `nnplay surface`, the error surface of a run after N epochs:
// the loss over a 2D slice of weight space around the weights, the directions of the
// slice and the optimiser's path (the weights of every epoch) projected onto it.
#include "cli/commands.h"
#include "cli/link_trainer.h"

#include "engine/json_writer.h"
#include "engine/link.h"
#include "engine/surface.h"
#include "engine/trainer.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <span>
#include <string>

namespace nnplay::cli {

int run_surface(const SurfaceCommandOptions& options) {
    const std::unique_ptr<Trainer> owner = trainer_from_link(options.state_query);
    Trainer& trainer = *owner;

    WeightPath path;
    path.record(trainer.epoch(), trainer.network(0));
    while (trainer.epoch() < options.epochs && trainer.step_epoch(false)) {
        path.record(trainer.epoch(), trainer.network(0));
        if (trainer.status() != RunStatus::ok) break;
    }
    SurfaceOptions so;
    so.size = options.size;
    so.method = options.method;
    so.weight_a = options.weight_a;
    so.weight_b = options.weight_b;
    const Surface s = compute_surface(trainer, path, so);
    if (!s.error.empty()) {
        std::fprintf(stderr, "nnplay surface: %s\n", s.error.c_str());
        return kExitFailure;
    }

    if (options.json) {
        std::string grid, path, weights;
        append_json_array_n(grid, s.size, ",", [&](std::string& out, int i) {
            append_json_array(out, std::span(s.loss).subspan(std::size_t(i * s.size), std::size_t(s.size)), ",");
        });
        append_json_array_n(path, int(s.path_a.size()), ",", [&](std::string& out, int k) {
            out += JsonLine().add("epoch", s.path_epoch[k]).add("a", s.path_a[k]).add("b", s.path_b[k]).str();
        });
        JsonLine j;
        j.add("method", name_of(s.method)).add("directions", s.description).add("epoch", trainer.epoch());
        j.add("size", s.size).add("a_min", s.a_min).add("a_max", s.a_max).add("b_min", s.b_min).add("b_max", s.b_max);
        j.add("a_now", s.a_now).add("b_now", s.b_now).add("loss_min", s.loss_min).add("loss_max", s.loss_max);
        if (s.method == SurfaceMethod::exact) {
            append_json_array(weights, std::array{s.weight_a, s.weight_b}, ",");
            j.add_json("weights", weights);
        }
        j.add_json("grid", grid).add_json("path", path).add("state", to_query(trainer.state()));
        std::printf("%s\n", j.str().c_str());
    } else {
        std::printf("error surface after %d epochs (status %s)\n", trainer.epoch(), name_of(trainer.status()));
        std::printf("directions: %s\n", s.description.c_str());
        std::printf("grid %dx%d: a (columns) %.6g .. %.6g, b (rows) %.6g .. %.6g; now at a=%.6g b=%.6g\n", s.size,
                    s.size, s.a_min, s.a_max, s.b_min, s.b_max, s.a_now, s.b_now);
        std::printf("mean training loss %.6g .. %.6g; rows from b = %.6g up:\n", s.loss_min, s.loss_max, s.b_min);
        for (int i = 0; i < s.size; ++i) {
            for (int j = 0; j < s.size; ++j)
                std::printf(j ? " %.4g" : "%.4g", s.loss[std::size_t(i * s.size + j)]);
            std::putchar('\n');
        }
        std::printf("path (%zu points):\n", s.path_a.size());
        for (std::size_t k = 0; k < s.path_a.size(); ++k)
            std::printf("epoch %d a=%.6g b=%.6g\n", s.path_epoch[k], s.path_a[k], s.path_b[k]);
        std::printf("state: %s\n", to_query(trainer.state()).c_str());
    }
    std::fflush(stdout);
    return kExitOk;
}

}  // namespace nnplay::cli
