// test_damage.cpp: the parts of the canvas a frame draws again (web/damage.h): the whole first
// frame, nothing when nothing changed, only the changed tiles otherwise (in disjoint
// rectangles covering each, few of them, near ones merged), the order of what is drawn,
// callbacks every frame, pixels changed for one frame, a new size; where a triangle shows part
// of its texture; the hash of a callback's key.
#include "web/damage.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

using namespace nnplay::web;

namespace {

constexpr int T = Damage::kTile;

// One frame of a fixed scene (a few boxes with their hashes) plus `extra`; its rectangles.
std::vector<PixelRect> frame(Damage& d, const std::vector<std::pair<PixelRect, int>>& extra = {}, int w = 640,
                             int h = 480) {
    d.begin(w, h, 7);
    d.add({0, 0, 640, 40}, 1);       // a top bar
    d.add({10, 60, 200, 400}, 2);    // a panel
    d.add({300, 100, 600, 400}, 3);  // a plot
    for (const auto& [box, hash] : extra) d.add(box, std::uint64_t(hash));
    return d.end();
}

bool covered(const std::vector<PixelRect>& rects, int x, int y) {
    for (const PixelRect& r : rects)
        if (x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1) return true;
    return false;
}

bool disjoint(const std::vector<PixelRect>& rects) {
    for (std::size_t i = 0; i < rects.size(); ++i)
        for (std::size_t j = i + 1; j < rects.size(); ++j)
            if (!intersect(rects[i], rects[j]).empty()) return false;
    return true;
}

}  // namespace

TEST_CASE("damage: the first frame is drawn whole, an unchanged one not at all") {
    Damage d;
    auto rects = frame(d);
    REQUIRE(rects.size() == 1);
    CHECK((rects[0].x0 == 0 && rects[0].y0 == 0 && rects[0].x1 == 640 && rects[0].y1 == 480));
    CHECK(d.whole());
    CHECK(frame(d).empty());
    CHECK(d.share() == 0);
    // Forgotten (the caller cannot trust the pixels kept): whole again.
    d.forget();
    CHECK(frame(d).size() == 1);
    CHECK(d.whole());
}

TEST_CASE("damage: a frame drawn whole without hashing leaves the next one whole too") {
    Damage d;
    frame(d);
    frame(d);
    // Drawn whole, its drawing not hashed (the desktop's window, a check drawing the frame
    // whole): it may have drawn where the next frame draws nothing, which no hash shows.
    d.begin(640, 480, 7);
    d.forget();
    CHECK(d.end().size() == 1);
    auto rects = frame(d);
    CHECK(d.whole());
    CHECK(covered(rects, 639, 479));  // a tile nothing is drawn over
    CHECK(frame(d).empty());          // and then known again
}

TEST_CASE("damage: a change is drawn again over its tiles only") {
    Damage d;
    frame(d, {{{400, 200, 410, 205}, 9}});
    auto rects = frame(d, {{{400, 200, 410, 205}, 10}});  // the same box, other contents
    REQUIRE(rects.size() == 1);
    CHECK((rects[0].x0 == 400 / T * T && rects[0].y0 == 200 / T * T));
    CHECK((rects[0].x1 == rects[0].x0 + T && rects[0].y1 == rects[0].y0 + T));
    CHECK(!d.whole());
    CHECK(d.share() == doctest::Approx(double(T * T) / (640.0 * 480.0)));
    // Gone the frame after: its tile again (the pixels must lose it).
    rects = frame(d);
    REQUIRE(rects.size() == 1);
    CHECK(covered(rects, 405, 202));
    CHECK(frame(d).empty());
}

TEST_CASE("damage: the order of what is drawn counts, and the background under it") {
    Damage d;
    frame(d, {{{100, 100, 120, 120}, 4}, {{100, 100, 120, 120}, 5}});
    CHECK(frame(d, {{{100, 100, 120, 120}, 4}, {{100, 100, 120, 120}, 5}}).empty());
    auto rects = frame(d, {{{100, 100, 120, 120}, 5}, {{100, 100, 120, 120}, 4}});
    CHECK(rects.size() == 1);
    CHECK(covered(rects, 110, 110));
    // Another seed (a new background colour): everything.
    d.begin(640, 480, 8);
    d.add({0, 0, 640, 40}, 1);
    const std::vector<PixelRect> all = d.end();
    CHECK(covered(all, 0, 0));
    CHECK(covered(all, 639, 479));
}

