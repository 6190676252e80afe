// Test support for the assembler suites: a small text form for hand-built CompilerUnits and a python3.11 oracle.
//
// Text form, one instruction or label per line ('#' starts a comment):
//   b3:                         starts block 3; blocks are allocated in label-number order (b0 first), which is
//                               the order CPython's codegen would have allocated them, and laid out in text order
//   LOAD_CONST 1 @2:4-2:9       opcode, oparg (or a block label for jumps and SETUP_*), location
// Locations: none (no location), @L (line only), @L:C-C2 (one line), @L:C-L2:C2 (multi-line).
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/constant.h"
#include "compiler/instr.h"

namespace minipy::test {

// Fills `unit.blocks` / `unit.entry` from `text`; fails the current test on a parse error.
void build_cfg(CompilerUnit& unit, const std::string& text);

// What python3.11 produced for one code object, as hex strings where bytes are involved.
struct PythonCode {
  std::string code, linetable, exceptiontable, localspluskinds;
  int stacksize = 0, nconsts = 0, firstlineno = 0;
  std::vector<std::string> localsplusnames;
  std::vector<std::string> consts_repr;
  // Decoded views, for the decoder tests: co_positions() per code unit (None as -1) and
  // dis._parse_exception_table() entries as (start, end, target, depth, lasti) in bytes.
  std::vector<std::vector<int>> positions;
  std::vector<std::vector<int>> exception_entries;
};

// Compiles `source` with python3.11 and describes the code object `selector` names (a Python expression over
// the module code object `c`, e.g. "c" or "c.co_consts[0]"). nullopt (after a loud SKIPPED message) when
// python3.11 is missing.
std::optional<PythonCode> python_code(const std::string& source, const std::string& selector);

// Runs `script` with python3.11 in a clean environment, `args` appended to its argv, and returns its stdout;
// nullopt (after a loud SKIPPED message) when python3.11 is missing. Fails the test if the script fails.
std::optional<std::string> run_python(const std::string& script, const std::vector<std::string>& args = {});

std::string hex(const std::string& bytes);

// Constants for hand-built units.
ConstRef none();
ConstRef num(int64_t v);
ConstRef code_placeholder();  // a nested code object; its value is never compared

// The fields of a CompilerUnit a test sets by hand (the CFG comes from the text form).
struct UnitSpec {
  std::string name = "<module>";
  std::string qualname;
  int firstlineno = 1;
  int flags = 0;
  int argcount = 0;
  std::vector<ConstRef> consts;
  std::vector<std::string> names, varnames, cellvars, freevars;
};

// A plain function's unit: CO_OPTIMIZED | CO_NEWLOCALS, `argcount` of its `varnames` are parameters.
UnitSpec function(const char* name, int firstlineno, std::vector<std::string> varnames, int argcount,
                  std::vector<ConstRef> consts, std::vector<std::string> names = {});

// Builds the unit from `spec` and `cfg`, assembles it and checks every field of the result against the code
// object python3.11 compiles from `source` (`selector` as for python_code()).
void check_against_python(const UnitSpec& spec, const std::string& cfg, const std::string& source,
                          const std::string& selector);

}  // namespace minipy::test
