// surface_command.cpp: `nnplay surface`, the error surface of a run after N epochs:
// the loss over a 2D slice of weight space around the weights, the directions of the
// slice and the optimiser's path (the weights of every epoch) projected onto it.
#include "cli/commands.h"
#include "cli/link_trainer.h"

#include "engine/json_writer.h"
#include "engine/link.h"
#include "engine/surface.h"
#include "engine/trainer.h"

#include <cmath>
#include <cstdio>
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
        std::string out = "{\"method\":";
        append_json_string(out, name_of(s.method));
        out += ",\"directions\":";
        append_json_string(out, s.description);
        out += ",\"epoch\":" + std::to_string(trainer.epoch()) + ",\"size\":" + std::to_string(s.size);
        auto number = [&](const char* key, double v) {
            out += ",\"";
            out += key;
            out += "\":";
            append_json_number(out, v);
        };
        number("a_min", s.a_min);
        number("a_max", s.a_max);
        number("b_min", s.b_min);
        number("b_max", s.b_max);
        number("a_now", s.a_now);
        number("b_now", s.b_now);
        number("loss_min", s.loss_min);
        number("loss_max", s.loss_max);
        if (s.method == SurfaceMethod::exact)
            out += ",\"weights\":[" + std::to_string(s.weight_a) + "," + std::to_string(s.weight_b) + "]";
        out += ",\"grid\":[";
        for (int i = 0; i < s.size; ++i) {
            out += i ? ",[" : "[";
            for (int j = 0; j < s.size; ++j) {
                if (j) out += ',';
                append_json_number(out, s.loss[std::size_t(i * s.size + j)]);
            }
            out += ']';
        }
        out += "],\"path\":[";
        for (std::size_t k = 0; k < s.path_a.size(); ++k) {
            out += k ? ",{\"epoch\":" : "{\"epoch\":";
            out += std::to_string(s.path_epoch[k]) + ",\"a\":";
            append_json_number(out, s.path_a[k]);
            out += ",\"b\":";
            append_json_number(out, s.path_b[k]);
            out += '}';
        }
        out += "],\"state\":";
        append_json_string(out, to_query(trainer.state()));
        out += "}\n";
        std::fputs(out.c_str(), stdout);
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
