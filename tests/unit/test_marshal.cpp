// marshal: round trips, python3.11 as the oracle for what it accepts and how it fails, determinism, and
// robustness of the reader against truncated and corrupted input.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "cache/marshal.h"
#include "test_support.h"

using namespace minipy;

namespace minipy_test {

// Shared with test_pyc.cpp: the python3.11 oracle.
bool have_python311() {
  std::string exe = MINIPY_PYTHON311;
  if (!exe.empty() && access(exe.c_str(), X_OK) == 0) return true;
  MESSAGE("SKIPPED: python3.11 not found");
  return false;
}

std::string make_temp_dir() {
  std::string pattern = "/tmp/minipy_cache_test.XXXXXX";
  char* dir = mkdtemp(pattern.data());
  REQUIRE(dir != nullptr);
  return dir;
}

void write_file(const std::string& path, std::string_view data) {
  std::ofstream out(path, std::ios::binary);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs `script` under python3.11 with a clean environment (no inherited PYTHON* variables) and the given
// arguments; returns its stdout. A non-zero exit fails the test.
std::string run_python311(const std::string& script, const std::vector<std::string>& args) {
  std::string dir = make_temp_dir();
  write_file(dir + "/script.py", script);
  std::string command = fmt::format("cd '{}' && env -i PATH=/usr/bin:/bin LANG=C.UTF-8 '{}' -I script.py", dir,
                                    MINIPY_PYTHON311);
  for (const auto& a : args) {
    std::string quoted;
    for (char c : a) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    command += " '" + quoted + "'";
  }
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  int status = pclose(pipe);
  CHECK_MESSAGE(status == 0, "python3.11 failed: ", out);
  std::system(fmt::format("rm -rf '{}'", dir).c_str());
  return out;
}

std::string to_hex(std::string_view bytes) {
  std::string out;
  for (unsigned char c : bytes) out += fmt::format("{:02x}", c);
  return out;
}

std::string from_hex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  return out;
}

std::span<const uint8_t> as_span(std::string_view s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Writes one input per line to a file in a fresh directory and returns python3.11's output lines for them (the
// script gets the file's path first, then `extra_args`).
std::vector<std::string> ask_python(const std::string& script, const std::vector<std::string>& inputs,
                                    std::vector<std::string> extra_args) {
  std::string dir = make_temp_dir();
  std::string text;
  for (const auto& line : inputs) text += line + "\n";
  write_file(dir + "/in.txt", text);
  extra_args.insert(extra_args.begin(), dir + "/in.txt");
  auto lines = split_lines(run_python311(script, extra_args));
  std::system(fmt::format("rm -rf '{}'", dir).c_str());
  return lines;
}

}  // namespace minipy_test

using namespace minipy_test;

namespace {

std::vector<ConstRef> sample_constants() {
  std::vector<ConstRef> v = {
      Const::none(), Const::boolean(true), Const::boolean(false), Const::ellipsis(),
      Const::integer(0), Const::integer(-5), Const::integer(256), Const::integer(INT32_MAX),
      Const::integer(INT32_MIN), Const::integer(int64_t{INT32_MAX} + 1), Const::integer(int64_t{INT32_MIN} - 1),
      Const::integer(*BigInt::parse("123456789012345678901234567890123456789", 10)),
      Const::integer(-*BigInt::parse("32768", 10)), Const::integer(*BigInt::parse("1073741824", 10)),
      Const::floating(1.5), Const::floating(-0.0), Const::floating(1e308), Const::floating(5e-324),
      Const::complex(1.0, -2.5), Const::complex(0.0, 1.0),
      Const::str(""), Const::str("abc", true), Const::str("hello world"), Const::str("caf\xc3\xa9"),
      Const::str("\xe2\x82\xac\xf0\x9f\x90\x8d", false), Const::str(std::string(300, 'x')),
      Const::str(std::string(300, 'y'), true), Const::str("\xc3\xa9t\xc3\xa9", true),
      Const::bytes(""), Const::bytes(std::string("\x00\xff\x80", 3)),
  };
  v.push_back(Const::tuple({}));
  v.push_back(Const::tuple({Const::integer(1), Const::str("a", true), Const::tuple({Const::none()})}));
  std::vector<ConstRef> many;
  for (int i = 0; i < 300; i++) many.push_back(Const::integer(i % 7));
  v.push_back(Const::tuple(many));
  v.push_back(Const::frozenset({}));
  v.push_back(Const::frozenset({Const::integer(1), Const::str("b", true), Const::floating(2.0)}));
  return v;
}

std::shared_ptr<CodeObject> sample_code() {
  auto inner = std::make_shared<CodeObject>();
  inner->argcount = 1;
  inner->stacksize = 2;
  inner->flags = CO_OPTIMIZED | CO_NEWLOCALS;
  inner->code = std::string("\x97\x00|\x00S\x00", 6);  // RESUME 0; LOAD_FAST 0; RETURN_VALUE
  inner->consts = {Const::none()};
  inner->localsplusnames = {"x"};
  inner->localspluskinds = std::string(1, static_cast<char>(CO_FAST_LOCAL));
  inner->filename = "t.py";
  inner->name = "f";
  inner->qualname = "f";
  inner->firstlineno = 2;
  inner->linetable = std::string("\x80\x00\xd8\x0b\x0c\x88\x48", 7);
  auto top = std::make_shared<CodeObject>();
  top->stacksize = 1;
  top->code = std::string("\x97\x00" "d\x00" "\x84\x00" "Z\x00" "d\x01S\x00", 10);
  top->consts = {Const::code(inner), Const::none()};
  top->names = {"f"};
  top->filename = "t.py";
  top->name = "<module>";
  top->qualname = "<module>";
  top->linetable = std::string("\xf0\x03\x01\x01\x01\xf0\x02\x01\x01\x0e", 10);
  return top;
}

std::string nested_tuples(int depth) {
  std::string hex;
  for (int i = 0; i < depth; i++) hex += "2901";
  return hex + "4e";
}

}  // namespace

TEST_SUITE("marshal") {

TEST_CASE("every constant kind round-trips") {
  for (const auto& value : sample_constants()) {
    INFO(value->repr());
    std::string bytes = marshal_constant(*value);
    auto back = unmarshal_constant(as_span(bytes));
    REQUIRE(back.ok());
    CHECK(back.value().consumed == bytes.size());
    CHECK(same_constant(*back.value().object, *value));
    if (value->is(Const::Kind::Str)) CHECK(back.value().object->interned() == value->interned());
  }
}

TEST_CASE("compact forms: type codes chosen like CPython's") {
  auto first = [](const ConstRef& c) { return static_cast<char>(marshal_constant(*c)[0]); };
  CHECK(first(Const::str("abc", true)) == 'Z');
  CHECK(first(Const::str("a b")) == 'z');
  CHECK(first(Const::str(std::string(256, 'a'))) == 'a');
  CHECK(first(Const::str(std::string(256, 'a'), true)) == 'A');
  CHECK(first(Const::str("caf\xc3\xa9")) == 'u');
  CHECK(first(Const::str("caf\xc3\xa9", true)) == 't');
  CHECK(first(Const::integer(INT32_MIN)) == 'i');
  CHECK(first(Const::integer(int64_t{1} << 31)) == 'l');
  CHECK(first(Const::floating(0.5)) == 'g');
  CHECK(first(Const::complex(0, 1)) == 'y');
  CHECK(first(Const::bytes("x")) == 's');
  CHECK(first(Const::tuple({})) == ')');
  CHECK(to_hex(marshal_constant(*Const::integer(-BigInt(1).shifted_left(45)))) == "6cfcffffff0000000000000100");
}

TEST_CASE("repeated values become FLAG_REF + back-references") {
  auto s = Const::str("name", true);
  auto t = Const::tuple({s, Const::str("name", true), Const::integer(7), Const::integer(7)});
  // ')' 4, 'Z'|ref "name", r 0, 'i'|ref 7, r 1
  CHECK(to_hex(marshal_constant(*t)) == "2904da046e616d657200000000e907000000" "7201000000");
  // Interned and non-interned strings are different objects to CPython, so they are not shared.
  auto mixed = Const::tuple({Const::str("a b"), Const::str("a b", true)});
  CHECK(to_hex(marshal_constant(*mixed)) == "29027a036120625a03612062");
}

TEST_CASE("code objects round-trip and marshal deterministically") {
  auto code = sample_code();
  std::string once = marshal_code(*code);
  CHECK(once == marshal_code(*code));
  CHECK(once == marshal_code(*sample_code()));  // equal graphs built separately give the same bytes
  auto back = unmarshal_code(as_span(once));
  REQUIRE(back.ok());
  CHECK(marshal_code(*back.value().object) == once);
  CHECK(back.value().object->qualname == "<module>");
  REQUIRE(back.value().object->consts.size() == 2);
  CHECK(back.value().object->consts[0]->code_value()->localsplusnames == std::vector<std::string>{"x"});
}

TEST_CASE("reader errors match CPython's messages") {
  struct Case {
    std::string hex, message;
  };
  std::vector<Case> cases = {
      {"", "EOF read where object expected"},
      {"69", "marshal data too short"},
      {"690100", "marshal data too short"},
      {"01", "bad marshal data (unknown type code)"},
      {"3f", "bad marshal data (unknown type code)"},
      {"7200000000", "bad marshal data (invalid reference)"},
      {"be010000007200000000", "bad marshal data (invalid reference)"},
      {"2902e9050000007201000000", "bad marshal data (invalid reference)"},
      {"72ffffffff", "bad marshal data (invalid reference)"},
      {"6c010000000000", "bad marshal data (unnormalized long data)"},
      {"6c020000000100ffff", "bad marshal data (digit out of range in long)"},
      {"6c01000000", "marshal data too short"},
      {"73ffffffff", "bad marshal data (bytes object size out of range)"},
      {"75feffffff", "bad marshal data (string size out of range)"},
      {"28ffffffff", "bad marshal data (tuple size out of range)"},
      {"3effffffff", "bad marshal data (set size out of range)"},
      {"730500000061", "marshal data too short"},
      {"7a05616263", "marshal data too short"},
      {"7a", "EOF read where object expected"},
      {"2902", "EOF read where object expected"},
      {"29024e30", "NULL object in marshal data for tuple"},
      {"30", "NULL object in marshal data for object"},
      {"29", "EOF read where object expected"},
      {"e3", "marshal data too short"},
      {"490100000000000080", "ok"},                  // 'I': i64, read only
      {"6603312e35", "ok"},                          // 'f': text float
      {"7803312e3504" "2d696e66", "ok"},              // 'x': text complex (1.5-infj)
      {"66032d696e", "could not convert string to float: '-in'"},
      {"6603312e", "marshal data too short"},
      // 2000 one-item tuples around None nest 2001 objects deep: one too many. 1999 is fine.
      {nested_tuples(2000), "recursion limit exceeded"},
      {nested_tuples(1999), "ok"},
  };
  for (const auto& c : cases) {
    INFO(c.hex.substr(0, 40));
    std::string bytes = from_hex(c.hex);
    auto result = unmarshal_constant(as_span(bytes));
    if (c.message == "ok") {
      CHECK(result.ok());
    } else {
      REQUIRE_FALSE(result.ok());
      CHECK(result.error().message == c.message);
    }
  }
  // CPython registers a tuple before reading its items, so a tuple may contain itself; a constant cannot.
  std::string self_tuple = from_hex("a9017200000000");
  auto cyclic = unmarshal_constant(as_span(self_tuple));
  REQUIRE_FALSE(cyclic.ok());
  CHECK(cyclic.error().message == "bad marshal data (invalid reference)");

  if (!have_python311()) return;
  std::string script = "import marshal, sys\nfor h in open(sys.argv[1]).read().split():\n"
                       "    h = '' if h == '-' else h\n"
                       "    try:\n        marshal.loads(bytes.fromhex(h)); print('ok')\n"
                       "    except Exception as e: print(e)\n";
  std::vector<std::string> inputs;
  for (const auto& c : cases) inputs.push_back(c.hex.empty() ? "-" : c.hex);
  auto lines = ask_python(script, inputs);
  REQUIRE(lines.size() == cases.size());
  for (size_t i = 0; i < cases.size(); i++) {
    INFO(cases[i].hex.substr(0, 40));
    CHECK(lines[i] == cases[i].message);
  }
}

TEST_CASE("python3.11 accepts minipy's marshal of every constant kind") {
  if (!have_python311()) return;
  std::vector<std::string> inputs;
  for (const auto& value : sample_constants()) inputs.push_back(to_hex(marshal_constant(*value)));
  // Prints type name and repr, which tells -0.0 from 0.0 and frozenset order apart.
  auto lines = ask_python(
      "import marshal, sys\nfor h in open(sys.argv[1]).read().split():\n"
      "    v = marshal.loads(bytes.fromhex(h))\n"
      "    print(type(v).__name__, ascii(v)[:60] if not isinstance(v, frozenset) else sorted(map(repr, v)))\n",
      inputs);
  auto values = sample_constants();
  REQUIRE(lines.size() == values.size());
  const char* expected_types[] = {"NoneType", "bool", "bool", "ellipsis", "int", "int", "int", "int", "int",
                                  "int", "int", "int", "int", "int", "float", "float", "float", "float",
                                  "complex", "complex", "str", "str", "str", "str", "str", "str", "str", "str",
                                  "bytes", "bytes", "tuple", "tuple", "tuple", "frozenset", "frozenset"};
  REQUIRE(std::size(expected_types) == values.size());
  for (size_t i = 0; i < values.size(); i++) {
    INFO(values[i]->repr());
    CHECK(lines[i].starts_with(std::string(expected_types[i]) + " "));
  }
  CHECK(lines[11] == "int 123456789012345678901234567890123456789");
  CHECK(lines[15] == "float -0.0");
  CHECK(lines[18] == "complex (1-2.5j)");
  CHECK(lines[23] == "str 'caf\\xe9'");
  CHECK(lines[34] == "frozenset [\"'b'\", '1', '2.0']");
}

// Sources python3.11 compiles for the cross checks: a file exercising every constant kind and code shape,
// plus real standard-library modules.
const char* const kCrossSource = R"PY(
import sys
from os import path as p
BIG = 10**40, -2**63, 2**31, -2**31, 0x7fffffff
FLOATS = 1.5, -0.0, float('inf'), 1e-300
Z = 3j, 1+2j
S = 'abc', 'a b', 'café', '€🐍', 'x' * 300, 'y' * 10, b'\x00\xff', ''
def outer(a, b=2, *args, c, d=4, **kw):
    x = [a, b]
    def inner(y):
        nonlocal x
        return x + [y]
    return inner, lambda q: q + a
class C(object):
    """doc"""
    attr = {1: 2}
    def m(self):
        return super().m() if self else __class__
async def co(): await co()
def gen(): yield from (i*i for i in range(3) if i in {1, 2, 3})
try:
    import nonexistent
except ImportError as e:
    pass
finally:
    print({k: v for k, v in zip('ab', 'cd')}, [i for i in range(2)])
with open(__file__) as f: pass
if x := len(S): assert x, 'no'
def café(ñ): return ñ
)PY";

const char* const kStdlibModules[] = {"json/decoder.py", "argparse.py", "dataclasses.py", "collections/__init__.py",
                                      "typing.py", "asyncio/tasks.py"};

// Asks python3.11 to compile `kCrossSource` and the stdlib modules into marshal files in `dir`, returning
// their paths (the cross source's first).
std::vector<std::string> python_marshal_files(const std::string& dir) {
  write_file(dir + "/cross.py", kCrossSource);
  std::string script =
      "import marshal, sys, os\nd = sys.argv[1]\nsrcs = [os.path.join(d, 'cross.py')] + "
      "[os.path.join(os.path.dirname(os.__file__), m) for m in sys.argv[2:]]\n"
      "for i, s in enumerate(srcs):\n"
      "    c = compile(open(s, 'rb').read(), s, 'exec')\n"
      "    open(os.path.join(d, f'{i}.bin'), 'wb').write(marshal.dumps(c))\n    print(os.path.join(d, f'{i}.bin'))\n";
  std::vector<std::string> args = {dir};
  for (const char* m : kStdlibModules) args.push_back(m);
  return split_lines(run_python311(script, args));
}

// Compares two code objects: == (CPython's value equality) plus the fields == leaves out, recursively through
// constants, with floats compared by repr so -0.0 and nan count; then the marshal type codes.
const char* const kCompareScript = R"PY(
import marshal, struct, sys
def same(a, b, where):
    if type(a) is not type(b):
        return f'{where}: {type(a).__name__} vs {type(b).__name__}'
    if hasattr(a, 'co_code'):
        if a != b: return f'{where}: code objects differ'
        for attr in ('co_filename', 'co_name', 'co_qualname', 'co_firstlineno', 'co_stacksize', 'co_flags',
                     'co_varnames', 'co_cellvars', 'co_freevars', 'co_names', 'co_linetable',
                     'co_exceptiontable', 'co_code', 'co_argcount', 'co_posonlyargcount', 'co_kwonlyargcount'):
            if getattr(a, attr) != getattr(b, attr): return f'{where}.{attr} differs'
        if len(a.co_consts) != len(b.co_consts): return f'{where}: const count'
        for i, (x, y) in enumerate(zip(a.co_consts, b.co_consts)):
            r = same(x, y, f'{where}.{a.co_name}[{i}]')
            if r: return r
        return None
    if isinstance(a, tuple):
        if len(a) != len(b): return f'{where}: tuple length'
        for i, (x, y) in enumerate(zip(a, b)):
            r = same(x, y, f'{where}[{i}]')
            if r: return r
        return None
    if isinstance(a, (float, complex)):
        return None if repr(a) == repr(b) else f'{where}: {a!r} vs {b!r}'
    return None if a == b else f'{where}: {a!r} vs {b!r}'
# The tree of type codes with every back-reference replaced by what it refers to: equal trees mean minipy
# chose the same forms as CPython (interned or not, short or long, small tuple or not) for every object.
def type_codes(data):
    pos = 0; refs = []
    def take(n):
        nonlocal pos; pos += n; return data[pos - n:pos]
    def i32(): return struct.unpack('<i', take(4))[0]
    def obj():
        t = take(1)[0]; c = chr(t & 0x7f)
        if c == 'r': return refs[i32()]
        slot = None
        if t & 0x80: slot = len(refs); refs.append(None)
        parts = [c]
        if c == 'i': i32()
        elif c == 'l': take(2 * abs(i32()))
        elif c == 'g': take(8)
        elif c == 'y': take(16)
        elif c in 'sauAt': take(i32())
        elif c in 'zZ': take(take(1)[0])
        elif c in ')(>':
            parts += [obj() for _ in range(take(1)[0] if c == ')' else i32())]
        elif c == 'c':
            for _ in range(5): i32()
            parts += [obj() for _ in range(8)]
            i32(); parts += [obj(), obj()]
        s = ''.join(parts)
        if slot is not None: refs[slot] = s
        return s
    return obj()
for pair in sys.argv[1:]:
    ref, mine = pair.split(',')
    a, b = open(ref, 'rb').read(), open(mine, 'rb').read()
    r = same(marshal.loads(a), marshal.loads(b), ref)
    if not r and type_codes(a) != type_codes(b): r = f'{ref}: type codes differ from CPython'
    print(r or 'ok')
)PY";

