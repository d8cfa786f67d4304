// result.h: what every reader of user input gives back (links, payloads, CSV, model JSON):
// the value, or where the input went wrong and why. One shape, so the page and the CLI show
// every rejected link or file the same way ("line 4, column 3: expected ','").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>

namespace nnplay {

// Where and why a reader gave up. Positions are 1-based; 0 means "not known / no such unit"
// (a payload has bytes but no lines, a link has keys but no lines).
struct ReadError {
    std::string reason;  // one sentence without the position: "expected ',' or ']'"
    int line = 0;        // text with lines: CSV, JSON
    int column = 0;      // JSON
    std::string key;     // a link's key the error is in ("weights", "pointData"), or ""

    bool empty() const { return reason.empty(); }
    // "line 4, column 3: expected ','", "weights: checksum mismatch", or just the reason.
    std::string message() const {
        std::string at;
        if (!key.empty()) at = key;
        if (line > 0) at += (at.empty() ? "line " : ", line ") + std::to_string(line);
        if (column > 0) at += ", column " + std::to_string(column);
        return at.empty() ? reason : at + ": " + reason;
    }
};

// A value, or the error that stopped the reader (error.empty() exactly when value is set).
//   Result<Points> r = read(...); if (!r) show(r.error.message()); else use(*r);
template <typename T>
struct Result {
    std::optional<T> value;
    ReadError error;

    Result() = default;
    Result(T v) : value(std::move(v)) {}                 // NOLINT: a value converts implicitly
    Result(ReadError e) : error(std::move(e)) {}          // NOLINT: so does an error
    static Result fail(std::string reason, int line = 0, int column = 0) {
        return ReadError{std::move(reason), line, column, {}};
    }

    explicit operator bool() const { return value.has_value(); }
    T& operator*() { return *value; }
    const T& operator*() const { return *value; }
    T* operator->() { return &*value; }
    const T* operator->() const { return &*value; }
};

}  // namespace nnplay
