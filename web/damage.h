// damage.h: which parts of the canvas a frame changes. The page's canvas keeps its pixels
// between frames (index.html asks for preserveDrawingBuffer), so a frame need only draw again
// where its drawing differs from the last frame's: in software WebGL (SwiftShader) every pixel
// drawn costs the CPU, and while a network trains most of the page (the controls, the data
// panel, the labels) stays as it was. Plain C++ (no GL, no ImGui): tests/test_damage.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace nnplay::web {

// [x0, x1) × [y0, y1) in framebuffer pixels, y down (ImGui's way).
struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    long long area() const { return empty() ? 0 : (long long)(x1 - x0) * (y1 - y0); }
};
PixelRect intersect(const PixelRect& a, const PixelRect& b);
PixelRect bounds(const PixelRect& a, const PixelRect& b);  // the smallest rectangle holding both

// Where a triangle shows a part of its texture: the triangle's corners at `pos` (pixels) with
// texture coordinates `uv`, the part [u0, u1) × [v0, v1) (`part`): its pixels (a pixel wider
// all round; none when the triangle shows none of the part), when the triangle maps x from u
// and y from v alone (as ImGui draws an image, either way up). False when it maps them
// otherwise (rotated, sheared, or of no extent).
bool uv_part_pixels(const float pos[3][2], const float uv[3][2], const float part[4], PixelRect& out);

// A hash of `size` bytes after `seed` (for the keys of what a GL callback draws): it depends
// on every byte and their order. Hash a struct's fields, not its padding.
std::uint64_t hash_bytes(std::uint64_t seed, const void* data, std::size_t size);
template <class T>
std::uint64_t hash_value(std::uint64_t seed, const T& value) { return hash_bytes(seed, &value, sizeof value); }

// The frame is cut into tiles of kTile² pixels. Each tile's hash sums up, in order, what was
// drawn over it; a tile whose hash differs from the last frame's is drawn again whole (the
// background, then everything over it, clipped to the tile).
class Damage {
public:
    static constexpr int kTile = 32;
    // Each rectangle costs a pass over the frame's draw commands that reach it, and software
    // WebGL pays for every draw call as for thousands of pixels: two rectangles are merged
    // into the one around them when it takes in fewer than kMergeWaste pixels more (16 tiles:
    // at 1920×1080 the default network's training frames went from 45 draw calls to 11–16
    // for about the same share redrawn), and there are never more than kMaxRects.
    static constexpr long long kMergeWaste = 16LL * kTile * kTile;
    static constexpr int kMaxRects = 24;
    // Up to this many are merged pairwise, closest first (a cost of their count cubed);
    // more are first grown to groups of tiles.
    static constexpr int kMaxGreedy = 64;
    // Past this share of the frame, the whole frame is drawn: as cheap, and one pass.
    static constexpr double kWholeShare = 0.75;

    // Starts a frame of width × height pixels; `seed` hashes what lies under everything (the
    // background colour). A new size draws the whole frame (the browser clears a resized
    // canvas).
    void begin(int width, int height, std::uint64_t seed);
    // The pixels kept are not to be trusted, nor this frame's hashes (a frame drawn whole
    // without hashing its drawing): this frame (or the next, between frames) draws everything,
    // and so does the one after it, which cannot tell where this one drew.
    void forget() { known_ = false, blind_ = true; }
    // Something drawn over `box` (clipped to the frame); `hash` stands for its every pixel.
    void add(PixelRect box, std::uint64_t hash);
    // Something whose pixels may change with nothing else changing (a GL callback): drawn
    // again every frame.
    void always(PixelRect box);
    // Pixels changed this frame only (part of a texture uploaded again): drawn again now, and
    // not in the next frame unless something changes there then.
    void changed(PixelRect box);
    // Ends the frame: the rectangles to draw again, disjoint, covering every changed tile
    // (and maybe a few others), clipped to the frame; none when nothing changed.
    const std::vector<PixelRect>& end();

    bool whole() const { return whole_; }  // the last end() gave the whole frame
    double share() const { return share_; }  // ... and the share of its pixels they cover

private:
    void merge_rows(const std::vector<std::uint8_t>& dirty);
    void merge_closest();
    template <class F>
    void for_tiles(PixelRect box, F f);

    int width_ = 0, height_ = 0, cols_ = 0, rows_ = 0;
    std::vector<std::uint64_t> now_, last_;  // (rows_ × cols_) this frame's hashes, the last's
    std::vector<std::uint8_t> changed_;      // ... and the tiles changed(), this frame
    std::vector<PixelRect> rects_;
    std::uint64_t frame_ = 0;
    bool known_ = false;  // last_ describes what the canvas shows
    bool blind_ = false;  // ... and will not after this frame (forget())
    bool whole_ = true;
    double share_ = 1;
};

}  // namespace nnplay::web
