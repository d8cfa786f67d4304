// main.cpp: the nnplay command line: `nnplay train` runs a playground state
// without the page, `nnplay export` writes its points or model, `nnplay bench`
// times the engine, `nnplay settings` lists the state's keys. This file only
// parses arguments, prints usage and dispatches to the commands of commands.h.
#include "cli/commands.h"

#include "engine/state.h"
#include "engine/sweep.h"

#include <charconv>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnplay::cli {

void print_usage(std::FILE* out) {
    std::fputs(
        "usage: nnplay <command> [options]\n"
        "\n"
        "commands:\n"
        "  train   train a network on a playground state and print its progress\n"
        "  export  train, then write the points (CSV), the model (JSON) or a PyTorch script\n"
        "  bench   time training and drawing on fixed workloads\n"
        "  sweep   train the same state with several seeds and show the spread\n"
        "  surface the error surface: loss over a 2D slice of weight space, with the path\n"
        "  lr-find the learning-rate finder: loss against a growing rate, and a suggestion\n"
        "  settings  list every key of --state: values, default, the page's range\n"
        "  lessons list the course's lessons, or check that every task can be met\n"
        "  explain one training step for one point: forward, loss, backward, update\n"
        "  help    print this text (also: nnplay --help)\n"
        "\n"
        "nnplay train [--state LINK] [--points FILE.csv [--scale-points]] [--model FILE.json]\n"
        "             [--epochs N] [--every K] [--json]\n"
        "  --state LINK   the playground state as a URL query string, e.g.\n"
        "                 'dataset=spiral&networkShape=8,8&activation=relu&seed=a', or a\n"
        "                 whole link copied from the page (the address, or the text after\n"
        "                 '#'): its points (pointData) are trained on, and its weights, if\n"
        "                 any, are loaded and the run goes on from the sender's epoch;\n"
        "                 keys left out keep their defaults; unknown keys, bad values and\n"
        "                 payloads that cannot be read are ignored with a warning on stderr\n"
        "                 (default: all defaults)\n",
        out);
    // The limits come from engine/state.h.
    const std::string domain = format_float_shortest(kDomain);
    std::fprintf(out,
        "  --points FILE  train on the points of a CSV file (x,y,label per line, header\n"
        "                 optional, delimiter ',' ';' or tab; labels classes 0..%d or -1/+1;\n"
        "                 targets when the state's problem is regression; at most %d\n"
        "                 points and 1 MB): sets dataset=custom (regDataset for regression)\n"
        "                 and classes; a file with any error is rejected (exit status 1)\n"
        "                 with its line number on stderr\n"
        "  --scale-points scale all points by one factor so the largest |coordinate| is %s,\n"
        "                 instead of rejecting points outside [-%s, %s]\n",
        kMaxClasses - 1, kMaxPoints, domain.c_str(), domain.c_str(), domain.c_str());
    std::fputs(
        "  --model FILE   continue from a model JSON (written by nnplay export --json):\n"
        "                 its state and weights; not with --state or --points\n"
        "  --epochs N     train until epoch N, 1..1000000 (default 100); a link with\n"
        "                 weights or a model file goes on from its epoch, schedule and\n"
        "                 optimiser state, exactly as the run it was saved from\n"
        "  --every K      print every K epochs, K >= 1 (default 10); the first epoch\n"
        "                 (0, or a link's, before training) and the last are always printed\n"
        "  --json         print one JSON object per line instead of a table: per epoch\n"
        "                 epoch, train_loss, val_loss, test_loss, reg_loss, train_acc,\n"
        "                 val_acc, test_acc, train_rmse, val_rmse, test_rmse, learning_rate\n"
        "                 (NaN and infinities as null); then a summary with \"final\": true,\n"
        "                 \"status\", \"epoch\", the final figures, \"message\" and \"state\"\n"
        "                 (the canonical query string, which reproduces the run)\n"
        "  Accuracy is shown for classification, RMSE for regression. Training stops\n"
        "  early when the run diverges (a NaN or infinite loss: the diverged epoch is\n"
        "  undone, the last good weights kept) or early stopping triggers (the best\n"
        "  weights restored); the epoch it stopped at is printed. The status is \"ok\",\n"
        "  \"early_stopped\" or \"diverged\", with a message saying why. The exit status\n"
        "  is 0 for all three: read the status line (or the \"status\" key) to tell a\n"
        "  diverged run apart. A run that cannot train at all (no training points, a\n"
        "  perceptron on regression or on more than two classes) ends with the status\n"
        "  \"nothing_trained\", the reason, and exit status 1.\n"
        "\n"
        "nnplay export [--state LINK] [--epochs N] [--batches B] [--csv FILE] [--json FILE] [--pytorch FILE]\n"
        "  --state as for train (a query string or a whole link, weights included).\n"
        "  Trains until epoch N (0..1000000, default 100), then B batches of the next\n"
        "  epoch (--batches, default 0: stopped mid-epoch, as the page can be; at most\n"
        "  the rest of that epoch), then writes at least one of:\n"
        "  --csv FILE      the data set's points (training, validation, then test) as\n"
        "                  x,y,label\n"
        "  --json FILE     the model: state, architecture, weights per member and layer,\n"
        "                  last metrics (read back by nnplay train --model)\n"
        "  --pytorch FILE  a PyTorch script: the same network, weights, loss, optimiser,\n"
        "                  regularisation, schedule and data\n"
        "\n"
        "nnplay explain [--state LINK] [--epochs N] --point X,Y[,LABEL] [--member K] [--json]\n"
        "  Trains until epoch N (0..1000000, default 0), then takes one training step for\n"
        "  the point (x, y) with LABEL (a class index, or the target for regression;\n"
        "  default: the nearest training point's label) and prints each neuron's z, a\n"
        "  and dL/dz, the point's loss, each weight's and bias's dL/dw (the regulariser's\n"
        "  part apart) beside its central finite difference, and each weight after the\n"
        "  step the trainer would take for a batch of just this point. Nothing is trained\n"
        "  by the step. --member K picks the ensemble member (default 0); --json prints\n"
        "  one object with \"layers\" of \"neurons\", \"weights\" and \"biases\".\n"
        "  A point, label or member the run cannot explain: exit status 2.\n"
        "nnplay sweep [--state LINK] [--seeds N] [--epochs E] [--json]\n"
        "  Trains the state (as for train; a link's weights are not used) once per seed:\n"
        "  N seeds (1..50, default 5) derived from the state's seed as SEED/1, SEED/2, ...\n"
        "  (each one reproduces with `nnplay train --state '...&seed=SEED/1'`), E epochs\n"
        "  each (1..100000, default 100). Prints each seed's status and final figures,\n"
        "  then the mean, min and max of the final test loss (and test accuracy).\n"
        "  --json  one object per seed (seed, status, epoch, train_loss, val_loss,\n"
        "          test_loss, train_acc, test_acc, train_rmse, test_rmse), then a summary\n"
        "          with \"final\": true, seeds, epochs, test_loss_mean/_min/_max,\n"
        "          test_acc_mean/_min/_max (classification) and \"state\"\n"
        "nnplay surface [--state LINK] [--epochs N] [--size S] [--method M] [--weights I,J]\n"
        "               [--json]\n"
        "  Trains until epoch N (0..1000000, default 100), recording the weights of every\n"
        "  epoch, then prints the mean training loss over an SxS grid (3..201, default 41)\n"
        "  of a 2D slice of weight space centred on the final weights, the directions of\n"
        "  the slice and the recorded path projected onto it.\n"
        "  --method M      auto (default: exact for a network of two weights, such as one\n"
        "                  unit on two inputs, else random), exact, random (two seeded\n"
        "                  filter-normalised directions, Li et al. 2018) or pca (the top two\n"
        "                  principal directions of the path)\n"
        "  --weights I,J   an exact surface over parameters I and J (indices into the flat\n"
        "                  parameters: per layer its weights by column, then its biases)\n"
        "  --json          one JSON object: method, directions, size, ranges, grid (rows\n"
        "                  of losses), path (epoch, a, b) and state\n"
        "\n"
        "nnplay lr-find [--state LINK] [--epochs N] [--steps K] [--json]\n"
        "  Trains a copy of the run (after N epochs, default 0) for up to K mini-batches\n"
        "  (10..10000, default 300) while the learning rate grows exponentially from 1e-5\n"
        "  to 10, stopping when the loss blows up; prints the smoothed loss against the\n"
        "  rate and suggests the rate where it fell fastest before its minimum, at most a\n"
        "  tenth of the rate where it first rose (the edge of stability).\n"
        "  --json  one JSON object: suggestion, its step, the edge's and the minimum's,\n"
        "          stopped_early, rates, losses and state\n"
        "\n"
        "nnplay settings [--markdown]\n"
        "  One line per key of --state: its type, default, allowed values, the range the\n"
        "  page's control offers, whether TensorFlow Playground has it, and its label.\n"
        "  --markdown  the same as the Markdown table of README.md's \"State keys\"\n"
        "\n"
        "nnplay lessons (--list | --check) [DIR]\n"
        "  The lesson files (*.md) of DIR (default: lessons), see lessons/README.md.\n"
        "  --list   one line per lesson: order, id, title, number of tasks\n"
        "  --check  read every lesson and train each task's reference solution; exit\n"
        "           status 1, naming the lesson, the task and the figures, if a file is\n"
        "           bad or a target is not met\n"
        "\n"
        "nnplay bench [--reps N] [--json] [--threads 1|2] [--only IDS | --formulas]\n"
        "  --reps N    timed repetitions per workload after one warm-up, 1..1000 (default 7)\n"
        "  --threads N at most N threads for W4's grid (default 2: a second thread where the\n"
        "              build has threads and the machine two cores; the WASM CLI has them\n"
        "              as nnplay-cli-mt.js)\n"
        "  --json      one JSON object per workload instead of a table\n"
        "  --only IDS  only these workloads, comma-separated (e.g. W1,W4)\n"
        "  --formulas  instead, W2 trained with tanh, relu and sigmoid against the same\n"
        "              function typed as a formula (tanh(x), relu(x), max(0, x),\n"
        "              sigmoid(x)): both rates in alternating repetitions, their ratio\n"
        "              and whether the losses agree (exit status 1 if they do not)\n"
        "  Workloads: circle data, 500 points, noise 0, features x and y, tanh, sgd,\n"
        "  learning rate 0.03, 50% of the points for training, seed 'bench':\n"
        "    W1  network 2-4-2-1, batch 10 (TensorFlow Playground's default)  samples/s\n"
        "    W2  six hidden layers of 8, batch 10                            samples/s\n"
        "    W3  network 2-64-64-64-1, batch 64                              samples/s\n"
        "    W4  W2's network evaluated over a 256x256 grid (forward only)   ms per grid\n"
        "  samples/s counts training samples processed per second of training time.\n"
        "  Each repetition lasts at least 0.2 s; the median, min and max are printed,\n"
        "  with each workload's state string so it can be reproduced. A training workload\n"
        "  whose loss does not go down is an error (exit status 1).\n"
        "\n"
        "exit status: 0 success, 1 failure (bench; a rejected or unwritable file; a run\n"
        "that trained nothing), 2 bad command line\n",
        out);
}

