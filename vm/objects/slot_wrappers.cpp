// The dunder methods of builtin types that stand for slots (int.__neg__, list.__getitem__, str.__mul__,
// set.__rand__, ...), as CPython's slotdefs table: one row per dunder names the slot and how its arguments are
// passed. A static type gets a method for every row whose slot it defines itself, so dir() and explicit calls
// (super().__setitem__(k, v), (1).__radd__(2.0)) behave as in CPython. Each method runs the slot of the
// receiver's nearest builtin type (the method descriptor has already checked the receiver's type).
#include <array>
#include <utility>

#include "vm/objects/heap_type.h"
#include "vm/objects/method_wrapper.h"
#include "vm/objects/slot_table.h"

namespace minipy {

namespace {

// kSlotDunders (vm/objects/slot_dunders.def) is the table: one row per dunder, naming its slot and how its
// arguments are passed.
constexpr const SlotRow (&kRows)[kSlotDunderCount] = kSlotDunders;

// The slot function `row` names in type `t` (null when `t` has none), type-erased for the presence test.
// Only the presence of a slot matters here; the typed accessors below fetch the function for calling, each for the
// shapes its Wrap kinds use.
const void* slot_of(const Type& t, const SlotRow& row) {
  switch (row.slot) {
    case Slot::kNegative: return reinterpret_cast<const void*>(t.negative);
    case Slot::kPositive: return reinterpret_cast<const void*>(t.positive);
    case Slot::kAbsolute: return reinterpret_cast<const void*>(t.absolute);
    case Slot::kInvert: return reinterpret_cast<const void*>(t.invert);
    case Slot::kToInt: return reinterpret_cast<const void*>(t.to_int);
    case Slot::kToFloat: return reinterpret_cast<const void*>(t.to_float);
    case Slot::kIndex: return reinterpret_cast<const void*>(t.index);
    case Slot::kTruth: return reinterpret_cast<const void*>(t.truth);
    case Slot::kBinary: return reinterpret_cast<const void*>(t.binary[row.op]);
    case Slot::kInplace: return reinterpret_cast<const void*>(t.inplace[row.op]);
    case Slot::kDivmod: return reinterpret_cast<const void*>(t.divmod);
    case Slot::kConcat: return reinterpret_cast<const void*>(t.concat);
    case Slot::kRepeat: return reinterpret_cast<const void*>(t.repeat);
    case Slot::kGetItem: return reinterpret_cast<const void*>(t.getitem);
    case Slot::kSetItem: return reinterpret_cast<const void*>(t.setitem);
    case Slot::kLength: return reinterpret_cast<const void*>(t.length);
    case Slot::kContains: return reinterpret_cast<const void*>(t.contains);
    case Slot::kIter: return reinterpret_cast<const void*>(t.iter);
    case Slot::kNext: return reinterpret_cast<const void*>(t.iternext);
    case Slot::kCall: return reinterpret_cast<const void*>(t.call);
    case Slot::kDescrGet: return reinterpret_cast<const void*>(t.descr_get);
    case Slot::kDescrSet: return reinterpret_cast<const void*>(t.descr_set);
    case Slot::kRepr: return reinterpret_cast<const void*>(t.repr);
    case Slot::kHash: return reinterpret_cast<const void*>(t.hash);
    case Slot::kInit: return reinterpret_cast<const void*>(t.init);
    default: return nullptr;  // the rows slots.cpp alone reads (Wrap::kNone)
  }
}

UnarySlot unary_slot(const Type& t, Slot slot) {
  switch (slot) {
    case Slot::kNegative: return t.negative;
    case Slot::kPositive: return t.positive;
    case Slot::kAbsolute: return t.absolute;
    case Slot::kInvert: return t.invert;
    case Slot::kToInt: return t.to_int;
    case Slot::kToFloat: return t.to_float;
    case Slot::kIndex: return t.index;
    case Slot::kIter: return t.iter;
    case Slot::kRepr: return t.repr;
    default: return nullptr;
  }
}

BinarySlot binary_slot(const Type& t, const SlotRow& row) {
  switch (row.slot) {
    case Slot::kBinary: return t.binary[row.op];
    case Slot::kInplace: return t.inplace[row.op];
    case Slot::kDivmod: return t.divmod;
    case Slot::kConcat: return t.concat;
    case Slot::kRepeat: return t.repeat;
    case Slot::kGetItem: return t.getitem;
    default: return nullptr;
  }
}

bool check_args(ThreadState& ts, const SlotRow& row, std::span<const Value> args, TupleObject* kwnames,
                size_t n) {
  return check_slot_wrapper_args(ts, row.name, args, kwnames, n);
}

// __pow__(other, mod=None) and __rpow__: two-argument power through the binary slot, three through power3.
Value call_power(ThreadState& ts, const Type& t, const SlotRow& row, Value self, std::span<const Value> args) {
  // The leading space is not a typo: CPython's wrap_ternaryfunc goes through PyArg_UnpackTuple with an empty function
  // name, so its messages begin with a blank.
  if (args.empty()) return raise(ts, TypeError_type, " expected at least 1 argument, got 0");
  if (args.size() > 2) return raise_fmt(ts, TypeError_type, " expected at most 2 arguments, got {}", args.size());
  bool reflected = row.wrap == Wrap::kPowRight;
  Value a = reflected ? args[0] : self, b = reflected ? self : args[0];
  if (args.size() == 1 || is_none(args[1])) return t.binary[kOpPow](ts, a, b);
  // A type without a three-argument power refuses a modulus with the message CPython's float_pow gives.
  if (!t.power3) return raise(ts, TypeError_type, "pow() 3rd argument not allowed unless all arguments are integers");
  return t.power3(ts, a, b, args[1]);
}

template <size_t I>
Value slot_wrapper(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  constexpr const SlotRow& row = kRows[I];
  // The slot of the nearest builtin base, never the receiver's own type: for a Python subclass that overrides __add__,
  // `int.__add__(x, 1)` must still run int's addition, not the override.
  const Type& t = *static_base(type_of(self));
  if (row.wrap == Wrap::kPowLeft || row.wrap == Wrap::kPowRight) {
    if (kwnames && kwnames->size)
      return raise_fmt(ts, TypeError_type, "wrapper {}() takes no keyword arguments", row.name);
    return call_power(ts, t, row, self, args);
  }
  switch (row.wrap) {
    case Wrap::kCall: return t.call(ts, self, args, kwnames);
    // A type without its own init slot inherits object's, which still checks the arguments (object_init's "takes
    // exactly one argument" rules).
    case Wrap::kInit: return (t.init ? t.init : object_init)(ts, self, args, kwnames) ? None() : Value();
    case Wrap::kUnary:
      if (!check_args(ts, row, args, kwnames, 0)) return Value();
      return unary_slot(t, row.slot)(ts, self);
    case Wrap::kInquiry: {
      if (!check_args(ts, row, args, kwnames, 0)) return Value();
      int r = t.truth(ts, self);
      return r < 0 ? Value() : Bool(r);
    }
    case Wrap::kLength: {
      if (!check_args(ts, row, args, kwnames, 0)) return Value();
      int64_t n = t.length(ts, self);
      return n < 0 ? Value() : make_int(ts, n);
    }
    case Wrap::kHash: {
      if (!check_args(ts, row, args, kwnames, 0)) return Value();
      int64_t h;
      return t.hash(ts, self, &h) ? make_int(ts, h) : Value();
    }
    case Wrap::kNext: {
      if (!check_args(ts, row, args, kwnames, 0)) return Value();
      Value v = t.iternext(ts, self);
      // The iternext slot signals exhaustion by returning null without an exception; __next__ called explicitly must
      // raise StopIteration instead.
      if (!v && !ts.current_exception) return raise_stop_iteration(ts, None());
      return v;
    }
    case Wrap::kLeft:
      if (!check_args(ts, row, args, kwnames, 1)) return Value();
      return binary_slot(t, row)(ts, self, args[0]);
    case Wrap::kRight:
      if (!check_args(ts, row, args, kwnames, 1)) return Value();
      return binary_slot(t, row)(ts, args[0], self);
    case Wrap::kContains: {
      if (!check_args(ts, row, args, kwnames, 1)) return Value();
      int r = t.contains(ts, self, args[0]);
      return r < 0 ? Value() : Bool(r);
    }
    case Wrap::kSetItem:
      if (!check_args(ts, row, args, kwnames, 2)) return Value();
      if (row.slot == Slot::kDescrSet) return t.descr_set(ts, self, args[0], args[1]) ? None() : Value();
      return t.setitem(ts, self, args[0], args[1]) ? None() : Value();
    case Wrap::kDelItem:
      if (!check_args(ts, row, args, kwnames, 1)) return Value();
      if (row.slot == Slot::kDescrSet) return t.descr_set(ts, self, args[0], Value()) ? None() : Value();
      return t.setitem(ts, self, args[0], Value()) ? None() : Value();
    case Wrap::kDescrGet: {
      if (kwnames && kwnames->size)
        return raise_fmt(ts, TypeError_type, "wrapper {}() takes no keyword arguments", row.name);
      if (args.empty()) return raise(ts, TypeError_type, " expected at least 1 argument, got 0");
      if (args.size() > 2)
        return raise_fmt(ts, TypeError_type, " expected at most 2 arguments, got {}", args.size());
      Value instance = is_none(args[0]) ? Value() : args[0];
      Value owner = args.size() < 2 || is_none(args[1]) ? Value() : args[1];
      // wrap_descr_get's rule: None for the instance means "accessed through the class", which needs an owner.
      if (!instance && !owner) return raise(ts, TypeError_type, "__get__(None, None) is invalid");
      return t.descr_get(ts, self, instance, owner);
    }
    default: return Value();
  }
}

// One function per row, instantiated at compile time, so each wrapper knows its row without a lookup and the method
// table is a constant array.
template <size_t... I>
constexpr std::array<MethodDef, sizeof...(I)> make_defs(std::index_sequence<I...>) {
  return {MethodDef{kRows[I].name, slot_wrapper<I>, kMethodSlotWrapper, kRows[I].doc}...};
}
constexpr auto kDefs = make_defs(std::make_index_sequence<std::size(kRows)>());

}  // namespace

// CPython's check_num_args: "expected N argument(s), got M"; keywords are refused by name.
bool check_slot_wrapper_args(ThreadState& ts, const char* name, std::span<const Value> args, TupleObject* kwnames,
                             size_t n) {
  if (kwnames && kwnames->size) {
    raise_fmt(ts, TypeError_type, "wrapper {}() takes no keyword arguments", name);
    return false;
  }
  if (args.size() == n) return true;
  raise_fmt(ts, TypeError_type, "expected {} argument{}, got {}", n, n == 1 ? "" : "s", args.size());
  return false;
}

namespace {

// The first row naming dunder `name` (the one slot_wrappers and object's hand-written methods stand for).
const SlotRow* row_named(std::string_view name) {
  for (const SlotRow& row : kRows)
    if (name == row.name) return &row;
  return nullptr;
}

}  // namespace

const char* slot_wrapper_doc(std::string_view name) {
  const SlotRow* row = row_named(name);
  return row && *row->doc ? row->doc : nullptr;
}

const char* slot_wrapper_signature(std::string_view name) {
  const SlotRow* row = row_named(name);
  return row && *row->signature ? row->signature : nullptr;
}

// Runs before static types inherit their bases' slots, so a non-null slot is the type's own.
// A name the type already defines by hand (a MethodDef with a richer signature, e.g. list.__getitem__ handling slices)
// is kept; the wrapper is only a default.
void add_slot_wrappers(ThreadState& ts, Type& t) {
  for (size_t i = 0; i < std::size(kRows); ++i) {
    if (kRows[i].wrap == Wrap::kNone || !slot_of(t, kRows[i]) || dict_get_str(t.dict, intern(ts, kRows[i].name))) continue;
    // Some types copy their base's init into their own slot (the exception hierarchy): ValueError has no
    // __init__ of its own in CPython, so `'__init__' in ValueError.__dict__` is false.
    if (kRows[i].slot == Slot::kInit && t.base && t.init == t.base->init) continue;
    add_methods(ts, t, std::span<const MethodDef>(&kDefs[i], 1));
  }
}

void add_init_wrapper(ThreadState& ts, Type& t) {
  for (size_t i = 0; i < std::size(kRows); ++i) {
    if (kRows[i].slot != Slot::kInit || dict_get_str(t.dict, intern(ts, kRows[i].name))) continue;
    add_methods(ts, t, std::span<const MethodDef>(&kDefs[i], 1));
  }
}

}  // namespace minipy
