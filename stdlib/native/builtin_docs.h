// The __text_signature__ and __doc__ of builtins as CPython 3.11 gives them: one table generated at build time from
// the host python3.11 (gen/gen_text_signatures.py), so inspect.signature, help() and pydoc read minipy's builtin
// functions, methods and types as CPython's. The attribute getters of builtin_function_or_method,
// method_descriptor and type answer from here.
#pragma once
#include <optional>
#include <string_view>

#include "vm/runtime.h"

namespace minipy {

struct BuiltinDoc {
  std::string_view key;        // "builtins.len", "str.split", "itertools.count"
  std::string_view signature;  // "($module, obj, /)"; data() is null when CPython has none
  std::string_view doc;        // the docstring without its signature; data() is null when there is none
  bool ascii;                  // both texts are ASCII (start-up makes the types' docs: no scan then)
};
// The row's __text_signature__ and __doc__ as str, None when CPython has none.
Value signature_value(ThreadState& ts, const BuiltinDoc& row);
Value doc_value(ThreadState& ts, const BuiltinDoc& row);

// CPython's row for builtin function, builtin method or method descriptor `callable`, found by its module and
// name, or by the tp_name of each builtin class in its owner's MRO and its name; nullptr when CPython has none.
const BuiltinDoc* builtin_callable_doc(Value callable);
// CPython's row for method `name` as class `owner` finds it (the first builtin class of its MRO with one).
const BuiltinDoc* builtin_method_doc(const Type* owner, std::string_view name);
// CPython's row for the builtin (non-heap) type `t`, by its tp_name; nullptr for a heap type or one CPython lacks.
const BuiltinDoc* builtin_type_doc(const Type* t);
// Sets the __doc__ of builtin type `t` (t.doc and its namespace entry) to CPython's, if CPython has one and `t`
// has none yet; returns whether it did.
bool give_builtin_type_doc(ThreadState& ts, Type& t);
// The signature of a class named `name` written at the start of its docstring `doc` as CPython's internal docs
// write it ("name(a, b)\n--\n\n..." gives "(a, b)"); nothing when the doc does not start so.
std::optional<std::string_view> text_signature_in_doc(std::string_view name, std::string_view doc);

}  // namespace minipy
