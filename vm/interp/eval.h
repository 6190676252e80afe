// The interpreter loop's entry points (vm/interp/eval.cpp) and the helpers it calls that other files define.
//
// The loop's handlers keep no C++ objects with destructors in scope (computed goto skips them), so any opcode
// whose work needs such objects calls a helper in another file: those helpers are declared here, beside the
// opcode that calls them, so a reader of eval.cpp finds where each one lives. Every helper follows the VM's
// error convention: null (or false / -1) with the exception pending in `ts`.
#pragma once
#include <span>

#include "vm/runtime.h"

namespace minipy {

// ---- eval.cpp --------------------------------------------------------------------------------------------------
// Runs `frame` (already pushed and bound) to its return: the return value, or null with the exception pending.
[[nodiscard]] Value run_frame(ThreadState& ts, Frame* frame);
// Resumes a suspended generator frame; with `throwing` the pending exception is raised at the paused point.
[[nodiscard]] Value resume_frame(ThreadState& ts, Frame* frame, bool throwing);

// ---- call.cpp --------------------------------------------------------------------------------------------------
// Binds `args` (positional, then the keyword values kwnames names) into `f`'s fast locals `locals`, with
// CPython's messages for missing, surplus and duplicate arguments.
[[nodiscard]] bool bind_arguments(ThreadState& ts, FunctionObject* f, Value* locals, std::span<const Value> args,
                                  TupleObject* kwnames);

// ---- interpreter.cpp -------------------------------------------------------------------------------------------
// The eval breaker's work at an instruction boundary: a due collection, then the Python handlers of signals that
// arrived (false with their exception pending, e.g. KeyboardInterrupt).
[[nodiscard]] bool handle_eval_breaker(ThreadState& ts);

// ---- the opcodes' helpers in vm/objects/ -----------------------------------------------------------------------
// LOAD_BUILD_CLASS's builtins.__build_class__(func, name, *bases, **kw) (class.cpp).
Value build_class(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames);
// MAKE_FUNCTION: a function for `code` whose globals and builtins are the running frame's (function.cpp).
Value make_function_in(ThreadState& ts, DictObject* globals, DictObject* builtins, CodeObj* code);
// MATCH_MAPPING / MATCH_SEQUENCE: True or False by the subject type's flags (pattern_match.cpp).
Value match_mapping(ThreadState& ts, Value subject);
Value match_sequence(ThreadState& ts, Value subject);
// MATCH_KEYS: the values of `keys` in `map` as a tuple, None when one is missing.
Value match_keys(ThreadState& ts, Value map, Value keys);
// MATCH_CLASS: the matched attributes as a tuple (nargs positional through __match_args__, then `names`), None
// when the subject is no instance of `cls` or an attribute is missing.
Value match_class(ThreadState& ts, Value subject, Value cls, Value names, int nargs);
// CHECK_EG_MATCH: splits `exc` by `match_type` for `except*` into *match and *rest (exception_group.cpp).
[[nodiscard]] bool check_eg_match(ThreadState& ts, Value exc, Value match_type, Value* rest, Value* match);
// PREP_RERAISE_STAR: what to re-raise after the `except*` clauses (None: nothing), from `orig` and the list of
// exceptions the clauses raised or left unhandled.
Value prep_reraise_star(ThreadState& ts, Value orig, Value excs);

}  // namespace minipy
