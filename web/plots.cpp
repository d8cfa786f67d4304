// plots.cpp: the heatmap colouring, the class markers, the loss chart, data set previews and
// plot axes (see plots.h). Plain ImGui draw-list geometry: a few hundred vertices each,
// redrawn every frame.
#include "web/plots.h"

#include "engine/dataset.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace nnplay::web {

ImU32 diverging_colour(float v) { return diverging_color(v).u32(); }

ImU32 label_colour(float label, bool regression) {
    if (regression) return diverging_colour(label);
    return class_color(int(label)).u32();
}

void colour_thumbnail(const float* values, int R, int stride, int px, const ThumbColours& colours, int class_index,
                      bool discretize, float strength, ImU32* out, int out_stride) {
    // Where each pixel's centre falls between the cells, as heatmap.frag computes it.
    struct Tap {
        int lo, hi;
        float f;
    };
    auto taps = [&](int k, bool flip) {
        const float local = (float(k) + 0.5f) / float(px);
        const float q = (flip ? 1.0f - local : local) * float(R) - 0.5f;
        const float base = std::floor(q);
        const int i = int(base);
        return Tap{std::clamp(i, 0, R - 1), std::clamp(i + 1, 0, R - 1), q - base};
    };
    std::vector<Tap> cols(std::size_t(std::max(px, 0)));
    for (int x = 0; x < px; ++x) cols[std::size_t(x)] = taps(x, false);
    const bool of_class = class_index >= 0 && class_index < kMaxClasses;
    const float* n = colours.neutral;
    for (int y = 0; y < px; ++y) {
        const Tap row = taps(y, true);  // written bottom up: pixel row 0 is the plane's bottom
        const float* up = values + std::size_t(row.lo) * std::size_t(stride);
        const float* down = values + std::size_t(row.hi) * std::size_t(stride);
        ImU32* dst = out + std::size_t(y) * std::size_t(out_stride);
        for (int x = 0; x < px; ++x) {
            const Tap& col = cols[std::size_t(x)];
            const float top = up[col.lo] + (up[col.hi] - up[col.lo]) * col.f;
            const float bottom = down[col.lo] + (down[col.hi] - down[col.lo]) * col.f;
            const float v = std::clamp(top + (bottom - top) * row.f, -1.0f, 1.0f);
            const float a = discretize ? float((v > 0) - (v < 0)) : v;
            const float* hue = of_class ? colours.palette[class_index] : colours.palette[a < 0 ? 0 : 1];
            const float t = (of_class ? std::clamp(a, 0.0f, 1.0f) : std::abs(a)) * strength;
            auto channel = [&](int c) { return ImU32(std::clamp(n[c] + (hue[c] - n[c]) * t, 0.0f, 255.0f) + 0.5f); };
            dst[x] = (channel(0) << IM_COL32_R_SHIFT) | (channel(1) << IM_COL32_G_SHIFT) |
                     (channel(2) << IM_COL32_B_SHIFT) | IM_COL32_A_MASK;
        }
    }
}

