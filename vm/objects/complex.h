// complex: a pair of doubles with CPython 3.11's arithmetic (compiler/complex_ops.h), text forms and
// constructor rules. Declared here rather than in objects.h: complex is one of the builtin types defined
// outside MINIPY_BUILTIN_TYPES (vm/objects/static_type.h).
#pragma once
#include "compiler/complex_ops.h"
#include "vm/runtime.h"

namespace minipy {

extern Type complex_type;

struct ComplexObject : Object {
  ComplexValue value;
};

// Whether `v` is a complex or an instance of a subclass of complex.
bool is_complex(Value v);
inline ComplexValue complex_value(Value v) { return static_cast<ComplexObject*>(v.as_object())->value; }
Value make_complex(ThreadState& ts, double real, double imag);
// a ** b for operands already converted, raising as CPython's complex_pow does (float's `**` of a negative base
// and a fractional exponent comes here too).
Value complex_power_value(ThreadState& ts, ComplexValue a, ComplexValue b);
// The text of complex(real, imag) as repr() and str() show it: "1j", "(1+2j)", "(-0-0j)", "(nan+infj)".
std::string complex_repr_text(ComplexValue c);

}  // namespace minipy
