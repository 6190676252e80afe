// RootScope (vm/interp/thread_state.h): a scoped root leaves ThreadState::extra_roots with its scope, and a
// permanent root registered while the scope was open (a native module's state made on first use) stays.
#include <doctest/doctest.h>

#include <algorithm>

#include "vm/interp/thread_state.h"

namespace minipy {
namespace {

bool registered(const ThreadState& ts, Value* slot) {
  return std::find(ts.extra_roots.begin(), ts.extra_roots.end(), slot) != ts.extra_roots.end();
}

TEST_CASE("a root registered inside a RootScope outlives the scope; the scope's own slot does not") {
  ThreadState ts;
  Value scoped, permanent, inner;
  {
    RootScope scope(ts, &scoped);
    ts.extra_roots.push_back(&permanent);  // what register_root does
    {
      RootScope nested(ts, &inner);
      CHECK(registered(ts, &inner));
    }
    CHECK_FALSE(registered(ts, &inner));
    CHECK(registered(ts, &scoped));
  }
  CHECK_FALSE(registered(ts, &scoped));
  CHECK(registered(ts, &permanent));
  CHECK(ts.extra_roots.size() == 1);
}

}  // namespace
}  // namespace minipy