TEST_CASE("python3.11 loads minipy's re-marshal of python3.11's code objects as equal code objects") {
  if (!have_python311()) return;
  std::string dir = make_temp_dir();
  auto files = python_marshal_files(dir);
  REQUIRE(files.size() == std::size(kStdlibModules) + 1);
  std::vector<std::string> pairs;
  for (const auto& file : files) {
    INFO(file);
    std::string original = read_file(file);
    auto loaded = unmarshal_code(as_span(original));
    REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
    CHECK(loaded.value().consumed == original.size());
    std::string mine = marshal_code(*loaded.value().object);
    auto again = unmarshal_code(as_span(mine));
    REQUIRE(again.ok());
    CHECK(marshal_code(*again.value().object) == mine);  // reading and writing again is a fixed point
    write_file(file + ".mini", mine);
    pairs.push_back(file + "," + file + ".mini");
  }
  auto verdicts = split_lines(run_python311(kCompareScript, pairs));
  REQUIRE(verdicts.size() == pairs.size());
  for (const auto& v : verdicts) CHECK(v == "ok");
  std::system(fmt::format("rm -rf '{}'", dir).c_str());
}

TEST_CASE("reader survives every truncation and random corruption") {
  std::string data;
  if (have_python311()) {
    std::string dir = make_temp_dir();
    data = read_file(python_marshal_files(dir).front());
    std::system(fmt::format("rm -rf '{}'", dir).c_str());
  } else {
    data = marshal_code(*sample_code());
  }
  REQUIRE(unmarshal_code(as_span(data)).ok());
  int truncations_rejected = 0;
  for (size_t n = 0; n < data.size(); n++) {
    auto result = unmarshal_code(as_span(std::string_view(data).substr(0, n)));
    truncations_rejected += !result.ok();
    if (!result.ok()) CHECK(result.error().offset <= n);
  }
  CHECK(truncations_rejected == static_cast<int>(data.size()));

  std::mt19937 rng(1234);
  int accepted = 0;
  for (int round = 0; round < 4000; round++) {
    std::string corrupt = data;
    int flips = 1 + static_cast<int>(rng() % 4);
    for (int i = 0; i < flips; i++) corrupt[rng() % corrupt.size()] = static_cast<char>(rng());
    auto result = unmarshal_code(as_span(corrupt));
    if (result.ok()) {
      accepted++;
      auto again = unmarshal_code(as_span(marshal_code(*result.value().object)));
      CHECK(again.ok());
    } else {
      CHECK_FALSE(result.error().message.empty());
    }
  }
  MESSAGE(fmt::format("{} of 4000 corrupted inputs still decoded", accepted));
}

