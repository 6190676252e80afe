// assemble() against python3.11: each case hand-builds the CompilerUnit CPython 3.11's codegen produces for a
// small source (blocks in CPython's allocation order, see assembler_test_support.h) and compares every byte of
// the resulting code object with what python3.11 compiles from that source.
#include <doctest/doctest.h>

#include "assembler_test_support.h"
#include "compiler/assembler.h"

using namespace minipy;
using namespace minipy::test;

TEST_SUITE("assembler") {

TEST_CASE("straight-line module code") {
  UnitSpec spec;
  spec.consts = {num(1), num(2), none()};
  spec.names = {"x", "y", "print"};
  check_against_python(spec, R"(
b0:
  RESUME 0 @0:0-1:0
  LOAD_CONST 0 @1:4-5
  STORE_NAME 0 @1:0-1
  LOAD_NAME 0 @2:4-5
  LOAD_CONST 1 @2:8-9
  BINARY_OP 0 @2:4-9
  STORE_NAME 1 @2:0-1
  PUSH_NULL @3:0-5
  LOAD_NAME 2 @3:0-5
  LOAD_NAME 0 @3:6-7
  LOAD_NAME 1 @3:9-10
  PRECALL 2 @3:0-11
  CALL 2 @3:0-11
  POP_TOP @3:0-11
  LOAD_CONST 2
  RETURN_VALUE
)", "x = 1\ny = x + 2\nprint(x, y)\n", "c");
}

TEST_CASE("if/else with returns in both branches") {
  check_against_python(function("f", 1, {"a"}, 1, {none(), num(1), num(2)}), R"(
b0:
  RESUME 0 @1:0-0
  LOAD_FAST 0 @2:7-8
  POP_JUMP_IF_FALSE b2 @2:4-5:16
b3:
  LOAD_CONST 1 @3:15-16
  RETURN_VALUE @3:15-16
b4:
  JUMP b1
b2:
  LOAD_CONST 2 @5:15-16
  RETURN_VALUE @5:15-16
b1:
  LOAD_CONST 0
  RETURN_VALUE
)", "def f(a):\n    if a:\n        return 1\n    else:\n        return 2\n", "c.co_consts[0]");
}

TEST_CASE("while loop with break and continue") {
  const char* source =
      "def g(a):\n    while a:\n        if a > 3:\n            break\n        if a:\n            continue\n"
      "        a = a - 1\n    return a\n";
  check_against_python(function("g", 1, {"a"}, 1, {none(), num(3), num(1)}), R"(
b0:
  RESUME 0 @1:0-0
b1:
  LOAD_FAST 0 @2:10-11
  POP_JUMP_IF_FALSE b3 @2:4-7:17
b2:
  LOAD_FAST 0 @3:11-12
  LOAD_CONST 1 @3:15-16
  COMPARE_OP 4 @3:11-16
  POP_JUMP_IF_FALSE b5 @3:11-16
b6:
  JUMP b4 @4:12-17
b5:
  LOAD_FAST 0 @5:11-12
  POP_JUMP_IF_FALSE b7 @5:8-6:20
b8:
  JUMP b1 @6:12-20
b7:
  LOAD_FAST 0 @7:12-13
  LOAD_CONST 2 @7:16-17
  BINARY_OP 10 @7:12-17
  STORE_FAST 0 @7:8-9
  LOAD_FAST 0 @2:10-11
  POP_JUMP_IF_TRUE b2 @2:4-7:17
b3:
b4:
  LOAD_FAST 0 @8:11-12
  RETURN_VALUE @8:4-12
)", source, "c.co_consts[0]");
}

TEST_CASE("for loop with `is None` test and continue") {
  const char* source =
      "def f(seq):\n    total = 0\n    for x in seq:\n        if x is None:\n            continue\n"
      "        total += x\n    return total\n";
  check_against_python(function("f", 1, {"seq", "total", "x"}, 1, {none(), num(0)}), R"(
b0:
  RESUME 0 @1:0-0
  LOAD_CONST 1 @2:12-13
  STORE_FAST 1 @2:4-9
  LOAD_FAST 0 @3:13-16
  GET_ITER @3:4-6:18
b1:
  FOR_ITER b3 @3:4-6:18
b2:
  STORE_FAST 2 @3:8-9
  LOAD_FAST 2 @4:11-12
  LOAD_CONST 0 @4:16-20
  IS_OP 0 @4:11-20
  POP_JUMP_IF_FALSE b5 @4:11-20
b6:
  JUMP b1 @5:12-20
b5:
  LOAD_FAST 1 @6:8-13
  LOAD_FAST 2 @6:17-18
  BINARY_OP 13 @6:8-18
  STORE_FAST 1 @6:8-13
  JUMP b1
b3:
b4:
  LOAD_FAST 1 @7:11-16
  RETURN_VALUE @7:4-16
)", source, "c.co_consts[0]");
}

TEST_CASE("try/except") {
  const char* source = "def g():\n    try:\n        a\n    except E:\n        b\n    return 1\n";
  check_against_python(function("g", 1, {}, 0, {none(), num(1)}, {"a", "E", "b"}), R"(
b0:
  RESUME 0 @1:0-0
  SETUP_FINALLY b2 @2:4-5:9
b1:
  LOAD_GLOBAL 0 @3:8-9
  POP_TOP @3:8-9
  POP_BLOCK
  JUMP b3
b2:
  SETUP_CLEANUP b4
  PUSH_EXC_INFO
  LOAD_GLOBAL 2 @4:11-12
  CHECK_EXC_MATCH @4:4-5:9
  POP_JUMP_IF_FALSE b5 @4:4-5:9
b7:
  POP_TOP @4:4-5:9
b6:
  LOAD_GLOBAL 4 @5:8-9
  POP_TOP @5:8-9
  POP_BLOCK
  POP_EXCEPT
  JUMP b3
b5:
  RERAISE 0
b4:
  COPY 3
  POP_EXCEPT
  RERAISE 1
b3:
  LOAD_CONST 1 @6:11-12
  RETURN_VALUE @6:11-12
)", source, "c.co_consts[0]");
}

TEST_CASE("try/finally") {
  const char* source = "def h():\n    try:\n        a()\n    finally:\n        b()\n";
  check_against_python(function("h", 1, {}, 0, {none()}, {"a", "b"}), R"(
b0:
  RESUME 0 @1:0-0
  SETUP_FINALLY b2 @2:4-5:11
b1:
  PUSH_NULL @3:8-9
  LOAD_GLOBAL 0 @3:8-9
  PRECALL 0 @3:8-11
  CALL 0 @3:8-11
  POP_TOP @3:8-11
  POP_BLOCK
  PUSH_NULL @5:8-9
  LOAD_GLOBAL 2 @5:8-9
  PRECALL 0 @5:8-11
  CALL 0 @5:8-11
  POP_TOP @5:8-11
  JUMP b3
b2:
  SETUP_CLEANUP b4
  PUSH_EXC_INFO
  PUSH_NULL @5:8-9
  LOAD_GLOBAL 2 @5:8-9
  PRECALL 0 @5:8-11
  CALL 0 @5:8-11
  POP_TOP @5:8-11
  RERAISE 0 @5:8-11
b4:
  COPY 3
  POP_EXCEPT
  RERAISE 1
b3:
  LOAD_CONST 0
  RETURN_VALUE
)", source, "c.co_consts[0]");
}

TEST_CASE("with statement: SETUP_WITH handler preserves lasti") {
  const char* source = "def w(m):\n    with m as x:\n        y = x\n    return y\n";
  check_against_python(function("w", 1, {"m", "x", "y"}, 1, {none()}), R"(
b0:
  RESUME 0 @1:0-0
  LOAD_FAST 0 @2:9-10
  BEFORE_WITH @2:4-3:13
  SETUP_WITH b2 @2:4-3:13
b1:
  STORE_FAST 1 @2:14-15
  LOAD_FAST 1 @3:12-13
  STORE_FAST 2 @3:8-9
  POP_BLOCK
  LOAD_CONST 0 @2:4-3:13
  LOAD_CONST 0 @2:4-3:13
  LOAD_CONST 0 @2:4-3:13
  PRECALL 2 @2:4-3:13
  CALL 2 @2:4-3:13
  POP_TOP @2:4-3:13
  JUMP b3 @2:4-3:13
b2:
  SETUP_CLEANUP b4 @2:4-3:13
  PUSH_EXC_INFO @2:4-3:13
  WITH_EXCEPT_START @2:4-3:13
  POP_JUMP_IF_TRUE b5
b6:
  RERAISE 2
b4:
  COPY 3
  POP_EXCEPT
  RERAISE 1
b5:
  POP_TOP
  POP_BLOCK
  POP_EXCEPT
  POP_TOP
  POP_TOP
b3:
  LOAD_FAST 2 @4:11-12
  RETURN_VALUE @4:4-12
)", source, "c.co_consts[0]");
}

const char* kClosureSource = "def outer(a):\n    b = 1\n    def inner():\n        return a + b\n    return inner\n";

TEST_CASE("cells: an argument cell keeps its slot, MAKE_CELL per cell") {
  UnitSpec spec = function("outer", 1, {"a", "inner"}, 1, {none(), num(1), code_placeholder()});
  spec.cellvars = {"a", "b"};
  check_against_python(spec, R"(
b0:
  RESUME 0 @1:0-0
  LOAD_CONST 1 @2:8-9
  STORE_DEREF 1 @2:4-5
  LOAD_CLOSURE 0 @3:4-4:20
  LOAD_CLOSURE 1 @3:4-4:20
  BUILD_TUPLE 2 @3:4-4:20
  LOAD_CONST 2 @3:4-4:20
  MAKE_FUNCTION 8 @3:4-4:20
  STORE_FAST 1 @3:4-4:20
  LOAD_FAST 1 @5:11-16
  RETURN_VALUE @5:4-16
)", kClosureSource, "c.co_consts[0]");
}

TEST_CASE("free variables: COPY_FREE_VARS prefix") {
  UnitSpec spec = function("inner", 3, {}, 0, {none()});
  spec.qualname = "outer.<locals>.inner";
  spec.flags |= CO_NESTED;
  spec.freevars = {"a", "b"};
  check_against_python(spec, R"(
b0:
  RESUME 0 @3:0-0
  LOAD_DEREF 0 @4:15-16
  LOAD_DEREF 1 @4:19-20
  BINARY_OP 0 @4:15-20
  RETURN_VALUE @4:8-20
)", kClosureSource, "c.co_consts[0].co_consts[2]");
}

TEST_CASE("generator: RETURN_GENERATOR prefix and entry depth") {
  UnitSpec spec = function("gen", 1, {"n", "i"}, 1, {none()});
  spec.flags |= CO_GENERATOR;
  check_against_python(spec, R"(
b0:
  RESUME 0 @1:0-0
  LOAD_FAST 0 @2:13-14
  GET_ITER @2:4-3:15
b1:
  FOR_ITER b3 @2:4-3:15
b2:
  STORE_FAST 1 @2:8-9
  LOAD_FAST 1 @3:14-15
  YIELD_VALUE @3:8-15
  RESUME 1 @3:8-15
  POP_TOP @3:8-15
  JUMP b1
b3:
b4:
  LOAD_CONST 0
  RETURN_VALUE
)", "def gen(n):\n    for i in n:\n        yield i\n", "c.co_consts[0]");
}

TEST_CASE("more than 256 constants and names: EXTENDED_ARG") {
  UnitSpec spec;
  std::string source, cfg = "b0:\n  RESUME 0 @0:0-1:0\n";
  constexpr int kCount = 300;
  for (int i = 0; i < kCount; i++) {
    std::string name = "x" + std::to_string(i);
    source += name + " = " + std::to_string(i) + "\n";
    spec.consts.push_back(num(i));
    spec.names.push_back(name);
    int end = static_cast<int>(name.size());
    cfg += "  LOAD_CONST " + std::to_string(i) + " @" + std::to_string(i + 1) + ":" + std::to_string(end + 3) + "-" +
           std::to_string(end + 3 + static_cast<int>(std::to_string(i).size())) + "\n";
    cfg += "  STORE_NAME " + std::to_string(i) + " @" + std::to_string(i + 1) + ":0-" + std::to_string(end) + "\n";
  }
  spec.consts.push_back(none());
  cfg += "  LOAD_CONST " + std::to_string(kCount) + "\n  RETURN_VALUE\n";
  check_against_python(spec, cfg, source, "c");
}

TEST_CASE("jumps longer than 255 code units: EXTENDED_ARG in both directions") {
  constexpr int kBody = 150;
  std::string source = "def f(x):\n    while x:\n";
  for (int i = 0; i < kBody; i++) source += "        y = x\n";
  source += "    return y\n";
  std::string last = std::to_string(kBody + 2);
  std::string cfg = "b0:\n  RESUME 0 @1:0-0\nb1:\n  LOAD_FAST 0 @2:10-11\n  POP_JUMP_IF_FALSE b3 @2:4-" + last +
                    ":13\nb2:\n";
  for (int i = 0; i < kBody; i++) {
    std::string line = std::to_string(i + 3);
    cfg += "  LOAD_FAST 0 @" + line + ":12-13\n  STORE_FAST 1 @" + line + ":8-9\n";
  }
  cfg += "  LOAD_FAST 0 @2:10-11\n  POP_JUMP_IF_TRUE b2 @2:4-" + last + ":13\nb3:\nb4:\n";
  std::string ret = std::to_string(kBody + 3);
  cfg += "  LOAD_FAST 1 @" + ret + ":11-12\n  RETURN_VALUE @" + ret + ":4-12\n";
  check_against_python(function("f", 1, {"x", "y"}, 1, {none()}), cfg, source, "c.co_consts[0]");
}

TEST_CASE("return inside try/finally: the finally body runs before the return, copies stay unreachable") {
  const char* source = "def f(a):\n    try:\n        return a\n    finally:\n        print(a)\n";
  check_against_python(function("f", 1, {"a"}, 1, {none()}, {"print"}), R"(
b0:
  RESUME 0 @1:0-0
  SETUP_FINALLY b2 @2:4-5:16
b1:
  LOAD_FAST 0 @3:15-16
  POP_BLOCK @3:8-16
  PUSH_NULL @5:8-13
  LOAD_GLOBAL 0 @5:8-13
  LOAD_FAST 0 @5:14-15
  PRECALL 1 @5:8-16
  CALL 1 @5:8-16
  POP_TOP @5:8-16
  RETURN_VALUE
b5:
  POP_BLOCK
  PUSH_NULL @5:8-13
  LOAD_GLOBAL 0 @5:8-13
  LOAD_FAST 0 @5:14-15
  PRECALL 1 @5:8-16
  CALL 1 @5:8-16
  POP_TOP @5:8-16
  JUMP b3
b2:
  SETUP_CLEANUP b4
  PUSH_EXC_INFO
  PUSH_NULL @5:8-13
  LOAD_GLOBAL 0 @5:8-13
  LOAD_FAST 0 @5:14-15
  PRECALL 1 @5:8-16
  CALL 1 @5:8-16
  POP_TOP @5:8-16
  RERAISE 0 @5:8-16
b4:
  COPY 3
  POP_EXCEPT
  RERAISE 1
b3:
  LOAD_CONST 0
  RETURN_VALUE
)", source, "c.co_consts[0]");
}

TEST_CASE("named except handler: inlined implicit returns, nested cleanup handler") {
  const char* source = "def h():\n    try:\n        a\n    except E as e:\n        b\n";
  check_against_python(function("h", 1, {"e"}, 0, {none()}, {"a", "E", "b"}), R"(
b0:
  RESUME 0 @1:0-0
  SETUP_FINALLY b2 @2:4-5:9
b1:
  LOAD_GLOBAL 0 @3:8-9
  POP_TOP @3:8-9
  POP_BLOCK
  JUMP b3
b2:
  SETUP_CLEANUP b4
  PUSH_EXC_INFO
  LOAD_GLOBAL 2 @4:11-12
  CHECK_EXC_MATCH @4:4-5:9
  POP_JUMP_IF_FALSE b5 @4:4-5:9
b8:
  STORE_FAST 0 @4:4-5:9
  SETUP_CLEANUP b6 @4:4-5:9
b7:
  LOAD_GLOBAL 4 @5:8-9
  POP_TOP @5:8-9
  POP_BLOCK
  POP_BLOCK
  POP_EXCEPT
  LOAD_CONST 0
  STORE_FAST 0
  DELETE_FAST 0
  JUMP b3
b6:
  LOAD_CONST 0
  STORE_FAST 0
  DELETE_FAST 0
  RERAISE 1
b5:
  RERAISE 0
b4:
  COPY 3
  POP_EXCEPT
  RERAISE 1
b3:
  LOAD_CONST 0
  RETURN_VALUE
)", source, "c.co_consts[0]");
}

TEST_CASE("assert: LOAD_ASSERTION_ERROR and RAISE_VARARGS end a block") {
  check_against_python(function("f", 1, {"a"}, 1, {none(), Const::str("bad", true)}), R"(
b0:
  RESUME 0 @1:0-0
  LOAD_FAST 0 @2:11-12
  POP_JUMP_IF_TRUE b1 @2:4-19
b2:
  LOAD_ASSERTION_ERROR @2:4-19
  LOAD_CONST 1 @2:14-19
  PRECALL 0 @2:4-19
  CALL 0 @2:4-19
  RAISE_VARARGS 1 @2:4-19
b1:
  LOAD_FAST 0 @3:11-12
  RETURN_VALUE @3:4-12
)", "def f(a):\n    assert a, 'bad'\n    return a\n", "c.co_consts[0]");
}

TEST_CASE("generator with a handler: prefix shifts the exception table, `pass` hands its line over") {
  UnitSpec spec = function("gen", 1, {"a"}, 1, {none()}, {"E"});
  spec.flags |= CO_GENERATOR;
  check_against_python(spec, R"(
b0:
  RESUME 0 @1:0-0
  SETUP_FINALLY b2 @2:4-5:12
b1:
  LOAD_FAST 0 @3:14-15
  YIELD_VALUE @3:8-15
  RESUME 1 @3:8-15
  POP_TOP @3:8-15
  POP_BLOCK
  JUMP b3
b2:
  SETUP_CLEANUP b4
  PUSH_EXC_INFO
  LOAD_GLOBAL 0 @4:11-12
  CHECK_EXC_MATCH @4:4-5:12
  POP_JUMP_IF_FALSE b5 @4:4-5:12
b7:
  POP_TOP @4:4-5:12
b6:
  NOP @5:8-12
  POP_BLOCK
  POP_EXCEPT
  JUMP b3
b5:
  RERAISE 0
b4:
  COPY 3
  POP_EXCEPT
  RERAISE 1
b3:
  LOAD_CONST 0
  RETURN_VALUE
)", "def gen(a):\n    try:\n        yield a\n    except E:\n        pass\n", "c.co_consts[0]");
}

}  // TEST_SUITE
