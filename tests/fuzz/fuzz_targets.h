// The fuzz targets of tests/fuzz, as plain functions. Each takes one input (bytes) and returns 0; a crash, a
// sanitizer report, a hang or a broken promise (a __builtin_trap() in the target) is the finding.
//
// Built two ways from the same sources (tests/fuzz/CMakeLists.txt):
//   - with -DMINIPY_FUZZ=ON (clang, `make fuzz`): one libFuzzer binary per target, whose
//     LLVMFuzzerTestOneInput is the MINIPY_FUZZ_ENTRY below;
//   - in every other build: all targets in one `fuzz_replay` binary (replay_main.cpp) that runs the committed
//     regression inputs, the seeds and a short fixed-seed mutation of them, so `make test` keeps every finding
//     fixed without needing clang.
#pragma once
#include <cstddef>
#include <cstdint>

namespace minipy::fuzz {

int fuzz_parse(const uint8_t* data, size_t size);    // lexer, parser, symtable, codegen, assembler
int fuzz_marshal(const uint8_t* data, size_t size);  // marshal reader (and writer round trip)
int fuzz_verify(const uint8_t* data, size_t size);   // marshal + verifier; verified code then runs in the VM
int fuzz_vm(const uint8_t* data, size_t size);       // a hostile Python program run by the VM with small limits

}  // namespace minipy::fuzz

#ifdef MINIPY_FUZZ_TARGET
#define MINIPY_FUZZ_ENTRY(function)                                                   \
  extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {           \
    return minipy::fuzz::function(data, size);                                        \
  }
#else
#define MINIPY_FUZZ_ENTRY(function)
#endif
