// isinstance()/issubclass() as CPython's abstract.c computes them (vm/objects/abstract.cpp), for the builtins
// and type.__instancecheck__/__subclasscheck__, which must skip the hooks they implement.
#pragma once

#include "vm/runtime.h"

namespace minipy {

// isinstance(inst, cls) without calling cls.__instancecheck__: the type chain, then a claimed __class__.
// 1, 0, or -1 with an exception pending.
int real_isinstance(ThreadState& ts, Value inst, Value cls);
// issubclass(derived, cls) without calling cls.__subclasscheck__: the MRO or, for non-types, __bases__.
int real_issubclass(ThreadState& ts, Value derived, Value cls);
// issubclass(derived, cls) with the hooks (tuples and unions of classes too): *result 1 or 0; false with an
// exception pending.
[[nodiscard]] bool is_subclass(ThreadState& ts, Value derived, Value cls, int* result);
// The members of a `X | Y` union (types.UnionType, vm/objects/generic_alias.cpp) as a tuple; null for anything
// else.
TupleObject* union_members(Value v);
// Whether comparison `op` (a CompareOp) holds between two values whose three-way comparison is `c` (negative,
// zero or positive): how types with a total order answer rich comparisons.
inline bool comparison_holds(int c, int op) {
  switch (op) {
    case kLt: return c < 0;
    case kLe: return c <= 0;
    case kEq: return c == 0;
    case kNe: return c != 0;
    case kGt: return c > 0;
    default: return c >= 0;
  }
}
// How reprs and messages name a class or function whose __module__ is `module`: "module.qualname", or the bare
// `qualname` for one of builtins (or a module that is not a str), as CPython's type_repr and object_repr do.
std::string qualified_name(Value module, std::string_view qualname);

}  // namespace minipy
