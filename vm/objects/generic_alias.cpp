// types.GenericAlias and types.UnionType: what list[int], tuple[int, ...] and int | None evaluate to (annotations
// evaluate them at def time). Builtin containers get __class_getitem__ returning an alias; `type | x` makes a
// union, which isinstance/issubclass accept like a tuple of its members. Both print as CPython's do.
#include <vector>

#include "vm/objects/abstract.h"
#include "vm/objects/heap_type.h"
#include "vm/objects/static_type.h"
#include "vm/objects/type_init.h"

namespace minipy {

namespace {

// A GenericAlias (and a UnionType, which uses the same layout with `origin` unused). `parameters` is computed
// on first use, as CPython does: the type variables among the arguments.
struct GenericAliasObject : Object {
  Value origin;
  TupleObject* args;
  TupleObject* parameters;
  bool starred;  // *tuple[int]: an unpacked alias (what iterating an alias gives)
};

Type generic_alias_type;
Type union_type;

// A union keeps its members in `args` (origin unused); the layout is the alias's.
bool is_union(Value v) { return v.is_object() && v.as_object()->type == &union_type; }

GenericAliasObject* as_alias(Value v) { return static_cast<GenericAliasObject*>(v.as_object()); }
// Subclasses count (collections.abc's _CallableGenericAlias derives from GenericAlias).
bool is_alias(Value v) { return v.is_object() && is_subtype(v.as_object()->type, &generic_alias_type); }

Value attribute(ThreadState& ts, Value obj, const char* name) { return get_attr_optional(ts, obj, intern(ts, name)); }

// How an alias shows one of its parts (ga_repr_item): "..." for Ellipsis, an alias by its repr, a class by its
// (module-qualified) name, a list (Callable's parameter list) as [a, b], anything else by its repr.
bool append_part(ThreadState& ts, std::string& out, Value v) {
  if (v == Value(&ellipsis_object)) {
    out += "...";
    return true;
  }
  if (is_list(v)) {
    out += "[";
    ListObject* list = static_cast<ListObject*>(v.as_object());
    for (int64_t i = 0; i < list->size; i++) {
      if (i) out += ", ";
      if (!append_part(ts, out, list->items[i])) return false;
    }
    out += "]";
    return true;
  }
  Value origin = attribute(ts, v, "__origin__");
  if (!origin && ts.current_exception) return false;
  Value args = origin ? attribute(ts, v, "__args__") : Value();
  if (!args && ts.current_exception) return false;
  if (!origin || !args) {
    Value qualname = attribute(ts, v, "__qualname__");
    if (!qualname && ts.current_exception) return false;
    Value module = qualname ? attribute(ts, v, "__module__") : Value();
    if (!module && ts.current_exception) return false;
    if (qualname && module && is_str(qualname)) {
      if (!(is_str(module) && as_str(module)->view() == "builtins")) {
        Value m = py_str(ts, module);
        if (!m) return false;
        out += as_str(m)->view();
        out += ".";
      }
      out += as_str(qualname)->view();
      return true;
    }
  }
  Value r = py_repr(ts, v);
  if (!r) return false;
  out += as_str(r)->view();
  return true;
}

// list[int] prints as "list[int]", tuple[()] as "tuple[()]", and an unpacked alias with a leading '*' (ga_repr).
Value alias_repr(ThreadState& ts, Value self) {
  GenericAliasObject* a = as_alias(self);
  std::string out = a->starred ? "*" : "";
  if (!append_part(ts, out, a->origin)) return Value();
  out += "[";
  if (a->args->size == 0) out += "()";
  for (int64_t i = 0; i < a->args->size; i++) {
    if (i) out += ", ";
    if (!append_part(ts, out, a->args->items[i])) return Value();
  }
  out += "]";
  return Value(make_str(ts, out));
}

// Two aliases are equal when origin, arguments and starredness are (ga_richcompare); list[int] != list, and ordering is
// not defined.
Value alias_richcompare(ThreadState& ts, Value a, Value b, int op) {
  if (!is_alias(a) || !is_alias(b) || (op != kEq && op != kNe)) return NotImplemented();
  int same = as_alias(a)->starred == as_alias(b)->starred;
  if (same) {
    same = py_eq(ts, as_alias(a)->origin, as_alias(b)->origin);
    if (same < 0) return Value();
  }
  if (same) same = py_eq(ts, Value(as_alias(a)->args), Value(as_alias(b)->args));
  if (same < 0) return Value();
  return Bool(op == kEq ? same : !same);
}

bool alias_hash(ThreadState& ts, Value self, int64_t* out) {
  int64_t h1, h2;
  if (!py_hash(ts, as_alias(self)->origin, &h1) || !py_hash(ts, Value(as_alias(self)->args), &h2)) return false;
  // ga_hash's combination; -1 is reserved for errors in CPython's hash protocol, so it is remapped.
  *out = (h1 ^ h2) == -1 ? -2 : (h1 ^ h2);
  return true;
}

Value make_alias_of_type(ThreadState& ts, Type* type, Value origin, Value item, bool starred);

// _Py_make_parameters: the arguments that are type variables (they have __typing_subst__), and the parameters
// of arguments that are generic themselves, each once, in order. Classes are skipped: a bare class's
// __parameters__ would be a descriptor.
// The parameters are gathered in a list object, not a C++ vector: the attribute lookups run Python code that can
// collect, and a collection sees only what the heap or the native stack points at. A union (same layout) uses it
// for its own __parameters__.
TupleObject* alias_parameters(ThreadState& ts, GenericAliasObject* a) {
  if (a->parameters) return a->parameters;
  ListObject* params = make_list(ts, 0);
  auto add = [&](Value p) {
    for (Value q : params->span())
      if (q == p) return true;
    return list_append(ts, params, p);
  };
  for (Value t : a->args->span()) {
    if (is_type(t)) continue;
    Value subst = attribute(ts, t, "__typing_subst__");
    if (!subst && ts.current_exception) return nullptr;
    if (subst) {
      if (!add(t)) return nullptr;
      continue;
    }
    Value sub = attribute(ts, t, "__parameters__");
    if (!sub && ts.current_exception) return nullptr;
    if (sub && is_tuple(sub))
      for (Value p : static_cast<TupleObject*>(sub.as_object())->span())
        if (!add(p)) return nullptr;
  }
  Value tuple = list_to_tuple(ts, params);
  if (!tuple) return nullptr;
  a->parameters = static_cast<TupleObject*>(tuple.as_object());
  return a->parameters;
}

// The attributes an alias answers itself; every other name is looked up on its origin (list[int].append is
// list.append), as CPython's ga_getattro does.
constexpr std::string_view kOwnAttributes[] = {
    "__class__",   "__origin__", "__args__", "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__",
    "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__"};

Value alias_getattr(ThreadState& ts, Value self, StrObject* name) {
  std::string_view n = name->view();
  GenericAliasObject* a = as_alias(self);
  bool own = false;
  // Everything else is forwarded, so list[int].__name__ is 'list' and list[int].__doc__ is list's docstring, and
  // typing's code can treat an alias much like its origin.
  for (std::string_view k : kOwnAttributes) own = own || k == n;
  if (!own) return get_attr(ts, a->origin, name);
  if (n == "__origin__") return a->origin;
  if (n == "__args__") return Value(a->args);
  if (n == "__unpacked__") return Bool(a->starred);
  if (n == "__parameters__") {
    TupleObject* p = alias_parameters(ts, a);
    return p ? Value(p) : Value();
  }
  if (n == "__typing_unpacked_tuple_args__")
    return a->starred && a->origin == Value(&tuple_type) ? Value(a->args) : None();
  return generic_getattr(ts, self, name, false);
}

// Calling an alias calls its origin, then records the alias on the result as __orig_class__ where it can.
Value alias_call(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  Value result = call(ts, as_alias(self)->origin, args, kwnames);
  if (!result) return result;
  // Objects that refuse attributes (builtins, __slots__ classes) just do not get __orig_class__: only AttributeError
  // and TypeError are ignored, as in ga_call.
  if (!set_attr(ts, result, intern(ts, "__orig_class__"), self)) {
    Value e = ts.current_exception;
    if (!exception_matches(e, &AttributeError_type) && !exception_matches(e, &TypeError_type)) return Value();
    ts.current_exception = Value();
  }
  return result;
}

// The argument `arg` with the type variables in `parameters` replaced by `items` (subs_tvars): an argument
// that is generic itself is subscripted with the items standing for its own parameters.
Value substitute_argument(ThreadState& ts, Value arg, TupleObject* parameters, TupleObject* items) {
  Value sub = attribute(ts, arg, "__parameters__");
  if (!sub) return ts.current_exception ? Value() : arg;
  if (!is_tuple(sub) || static_cast<TupleObject*>(sub.as_object())->size == 0) return arg;
  auto* own = static_cast<TupleObject*>(sub.as_object());
  ListObject* chosen = make_list(ts, 0);
  for (Value p : own->span())
    for (int64_t i = 0; i < parameters->size; i++)
      if (parameters->items[i] == p && !list_append(ts, chosen, items->items[i])) return Value();
  Value key = chosen->size == 1 ? chosen->items[0] : list_to_tuple(ts, chosen);
  if (!key) return key;
  return get_item(ts, arg, key);
}

// The arguments of `self` (an alias or a union) with its type variables replaced by `item` (_Py_subs_parameters).
// Substitution follows 3.11's Objects/genericaliasobject.c: prepare hooks, an arity check with its message, then per
// argument either the type variable's __typing_subst__ or a recursive subscription of a nested generic.
Value substitute_parameters(ThreadState& ts, Value self, Value item) {
  GenericAliasObject* a = as_alias(self);
  TupleObject* parameters = alias_parameters(ts, a);
  if (!parameters) return Value();
  if (parameters->size == 0) {
    Value r = py_repr(ts, self);
    if (!r) return r;
    return raise_fmt(ts, TypeError_type, "{} is not a generic class", as_str(r)->view());
  }
  // A type variable may reshape the items first (ParamSpec, TypeVarTuple).
  for (Value p : parameters->span()) {
    Value prepare = attribute(ts, p, "__typing_prepare_subst__");
    if (!prepare && ts.current_exception) return Value();
    if (prepare) {
      Value call_args[2] = {self, item};
      item = call(ts, prepare, call_args);
      if (!item) return item;
    }
  }
  TupleObject* items = is_tuple(item) ? static_cast<TupleObject*>(item.as_object())
                                      : minipy::make_tuple(ts, std::span<const Value>(&item, 1));
  if (items->size != parameters->size) {
    Value r = py_repr(ts, self);
    if (!r) return r;
    return raise_fmt(ts, TypeError_type, "Too {} arguments for {}; actual {}, expected {}",
                     items->size > parameters->size ? "many" : "few", as_str(r)->view(), items->size,
                     parameters->size);
  }
  // A list object, not a C++ vector: the substitutions run Python code that can collect, and the arguments
  // made so far are referenced from nowhere else.
  ListObject* new_args = make_list(ts, 0);
  for (Value arg : a->args->span()) {
    if (is_type(arg)) {
      if (!list_append(ts, new_args, arg)) return Value();
      continue;
    }
    Value subst = attribute(ts, arg, "__typing_subst__");
    if (!subst && ts.current_exception) return Value();
    Value replaced;
    if (subst) {
      int64_t index = 0;
      while (index < parameters->size && parameters->items[index] != arg) index++;
      Value chosen = items->items[index];
      replaced = call(ts, subst, std::span<const Value>(&chosen, 1));
    } else {
      replaced = substitute_argument(ts, arg, parameters, items);
    }
    if (!replaced || !list_append(ts, new_args, replaced)) return Value();
  }
  return list_to_tuple(ts, new_args);
}

// alias[item]: a plain GenericAlias of the substituted arguments, starred if the alias is.
Value alias_getitem(ThreadState& ts, Value self, Value item) {
  Value args_tuple = substitute_parameters(ts, self, item);
  if (!args_tuple) return args_tuple;
  Value result = make_alias_of_type(ts, &generic_alias_type, as_alias(self)->origin, args_tuple, false);
  if (result) as_alias(result)->starred = as_alias(self)->starred;
  return result;
}

// iter(alias) gives one unpacked alias: `*tuple[int, str]` in a subscript.
// PEP 646: `*tuple[int, str]` in a subscript is produced by iterating the alias, which yields the starred form once.
Value alias_iter(ThreadState& ts, Value self) {
  GenericAliasObject* a = as_alias(self);
  Value starred = make_alias_of_type(ts, &generic_alias_type, a->origin, Value(a->args), true);
  if (!starred) return starred;
  ListObject* list = make_list(ts, std::span<const Value>(&starred, 1));
  return list ? get_iter(ts, Value(list)) : Value();
}

void trace_alias(Object* self, Tracer& tracer) {
  auto* a = static_cast<GenericAliasObject*>(self);
  tracer.visit(a->origin);
  tracer.visit(a->args);
  tracer.visit(a->parameters);
}

Value make_alias_of_type(ThreadState& ts, Type* type, Value origin, Value item, bool starred) {
  auto* a = ts.alloc<GenericAliasObject>(type, type->instance_size);
  a->origin = origin;
  a->args = nullptr;
  a->parameters = nullptr;
  a->starred = starred;
  a->args = is_tuple(item) ? static_cast<TupleObject*>(item.as_object())
                           : minipy::make_tuple(ts, std::span<const Value>(&item, 1));
  return Value(a);
}

Value make_alias(ThreadState& ts, Value origin, Value item) {
  return make_alias_of_type(ts, &generic_alias_type, origin, item, false);
}

// GenericAlias(origin, args) and its subclasses' construction.
Value alias_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise(ts, TypeError_type, "GenericAlias() takes no keyword arguments");
  if (args.size() != 2)
    return raise_fmt(ts, TypeError_type, "GenericAlias expected 2 arguments, got {}", args.size());
  return make_alias_of_type(ts, type, args[0], args[1], false);
}

#define ALIAS_METHOD(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

// class C(list[int]) derives from list.
ALIAS_METHOD(alias_mro_entries) {
  if (!check_arg_count(ts, "__mro_entries__", args.size(), 1, 1)) return Value();
  return Value(minipy::make_tuple(ts, std::span<const Value>(&as_alias(self)->origin, 1)));
}
// isinstance(x, list[int]) cannot be answered without checking element types, so CPython refuses it outright.
ALIAS_METHOD(alias_instancecheck) {
  return raise(ts, TypeError_type, "isinstance() argument 2 cannot be a parameterized generic");
}
ALIAS_METHOD(alias_subclasscheck) {
  return raise(ts, TypeError_type, "issubclass() argument 2 cannot be a parameterized generic");
}
// Pickling and copying rebuild the alias from its origin and arguments.
ALIAS_METHOD(alias_reduce) {
  GenericAliasObject* a = as_alias(self);
  Value parts[2] = {a->origin, Value(a->args)};
  Value state[2] = {Value(type_of(self)), Value(minipy::make_tuple(ts, parts))};
  return Value(minipy::make_tuple(ts, state));
}
ALIAS_METHOD(alias_dir) {
  // dir(origin), then the alias's own attributes (ga_dir).
  Value dir_builtin = dict_get_str(ts.interp->builtins, intern(ts, "dir"));
  if (!dir_builtin) return raise(ts, RuntimeError_type, "lost builtins.dir");
  Value names = call(ts, dir_builtin, std::span<const Value>(&as_alias(self)->origin, 1));
  if (!names) return names;
  ListObject* list = make_list(ts, std::span<const Value>());
  if (!list || !list_extend(ts, list, names)) return Value();
  for (std::string_view k : kOwnAttributes) {
    Value key(intern(ts, k));
    int present = contains(ts, Value(list), key);
    if (present < 0 || (!present && !list_append(ts, list, key))) return Value();
  }
  return Value(list);
}

const MethodDef kAliasMethods[] = {
    {"__mro_entries__", alias_mro_entries, 0},         {"__instancecheck__", alias_instancecheck, 0},
    {"__subclasscheck__", alias_subclasscheck, 0},     {"__reduce__", alias_reduce, 0},
    {"__dir__", alias_dir, 0},
};

// int | None prints as "int | None": members in order, NoneType shown as None.
Value union_repr(ThreadState& ts, Value self) {
  std::string out;
  TupleObject* args = as_alias(self)->args;
  for (int64_t i = 0; i < args->size; i++) {
    if (i) out += " | ";
    if (args->items[i] == Value(&none_type)) {  // a union shows NoneType as None (union_repr_item)
      out += "None";
      continue;
    }
    if (!append_part(ts, out, args->items[i])) return Value();
  }
  return Value(make_str(ts, out));
}

// Members compare as sets: int | str == str | int.
Value union_richcompare(ThreadState& ts, Value a, Value b, int op) {
  if (!is_union(a) || !is_union(b) || (op != kEq && op != kNe)) return NotImplemented();
  auto contains_all = [](TupleObject* x, TupleObject* y) {
    for (Value v : x->span()) {
      bool found = false;
      for (Value w : y->span()) found = found || v == w;
      if (!found) return false;
    }
    return true;
  };
  (void)ts;
  bool same = contains_all(as_alias(a)->args, as_alias(b)->args) && contains_all(as_alias(b)->args, as_alias(a)->args);
  return Bool(op == kEq ? same : !same);
}

bool union_hash(ThreadState& ts, Value self, int64_t* out) {
  uint64_t h = 0x345678;
  for (Value v : as_alias(self)->args->span()) {
    int64_t item;
    if (!py_hash(ts, v, &item)) return false;
    h ^= static_cast<uint64_t>(item);  // order-insensitive, as the equality is
  }
  *out = static_cast<int64_t>(h == static_cast<uint64_t>(-1) ? 2 : h);
  return true;
}

// A union's __parameters__ are its members' type variables, gathered as an alias gathers them ((list[T] | int)
// has (~T,)); a union of plain classes has none.
Value union_getattr(ThreadState& ts, Value self, StrObject* name) {
  std::string_view n = name->view();
  if (n == "__args__") return Value(as_alias(self)->args);
  if (n == "__parameters__") {
    TupleObject* p = alias_parameters(ts, as_alias(self));
    return p ? Value(p) : Value();
  }
  if (n == "__class__") return Value(&union_type);
  return generic_getattr(ts, self, name, false);
}

// union[item]: the substituted members joined again with `|` (union_getitem), so (list[T] | int)[str] is
// list[str] | int, and a member that became a typing special form makes a typing.Union.
Value union_getitem(ThreadState& ts, Value self, Value item) {
  Value args_tuple = substitute_parameters(ts, self, item);
  if (!args_tuple) return args_tuple;
  auto* args = static_cast<TupleObject*>(args_tuple.as_object());
  Value result = args->items[0];  // a union has at least two members, and substitution keeps their number
  for (int64_t i = 1; result && i < args->size; i++) result = binary_op(ts, result, args->items[i], kOpOr);
  return result;
}

// What may stand in a union: a class, None, an alias or another union.
// Anything else makes `|` answer NotImplemented, so e.g. `int | "str"` raises TypeError and typing's own __or__/__ror__
// can take over for its special forms.
bool union_member(Value v) { return is_none(v) || is_type(v) || is_alias(v) || is_union(v); }

void add_member(std::vector<Value>& members, Value v) {
  if (is_none(v)) v = Value(&none_type);
  if (is_union(v)) {
    for (Value m : as_alias(v)->args->span()) add_member(members, m);
    return;
  }
  for (Value m : members)
    if (m == v) return;
  members.push_back(v);
}

// type.__or__ / __ror__ (the slot takes either operand order): a | b with duplicates dropped, flattened.
// int | int is int itself, and a nested union is flattened ((int | str) | float has three members), as
// _Py_union_type_or dedups and flattens.
Value type_or(ThreadState& ts, Value a, Value b) {
  if (!union_member(a) || !union_member(b)) return NotImplemented();
  std::vector<Value> members;
  add_member(members, a);
  add_member(members, b);
  if (members.size() == 1) return members[0];
  auto* u = ts.alloc<GenericAliasObject>(&union_type);
  u->origin = None();
  u->args = nullptr;
  u->args = minipy::make_tuple(ts, members);
  return Value(u);
}

// cls[item] for the builtin containers (a classmethod: self is the class).
// PEP 585: list[int] and friends; the argument is not validated, as CPython accepts list[3] too.
Value class_getitem(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "__class_getitem__", args, kwnames, 1, 1))
    return Value();
  return make_alias(ts, self, args[0]);
}
const MethodDef class_getitem_def[] = {{"__class_getitem__", class_getitem, kMethodClass}};