TEST_CASE("nesting: 999 code objects deep is the limit, as in CPython") {
  // Code object j sits at depth 2j-1, its co_consts tuple at 2j and the tuple's item at 2j+1: 999 levels reach
  // 1999, 1000 levels 2001 (one past CPython's 2000).
  auto nest = [](int levels) {
    std::shared_ptr<CodeObject> inner;
    for (int i = 0; i < levels; i++) {
      auto code = sample_code();
      code->consts = {inner ? Const::code(inner) : Const::none()};
      inner = code;
    }
    return marshal_code(*inner);
  };
  std::string ok = nest(999), too_deep = nest(1000);
  CHECK(unmarshal_code(as_span(ok)).ok());
  auto rejected = unmarshal_code(as_span(too_deep));
  REQUIRE_FALSE(rejected.ok());
  CHECK(rejected.error().message == "recursion limit exceeded");
  if (!have_python311()) return;
  std::string dir = make_temp_dir();
  write_file(dir + "/ok.bin", ok);
  write_file(dir + "/deep.bin", too_deep);
  auto lines = split_lines(run_python311(
      "import marshal, sys\nfor f in sys.argv[1:]:\n    try: marshal.loads(open(f, 'rb').read()); print('ok')\n"
      "    except Exception as e: print(e)\n",
      {dir + "/ok.bin", dir + "/deep.bin"}));
  CHECK(lines == std::vector<std::string>{"ok", "recursion limit exceeded"});
  std::system(fmt::format("rm -rf '{}'", dir).c_str());
}

