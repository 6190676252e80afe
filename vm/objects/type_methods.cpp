// The methods of `type` itself (mro, __subclasses__, __instancecheck__, __subclasscheck__) and the __doc__ of
// builtin types and builtin methods.
#include "vm/objects/abstract.h"
#include "vm/objects/heap_type.h"
#include "vm/objects/method_wrapper.h"
#include "vm/objects/type_init.h"
#include "stdlib/native/builtin_docs.h"

namespace minipy {

// abstract.cpp: isinstance/issubclass without the metaclass hooks (what type's own hooks do).

namespace {

#define TYPE_METHOD(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

bool no_args(ThreadState& ts, Value self, const char* name, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, name, kwnames)) return false;
  if (args.empty()) return true;
  raise_fmt(ts, TypeError_type, "{}.{}() takes no arguments ({} given)", as_type(self)->name->view(), name,
            args.size());
  return false;
}

TYPE_METHOD(type_mro) {
  if (!no_args(ts, self, "mro", args, kwnames)) return Value();
  return Value(make_list(ts, as_type(self)->mro->span()));
}

TYPE_METHOD(type_subclasses) {
  if (!no_args(ts, self, "__subclasses__", args, kwnames)) return Value();
  std::vector<Type*> subclasses = live_direct_subclasses(ts, as_type(self));
  ListObject* l = make_list(ts, 0);
  for (Type* t : subclasses)
    if (!list_append(ts, l, Value(t))) return Value();
  return Value(l);
}

TYPE_METHOD(type_instancecheck) {
  if (!check_positional_args(ts, "__instancecheck__", args, kwnames, 1, 1))
    return Value();
  int r = real_isinstance(ts, args[0], self);
  return r < 0 ? Value() : Bool(r);
}

TYPE_METHOD(type_subclasscheck) {
  if (!check_positional_args(ts, "__subclasscheck__", args, kwnames, 1, 1))
    return Value();
  int r = real_issubclass(ts, args[0], self);
  return r < 0 ? Value() : Bool(r);
}

// type.__prepare__(name, bases, **kwds): the namespace a class body runs in; a plain dict for `type`.
TYPE_METHOD(type_prepare) {
  (void)self, (void)args, (void)kwnames;
  return Value(make_dict(ts));
}

const MethodDef type_methods[] = {
    {"__prepare__", type_prepare, kMethodClass},
    {"mro", type_mro},
    {"__subclasses__", type_subclasses},
    {"__instancecheck__", type_instancecheck},
    {"__subclasscheck__", type_subclasscheck},
};

// type.__text_signature__: CPython's for a builtin class; a Python class's comes from the start of its docstring
// as CPython's internal docs write one ("C(a, b)\n--\n\n...").
TYPE_METHOD(type_text_signature) {
  (void)args, (void)kwnames;
  Type* t = as_type(self);
  if (!(t->flags & kTypeHeap)) {
    const BuiltinDoc* row = builtin_type_doc(t);
    return row ? signature_value(ts, *row) : None();
  }
  if (!t->doc || !is_str(t->doc)) return None();
  std::optional<std::string_view> signature = text_signature_in_doc(t->name->view(), as_str(t->doc)->view());
  return signature ? Value(make_str(ts, *signature)) : None();
}

// CPython's __doc__ for a builtin type, or a one-line one when CPython has none, so the attribute exists.
void give_doc(ThreadState& ts, Type& t) {
  // A type with a __doc__ entry already (a getset of its instances', or a real doc) keeps it.
  if ((t.doc && !is_none(t.doc)) || dict_get_str(t.dict, ts.interp->names.doc)) return;
  if (give_builtin_type_doc(ts, t)) return;
  StrObject* doc = make_str(ts, fmt::format("The builtin type {}.", t.name->view()));
  t.doc = Value(doc);
  dict_set_str_new(ts, t.dict, ts.interp->names.doc, Value(doc));
}

}  // namespace

// __doc__ of a builtin function or method: CPython's (builtin_docs.h), else its MethodDef's doc.
TYPE_METHOD(builtin_method_doc_getter) {
  (void)args, (void)kwnames;
  if (const BuiltinDoc* row = builtin_callable_doc(self)) return doc_value(ts, *row);
  const MethodDef* def = type_of(self) != &native_function_type  // a descriptor: method or class method
                             ? static_cast<MethodDescriptorObject*>(self.as_object())->def
                             : static_cast<NativeFunctionObject*>(self.as_object())->def;
  // CPython's builtins all have docstrings; ours without one still get a str naming the call.
  return Value(def->doc ? make_str(ts, def->doc) : make_str(ts, fmt::format("{}(...)", def->name)));
}
// __text_signature__ of a builtin function or method: CPython's, None when it has none (inspect.signature then
// raises "no signature found").
TYPE_METHOD(builtin_method_signature_getter) {
  (void)args, (void)kwnames;
  const BuiltinDoc* row = builtin_callable_doc(self);
  return row ? signature_value(ts, *row) : None();
}
void init_type_methods(ThreadState& ts) {
  init_generic_alias(ts);
  add_methods(ts, type_type, type_methods);
  add_getset(ts, method_descriptor_type, "__doc__", builtin_method_doc_getter);
  add_getset(ts, native_function_type, "__doc__", builtin_method_doc_getter);
  add_getset(ts, method_descriptor_type, "__text_signature__", builtin_method_signature_getter);
  add_getset(ts, native_function_type, "__text_signature__", builtin_method_signature_getter);
  add_getset(ts, type_type, "__text_signature__", type_text_signature);
#define X(name) give_doc(ts, name##_type);
  MINIPY_BUILTIN_TYPES(X)
#undef X
#define X(name, base) give_doc(ts, name##_type);
  MINIPY_EXCEPTION_TYPES(X)
#undef X
}

}  // namespace minipy