void define_static(ThreadState& ts, Type& t, const char* name);

}  // namespace

namespace {
void define_static(ThreadState& ts, Type& t, const char* name) {
  t.type = &type_type;
  t.gc_flags = kGcStatic;
  t.c_name = name;
  t.base = &object_type;
  t.instance_size = sizeof(GenericAliasObject);
  t.flags = kTypeImmutable;
  init_static_type(ts, t);  // a collector root from here on (trace_static_types)
  t.module = Value(intern(ts, "types"));
  t.setattr = object_type.setattr;
  t.trace = trace_alias;
}
}  // namespace

TupleObject* union_members(Value v) { return is_union(v) ? as_alias(v)->args : nullptr; }

void init_generic_alias(ThreadState& ts) {
  Type& t = generic_alias_type;
  define_static(ts, t, "GenericAlias");
  t.flags |= kTypeBaseType;  // collections.abc and typing derive their own aliases from it
  t.new_instance = alias_new;
  t.getitem = alias_getitem;
  t.iter = alias_iter;
  add_methods(ts, t, kAliasMethods);
  t.repr = alias_repr;
  t.str = alias_repr;
  t.richcompare = alias_richcompare;
  t.hash = alias_hash;
  t.getattr = alias_getattr;
  t.call = alias_call;
  t.binary[kOpOr] = type_or;
  // The dunder methods standing for those slots (super().__getitem__ in collections.abc's alias) and __new__.
  finish_static_type_slots(ts, t, &kStaticTypeNewDef<&generic_alias_type>);
  Type& u = union_type;
  define_static(ts, u, "UnionType");
  u.repr = union_repr;
  u.str = union_repr;
  u.richcompare = union_richcompare;
  u.hash = union_hash;
  u.getattr = union_getattr;
  u.getitem = union_getitem;
  u.binary[kOpOr] = type_or;
  type_type.binary[kOpOr] = type_or;
  for (Type* container : {&list_type, &tuple_type, &dict_type, &set_type, &frozenset_type, &type_type})
    add_methods(ts, *container, class_getitem_def);
}

}  // namespace minipy
