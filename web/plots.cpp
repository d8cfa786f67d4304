// plots.cpp: the loss chart, data set previews and plot axes (see plots.h). Plain ImGui
// draw-list geometry: a few hundred vertices each, redrawn every frame.
#include "web/plots.h"

#include "engine/dataset.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace nnplay::web {
namespace {

ImU32 lerp_colour(ImU32 a, ImU32 b, float t) {
    ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t,
                                                 x.z + (y.z - x.z) * t, 1.0f));
}

}  // namespace

ImU32 diverging_colour(float v) {
    v = std::clamp(v, -1.0f, 1.0f);
    return v < 0 ? lerp_colour(kNeutral, kOrange, -v) : lerp_colour(kNeutral, kBlue, v);
}

ImU32 label_colour(float label, bool regression) {
    if (regression) return diverging_colour(label);
    int c = std::clamp(int(label), 0, 5);
    return kClassColours[c];
}

void colour_heatmap(const float* values, int R, const HeatStyle& style, float px_per_cell,
                    std::vector<ImU32>& out) {
    out.resize(std::size_t(R) * std::size_t(R));
    struct Rgb { float r, g, b; };
    auto rgb = [](ImU32 c) {
        return Rgb{float((c >> IM_COL32_R_SHIFT) & 0xff), float((c >> IM_COL32_G_SHIFT) & 0xff),
                   float((c >> IM_COL32_B_SHIFT) & 0xff)};
    };
    const Rgb neutral = rgb(kNeutral);
    Rgb hues[kMaxClasses];
    for (int c = 0; c < kMaxClasses; ++c) hues[c] = rgb(kClassColours[c]);
    // mix(neutral, hue, t), then toward dark grey (51) by `line` (the contour). Every step is
    // a convex combination of bytes, so the result needs no clamping.
    auto pixel = [&](const Rgb& hue, float t, float line) {
        auto channel = [&](float n, float h) {
            float x = n + (h - n) * t;
            x += (51.0f - x) * line;
            return ImU32(x + 0.5f);
        };
        return (channel(neutral.r, hue.r) << IM_COL32_R_SHIFT) | (channel(neutral.g, hue.g) << IM_COL32_G_SHIFT) |
               (channel(neutral.b, hue.b) << IM_COL32_B_SHIFT) | IM_COL32_A_MASK;
    };
    const float half_ppc = 0.5f / std::max(px_per_cell, 1e-3f);  // central differences, per pixel
    const float lo = 1.0f / float(std::max(style.classes, 2));
    for (int i = 0; i < R; ++i) {
        const float* up = values + std::max(i - 1, 0) * R;
        const float* row = values + i * R;
        const float* down = values + std::min(i + 1, R - 1) * R;
        ImU32* dst = out.data() + std::size_t(i) * std::size_t(R);
        for (int j = 0; j < R; ++j) {
            const int left = std::max(j - 1, 0), right = std::min(j + 1, R - 1);
            const float v = row[j];
            float line = 0;
            if (style.kind == 1) {
                // Class + confidence/2; confidence from 1/k (undecided) to 1 sets the strength.
                const float cls = std::floor(v), conf = (v - cls) * 2;
                const float t = style.discretize ? 1.0f : std::clamp((conf - lo) / (1 - lo), 0.0f, 1.0f);
                if (style.contour && (std::floor(row[right]) != cls || std::floor(down[j]) != cls)) line = 0.8f;
                dst[j] = pixel(hues[std::clamp(int(cls), 0, 5)], (0.25f + 0.75f * t) * style.strength, line);
                continue;
            }
            const float c = std::clamp(v, -1.0f, 1.0f);
            const float a = style.discretize ? float((c > 0) - (c < 0)) : c;
            if (style.contour) {
                // The boundary v = 0, about a pixel wide: |v| over its change per screen pixel.
                const float slope = (std::abs(row[right] - row[left]) + std::abs(down[j] - up[j])) * half_ppc;
                // Fading out from 0.25 to 1.25 pixels (the thumbnails' shader used 0.5–1.5):
                // the texture unit's stretching widens it again.
                if (std::abs(c) < 1.25f * slope) {  // else no line
                    const float s = std::clamp(std::abs(c) / slope - 0.25f, 0.0f, 1.0f);
                    line = 0.8f * (1 - s * s * (3 - 2 * s));
                }
            }
            dst[j] = pixel(a < 0 ? hues[0] : hues[1], std::abs(a) * style.strength, line);
        }
    }
}

void LossChart::clear() {
    epoch_.clear();
    train_.clear();
    val_.clear();
    test_.clear();
    stride_ = 1;
}

void LossChart::add(const Metrics& m) {
    if (!epoch_.empty() && m.epoch < epoch_.back() + stride_) return;
    if (int(epoch_.size()) >= kCapacity) {
        // Keep every other sample, including the first.
        size_t j = 0;
        for (size_t i = 0; i < epoch_.size(); i += 2, ++j) {
            epoch_[j] = epoch_[i];
            train_[j] = train_[i];
            val_[j] = val_[i];
            test_[j] = test_[i];
        }
        epoch_.resize(j);
        train_.resize(j);
        val_.resize(j);
        test_.resize(j);
        stride_ *= 2;
    }
    epoch_.push_back(m.epoch);
    train_.push_back(float(m.train_loss));
    val_.push_back(float(m.val_loss));
    test_.push_back(float(m.test_loss));
}