void colour_heatmap(const float* values, int R, const HeatStyle& style, float px_per_cell,
                    std::vector<ImU32>& out) {
    out.resize(std::size_t(R) * std::size_t(R));
    struct Rgb { float r, g, b; };
    auto rgb = [](ImU32 c) {
        return Rgb{float((c >> IM_COL32_R_SHIFT) & 0xff), float((c >> IM_COL32_G_SHIFT) & 0xff),
                   float((c >> IM_COL32_B_SHIFT) & 0xff)};
    };
    const Palette& pal = palette();
    const Rgb neutral = rgb(pal.neutral.u32());
    const Rgb ink = rgb(pal.text.u32());  // the contour: dark on the light theme, light on the dark
    Rgb hues[kMaxClasses];
    for (int c = 0; c < kMaxClasses; ++c) hues[c] = rgb(pal.classes[std::size_t(c)].u32());
    // mix(neutral, hue, t), then toward the ink by `line` (the contour). Every step is a
    // convex combination of bytes, so the result needs no clamping.
    auto pixel = [&](const Rgb& hue, float t, float line) {
        auto channel = [&](float n, float h, float k) {
            float x = n + (h - n) * t;
            x += (k - x) * line;
            return ImU32(x + 0.5f);
        };
        return (channel(neutral.r, hue.r, ink.r) << IM_COL32_R_SHIFT) |
               (channel(neutral.g, hue.g, ink.g) << IM_COL32_G_SHIFT) |
               (channel(neutral.b, hue.b, ink.b) << IM_COL32_B_SHIFT) | IM_COL32_A_MASK;
    };
    const float half_ppc = 0.5f / std::max(px_per_cell, 1e-3f);  // central differences, per pixel
    // A coarse grid stretched over many pixels (a 4K plot) samples the line once a cell: a line
    // narrower than a cell then breaks into dashes. It is widened to about a cell there (and
    // the texture unit smooths it); a grid as fine as the screen keeps the 1.25-pixel line.
    const float widen = std::min(1.0f, 1.25f / std::max(0.75f * px_per_cell, 1e-3f));
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
                if (std::abs(c) * widen < 1.25f * slope) {  // else no line
                    const float s = std::clamp(std::abs(c) * widen / slope - 0.25f, 0.0f, 1.0f);
                    line = 0.8f * (1 - s * s * (3 - 2 * s));
                }
            }
            dst[j] = pixel(a < 0 ? hues[0] : hues[1], std::abs(a) * style.strength, line);
        }
    }
}

// ---- Markers ---------------------------------------------------------------------------------

void draw_marker(ImDrawList* dl, ImVec2 c, float radius, Marker marker, ImU32 fill, ImU32 outline) {
    // Screen y runs down: a point (x, y) of the marker (y up) is at (c.x + x·r, c.y − y·r).
    auto shape = [&](float r, ImU32 colour) {
        auto at = [&](float x, float y) { return ImVec2(c.x + x * r, c.y - y * r); };
        switch (marker) {
            case Marker::circle: dl->AddCircleFilled(c, r, colour, 16); break;
            case Marker::square: dl->AddRectFilled(at(-0.86f, 0.86f), at(0.86f, -0.86f), colour); break;
            case Marker::triangle:
                dl->AddTriangleFilled(at(0, 0.9f), at(-1.04f, -0.9f), at(1.04f, -0.9f), colour);
                break;
            case Marker::diamond:
                dl->AddQuadFilled(at(0, 1.25f), at(1.25f, 0), at(0, -1.25f), at(-1.25f, 0), colour);
                break;
            case Marker::plus:
                dl->AddRectFilled(at(-1.15f, 0.36f), at(1.15f, -0.36f), colour);
                dl->AddRectFilled(at(-0.36f, 1.15f), at(0.36f, -1.15f), colour);
                break;
            case Marker::star:
                dl->AddTriangleFilled(at(0, 1.1f), at(-0.95f, -0.55f), at(0.95f, -0.55f), colour);
                dl->AddTriangleFilled(at(0, -1.1f), at(0.95f, 0.55f), at(-0.95f, 0.55f), colour);
                break;
        }
    };
    shape(radius + 1.0f, outline);
    shape(radius, fill);
}

void class_label(int k, float scale) {
    const float r = 5 * scale, h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(2 * r + 4 * scale, h));
    draw_marker(ImGui::GetWindowDrawList(), ImVec2(p.x + r + 2 * scale, p.y + h / 2), r, class_marker(k),
                class_color(k).u32(), palette().ink.u32());
    ImGui::SameLine(0, 2 * scale);
    ImGui::Text("%d", k + 1);
}

void class_legend(int classes, float scale) {
    for (int k = 0; k < classes; ++k) {
        if (k) ImGui::SameLine(0, 8 * scale);
        class_label(k, scale);
    }
}

