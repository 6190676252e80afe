// The checks bytecode read from bytes (a pyc, marshal.loads) passes before the VM runs it. The interpreter loop,
// like CPython's, trusts every oparg and its stack; a damaged or crafted pyc must never reach it unchecked.
// verify_code checks one code object's structure (opcodes, operand indexes, jumps, exception table),
// verify_stack_use runs it abstractly over a stack of value kinds, verify_tree does both for every code object
// in a module's tree once. Each returns an empty string when the code is acceptable, else the reason — the
// reason an import prints under -v / -X explain_cache before it recompiles from source.
#pragma once
#include <string>

#include "compiler/code_object.h"
#include "compiler/opcodes.h"

namespace minipy {

#define MINIPY_IMPLEMENTED_OPCODES(X)                                                                               \
  X(NOP) X(RESUME) X(POP_TOP) X(PUSH_NULL) X(EXTENDED_ARG) X(LOAD_CONST) X(LOAD_FAST) X(STORE_FAST) X(DELETE_FAST)   \
  X(LOAD_NAME) X(STORE_NAME) X(DELETE_NAME) X(LOAD_GLOBAL) X(STORE_GLOBAL) X(DELETE_GLOBAL) X(LOAD_ATTR)            \
  X(STORE_ATTR) X(DELETE_ATTR) X(LOAD_METHOD) X(PRECALL) X(CALL) X(KW_NAMES) X(CALL_FUNCTION_EX) X(BINARY_OP)        \
  X(UNARY_NEGATIVE) X(UNARY_POSITIVE) X(UNARY_NOT) X(UNARY_INVERT) X(COMPARE_OP) X(IS_OP) X(CONTAINS_OP)           \
  X(BINARY_SUBSCR) X(STORE_SUBSCR) X(DELETE_SUBSCR) X(BUILD_SLICE) X(BUILD_TUPLE) X(BUILD_LIST) X(BUILD_SET)        \
  X(BUILD_MAP) X(BUILD_CONST_KEY_MAP) X(BUILD_STRING) X(LIST_APPEND) X(SET_ADD) X(MAP_ADD) X(LIST_EXTEND)          \
  X(SET_UPDATE) X(DICT_UPDATE) X(DICT_MERGE) X(LIST_TO_TUPLE) X(UNPACK_SEQUENCE) X(UNPACK_EX) X(GET_ITER)          \
  X(FOR_ITER) X(GET_LEN) X(JUMP_FORWARD) X(JUMP_BACKWARD) X(JUMP_BACKWARD_NO_INTERRUPT) X(POP_JUMP_FORWARD_IF_FALSE) \
  X(POP_JUMP_FORWARD_IF_TRUE) X(POP_JUMP_BACKWARD_IF_FALSE) X(POP_JUMP_BACKWARD_IF_TRUE)                          \
  X(POP_JUMP_FORWARD_IF_NONE) X(POP_JUMP_FORWARD_IF_NOT_NONE) X(POP_JUMP_BACKWARD_IF_NONE)                        \
  X(POP_JUMP_BACKWARD_IF_NOT_NONE) X(JUMP_IF_FALSE_OR_POP) X(JUMP_IF_TRUE_OR_POP) X(RETURN_VALUE) X(MAKE_FUNCTION) \
  X(COPY) X(SWAP) X(FORMAT_VALUE) X(LOAD_ASSERTION_ERROR) X(RAISE_VARARGS) X(MAKE_CELL) X(LOAD_CLOSURE)            \
  X(LOAD_DEREF) X(STORE_DEREF) X(DELETE_DEREF) X(LOAD_CLASSDEREF) X(COPY_FREE_VARS) X(PUSH_EXC_INFO) X(POP_EXCEPT)  \
  X(CHECK_EXC_MATCH) X(RERAISE) X(LOAD_BUILD_CLASS) X(BEFORE_WITH) X(WITH_EXCEPT_START) X(IMPORT_NAME)            \
  X(IMPORT_FROM) X(IMPORT_STAR) X(SETUP_ANNOTATIONS) X(PRINT_EXPR) X(RETURN_GENERATOR) X(YIELD_VALUE) X(SEND)     \
  X(GET_YIELD_FROM_ITER) X(GET_AWAITABLE) X(GET_AITER) X(GET_ANEXT) X(END_ASYNC_FOR) X(BEFORE_ASYNC_WITH)           \
  X(ASYNC_GEN_WRAP) X(MATCH_MAPPING) X(MATCH_SEQUENCE) X(MATCH_KEYS) X(MATCH_CLASS) X(CHECK_EG_MATCH)            \
  X(PREP_RERAISE_STAR)

// Whether the interpreter loop implements `opcode` (the verifier refuses code that uses others; the loop's
// dispatch table is built from the same list).
bool opcode_supported(int opcode);
// Checks one code object's structure: every opcode supported, every oparg in range, jumps inside the code,
// EXTENDED_ARG well formed, exception table entries in range.
std::string verify_code(const CodeObject& code);
// Runs `code` (one code object, not its nested ones) abstractly and returns why its stack use is unsafe for
// the interpreter loop. For code that already passed verify_code.
std::string verify_stack_use(const CodeObject& code);
// Every code object in `root`'s tree not yet verified must pass verify_code and verify_stack_use before any
// of it runs; marks them verified.
std::string verify_tree(const CodeObject& root);

}  // namespace minipy
