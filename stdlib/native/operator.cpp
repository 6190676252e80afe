// The native `_operator` module (CPython's Modules/_operator.c): the operator functions (add, iadd, lt, not_,
// getitem, concat, indexOf, length_hint, call, ...), itemgetter, attrgetter and methodcaller, and
// _compare_digest. Lib's operator.py defines all of them in Python and then takes these instead
// (`from _operator import *`).
//
// Left out: nothing of 3.11's _operator; _compare_digest is not constant-time (minipy makes no timing claims).
#include <array>
#include <string_view>
#include <utility>

#include "compiler/opcodes.h"
#include "stdlib/native/native_type.h"

namespace minipy {

namespace {

Type itemgetter_type, attrgetter_type, methodcaller_type;

// ---- the operator functions --------------------------------------------------------------------------------------
// Argument checks with _operator's wording: one-argument functions are METH_O ("_operator.neg() takes exactly one
// argument (0 given)"), the others use _PyArg_CheckPositional ("add expected 2 arguments, got 1").
bool one_arg(ThreadState& ts, const char* name, std::span<const Value> args, TupleObject* kwnames) {
  std::string qualified = std::string("_operator.") + name;
  return no_keywords(ts, qualified.c_str(), kwnames) && check_arg_count(ts, qualified.c_str(), args.size(), 1, 1);
}
bool two_args(ThreadState& ts, const char* name, std::span<const Value> args, TupleObject* kwnames) {
  std::string qualified = std::string("_operator.") + name;
  return no_keywords(ts, qualified.c_str(), kwnames) && exact_args(ts, name, args, nullptr, 2, 2);
}

#define OPERATOR_FN(name) Value name(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames)

// _operator names each binary function after its operator's dunder stem (compiler/binary_ops.def): "add" for
// __add__ and "iadd" for __iadd__, with a trailing underscore where the plain name would be a Python keyword
// (and_, or_). Computed here so that the operator table stays the one list of operators.
using OperatorName = std::array<char, 12>;
constexpr OperatorName operator_name(int op) {  // op: the BINARY_OP index, kBinaryOpCount and up in place
  OperatorName out{};
  size_t n = 0;
  const bool inplace = op >= kBinaryOpCount;
  const std::string_view stem = kBinaryOpDunderStems[op % kBinaryOpCount];
  if (inplace) out[n++] = 'i';
  for (char c : stem) out[n++] = c;
  if (!inplace && (stem == "and" || stem == "or")) out[n++] = '_';
  return out;
}
constexpr auto kBinaryNames = [] {
  std::array<OperatorName, 2 * kBinaryOpCount> names{};
  for (int op = 0; op < 2 * kBinaryOpCount; op++) names[op] = operator_name(op);
  return names;
}();

// One function per BINARY_OP index (binary and, from kBinaryOpCount on, in place).
// BINARY_OP's own dispatch (binary_op) does the work, so operator.add(a, b) behaves exactly like `a + b`, reflected
// methods and NotImplemented included.
template <int kOp>
OPERATOR_FN(binary_fn) {
  if (!two_args(ts, kBinaryNames[kOp].data(), args, kwnames)) return Value();
  return binary_op(ts, args[0], args[1], kOp);
}

template <int kOp>
OPERATOR_FN(compare_fn) {
  static constexpr const char* kNames[] = {"lt", "le", "eq", "ne", "gt", "ge"};
  if (!two_args(ts, kNames[kOp], args, kwnames)) return Value();
  return rich_compare(ts, args[0], args[1], kOp);
}

template <Value (*kOperation)(ThreadState&, Value), const char* kName>
OPERATOR_FN(unary_fn) {
  if (!one_arg(ts, kName, args, kwnames)) return Value();
  return kOperation(ts, args[0]);
}
constexpr char kNeg[] = "neg", kPos[] = "pos", kAbs[] = "abs", kInv[] = "inv", kInvert[] = "invert",
               kIndex[] = "index";

OPERATOR_FN(op_not) {
  if (!one_arg(ts, "not_", args, kwnames)) return Value();
  int t = py_truth(ts, args[0]);
  return t < 0 ? Value() : Bool(!t);
}
OPERATOR_FN(op_truth) {
  if (!one_arg(ts, "truth", args, kwnames)) return Value();
  int t = py_truth(ts, args[0]);
  return t < 0 ? Value() : Bool(t);
}
OPERATOR_FN(op_is) {
  if (!two_args(ts, "is_", args, kwnames)) return Value();
  return Bool(args[0] == args[1]);
}
OPERATOR_FN(op_is_not) {
  if (!two_args(ts, "is_not", args, kwnames)) return Value();
  return Bool(args[0] != args[1]);
}

// A sequence for concat: something with a sequence-style __getitem__ (not a dict).
// PySequence_Check's rule, which concat() uses to refuse mappings and numbers before trying `+`.
bool is_sequence(Value v) {
  Type* t = type_of(v);
  return t->getitem && !is_dict(v);
}

Value concat(ThreadState& ts, const char* name, std::span<const Value> args, TupleObject* kwnames, bool in_place) {
  if (!two_args(ts, name, args, kwnames)) return Value();
  if (!is_sequence(args[0]))
    return raise_fmt(ts, TypeError_type, "'{}' object can't be concatenated", type_name(args[0]));
  // The in-place variants of BINARY_OP's operators are numbered after the plain ones.
  return binary_op(ts, args[0], args[1], in_place ? kInplaceOffset + kOpAdd : kOpAdd);
}
OPERATOR_FN(op_concat) { return concat(ts, "concat", args, kwnames, false); }
OPERATOR_FN(op_iconcat) { return concat(ts, "iconcat", args, kwnames, true); }

OPERATOR_FN(op_contains) {
  if (!two_args(ts, "contains", args, kwnames)) return Value();
  int r = contains(ts, args[0], args[1]);
  return r < 0 ? Value() : Bool(r);
}

// countOf / indexOf: a scan comparing with `is` first, then ==.
// countOf/indexOf compare with identity first, then ==, as PySequence_Count/_PySequence_IterSearch; a NaN is thus found
// in a list holding that very object.
Value scan(ThreadState& ts, Value seq, Value item, bool count) {
  Value it = get_iter(ts, seq);
  if (!it) return it;
  int64_t n = 0;
  for (int64_t i = 0;; i++) {
    Value v = iter_next(ts, it);
    if (!v) {
      if (ts.current_exception) return v;
      break;
    }
    int eq = v == item ? 1 : rich_compare_bool(ts, v, item, kEq);
    if (eq < 0) return Value();
    if (eq && !count) return make_int(ts, i);
    n += eq;
  }
  if (!count) return raise(ts, ValueError_type, "sequence.index(x): x not in sequence");
  return make_int(ts, n);
}
OPERATOR_FN(op_count_of) {
  if (!two_args(ts, "countOf", args, kwnames)) return Value();
  return scan(ts, args[0], args[1], true);
}
OPERATOR_FN(op_index_of) {
  if (!two_args(ts, "indexOf", args, kwnames)) return Value();
  return scan(ts, args[0], args[1], false);
}

OPERATOR_FN(op_getitem) {
  if (!two_args(ts, "getitem", args, kwnames)) return Value();
  return get_item(ts, args[0], args[1]);
}
OPERATOR_FN(op_setitem) {
  if (!no_keywords(ts, "_operator.setitem", kwnames) || !exact_args(ts, "setitem", args, nullptr, 3, 3))
    return Value();
  return set_item(ts, args[0], args[1], args[2]) ? None() : Value();
}
OPERATOR_FN(op_delitem) {
  if (!two_args(ts, "delitem", args, kwnames)) return Value();
  return del_item(ts, args[0], args[1]) ? None() : Value();
}

// length_hint(obj, default=0): len(obj), else obj.__length_hint__(), else default.
OPERATOR_FN(op_length_hint) {
  if (!no_keywords(ts, "_operator.length_hint", kwnames) || !exact_args(ts, "length_hint", args, nullptr, 1, 2))
    return Value();
  int64_t fallback = 0;
  if (args.size() > 1 && !index_to_int64(ts, args[1], &fallback)) return Value();
  Value obj = args[0];
  if (type_of(obj)->length) {
    int64_t n = py_len(ts, obj);
    if (n >= 0) return make_int(ts, n);
    if (!exception_matches(ts.current_exception, &TypeError_type)) return Value();
    ts.current_exception = Value();
  }
  Value hint = type_lookup(type_of(obj), intern(ts, "__length_hint__"));
  if (!hint) return make_int(ts, fallback);
  Value r = call(ts, hint, std::span<const Value>(&obj, 1));
  if (!r) {
    if (!exception_matches(ts.current_exception, &TypeError_type)) return r;
    ts.current_exception = Value();
    return make_int(ts, fallback);
  }
  if (r == NotImplemented()) return make_int(ts, fallback);
  if (!is_int(r))
    return raise_fmt(ts, TypeError_type, "__length_hint__ must be an integer, not {}", type_name(r));
  int64_t n;
  if (!index_to_int64(ts, r, &n)) return Value();
  if (n < 0) return raise(ts, ValueError_type, "__length_hint__() should return >= 0");
  return r;
}

OPERATOR_FN(op_call) {
  size_t npos = positional_count(args, kwnames);
  if (npos < 1) return raise_fmt(ts, TypeError_type, "call expected at least 1 argument, got {}", npos);
  return call(ts, args[0], args.subspan(1), kwnames);
}

// _compare_digest(a, b): equality of two ASCII strs or two bytes-like objects.
OPERATOR_FN(op_compare_digest) {
  if (!two_args(ts, "_compare_digest", args, kwnames)) return Value();
  Value a = args[0], b = args[1];
  if (is_str(a) && is_str(b)) {
    if (!as_str(a)->is_ascii() || !as_str(b)->is_ascii())
      return raise(ts, TypeError_type, "comparing strings with non-ASCII characters is not supported");
    return Bool(as_str(a)->view() == as_str(b)->view());
  }
  auto is_bytes = [](Value v) { return v.is_object() && is_subtype(type_of(v), &bytes_type); };
  if (is_str(a) || is_str(b)) {
    Value offender = is_str(a) ? a : b;
    if (is_bytes(a) || is_bytes(b) || is_str(a) != is_str(b))
      return raise_fmt(ts, TypeError_type, "a bytes-like object is required, not '{}'", type_name(offender));
  }
  if (!is_bytes(a) || !is_bytes(b))
    return raise_fmt(ts, TypeError_type, "unsupported operand types(s) or combination of types: '{}' and '{}'",
                     type_name(a), type_name(b));
  return Bool(static_cast<BytesObject*>(a.as_object())->view() == static_cast<BytesObject*>(b.as_object())->view());
}

#undef OPERATOR_FN

// ---- itemgetter, attrgetter, methodcaller ---------------------------------------------------------------------
// One layout for all three: `items` holds the keys, the dotted attribute paths (each a tuple of names) or the
// method name followed by its positional arguments; `keywords` is methodcaller's.
struct GetterObject : Object {
  TupleObject* items;
  DictObject* keywords;
  Value name;  // methodcaller's name / attrgetter's original strings (for repr and reduce)
};

GetterObject* as_getter(Value v) { return static_cast<GetterObject*>(v.as_object()); }

void trace_getter(Object* self, Tracer& tracer) {
  auto* g = static_cast<GetterObject*>(self);
  tracer.visit(g->items);
  tracer.visit(g->keywords);
  tracer.visit(g->name);
}

Value itemgetter_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "itemgetter", kwnames)) return Value();
  if (args.empty()) return raise(ts, TypeError_type, "itemgetter expected 1 argument, got 0");
  auto* g = alloc_instance<GetterObject>(ts, type);
  g->items = make_tuple(ts, args);
  return Value(g);
}

