// fuzz_state.cpp: libFuzzer target for the link reader. Any text must read
// without crashing, and the state it gives must survive to_query/from_query
// unchanged (the promise of state.h), with no warnings the second time.
#include "engine/state.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view query(reinterpret_cast<const char*>(data), size);
    const nnplay::StateReadResult first = nnplay::from_query(query);
    const std::string written = nnplay::to_query(first.state);
    const nnplay::StateReadResult second = nnplay::from_query(written);
    FUZZ_CHECK(second.state == first.state);
    FUZZ_CHECK(second.warnings.empty());
    FUZZ_CHECK(nnplay::to_query(second.state) == written);
    return 0;
}
