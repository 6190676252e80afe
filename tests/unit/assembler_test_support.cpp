#include "assembler_test_support.h"

#include "compiler/assembler.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace minipy::test {
namespace {

std::optional<Opcode> opcode_by_name(const std::string& name) {
  for (int i = 0; i < kOpcodeCount; i++) {
    if (kOpcodeTable[static_cast<size_t>(i)].name == name) return static_cast<Opcode>(i);
  }
  return std::nullopt;
}

SourcePosition parse_location(const std::string& text) {
  SourcePosition pos;
  if (text.empty() || text[0] != '@') return pos;
  int l1 = -1, c1 = -1, l2 = -1, c2 = -1;
  if (std::sscanf(text.c_str(), "@%d:%d-%d:%d", &l1, &c1, &l2, &c2) == 4) {
    pos = {l1, l2, c1, c2};
  } else if (std::sscanf(text.c_str(), "@%d:%d-%d", &l1, &c1, &c2) == 3) {
    pos = {l1, l1, c1, c2};
  } else if (std::sscanf(text.c_str(), "@%d", &l1) == 1) {
    pos = {l1, l1, -1, -1};
  }
  return pos;
}

int block_number(const std::string& label) { return std::stoi(label.substr(1)); }

}  // namespace

void build_cfg(CompilerUnit& unit, const std::string& text) {
  struct PendingInstr {
    Instr instr;
    int target = -1;
  };
  std::vector<std::pair<int, std::vector<PendingInstr>>> layout;
  int max_block = -1;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    std::istringstream words(line);
    std::string first;
    if (!(words >> first)) continue;
    if (first.back() == ':') {
      int n = block_number(first.substr(0, first.size() - 1));
      max_block = std::max(max_block, n);
      layout.push_back({n, {}});
      continue;
    }
    REQUIRE_MESSAGE(!layout.empty(), "instruction before the first label: " << line);
    auto op = opcode_by_name(first);
    REQUIRE_MESSAGE(op.has_value(), "unknown opcode " << first);
    PendingInstr p;
    p.instr.op = *op;
    std::string word;
    while (words >> word) {
      if (word[0] == '@') {
        p.instr.loc = parse_location(word);
      } else if (word[0] == 'b') {
        p.target = block_number(word);
        max_block = std::max(max_block, p.target);
      } else {
        p.instr.oparg = std::stoi(word);
      }
    }
    layout.back().second.push_back(p);
  }
  std::vector<BasicBlock*> blocks;
  for (int i = 0; i <= max_block; i++) blocks.push_back(unit.new_block());
  BasicBlock* prev = nullptr;
  for (auto& [n, instrs] : layout) {
    BasicBlock* b = blocks[static_cast<size_t>(n)];
    for (auto& p : instrs) {
      if (p.target >= 0) p.instr.target = blocks[static_cast<size_t>(p.target)];
      b->instrs.push_back(p.instr);
    }
    if (prev) prev->next = b;
    else unit.entry = b;
    prev = b;
  }
}

std::string hex(const std::string& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(digits[c >> 4]);
    out.push_back(digits[c & 15]);
  }
  return out;
}

namespace {

constexpr const char* kOracleScript = R"PY(
import dis, sys
c = compile(SOURCE, "t.py", "exec")
co = eval(sys.argv[1])
print(co.co_code.hex())
print(co.co_linetable.hex())
print(co.co_exceptiontable.hex())
nv = len(co.co_varnames)
extra_cells = [n for n in co.co_cellvars if n not in co.co_varnames]
n = nv + len(extra_cells) + len(co.co_freevars)
names = [co._varname_from_oparg(i) for i in range(n)]
kinds = bytes([0x20 | (0x40 if names[i] in co.co_cellvars else 0) if i < nv else
               (0x40 if i < nv + len(extra_cells) else 0x80) for i in range(n)])
print(kinds.hex())
print(co.co_stacksize, len(co.co_consts), co.co_firstlineno)
print(" ".join(names) or "-")
print("\x1f".join(repr(k) if not hasattr(k, "co_code") else "<code>" for k in co.co_consts))
print(";".join(",".join(str(-1 if v is None else v) for v in p) for p in co.co_positions()))
print(";".join(f"{e.start},{e.end},{e.target},{e.depth},{int(e.lasti)}" for e in dis._parse_exception_table(co)))
)PY";

std::vector<std::vector<int>> parse_int_groups(const std::string& text) {
  std::vector<std::vector<int>> out;
  std::istringstream groups(text);
  std::string group;
  while (std::getline(groups, group, ';')) {
    if (group.empty()) continue;
    std::vector<int> values;
    std::istringstream items(group);
    std::string item;
    while (std::getline(items, item, ',')) values.push_back(std::stoi(item));
    out.push_back(values);
  }
  return out;
}

std::string python_path() { return MINIPY_PYTHON311; }

// A Python expression that evaluates to `text`: hex-encoded, so no quoting or escaping rules matter.
std::string python_string_literal(const std::string& text) {
  std::string out = "bytes.fromhex('" + hex(text) + "').decode('utf-8')";
  return out;
}

}  // namespace

