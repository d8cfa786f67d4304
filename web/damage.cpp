// damage.cpp: see damage.h.
#include "web/damage.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace nnplay::web {
namespace {

// One step of a hash that depends on order: mix(mix(s, a), b) differs from mix(mix(s, b), a).
std::uint64_t mix(std::uint64_t state, std::uint64_t value) {
    std::uint64_t h = (state ^ value) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
    return h * 0xBF58476D1CE4E5B9ull;
}

}  // namespace

std::uint64_t hash_bytes(std::uint64_t seed, const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    std::uint64_t h = mix(seed, size);
    for (; size >= 8; bytes += 8, size -= 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, bytes, 8);
        h = mix(h, word);
    }
    std::uint64_t rest = 0;
    std::memcpy(&rest, bytes, size);
    return mix(h, rest);
}

PixelRect intersect(const PixelRect& a, const PixelRect& b) {
    return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

bool uv_part_pixels(const float pos[3][2], const float uv[3][2], const float part[4], PixelRect& out) {
    float lo[2] = {}, hi[2] = {};
    for (int axis = 0; axis < 2; ++axis) {
        // pos = offset + scale · uv along this axis, from two corners of different uv.
        int i = 0, j = 1;
        if (uv[i][axis] == uv[j][axis]) j = 2;
        if (uv[i][axis] == uv[j][axis]) i = 1;
        if (uv[i][axis] == uv[j][axis]) return false;
        const float scale = (pos[j][axis] - pos[i][axis]) / (uv[j][axis] - uv[i][axis]);
        const float offset = pos[i][axis] - scale * uv[i][axis];
        for (int k = 0; k < 3; ++k)  // ... and the third corner too
            if (std::fabs(offset + scale * uv[k][axis] - pos[k][axis]) > 0.01f) return false;
        // The part within the triangle's texture coordinates: none when they do not meet (a
        // neighbour's slot in an atlas).
        const float uv_lo = std::min({uv[0][axis], uv[1][axis], uv[2][axis]});
        const float uv_hi = std::max({uv[0][axis], uv[1][axis], uv[2][axis]});
        const float p0 = std::max(part[axis], uv_lo), p1 = std::min(part[axis + 2], uv_hi);
        if (p0 >= p1) {
            out = PixelRect();
            return true;
        }
        const float a = offset + scale * p0, b = offset + scale * p1;
        lo[axis] = std::min(a, b), hi[axis] = std::max(a, b);
    }
    out = {int(std::floor(lo[0])) - 1, int(std::floor(lo[1])) - 1, int(std::ceil(hi[0])) + 1,
           int(std::ceil(hi[1])) + 1};
    return true;
}

PixelRect bounds(const PixelRect& a, const PixelRect& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

void Damage::begin(int width, int height, std::uint64_t seed) {
    width = std::max(width, 0), height = std::max(height, 0);
    if (width != width_ || height != height_) {
        width_ = width, height_ = height;
        cols_ = (width + kTile - 1) / kTile, rows_ = (height + kTile - 1) / kTile;
        last_.assign(std::size_t(cols_) * std::size_t(rows_), 0);
        known_ = false;
    }
    now_.assign(last_.size(), mix(0, seed));
    changed_.assign(last_.size(), 0);
}

// Calls f(row of tiles, first column, last column) for the tiles `box` (clipped) covers.
template <class F>
void Damage::for_tiles(PixelRect box, F f) {
    box = intersect(box, {0, 0, width_, height_});
    if (box.empty()) return;
    for (int ty = box.y0 / kTile; ty <= (box.y1 - 1) / kTile; ++ty) f(ty, box.x0 / kTile, (box.x1 - 1) / kTile);
}

void Damage::add(PixelRect box, std::uint64_t hash) {
    for_tiles(box, [&](int ty, int tx0, int tx1) {
        std::uint64_t* row = now_.data() + std::size_t(ty) * std::size_t(cols_);
        for (int tx = tx0; tx <= tx1; ++tx) row[tx] = mix(row[tx], hash);
    });
}

void Damage::always(PixelRect box) { add(box, mix(0x5EEDull, frame_)); }

void Damage::changed(PixelRect box) {
    for_tiles(box, [&](int ty, int tx0, int tx1) {
        std::fill_n(changed_.begin() + std::ptrdiff_t(ty) * cols_ + tx0, tx1 - tx0 + 1, std::uint8_t(1));
    });
}

// Runs of changed tiles along each row of tiles, a run extending the rectangle right above it
// when that spans the same columns: disjoint rectangles.
void Damage::merge_rows(const std::vector<std::uint8_t>& dirty) {
    rects_.clear();
    std::vector<std::size_t> open, next;  // rectangles ending at the row above, at this row
    for (int r = 0; r < rows_; ++r) {
        next.clear();
        const std::uint8_t* row = dirty.data() + std::size_t(r) * std::size_t(cols_);
        for (int c = 0; c < cols_;) {
            if (!row[c]) {
                ++c;
                continue;
            }
            const int a = c;
            while (c < cols_ && row[c]) ++c;
            const PixelRect run{a * kTile, r * kTile, std::min(c * kTile, width_), std::min((r + 1) * kTile, height_)};
            auto above = std::find_if(open.begin(), open.end(), [&](std::size_t i) {
                return rects_[i].x0 == run.x0 && rects_[i].x1 == run.x1;
            });
            if (above != open.end()) {
                rects_[*above].y1 = run.y1;
                next.push_back(*above);
            } else {
                rects_.push_back(run);
                next.push_back(rects_.size() - 1);
            }
        }
        open.swap(next);
    }
}

// The two rectangles whose bounding box takes in the fewest pixels that neither covers are
// replaced by it (and it by a larger one holding any other it overlaps: the rectangles stay
// disjoint), while there are more than kMaxRects or those pixels are fewer than kMergeWaste.
// Nearby changes merge; far ones (a neuron's thumbnail and the output plot) stay apart.
void Damage::merge_closest() {
    while (rects_.size() > 1) {
        std::size_t a = 0, b = 1;
        long long least = -1;
        for (std::size_t i = 0; i < rects_.size(); ++i)
            for (std::size_t j = i + 1; j < rects_.size(); ++j) {
                const long long waste = bounds(rects_[i], rects_[j]).area() - rects_[i].area() - rects_[j].area();
                if (least < 0 || waste < least) least = waste, a = i, b = j;
            }
        if (int(rects_.size()) <= kMaxRects && least >= kMergeWaste) break;
        PixelRect merged = bounds(rects_[a], rects_[b]);
        rects_.erase(rects_.begin() + std::ptrdiff_t(b));
        rects_.erase(rects_.begin() + std::ptrdiff_t(a));
        for (bool grew = true; grew;) {
            grew = false;
            for (std::size_t k = 0; k < rects_.size(); ++k)
                if (!intersect(merged, rects_[k]).empty()) {
                    merged = bounds(merged, rects_[k]);
                    rects_.erase(rects_.begin() + std::ptrdiff_t(k));
                    grew = true;
                    break;
                }
        }
        rects_.push_back(merged);
    }
}

const std::vector<PixelRect>& Damage::end() {
    ++frame_;
    rects_.clear();
    const long long total = (long long)width_ * height_;
    whole_ = !known_;
    if (known_ && total > 0) {
        std::vector<std::uint8_t> dirty(now_.size());
        for (std::size_t t = 0; t < now_.size(); ++t) dirty[t] = now_[t] != last_[t] || changed_[t];
        merge_rows(dirty);
        // Very many (changes strewn all over): changed tiles grown to the groups of 2², then
        // 4² tiles holding them, which is cheap and stays near the changes.
        for (int group = 2; group <= 4 && int(rects_.size()) > kMaxGreedy; group *= 2) {
            std::vector<std::uint8_t> grown(dirty.size());
            for (int r = 0; r < rows_; ++r)
                for (int c = 0; c < cols_; ++c) {
                    if (!dirty[std::size_t(r) * std::size_t(cols_) + std::size_t(c)]) continue;
                    const int r0 = r / group * group, c0 = c / group * group;
                    for (int y = r0; y < std::min(r0 + group, rows_); ++y)
                        std::fill_n(grown.begin() + std::ptrdiff_t(y) * cols_ + c0, std::min(group, cols_ - c0),
                                    std::uint8_t(1));
                }
            dirty.swap(grown);
            merge_rows(dirty);
        }
        if (int(rects_.size()) > kMaxGreedy) {
            PixelRect all;
            for (const PixelRect& r : rects_) all = bounds(all, r);
            rects_.assign(1, all);
        }
        merge_closest();
        long long area = 0;
        for (const PixelRect& r : rects_) area += r.area();
        whole_ = double(area) > kWholeShare * double(total);
    }
    if (whole_) rects_.assign(1, PixelRect{0, 0, width_, height_});
    if (total <= 0) rects_.clear();
    long long area = 0;
    for (const PixelRect& r : rects_) area += r.area();
    share_ = total > 0 ? double(area) / double(total) : 0;
    known_ = !blind_;
    blind_ = false;
    now_.swap(last_);
    return rects_;
}

}  // namespace nnplay::web
