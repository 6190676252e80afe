// The "Did you mean: ...?" of NameError and AttributeError tracebacks (vm/errors/suggestions.cpp), chosen as
// CPython 3.11's suggestions.c does: the closest name by its Levenshtein costs, none when nothing is close.
#pragma once

#include "vm/runtime.h"

namespace minipy {

// For a NameError raised in `frame`: the closest of its locals, then globals, then builtins; null if none.
StrObject* suggest_for_name(ThreadState& ts, Frame* frame, StrObject* name);
// For an AttributeError on `obj`: the closest of dir(obj); null if none (or dir() raised, which is cleared).
StrObject* suggest_for_attribute(ThreadState& ts, Value obj, StrObject* name);

}  // namespace minipy
