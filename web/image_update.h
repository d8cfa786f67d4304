// image_update.h: which blocks of an image to upload again. While a network trains, the
// output plot's image is coloured anew every third frame, yet from one image to the next most
// of it changes by a level or two of 255, or not at all: uploading only the blocks where some
// texel changed more than that (and so drawing again only where they are shown, web/damage.h)
// keeps most of a 1920×1080 plot as it was. Plain C++ (no GL): tests/test_image_update.cpp.
#pragma once

#include "web/damage.h"

#include <cstdint>
#include <vector>

namespace nnplay::web {

// Images are compared in blocks of kImageBlock² texels (smaller along the last row and column).
constexpr int kImageBlock = 8;

// Brings `shown` (the texels uploaded, width × height, row by row, 4 channels of a byte) up to
// `next` (the same size; else nothing is done) where it lags (all of it, as one rectangle, when
// `shown` has another size): each block with a texel whose channel differs by more than `tolerance`
// is copied whole from `next`, and added to `changed` (in texels; the blocks along a row of
// blocks merged into runs: the parts of the canvas to draw again). Returns true when some texel was left different
// (by at most the tolerance): a later call with tolerance 0 brings them up to date.
bool update_blocks(std::vector<std::uint32_t>& shown, const std::vector<std::uint32_t>& next, int width,
                   int height, int tolerance, std::vector<PixelRect>& changed);

}  // namespace nnplay::web
