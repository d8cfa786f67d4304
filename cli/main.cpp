// main.cpp: the nnplay command line: `nnplay train` runs a playground state
// without the page, `nnplay export` writes its points or model, `nnplay bench`
// times the engine, `nnplay settings` lists the state's keys. This file only
// parses arguments, prints usage and dispatches to the commands of commands.h.
#include "cli/commands.h"

#include "engine/state.h"

#include <charconv>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace nnplay::cli {

void print_usage(std::FILE* out) {
    std::fputs(
        "usage: nnplay <command> [options]\n"
        "\n"
        "commands:\n"
        "  train   train a network on a playground state and print its progress\n"
        "  export  train, then write the points (CSV), the model (JSON) or a PyTorch script\n"
        "  bench   time training and drawing on fixed workloads\n"
        "  settings  list every key of --state: values, default, the page's range\n"
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
        "                 weights starts at its sender's epoch\n"
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
        "  diverged run apart.\n"
        "\n"
        "nnplay export [--state LINK] [--epochs N] [--csv FILE] [--json FILE] [--pytorch FILE]\n"
        "  --state as for train (a query string or a whole link, weights included).\n"
        "  Trains until epoch N (0..1000000, default 100), then writes at least one of:\n"
        "  --csv FILE      the data set's points (training, validation, then test) as\n"
        "                  x,y,label\n"
        "  --json FILE     the model: state, architecture, weights per member and layer,\n"
        "                  last metrics (read back by nnplay train --model)\n"
        "  --pytorch FILE  a PyTorch script: the same network, weights, loss, optimiser,\n"
        "                  regularisation, schedule and data\n"
        "\n"
        "nnplay settings [--markdown]\n"
        "  One line per key of --state: its type, default, allowed values, the range the\n"
        "  page's control offers, whether TensorFlow Playground has it, and its label.\n"
        "  --markdown  the same as the Markdown table of README.md's \"State keys\"\n"
        "\n"
        "nnplay bench [--reps N] [--json] [--only IDS]\n"
        "  --reps N    timed repetitions per workload after one warm-up, 1..1000 (default 7)\n"
        "  --json      one JSON object per workload instead of a table\n"
        "  --only IDS  only these workloads, comma-separated (e.g. W1,W4)\n"
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
        "exit status: 0 success, 1 failure (bench; a rejected or unwritable file), 2 bad\n"
        "command line\n",
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

// The flags train and export share: --state QUERY and --epochs N (min_epochs..1000000).
// Returns false when `flag` is neither; sets bad when its value was refused (already said).
bool run_flag(Args& args, std::string_view flag, std::string& state_query, int& epochs,
              int min_epochs, bool& bad) {
    if (flag == "--state") {
        std::optional<std::string_view> v = args.value(flag);
        if (v) state_query = std::string(*v);
        bad = !v;
        return true;
    }
    if (flag == "--epochs") {
        std::optional<int> v = args.integer(flag, min_epochs, 1000000);
        if (v) epochs = *v;
        bad = !v;
        return true;
    }
    return false;
}

int train_main(int argc, char** argv) {
    TrainOptions options;
    Args args(argc, argv, "train");
    while (!args.done()) {
        std::string_view flag = args.flag();
        bool bad = false;
        if (is_help_flag(flag)) {
            print_usage(stdout);
            return kExitOk;
        } else if (run_flag(args, flag, options.state_query, options.epochs, 1, bad)) {
            if (bad) return usage_error();
        } else if (flag == "--every") {
            std::optional<int> v = args.integer(flag, 1, 2147483647);
            if (!v) return usage_error();
            options.every = *v;
        } else if (flag == "--json") {
            if (!args.no_value(flag)) return usage_error();
            options.json = true;
        } else if (flag == "--points" || flag == "--model") {
            std::optional<std::string_view> v = args.value(flag);
            if (!v) return usage_error();
            (flag == "--points" ? options.points_file : options.model_file) = std::string(*v);
        } else if (flag == "--scale-points") {
            if (!args.no_value(flag)) return usage_error();
            options.scale_points = true;
        } else {
            args.error("unknown option '" + std::string(flag) + "'");
            return usage_error();
        }
    }
    if (!options.model_file.empty() && (!options.state_query.empty() || !options.points_file.empty())) {
        args.error("--model brings its own state: it cannot be combined with --state or --points");
        return usage_error();
    }
    if (options.scale_points && options.points_file.empty()) {
        args.error("--scale-points needs --points");
        return usage_error();
    }
    return run_train(options);
}

int export_main(int argc, char** argv) {
    ExportOptions options;
    Args args(argc, argv, "export");
    while (!args.done()) {
        std::string_view flag = args.flag();
        bool bad = false;
        if (is_help_flag(flag)) {
            print_usage(stdout);
            return kExitOk;
        } else if (run_flag(args, flag, options.state_query, options.epochs, 0, bad)) {
            if (bad) return usage_error();
        } else if (flag == "--csv" || flag == "--json" || flag == "--pytorch") {
            std::optional<std::string_view> v = args.value(flag);
            if (!v) return usage_error();
            std::string& file = flag == "--csv" ? options.csv_file
                              : flag == "--json" ? options.json_file : options.pytorch_file;
            file = std::string(*v);
        } else {
            args.error("unknown option '" + std::string(flag) + "'");
            return usage_error();
        }
    }
    if (options.csv_file.empty() && options.json_file.empty() && options.pytorch_file.empty()) {
        args.error("nothing to write: give --csv FILE, --json FILE or --pytorch FILE");
        return usage_error();
    }
    return run_export(options);
}

int settings_main(int argc, char** argv) {
    SettingsOptions options;
    Args args(argc, argv, "settings");
    while (!args.done()) {
        std::string_view flag = args.flag();
        if (is_help_flag(flag)) {
            print_usage(stdout);
            return kExitOk;
        } else if (flag == "--markdown") {
            if (!args.no_value(flag)) return usage_error();
            options.markdown = true;
        } else {
            args.error("unknown option '" + std::string(flag) + "'");
            return usage_error();
        }
    }
    return run_settings(options);
}

int bench_main(int argc, char** argv) {
    BenchOptions options;
    Args args(argc, argv, "bench");
    while (!args.done()) {
        std::string_view flag = args.flag();
        if (is_help_flag(flag)) {
            print_usage(stdout);
            return kExitOk;
        } else if (flag == "--reps") {
            std::optional<int> v = args.integer(flag, 1, 1000);
            if (!v) return usage_error();
            options.reps = *v;
        } else if (flag == "--json") {
            if (!args.no_value(flag)) return usage_error();
            options.json = true;
        } else if (flag == "--only") {
            std::optional<std::string_view> v = args.value(flag);
            if (!v) return usage_error();
            if (std::optional<std::string> e = bench_only_error(*v)) {
                args.error(*e);
                return usage_error();
            }
            options.only = std::string(*v);
        } else {
            args.error("unknown option '" + std::string(flag) + "'");
            return usage_error();
        }
    }
    return run_bench(options);
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
    if (command == "settings") return settings_main(argc, argv);
    std::fprintf(stderr, "nnplay: unknown command '%s'\n", argv[1]);
    return usage_error();
}