Value itemgetter_call(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!exact_args(ts, "itemgetter", args, kwnames, 1, 1)) return Value();
  TupleObject* keys = as_getter(self)->items;
  if (keys->size == 1) return get_item(ts, args[0], keys->items[0]);
  TupleObject* result = make_tuple(ts, keys->size);
  for (int64_t i = 0; i < keys->size; i++) result->items[i] = None();
  for (int64_t i = 0; i < keys->size; i++) {
    Value v = get_item(ts, args[0], keys->items[i]);
    if (!v) return v;
    result->items[i] = v;
  }
  return Value(result);
}

// "operator.NAME(a, b, ...)" from the reprs of `items`, then `extra` (methodcaller's keywords).
Value getter_repr(ThreadState& ts, Value self, std::span<const Value> items, const std::string& extra) {
  std::string out;
  for (Value v : items) {
    Value r = py_repr(ts, v);
    if (!r) return r;
    if (!out.empty()) out += ", ";
    out += as_str(r)->view();
  }
  out += extra;
  return make_str(ts, fmt::format("{}({})", type_name(self), out));
}

Value itemgetter_repr(ThreadState& ts, Value self) { return getter_repr(ts, self, as_getter(self)->items->span(), ""); }

Value getter_reduce(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  GetterObject* g = as_getter(self);
  Value args = type_of(self) == &attrgetter_type ? g->name : Value(g->items);
  Value parts[2] = {Value(type_of(self)), args};
  return Value(make_tuple(ts, parts));
}

