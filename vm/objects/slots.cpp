// Slots of classes defined in Python: each one looks the dunder method up on the instance's type and calls it,
// as CPython's typeobject.c slot_* functions do. A heap type gets such a slot only when a class in its MRO
// defines the dunder in Python; otherwise it keeps its builtin base's slot, so presence tests (callable(),
// hash(), iteration) answer as CPython does.
#include <array>
#include <utility>
#include <vector>

#include "compiler/opcodes.h"
#include "vm/objects/heap_type.h"
#include "vm/objects/slot_table.h"

namespace minipy {

namespace {


// The attribute `name` of the first class in `t`'s MRO that has it, if that class was defined in Python.
// A builtin class earlier in the MRO that defines the name wins and the result is null: the caller then falls back to
// the builtin base's own slot, which is that very method's native implementation.
Value heap_lookup(Type* t, StrObject* name) {
  for (Value c : t->mro->span()) {
    Type* ct = as_type(c);
    if (Value v = dict_get_str(ct->dict, name)) return (ct->flags & kTypeHeap) ? v : Value();
  }
  return Value();
}

// Calls the special method `attr` (found on self's type) with self first, binding it as attribute access would.
Value call_special(ThreadState& ts, Value self, Value attr, std::span<const Value> args, TupleObject* kwnames = nullptr) {
  Type* at = type_of(attr);
  // Plain functions (the common case) are called with self prepended, skipping the bound-method object that descr_get
  // would create, as CPython's vectorcall_method does.
  if (at == &function_type) return call_with_self(ts, attr, self, args, kwnames);
  Value bound = attr;
  if (at->descr_get) {
    bound = at->descr_get(ts, attr, self, Value(type_of(self)));
    if (!bound) return bound;
  }
  return call(ts, bound, args, kwnames);
}

Value call_special0(ThreadState& ts, Value self, StrObject* name) {
  Value attr = heap_lookup(type_of(self), name);
  if (!attr) return raise_attribute_error(ts, self, name, std::string(name->view()));
  return call_special(ts, self, attr, {});
}
Value call_special1(ThreadState& ts, Value self, StrObject* name, Value arg) {
  Value attr = heap_lookup(type_of(self), name);
  if (!attr) return raise_attribute_error(ts, self, name, std::string(name->view()));
  return call_special(ts, self, attr, std::span<const Value>(&arg, 1));
}

Names& names(ThreadState& ts) { return ts.interp->names; }

// ---- object protocol ----------------------------------------------------------------------------------------

// __del__, run once per object (PEP 442) when the collector finds it unreachable; errors are unraisable.
// The finalized flag is set before __del__ runs, so an object resurrected by its own __del__ is never finalized a
// second time.
void slot_del(ThreadState& ts, Object* self) {
  self->gc_flags |= kGcFinalized;
  Value del = heap_lookup(self->type, intern(ts, "__del__"));
  if (!del) return;
  if (!call_special(ts, Value(self), del, {})) write_unraisable(ts, del);
}
Value slot_repr(ThreadState& ts, Value self) { return call_special0(ts, self, names(ts).repr); }
Value slot_str(ThreadState& ts, Value self) { return call_special0(ts, self, names(ts).str); }

bool slot_hash(ThreadState& ts, Value self, int64_t* out) {
  Value r = call_special0(ts, self, names(ts).hash);
  if (!r) return false;
  if (!is_int(r)) {
    raise(ts, TypeError_type, "__hash__ method should return an integer");
    return false;
  }
  int64_t h;
  if (int_to_int64(r, &h)) {
    // A __hash__ returning -1 is reported as -2 (-1 means "error" to CPython's hash functions); a huge int is reduced
    // with int's own hash, as slot_tp_hash does.
    *out = h == -1 ? -2 : h;
    return true;
  }
  return py_hash(ts, r, out);
}

StrObject* compare_name(ThreadState& ts, int op) {
  Names& n = names(ts);
  StrObject* table[6] = {n.lt, n.le, n.eq, n.ne, n.gt, n.ge};
  return table[op];
}

Value slot_richcompare(ThreadState& ts, Value self, Value other, int op) {
  Type* t = type_of(self);
  Value attr = heap_lookup(t, compare_name(ts, op));
  if (attr) return call_special(ts, self, attr, std::span<const Value>(&other, 1));
  // object.__ne__ inverts __eq__ unless that is NotImplemented; a builtin base's own __ne__ (int's, str's, ...)
  // comes first in the MRO and compares the base values instead.
  CompareSlot base = static_base(t)->richcompare;
  if (op == kNe && base == object_type.richcompare && heap_lookup(t, names(ts).eq)) {
    Value eq = slot_richcompare(ts, self, other, kEq);
    if (!eq || eq == NotImplemented()) return eq;
    int truth = py_truth(ts, eq);
    if (truth < 0) return Value();
    return Bool(!truth);
  }
  return base ? base(ts, self, other, op) : NotImplemented();
}

// __getattribute__ (or the base's lookup) first; __getattr__ only after an AttributeError from it, as
// slot_tp_getattr_hook does. Any other exception propagates untouched.
Value slot_getattr(ThreadState& ts, Value self, StrObject* name) {
  Type* t = type_of(self);
  Value name_value(name);
  std::span<const Value> name_arg(&name_value, 1);
  Value r;
  if (Value getattribute = heap_lookup(t, names(ts).getattribute)) r = call_special(ts, self, getattribute, name_arg);
  else r = static_base(t)->getattr(ts, self, name);
  if (r || !exception_matches(ts.current_exception, &AttributeError_type)) return r;
  Value fallback = heap_lookup(t, names(ts).getattr);
  if (fallback) {
    ts.current_exception = Value();
    r = call_special(ts, self, fallback, name_arg);
  }
  if (!r) add_attribute_error_context(ts, self, name);
  return r;
}

bool slot_setattr(ThreadState& ts, Value self, StrObject* name, Value value) {
  Type* t = type_of(self);
  Value attr = heap_lookup(t, value ? names(ts).setattr : names(ts).delattr);
  if (!attr) return static_base(t)->setattr(ts, self, name, value);
  Value args[2] = {Value(name), value};
  return bool(call_special(ts, self, attr, std::span<const Value>(args, value ? 2 : 1)));
}

Value slot_call(ThreadState& ts, Value callable, std::span<const Value> args, TupleObject* kwnames) {
  Value attr = heap_lookup(type_of(callable), names(ts).call);
  if (!attr) return raise_fmt(ts, TypeError_type, "'{}' object is not callable", type_name(callable));
  return call_special(ts, callable, attr, args, kwnames);
}

Value slot_iter(ThreadState& ts, Value self) {
  Value attr = heap_lookup(type_of(self), names(ts).iter);
  // `__iter__ = None` is the documented way to make a class explicitly non-iterable, even when it defines __getitem__.
  if (!attr || is_none(attr)) return raise_fmt(ts, TypeError_type, "'{}' object is not iterable", type_name(self));
  return call_special(ts, self, attr, {});
}

// The StopIteration __next__ raised stays pending (callers treat it as exhaustion): its value must reach next(),
// the iterator wrappers and `yield from`, as in CPython.
Value slot_iternext(ThreadState& ts, Value self) { return call_special0(ts, self, names(ts).next); }

// __get__(instance, owner) receives None for the instance when accessed through the class, as in CPython.
Value slot_descr_get(ThreadState& ts, Value descr, Value instance, Value owner) {
  Value args[2] = {instance ? instance : None(), owner ? owner : None()};
  Value attr = heap_lookup(type_of(descr), names(ts).get);
  if (!attr) return descr;
  return call_special(ts, descr, attr, args);
}

bool slot_descr_set(ThreadState& ts, Value descr, Value instance, Value value) {
  StrObject* name = value ? names(ts).set : names(ts).delete_;
  Value attr = heap_lookup(type_of(descr), name);
  if (!attr) {
    raise_attribute_error(ts, descr, name, std::string(name->view()));
    return false;
  }
  Value args[2] = {instance, value};
  return bool(call_special(ts, descr, attr, std::span<const Value>(args, value ? 2 : 1)));
}

Value slot_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  Value attr = heap_lookup(type, names(ts).new_);
  if (!attr) return static_base(type)->new_instance(ts, type, args, kwnames);
  Value fn = attr;
  if (type_of(attr) == &staticmethod_type) fn = static_cast<PropertyObject*>(attr.as_object())->fget;
  else if (DescrGetSlot get = type_of(attr)->descr_get) fn = get(ts, attr, Value(), Value(type));
  if (!fn) return fn;
  std::vector<Value> all;
  all.reserve(args.size() + 1);
  all.push_back(Value(type));
  all.insert(all.end(), args.begin(), args.end());
  return call(ts, fn, all, kwnames);
}

bool slot_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  Value attr = heap_lookup(type_of(self), names(ts).init);
  if (!attr) {
    InitSlot base = static_base(type_of(self))->init;
    return (base ? base : object_init)(ts, self, args, kwnames);
  }
  Value r = call_special(ts, self, attr, args, kwnames);
  if (!r) return false;
  if (!is_none(r)) {
    raise_fmt(ts, TypeError_type, "__init__() should return None, not '{}'", type_name(r));
    return false;
  }
  return true;
}

