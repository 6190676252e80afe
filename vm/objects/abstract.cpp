// The abstract object protocol: what the interpreter loop and builtins call to operate on any value. Mirrors
// CPython's abstract.c / object.c dispatch rules (reflected operands, sequence fallbacks, rich-comparison
// swapping), so the error messages and the order in which user methods are tried match.
//
// Every function here follows the VM's error convention: a null Value, false or -1 with the exception pending
// in ts; NotImplemented never escapes to the caller. Native slots are called directly; a Python class's
// dunders reach the same slots through the slot wrappers (vm/objects/slots.cpp), so one dispatch rule serves
// both.
#include "compiler/opcodes.h"
#include "vm/memory/out_of_memory.h"
#include "vm/objects/abstract.h"
#include "vm/objects/heap_type.h"
#include "vm/objects/instance_values.h"
#include "vm/runtime.h"
#include "vm/text/number_format.h"

namespace minipy {

// CPython's tp_name of `t` for messages: "itertools.count" for a native module's type (see type_name).
static std::string_view type_name_of(Type* t) {
  return (t->flags & kTypeHeap) ? t->name->view() : std::string_view(t->c_name);
}

namespace {

// The reflection of each comparison (a < b is b > a), indexed like kLt..kGe; == and != reflect to themselves.
constexpr int kSwappedOp[6] = {kGt, kGe, kEq, kNe, kLt, kLe};
constexpr const char* kCompareSymbols[6] = {"<", "<=", "==", "!=", ">", ">="};

// CPython's binary_op1 over two operands' slots for one operation. A right operand whose type is a proper subclass
// of the left's and overrides the slot goes first, so a subclass can take over an operation with a base instance
// (class Money(int): __radd__). A slot shared by both types is tried once.
Value binary_op1(ThreadState& ts, Value a, Value b, int op) {
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  return binary_slots(ts, a, b, ta->binary[op], tb != ta ? tb->binary[op] : nullptr);
}

Value binop_type_error(ThreadState& ts, Value a, Value b, int op, bool inplace) {
  if (op == kOpPow && !inplace)
    return raise_fmt(ts, TypeError_type, "unsupported operand type(s) for ** or pow(): '{}' and '{}'", type_name(a),
                     type_name(b));
  return raise_fmt(ts, TypeError_type, "unsupported operand type(s) for {}{}: '{}' and '{}'", kBinaryOpSymbols[op],
                   inplace ? "=" : "", type_name(a), type_name(b));
}

bool is_index_like(Value v) { return is_int(v) || type_of(v)->index; }

// After both number slots said NotImplemented: + falls back to sequence concatenation and * to repetition
// (either operand may be the sequence), as PyNumber_Add / PyNumber_Multiply do; otherwise the TypeError with
// CPython's wording ("for ** or pow()" for power).
Value sequence_fallback(ThreadState& ts, Value a, Value b, int op, bool inplace) {
  if (op == kOpAdd) {
    if (BinarySlot concat = sequence_slot(ts, type_of(a), kOpAdd, false)) return concat(ts, a, b);
  } else if (op == kOpMul) {
    BinarySlot ra = sequence_slot(ts, type_of(a), kOpMul, false);
    BinarySlot rb = sequence_slot(ts, type_of(b), kOpMul, true);
    if (ra) {
      if (is_index_like(b)) return ra(ts, a, b);
      return raise_fmt(ts, TypeError_type, "can't multiply sequence by non-int of type '{}'", type_name(b));
    }
    if (rb) {
      if (is_index_like(a)) return rb(ts, b, a);
      return raise_fmt(ts, TypeError_type, "can't multiply sequence by non-int of type '{}'", type_name(a));
    }
  }
  return binop_type_error(ts, a, b, op, inplace);
}

}  // namespace

// (Declared in runtime.h.)
Value binary_slots(ThreadState& ts, Value a, Value b, BinarySlot slota, BinarySlot slotb) {
  if (slotb == slota) slotb = nullptr;
  if (slota) {
    if (slotb && is_subtype(type_of(b), type_of(a))) {
      Value x = slotb(ts, a, b);
      if (x != NotImplemented()) return x;
      slotb = nullptr;
    }
    Value x = slota(ts, a, b);
    if (x != NotImplemented()) return x;
  }
  if (slotb) return slotb(ts, a, b);
  return NotImplemented();
}

// `a op b`, or `a op= b` when op >= kBinaryOpCount: the in-place slot of `a` first, then the ordinary
// operation. std::bad_alloc from a huge result ("x" * 10**12) becomes MemoryError here.
Value binary_op(ThreadState& ts, Value a, Value b, int op) {
  bool inplace = op >= kBinaryOpCount;
  if (inplace) {
    op -= kBinaryOpCount;
    if (BinarySlot slot = type_of(a)->inplace[op]) {
      Value x = catching_bad_alloc(ts, [&] { return slot(ts, a, b); });
      if (x != NotImplemented()) return x;
    }
  }
  Value x = catching_bad_alloc(ts, [&] { return binary_op1(ts, a, b, op); });  // "x" * 10**12
  if (x != NotImplemented()) return x;
  return catching_bad_alloc(ts, [&] { return sequence_fallback(ts, a, b, op, inplace); });
}

// For callers that already tried the number slots themselves (the interpreter's specialised paths): the
// sequence fallback and the error only.
Value binary_op_not_implemented(ThreadState& ts, Value a, Value b, int op) {
  bool inplace = op >= kBinaryOpCount;
  return catching_bad_alloc(ts, [&] { return sequence_fallback(ts, a, b, op % kBinaryOpCount, inplace); });
}

// CPython's do_richcompare: the reflected operation of a subclass that overrides the comparison first, then
// the left operand's, then the reflected right's; == and != fall back to identity, the ordering operators to
// TypeError. Counts as a recursion level, so comparing self-containing structures ends in RecursionError.
Value rich_compare(ThreadState& ts, Value v, Value w, int op) {
  if (!ts.enter_recursion())
    return raise(ts, RecursionError_type, "maximum recursion depth exceeded in comparison");
  struct Guard {
    ThreadState& ts;
    ~Guard() { ts.recursion_depth--; }
  } guard{ts};
  Type* tv = type_of(v);
  Type* tw = type_of(w);
  bool checked_reverse = false;
  if (tv != tw && tw->richcompare && is_subtype(tw, tv) && tw->richcompare != tv->richcompare) {
    checked_reverse = true;
    Value r = tw->richcompare(ts, w, v, kSwappedOp[op]);
    if (r != NotImplemented()) return r;
  }
  if (tv->richcompare) {
    Value r = tv->richcompare(ts, v, w, op);
    if (r != NotImplemented()) return r;
  }
  if (!checked_reverse && tw->richcompare) {
    Value r = tw->richcompare(ts, w, v, kSwappedOp[op]);
    if (r != NotImplemented()) return r;
  }
  if (op == kEq) return Bool(v == w);
  if (op == kNe) return Bool(v != w);
  return raise_fmt(ts, TypeError_type, "'{}' not supported between instances of '{}' and '{}'", kCompareSymbols[op],
                   type_name(v), type_name(w));
}

// PyObject_RichCompareBool: identity implies equality (so `x in [x]` is true even for a NaN), small ints are
// compared without a call; the result's truth is taken as bool() would.
int rich_compare_bool(ThreadState& ts, Value a, Value b, int op) {
  if (a == b) {
    if (op == kEq) return 1;
    if (op == kNe) return 0;
  }
  if (Value::both_small_ints(a, b)) return compare_numbers(a.as_small_int(), b.as_small_int(), op);
  Value r = rich_compare(ts, a, b, op);
  if (!r) return -1;
  if (r == True()) return 1;
  if (r == False()) return 0;
  return py_truth(ts, r);
}

// repr(v): __repr__ must return a str (a subclass is accepted, as in CPython). Exact strs skip the recursion
// count because they cannot recurse.
Value py_repr(ThreadState& ts, Value v) {
  Type* t = type_of(v);
  if (t == &str_type) return t->repr(ts, v);
  if (!ts.enter_recursion())
    return raise(ts, RecursionError_type, "maximum recursion depth exceeded while getting the repr of an object");
  Value r = t->repr(ts, v);
  ts.recursion_depth--;
  if (r && !is_str(r)) return raise_fmt(ts, TypeError_type, "__repr__ returned non-string (type {})", type_name(r));
  return r;
}

// str(v): a type without __str__ uses __repr__, as object.__str__ does.
Value py_str(ThreadState& ts, Value v) {
  Type* t = type_of(v);
  if (t == &str_type) return v;
  if (!ts.enter_recursion())
    return raise(ts, RecursionError_type, "maximum recursion depth exceeded while calling a Python object");
  Value r = t->str ? t->str(ts, v) : t->repr(ts, v);
  ts.recursion_depth--;
  if (r && !is_str(r)) return raise_fmt(ts, TypeError_type, "__str__ returned non-string (type {})", type_name(r));
  return r;
}

// The text library (vm/text) reports errors as a kind name plus message without knowing the VM's types; this
// maps the kind to the exception type.
Value raise_text_error(ThreadState& ts, const text::TextError& error) {
  Type* t = &ValueError_type;
  if (error.kind == "TypeError") t = &TypeError_type;
  else if (error.kind == "OverflowError") t = &OverflowError_type;
  else if (error.kind == "IndexError") t = &IndexError_type;
  else if (error.kind == "KeyError") t = &KeyError_type;
  else if (error.kind == "MemoryError") t = &MemoryError_type;  // a width past kMaxTextResult
  return raise(ts, *t, error.message);
}

// format() of an instance of a str/int/float subclass without a __format__ of its own: an empty spec gives
// str(v) (honouring a __str__ override), any other formats the base value (errors name the subclass).
static Value format_builtin_subclass(ThreadState& ts, Value v, std::string_view spec) {
  if (spec.empty()) return py_str(ts, v);
  std::string_view name = type_name(v);
  text::TextResult<std::string> r = is_str(v)   ? text::format_str(as_str(v)->view(), spec, name)
                                    : !is_int(v) ? text::format_float(float_value(v), spec, name)
                                                 : text::format_int(to_bigint(v), spec, name);
  if (!r.ok()) return raise_text_error(ts, r.error());
  return Value(make_str(ts, r.value()));
}

// format(v, spec): exact str, int, bool and float are formatted natively; other objects through their
// __format__, whose result must be a str; object's default accepts only an empty spec.
Value py_format(ThreadState& ts, Value v, Value spec) {
  std::string_view s = spec ? as_str(spec)->view() : std::string_view{};
  Type* t = type_of(v);
  if (t == &str_type) {
    if (s.empty()) return v;
    auto r = text::format_str(as_str(v)->view(), s);
    if (!r.ok()) return raise_text_error(ts, r.error());
    if (r.value() == as_str(v)->view()) return v;  // nothing padded or cut: CPython hands back the str itself
    return Value(make_str(ts, r.value()));
  }
  if (v.is_small_int() || t == &int_type || t == &bool_type) {
    if (s.empty()) return py_str(ts, v);
    int64_t small;
    auto r = int_to_int64(v, &small) ? text::format_int(small, s, t->name->view())
                                     : text::format_int(to_bigint(v), s, t->name->view());
    if (!r.ok()) return raise_text_error(ts, r.error());
    return Value(make_str(ts, r.value()));
  }
  if (t == &float_type) {
    if (s.empty()) return py_str(ts, v);
    auto r = text::format_float(float_value(v), s);
    if (!r.ok()) return raise_text_error(ts, r.error());
    return Value(make_str(ts, r.value()));
  }
  Value method = type_lookup(t, ts.interp->names.format);
  // A __format__ written in Python, or a builtin type's own (complex's). object's default and those of str,
  // int and float (which come back here) are handled below.
  constexpr uint32_t kFormattedHere = kTypeStrSubclass | kTypeIntSubclass | kTypeFloatSubclass;
  Type* owner = method && type_of(method) == &method_descriptor_type
                    ? static_cast<MethodDescriptorObject*>(method.as_object())->owner
                    : nullptr;
  bool own_native = owner && owner != &object_type && !(owner->flags & kFormattedHere);
  if (method && (type_of(method) == &function_type || own_native)) {
    Value args[2] = {v, spec ? spec : Value(ts.interp->names.empty)};
    Value r = call(ts, method, args);
    if (r && !is_str(r))
      return raise_fmt(ts, TypeError_type, "__format__ must return a str, not {}", type_name(r));
    return r;
  }
  if (t->flags & kFormattedHere) return format_builtin_subclass(ts, v, s);
  if (!s.empty())
    return raise_fmt(ts, TypeError_type, "unsupported format string passed to {}.__format__", type_name(v));
  return py_str(ts, v);
}

// bool(v): 1, 0, or -1 with the exception pending. __bool__ (the truth slot) first, then __len__, else true,
// as PyObject_IsTrue.
int py_truth(ThreadState& ts, Value v) {
  if (v == True()) return 1;
  if (v == False() || v == None()) return 0;
  if (v.is_small_int()) return v.as_small_int() != 0;
  Type* t = type_of(v);
  if (t->truth) return t->truth(ts, v);
  if (t->length) {
    int64_t n = t->length(ts, v);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

// hash(v) into *out. Small ints use Python's numeric hash (modulo 2**61 - 1, keeping the sign) inline; a type
// whose hash slot is null (__hash__ = None) is unhashable.
bool py_hash(ThreadState& ts, Value v, int64_t* out) {
  if (v.is_small_int()) {
    int64_t x = v.as_small_int();
    constexpr int64_t kMod = (int64_t{1} << 61) - 1;
    int64_t m = (x < 0 ? -x : x) % kMod;
    int64_t h = x < 0 ? -m : m;
    *out = h == -1 ? -2 : h;
    return true;
  }
  Type* t = type_of(v);
  if (!t->hash) {
    raise_fmt(ts, TypeError_type, "unhashable type: '{}'", type_name_of(t));
    return false;
  }
  return t->hash(ts, v, out);
}

#define UNARY(fn, slot, symbol)                                                                          \
  Value fn(ThreadState& ts, Value v) {                                                                   \
    Type* t = type_of(v);                                                                                \
    if (t->slot) return t->slot(ts, v);                                                                  \
    return raise_fmt(ts, TypeError_type, "bad operand type for unary " symbol ": '{}'", type_name_of(t)); \
  }
UNARY(unary_negative, negative, "-")
UNARY(unary_positive, positive, "+")
UNARY(unary_invert, invert, "~")

Value py_abs(ThreadState& ts, Value v) {
  Type* t = type_of(v);
  if (t->absolute) return t->absolute(ts, v);
  return raise_fmt(ts, TypeError_type, "bad operand type for abs(): '{}'", type_name_of(t));
}

// pow(a, b, mod): without a modulus it is `a ** b`; with one, CPython's ternary_op: the power slots of a and b in
// binary_op's order (b's first when its type is a subclass of a's), then the modulus's if it is another slot.
// A float's slot refuses any modulus, a complex's says "complex modulo".
Value py_pow3(ThreadState& ts, Value a, Value b, Value mod) {
  if (!mod || is_none(mod)) return binary_op(ts, a, b, kOpPow);
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  TernarySlot slota = ta->power3;
  TernarySlot slotb = tb != ta ? tb->power3 : nullptr;
  if (slotb == slota) slotb = nullptr;
  if (slota) {
    if (slotb && is_subtype(tb, ta)) {
      Value x = slotb(ts, a, b, mod);
      if (x != NotImplemented()) return x;
      slotb = nullptr;
    }
    Value x = slota(ts, a, b, mod);
    if (x != NotImplemented()) return x;
  }
  if (slotb) {
    Value x = slotb(ts, a, b, mod);
    if (x != NotImplemented()) return x;
  }
  TernarySlot slotm = type_of(mod)->power3;
  if (slotm && slotm != slota && slotm != slotb) {
    Value x = slotm(ts, a, b, mod);
    if (x != NotImplemented()) return x;
  }
  return raise_fmt(ts, TypeError_type, "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'", type_name(a),
                   type_name(b), type_name(mod));
}

Value get_attr(ThreadState& ts, Value obj, StrObject* name) {
  Type* t = type_of(obj);
  return t->getattr(ts, obj, name);
}

// (Declared in runtime.h.) For hasattr-like callers: a missing attribute is a null without exception, any
// other error stays pending.
Value get_attr_optional(ThreadState& ts, Value obj, StrObject* name) {
  Type* t = type_of(obj);
  // suppress covers a missing attribute; a descriptor's getter may still raise AttributeError.
  Value v = t->getattr == object_type.getattr ? generic_getattr(ts, obj, name, true) : t->getattr(ts, obj, name);
  if (!v && exception_matches(ts.current_exception, &AttributeError_type)) ts.current_exception = Value();
  return v;
}

bool set_attr(ThreadState& ts, Value obj, StrObject* name, Value value) {
  Type* t = type_of(obj);
  if (!t->setattr) {
    raise_fmt(ts, AttributeError_type, "'{}' object has no attribute '{}'", type_name_of(t), name->view());
    return false;
  }
  return t->setattr(ts, obj, name, value);
}

// LOAD_METHOD's lookup: when the class attribute is a plain function-like descriptor and the instance does not
// shadow it, the unbound function is returned with *unbound set, so the call passes obj as self without
// creating a bound method object. Anything else is an ordinary attribute lookup.
bool get_method(ThreadState& ts, Value obj, StrObject* name, Value* method, bool* unbound) {
  Type* t = type_of(obj);
  if (t->getattr == object_type.getattr) {
    Value attr = type_lookup(t, name);
    if (attr && is_unbound_method_like(attr)) {
      bool shadowed = false;
      if (DictObject** d = instance_dict_slot(obj)) shadowed = *d && dict_get_str(*d, name);
      if (obj.is_object() && in_values_mode(obj.as_object())) shadowed = values_shadow(obj.as_object(), name);
      if (!shadowed) {
        *method = attr;
        *unbound = true;
        return true;
      }
    }
  }
  *unbound = false;
  *method = get_attr(ts, obj, name);
  return bool(*method);
}

// obj[key]. Subscripting a class calls its __class_getitem__ (PEP 560: list[int]); a metaclass __getitem__
// would have been found as the getitem slot first.
Value get_item(ThreadState& ts, Value container, Value key) {
  Type* t = type_of(container);
  if (t->getitem) return t->getitem(ts, container, key);
  if (is_type(container)) {
    Value cgi = type_lookup(as_type(container), intern(ts, "__class_getitem__"));
    if (cgi) {
      // Bound to the subscripted class itself (a classmethod of a base binds to the subclass).
      if (DescrGetSlot get = type_of(cgi)->descr_get) cgi = get(ts, cgi, Value(), container);
      if (!cgi) return cgi;
      return call(ts, cgi, std::span<const Value>(&key, 1));
    }
    return raise_fmt(ts, TypeError_type, "type '{}' is not subscriptable", as_type(container)->name->view());
  }
  return raise_fmt(ts, TypeError_type, "'{}' object is not subscriptable", type_name_of(t));
}

bool set_item(ThreadState& ts, Value container, Value key, Value value) {
  Type* t = type_of(container);
  if (t->setitem) return t->setitem(ts, container, key, value);
  raise_fmt(ts, TypeError_type, "'{}' object does not support item assignment", type_name_of(t));
  return false;
}

// Without a deletion slot CPython words the error by the path it took: an index into a type with sequence methods
// (every Python class, and builtins such as str or frozenset) fails in PySequence_DelItem ("doesn't"), anything
// else in PyObject_DelItem itself ("does not").
bool del_item(ThreadState& ts, Value container, Value key) {
  Type* t = type_of(container);
  if (t->setitem) return t->setitem(ts, container, key, Value());
  bool sequence_path = ((t->flags & kTypeHeap) || t->contains) && is_index_like(key);
  raise_fmt(ts, TypeError_type, "'{}' object {} support item deletion", type_name_of(t),
            sequence_path ? "doesn't" : "does not");
  return false;
}

// `item in container`: __contains__, else a linear search of the iteration (PySequence_Contains's fallback).
int contains(ThreadState& ts, Value container, Value item) {
  Type* t = type_of(container);
  if (t->contains) return t->contains(ts, container, item);
  if (!t->iter && !t->getitem) {
    raise_fmt(ts, TypeError_type, "argument of type '{}' is not iterable", type_name_of(t));
    return -1;
  }
  Value it = get_iter(ts, container);
  if (!it) return -1;
  for (;;) {
    Value v = iter_next(ts, it);
    if (!v) return ts.current_exception ? -1 : 0;
    int eq = rich_compare_bool(ts, v, item, kEq);
    if (eq) return eq;
  }
}

int64_t py_len(ThreadState& ts, Value v) {
  Type* t = type_of(v);
  if (t->length) return t->length(ts, v);
  raise_fmt(ts, TypeError_type, "object of type '{}' has no len()", type_name_of(t));
  return -1;
}

// iter(v): __iter__ (whose result must be an iterator), else the old sequence protocol through __getitem__
// (not for dict subclasses, whose __getitem__ is not positional).
Value get_iter(ThreadState& ts, Value v) {
  Type* t = type_of(v);
  if (t->iter) {
    Value it = t->iter(ts, v);
    if (it && !type_of(it)->iternext)
      return raise_fmt(ts, TypeError_type, "iter() returned non-iterator of type '{}'", type_name(it));
    return it;
  }
  if (t->getitem && !is_dict(v)) {
    auto* it = ts.alloc<SeqIterObject>(&iterator_type);
    it->seq = v;
    return Value(it);
  }
  return raise_fmt(ts, TypeError_type, "'{}' object is not iterable", type_name_of(t));
}

Value iter_next(ThreadState& ts, Value iterator) {
  Type* t = type_of(iterator);
  if (!t->iternext) return raise_fmt(ts, TypeError_type, "'{}' object is not an iterator", type_name_of(t));
  Value v = t->iternext(ts, iterator);
  // As PyIter_Next: StopIteration (a generator's return value) is plain exhaustion for callers.
  if (!v && exception_matches(ts.current_exception, &StopIteration_type)) ts.current_exception = Value();
  return v;
}

Value call(ThreadState& ts, Value callable, std::span<const Value> args, TupleObject* kwnames) {
  Type* t = type_of(callable);
  if (!t->call) return raise_fmt(ts, TypeError_type, "'{}' object is not callable", type_name_of(t));
  // CPython counts a recursion level for a call only on its tp_call path (_PyObject_MakeTpCall); vectorcall
  // objects (Python functions, methods bound to them, builtin functions and method descriptors) count nothing
  // themselves, and only the Python frame a call starts counts (resume_frame_loop here). So a recursion through
  // map() or exec() goes as deep as CPython's. The native stack stays guarded: resume_frame_loop checks it.
  // Builtin (static) types are vectorcall objects too; a class (heap type) goes through type_call and counts.
  bool vectorcall_like = t == &function_type || t == &bound_method_type || t == &native_function_type ||
                         t == &method_descriptor_type ||
                         (t == &type_type && !(static_cast<Type*>(callable.as_object())->flags & kTypeHeap));
  if (vectorcall_like)
    return catching_bad_alloc(ts, [&] { return t->call(ts, callable, args, kwnames); });
  if (!ts.enter_recursion())
    return raise(ts, RecursionError_type, "maximum recursion depth exceeded while calling a Python object");
  Value r = catching_bad_alloc(ts, [&] { return t->call(ts, callable, args, kwnames); });
  ts.recursion_depth--;
  return r;
}

// "module.qualname" for messages, without the module for builtins (CPython's _PyObject_FunctionStr).
std::string qualified_name(Value module, std::string_view qualname) {
  if (module && is_str(module) && as_str(module)->view() != "builtins")
    return fmt::format("{}.{}", as_str(module)->view(), qualname);
  return std::string(qualname);
}

// "f()" / "mod.C.f()" naming a callable in argument errors ("f() got multiple values ..."), leaving any
// pending exception as it was; objects without __qualname__ are described by str().
std::string function_description(ThreadState& ts, Value func) {
  Value saved = ts.current_exception;
  Value qualname = get_attr_optional(ts, func, ts.interp->names.qualname);
  Value module = qualname && is_str(qualname) ? get_attr_optional(ts, func, ts.interp->names.module) : Value();
  std::string out;
  if (!qualname || !is_str(qualname)) {
    ts.current_exception = Value();
    Value s = py_str(ts, func);
    out = s ? std::string(as_str(s)->view()) : std::string(type_name(func));
  } else {
    out = qualified_name(module, as_str(qualname)->view()) + "()";
  }
  ts.current_exception = saved;
  return out;
}

// obj.name(*args) without materialising a bound method when get_method can avoid it.
Value call_method(ThreadState& ts, Value obj, StrObject* name, std::span<const Value> args) {
  Value method;
  bool unbound;
  if (!get_method(ts, obj, name, &method, &unbound)) return Value();
  if (!unbound) return call(ts, method, args);
  std::vector<Value> all;
  all.reserve(args.size() + 1);
  all.push_back(obj);
  all.insert(all.end(), args.begin(), args.end());
  return call(ts, method, all);
}


namespace {

// isinstance()/issubclass() as CPython's abstract.c: exact types answer from the MRO; other classes may answer
// through their metaclass's __instancecheck__/__subclasscheck__; objects that are not types count as classes
// when they have a tuple __bases__ (the "abstract class" protocol proxies use).

// cls.__bases__ when it is a tuple, else null (with an exception pending only on a real error).
TupleObject* abstract_bases(ThreadState& ts, Value cls) {
  Value bases = get_attr_optional(ts, cls, ts.interp->names.bases);
  if (!bases || !is_tuple(bases)) return nullptr;
  return static_cast<TupleObject*>(bases.as_object());
}

bool check_class(ThreadState& ts, Value cls, const char* message) {
  if (abstract_bases(ts, cls)) return true;
  if (!ts.current_exception) raise(ts, TypeError_type, message);
  return false;
}

// Whether `cls` is `derived` or among its __bases__, recursively: 1, 0, or -1 with an exception pending.
int abstract_issubclass(ThreadState& ts, Value derived, Value cls) {
  for (;;) {
    if (derived == cls) return 1;
    TupleObject* bases = abstract_bases(ts, derived);
    if (!bases) return ts.current_exception ? -1 : 0;
    if (bases->size != 1) {
      if (!ts.enter_recursion()) {
        raise(ts, RecursionError_type, "maximum recursion depth exceeded in __subclasscheck__");
        return -1;
      }
      int r = 0;
      for (int64_t i = 0; i < bases->size && r == 0; i++) r = abstract_issubclass(ts, bases->items[i], cls);
      ts.recursion_depth--;
      return r;
    }
    derived = bases->items[0];
  }
}

// The class an instance claims through __class__ when that can differ from its type (a heap type may define
// __class__ or __getattribute__); null otherwise.
Value claimed_class(ThreadState& ts, Value inst) {
  Type* t = type_of(inst);
  if (!(t->flags & kTypeHeap)) return Value();
  StrObject* name = ts.interp->names.class_;
  if (t->getattr == object_type.getattr && type_lookup(t, name) == dict_get_str(object_type.dict, name))
    return Value();
  Value c = get_attr_optional(ts, inst, name);
  return c == Value(t) ? Value() : c;
}

// The lookup of a special method on cls's metaclass, bound to cls (CPython's _PyObject_LookupSpecial).
Value lookup_special(ThreadState& ts, Value obj, StrObject* name) {
  Value attr = type_lookup(type_of(obj), name);
  if (!attr) return Value();
  if (DescrGetSlot get = type_of(attr)->descr_get) return get(ts, attr, obj, Value(type_of(obj)));
  return attr;
}

// Runs a __instancecheck__/__subclasscheck__ found on cls's metaclass: 1, 0, -1 (error), or 2 when cls's
// metaclass is plain `type` (whose checks are the real ones).
int run_checker(ThreadState& ts, Value cls, StrObject* name, Value arg) {
  if (type_of(cls) == &type_type) return 2;
  Value checker = lookup_special(ts, cls, name);
  if (!checker) return ts.current_exception ? -1 : 2;
  if (!ts.enter_recursion()) {
    raise_fmt(ts, RecursionError_type, "maximum recursion depth exceeded in {}", name->view());
    return -1;
  }
  Value r = call(ts, checker, std::span<const Value>(&arg, 1));
  ts.recursion_depth--;
  return r ? py_truth(ts, r) : -1;
}

}  // namespace

// recursive_isinstance: for a real class, the type's MRO, then a differing __class__ the instance claims
// (proxies such as unittest.mock's); for other objects the abstract __bases__ protocol on inst.__class__.
int real_isinstance(ThreadState& ts, Value inst, Value cls) {
  if (is_type(cls)) {
    if (is_subtype(type_of(inst), as_type(cls))) return 1;
    Value c = claimed_class(ts, inst);
    if (!c) return ts.current_exception ? -1 : 0;
    return is_type(c) && is_subtype(as_type(c), as_type(cls));
  }
  if (!check_class(ts, cls, "isinstance() arg 2 must be a type, a tuple of types, or a union")) return -1;
  Value c = get_attr_optional(ts, inst, ts.interp->names.class_);
  if (!c) return ts.current_exception ? -1 : 0;
  return abstract_issubclass(ts, c, cls);
}

// recursive_issubclass: both real classes compare by MRO; otherwise both sides must pass the abstract class
// check (a union on the right is accepted as a class).
int real_issubclass(ThreadState& ts, Value derived, Value cls) {
  if (is_type(cls) && is_type(derived)) return is_subtype(as_type(derived), as_type(cls));
  if (!check_class(ts, derived, "issubclass() arg 1 must be a class")) return -1;
  if (!union_members(cls) &&
      !check_class(ts, cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union"))
    return -1;
  return abstract_issubclass(ts, derived, cls);
}

namespace {
// The part isinstance and issubclass share: unions and tuples checked member by member, then the metaclass's
// hook, then the real check.
bool check_class_protocol(ThreadState& ts, Value subject, Value cls, int* result, bool instance) {
  if (TupleObject* members = union_members(cls)) cls = Value(members);
  if (is_tuple(cls)) {
    for (Value c : static_cast<TupleObject*>(cls.as_object())->span()) {
      if (!(instance ? is_instance(ts, subject, c, result) : is_subclass(ts, subject, c, result))) return false;
      if (*result) return true;
    }
    *result = 0;
    return true;
  }
  int r = run_checker(ts, cls, intern(ts, instance ? "__instancecheck__" : "__subclasscheck__"), subject);
  if (r == 2) r = instance ? real_isinstance(ts, subject, cls) : real_issubclass(ts, subject, cls);
  *result = r;
  return r >= 0;
}
}  // namespace

// isinstance(v, cls) into *result; false with the exception pending. type(v) is cls answers at once, and
// classes whose metaclass is exactly `type` skip the __instancecheck__ lookup, as PyObject_IsInstance does.
bool is_instance(ThreadState& ts, Value v, Value cls, int* result) {
  if (cls == Value(type_of(v))) {
    *result = 1;
    return true;
  }
  if (cls.is_object() && cls.as_object()->type == &type_type) {
    *result = real_isinstance(ts, v, cls);
    return *result >= 0;
  }
  return check_class_protocol(ts, v, cls, result, true);
}

bool is_subclass(ThreadState& ts, Value derived, Value cls, int* result) {
  if (cls.is_object() && cls.as_object()->type == &type_type) {
    *result = derived == cls ? 1 : real_issubclass(ts, derived, cls);
    return *result >= 0;
  }
  return check_class_protocol(ts, derived, cls, result, false);
}

bool no_keywords(ThreadState& ts, const char* name, TupleObject* kwnames) {
  if (!kwnames || kwnames->size == 0) return true;
  raise_fmt(ts, TypeError_type, "{}() takes no keyword arguments", name);
  return false;
}

// For builtins that take positional arguments only: no keywords, and min <= count <= max, with CPython's
// messages for the usual shapes.
bool check_positional_args(ThreadState& ts, const char* name, std::span<const Value> args, TupleObject* kwnames,
                           size_t min, size_t max) {
  return no_keywords(ts, name, kwnames) && check_arg_count(ts, name, args.size(), min, max);
}

bool check_arg_count(ThreadState& ts, const char* name, size_t got, size_t min, size_t max) {
  if (got >= min && got <= max) return true;
  if (min == max) {
    if (min == 0) raise_fmt(ts, TypeError_type, "{}() takes no arguments ({} given)", name, got);
    else if (min == 1) raise_fmt(ts, TypeError_type, "{}() takes exactly one argument ({} given)", name, got);
    else raise_fmt(ts, TypeError_type, "{} expected {} arguments, got {}", name, min, got);
  } else if (got < min) {
    raise_fmt(ts, TypeError_type, "{} expected at least {} argument{}, got {}", name, min, min == 1 ? "" : "s", got);
  } else {
    raise_fmt(ts, TypeError_type, "{} expected at most {} argument{}, got {}", name, max, max == 1 ? "" : "s", got);
  }
  return false;
}

// The value passed as keyword `name`, or null. Keyword values are the last len(kwnames) entries of args.
Value keyword_arg(ThreadState&, std::span<const Value> args, TupleObject* kwnames, std::string_view name) {
  if (!kwnames) return Value();
  size_t base = args.size() - static_cast<size_t>(kwnames->size);
  for (int64_t i = 0; i < kwnames->size; i++)
    if (as_str(kwnames->items[i])->view() == name) return args[base + static_cast<size_t>(i)];
  return Value();
}

}  // namespace minipy
