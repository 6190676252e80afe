// Classes defined in Python: __build_class__ (tier 2 fills this in).
#include "vm/runtime.h"

namespace minipy {

Value build_class(ThreadState& ts, Value, std::span<const Value>, TupleObject*) {
  return raise(ts, NotImplementedError_type, "class definitions are not supported by minipy yet");
}

}  // namespace minipy
