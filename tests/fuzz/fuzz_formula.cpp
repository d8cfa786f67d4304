// fuzz_formula.cpp: libFuzzer target for the formula parser and evaluator. Any text must
// compile or be refused with a reason and a column inside the text, and a compiled formula
// must evaluate, differentiate and print as PyTorch code without crashing.
#include "engine/formula.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    int characters = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++characters;
    for (nnplay::FormulaVars vars : {nnplay::FormulaVars::x, nnplay::FormulaVars::x1x2}) {
        nnplay::FormulaError error;
        const std::optional<nnplay::Formula> f = nnplay::Formula::compile(text, vars, &error);
        if (!f) {
            FUZZ_CHECK(!error.reason.empty());
            FUZZ_CHECK(error.column >= 0 && error.column <= characters + 1);
            continue;
        }
        FUZZ_CHECK(f->text() == text);
        const double at[2] = {0.75, -1.5};
        (void)f->eval(at);
        double slope = 0;
        (void)f->eval_with_derivative(-0.3, slope);
        float Z[40], A[40], dZ[40];
        for (int i = 0; i < 40; ++i) Z[i] = -4.0f + 0.2f * float(i);
        f->forward(Z, A, 40);
        f->backward(Z, A, dZ, 40);
        FUZZ_CHECK(!f->torch_code().empty());
    }
    return 0;
}