Value attrgetter_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "attrgetter", kwnames)) return Value();
  if (args.empty()) return raise(ts, TypeError_type, "attrgetter expected 1 argument, got 0");
  TupleObject* paths = make_tuple(ts, static_cast<int64_t>(args.size()));
  for (int64_t i = 0; i < paths->size; i++) paths->items[i] = None();
  for (size_t i = 0; i < args.size(); i++) {
    if (!is_str(args[i])) return raise(ts, TypeError_type, "attribute name must be a string");
    // "a.b.c" becomes the tuple ("a", "b", "c") of interned names.
    std::string_view text = as_str(args[i])->view();
    ListObject* parts = make_list(ts, 0);
    size_t start = 0;
    for (;;) {
      size_t dot = text.find('.', start);
      std::string_view part = text.substr(start, dot == std::string_view::npos ? dot : dot - start);
      if (!list_append(ts, parts, Value(intern(ts, part)))) return Value();
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
    paths->items[i] = list_to_tuple(ts, parts);
  }
  auto* g = alloc_instance<GetterObject>(ts, type);
  g->items = paths;
  g->name = Value(make_tuple(ts, args));
  return Value(g);
}

Value resolve_path(ThreadState& ts, Value obj, TupleObject* path) {
  for (Value name : path->span()) {
    obj = get_attr(ts, obj, as_str(name));
    if (!obj) return obj;
  }
  return obj;
}

