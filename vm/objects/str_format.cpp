// str.format() and the % operator on str (on top of the text engine's format parsers).
#include "vm/runtime.h"

namespace minipy {

void init_str_format(ThreadState&) {}

}  // namespace minipy
