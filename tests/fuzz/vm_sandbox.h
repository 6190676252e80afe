// Running untrusted Python inside a fuzz target: small recursion limit, no imports and
// no builtins that reach the file system or the terminal, and a watchdog that interrupts a program running
// longer than its time budget (SIGINT, raised as KeyboardInterrupt at the next instruction boundary, again
// and again until the program ends). Output goes wherever stdout goes (libFuzzer's -close_fd_mask=1 or the
// replay binary send it to /dev/null).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace minipy::fuzz {

// Whether a program text may run in the sandbox: ASCII only, no name that would reach outside it (the
// builtins themselves are removed too; this filter also keeps mutations from building their names), no
// literal that asks for gigabytes.
bool sandbox_accepts(std::string_view source);

// Compiles and runs `source` under the sandbox's limits.
void run_source_sandboxed(std::string_view source);

// Whether the VM's one-pass loader (vm/interp/code_loader.h VmPycLoader, what an import and `minipy file.pyc`
// use) accepts the pyc bytes `pyc` (header + body), in the shared interpreter; nothing runs.
bool vm_loader_accepts(std::span<const uint8_t> pyc);

// Runs the pyc bytes `pyc` (header + body) under the sandbox's limits, through the same
// path as `minipy file.pyc`.
void run_pyc_sandboxed(std::span<const uint8_t> pyc);

}  // namespace minipy::fuzz
