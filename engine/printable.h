// printable.h: text from a user's file or link made safe to show: control characters become
// \xHH, so a NUL cannot cut a message short and an ESC cannot reach a terminal as a command.
#pragma once

#include <string>
#include <string_view>

namespace nnplay {

// `text` with every byte below 0x20 and 0x7f written as \xHH; other bytes (UTF-8 too) as they are.
std::string printable(std::string_view text);

}  // namespace nnplay
