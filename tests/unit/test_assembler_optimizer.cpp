// The CFG optimiser against python3.11: constant folding and conditions, jump threading, SWAP elimination,
// exit duplication and NOP removal, each through a hand-built unit compared byte for byte with CPython's code
// object for the same source (see assembler_test_support.h for the text form).
#include <doctest/doctest.h>

#include "assembler_test_support.h"

using namespace minipy;
using namespace minipy::test;

TEST_SUITE("assembler_optimizer") {

TEST_CASE("tuple folding of default arguments") {
  UnitSpec spec;
  spec.consts = {num(1), num(2), code_placeholder(), none()};
  spec.names = {"defaults"};
  check_against_python(spec, R"(
b0:
  RESUME 0 @0:0-1:0
  LOAD_CONST 0 @1:15-16
  LOAD_CONST 1 @1:20-21
  BUILD_TUPLE 2 @1:0-3:12
  LOAD_CONST 2 @1:0-3:12
  MAKE_FUNCTION 1 @1:0-3:12
  STORE_NAME 0 @1:0-3:12
  LOAD_CONST 3
  RETURN_VALUE
)", "def defaults(a=1, b=2):\n    a, b = b, a\n    return a\n", "c");
}

TEST_CASE("swap: BUILD_TUPLE/UNPACK_SEQUENCE becomes reordered stores") {
  check_against_python(function("defaults", 1, {"a", "b"}, 2, {none()}), R"(
b0:
  RESUME 0 @1:0-0
  LOAD_FAST 1 @2:11-12
  LOAD_FAST 0 @2:14-15
  BUILD_TUPLE 2 @2:11-15
  UNPACK_SEQUENCE 2 @2:4-8
  STORE_FAST 0 @2:4-5
  STORE_FAST 1 @2:7-8
  LOAD_FAST 0 @3:11-12
  RETURN_VALUE @3:4-12
)", "def defaults(a=1, b=2):\n    a, b = b, a\n    return a\n", "c.co_consts[2]");
}

TEST_CASE("and/or jump threading, constant `while True`, trimmed constants") {
  const char* source =
      "def g(a, b, c):\n    x = a and b or c\n    while True:\n        if x:\n            break\n    return x\n";
  check_against_python(function("g", 1, {"a", "b", "c", "x"}, 3, {none(), Const::boolean(true)}), R"(
b0:
  RESUME 0 @1:0-0
  LOAD_FAST 0 @2:8-9
  JUMP_IF_FALSE_OR_POP b2 @2:8-15
b3:
  LOAD_FAST 1 @2:14-15
b2:
  JUMP_IF_TRUE_OR_POP b1 @2:8-20
b4:
  LOAD_FAST 2 @2:19-20
b1:
  STORE_FAST 3 @2:4-5
b5:
  LOAD_CONST 1 @3:10-14
  POP_JUMP_IF_FALSE b7 @3:4-5:17
b6:
  LOAD_FAST 3 @4:11-12
  POP_JUMP_IF_FALSE b9 @4:8-5:17
b10:
  JUMP b8 @5:12-17
b9:
  LOAD_CONST 1 @3:10-14
  POP_JUMP_IF_TRUE b6 @3:4-5:17
b7:
b8:
  LOAD_FAST 3 @6:11-12
  RETURN_VALUE @6:4-12
)", source, "c.co_consts[0]");
}

TEST_CASE("implicit return reached by a conditional jump and by falling through: the exit is duplicated") {
  check_against_python(function("f", 1, {"a", "x"}, 1, {none(), num(1)}), R"(
b0:
  RESUME 0 @1:0-0
  LOAD_FAST 0 @2:7-8
  POP_JUMP_IF_FALSE b1 @2:4-3:13
b2:
  LOAD_CONST 1 @3:12-13
  STORE_FAST 1 @3:8-9
b1:
  LOAD_CONST 0
  RETURN_VALUE
)", "def f(a):\n    if a:\n        x = 1\n", "c.co_consts[0]");
}

TEST_CASE("exit copies land in CPython's order: newest jumping block first") {
  check_against_python(function("f", 1, {"a", "b", "x"}, 2, {none(), num(1)}), R"(
b0:
  RESUME 0 @1:0-0
  LOAD_FAST 0 @2:7-8
  POP_JUMP_IF_FALSE b1 @2:4-4:17
b3:
  LOAD_FAST 1 @3:11-12
  POP_JUMP_IF_FALSE b2 @3:8-4:17
b4:
  LOAD_CONST 1 @4:16-17
  STORE_FAST 2 @4:12-13
b2:
b1:
  LOAD_CONST 0
  RETURN_VALUE
)", "def f(a, b):\n    if a:\n        if b:\n            x = 1\n", "c.co_consts[0]");
}

TEST_CASE("a NOP alone on its line survives when the next block starts another line") {
  check_against_python(function("f", 1, {"a"}, 1, {none(), num(1)}), R"(
b0:
  RESUME 0 @1:0-0
  LOAD_FAST 0 @2:7-8
  POP_JUMP_IF_FALSE b1 @2:4-14
b2:
  NOP @2:10-14
b1:
  NOP @3:11-12
  LOAD_CONST 1 @3:11-12
  RETURN_VALUE @3:11-12
b3:
  LOAD_CONST 0
  RETURN_VALUE
)", "def f(a):\n    if a: pass\n    return 1\n", "c.co_consts[0]");
}

TEST_CASE("list comprehension: jump threaded into a backward conditional jump, no constants at all") {
  UnitSpec spec = function("<listcomp>", 2, {".0", "x"}, 1, {});
  spec.qualname = "comp.<locals>.<listcomp>";
  spec.flags |= CO_NESTED;
  check_against_python(spec, R"(
b0:
  RESUME 0 @2:0-0
  BUILD_LIST 0 @2:11-30
  LOAD_FAST 0 @2:11-30
b1:
  FOR_ITER b3 @2:11-30
b4:
  STORE_FAST 1 @2:18-19
  LOAD_FAST 1 @2:28-29
  POP_JUMP_IF_FALSE b2 @2:11-30
b5:
  LOAD_FAST 1 @2:12-13
  LIST_APPEND 2 @2:11-30
b2:
  JUMP b1 @2:11-30
b3:
  RETURN_VALUE @2:11-30
)", "def comp(y):\n    return [x for x in y if x]\n", "c.co_consts[0].co_consts[1]");
}

TEST_CASE("yield from: SEND and a backward JUMP_NO_INTERRUPT") {
  UnitSpec spec = function("g", 1, {"x"}, 1, {none()});
  spec.flags |= CO_GENERATOR;
  check_against_python(spec, R"(
b0:
  RESUME 0 @1:0-0
  LOAD_FAST 0 @2:15-16
  GET_YIELD_FROM_ITER @2:4-16
  LOAD_CONST 0 @2:4-16
b1:
  SEND b3 @2:4-16
b2:
  YIELD_VALUE @2:4-16
  RESUME 2 @2:4-16
  JUMP_NO_INTERRUPT b1 @2:4-16
b3:
  POP_TOP @2:4-16
  LOAD_CONST 0
  RETURN_VALUE
)", "def g(x):\n    yield from x\n", "c.co_consts[0]");
}

TEST_CASE("KW_NAMES keeps its constant when trailing constants are trimmed") {
  check_against_python(function("f", 1, {}, 0, {none(), num(1), Const::tuple({Const::str("a", true)})}, {"g"}), R"(
b0:
  RESUME 0 @1:0-0
  PUSH_NULL @2:11-12
  LOAD_GLOBAL 0 @2:11-12
  LOAD_CONST 1 @2:15-16
  KW_NAMES 2 @2:11-17
  PRECALL 1 @2:11-17
  CALL 1 @2:11-17
  RETURN_VALUE @2:4-17
)", "def f():\n    return g(a=1)\n", "c.co_consts[0]");
}

}  // TEST_SUITE