// ---- The loss chart --------------------------------------------------------------------------

namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();

LossChart::Bucket empty_bucket() {
    LossChart::Bucket b;
    for (int s = 0; s < LossChart::kSeries; ++s) {
        b.min[s] = kInf;
        b.max[s] = -kInf;
        b.min_at[s] = b.max_at[s] = 0;
        b.last[s] = std::numeric_limits<float>::quiet_NaN();
    }
    return b;
}

// Two neighbouring buckets as one (b after a; either may be empty).
LossChart::Bucket merged(const LossChart::Bucket& a, const LossChart::Bucket& b) {
    if (a.samples == 0) return b;
    if (b.samples == 0) return a;
    LossChart::Bucket m = a;
    m.last_epoch = b.last_epoch;
    m.samples = a.samples + b.samples;
    for (int s = 0; s < LossChart::kSeries; ++s) {
        if (b.min[s] < m.min[s]) {
            m.min[s] = b.min[s];
            m.min_at[s] = b.min_at[s];
        }
        if (b.max[s] > m.max[s]) {
            m.max[s] = b.max[s];
            m.max_at[s] = b.max_at[s];
        }
        m.last[s] = b.last[s];
    }
    return m;
}

// About `count` round steps (1, 2 or 5 × 10^k) over a span.
double nice_step(double span, int count) {
    const double raw = span / std::max(count, 1);
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

void epoch_label(char* out, std::size_t size, double epoch) {
    if (epoch >= 1e6) std::snprintf(out, size, "%gM", std::round(epoch / 1e5) / 10);
    else if (epoch >= 1e4) std::snprintf(out, size, "%gk", std::round(epoch / 1e2) / 10);
    else std::snprintf(out, size, "%d", int(epoch));
}

}  // namespace

ChartAxes draw_chart_axes(ImDrawList* dl, ImVec2 min, ImVec2 max, double lo, double hi, double e0, double e1,
                          bool log, float scale) {
    ChartAxes a;
    a.lo = lo, a.hi = hi, a.e0 = e0, a.e1 = e1, a.log = log;
    const Palette& pal = palette();
    // The y ticks, in loss values: powers of ten on a log axis spanning a decade, else round
    // steps.
    const float font_h = ImGui::GetTextLineHeight();
    std::vector<double> ticks;
    const int wanted = std::max(2, int((max.y - min.y) / (font_h * 1.4f)));
    if (log && hi - lo >= 1) {
        const double step = std::max(1.0, std::ceil((hi - lo) / wanted));
        for (double k = std::ceil(lo); k <= hi + 1e-9; k += step) ticks.push_back(std::pow(10.0, k));
    } else {
        const double vlo = log ? std::pow(10.0, lo) : lo, vhi = log ? std::pow(10.0, hi) : hi;
        const double step = nice_step(vhi - vlo, wanted);
        for (double v = std::ceil(vlo / step - 1e-9) * step; v <= vhi + step * 1e-6; v += step)
            ticks.push_back(std::abs(v) < step * 1e-6 ? 0 : v);
    }
    char label[24];
    float label_w = 0;
    for (double v : ticks) {
        std::snprintf(label, sizeof label, "%.3g", v);
        label_w = std::max(label_w, ImGui::CalcTextSize(label).x);
    }
    const float pad = 3 * scale;
    const ImVec2 p0(min.x + label_w + 2 * pad, min.y + font_h / 2 + pad);  // the plot area
    const ImVec2 p1(max.x - pad - 6 * scale, max.y - font_h - pad);
    a.p0 = p0, a.p1 = p1;
    if (p1.x - p0.x < 10 || p1.y - p0.y < 6) return a;
    a.drawn = true;

    const ImU32 axis = pal.axis.u32(), grid = pal.chart_grid.u32();
    for (double v : ticks) {
        const float y = std::round(a.y(v));
        if (y < p0.y - 1 || y > p1.y + 1) continue;
        dl->AddLine(ImVec2(p0.x, y), ImVec2(p1.x, y), grid);
        std::snprintf(label, sizeof label, "%.3g", v);
        const ImVec2 size = ImGui::CalcTextSize(label);
        dl->AddText(ImVec2(p0.x - pad - size.x, y - size.y / 2), axis, label);
    }
    // The x ticks: whole epochs, as many as fit their labels.
    epoch_label(label, sizeof label, e1);
    const float epoch_w = ImGui::CalcTextSize(label).x + 12 * scale;
    const double estep = std::max(1.0, nice_step(e1 - e0, std::max(1, int((p1.x - p0.x) / epoch_w))));
    for (double e = std::ceil(e0 / estep) * estep; e <= e1 + 1e-9; e += estep) {
        const float x = std::round(a.x(e));
        dl->AddLine(ImVec2(x, p1.y), ImVec2(x, p1.y + 3 * scale), axis);
        epoch_label(label, sizeof label, e);
        const ImVec2 size = ImGui::CalcTextSize(label);
        dl->AddText(ImVec2(std::clamp(x - size.x / 2, p0.x - pad, max.x - size.x - 1), p1.y + 1 * scale), axis, label);
    }
    dl->AddLine(ImVec2(p0.x, p1.y), ImVec2(p1.x, p1.y), axis);
    dl->AddLine(ImVec2(p0.x, p0.y), ImVec2(p0.x, p1.y), axis);
    return a;
}