void LossChart::draw(ImDrawList* dl, ImVec2 min, ImVec2 max, bool log, float scale) const {
    dl->AddRectFilled(min, max, IM_COL32(255, 255, 255, 255));
    dl->AddRect(min, max, IM_COL32(200, 200, 200, 255));
    if (epoch_.size() < 2) return;
    auto tr = [log](float v) { return log ? std::log10(std::max(v, 1e-6f)) : v; };
    float lo = 1e30f, hi = -1e30f;
    for (const auto* series : {&train_, &val_, &test_})
        for (float v : *series)
            if (std::isfinite(v)) {
                lo = std::min(lo, tr(v));
                hi = std::max(hi, tr(v));
            }
    if (!(hi > lo)) hi = lo + 1;
    if (!log) lo = std::min(lo, 0.0f);
    const float e0 = float(epoch_.front()), e1 = float(std::max(epoch_.back(), epoch_.front() + 1));
    const float pad = 3 * scale;
    auto px = [&](float e, float v) {
        return ImVec2(min.x + pad + (e - e0) / (e1 - e0) * (max.x - min.x - 2 * pad),
                      max.y - pad - (tr(v) - lo) / (hi - lo) * (max.y - min.y - 2 * pad));
    };
    const ImU32 colours[3] = {IM_COL32(60, 60, 60, 255), IM_COL32(150, 90, 200, 255),
                              IM_COL32(170, 170, 170, 255)};
    const std::vector<float>* series[3] = {&train_, &val_, &test_};
    std::vector<ImVec2> line;
    for (int s = 2; s >= 0; --s) {
        line.clear();
        // At most about one vertex per pixel moved: up to 2,000 samples share a few hundred
        // pixels, and each vertex of a thick line costs a software rasteriser triangles.
        for (size_t i = 0; i < epoch_.size(); ++i) {
            float v = (*series[s])[i];
            if (!std::isfinite(v)) continue;
            const ImVec2 p = px(float(epoch_[i]), v);
            const bool last = i + 1 == epoch_.size();
            if (!line.empty() && !last && std::abs(p.x - line.back().x) < scale &&
                std::abs(p.y - line.back().y) < 2 * scale)
                continue;
            line.push_back(p);
        }
        if (line.size() >= 2)
            dl->AddPolyline(line.data(), int(line.size()), colours[s], 0, std::round(1.5f * scale));  // whole pixels: textured, 2 triangles a segment
    }
    // Hover readout: the sample nearest the mouse's x.
    ImVec2 mouse = ImGui::GetIO().MousePos;
    if (mouse.x >= min.x && mouse.x <= max.x && mouse.y >= min.y && mouse.y <= max.y) {
        float e = e0 + (mouse.x - min.x - pad) / (max.x - min.x - 2 * pad) * (e1 - e0);
        auto it = std::lower_bound(epoch_.begin(), epoch_.end(), int(std::lround(e)));
        if (it == epoch_.end()) --it;
        size_t i = size_t(it - epoch_.begin());
        float x = px(float(epoch_[i]), train_[i]).x;
        dl->AddLine(ImVec2(x, min.y), ImVec2(x, max.y), IM_COL32(0, 0, 0, 80));
        ImGui::BeginTooltip();
        ImGui::Text("epoch %d", epoch_[i]);
        ImGui::Text("train loss %.4f", train_[i]);
        if (std::isfinite(val_[i])) ImGui::Text("validation loss %.4f", val_[i]);
        if (std::isfinite(test_[i])) ImGui::Text("test loss %.4f", test_[i]);
        ImGui::EndTooltip();
    }
}

float LossChart::epoch_x(int epoch, ImVec2 min, ImVec2 max, float scale) const {
    if (epoch_.size() < 2 || epoch < epoch_.front() || epoch > epoch_.back()) return NAN;
    const float e0 = float(epoch_.front()), e1 = float(std::max(epoch_.back(), epoch_.front() + 1));
    const float pad = 3 * scale;  // as in draw()
    return min.x + pad + (float(epoch) - e0) / (e1 - e0) * (max.x - min.x - 2 * pad);
}

std::vector<ImU32> rasterize_points_preview(const std::vector<Point>& points, bool regression,
                                            int px, int dot) {
    std::vector<ImU32> pixels(std::size_t(px) * std::size_t(px), IM_COL32(255, 255, 255, 255));
    for (const Point& p : points) {
        const int x = int(std::floor((p.x + kDomain) / (2 * kDomain) * float(px)));
        const int y = int(std::floor((kDomain - p.y) / (2 * kDomain) * float(px)));
        const ImU32 colour = label_colour(p.label, regression);
        for (int i = std::max(0, y - dot); i < std::min(px, y + dot); ++i)
            for (int j = std::max(0, x - dot); j < std::min(px, x + dot); ++j)
                pixels[std::size_t(i) * std::size_t(px) + std::size_t(j)] = colour;
    }
    return pixels;
}

void draw_axes(ImDrawList* dl, ImVec2 min, ImVec2 max, float scale) {
    const ImU32 ink = IM_COL32(110, 110, 110, 255);
    const float tick = 4 * scale;
    char label[8];
    for (int v = -int(kDomain); v <= int(kDomain); v += 2) {
        float t = (float(v) + kDomain) / (2 * kDomain);
        float x = min.x + t * (max.x - min.x);
        float y = max.y - t * (max.y - min.y);
        std::snprintf(label, sizeof label, "%d", v);
        ImVec2 size = ImGui::CalcTextSize(label);
        dl->AddLine(ImVec2(x, max.y), ImVec2(x, max.y + tick), ink);
        dl->AddText(ImVec2(std::max(min.x, x - size.x / 2), max.y + tick), ink, label);
        dl->AddLine(ImVec2(max.x, y), ImVec2(max.x + tick, y), ink);
        dl->AddText(ImVec2(max.x + tick + 2 * scale, y - size.y / 2), ink, label);
    }
    dl->AddRect(min, max, IM_COL32(160, 160, 160, 255));
}

}  // namespace nnplay::web
