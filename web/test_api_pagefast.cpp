// test_api_pagefast.cpp: the test API's page-speed part (session 8, web/api.js calls it): the
// main thread's work per frame by phase over the last frames drawn, for the bench's breakdown.
#include "web/test_api.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace nnplay::web {
namespace {

// "name":{"median":m,"p95":p} of the values, in ms.
std::string quantiles(const char* name, std::vector<float> v) {
    std::sort(v.begin(), v.end());
    auto at = [&](double q) {
        return v.empty() ? 0.0 : double(v[std::min(v.size() - 1, std::size_t(q * double(v.size())))]);
    };
    char text[128];
    std::snprintf(text, sizeof text, "\"%s\":{\"median\":%.3f,\"p95\":%.3f}", name, at(0.5), at(0.95));
    return text;
}

}  // namespace

// {frames, train, pictures, ui, draw, total}: each {median, p95} in ms over the last frames
// drawn (at most FramePhases::kFrames), then forgets them (the next call sees new frames only).
// The page is not woken: measuring must not change what is measured.
NNPLAY_API const char* nnplay_api_frame_phases() {
    App* app = app_current();
    if (!app) return "null";
    FramePhases& ph = app->phases;
    const char* names[FramePhases::kPhases] = {"train", "pictures", "ui", "draw"};
    std::vector<float> total(std::size_t(ph.count), 0.0f);
    std::string text = "{\"frames\":" + std::to_string(ph.count);
    for (int k = 0; k < FramePhases::kPhases; ++k) {
        std::vector<float> v;
        for (int f = 0; f < ph.count; ++f) {
            v.push_back(ph.ms[f][k]);
            total[std::size_t(f)] += ph.ms[f][k];
        }
        text += "," + quantiles(names[k], v);
    }
    text += "," + quantiles("total", total) + "}";
    ph.count = ph.next = 0;
    return reply(*app, std::move(text));
}

}  // namespace nnplay::web