// ---- numbers ------------------------------------------------------------------------------------------------
// The slot table's dunders, and "__add__", "__radd__", "__iadd__" ... by operator, interned once per interpreter.
struct DunderNames {
  StrObject* rows[kSlotDunderCount];
  StrObject* binary[3][kBinaryOpCount];  // [kind][op], kind: 0 plain, 1 reflected, 2 in-place
};
const DunderNames& dunder_names(ThreadState& ts) {
  // Keyed by the interpreter and one of its interned names, so a later interpreter reusing the address of a
  // destroyed one does not see stale strings.
  static Interpreter* cached_for = nullptr;
  static StrObject* cached_marker = nullptr;
  static DunderNames cache;
  if (cached_for != ts.interp || cached_marker != ts.interp->names.init) {
    cached_marker = ts.interp->names.init;
    for (size_t i = 0; i < kSlotDunderCount; i++) cache.rows[i] = intern(ts, kSlotDunders[i].name);
    constexpr const char* kPrefixes[3] = {"", "r", "i"};
    for (int k = 0; k < 3; k++)
      for (int i = 0; i < kBinaryOpCount; i++)
        cache.binary[k][i] = intern(ts, fmt::format("__{}{}__", kPrefixes[k], kBinaryOpDunderStems[i]));
    cached_for = ts.interp;
  }
  return cache;
}
StrObject* binary_name(ThreadState& ts, int op, int kind) { return dunder_names(ts).binary[kind][op]; }
constexpr int kPlain = 0, kReflected = 1, kInplace = 2;

