// Holds compiler/opcodes.def against the installed python3.11's own `opcode` and `dis` modules: every opcode's
// name and number, whether it takes an argument, its inline cache entries, whether it is a relative jump, and
// its stack effect for a spread of opargs on both edges (dis.stack_effect): the table's pushes - pops and
// jump_pushes - pops. The table's own columns are checked for coherence too (flow against jumps, arg ranges). The oracle is asked at test time, so the
// check cannot go stale with a copied file; without python3.11 the test says SKIPPED loudly and passes.
#include <doctest/doctest.h>

#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "compiler/opcodes.h"

using namespace minipy;

namespace {

constexpr int kOpargs[] = {0, 1, 2, 3, 4, 7, 8, 15, 257, 515};  // the oracle script's list
constexpr size_t kOpargCount = std::size(kOpargs);

// CPython's numbers for its specialised instructions: dis._all_opname fills the table's gaps with them.
constexpr const char* kSpecializedScript = R"PY(
import dis
for number, name in enumerate(dis._all_opname):
    if name in dis._specialized_instructions:
        print(number, name, dis.deoptmap.get(name, ""), sep="\t")
)PY";

// One line per opcode: name, number, has-arg, cache entries, jump kind, then stack effects for
// (oparg, jump) = (0,F) (0,T) (1,F) (1,T) ... for each oparg in kOpargs; "n/a" where dis refuses.
constexpr const char* kOracleScript = R"PY(
import dis, opcode
def eff(op, arg, jump):
    try:
        return str(dis.stack_effect(op, arg if op >= opcode.HAVE_ARGUMENT else None, jump=jump))
    except (ValueError, TypeError):
        return "n/a"
for name, op in sorted(opcode.opmap.items(), key=lambda kv: kv[1]):
    kind = "rel" if op in opcode.hasjrel else "abs" if op in opcode.hasjabs else "-"
    effects = [eff(op, a, j) for a in (0, 1, 2, 3, 4, 7, 8, 15, 257, 515) for j in (False, True)]
    print(name, op, int(op >= opcode.HAVE_ARGUMENT), opcode._inline_cache_entries[op], kind, *effects, sep="\t")
)PY";

// The oracle's lines, or nothing when python3.11 cannot be run.
std::vector<std::string> ask_python311(const char* oracle_script = kOracleScript) {
  std::string python = MINIPY_PYTHON311;
  if (python.empty() || access(python.c_str(), X_OK) != 0) return {};
  std::string script = oracle_script;
  std::string command = "'" + python + "' -I -c \"$MINIPY_OPCODE_ORACLE\"";
  setenv("MINIPY_OPCODE_ORACLE", script.c_str(), 1);  // no shell quoting of the script itself
  std::vector<std::string> lines;
  if (FILE* p = popen(command.c_str(), "r")) {
    char buf[512];
    std::string current;
    while (fgets(buf, sizeof buf, p)) {
      current += buf;
      if (!current.empty() && current.back() == '\n') {
        current.pop_back();
        lines.push_back(current);
        current.clear();
      }
    }
    if (pclose(p) != 0) lines.clear();
  }
  return lines;
}

}  // namespace

TEST_CASE("opcodes.def matches python3.11's opcode and dis modules") {
  std::vector<std::string> lines = ask_python311();
  if (lines.empty()) {
    MESSAGE("SKIPPED: python3.11 not found (or it failed): opcodes.def is not checked against CPython");
    std::fprintf(stderr, "SKIPPED: python3.11 not found: opcodes.def is not checked against CPython\n");
    return;
  }
  int rows = 0;
  for (const std::string& line : lines) {
    std::istringstream fields(line);
    std::vector<std::string> f;
    for (std::string field; std::getline(fields, field, '\t');) f.push_back(field);
    REQUIRE(f.size() == 5 + 2 * kOpargCount);
    const std::string& name = f[0];
    int n = std::stoi(f[1]);
    INFO(name);
    REQUIRE(is_defined_opcode(n));
    auto op = static_cast<Opcode>(n);
    CHECK(opcode_info(op).name == name);
    CHECK(has_arg(op) == (f[2] == "1"));
    CHECK(cache_entries(op) == std::stoi(f[3]));
    CHECK(f[4] != "abs");  // 3.11 has only relative jumps
    CHECK(is_jump(op) == (f[4] == "rel"));
    for (size_t i = 0; i < kOpargCount; i++)
      for (int jump = 0; jump < 2; jump++) {
        int oparg = kOpargs[i];
        const std::string& expected = f[5 + 2 * i + jump];
        if (expected == "n/a") continue;
        INFO("oparg " << oparg << (jump ? " jumping" : " falling through"));
        CHECK(stack_effect(op, oparg, jump == 1) == std::stoi(expected));
      }
    rows++;
  }
  CHECK(rows == 110);
  // Every real opcode in the table is one of CPython's (no extras).
  int defined = 0;
  for (int i = 0; i < kFirstPseudoOpcode; i++) defined += is_defined_opcode(i);
  CHECK(defined == rows);
}