TEST_CASE("damage: what may change unseen is drawn every frame; a new size draws everything") {
    Damage d;
    d.begin(640, 480, 1);
    d.always({300, 100, 364, 164});
    d.end();
    for (int i = 0; i < 3; ++i) {
        d.begin(640, 480, 1);
        d.always({300, 100, 364, 164});
        auto rects = d.end();
        CHECK(covered(rects, 300, 100));
        CHECK(covered(rects, 363, 163));
        CHECK(!covered(rects, 100, 300));
    }
    auto rects = frame(d, {}, 800, 600);
    REQUIRE(rects.size() == 1);
    CHECK((rects[0].x1 == 800 && rects[0].y1 == 600));
}

TEST_CASE("damage: rectangles are disjoint, cover every changed tile, and stay few") {
    Damage d;
    // A scatter of small changes (a diagonal of moving dashes, like the animated links).
    std::vector<std::pair<PixelRect, int>> before, after;
    for (int k = 0; k < 40; ++k) {
        const PixelRect box{20 + 15 * k, 50 + 10 * k, 24 + 15 * k, 53 + 10 * k};
        before.push_back({box, 100 + k});
        after.push_back({box, 200 + k});
    }
    frame(d, before);
    auto rects = frame(d, after);
    CHECK(int(rects.size()) <= Damage::kMaxRects);
    CHECK(disjoint(rects));
    for (const auto& [box, hash] : after) CHECK(covered(rects, box.x0, box.y0));
    CHECK(!covered(rects, 630, 10));  // far from every change
    // Changes everywhere: the whole frame, one rectangle.
    std::vector<std::pair<PixelRect, int>> everywhere;
    for (int y = 0; y < 480; y += T)
        for (int x = 0; x < 640; x += T) everywhere.push_back({{x, y, x + 1, y + 1}, x * 1000 + y});
    frame(d, everywhere);
    for (auto& e : everywhere) e.second += 1;
    rects = frame(d, everywhere);
    CHECK(rects.size() == 1);
    CHECK(d.whole());
}

TEST_CASE("damage: pixels changed in one frame are drawn again in that frame only") {
    Damage d;
    frame(d);
    d.begin(640, 480, 7);
    d.add({0, 0, 640, 40}, 1);
    d.add({10, 60, 200, 400}, 2);
    d.add({300, 100, 600, 400}, 3);
    d.changed({400, 200, 430, 220});  // part of the plot's texture uploaded again
    auto rects = d.end();
    CHECK(covered(rects, 400, 200));
    CHECK(covered(rects, 429, 219));
    CHECK(!covered(rects, 300, 100));  // the rest of the plot stays
    CHECK(frame(d).empty());           // nothing the frame after
}

TEST_CASE("damage: a ring of changes takes few rectangles, not the box around everything") {
    Damage d;
    constexpr int W = 1920, H = 1080;
    std::vector<std::pair<PixelRect, int>> ring;
    for (int k = 0; k < 180; ++k) {  // dots on a circle of radius 400 around (900, 540)
        const double a = 2 * 3.14159265358979 * k / 180;
        const int x = int(900 + 400 * std::cos(a)), y = int(540 + 400 * std::sin(a));
        ring.push_back({{x, y, x + 4, y + 4}, k});
    }
    ring.push_back({{1700, 100, 1710, 110}, 1000});  // and one far away (the epoch counter)
    frame(d, ring, W, H);
    for (auto& r : ring) r.second += 1;
    auto rects = frame(d, ring, W, H);
    CHECK(int(rects.size()) <= Damage::kMaxRects);
    CHECK(disjoint(rects));
    for (const auto& [box, hash] : ring) CHECK(covered(rects, box.x0, box.y0));
    CHECK(!covered(rects, 900, 540));   // the ring's middle
    CHECK(!covered(rects, 1500, 100));  // between the ring and the far change
    CHECK(d.share() < 0.25);
}

TEST_CASE("damage: changes a few tiles apart share a rectangle, far ones do not") {
    // Each rectangle is a pass over the draw commands: two changes two tiles apart on one row
    // of tiles are drawn in one (two tiles' pixels more), the epoch counter and the plot apart.
    Damage d;
    constexpr int W = 1920, H = 1080;
    std::vector<std::pair<PixelRect, int>> near = {{{1000, 500, 1004, 504}, 1},
                                                   {{1000 + 3 * T, 500, 1004 + 3 * T, 504}, 2},
                                                   {{100, 900, 104, 904}, 3}};
    frame(d, near, W, H);
    for (auto& n : near) n.second += 10;
    auto rects = frame(d, near, W, H);
    REQUIRE(rects.size() == 2);
    CHECK(disjoint(rects));
    for (const auto& [box, hash] : near) CHECK(covered(rects, box.x0, box.y0));
    CHECK(d.share() * W * H == doctest::Approx(double(5 * T * T)));  // the two, the gap, the far one
}