Value attrgetter_call(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!exact_args(ts, "attrgetter", args, kwnames, 1, 1)) return Value();
  TupleObject* paths = as_getter(self)->items;
  auto path = [&](int64_t i) { return static_cast<TupleObject*>(paths->items[i].as_object()); };
  if (paths->size == 1) return resolve_path(ts, args[0], path(0));
  TupleObject* result = make_tuple(ts, paths->size);
  for (int64_t i = 0; i < paths->size; i++) result->items[i] = None();
  for (int64_t i = 0; i < paths->size; i++) {
    Value v = resolve_path(ts, args[0], path(i));
    if (!v) return v;
    result->items[i] = v;
  }
  return Value(result);
}

Value attrgetter_repr(ThreadState& ts, Value self) {
  return getter_repr(ts, self, static_cast<TupleObject*>(as_getter(self)->name.as_object())->span(), "");
}

Value methodcaller_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  size_t npos = positional_count(args, kwnames);
  if (npos < 1) return raise(ts, TypeError_type, "methodcaller needs at least one argument, the method name");
  if (!is_str(args[0])) return raise(ts, TypeError_type, "method name must be a string");
  auto* g = alloc_instance<GetterObject>(ts, type);
  g->name = Value(intern_str(ts, as_str(args[0])));
  g->items = make_tuple(ts, args.subspan(1, npos - 1));
  g->keywords = make_dict(ts);
  for (int64_t k = 0; kwnames && k < kwnames->size; k++)
    if (!dict_set(ts, g->keywords, kwnames->items[k], args[npos + static_cast<size_t>(k)])) return Value();
  return Value(g);
}

Value methodcaller_call(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!exact_args(ts, "methodcaller", args, kwnames, 1, 1)) return Value();
  GetterObject* g = as_getter(self);
  Value method = get_attr(ts, args[0], as_str(g->name));
  if (!method) return method;
  int64_t npos = g->items->size, nkw = g->keywords->used;
  TupleObject* all = make_tuple(ts, npos + nkw);
  TupleObject* names = make_tuple(ts, nkw);
  for (int64_t i = 0; i < npos; i++) all->items[i] = g->items->items[i];
  int64_t pos = 0, k = 0;
  Value key, value;
  while (dict_next(g->keywords, &pos, &key, &value)) {
    names->items[k] = key;
    all->items[npos + k++] = value;
  }
  return call(ts, method, all->span(), nkw ? names : nullptr);
}

Value methodcaller_repr(ThreadState& ts, Value self) {
  GetterObject* g = as_getter(self);
  std::string extra;
  int64_t pos = 0;
  Value key, value;
  while (dict_next(g->keywords, &pos, &key, &value)) {
    Value r = py_repr(ts, value);
    if (!r) return r;
    extra += fmt::format(", {}={}", as_str(key)->view(), as_str(r)->view());
  }
  ListObject* items = make_list(ts, std::span<const Value>(&g->name, 1));
  for (Value v : g->items->span())
    if (!list_append(ts, items, v)) return Value();
  return getter_repr(ts, self, items->span(), extra);
}