float ChartAxes::x(double epoch) const { return float(p0.x + (epoch - e0) / (e1 - e0) * (p1.x - p0.x)); }

float ChartAxes::y(double value) const {
    const double t = log ? std::log10(std::max(value, 1e-6)) : value;
    return float(p1.y - (t - lo) / (hi - lo) * (p1.y - p0.y));
}

void LossChart::clear() {
    buckets_.clear();
    width_ = 1;
    origin_ = 0;
    last_epoch_ = -1;
    samples_ = 0;
    for (bool& h : has_) h = false;
}

void LossChart::add(const Metrics& m) {
    if (m.epoch <= last_epoch_) return;
    if (buckets_.empty()) origin_ = m.epoch;
    int index = (m.epoch - origin_) / width_;
    while (index >= kBuckets) {
        // Every pair of neighbours becomes one bucket covering twice the epochs.
        std::vector<Bucket> half;
        half.reserve(buckets_.size() / 2 + 1);
        for (std::size_t i = 0; i < buckets_.size(); i += 2)
            half.push_back(i + 1 < buckets_.size() ? merged(buckets_[i], buckets_[i + 1]) : buckets_[i]);
        buckets_ = std::move(half);
        width_ *= 2;
        index = (m.epoch - origin_) / width_;
    }
    if (int(buckets_.size()) <= index) buckets_.resize(std::size_t(index) + 1, empty_bucket());
    Bucket& b = buckets_[std::size_t(index)];
    if (b.samples == 0) b.first_epoch = m.epoch;
    b.last_epoch = m.epoch;
    ++b.samples;
    const double values[kSeries] = {m.train_loss, m.val_loss, m.test_loss};
    for (int s = 0; s < kSeries; ++s) {
        const float v = float(values[s]);
        b.last[s] = v;
        if (!std::isfinite(v)) continue;
        has_[s] = true;
        if (v < b.min[s]) {
            b.min[s] = v;
            b.min_at[s] = m.epoch;
        }
        if (v > b.max[s]) {
            b.max[s] = v;
            b.max_at[s] = m.epoch;
        }
    }
    last_epoch_ = m.epoch;
    ++samples_;
}