TEST_CASE("damage: where a triangle shows part of its texture") {
    // An image as ImGui draws it: (100, 50)–(356, 306) showing uv (0, 0)–(1, 1), 256 pixels.
    const float pos[3][2] = {{100, 50}, {356, 50}, {356, 306}};
    const float uv[3][2] = {{0, 0}, {1, 0}, {1, 1}};
    const float part[4] = {0.25f, 0.5f, 0.5f, 0.75f};
    PixelRect r;
    REQUIRE(uv_part_pixels(pos, uv, part, r));
    CHECK((r.x0 == 100 + 64 - 1 && r.x1 == 100 + 128 + 1 && r.y0 == 50 + 128 - 1 && r.y1 == 50 + 192 + 1));
    // Upside down (v from 1 at the top): the same part lies lower on screen.
    const float flipped[3][2] = {{0, 1}, {1, 1}, {1, 0}};
    REQUIRE(uv_part_pixels(pos, flipped, part, r));
    CHECK((r.x0 == 163 && r.y0 == 50 + 64 - 1 && r.y1 == 50 + 128 + 1));
    // A slot of an atlas beside the part uploaded (its texture coordinates end where the part
    // begins): none of its pixels, not even the pixel's margin.
    const float slot[3][2] = {{0, 0}, {0.25f, 0}, {0.25f, 1}};
    REQUIRE(uv_part_pixels(pos, slot, part, r));
    CHECK(r.empty());
    // A part reaching past the triangle's texture: only the pixels of what it shows.
    const float wide[4] = {-1.0f, 0.5f, 0.5f, 2.0f};
    REQUIRE(uv_part_pixels(pos, uv, wide, r));
    CHECK((r.x0 == 99 && r.x1 == 100 + 128 + 1 && r.y0 == 50 + 128 - 1 && r.y1 == 307));
    // Rotated a quarter turn (x follows v): not an image drawn straight; no extent in u.
    const float turned[3][2] = {{0, 0}, {0, 1}, {1, 1}};
    CHECK(!uv_part_pixels(pos, turned, part, r));
    const float flat[3][2] = {{0.5f, 0}, {0.5f, 0}, {0.5f, 1}};
    CHECK(!uv_part_pixels(pos, flat, part, r));
}

TEST_CASE("damage: rectangles stay inside a frame whose size is not a whole number of tiles") {
    Damage d;
    frame(d, {}, 650, 470);
    auto rects = frame(d, {{{640, 460, 650, 470}, 11}}, 650, 470);
    REQUIRE(rects.size() == 1);
    CHECK(rects[0].x1 == 650);
    CHECK(rects[0].y1 == 470);
    frame(d, {}, 650, 470);
    // Boxes off the frame change nothing.
    CHECK(frame(d, {{{-50, -50, -10, -10}, 3}, {{700, 500, 800, 600}, 4}}, 650, 470).empty());
}

TEST_CASE("damage: a key hashes every byte, in order, and its length") {
    const unsigned char a[11] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    unsigned char b[11];
    std::copy(a, a + 11, b);
    CHECK(hash_bytes(5, a, 11) == hash_bytes(5, b, 11));
    CHECK(hash_bytes(5, a, 11) != hash_bytes(6, a, 11));  // the seed
    for (int i = 0; i < 11; ++i)
        for (int bit = 0; bit < 8; ++bit) {  // any one bit, in the whole words and the rest
            b[i] ^= std::uint8_t(1 << bit);
            CHECK(hash_bytes(5, b, 11) != hash_bytes(5, a, 11));
            b[i] ^= std::uint8_t(1 << bit);
        }
    std::swap(b[0], b[8]);  // two words' bytes swapped
    CHECK(hash_bytes(5, b, 11) != hash_bytes(5, a, 11));
    const unsigned char zeros[9] = {};
    CHECK(hash_bytes(5, zeros, 8) != hash_bytes(5, zeros, 9));  // a trailing zero counts
    CHECK(hash_value(hash_value(0, 1), 2) != hash_value(hash_value(0, 2), 1));  // values in order
}
