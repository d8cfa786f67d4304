// test_csv.cpp: CSV import and export. Each error names its line, a file with
// an error gives no points, and the options (regression labels, scaling) do
// what csv.h says.
#include "engine/csv.h"

#include <doctest/doctest.h>

#include <string>

using namespace nnplay;

TEST_CASE("csv: header, comma delimiter, class counts") {
    CsvImport r = import_csv("x,y,label\n0.5,-1,0\n1,2,1\n-3,4,1\n");
    REQUIRE_MESSAGE(r.ok(), r.error.message());
    CHECK(r.header);
    CHECK(r.delimiter == ',');
    CHECK(r.points == std::vector<Point>{{0.5f, -1, 0}, {1, 2, 1}, {-3, 4, 1}});
    CHECK(r.class_counts == std::vector<int>{1, 2});
    CHECK(r.classes() == 2);
    CHECK(r.summary() == "3 points, 2 classes: 0: 1, 1: 2");
}

TEST_CASE("csv: no header, semicolon and tab delimiters, CRLF, blank and comment lines") {
    CsvImport semi = import_csv("1;2;0\r\n\r\n# a comment\n3;4;2\r\n");
    REQUIRE_MESSAGE(semi.ok(), semi.error.message());
    CHECK_FALSE(semi.header);
    CHECK(semi.delimiter == ';');
    CHECK(semi.points == std::vector<Point>{{1, 2, 0}, {3, 4, 2}});
    CHECK(semi.class_counts == std::vector<int>{1, 0, 1});
    CHECK(semi.classes() == 3);

    CsvImport tab = import_csv("a\tb\tc\n 1 \t \"2\" \t0\n");
    REQUIRE_MESSAGE(tab.ok(), tab.error.message());
    CHECK(tab.header);
    CHECK(tab.delimiter == '\t');
    CHECK(tab.points == std::vector<Point>{{1, 2, 0}});
}

TEST_CASE("csv: TensorFlow Playground labels -1/+1 map to 0/1") {
    CsvImport r = import_csv("1,1,-1\n2,2,1\n3,3,-1\n");
    REQUIRE_MESSAGE(r.ok(), r.error.message());
    CHECK(r.plus_minus_labels);
    CHECK(r.points[0].label == 0);
    CHECK(r.points[1].label == 1);
    CHECK(r.class_counts == std::vector<int>{2, 1});
    CHECK(r.summary() == "3 points, 2 classes: 0: 2, 1: 1 (labels -1/+1 mapped to 0/1)");
    // Only 1s: classes 0..5 reading, not ±1.
    CsvImport ones = import_csv("1,1,1\n");
    REQUIRE(ones.ok());
    CHECK_FALSE(ones.plus_minus_labels);
    CHECK(ones.points[0].label == 1);
}

TEST_CASE("csv: regression labels are kept as floats") {
    CsvImport r = import_csv("x,y,value\n1,2,0.25\n-1,0,-0.75\n", {.regression = true});
    REQUIRE_MESSAGE(r.ok(), r.error.message());
    CHECK(r.points[1].label == -0.75f);
    CHECK(r.class_counts.empty());
    CHECK(r.classes() == 1);
    CHECK(r.summary() == "2 points (regression)");
}

TEST_CASE("csv: points outside the plot are refused or scaled, as asked") {
    const char* text = "1,2,0\n12,-3,1\n";
    CsvImport refused = import_csv(text);
    CHECK(refused.error.message() == "line 2: x = 12 is outside [-6, 6] (scale the points to fit, or fix the file)");
    CHECK(refused.points.empty());

    CsvImport scaled = import_csv(text, {.scale_to_fit = true});
    REQUIRE_MESSAGE(scaled.ok(), scaled.error.message());
    CHECK(scaled.scale == 0.5f);
    CHECK(scaled.points == std::vector<Point>{{0.5f, 1, 0}, {6, -1.5f, 1}});
    CHECK(scaled.summary() == "2 points, 2 classes: 0: 1, 1: 1 (scaled by 0.5)");

    CsvImport inside = import_csv("1,2,0\n", {.scale_to_fit = true});
    CHECK(inside.scale == 1);  // nothing to do: points are never scaled up
    CHECK(import_csv("0,-7.5,0\n").error.message() ==
          "line 1: y = -7.5 is outside [-6, 6] (scale the points to fit, or fix the file)");
}

TEST_CASE("csv: every error names its line and yields no points") {
    CHECK(import_csv("x,y,label\n1,2,0\n3,4\n").error.message() == "line 3: expected 3 fields, got 2");
    CHECK(import_csv("1,2,0,5\n").error.message() == "line 1: expected 3 fields, got 4");
    CHECK(import_csv("x,y\n1,2,0\n").error.message() == "line 1: expected 3 fields, got 2");
    CHECK(import_csv("1,2,0\n1,abc,0\n").error.message() == "line 2: y 'abc' is not a finite number");
    CHECK(import_csv("1,2,0\n1,2,nan\n").error.message() == "line 2: label 'nan' is not a finite number");
    CHECK(import_csv("1,2,0\ninf,2,0\n").error.message() == "line 2: x 'inf' is not a finite number");
    CHECK(import_csv("1,2,0\n1,2,1e39\n").error.message() == "line 2: label '1e39' is not a finite number");
    CHECK(import_csv("1,2,0\n1,2,\n").error.message() == "line 2: label '' is not a finite number");
    CHECK(import_csv("1,2,0\n\n1,2,2.5\n").error.message() ==
          "line 3: label 2.5 is not a class: expected an integer 0..5, or -1/+1 for every point");
    CHECK(import_csv("1,2,0\n1,2,-1\n").error.message() ==
          "line 2: label -1 is not a class: expected an integer 0..5, or -1/+1 for every point");
    CHECK(import_csv("1,2,6\n").error.message() ==
          "line 1: label 6 is not a class: expected an integer 0..5, or -1/+1 for every point");
    CHECK(import_csv("").error.message() == "no points in the file");
    CHECK(import_csv("x,y,label\n\n").error.message() == "no points in the file");
    CHECK(import_csv("1,2,0\n1,2,abc\n", {.regression = true}).error.message() ==
          "line 2: label 'abc' is not a finite number");
    CsvImport bad = import_csv("1,2,0\n1,2,1\n1,2\n");
    CHECK(bad.points.empty());
    CHECK(bad.class_counts.empty());
    CHECK(bad.summary() == "line 3: expected 3 fields, got 2");
}

TEST_CASE("csv: size and point-count limits") {
    std::string many = "x,y,label\n";
    for (int i = 0; i < 5000; ++i) many += "1,1,0\n";
    CsvImport full = import_csv(many);
    REQUIRE_MESSAGE(full.ok(), full.error.message());
    CHECK(full.points.size() == 5000);
    many += "1,1,1\n";
    CHECK(import_csv(many).error.message() == "line 5002: more than 5000 points");

    std::string big(kCsvMaxBytes + 1, ' ');
    CHECK(import_csv(big).error.message() == "the file is 1048577 bytes, at most 1048576 (1 MB)");
}

TEST_CASE("csv: export writes a header and reads back exactly") {
    std::vector<Point> points = {{0.1f, -5.5f, 1}, {1.0f / 3, 6, 0}, {-2e-5f, 0, 3}};
    std::string text = export_csv(points);
    CHECK(text.starts_with("x,y,label\n0.1,-5.5,1\n"));
    CsvImport back = import_csv(text);
    REQUIRE_MESSAGE(back.ok(), back.error.message());
    CHECK(back.points == points);
    CHECK(export_csv({}) == "x,y,label\n");
}
