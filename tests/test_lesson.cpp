// test_lesson.cpp: the lesson file reader (engine/lesson.h): headers, tasks and their
// conditions, errors naming the line, the facts a run gives, and checking a reference solution.
#include "engine/lesson.h"

#include "engine/diagnosis.h"
#include "engine/state.h"
#include "engine/trainer.h"

#include <doctest/doctest.h>

using namespace nnplay;

namespace {

const char* const kGood =
    "---\n"
    "title: A lesson\n"
    "id: a-lesson\n"
    "order: 3\n"
    "state: dataset=gauss&networkShape=\n"
    "views: backprop, surface\n"
    "---\n"
    "Some **text**.\n"
    "\n"
    "## Task: First\n"
    "Do this.\n"
    "when: test_acc >= 0.9 and features == y,x\n"
    "hint: one\n"
    "hint: two\n"
    "answer: the answer\n"
    "solution: dataset=gauss&networkShape=\n"
    "epochs: 50\n"
    "\n"
    "## Task: Second\n"
    "when: epoch >= 5 or diagnosis has stall\n"
    "then: learningRate <= prev.learningRate / 10 and train_loss < prev.train_loss\n"
    "answer: cool it\n"
    "solution: dataset=gauss&learningRate=1\n"
    "epochs: 10\n"
    "solution: learningRate=0.1\n"
    "epochs: 100\n";

// The line of the error parse_lesson gives for kGood with `from` replaced by `to`.
ReadError error_of(const std::string& from, const std::string& to) {
    std::string text = kGood;
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    Result<Lesson> r = parse_lesson(text);
    REQUIRE_FALSE(r);
    return r.error;
}

}  // namespace

TEST_CASE("lesson: a good file reads into its header, text and tasks") {
    Result<Lesson> r = parse_lesson(kGood);
    REQUIRE_MESSAGE(r, r.error.message());
    CHECK(r->title == "A lesson");
    CHECK(r->id == "a-lesson");
    CHECK(r->order == 3);
    CHECK(r->state == "dataset=gauss&networkShape=");
    CHECK(r->views == std::vector<std::string>{"backprop", "surface"});
    CHECK(r->body == "Some **text**.\n\n");
    REQUIRE(r->tasks.size() == 2);
    const LessonTask& t = r->tasks[0];
    CHECK(t.title == "First");
    CHECK(t.text == "Do this.\n");
    CHECK(t.line == 10);
    CHECK(t.hints == std::vector<std::string>{"one", "two"});
    CHECK(t.answer == "the answer");
    REQUIRE(t.steps.size() == 1);
    CHECK(t.steps[0].epochs == 50);
    CHECK(t.steps[0].line == 12);
    REQUIRE(t.steps[0].any.size() == 1);
    CHECK(t.steps[0].any[0].size() == 2);
    const LessonTask& u = r->tasks[1];
    REQUIRE(u.steps.size() == 2);
    CHECK(u.steps[0].any.size() == 2);  // "or": two clauses
    CHECK(u.steps[1].any[0][0].prev == "learningRate");
    CHECK(u.steps[1].any[0][0].prev_op == '/');
    CHECK(u.steps[1].any[0][0].prev_arg == 10);
    CHECK(u.steps[1].solution == "learningRate=0.1");
}

