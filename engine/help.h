// help.h: every tooltip and short teaching text of nnplay, read from one text file,
// engine/help.txt, embedded in the build (as TensorFlow Playground keeps its prose in
// index.html, not in widget code). Settings use their query key as id ("learningRate");
// the page's other controls use "ui.<name>". The settings table and the UI read from here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nnplay {

// The text for an id, or "" when help.txt has none. Paragraphs are separated by "\n\n";
// single line breaks of the file are joined with spaces.
std::string_view help_text(std::string_view id);

// Every id, in the file's order (tests check that each setting has its text).
const std::vector<std::string_view>& help_ids();

// A text's first sentence: up to the first ". " (or all of its first paragraph).
std::string first_sentence(std::string_view text);

}  // namespace nnplay