// (type, (name, *args)) without keywords; with them (partial(type, name, **kwargs), args), as CPython.
Value methodcaller_reduce(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  GetterObject* g = as_getter(self);
  if (g->keywords->used == 0) {
    ListObject* ctor = make_list(ts, std::span<const Value>(&g->name, 1));
    for (Value v : g->items->span())
      if (!list_append(ts, ctor, v)) return Value();
    Value parts[2] = {Value(type_of(self)), list_to_tuple(ts, ctor)};
    return Value(make_tuple(ts, parts));
  }
  // functools.partial is _functools.partial.
  Value module_name(intern(ts, "_functools"));
  Value functools = call(ts, dict_get_str(ts.interp->builtins, ts.interp->names.import),
                         std::span<const Value>(&module_name, 1));
  if (!functools) return functools;
  Value partial = get_attr(ts, functools, intern(ts, "partial"));
  if (!partial) return partial;
  int64_t nkw = g->keywords->used;
  TupleObject* all = make_tuple(ts, 2 + nkw);
  TupleObject* names = make_tuple(ts, nkw);
  all->items[0] = Value(type_of(self));
  all->items[1] = g->name;
  int64_t pos = 0, k = 0;
  Value key, value;
  while (dict_next(g->keywords, &pos, &key, &value)) {
    names->items[k] = key;
    all->items[2 + k++] = value;
  }
  Value bound = call(ts, partial, all->span(), names);
  if (!bound) return bound;
  Value parts[2] = {bound, Value(g->items)};
  return Value(make_tuple(ts, parts));
}

const MethodDef kGetterMethods[] = {{"__reduce__", getter_reduce}};
const MethodDef kMethodcallerMethods[] = {{"__reduce__", methodcaller_reduce}};

const MethodDef kOperatorFunctions[] = {
    {"lt", compare_fn<kLt>}, {"le", compare_fn<kLe>}, {"eq", compare_fn<kEq>},
    {"ne", compare_fn<kNe>}, {"gt", compare_fn<kGt>}, {"ge", compare_fn<kGe>},
    {"neg", unary_fn<unary_negative, kNeg>}, {"pos", unary_fn<unary_positive, kPos>},
    {"abs", unary_fn<py_abs, kAbs>}, {"inv", unary_fn<unary_invert, kInv>},
    {"invert", unary_fn<unary_invert, kInvert>}, {"index", unary_fn<number_index, kIndex>},
    {"not_", op_not}, {"truth", op_truth}, {"is_", op_is}, {"is_not", op_is_not},
    {"concat", op_concat}, {"iconcat", op_iconcat}, {"contains", op_contains},
    {"countOf", op_count_of}, {"indexOf", op_index_of}, {"getitem", op_getitem},
    {"setitem", op_setitem}, {"delitem", op_delitem}, {"length_hint", op_length_hint},
    {"call", op_call}, {"_compare_digest", op_compare_digest},
};

// The binary and in-place functions, one per BINARY_OP index, in that order (add, and_, floordiv, ...).
template <size_t... I>
constexpr std::array<MethodDef, sizeof...(I)> binary_defs(std::index_sequence<I...>) {
  return {MethodDef{kBinaryNames[I].data(), binary_fn<static_cast<int>(I)>}...};
}
constexpr auto kBinaryFunctions = binary_defs(std::make_index_sequence<2 * kBinaryOpCount>());

struct GetterRow {
  Type* type;
  const char* name;
  NewSlot new_instance;
  CallSlot call;
  UnarySlot repr;
  std::span<const MethodDef> methods;
};

}  // namespace

ModuleObject* create_operator_module(ThreadState& ts) {
  const GetterRow rows[] = {
      {&itemgetter_type, "itemgetter", itemgetter_new, itemgetter_call, itemgetter_repr, kGetterMethods},
      {&attrgetter_type, "attrgetter", attrgetter_new, attrgetter_call, attrgetter_repr, kGetterMethods},
      {&methodcaller_type, "methodcaller", methodcaller_new, methodcaller_call, methodcaller_repr,
       kMethodcallerMethods},
  };
  ModuleObject* m = make_module(ts, "_operator");
  for (const GetterRow& row : rows) {
    if (begin_native_type(ts, *row.type, row.name, "operator", sizeof(GetterObject))) {
      Type& t = *row.type;
      t.new_instance = row.new_instance;
      t.call = row.call;
      t.repr = row.repr;
      t.trace = trace_getter;
      add_methods(ts, t, row.methods);
      finish_native_type(ts, t);
    }
    add_module_value(ts, m, row.name, Value(static_cast<Object*>(row.type)));
  }
  add_module_functions(ts, m, kBinaryFunctions);
  add_module_functions(ts, m, kOperatorFunctions);
  add_module_value(ts, m, "__doc__",
                   Value(make_str(ts, "Operator interface.\n\nThis module exports a set of functions implemented in C "
                                      "corresponding\nto the intrinsic operators of Python.  For example, "
                                      "operator.add(x, y)\nis equivalent to the expression x+y.  The function names "
                                      "are those\nused for special methods; variants without leading and trailing\n"
                                      "'__' are also provided for convenience.")));
  return m;
}

}  // namespace minipy