TEST_CASE("lesson: bad files are refused with the line and what is wrong") {
    CHECK(error_of("---\ntitle", "title").message() == "line 1: a lesson starts with a header between two '---' lines");
    CHECK(error_of("id: a-lesson", "id: A lesson").line == 3);
    CHECK(error_of("order: 3", "order: three").message() == "line 4: order needs a whole number 0..9999, not 'three'");
    CHECK(error_of("state: dataset=gauss", "state: dataset=gaus").line == 5);
    CHECK(error_of("views: backprop, surface", "views: backprop, magic").message() ==
          "line 6: unknown view 'magic' (backprop, gradients, surface, hidden, lrfinder)");
    CHECK(error_of("views:", "colour:").line == 6);
    CHECK(error_of("test_acc >= 0.9", "test_accuracy >= 0.9").message() ==
          "line 12: unknown name 'test_accuracy' in a condition");
    CHECK(error_of("test_acc >= 0.9", "test_acc => 0.9").line == 12);
    CHECK(error_of("test_acc >= 0.9", "test_acc >=").line == 12);
    CHECK(error_of("diagnosis has stall", "diagnosis == stall").line == 20);
    CHECK(error_of("prev.learningRate / 10", "prev.learningRate / 0").line == 21);
    CHECK(error_of("prev.learningRate / 10", "prev.learningRate + 1").line == 21);
    CHECK(error_of("when: epoch", "then: epoch").line == 20);
    CHECK(error_of("when: test_acc >= 0.9", "when: test_acc >= prev.test_acc").line == 12);
    CHECK(error_of("answer: the answer\n", "").message().find("has no 'answer:'") != std::string::npos);
    CHECK(error_of("epochs: 50", "epochs: 50000").line == 17);
    CHECK(error_of("epochs: 50\n", "").line == 17);  // the task ends with a solution but no epochs
    CHECK(error_of("solution: learningRate=0.1\nepochs: 100\n", "").message().find("one 'solution:' and 'epochs:' per step") !=
          std::string::npos);
    CHECK(error_of("Do this.", "Do this.\x01").line == 11);
    CHECK(error_of("hint: two", "hint two").line == 0 + 14);
    CHECK(error_of("---\nSome", "Some").line == 7);  // no closing line: the header swallows the rest
    const std::string no_task = std::string(kGood).substr(0, std::string(kGood).find("## Task"));
    const Result<Lesson> bare = parse_lesson(no_task);
    REQUIRE_FALSE(bare);
    CHECK(bare.error.message().find("the lesson has no task") != std::string::npos);
    CHECK(bare.error.line == 8);  // its last line with text
    CHECK_FALSE(parse_lesson(std::string(kLessonMaxBytes + 1, 'x')));
    CHECK_FALSE(parse_lesson(""));
}

TEST_CASE("lesson: conditions compare numbers, text, feature sets, the diagnosis and prev") {
    LessonFacts now, prev;
    now.values = {{"test_acc", "0.96"}, {"features", "x,y"}, {"activation", "relu"}, {"learningRate", "0.003"},
                  {"train_loss", "0.2"}};
    now.diagnosis = {"stall"};
    prev.values = {{"learningRate", "0.03"}, {"train_loss", "0.5"}};
    auto holds = [&](const char* text) {
        auto c = parse_condition(text, 1);
        REQUIRE_MESSAGE(c, c.error.message());
        LessonStep step;
        step.any = *c;
        return condition_holds(step, now, prev);
    };
    CHECK(holds("test_acc >= 0.95"));
    CHECK_FALSE(holds("test_acc >= 0.97"));
    CHECK(holds("test_acc>0.9 and activation == relu"));
    CHECK_FALSE(holds("test_acc > 0.9 and activation == tanh"));
    CHECK(holds("activation == tanh or test_acc > 0.9"));
    CHECK(holds("features == y,x"));
    CHECK_FALSE(holds("features == x"));
    CHECK(holds("diagnosis has stall and diagnosis lacks overfitting"));
    CHECK_FALSE(holds("diagnosis has overfitting"));
    CHECK(holds("learningRate <= prev.learningRate / 10"));  // 0.003 vs 0.03/10, within rounding
    CHECK_FALSE(holds("learningRate <= prev.learningRate / 100"));
    CHECK(holds("train_loss < prev.train_loss * 0.5"));
    CHECK_FALSE(holds("activation > relu"));  // text has no order
    CHECK_FALSE(holds("val_loss <= 1"));      // no such figure now: not met
}

TEST_CASE("lesson: a task advances one step at a time, remembering the facts at each") {
    Result<Lesson> r = parse_lesson(kGood);
    REQUIRE(r);
    const LessonTask& task = r->tasks[1];
    TaskProgress p;
    LessonFacts f;
    f.values = {{"epoch", "6"}, {"learningRate", "1"}, {"train_loss", "0.5"}};
    CHECK(advance_task(task, p, f));
    CHECK(p.step == 1);
    CHECK_FALSE(advance_task(task, p, f));  // the same moment does not meet "then"
    f.values["learningRate"] = "0.1";
    f.values["train_loss"] = "0.4";
    CHECK(advance_task(task, p, f));
    CHECK(p.done(task));
}

