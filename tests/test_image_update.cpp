// test_image_update.cpp: the blocks of the output plot's image uploaded again (web/image_update.h):
// only those holding a texel changed past the tolerance, whole, merged along a row; the texels
// left within the tolerance are reported, and brought up to date with tolerance 0.
#include "web/image_update.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

using namespace nnplay::web;

namespace {

constexpr int B = kImageBlock;

std::uint32_t grey(int level) { return 0xFF000000u | std::uint32_t(level) * 0x010101u; }

}  // namespace

TEST_CASE("image update: nothing uploaded before, all of it") {
    std::vector<std::uint32_t> shown, next(24 * 16, grey(100));
    std::vector<PixelRect> changed;
    CHECK(!update_blocks(shown, next, 24, 16, 2, changed));
    REQUIRE(changed.size() == 1);
    CHECK((changed[0].x0 == 0 && changed[0].y0 == 0 && changed[0].x1 == 24 && changed[0].y1 == 16));
    CHECK(shown == next);
    changed.clear();
    CHECK(!update_blocks(shown, next, 24, 16, 0, changed));  // the same: nothing
    CHECK(changed.empty());
    // A next image of the wrong size changes nothing.
    CHECK(!update_blocks(shown, std::vector<std::uint32_t>(5), 24, 16, 0, changed));
    CHECK(changed.empty());
}

TEST_CASE("image update: the blocks changed past the tolerance, whole, in runs along a row") {
    const int W = 5 * B, H = 3 * B;
    std::vector<std::uint32_t> shown(W * H, grey(100)), next = shown;
    next[std::size_t(B + 1) * W + 1] = grey(103);          // block (0, 1): by 3, past 2
    next[std::size_t(B + 2) * W + B + 3] = grey(90);       // block (1, 1): by 10
    next[std::size_t(2 * B) * W + 4 * B] = grey(102);      // block (4, 2): by 2, within
    next[std::size_t(B) * W + 3 * B + 7] = 0xFF646480u;    // block (3, 1): one channel by 28
    std::vector<PixelRect> changed;
    CHECK(update_blocks(shown, next, W, H, 2, changed));   // one texel left behind
    REQUIRE(changed.size() == 2);
    CHECK((changed[0].x0 == 0 && changed[0].x1 == 2 * B && changed[0].y0 == B && changed[0].y1 == 2 * B));
    CHECK((changed[1].x0 == 3 * B && changed[1].x1 == 4 * B && changed[1].y0 == B && changed[1].y1 == 2 * B));
    for (int y = 0; y < H; ++y)
        for (int x = 0; x < W; ++x) {
            const std::size_t i = std::size_t(y) * W + x;
            const bool copied = y >= B && y < 2 * B && (x < 2 * B || (x >= 3 * B && x < 4 * B));
            CHECK(shown[i] == (copied ? next[i] : grey(100)));
        }
    // Tolerance 0 brings the last texel in, and then nothing lags.
    changed.clear();
    CHECK(!update_blocks(shown, next, W, H, 0, changed));
    REQUIRE(changed.size() == 1);
    CHECK((changed[0].x0 == 4 * B && changed[0].y0 == 2 * B && changed[0].x1 == W && changed[0].y1 == H));
    CHECK(shown == next);
}

TEST_CASE("image update: an image not a whole number of blocks") {
    const int W = B + 3, H = B + 5;
    std::vector<std::uint32_t> shown(W * H, grey(10)), next = shown;
    next[std::size_t(H - 1) * W + W - 1] = grey(200);  // the corner's partial block
    next[0] = grey(200);
    std::vector<PixelRect> changed;
    CHECK(!update_blocks(shown, next, W, H, 0, changed));
    REQUIRE(changed.size() == 2);
    CHECK((changed[0].x0 == 0 && changed[0].x1 == B && changed[0].y1 == B));
    CHECK((changed[1].x0 == B && changed[1].x1 == W && changed[1].y0 == B && changed[1].y1 == H));
    CHECK(shown == next);
}