namespace {

// Reads a whole string as a decimal integer in [lo, hi].
std::optional<long long> parse_integer(std::string_view text, long long lo, long long hi) {
    long long value = 0;
    const char* first = text.data();
    const char* last = first + text.size();
    auto [ptr, ec] = std::from_chars(first, last, value);
    if (text.empty() || ec != std::errc() || ptr != last || value < lo || value > hi)
        return std::nullopt;
    return value;
}

// Walks argv after the command; accepts "--flag value" and "--flag=value".
class Args {
public:
    Args(int argc, char** argv, const char* command) : argc_(argc), argv_(argv), command_(command) {}

    bool done() const { return next_ >= argc_; }

    // Takes the next argument as a flag name; an inline "=value" is kept for value().
    std::string_view flag() {
        std::string_view arg = argv_[next_++];
        inline_value_.reset();
        if (arg.starts_with("--")) {
            if (std::size_t eq = arg.find('='); eq != std::string_view::npos) {
                inline_value_ = arg.substr(eq + 1);
                arg = arg.substr(0, eq);
            }
        }
        return arg;
    }

    // The flag's value, or nullopt (after an error message) when it is missing.
    // A following argument that looks like a flag counts as missing.
    std::optional<std::string_view> value(std::string_view flag) {
        if (inline_value_) {
            std::string_view v = *inline_value_;
            inline_value_.reset();
            return v;
        }
        if (next_ >= argc_ || std::string_view(argv_[next_]).starts_with("--")) {
            error("missing value after " + std::string(flag));
            return std::nullopt;
        }
        return std::string_view(argv_[next_++]);
    }

