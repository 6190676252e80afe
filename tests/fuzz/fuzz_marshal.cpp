// Fuzz target: the marshal reader on arbitrary bytes (any constant, code objects included). Every input must be
// read or refused with a MarshalError, within bounded time and memory. What the reader accepts must write back
// to bytes that read again to the same value (the writer and the reader agree). The reader is the template of
// cache/marshal_read.h with the compiler-tree builder; its VM-object instantiation (imports) is fuzzed by
// fuzz_verify, which holds the two to the same verdicts.
#include <span>
#include <string>

#include "cache/marshal.h"
#include "fuzz_targets.h"

namespace minipy::fuzz {

int fuzz_marshal(const uint8_t* data, size_t size) {
  auto read = unmarshal_constant(std::span(data, size));
  if (!read.ok()) return 0;
  if (read.value().consumed == 0 || read.value().consumed > size) __builtin_trap();
  std::string bytes = marshal_constant(*read.value().object);
  auto again = unmarshal_constant(std::span(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
  if (!again.ok() || marshal_constant(*again.value().object) != bytes) __builtin_trap();
  return 0;
}

}  // namespace minipy::fuzz

MINIPY_FUZZ_ENTRY(fuzz_marshal)
