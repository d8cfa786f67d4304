// lesson.h: a lesson file (lessons/README.md describes the format): its header, its text and
// its tasks, each a sequence of conditions on a run's metrics, settings and diagnosis, with
// hints, an answer and a reference solution. Pure: the page and `nnplay lessons` share it.
#pragma once

#include "engine/result.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace nnplay {

class Trainer;
class Diagnosis;

// The views of the "see inside" panel a lesson may open, by name.
constexpr const char* kLessonViews[] = {"backprop", "gradients", "surface", "hidden", "lrfinder"};

// Limits that keep a hostile file small to hold and quick to check.
constexpr std::size_t kLessonMaxBytes = 64 * 1024;
constexpr int kLessonMaxTasks = 20;
constexpr int kLessonMaxSteps = 8;
constexpr int kLessonMaxEpochs = 5000;  // a reference solution's epochs per step

// One comparison: `name op value`. value is a literal, or `prev.NAME` (the figure when the
// previous step was met), optionally times or divided by a number.
struct LessonComparison {
    enum class Op { ge, le, gt, lt, eq, ne, has, lacks };
    std::string name;
    Op op = Op::eq;
    std::string literal;        // the value as written (no prev)
    std::string prev;           // the name after "prev.", or ""
    char prev_op = 0;           // '*', '/' or 0
    double prev_arg = 1;
};

// One step of a task: met when any of its clauses holds, a clause when all its comparisons do.
struct LessonStep {
    std::string text;           // the condition as written
    std::string words;          // ... and in words, for the learner (describe_condition)
    int line = 0;
    std::vector<std::vector<LessonComparison>> any;
    std::string solution;       // the reference solution's state query for this step
    int epochs = 0;             // ... and the epochs it trains in this step
};

struct LessonTask {
    std::string title;
    std::string text;           // Markdown between the heading and the first field
    std::vector<LessonStep> steps;
    std::vector<std::string> hints;
    std::string answer;
    int line = 0;               // the task's heading
};

struct Lesson {
    std::string title, id;
    int order = 0;
    std::string state;          // the starting state, a link query
    std::vector<std::string> views;
    std::string body;           // Markdown
    std::vector<LessonTask> tasks;
};

// Reads a lesson file. A bad file gives the first problem and its line.
Result<Lesson> parse_lesson(std::string_view text);

// Reads one condition (what follows "when:" or "then:"); line is for the error.
Result<std::vector<std::vector<LessonComparison>>> parse_condition(std::string_view text, int line);

// A condition in words a learner reads: names as the page calls them ("test accuracy",
// "learning rate"), accuracies in per cent, ≥ ≤ ≠ for the operators, "the diagnosis shows
// stall", and prev as "what it was": "learning rate ≤ what it was ÷ 10".
std::string describe_condition(const std::vector<std::vector<LessonComparison>>& any);

// What a condition can ask about at one moment: each name's value as text (numbers in
// full precision), and the diagnosis codes.
struct LessonFacts {
    std::map<std::string, std::string> values;
    std::vector<std::string> diagnosis;
    // The value of `name`, or "" when there is none.
    std::string get(const std::string& name) const;
};

// The facts of a run now: the metrics (epoch, train_loss, test_acc, ...), status, every
// state key (learningRate, networkShape, ...), features (the enabled ones, "x,y"),
// hidden_neurons, hidden_layers and the diagnosis codes.
LessonFacts lesson_facts(const Trainer& trainer, const Diagnosis& diagnosis);

// Whether a step's condition holds; prev: the facts when the previous step was met.
bool condition_holds(const LessonStep& step, const LessonFacts& now, const LessonFacts& prev);

// How far a learner (or a check) got with one task.
struct TaskProgress {
    int step = 0;               // the step being worked on; == steps.size() when done
    LessonFacts prev;           // the facts when the last step was met
    bool done(const LessonTask& task) const { return step >= int(task.steps.size()); }
};

// Checks the current step against the facts; when it holds, records them and moves on
// (one step per call). Returns whether a step was met.
bool advance_task(const LessonTask& task, TaskProgress& progress, const LessonFacts& now);

// A state query with `delta`'s keys put over `base`'s (a later step's solution changes
// some settings of the run, e.g. "learningRate=0.003").
std::string overlay_query(std::string_view base, std::string_view delta);

// Trains a task's reference solution: step k's solution (over the run's state for k > 0)
// for its epochs, checking after each epoch as the page does. Returns "" when every step is
// met, or what failed: the step, its condition and the figures it names.
std::string check_task(const LessonTask& task);

}  // namespace nnplay
