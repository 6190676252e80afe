// ExceptionGroup / BaseExceptionGroup and the runtime half of except* (CHECK_EG_MATCH, PREP_RERAISE_STAR).
#include "vm/runtime.h"

namespace minipy {

bool check_eg_match(ThreadState& ts, Value, Value, Value*, Value*) {
  raise(ts, NotImplementedError_type, "except* is not supported by minipy yet");
  return false;
}

Value prep_reraise_star(ThreadState& ts, Value, Value) {
  return raise(ts, NotImplementedError_type, "except* is not supported by minipy yet");
}

}  // namespace minipy