// self.__op__(other) (or the builtin base's slot when no Python class defines it); NotImplemented if neither.
// `slot_of` picks the operation's slot out of a type.
template <class SlotOf>
Value try_binary(ThreadState& ts, Value self, StrObject* name, Value other, SlotOf slot_of, bool reflected) {
  Type* t = type_of(self);
  if (Value attr = heap_lookup(t, name)) return call_special(ts, self, attr, std::span<const Value>(&other, 1));
  BinarySlot base = slot_of(static_base(t));
  if (!base) return NotImplemented();
  return reflected ? base(ts, other, self) : base(ts, self, other);
}

// Receives (left, right) where either may be the instance, like CPython's SLOT1BINFULL: the right operand's
// reflected method goes first when its type is a subclass overriding it. `generic` is the slot being run (a
// type whose slot is another one has no such dunder), `slot_of` picks the operation's slot out of a type.
template <class SlotOf>
Value binary_dunders(ThreadState& ts, Value a, Value b, StrObject* name, StrObject* rname, BinarySlot generic,
                     SlotOf slot_of) {
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  bool do_other = ta != tb && slot_of(tb) == generic;
  if (slot_of(ta) == generic) {
    if (do_other && is_subtype(tb, ta)) {
      Value mine = heap_lookup(tb, rname);
      if (mine && mine != heap_lookup(ta, rname)) {
        Value r = try_binary(ts, b, rname, a, slot_of, true);
        if (r != NotImplemented()) return r;
        do_other = false;
      }
    }
    Value r = try_binary(ts, a, name, b, slot_of, false);
    if (r != NotImplemented() || ta == tb) return r;
  }
  if (do_other) return try_binary(ts, b, rname, a, slot_of, true);
  return NotImplemented();
}

