// What the REPL (vm/cli/repl.cpp) asks of the readline module (stdlib/native/readline.cpp), which share one GNU
// readline history.
#pragma once

namespace minipy {

// Whether the REPL adds each line it reads to the history: true until readline.set_auto_history(False).
bool readline_auto_history();

}  // namespace minipy
