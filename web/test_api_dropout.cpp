// test_api_dropout.cpp: the test API of dropout on the page (issue 14, item 7), for
// tests/browser/dropout.test.mjs: the rate the state holds and the units the view shows off.
#include "web/test_api.h"

#include "web/app.h"

#include "engine/dropout.h"

#include <algorithm>
#include <string>

using namespace nnplay;
using namespace nnplay::web;

// {"rate": the state's dropout, "layers": each hidden layer's rate (layerDropout over dropout,
// session 8), "dropped": per hidden layer of the trainer's network, the
// units switched off for the last example the shown member trained on}.
NNPLAY_API const char* nnplay_api_dropout() {
    App* app = api_app();
    if (!app) return "null";
    const Trainer& t = *app->run.trainer;
    const NetworkSpec& spec = t.spec();
    const int member = std::clamp(app->view.member, 0, t.ensemble_size() - 1);
    std::string out = "{\"rate\":" + format_float_shortest(app->run.state.dropout) + ",\"layers\":";
    append_json_array(out, dropout_rates(app->run.state), ",");
    out += ",\"dropped\":[";
    for (std::size_t l = 0; l < spec.hidden.size(); ++l) {
        out += l ? ",[" : "[";
        bool first = true;
        for (int i = 0; i < spec.hidden[l]; ++i)
            if (t.unit_dropped(member, int(l), i)) {
                out += (first ? "" : ",") + std::to_string(i);
                first = false;
            }
        out += ']';
    }
    return reply(*app, out + "]}");
}
