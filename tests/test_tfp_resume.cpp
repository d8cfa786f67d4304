// test_tfp_resume.cpp: a compat=tf run saved to a model file carries its double weights, so
// `export --epochs N` then `train --model --epochs K` is one run of N + K epochs, bit for bit.
#include "engine/model_json.h"
#include "engine/trainer.h"

#include <doctest/doctest.h>

#include <cstring>
#include <string>

using namespace nnplay;

TEST_CASE("tfp resume: a compat=tf model file goes on bit for bit") {
    for (const char* q : {"dataset=spiral&networkShape=6,4&learningRate=0.03&compat=tf&seed=r&batchSize=10",
                          "regDataset=reg-gauss&problem=regression&networkShape=3&learningRate=0.01&regularization=L2&"
                          "regularizationRate=0.001&compat=tf&seed=g"}) {
        CAPTURE(q);
        const PlaygroundState s = from_query(q).state;
        REQUIRE(Trainer::compat_applies(s));
        Trainer whole(s), sender(s);
        for (int e = 0; e < 12; ++e) whole.step_epoch(true);
        for (int e = 0; e < 5; ++e) sender.step_epoch(true);
        Result<ModelImport> model = import_model_json(export_model_json(sender));
        REQUIRE_MESSAGE(model, model.error.message());
        REQUIRE(model->run);
        CHECK(model->run->exact_params.size() == std::size_t(sender.network(0).params().size()));
        Trainer receiver(model->state);
        REQUIRE(load_weights(receiver, model->members).empty());
        REQUIRE(receiver.restore(*model->run).empty());
        CHECK(receiver.epoch() == 5);
        CHECK(receiver.run_state() == sender.run_state());
        for (int e = 0; e < 7; ++e) receiver.step_epoch(true);
        CHECK(receiver.epoch() == 12);
        CHECK(receiver.run_state() == whole.run_state());  // the double weights, bit for bit
        CHECK(receiver.metrics().train_loss == whole.metrics().train_loss);
        CHECK(receiver.metrics().test_loss == whole.metrics().test_loss);

        // Double weights of another network are refused with a reason.
        RunState wrong = *model->run;
        wrong.exact_params.pop_back();
        CHECK(receiver.restore(wrong).find("double weights") != std::string::npos);
    }
}
