// csv.h: points in and out as CSV, "x,y,label" per line, so a data set made
// elsewhere (a spreadsheet, numpy, TensorFlow Playground) can be trained on.
// A file is user input: it is taken whole or not at all, and every error
// names its line.
//
// Reading:
//   - at most kCsvMaxBytes (1 MiB) of text and kMaxPoints (5000) points; a UTF-8 byte order
//     mark at the start is skipped; a NUL byte anywhere refuses the file (a binary file);
//   - delimiter: tab if the first line has one, else ';' if it has one, else ',';
//     numbers use '.' as decimal point whatever the delimiter;
//   - lines: '\n' or "\r\n"; blank lines and lines starting with '#' are skipped;
//     fields are trimmed of blanks and one pair of surrounding double quotes;
//   - header: optional; the first line is one when its first field is not a number;
//   - every line has exactly 3 fields: x, y, label (finite numbers);
//   - classification labels: integer classes 0..kMaxClasses−1 (0..5); or, TensorFlow Playground's
//     style, −1/+1, mapped to 0/1 — only when every label is −1 or +1;
//   - regression labels (CsvOptions::regression): any finite number, kept as is;
//   - coordinates outside [−kDomain, kDomain] = [−6, 6]: refused with the line named, or, with
//     CsvOptions::scale_to_fit, every point scaled by one factor so the
//     largest |coordinate| becomes kDomain (the shape of the data is kept).
#pragma once

#include "engine/result.h"
#include "engine/state.h"

#include <string>
#include <string_view>
#include <vector>

namespace nnplay {

constexpr std::size_t kCsvMaxBytes = 1 << 20;
constexpr int kCsvMaxClasses = kMaxClasses;  // web/ reads this name; it moves to kMaxClasses

struct CsvOptions {
    bool regression = false;    // labels are targets (floats), not classes
    bool scale_to_fit = false;  // scale points outside [−kDomain, kDomain] in, instead of refusing them
};

struct CsvImport {
    std::vector<Point> points;     // empty whenever error is set
    ReadError error;               // line 7, "expected 3 fields, got 2"; empty on success
    char delimiter = ',';
    bool header = false;           // the first line was a header
    bool plus_minus_labels = false;  // labels were −1/+1, mapped to 0/1
    float scale = 1;               // factor applied to every coordinate (1: none)
    std::vector<int> class_counts; // classification: points per class 0..max label

    bool ok() const { return error.empty(); }
    // Classes found (max label + 1, at least 2); 1 for regression.
    int classes() const;
    // One line for a preview: "200 points, 2 classes: 0: 120, 1: 80 (labels -1/+1 mapped to
    // 0/1; scaled by 0.5)" or the error's message ("line 7: expected 3 fields, got 2").
    std::string summary() const;
};

// Parses CSV text as described above. Never throws; on any error the result
// has no points and the message of the first error.
CsvImport import_csv(std::string_view text, const CsvOptions& options = {});

// Writes "x,y,label" and one line per point, numbers in shortest round-trip
// form, so import_csv(export_csv(p)) gives p back exactly (for valid points).
std::string export_csv(const std::vector<Point>& points);

}  // namespace nnplay
