// test_damage.cpp: the parts of the canvas a frame draws again (web/damage.h): the whole first
// frame, nothing when nothing changed, only the changed tiles otherwise (in disjoint
// rectangles covering each), the order of what is drawn, callbacks every frame, a new size;
// the hash of a callback's key.
#include "web/damage.h"

#include <doctest/doctest.h>

#include <algorithm>
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