void dashed_polyline(ImDrawList* dl, const ImVec2* points, int count, ImU32 colour, float thickness,
                     float dash, float gap) {
    if (count < 2) return;
    if (gap <= 0) {
        dl->AddPolyline(points, count, colour, 0, thickness);
        return;
    }
    // Walk the line by arc length, drawing `dash` pixels and skipping `gap`.
    std::vector<ImVec2> piece;
    float phase = 0;  // position within the current dash + gap period
    bool on = true;
    piece.push_back(points[0]);
    for (int i = 1; i < count; ++i) {
        ImVec2 a = points[i - 1];
        const ImVec2 b = points[i];
        float left = std::hypot(b.x - a.x, b.y - a.y);
        while (left > 0) {
            const float room = (on ? dash : gap) - phase;
            const float step = std::min(room, left);
            const float t = step / left;
            a = ImVec2(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
            left -= step;
            phase += step;
            if (on) piece.push_back(a);
            if (phase >= (on ? dash : gap) - 1e-4f) {
                if (on && piece.size() >= 2) dl->AddPolyline(piece.data(), int(piece.size()), colour, 0, thickness);
                piece.clear();
                on = !on;
                phase = 0;
                if (on) piece.push_back(a);
            }
        }
    }
    if (on && piece.size() >= 2) dl->AddPolyline(piece.data(), int(piece.size()), colour, 0, thickness);
}

namespace {

// The curves' names, colours and dash patterns (in pixels at scale 1).
struct SeriesStyle {
    const char* name;
    Rgb Palette::*colour;
    float dash, gap;
};
constexpr SeriesStyle kSeriesStyles[LossChart::kSeries] = {
    {"train", &Palette::train_line, 0, 0},           // solid
    {"validation", &Palette::val_line, 1.5f, 2.5f},  // dotted
    {"test", &Palette::test_line, 6, 3.5f},          // dashed
};

}  // namespace

void LossChart::draw(ImDrawList* dl, ImVec2 min, ImVec2 max, bool log, float scale) const {
    const Palette& pal = palette();
    dl->AddRectFilled(min, max, pal.chart_bg.u32());
    dl->AddRect(min, max, pal.chart_frame.u32());
    if (buckets_.empty()) return;
    auto tr = [log](double v) { return log ? std::log10(std::max(v, 1e-6)) : v; };
    double lo = 1e30, hi = -1e30;
    for (const Bucket& b : buckets_)
        for (int s = 0; s < kSeries; ++s)
            if (b.samples && std::isfinite(b.min[s])) {
                lo = std::min(lo, tr(b.min[s]));
                hi = std::max(hi, tr(b.max[s]));
            }
    if (lo > hi) return;  // nothing finite yet
    if (!log) lo = std::min(lo, 0.0);
    if (!(hi > lo)) hi = lo + (log ? 1 : std::max(1e-3, std::abs(lo)));

    const double e0 = origin_, e1 = std::max(last_epoch_, origin_ + 1);
    const ChartAxes axes = draw_chart_axes(dl, min, max, lo, hi, e0, e1, log, scale);
    if (!axes.drawn) return;
    const ImVec2 p0 = axes.p0, p1 = axes.p1;
    auto x_of = [&](double e) { return axes.x(e); };
    auto y_of = [&](double v) { return axes.y(v); };
    drawn_x0_ = p0.x;  // for epoch_x()
    drawn_x1_ = p1.x;

    // The curves: per pixel column, each bucket's min and max in the order they happened, so
    // a spike of one epoch stays visible however many epochs share the column.
    const int columns = std::max(1, int(p1.x - p0.x) + 1);
    struct Column {
        float lo = kInf, hi = -kInf;  // screen y
        int lo_at = 0, hi_at = 0;
    };
    std::vector<Column> cols;
    std::vector<ImVec2> line;
    const float thickness = std::max(1.0f, std::round(1.5f * scale));
    dl->PushClipRect(ImVec2(p0.x - thickness, p0.y - thickness), ImVec2(p1.x + thickness, p1.y + thickness), true);
    for (int s = kSeries - 1; s >= 0; --s) {
        if (!has_[s]) continue;
        cols.assign(std::size_t(columns), Column());
        for (const Bucket& b : buckets_) {
            if (!b.samples || !std::isfinite(b.min[s])) continue;
            for (int k = 0; k < 2; ++k) {
                const int at = k ? b.max_at[s] : b.min_at[s];
                const float y = y_of(k ? b.max[s] : b.min[s]);
                Column& c = cols[std::size_t(std::clamp(int(x_of(at) - p0.x), 0, columns - 1))];
                if (y < c.lo) { c.lo = y; c.lo_at = at; }
                if (y > c.hi) { c.hi = y; c.hi_at = at; }
            }
        }
        line.clear();
        for (int i = 0; i < columns; ++i) {
            const Column& c = cols[std::size_t(i)];
            if (c.lo > c.hi) continue;
            const float x = p0.x + float(i) + 0.5f;
            const bool lo_first = c.lo_at <= c.hi_at;
            line.push_back(ImVec2(x, lo_first ? c.lo : c.hi));
            if (c.hi - c.lo > 0.5f) line.push_back(ImVec2(x, lo_first ? c.hi : c.lo));
        }
        const SeriesStyle& st = kSeriesStyles[s];
        const ImU32 colour = (pal.*st.colour).u32();
        if (line.size() == 1) dl->AddCircleFilled(line[0], thickness, colour, 8);
        dashed_polyline(dl, line.data(), int(line.size()), colour, thickness, st.dash * scale, st.gap * scale);
    }
    dl->PopClipRect();

    // Hover readout: the bucket under the mouse.
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (mouse.x >= min.x && mouse.x <= max.x && mouse.y >= min.y && mouse.y <= max.y) {
        const double e = e0 + (std::clamp(mouse.x, p0.x, p1.x) - p0.x) / (p1.x - p0.x) * (e1 - e0);
        const int index = std::clamp(int((std::lround(e) - origin_) / width_), 0, int(buckets_.size()) - 1);
        int i = index;
        while (i > 0 && buckets_[std::size_t(i)].samples == 0) --i;
        const Bucket& b = buckets_[std::size_t(i)];
        const float x = std::round(x_of(0.5 * (b.first_epoch + b.last_epoch)));
        dl->AddLine(ImVec2(x, p0.y), ImVec2(x, p1.y), pal.ink.u32(80));
        ImGui::BeginTooltip();
        if (b.first_epoch == b.last_epoch) ImGui::Text("epoch %d", b.first_epoch);
        else ImGui::Text("epochs %d to %d", b.first_epoch, b.last_epoch);
        for (int s = 0; s < kSeries; ++s) {
            if (!has_[s] || !std::isfinite(b.min[s])) continue;
            if (b.min[s] == b.max[s]) ImGui::Text("%s loss %.4f", kSeriesStyles[s].name, b.min[s]);
            else ImGui::Text("%s loss %.4f to %.4f", kSeriesStyles[s].name, b.min[s], b.max[s]);
        }
        ImGui::EndTooltip();
    }
}

void LossChart::legend(float scale) const {
    const Palette& pal = palette();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = ImGui::GetTextLineHeight(), sample = 18 * scale;
    const float thickness = std::max(1.0f, std::round(1.5f * scale));
    bool first = true;
    for (int s = 0; s < kSeries; ++s) {
        if (!has_[s] && !(s == 0 && empty())) continue;
        if (!first) ImGui::SameLine(0, 10 * scale);
        first = false;
        const SeriesStyle& st = kSeriesStyles[s];
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::Dummy(ImVec2(sample, h));
        const ImVec2 seg[2] = {ImVec2(p.x, std::round(p.y + h / 2)), ImVec2(p.x + sample, std::round(p.y + h / 2))};
        dashed_polyline(dl, seg, 2, (pal.*st.colour).u32(), thickness, st.dash * scale, st.gap * scale);
        ImGui::SameLine(0, 4 * scale);
        ImGui::PushStyleColor(ImGuiCol_Text, (pal.*st.colour).u32());
        ImGui::TextUnformatted(st.name);
        ImGui::PopStyleColor();
    }
}

float LossChart::epoch_x(int epoch) const {
    if (empty() || epoch < origin_ || epoch > last_epoch_ || drawn_x1_ <= drawn_x0_) return NAN;
    const double e0 = origin_, e1 = std::max(last_epoch_, origin_ + 1);
    return float(drawn_x0_ + (epoch - e0) / (e1 - e0) * (drawn_x1_ - drawn_x0_));
}

std::vector<ImU32> rasterize_points_preview(const std::vector<Point>& points, bool regression,
                                            int px, int dot) {
    const Palette& pal = palette();
    std::vector<ImU32> pixels(std::size_t(px) * std::size_t(px), pal.preview_bg.u32());
    // Each point its class's marker (regression: a circle), radius 1.5·dot pixels.
    const float r = 1.5f * float(dot);
    const int reach = int(std::ceil(r * 1.3f));
    for (const Point& p : points) {
        const float cx = (p.x + kDomain) / (2 * kDomain) * float(px);
        const float cy = (kDomain - p.y) / (2 * kDomain) * float(px);
        const Marker marker = regression ? Marker::circle : class_marker(int(p.label));
        const ImU32 colour = label_colour(p.label, regression);
        const int x0 = int(std::floor(cx)), y0 = int(std::floor(cy));
        for (int i = std::max(0, y0 - reach); i <= std::min(px - 1, y0 + reach); ++i)
            for (int j = std::max(0, x0 - reach); j <= std::min(px - 1, x0 + reach); ++j) {
                // The pixel's centre in marker units, y up.
                const float u = (float(j) + 0.5f - cx) / r, v = (cy - float(i) - 0.5f) / r;
                if (marker_distance(marker, u, v) <= 0.5f / r)
                    pixels[std::size_t(i) * std::size_t(px) + std::size_t(j)] = colour;
            }
    }
    return pixels;
}

void draw_axes(ImDrawList* dl, ImVec2 min, ImVec2 max, float scale) {
    draw_axes(dl, min, max, scale, -kDomain, kDomain, -kDomain, kDomain);
}

void draw_axes(ImDrawList* dl, ImVec2 min, ImVec2 max, float scale, float x0, float x1, float y0, float y1) {
    const ImU32 ink = kAxis;
    const float tick = 4 * scale;
    char label[16];
    // A round step giving about six intervals over the span (2 for the whole plane).
    auto step_for = [](float span) {
        const double raw = span / 6.0, unit = std::pow(10.0, std::floor(std::log10(raw)));
        const double f = raw / unit;
        return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * unit;
    };
    for (int axis = 0; axis < 2; ++axis) {
        const float lo = axis ? y0 : x0, hi = axis ? y1 : x1;
        if (!(hi > lo)) continue;
        const double step = step_for(hi - lo);
        for (double v = std::ceil(lo / step - 1e-6) * step; v <= hi + step * 1e-6; v += step) {
            const float t = float((v - lo) / (hi - lo));
            std::snprintf(label, sizeof label, "%g", std::abs(v) < step * 1e-6 ? 0.0 : v);
            const ImVec2 size = ImGui::CalcTextSize(label);
            if (axis == 0) {
                const float x = min.x + t * (max.x - min.x);
                dl->AddLine(ImVec2(x, max.y), ImVec2(x, max.y + tick), ink);
                dl->AddText(ImVec2(std::max(min.x, x - size.x / 2), max.y + tick), ink, label);
            } else {
                const float y = max.y - t * (max.y - min.y);
                dl->AddLine(ImVec2(max.x, y), ImVec2(max.x + tick, y), ink);
                // The top one kept level with the plot's top, as the first across is with its
                // left: above it there may be no room (a phone's Output tab starts with the plot).
                dl->AddText(ImVec2(max.x + tick + 2 * scale, std::max(min.y, y - size.y / 2)), ink, label);
            }
        }
    }
    dl->AddRect(min, max, kNodeBorder);
}

}  // namespace nnplay::web