template <int op>
Value slot_binary(ThreadState& ts, Value a, Value b) {
  return binary_dunders(ts, a, b, binary_name(ts, op, kPlain), binary_name(ts, op, kReflected), &slot_binary<op>,
                        [](Type* t) { return t->binary[op]; });
}

template <int op>
Value slot_inplace(ThreadState& ts, Value a, Value b) {
  Type* t = type_of(a);
  if (Value attr = heap_lookup(t, binary_name(ts, op, kInplace)))
    return call_special(ts, a, attr, std::span<const Value>(&b, 1));
  BinarySlot base = static_base(t)->inplace[op];
  return base ? base(ts, a, b) : NotImplemented();
}

template <int... ops>
constexpr std::array<BinarySlot, sizeof...(ops)> binary_table(std::integer_sequence<int, ops...>) {
  return {&slot_binary<ops>...};
}
template <int... ops>
constexpr std::array<BinarySlot, sizeof...(ops)> inplace_table(std::integer_sequence<int, ops...>) {
  return {&slot_inplace<ops>...};
}
constexpr auto kBinarySlots = binary_table(std::make_integer_sequence<int, kBinaryOpCount>{});
constexpr auto kInplaceSlots = inplace_table(std::make_integer_sequence<int, kBinaryOpCount>{});

// pow(v, w, mod) on a class whose __pow__ or __rpow__ is Python code, CPython's slot_nb_power: a three-argument power
// never uses __rpow__, so only when v's own class has this slot is v.__pow__(w, mod) called (the builtin base's
// power when no Python class defines __pow__; AttributeError when there is none).
Value slot_power3(ThreadState& ts, Value v, Value w, Value mod) {
  Type* t = type_of(v);
  if (t->power3 != &slot_power3) return NotImplemented();
  StrObject* name = binary_name(ts, kOpPow, kPlain);
  if (Value attr = heap_lookup(t, name)) {
    Value args[2] = {w, mod};
    return call_special(ts, v, attr, args);
  }
  if (TernarySlot base = static_base(t)->power3) return base(ts, v, w, mod);
  return raise(ts, AttributeError_type, "__pow__");
}

Value slot_divmod(ThreadState& ts, Value a, Value b) {
  return binary_dunders(ts, a, b, intern(ts, "__divmod__"), intern(ts, "__rdivmod__"), &slot_divmod,
                        [](Type* t) { return t->divmod; });
}

Value slot_neg(ThreadState& ts, Value self) { return call_special0(ts, self, names(ts).neg); }
Value slot_pos(ThreadState& ts, Value self) { return call_special0(ts, self, names(ts).pos); }
Value slot_abs(ThreadState& ts, Value self) { return call_special0(ts, self, names(ts).abs); }
Value slot_invert(ThreadState& ts, Value self) { return call_special0(ts, self, names(ts).invert); }

int slot_truth(ThreadState& ts, Value self) {
  Value r = call_special0(ts, self, names(ts).bool_);
  if (!r) return -1;
  if (r == True()) return 1;
  if (r == False()) return 0;
  raise_fmt(ts, TypeError_type, "__bool__ should return bool, returned {}", type_name(r));
  return -1;
}

Value slot_int(ThreadState& ts, Value self) {
  Value r = call_special0(ts, self, names(ts).int_);
  if (r && !is_int(r)) return raise_fmt(ts, TypeError_type, "__int__ returned non-int (type {})", type_name(r));
  return r;
}
Value slot_float(ThreadState& ts, Value self) {
  Value r = call_special0(ts, self, names(ts).float_);
  if (r && !is_float(r)) return raise_fmt(ts, TypeError_type, "__float__ returned non-float (type {})", type_name(r));
  return r;
}
Value slot_index(ThreadState& ts, Value self) {
  Value r = call_special0(ts, self, names(ts).index);
  if (r && !is_int(r)) return raise_fmt(ts, TypeError_type, "__index__ returned non-int (type {})", type_name(r));
  return r;
}