TEST_CASE("the table's columns agree with each other") {
  for (int n = 0; n < kFirstPseudoOpcode; n++) {
    if (!is_defined_opcode(n)) continue;
    auto op = static_cast<Opcode>(n);
    const OpcodeInfo& info = opcode_info(op);
    INFO(info.name);
    // Exactly the jumps have a jump edge; only opcodes with an argument have a range beyond 0.
    CHECK(is_jump(op) == (info.flow == OpFlow::BRANCH || info.flow == OpFlow::JUMP));
    CHECK(info.arg_min <= info.arg_max);
    if (!has_arg(op)) CHECK(info.arg_max == 0);
    // Counts are never negative for an oparg the row accepts.
    for (int oparg : kOpargs) {
      if (oparg < info.arg_min || oparg > info.arg_max) continue;
      CHECK(stack_pops(op, oparg) >= 0);
      CHECK(stack_pushes(op, oparg, false) >= 0);
      CHECK(stack_pushes(op, oparg, true) >= 0);
    }
  }
}

// The SPECIALIZED rows: interpreter-only forms sitting in the table's gaps, with a base the loop implements and
// whose cache entries they use; below 181 under the number and name CPython 3.11 gives that specialisation.
TEST_CASE("specialised forms sit in the gaps under CPython's numbers") {
  int rows = 0;
#define SPECIALIZED(spec_name, spec_number, spec_base, meaning)                                                        \
  {                                                                                                                    \
    INFO(#spec_name);                                                                                                  \
    CHECK(!is_defined_opcode(spec_number));                                                                            \
    CHECK(spec_number < 256);                                                                                          \
    CHECK(kBaseOpcode[spec_number] == static_cast<int>(Opcode::spec_base));                                            \
    CHECK(opcode_info(Opcode::spec_base).implemented_by_vm);                                                           \
    CHECK(cache_entries(Opcode::spec_base) >= 1);                                                                      \
    CHECK(std::string_view(#spec_name).substr(0, opcode_info(Opcode::spec_base).name.size()) ==                        \
          opcode_info(Opcode::spec_base).name);                                                                        \
    if (spec_number < 181)                                                                                             \
      cpython_names[spec_number] = {#spec_name, std::string(opcode_info(Opcode::spec_base).name)};                     \
    rows++;                                                                                                            \
  }
  std::map<int, std::pair<std::string, std::string>> cpython_names;  // number -> (name, base)
#include "compiler/opcodes.def"
  CHECK(rows >= 1);
  for (int n = 0; n < 256; n++)
    if (is_defined_opcode(n)) CHECK(kBaseOpcode[n] == n);
  std::vector<std::string> lines = ask_python311(kSpecializedScript);
  if (lines.empty()) {
    MESSAGE("SKIPPED: python3.11 not found: specialised numbers are not checked against CPython");
    return;
  }
  std::map<int, std::pair<std::string, std::string>> oracle;
  for (const std::string& line : lines) {
    std::istringstream fields(line);
    std::string number, name, base;
    std::getline(fields, number, '\t');
    std::getline(fields, name, '\t');
    std::getline(fields, base, '\t');
    oracle[std::stoi(number)] = {name, base};
  }
  for (const auto& [number, name_and_base] : cpython_names) {
    INFO(name_and_base.first);
    CHECK(oracle[number] == name_and_base);
  }
}