TEST_CASE("one-byte strings are Latin-1, as CPython decodes 'a'/'z'") {
  std::string bytes = from_hex("7a02e961");  // 'z' 2 "\xe9a"
  auto r = unmarshal_constant(as_span(bytes));
  REQUIRE(r.ok());
  CHECK(r.value().object->text() == "\xc3\xa9" "a");
  CHECK(static_cast<char>(marshal_constant(*r.value().object)[0]) == 'u');  // written back as UTF-8
}

TEST_CASE("shared values cannot expand a small input into a huge one") {
  // One flagged tuple of 50000 names, then 2000 code objects whose co_names all refer back to it: a few
  // hundred kilobytes that would otherwise copy 100 million names.
  auto i32 = [](int32_t v) {
    std::string s(4, '\0');
    for (int i = 0; i < 4; i++) s[i] = static_cast<char>(static_cast<uint32_t>(v) >> (8 * i));
    return s;
  };
  std::string data = "(" + i32(2001);
  data += std::string(1, '\xa8') + i32(50000);  // ref 0: the name tuple
  for (int i = 0; i < 50000; i++) data += "z\x01n";
  data += std::string(1, '\xa9') + '\0';        // ref 1: ()
  data += std::string(1, '\xf3') + i32(0);      // ref 2: b''
  data += std::string(1, '\xfa') + '\x01' + 'f';  // ref 3: 'f'
  auto ref = [&](int n) { return "r" + i32(n); };
  for (int i = 0; i < 2000; i++) {
    data += "c" + i32(0) + i32(0) + i32(0) + i32(0) + i32(0);
    data += ref(2) + ref(1) + ref(0) + ref(1) + ref(2) + ref(3) + ref(3) + ref(3) + i32(1) + ref(2) + ref(2);
  }
  auto r = unmarshal_constant(as_span(data));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == "bad marshal data (object expands beyond the size limit)");
}

TEST_CASE("random short inputs never crash the reader") {
  std::mt19937 rng(99);
  const std::string alphabet = std::string("0NFTS.iIfgxylstr([{cu?<>aA)zZ") + "\xa9\xe3\xda\xfa\xf3\xe9\x72" +
                               std::string("\x00\x01\x02\xff", 4);
  int decoded = 0;
  for (int round = 0; round < 20000; round++) {
    std::string input(rng() % 40, '\0');
    for (auto& ch : input) ch = (rng() % 2) ? alphabet[rng() % alphabet.size()] : static_cast<char>(rng() % 4);
    auto r = unmarshal_constant(as_span(input));
    if (r.ok()) {
      decoded++;
      std::string again = marshal_constant(*r.value().object);
      CHECK(unmarshal_constant(as_span(again)).ok());
    } else {
      CHECK_FALSE(r.error().message.empty());
    }
  }
  MESSAGE(fmt::format("{} of 20000 random inputs decoded", decoded));
}

}  // TEST_SUITE
