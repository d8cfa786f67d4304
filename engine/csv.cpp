// csv.cpp: the CSV reader and writer of csv.h. One pass reads fields and
// numbers line by line; labels and scaling are decided after it, because
// both depend on the whole file (−1/+1 labels, the largest coordinate).
#include "engine/csv.h"

#include <algorithm>
#include <cmath>

namespace nnplay {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
    return s;
}

std::vector<std::string_view> split_fields(std::string_view line, char delimiter) {
    std::vector<std::string_view> fields;
    for (;;) {
        const std::size_t at = line.find(delimiter);
        fields.push_back(trim(line.substr(0, at)));
        if (at == std::string_view::npos) return fields;
        line.remove_prefix(at + 1);
    }
}

// For messages: a field quoted and cut short.
std::string quoted(std::string_view s) {
    return "'" + std::string(s.substr(0, 30)) + (s.size() > 30 ? "...'" : "'");
}

// "[-6, 6]", from kDomain.
std::string domain_text() {
    return "[" + format_float_shortest(-kDomain) + ", " + format_float_shortest(kDomain) + "]";
}

bool is_blank(std::string_view line) {
    return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

}  // namespace

int CsvImport::classes() const {
    if (class_counts.empty()) return 1;
    return std::max(2, int(class_counts.size()));
}

std::string CsvImport::summary() const {
    if (!ok()) return error.message();
    std::string out = std::to_string(points.size()) + " points";
    if (class_counts.empty()) {
        out += " (regression)";
    } else {
        out += ", " + std::to_string(classes()) + " classes:";
        for (std::size_t c = 0; c < class_counts.size(); ++c)
            out += (c ? ", " : " ") + std::to_string(c) + ": " + std::to_string(class_counts[c]);
    }
    std::string notes;
    if (plus_minus_labels) notes = "labels -1/+1 mapped to 0/1";
    if (scale != 1)
        notes += (notes.empty() ? "" : "; ") + std::string("scaled by ") + format_float_shortest(scale);
    if (!notes.empty()) out += " (" + notes + ")";
    return out;
}

CsvImport import_csv(std::string_view text, const CsvOptions& options) {
    CsvImport result;
    // line 0: an error of the whole file, not of one line.
    auto fail = [&](std::string reason, int line = 0) {
        result.points.clear();
        result.class_counts.clear();
        result.error = ReadError{std::move(reason), line, 0, {}};
        return result;
    };
    if (text.size() > kCsvMaxBytes)
        return fail("the file is " + std::to_string(text.size()) + " bytes, at most " +
                    std::to_string(kCsvMaxBytes) + " (1 MB)");
    // A UTF-8 byte order mark (spreadsheets write one) is no part of the first field.
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos)
        return fail("a NUL byte: this is not a text file",
                    1 + int(std::count(text.begin(), text.begin() + std::ptrdiff_t(nul), '\n')));

    std::vector<int> label_lines;  // the line of each point, for label errors
    bool first = true;
    int line_number = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_number;
        if (is_blank(line) || trim(line).starts_with('#')) continue;

        if (first) {
            result.delimiter = line.find('\t') != std::string_view::npos ? '\t'
                             : line.find(';') != std::string_view::npos  ? ';'
                                                                          : ',';
        }
        const std::vector<std::string_view> fields = split_fields(line, result.delimiter);
        if (fields.size() != 3)
            return fail("expected 3 fields, got " + std::to_string(fields.size()), line_number);
        float x = 0, y = 0, label = 0;
        if (first) {
            first = false;
            if (!parse_float_strict(fields[0], x)) {  // a header: names, not numbers
                result.header = true;
                continue;
            }
        }
        static constexpr const char* names[3] = {"x", "y", "label"};
        float* values[3] = {&x, &y, &label};
        for (int k = 0; k < 3; ++k)
            if (!parse_float_strict(fields[std::size_t(k)], *values[k]))
                return fail(std::string(names[k]) + " " + quoted(fields[std::size_t(k)]) + " is not a finite number",
                            line_number);
        if (int(result.points.size()) == kMaxPoints)
            return fail("more than " + std::to_string(kMaxPoints) + " points", line_number);
        if (!options.scale_to_fit)
            for (int k = 0; k < 2; ++k)
                if (std::fabs(*values[k]) > kDomain)
                    return fail(std::string(names[k]) + " = " + format_float_shortest(*values[k]) + " is outside " +
                                    domain_text() + " (scale the points to fit, or fix the file)",
                                line_number);
        result.points.push_back({x, y, label});
        label_lines.push_back(line_number);
    }
    if (result.points.empty()) return fail("no points in the file");

    if (!options.regression) {
        const bool plus_minus = std::all_of(result.points.begin(), result.points.end(),
                                            [](const Point& p) { return p.label == -1 || p.label == 1; }) &&
                                std::any_of(result.points.begin(), result.points.end(),
                                            [](const Point& p) { return p.label == -1; });
        result.plus_minus_labels = plus_minus;
        for (std::size_t i = 0; i < result.points.size(); ++i) {
            float& label = result.points[i].label;
            if (plus_minus) label = label < 0 ? 0.0f : 1.0f;
            if (label != std::floor(label) || label < 0 || label >= kMaxClasses)
                return fail("label " + format_float_shortest(label) + " is not a class: expected an integer 0.." +
                                std::to_string(kMaxClasses - 1) + ", or -1/+1 for every point",
                            label_lines[i]);
            const auto c = std::size_t(label);
            if (result.class_counts.size() <= c) result.class_counts.resize(c + 1, 0);
            ++result.class_counts[c];
        }
    }

    if (options.scale_to_fit) {
        float largest = 0;
        for (const Point& p : result.points) largest = std::max({largest, std::fabs(p.x), std::fabs(p.y)});
        if (largest > kDomain) {
            result.scale = kDomain / largest;
            for (Point& p : result.points) {
                p.x = std::clamp(p.x * result.scale, -kDomain, kDomain);
                p.y = std::clamp(p.y * result.scale, -kDomain, kDomain);
            }
        }
    }
    return result;
}

std::string export_csv(const std::vector<Point>& points) {
    std::string out = "x,y,label\n";
    for (const Point& p : points)
        out += format_float_shortest(p.x) + ',' + format_float_shortest(p.y) + ',' +
               format_float_shortest(p.label) + '\n';
    return out;
}

}  // namespace nnplay
