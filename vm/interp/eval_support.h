// The interpreter loop's own helpers (vm/interp/eval.cpp and its fragments eval_*.inc): the small hot ones are
// inline here so the loop compiles as it did when they were static functions of eval.cpp; the rest (errors,
// unpacking, formatting, except matching) are in eval_support.cpp. Each follows the VM's error convention: null
// (or false) with the exception pending in `ts`. Only the loop includes this header.
#pragma once
#include <array>
#include <cstdint>

#include "compiler/opcodes.h"
#include "vm/interp/eval.h"
#include "vm/objects/heap_type.h"
#include "vm/runtime.h"

namespace minipy::eval_support {

// Inline cache entries after each opcode, from the one opcode table (a specialised form has its base's).
constexpr std::array<uint8_t, 256> make_cache_counts() {
  std::array<uint8_t, 256> t{};
  for (int i = 0; i < 256; i++) t[i] = kOpcodeTable[kBaseOpcode[i]].cache_entries;
  return t;
}
constexpr std::array<uint8_t, 256> kCacheCounts = make_cache_counts();
template <Opcode op>
constexpr int kCaches = kOpcodeTable[static_cast<int>(op)].cache_entries;

// Specialisation (3.11's quickening, in memory only): BINARY_OP's and COMPARE_OP's first cache unit is a counter.
// In the base form it counts executions left before the next try to specialise (zero, as the loader leaves every
// cache unit: try at once); in a specialised form (SPECIALIZED rows of compiler/opcodes.def) it counts misses left
// before the base form is written back. CPython's numbers: a miss budget of 53, and a backoff after a failed try
// (minipy's is fixed, not exponential: a try costs a few compares).
inline constexpr uint16_t kSpecializationMissBudget = 53;
inline constexpr uint16_t kSpecializationBackoff = 64;

constexpr int special_op(SpecializedOpcode op) { return static_cast<int>(op); }

// The specialised form of BINARY_OP `oparg` for operands lhs and rhs, or 0 when none fits. An in-place operator
// computes the same as the plain one for ints and floats.
inline int binary_op_specialization(Value lhs, Value rhs, int oparg) {
  int op = oparg >= kBinaryOpCount ? oparg - kBinaryOpCount : oparg;
  if (Value::both_small_ints(lhs, rhs)) {
    if (op == kOpAdd) return special_op(SpecializedOpcode::BINARY_OP_ADD_INT);
    if (op == kOpSub) return special_op(SpecializedOpcode::BINARY_OP_SUBTRACT_INT);
    if (op == kOpMul) return special_op(SpecializedOpcode::BINARY_OP_MULTIPLY_INT);
  } else if (lhs.is_flonum() && rhs.is_flonum()) {
    if (op == kOpAdd) return special_op(SpecializedOpcode::BINARY_OP_ADD_FLOAT);
    if (op == kOpSub) return special_op(SpecializedOpcode::BINARY_OP_SUBTRACT_FLOAT);
    if (op == kOpMul) return special_op(SpecializedOpcode::BINARY_OP_MULTIPLY_FLOAT);
    if (op == kOpTrueDiv) return special_op(SpecializedOpcode::BINARY_OP_TRUE_DIVIDE_FLOAT);
  }
  return 0;
}

// COMPARE_OP's specialised forms keep in their second cache unit which outcomes jump: bit (sign + 1) for the sign
// of lhs - rhs (-1, 0, 1), and kJumpBackward. `next_word` is the instruction after the caches; 0 when it is no
// POP_JUMP_* (then there is nothing to fuse).
inline constexpr int kJumpBackward = 8;
inline int compare_jump_mask(int compare_op, uint16_t next_word) {
  bool on_true, backward;
  switch (static_cast<Opcode>(next_word & 0xFF)) {
    case Opcode::POP_JUMP_FORWARD_IF_TRUE: on_true = true, backward = false; break;
    case Opcode::POP_JUMP_FORWARD_IF_FALSE: on_true = false, backward = false; break;
    case Opcode::POP_JUMP_BACKWARD_IF_TRUE: on_true = true, backward = true; break;
    case Opcode::POP_JUMP_BACKWARD_IF_FALSE: on_true = false, backward = true; break;
    default: return 0;
  }
  constexpr int kLess = 1, kEqual = 2, kGreater = 4;
  constexpr int kTrueWhen[6] = {kLess, kLess | kEqual, kEqual, kLess | kGreater, kGreater, kGreater | kEqual};
  int mask = on_true ? kTrueWhen[compare_op] : 7 & ~kTrueWhen[compare_op];
  return mask | (backward ? kJumpBackward : 0);
}
// The specialised form of COMPARE_OP `compare_op` for these operands followed by `next_word`, or 0.
inline int compare_op_specialization(Value lhs, Value rhs, int compare_op, uint16_t next_word) {
  if (compare_op < 0 || compare_op > 5 || compare_jump_mask(compare_op, next_word) == 0) return 0;
  if (Value::both_small_ints(lhs, rhs)) return special_op(SpecializedOpcode::COMPARE_OP_INT_JUMP);
  if (lhs.is_flonum() && rhs.is_flonum()) return special_op(SpecializedOpcode::COMPARE_OP_FLOAT_JUMP);
  return 0;
}

// IMPORT_NAME: builtins.__import__ if a program replaced it, else the import system directly.
[[nodiscard]] Value import_statement(ThreadState& ts, Frame* frame, Value name, Value fromlist, Value level);
// UnboundLocalError for fast local `index` of `code`.
Value unbound_local(ThreadState& ts, CodeObj* code, int index);
// NameError (a free variable) or UnboundLocalError (a cell) for slot `index` of `code`.
Value unbound_deref(ThreadState& ts, CodeObj* code, int index);
// NameError for `name` with its "Did you mean" suggestion from `frame`'s namespaces.
Value name_error(ThreadState& ts, Frame* frame, StrObject* name);
// UNPACK_SEQUENCE (after < 0) / UNPACK_EX: writes `seq`'s items downward from stack_top_out.
[[nodiscard]] bool unpack_iterable(ThreadState& ts, Value seq, int before, int after, Value* stack_top_out);
// CHECK_EXC_MATCH: TypeError unless `t` is an exception class or a tuple of them.
[[nodiscard]] bool check_except_type(ThreadState& ts, Value t);
// Whether `exc` is an instance of the class (or one of the tuple of classes) `spec`, already checked.
bool exc_matches_spec(Value exc, Value spec);
// FORMAT_VALUE: str/repr/ascii by `conversion` (1, 2, 3), then format() with `spec` (null: none).
Value format_value(ThreadState& ts, Value value, int conversion, Value spec);
// BUILD_STRING: the concatenation of the n str objects at `items`.
Value join_strings(ThreadState& ts, const Value* items, int n);
// CALL_FUNCTION_EX's arguments as one list (positional, then keyword values named by *kwnames), which also keeps
// them visible to the collector during the call. Null on error.
ListObject* gather_call_ex_args(ThreadState& ts, Value func, Value callargs, Value kwargs, TupleObject** kwnames);

// CALL of method descriptor `d` (direct_method_descriptor in builtins.h said yes) on args[0] with the `total` - 1
// arguments after it (`kwnames` names the last ones), without call() and descriptor_call's checks.
Value call_method_descriptor(ThreadState& ts, const MethodDescriptorObject* d, const Value* args, int total,
                             TupleObject* kwnames);
// CALL of range with `total` (1 or 2) small-int arguments: the range, without type_call and range_new.
Value small_range(ThreadState& ts, const Value* args, int total);

// MAKE_FUNCTION: a function of `code` sharing the running frame's globals and builtins.
inline Value make_function(ThreadState& ts, Frame* frame, CodeObj* code) {
  return make_function_in(ts, frame->globals, frame->builtins, code);
}

// The jump of the FOR_ITER just before `after` (with its EXTENDED_ARG prefixes).
inline int for_iter_oparg(const uint16_t* after) {
  int oparg = after[-1] >> 8;
  int shift = 8;
  for (const uint16_t* p = after - 2; (*p & 0xFF) == static_cast<int>(Opcode::EXTENDED_ARG); p--, shift += 8)
    oparg |= (*p >> 8) << shift;
  return oparg;
}

// The Python __init__ to run as a frame when CALL calls `callable`, a class whose instances come from
// object.__new__ and whose __init__ is a Python function (what type_call would do through slot_init); else null.
inline FunctionObject* inlinable_init(ThreadState& ts, Value callable) {
  if (!callable.is_object() || callable.as_object()->type != &type_type) return nullptr;
  auto* t = static_cast<Type*>(callable.as_object());
  if (!(t->flags & kTypeHeap) || t->new_instance != object_new || !is_python_init_slot(t->init)) return nullptr;
  Value init = type_lookup(t, ts.interp->names.init);
  if (!init.is_object() || init.as_object()->type != &function_type) return nullptr;
  return static_cast<FunctionObject*>(init.as_object());
}

// Fills a new frame's parameters when the call needs no general binding: positional arguments only, at most
// argcount of them, the rest covered by defaults, no *args/**kwargs/keyword-only parameters. False otherwise.
inline bool bind_simple(FunctionObject* func, Value* locals, const Value* args, int n) {
  CodeObj* code = func->code;
  if ((code->flags & (CO_VARARGS | CO_VARKEYWORDS)) || code->kwonlyargcount != 0 || n > code->argcount) return false;
  int missing = code->argcount - n;
  if (missing > 0) {
    TupleObject* defaults = func->defaults;
    if (!defaults || defaults->size < missing) return false;
    const Value* from = defaults->items + (defaults->size - missing);
    for (int i = 0; i < missing; i++) locals[n + i] = from[i];
  }
  for (int i = 0; i < n; i++) locals[i] = args[i];
  return true;
}
// A float result: inline when it is a flonum (nearly always), as make_float but always inlined in the loop.
[[gnu::always_inline]] inline Value float_result(ThreadState& ts, double d) {
  Value r;
  return Value::try_flonum(d, &r) ? r : make_float_boxed(ts, d);
}

}  // namespace minipy::eval_support
