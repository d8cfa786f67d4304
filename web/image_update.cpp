// image_update.cpp: see image_update.h.
#include "web/image_update.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace nnplay::web {
namespace {

// The largest difference of one channel between two rows of texels.
int row_difference(const std::uint32_t* a, const std::uint32_t* b, int n) {
    int most = 0;
    for (int i = 0; i < n; ++i) {
        if (a[i] == b[i]) continue;
        for (int shift = 0; shift < 32; shift += 8)
            most = std::max(most, std::abs(int((a[i] >> shift) & 255u) - int((b[i] >> shift) & 255u)));
    }
    return most;
}

}  // namespace

bool update_blocks(std::vector<std::uint32_t>& shown, const std::vector<std::uint32_t>& next, int width,
                   int height, int tolerance, std::vector<PixelRect>& changed) {
    const std::size_t texels = std::size_t(std::max(width, 0)) * std::size_t(std::max(height, 0));
    if (next.size() != texels) return false;
    if (shown.size() != texels) {  // nothing to compare with: all of it
        shown = next;
        if (texels > 0) changed.push_back({0, 0, width, height});
        return false;
    }
    bool left = false;
    for (int y0 = 0; y0 < height; y0 += kImageBlock) {
        const int y1 = std::min(y0 + kImageBlock, height);
        int run = -1;  // where the run of changed blocks under way began, else -1
        const int blocks = (width + kImageBlock - 1) / kImageBlock;
        for (int b = 0; b <= blocks; ++b) {  // the last, past the edge, ends a run
            const int x0 = std::min(b * kImageBlock, width), x1 = std::min(x0 + kImageBlock, width);
            int most = 0;
            for (int y = y0; y < y1 && most <= tolerance; ++y) {
                const std::size_t at = std::size_t(y) * std::size_t(width) + std::size_t(x0);
                most = std::max(most, row_difference(shown.data() + at, next.data() + at, x1 - x0));
            }
            if (most > 0 && most <= tolerance) left = true;
            if (most > tolerance) {
                if (run < 0) run = x0;
                continue;
            }
            if (run < 0) continue;
            for (int y = y0; y < y1; ++y) {  // the run ends before this block: copied, noted
                const std::size_t at = std::size_t(y) * std::size_t(width) + std::size_t(run);
                std::memcpy(shown.data() + at, next.data() + at, std::size_t(x0 - run) * sizeof(std::uint32_t));
            }
            changed.push_back({run, y0, x0, y1});
            run = -1;
        }
    }
    return left;
}

}  // namespace nnplay::web
