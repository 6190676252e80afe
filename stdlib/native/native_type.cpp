// Shared machinery of the native modules' own types (see native_type.h).
#include "vm/objects/static_type.h"
#include "stdlib/native/native_type.h"

#include <algorithm>
#include <deque>
#include <string>
#include <vector>

#include "stdlib/native/builtin_docs.h"
#include "vm/objects/heap_type.h"

namespace minipy {

namespace {

// Each native type and the interpreter it was defined for. Its dict and MRO stay alive because
// init_static_type makes it a collector root (vm/objects/type.cpp's trace_static_types).
struct DefinedType {
  Type* type;
  Interpreter* owner;
};
std::vector<DefinedType>& defined_types() {
  static std::vector<DefinedType> types;
  return types;
}

// The builtin containers' __class_getitem__ (vm/objects/generic_alias.cpp) called with our class.
Value class_getitem(ThreadState& ts, Value cls, std::span<const Value> args, TupleObject* kwnames) {
  Value builtin = type_lookup(&list_type, intern(ts, "__class_getitem__"));
  auto* descriptor = static_cast<MethodDescriptorObject*>(builtin.as_object());
  return descriptor->def->fn(ts, cls, args, kwnames);
}

}  // namespace

const MethodDef kClassGetitemMethod[1] = {{"__class_getitem__", class_getitem, kMethodClass}};

namespace {
std::vector<const Type*> extensible_elsewhere, weakrefable_types;  // static types: the pointers stay valid
}  // namespace

void mark_native_extensible(Type& t) {
  if (std::find(extensible_elsewhere.begin(), extensible_elsewhere.end(), &t) == extensible_elsewhere.end())
    extensible_elsewhere.push_back(&t);
}

void allow_weak_references(Type& t) {
  if (std::find(weakrefable_types.begin(), weakrefable_types.end(), &t) == weakrefable_types.end())
    weakrefable_types.push_back(&t);
}

bool is_native_weakrefable(const Type* t) {
  for (; t; t = t->base)
    if (std::find(weakrefable_types.begin(), weakrefable_types.end(), t) != weakrefable_types.end()) return true;
  return false;
}

bool is_native_extensible(const Type* t) {
  if (!(t->flags & kTypeBaseType)) return false;
  if (std::find(extensible_elsewhere.begin(), extensible_elsewhere.end(), t) != extensible_elsewhere.end())
    return true;
  for (const DefinedType& d : defined_types())
    if (d.type == t) return true;
  return false;
}

const char* native_type_c_name(const char* name, const char* module) {
  std::string_view bare(name);
  if (std::string_view(module) == "builtins" || bare.find('.') != std::string_view::npos) return name;
  static std::deque<std::string> full_names;  // c_name must outlive the type; a deque never moves its strings
  full_names.push_back(std::string(module) + "." + name);
  return full_names.back().c_str();
}

bool begin_native_type(ThreadState& ts, Type& t, const char* name, const char* module, size_t instance_size,
                       uint32_t flags, Type* base) {
  for (DefinedType& d : defined_types()) {
    if (d.type != &t) continue;
    if (d.owner == ts.interp) return false;
    // Defined for an interpreter that is gone (unit tests make several): start again.
    d.owner = ts.interp;
    t = Type{};
    goto fill;
  }
  defined_types().push_back({&t, ts.interp});
fill:
  t.type = &type_type;
  t.gc_flags = kGcStatic;
  t.c_name = native_type_c_name(name, module);
  t.base = base ? base : &object_type;
  t.instance_size = static_cast<uint32_t>(instance_size);
  t.flags = kTypeImmutable | flags | (t.base->flags & (kTypeDictSubclass | kTypeListSubclass));
  t.version = next_type_version();
  init_static_type(ts, t);
  t.module = Value(intern(ts, module));
  return true;
}

namespace {

// OWNER.__new__(cls, *args, **kwargs), bound to OWNER: an instance of cls (a subtype of OWNER) made by OWNER's
// constructor slot.
Value native_new(ThreadState& ts, Value owner_value, std::span<const Value> args, TupleObject* kwnames) {
  Type* owner = as_type(owner_value);
  Type* cls = new_receiver_class(ts, owner, args, kwnames);
  if (!cls) return Value();
  return owner->new_instance(ts, cls, args.subspan(1), kwnames);
}
const MethodDef kNativeNew = {"__new__", native_new, kMethodStatic};

}  // namespace

void add_native_new(ThreadState& ts, Type& t) {
  dict_set_str_new(ts, t.dict, ts.interp->names.new_, make_native_function(ts, &kNativeNew, Value(static_cast<Object*>(&t))));
}

void finish_native_type(ThreadState& ts, Type& t) {
  if (t.new_instance) add_native_new(ts, t);
  give_builtin_type_doc(ts, t);
  // The dunder methods of the slots `t` defines itself (__iter__, __next__, __len__, __call__, ...), before
  // the inherited slots are filled in: collections.abc's hooks look for them in the class dicts.
  add_slot_wrappers(ts, t);
  auto* first = reinterpret_cast<void**>(&t.repr);
  auto* last = reinterpret_cast<void**>(&t.finalize);
  auto* base_first = reinterpret_cast<void**>(&t.base->repr);
  for (void** p = first; p <= last; p++, base_first++)
    if (!*p) *p = *base_first;
}

void add_module_functions(ThreadState& ts, ModuleObject* m, std::span<const MethodDef> defs) {
  for (const MethodDef& def : defs)
    dict_set_str_new(ts, m->dict, intern(ts, def.name), make_native_function(ts, &def, Value(m), Value(m->name)));
}

void add_module_value(ThreadState& ts, ModuleObject* m, const char* name, Value value) {
  dict_set_str_new(ts, m->dict, intern(ts, name), value);
}

Value iter_self(ThreadState&, Value self) { return self; }

bool exact_args(ThreadState& ts, const char* name, std::span<const Value> args, TupleObject* kwnames, size_t min,
                size_t max) {
  if (!no_keywords(ts, name, kwnames)) return false;
  size_t got = args.size();
  // _PyArg_CheckPositional words every count alike; check_arg_count has METH_NOARGS/METH_O's wording for an
  // exact 0 or 1 and _PyArg_CheckPositional's for the rest.
  if (min != max || min >= 2) return check_arg_count(ts, name, got, min, max);
  if (got == min) return true;
  raise_fmt(ts, TypeError_type, "{} expected {} argument{}, got {}", name, min, min == 1 ? "" : "s", got);
  return false;
}

}  // namespace minipy

namespace minipy {

namespace {

// The setter of a read-only attribute; `self` is the message to raise.
Value refuse_assignment(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  return raise(ts, AttributeError_type, as_str(self)->view());
}
const MethodDef kRefuseAssignment = {"__set__", refuse_assignment};

}  // namespace

void add_native_property(ThreadState& ts, Type& t, const MethodDef* getter, const MethodDef* setter,
                         ReadOnly read_only) {
  auto* p = ts.alloc<PropertyObject>(&property_type);
  p->fget = make_native_function(ts, getter, Value());
  if (setter) {
    p->fset = p->fdel = make_native_function(ts, setter, Value());
  } else {
    std::string message = read_only == ReadOnly::kMember
                              ? std::string("readonly attribute")
                              : fmt::format("attribute '{}' of '{}' objects is not writable", getter->name, t.c_name);
    p->fset = p->fdel = make_native_function(ts, &kRefuseAssignment, Value(make_str(ts, message)));
  }
  p->doc = None();
  dict_set_str_new(ts, t.dict, intern(ts, getter->name), Value(p));
}

}  // namespace minipy
