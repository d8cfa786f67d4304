// test_help.cpp: engine/help.txt as the page and the CLI read it (engine/help.h).
#include "engine/help.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace nnplay;

TEST_CASE("help: an entry's lines are joined, and unknown ids give no text") {
    const std::string_view lr = help_text("learningRate");
    CHECK(lr.starts_with("How far each step moves the weights"));
    CHECK(lr.find('\n') == std::string_view::npos);  // one paragraph: lines joined with spaces
    CHECK(lr.find("  ") == std::string_view::npos);
    CHECK(help_text("noSuchId").empty());
    CHECK(help_text("").empty());
}

TEST_CASE("help: every id appears once and has text") {
    const auto& ids = help_ids();
    REQUIRE(!ids.empty());
    for (std::string_view id : ids) {
        CAPTURE(std::string(id));
        CHECK(!id.empty());
        CHECK(!help_text(id).empty());
        CHECK(std::count(ids.begin(), ids.end(), id) == 1);
    }
}
