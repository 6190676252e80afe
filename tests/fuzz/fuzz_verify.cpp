// Fuzz target: the verifier's promise. The input is a marshalled module code object (seeded with the bodies of
// pycs compiled from tests/cases). code_from_pyc_body unmarshals and verifies it exactly as a cache body is,
// twice: into the compiler's tree (CodeTreeLoader) and into VM objects in one pass (VmPycLoader, what imports
// use). Both run the same reader and verifier, so the VM's loader never accepts what the tree's refuses (it may
// refuse more: a set constant with an unhashable item cannot be built). Whatever is accepted then runs in the VM
// (sandboxed, through `minipy file.pyc`'s path), because the interpreter loop trusts every oparg and its stack:
// verified code that crashes the VM is a verifier bug.
#include <span>
#include <string>

#include "cache/get_code.h"
#include "cache/pyc.h"
#include "fuzz_targets.h"
#include "vm_sandbox.h"

namespace minipy::fuzz {

namespace {
// The words a constant contributes: strings as they are, integers in decimal, containers item by item. The
// integers go through the same filter as a program's literals, so a mutated constant cannot ask for
// `range(536870918)` to be unpacked into a list (a found timeout: minutes and gigabytes, as in CPython, not a
// VM bug).
void append_constant_words(const Const& k, std::string* words) {
  if (k.is(Const::Kind::Str)) *words += k.text() + " ";
  if (k.is(Const::Kind::Int)) *words += k.int_value().to_string() + " ";
  for (const ConstRef& item : k.items()) append_constant_words(*item, words);
}

// The names and constants of `code` and its nested code objects, space-separated.
void append_words(const CodeObject& code, std::string* words) {
  for (const auto& name : code.names) *words += name + " ";
  for (const ConstRef& k : code.consts) {
    append_constant_words(*k, words);
    if (k->is(Const::Kind::Code)) append_words(*k->code_value(), words);
  }
}
}  // namespace

int fuzz_verify(const uint8_t* data, size_t size) {
  // The input is a body; a header in front makes it a (trailerless, CPython-style) pyc.
  std::string pyc = timestamp_pyc_header(0, 0);
  pyc.append(reinterpret_cast<const char*>(data), size);
  auto bytes = std::span(reinterpret_cast<const uint8_t*>(pyc.data()), pyc.size());
  auto loaded = code_from_pyc_body(bytes);
  if (vm_loader_accepts(bytes) && !loaded.ok()) __builtin_trap();
  if (!loaded.ok()) return 0;
  const std::shared_ptr<const CodeObject>& code = loaded.value();
  // Runs only code that names nothing outside the sandbox (its names and string constants are checked like
  // a program's text).
  std::string words;
  append_words(*code, &words);
  if (!sandbox_accepts(words)) return 0;
  run_pyc_sandboxed(bytes);
  return 0;
}

}  // namespace minipy::fuzz

MINIPY_FUZZ_ENTRY(fuzz_verify)
