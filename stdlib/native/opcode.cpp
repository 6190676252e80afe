// The native `_opcode` module: CPython 3.11's stack_effect(opcode, oparg=None, *, jump=None), read from the one
// opcode table (compiler/opcodes.def through compiler/opcodes.h), and get_specialization_stats() (None: minipy
// keeps no specialization statistics). Complete.
#include "compiler/opcodes.h"
#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"

namespace minipy {

namespace {

NATIVE_FN(stack_effect) {
  (void)self;
  Value v[3];
  if (!native::parse_args(ts, "stack_effect", args, kwnames, {"opcode", "oparg", "jump"}, 1, 1, v, 2))
    return Value();
  int64_t opcode;
  if (!index_to_int64(ts, v[0], &opcode)) return Value();
  bool valid = opcode >= 0 && opcode < kFirstPseudoOpcode && is_defined_opcode(static_cast<int>(opcode));
  int64_t oparg = 0;
  bool has_oparg = v[1] && !is_none(v[1]);
  // As CPython's HAS_ARG: by number alone, defined or not.
  if (opcode >= kHaveArgument) {
    if (!has_oparg)
      return raise(ts, ValueError_type, "stack_effect: opcode requires oparg but oparg was not specified");
    if (!index_to_int64(ts, v[1], &oparg)) return Value();
  } else if (has_oparg) {
    return raise(ts, ValueError_type, "stack_effect: opcode does not permit oparg but oparg was specified");
  }
  int jump = -1;  // -1: the larger of both effects
  if (v[2] && !is_none(v[2])) {
    if (v[2] == True()) jump = 1;
    else if (v[2] == False()) jump = 0;
    else return raise(ts, ValueError_type, "stack_effect: jump must be False, True or None");
  }
  if (!valid || oparg < INT32_MIN || oparg > INT32_MAX) return raise(ts, ValueError_type, "invalid opcode or oparg");
  auto op = static_cast<Opcode>(opcode);
  int arg = static_cast<int>(oparg);
  int effect = jump < 0 ? max_stack_effect(op, arg) : stack_effect(op, arg, jump == 1);
  return make_int(ts, effect);
}

NATIVE_FN(get_specialization_stats) {
  (void)self;
  if (!native::no_args(ts, "_opcode.get_specialization_stats", args, kwnames)) return Value();
  return None();
}

const MethodDef kOpcodeFunctions[] = {
    {"stack_effect", stack_effect},
    {"get_specialization_stats", get_specialization_stats},
};

}  // namespace

ModuleObject* create_opcode_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "_opcode");
  add_module_functions(ts, m, kOpcodeFunctions);
  return m;
}

}  // namespace minipy