TEST_CASE("lesson: the facts of a run name its metrics, settings and features") {
    Trainer trainer(from_query("dataset=gauss&networkShape=3,2&xSquared=true&seed=f").state);
    trainer.step_epoch(true);
    Diagnosis d;
    d.update(trainer);
    const LessonFacts f = lesson_facts(trainer, d);
    CHECK(f.get("epoch") == "1");
    CHECK(f.get("dataset") == "gauss");
    CHECK(f.get("networkShape") == "3,2");
    CHECK(f.get("features") == "x,y,xSquared");
    CHECK(f.get("hidden_neurons") == "5");
    CHECK(f.get("hidden_layers") == "2");
    CHECK(f.get("status") == "ok");
    CHECK(std::stod(f.get("test_acc")) == doctest::Approx(trainer.metrics().test_acc));
}

TEST_CASE("lesson: overlay_query puts a step's keys over the run's") {
    CHECK(overlay_query("a=1&b=2&c=3", "b=5&d=4") == "a=1&c=3&b=5&d=4");
    CHECK(overlay_query("", "b=5") == "b=5");
    CHECK(overlay_query("a=1", "") == "a=1");
}

TEST_CASE("lesson: check_task trains the reference solution and names what was missed") {
    Result<Lesson> r = parse_lesson(kGood);
    REQUIRE(r);
    CHECK(check_task(r->tasks[0]) == "");
    CHECK(check_task(r->tasks[1]) == "");
    LessonTask hard = r->tasks[0];
    hard.steps[0].any = *parse_condition("test_acc > 1", 12);
    hard.steps[0].text = "test_acc > 1";
    const std::string why = check_task(hard);
    CHECK(why.find("step 1 (line 12: test_acc > 1) not met after 50 epochs: test_acc = ") == 0);
}

TEST_CASE("lesson: a condition in words, as the Learn panel shows it") {
    auto words = [](const char* text) {
        auto c = parse_condition(text, 1);
        REQUIRE_MESSAGE(c, c.error.message());
        return describe_condition(*c);
    };
    CHECK(words("model == perceptron and test_acc >= 0.95") == "model is perceptron and test accuracy \u2265 95 %");
    CHECK(words("diagnosis has oscillation or diagnosis has stall") ==
          "the diagnosis shows oscillation, or the diagnosis shows stall");
    CHECK(words("learningRate <= prev.learningRate / 10 and train_loss < prev.train_loss * 0.8") ==
          "learning rate \u2264 what it was \u00f7 10 and training loss < 0.8 \u00d7 what it was");
    CHECK(words("seed != prev.seed and networkShape == 2") == "seed is not what it was and network shape = 2");
    CHECK(words("earlyStopping == true and status == early_stopped") == "early stopping is on and status is early stopped");
    CHECK(words("diagnosis lacks vanishing_gradients and hidden_layers >= 6") ==
          "the diagnosis does not show vanishing gradients and hidden layers \u2265 6");
    CHECK(words("regularization == L2 and regularizationRate > 0") == "regularisation is L2 and regularisation rate > 0");
    CHECK(words("test_loss <= prev.train_loss") == "test loss \u2264 the training loss then");
    CHECK(words("initZero == true and diagnosis has symmetry") ==
          "all-zero initialisation is on and the diagnosis shows symmetry");
    // parse_lesson keeps each step's words beside its text.
    auto lesson = parse_lesson("---\ntitle: T\nid: t\norder: 1\nstate: dataset=xor\n---\n## Task: A\n"
                               "when: test_acc >= 0.9\nanswer: a\nsolution: dataset=xor\nepochs: 1\n");
    REQUIRE_MESSAGE(lesson, lesson.error.message());
    CHECK(lesson->tasks[0].steps[0].words == "test accuracy \u2265 90 %");
}