    // A flag that takes no value must not get one ("--json=1").
    bool no_value(std::string_view flag) {
        if (!inline_value_) return true;
        error(std::string(flag) + " takes no value");
        return false;
    }

    // An integer flag's value in [lo, hi].
    std::optional<int> integer(std::string_view flag, long long lo, long long hi) {
        std::optional<std::string_view> text = value(flag);
        if (!text) return std::nullopt;
        std::optional<long long> v = parse_integer(*text, lo, hi);
        if (!v) {
            error(std::string(flag) + " needs an integer in " + std::to_string(lo) + ".." +
                  std::to_string(hi) + ", not '" + std::string(*text) + "'");
            return std::nullopt;
        }
        return int(*v);
    }

    void error(const std::string& message) const {
        std::fprintf(stderr, "nnplay %s: %s\n", command_, message.c_str());
    }

private:
    int argc_;
    char** argv_;
    const char* command_;
    int next_ = 2;  // argv[0] is the program, argv[1] the command
    std::optional<std::string_view> inline_value_;
};

int usage_error() {
    std::fputc('\n', stderr);
    print_usage(stderr);
    return kExitUsage;
}

bool is_help_flag(std::string_view arg) { return arg == "--help" || arg == "-h"; }

// What a command's handler made of one flag.
enum class Flag {
    taken,    // read (with its value, if it takes one)
    refused,  // its value was missing or bad: the error is already on stderr
    unknown,  // not a flag of this command
};

// Stores a flag's value, if there is one.
template <typename V, typename T>
Flag take(std::optional<V> value, T& out) {
    if (!value) return Flag::refused;
    out = T(*value);
    return Flag::taken;
}

// A flag without a value (--json) sets `out`.
Flag take_switch(Args& args, std::string_view flag, bool& out) {
    if (!args.no_value(flag)) return Flag::refused;
    out = true;
    return Flag::taken;
}

// The flag loop every command shares: --help prints the usage; on_flag(flag) reads the rest.
// Returns the exit status to end with (help, or a usage error), or nullopt to go on.
template <typename OnFlag>
std::optional<int> read_flags(Args& args, OnFlag on_flag) {
    while (!args.done()) {
        const std::string_view flag = args.flag();
        if (is_help_flag(flag)) {
            print_usage(stdout);
            return kExitOk;
        }
        const Flag result = on_flag(flag);
        if (result == Flag::unknown) args.error("unknown option '" + std::string(flag) + "'");
        if (result != Flag::taken) return usage_error();
    }
    return std::nullopt;
}

// The flags train and export share: --state LINK and --epochs N (min_epochs..1000000).
Flag run_flag(Args& args, std::string_view flag, std::string& state_query, int& epochs, int min_epochs) {
    if (flag == "--state") return take(args.value(flag), state_query);
    if (flag == "--epochs") return take(args.integer(flag, min_epochs, 1000000), epochs);
    return Flag::unknown;
}

// A formula in --state that does not compile would train another network than asked for: it
// is a usage error, said with the key and the column (engine/formula.h).
bool refused_formula(const Args& args, const std::string& state_query) {
    const std::vector<std::string> errors = formula_errors_in(state_query);
    for (const std::string& e : errors) args.error("--state: " + e);
    return !errors.empty();
}

int train_main(int argc, char** argv) {
    TrainOptions options;
    Args args(argc, argv, "train");
    const std::optional<int> done = read_flags(args, [&](std::string_view flag) {
        if (flag == "--every") return take(args.integer(flag, 1, 2147483647), options.every);
        if (flag == "--json") return take_switch(args, flag, options.json);
        if (flag == "--points") return take(args.value(flag), options.points_file);
        if (flag == "--model") return take(args.value(flag), options.model_file);
        if (flag == "--scale-points") return take_switch(args, flag, options.scale_points);
        return run_flag(args, flag, options.state_query, options.epochs, 1);
    });
    if (done) return *done;
    if (!options.model_file.empty() && (!options.state_query.empty() || !options.points_file.empty())) {
        args.error("--model brings its own state: it cannot be combined with --state or --points");
        return usage_error();
    }
    if (options.scale_points && options.points_file.empty()) {
        args.error("--scale-points needs --points");
        return usage_error();
    }
    if (refused_formula(args, options.state_query)) return usage_error();
    return run_train(options);
}

int export_main(int argc, char** argv) {
    ExportOptions options;
    Args args(argc, argv, "export");
    const std::optional<int> done = read_flags(args, [&](std::string_view flag) {
        if (flag == "--csv") return take(args.value(flag), options.csv_file);
        if (flag == "--json") return take(args.value(flag), options.json_file);
        if (flag == "--pytorch") return take(args.value(flag), options.pytorch_file);
        if (flag == "--batches") return take(args.integer(flag, 0, 1000000), options.batches);  // mid-epoch
        return run_flag(args, flag, options.state_query, options.epochs, 0);
    });
    if (done) return *done;
    if (options.csv_file.empty() && options.json_file.empty() && options.pytorch_file.empty()) {
        args.error("nothing to write: give --csv FILE, --json FILE or --pytorch FILE");
        return usage_error();
    }
    if (refused_formula(args, options.state_query)) return usage_error();
    return run_export(options);
}

int surface_main(int argc, char** argv) {
    SurfaceCommandOptions options;
    Args args(argc, argv, "surface");
    const std::optional<int> done = read_flags(args, [&](std::string_view flag) {
        if (flag == "--size") return take(args.integer(flag, 3, 201), options.size);
        if (flag == "--json") return take_switch(args, flag, options.json);
        if (flag == "--method") {
            const std::optional<std::string_view> v = args.value(flag);
            if (!v) return Flag::refused;
            std::optional<SurfaceMethod> method;
            for (SurfaceMethod m : {SurfaceMethod::exact, SurfaceMethod::random, SurfaceMethod::pca})
                if (*v == name_of(m)) method = m;
            if (*v == "auto") method = SurfaceMethod::automatic;
            if (!method) {
                args.error("--method needs auto, exact, random or pca, not '" + printable(*v) + "'");
                return Flag::refused;
            }
            options.method = *method;
            return Flag::taken;
        }
        if (flag == "--weights") {
            const std::optional<std::string_view> v = args.value(flag);
            if (!v) return Flag::refused;
            const std::size_t comma = v->find(',');
            std::optional<long long> a, b;
            if (comma != std::string_view::npos) {
                a = parse_integer(v->substr(0, comma), 0, 1000000);
                b = parse_integer(v->substr(comma + 1), 0, 1000000);
            }
            if (!a || !b || *a == *b) {
                args.error("--weights needs two different parameter indices I,J, not '" + printable(*v) + "'");
                return Flag::refused;
            }
            options.weight_a = int(*a);
            options.weight_b = int(*b);
            return Flag::taken;
        }
        return run_flag(args, flag, options.state_query, options.epochs, 0);
    });
    if (done) return *done;
    if (options.weight_a >= 0 && options.method != SurfaceMethod::automatic && options.method != SurfaceMethod::exact) {
        args.error("--weights makes an exact surface: it cannot be combined with --method random or pca");
        return usage_error();
    }
    if (options.weight_a >= 0) options.method = SurfaceMethod::exact;
    return run_surface(options);
}

int lr_find_main(int argc, char** argv) {
    LrFindOptions options;
    Args args(argc, argv, "lr-find");
    const std::optional<int> done = read_flags(args, [&](std::string_view flag) {
        if (flag == "--steps") return take(args.integer(flag, 10, 10000), options.steps);
        if (flag == "--json") return take_switch(args, flag, options.json);
        return run_flag(args, flag, options.state_query, options.epochs, 0);
    });
    return done ? *done : run_lr_find(options);
}

int settings_main(int argc, char** argv) {
    SettingsOptions options;
    Args args(argc, argv, "settings");
    const std::optional<int> done = read_flags(args, [&](std::string_view flag) {
        if (flag == "--markdown") return take_switch(args, flag, options.markdown);
        return Flag::unknown;
    });
    return done ? *done : run_settings(options);
}

int lessons_main(int argc, char** argv) {
    LessonsOptions options;
    Args args(argc, argv, "lessons");
    bool list = false, dir_given = false;
    while (!args.done()) {
        const std::string_view arg = args.flag();
        if (is_help_flag(arg)) {
            print_usage(stdout);
            return kExitOk;
        }
        if (arg == "--check" || arg == "--list") {
            if (!args.no_value(arg)) return usage_error();
            (arg == "--check" ? options.check : list) = true;
        } else if (!arg.starts_with("-") && !dir_given) {
            options.dir = std::string(arg);
            dir_given = true;
        } else {
            args.error("unknown option '" + std::string(arg) + "'");
            return usage_error();
        }
    }
    if (options.check == list) {
        args.error("give one of --list and --check");
        return usage_error();
    }
    return run_lessons(options);
}

// "X,Y" or "X,Y,LABEL" into the options; false after an error message.
bool parse_point(Args& args, std::string_view text, ExplainOptions& options) {
    double v[3];
    int count = 0;
    std::size_t start = 0;
    while (count < 3) {
        const std::size_t comma = text.find(',', start);
        const std::string_view part = text.substr(start, comma == std::string_view::npos ? text.npos : comma - start);
        if (!parse_double_strict(part, v[count])) break;
        ++count;
        if (comma == std::string_view::npos) {
            if (count >= 2) {
                options.x = v[0];
                options.y = v[1];
                if (count == 3) options.label = v[2];
                return true;
            }
            break;
        }
        start = comma + 1;
    }
    args.error("--point needs X,Y or X,Y,LABEL (numbers), not '" + printable(text) + "'");
    return false;
}

int explain_main(int argc, char** argv) {
    ExplainOptions options;
    Args args(argc, argv, "explain");
    bool have_point = false;
    const std::optional<int> done = read_flags(args, [&](std::string_view flag) {
        if (flag == "--json") return take_switch(args, flag, options.json);
        if (flag == "--member") return take(args.integer(flag, 0, 7), options.member);
        if (flag == "--point") {
            const std::optional<std::string_view> v = args.value(flag);
            if (!v || !parse_point(args, *v, options)) return Flag::refused;
            have_point = true;
            return Flag::taken;
        }
        return run_flag(args, flag, options.state_query, options.epochs, 0);
    });
    if (done) return *done;
    if (!have_point) {
        args.error("which point? give --point X,Y[,LABEL]");
        return usage_error();
    }
    return run_explain(options);
}

int sweep_main(int argc, char** argv) {
    SweepOptions options;
    Args args(argc, argv, "sweep");
    const std::optional<int> done = read_flags(args, [&](std::string_view flag) {
        if (flag == "--seeds") return take(args.integer(flag, 1, kMaxSweepSeeds), options.seeds);
        if (flag == "--json") return take_switch(args, flag, options.json);
        if (flag == "--state") return take(args.value(flag), options.state_query);
        if (flag == "--epochs") return take(args.integer(flag, 1, kMaxSweepEpochs), options.epochs);
        return Flag::unknown;
    });
    return done ? *done : run_sweep(options);
}

int bench_main(int argc, char** argv) {
    BenchOptions options;
    Args args(argc, argv, "bench");
    const std::optional<int> done = read_flags(args, [&](std::string_view flag) {
        if (flag == "--reps") return take(args.integer(flag, 1, 1000), options.reps);
        if (flag == "--json") return take_switch(args, flag, options.json);
        if (flag == "--formulas") return take_switch(args, flag, options.formulas);
        if (flag == "--threads") return take(args.integer(flag, 1, 2), options.threads);
        if (flag == "--only") {
            const std::optional<std::string_view> v = args.value(flag);
            if (v)
                if (std::optional<std::string> e = bench_only_error(*v)) {
                    args.error(*e);
                    return Flag::refused;
                }
            return take(v, options.only);
        }
        return Flag::unknown;
    });
    if (done) return *done;
    if (options.formulas && !options.only.empty()) {
        args.error("--formulas and --only: choose one");
        return kExitUsage;
    }
    return options.formulas ? run_bench_formulas(options) : run_bench(options);
}

}  // namespace
}  // namespace nnplay::cli

int main(int argc, char** argv) {
    using namespace nnplay::cli;
    if (argc < 2) {
        std::fputs("nnplay: no command given\n\n", stderr);
        print_usage(stderr);
        return kExitUsage;
    }
    std::string_view command = argv[1];
    if (is_help_flag(command) || command == "help") {
        print_usage(stdout);
        return kExitOk;
    }
    if (command == "train") return train_main(argc, argv);
    if (command == "export") return export_main(argc, argv);
    if (command == "bench") return bench_main(argc, argv);
    if (command == "sweep") return sweep_main(argc, argv);
    if (command == "settings") return settings_main(argc, argv);
    if (command == "lessons") return lessons_main(argc, argv);
    if (command == "explain") return explain_main(argc, argv);
    if (command == "surface") return surface_main(argc, argv);
    if (command == "lr-find") return lr_find_main(argc, argv);
    std::fprintf(stderr, "nnplay: unknown command '%s'\n", argv[1]);
    return usage_error();
}