// ---- containers -----------------------------------------------------------------------------------------------
int64_t slot_len(ThreadState& ts, Value self) {
  Value r = call_special0(ts, self, names(ts).len);
  if (!r) return -1;
  if (!is_int(r)) {
    raise_fmt(ts, TypeError_type, "'{}' object cannot be interpreted as an integer", type_name(r));
    return -1;
  }
  int64_t n;
  if (!int_to_int64(r, &n)) {
    raise(ts, OverflowError_type, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  if (n < 0) {
    raise(ts, ValueError_type, "__len__() should return >= 0");
    return -1;
  }
  return n;
}

Value slot_getitem(ThreadState& ts, Value self, Value key) { return call_special1(ts, self, names(ts).getitem, key); }

bool slot_setitem(ThreadState& ts, Value self, Value key, Value value) {
  Type* t = type_of(self);
  StrObject* name = value ? names(ts).setitem : names(ts).delitem;
  Value attr = heap_lookup(t, name);
  if (!attr) {
    if (SetItemSlot base = static_base(t)->setitem) return base(ts, self, key, value);
    // The class defines only the other half (__setitem__ without __delitem__, or the reverse): CPython's
    // slot_mp_ass_subscript looks the missing method up and fails with a bare AttributeError naming it.
    raise(ts, AttributeError_type, name->view());
    return false;
  }
  Value args[2] = {key, value};
  return bool(call_special(ts, self, attr, std::span<const Value>(args, value ? 2 : 1)));
}

int slot_contains(ThreadState& ts, Value self, Value item) {
  Value r = call_special1(ts, self, names(ts).contains, item);
  if (!r) return -1;
  return py_truth(ts, r);
}

}  // namespace

bool is_python_new(Type* t) { return t->new_instance == &slot_new; }

void update_heap_type_slots(ThreadState& ts, Type* t) {
  Type* solid = static_base(t);
  Names& n = names(ts);
  const DunderNames& dunders = dunder_names(ts);
  auto has = [&](StrObject* name) { return bool(heap_lookup(t, name)); };
  // Which (slot, operator) pairs have a dunder defined in Python on t's MRO, from one pass over the table: each
  // dunder is looked up once, not once per slot that asks (class creation at start-up runs this for every
  // struct sequence and stdlib class, and the per-slot scans of the table were most of its cost).
  constexpr int kKinds = static_cast<int>(Slot::kDel) + 1;
  bool defined[kKinds][kBinaryOpCount] = {};
  for (size_t i = 0; i < kSlotDunderCount; i++) {
    bool& seen = defined[static_cast<int>(kSlotDunders[i].slot)][kSlotDunders[i].op];
    if (!seen) seen = has(dunders.rows[i]);
  }
  // The generic slot when a class of t's MRO defined in Python has one of the dunders the table routes to
  // `kind` (`op`: which binary operator), else the builtin base's.
  auto pick = [&](auto& slot, auto generic, auto base, Slot kind, int op = 0) {
    slot = defined[static_cast<int>(kind)][op] ? generic : base;
  };
  pick(t->repr, &slot_repr, solid->repr, Slot::kRepr);
  // int and float print as their repr: a __repr__ override then changes str() too (their tp_str is object's).
  pick(t->str, &slot_str, solid->str == solid->repr ? t->repr : solid->str, Slot::kStr);
  pick(t->richcompare, &slot_richcompare, solid->richcompare, Slot::kRichCompare);
  // __hash__ = None makes a class unhashable: no hash slot at all, not the base's.
  Value hash = heap_lookup(t, n.hash);
  t->hash = !hash ? solid->hash : is_none(hash) ? nullptr : &slot_hash;
  pick(t->getattr, &slot_getattr, solid->getattr, Slot::kGetAttr);
  pick(t->setattr, &slot_setattr, solid->setattr, Slot::kSetAttr);
  pick(t->call, &slot_call, solid->call, Slot::kCall);
  pick(t->iter, &slot_iter, solid->iter, Slot::kIter);
  pick(t->iternext, &slot_iternext, solid->iternext, Slot::kNext);
  pick(t->descr_get, &slot_descr_get, solid->descr_get, Slot::kDescrGet);
  pick(t->descr_set, &slot_descr_set, solid->descr_set, Slot::kDescrSet);
  pick(t->new_instance, &slot_new, solid->new_instance, Slot::kNew);
  pick(t->init, &slot_init, solid->init ? solid->init : &object_init, Slot::kInit);
  for (int op = 0; op < kBinaryOpCount; op++) {
    pick(t->binary[op], kBinarySlots[op], solid->binary[op], Slot::kBinary, op);
    pick(t->inplace[op], kInplaceSlots[op], solid->inplace[op], Slot::kInplace, op);
  }
  pick(t->divmod, &slot_divmod, solid->divmod, Slot::kDivmod);
  t->power3 = t->binary[kOpPow] == kBinarySlots[kOpPow] ? &slot_power3 : solid->power3;
  pick(t->negative, &slot_neg, solid->negative, Slot::kNegative);
  pick(t->positive, &slot_pos, solid->positive, Slot::kPositive);
  pick(t->absolute, &slot_abs, solid->absolute, Slot::kAbsolute);
  pick(t->invert, &slot_invert, solid->invert, Slot::kInvert);
  // A class with __len__ and no __bool__ is truthy by its length: the truth slot goes, so bool() asks length.
  if (has(n.bool_)) t->truth = &slot_truth;
  else t->truth = has(n.len) ? nullptr : solid->truth;
  pick(t->to_int, &slot_int, solid->to_int, Slot::kToInt);
  pick(t->to_float, &slot_float, solid->to_float, Slot::kToFloat);
  pick(t->index, &slot_index, solid->index, Slot::kIndex);
  pick(t->length, &slot_len, solid->length, Slot::kLength);
  pick(t->getitem, &slot_getitem, solid->getitem, Slot::kGetItem);
  pick(t->setitem, &slot_setitem, solid->setitem, Slot::kSetItem);
  pick(t->contains, &slot_contains, solid->contains, Slot::kContains);
  pick(t->del, &slot_del, solid->del, Slot::kDel);
  if (t->del) ts.heap->note_finalizer_type();
}

bool is_python_init_slot(InitSlot slot) { return slot == &slot_init; }

BinarySlot sequence_slot(ThreadState& ts, Type* t, int op, bool reflected) {
  BinarySlot slot = op == kOpAdd ? t->concat : op == kOpMul ? t->repeat : nullptr;
  if (!slot || !(t->flags & kTypeHeap)) return slot;
  // CPython clears sq_concat (sq_repeat) of a class whose __add__ (__mul__ or __rmul__) is Python code. Its
  // number slot still calls the other of __mul__/__rmul__ through the MRO, reaching the builtin's wrapper —
  // which repeats — so only the dunder of the operand's own side decides here.
  return heap_lookup(t, binary_name(ts, op, reflected ? kReflected : kPlain)) ? nullptr : slot;
}

FunctionObject* python_binary_method(ThreadState& ts, Value a, Value b, int op) {
  if (!a.is_object() || !b.is_object()) return nullptr;
  Type* t = a.as_object()->type;
  // Same types: slot_binary tries no reflected method first and gives up after a NotImplemented.
  if (b.as_object()->type != t) return nullptr;
  if (op >= kBinaryOpCount) {
    // `a op= b` reaches the plain method only when no class of t's MRO (nor its builtin base) has the in-place one.
    op -= kBinaryOpCount;
    if (t->inplace[op] != kInplaceSlots[op] || heap_lookup(t, binary_name(ts, op, kInplace)) ||
        static_base(t)->inplace[op])
      return nullptr;
  }
  if (t->binary[op] != kBinarySlots[op]) return nullptr;
  // type_lookup answers from the method cache; a Python function can only live in a class defined in Python,
  // which is what slot_binary's heap_lookup would find.
  Value attr = type_lookup(t, binary_name(ts, op, kPlain));
  if (!attr.is_object() || attr.as_object()->type != &function_type) return nullptr;
  return static_cast<FunctionObject*>(attr.as_object());
}

bool keywords_refused(ThreadState& ts, Type* type, Type* base, const char* name, TupleObject* kwnames) {
  // A type without an init slot of its own runs object's (a heap subclass records that explicitly).
  InitSlot own = type->init ? type->init : &object_init, inherited = base->init ? base->init : &object_init;
  if (type != base && own != inherited) return false;
  return !no_keywords(ts, name, kwnames);
}

}  // namespace minipy
