// Fuzz target: a hostile program. The input is Python source (seeded with tests/cases); libFuzzer's mutations
// make programs whose __eq__ clears the list being searched, whose keys mutate the dict being sorted, which
// instantiate internal types, recurse, raise inside finalizers... The VM must turn all of it into Python
// exceptions or output, never a crash or a sanitizer report.
#include <string_view>

#include "fuzz_targets.h"
#include "vm_sandbox.h"

namespace minipy::fuzz {

int fuzz_vm(const uint8_t* data, size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);
  if (!sandbox_accepts(source)) return -1;  // -1: libFuzzer keeps it out of the corpus
  run_source_sandboxed(source);
  return 0;
}

}  // namespace minipy::fuzz

MINIPY_FUZZ_ENTRY(fuzz_vm)
