// fuzz_lesson.cpp: libFuzzer target for the lesson file reader (engine/lesson.h). Any text
// must read or be refused with a line inside the file, never crash; what reads has its
// limits kept and its conditions evaluate on empty facts without trouble.
#include "engine/lesson.h"

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace nnplay;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const Result<Lesson> r = parse_lesson(text);
    if (!r) {
        FUZZ_CHECK(!r.error.reason.empty());
        const long lines = long(std::count(text.begin(), text.end(), '\n')) + 1;
        FUZZ_CHECK(r.error.line >= 0 && r.error.line <= lines);
        return 0;
    }
    FUZZ_CHECK(!r->title.empty() && !r->id.empty());
    FUZZ_CHECK(int(r->tasks.size()) <= kLessonMaxTasks);
    const LessonFacts none;
    for (const LessonTask& task : r->tasks) {
        FUZZ_CHECK(!task.steps.empty() && int(task.steps.size()) <= kLessonMaxSteps);
        FUZZ_CHECK(!task.answer.empty());
        TaskProgress progress;
        for (const LessonStep& step : task.steps) {
            FUZZ_CHECK(step.epochs >= 0 && step.epochs <= kLessonMaxEpochs);
            FUZZ_CHECK(!step.any.empty());
            (void)condition_holds(step, none, none);
        }
        while (advance_task(task, progress, none)) FUZZ_CHECK(progress.step <= int(task.steps.size()));
    }
    return 0;
}