std::optional<std::string> run_python(const std::string& script, const std::vector<std::string>& args) {
  std::string python = python_path();
  if (python.empty() || python.find("NOTFOUND") != std::string::npos || !std::filesystem::exists(python)) {
    MESSAGE("SKIPPED: python3.11 not found");
    return std::nullopt;
  }
  auto dir = std::filesystem::temp_directory_path() / ("minipy_asm_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  { std::ofstream(dir / "script.py") << script; }
  // A clean environment: the machines export PYTHON* variables that must not leak into the oracle.
  std::string cmd = "env -i PATH=/usr/bin:/bin " + python + " " + (dir / "script.py").string();
  for (const std::string& arg : args) cmd += " '" + arg + "'";
  FILE* pipe = ::popen(cmd.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string output;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) output.append(buf.data(), n);
  int status = ::pclose(pipe);
  std::filesystem::remove_all(dir);
  REQUIRE_MESSAGE(status == 0, "python3.11 failed running " << script);
  return output;
}

std::optional<PythonCode> python_code(const std::string& source, const std::string& selector) {
  auto output = run_python(std::string("SOURCE = ") + python_string_literal(source) + "\n" + kOracleScript,
                           {selector});
  if (!output) return std::nullopt;
  std::istringstream in(*output);
  PythonCode pc;
  std::string line;
  std::getline(in, pc.code);
  std::getline(in, pc.linetable);
  std::getline(in, pc.exceptiontable);
  std::getline(in, pc.localspluskinds);
  std::getline(in, line);
  std::istringstream(line) >> pc.stacksize >> pc.nconsts >> pc.firstlineno;
  std::getline(in, line);
  if (line != "-") {
    std::istringstream names(line);
    std::string name;
    while (names >> name) pc.localsplusnames.push_back(name);
  }
  std::getline(in, line);
  {
    std::istringstream reprs(line);
    std::string r;
    while (std::getline(reprs, r, '\x1f')) pc.consts_repr.push_back(r);
  }
  std::getline(in, line);
  pc.positions = parse_int_groups(line);
  std::getline(in, line);
  pc.exception_entries = parse_int_groups(line);
  return pc;
}

namespace {

// Disassembly for failure messages: "OPNAME arg" per instruction, caches skipped.
std::string disassemble(const std::string& hexcode) {
  std::string out;
  for (size_t i = 0; i + 3 < hexcode.size() + 0; i += 4) {
    int op = std::stoi(hexcode.substr(i, 2), nullptr, 16);
    int arg = std::stoi(hexcode.substr(i + 2, 2), nullptr, 16);
    if (op == 0) continue;
    out += std::to_string(i / 2) + " " + std::string(is_defined_opcode(op) ? kOpcodeTable[static_cast<size_t>(op)].name : "?") +
           " " + std::to_string(arg) + "\n";
  }
  return out;
}

}  // namespace

ConstRef none() { return Const::none(); }
ConstRef num(int64_t v) { return Const::integer(BigInt(v)); }
ConstRef code_placeholder() { return Const::code(std::make_shared<CodeObject>()); }


void check_against_python(const UnitSpec& spec, const std::string& cfg, const std::string& source,
                          const std::string& selector) {
  auto py = python_code(source, selector);
  if (!py) return;
  CompilerUnit unit;
  unit.name = spec.name;
  unit.qualname = spec.qualname.empty() ? spec.name : spec.qualname;
  unit.firstlineno = spec.firstlineno;
  unit.flags = spec.flags;
  unit.argcount = spec.argcount;
  unit.consts = spec.consts;
  unit.names = spec.names;
  unit.varnames = spec.varnames;
  unit.cellvars = spec.cellvars;
  unit.freevars = spec.freevars;
  unit.filename = "t.py";
  build_cfg(unit, cfg);
  auto code = assemble(unit);
  INFO("python3.11:\n" << disassemble(py->code) << "minipy:\n" << disassemble(hex(code->code)));
  CHECK(hex(code->code) == py->code);
  CHECK(hex(code->linetable) == py->linetable);
  CHECK(hex(code->exceptiontable) == py->exceptiontable);
  CHECK(code->stacksize == py->stacksize);
  CHECK(static_cast<int>(code->consts.size()) == py->nconsts);
  CHECK(code->firstlineno == py->firstlineno);
  CHECK(code->localsplusnames == py->localsplusnames);
  CHECK(hex(code->localspluskinds) == py->localspluskinds);
  if (static_cast<int>(code->consts.size()) == py->nconsts) {
    for (size_t i = 0; i < code->consts.size(); i++) {
      if (py->consts_repr[i] != "<code>") CHECK(code->consts[i]->repr() == py->consts_repr[i]);
    }
  }
}

UnitSpec function(const char* name, int firstlineno, std::vector<std::string> varnames, int argcount,
                  std::vector<ConstRef> consts, std::vector<std::string> names) {
  UnitSpec s;
  s.name = name;
  s.firstlineno = firstlineno;
  s.flags = CO_OPTIMIZED | CO_NEWLOCALS;
  s.varnames = std::move(varnames);
  s.argcount = argcount;
  s.consts = std::move(consts);
  s.names = std::move(names);
  return s;
}

}  // namespace minipy::test
