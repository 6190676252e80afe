// The object model: the header every heap object starts with, and Type, whose slots (function pointers, as in
// CPython's PyTypeObject) give each type its behaviour. Builtin types fill slots with native functions; classes
// defined in Python get generic slots that look up dunder methods (vm/objects/slots.cpp).
//
// Error convention (see DEVELOPERS.md): a slot that can fail returns a null Value (or false) with the exception
// pending in ThreadState. NotImplemented is an ordinary value (the NotImplemented singleton).
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "vm/value.h"

namespace minipy {

struct ThreadState;
struct Type;
struct StrObject;
struct TupleObject;
struct DictObject;
class Tracer;

// Every object starts with this. Objects in the GC heap carry the collector's mark epoch; static objects
// (builtin types, None, True, False, ...) live outside the heap and are never freed.
struct Object {
  Type* type{};
  uint32_t gc_epoch{};  // == Heap's current epoch when marked in the running collection
  uint16_t gc_flags{};  // GcFlag bits
  // Bits owned by the object's own type (str: StrFlag). They live in the header's spare half-word so that a
  // str's characters start at offset 40: a word of up to 7 characters then fits a 48-byte slot.
  uint16_t kind_flags{};
};

enum GcFlag : uint32_t {
  kGcStatic = 1,     // not allocated by the Heap (never swept)
  kGcFinalized = 2,  // its `del` slot needs no call (already ran, PEP 442; or a generator not suspended)
  // 1u << 15 is the collector's own per-collection mark (kGcDelCandidate in vm/memory/heap.cpp)
};

// ---- slot signatures ------------------------------------------------------------------------------------------
// Positional arguments then keyword values; kwnames (nullptr when none) names the last len(kwnames) of args.
using CallSlot = Value (*)(ThreadState& ts, Value callable, std::span<const Value> args, TupleObject* kwnames);
using UnarySlot = Value (*)(ThreadState& ts, Value self);
using BinarySlot = Value (*)(ThreadState& ts, Value left, Value right);  // either side may be the instance
using TernarySlot = Value (*)(ThreadState& ts, Value a, Value b, Value c);
using InquirySlot = int (*)(ThreadState& ts, Value self);                // 1 true, 0 false, -1 error
using LenSlot = int64_t (*)(ThreadState& ts, Value self);                // -1 error
using HashSlot = bool (*)(ThreadState& ts, Value self, int64_t* hash);   // false: error
using CompareSlot = Value (*)(ThreadState& ts, Value left, Value right, int op);  // op: CompareOp
using GetAttrSlot = Value (*)(ThreadState& ts, Value self, StrObject* name);
using SetAttrSlot = bool (*)(ThreadState& ts, Value self, StrObject* name, Value value);  // null value: delete
using SetItemSlot = bool (*)(ThreadState& ts, Value self, Value key, Value value);        // null value: delete
using ContainsSlot = int (*)(ThreadState& ts, Value self, Value item);                    // 1, 0, -1 error
using DescrGetSlot = Value (*)(ThreadState& ts, Value descr, Value instance, Value owner);  // instance may be null
using DescrSetSlot = bool (*)(ThreadState& ts, Value descr, Value instance, Value value);  // null value: delete
using NewSlot = Value (*)(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames);
using InitSlot = bool (*)(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames);
// next(): a value, or null with no exception pending when exhausted, or null with an exception.
using IterNextSlot = Value (*)(ThreadState& ts, Value self);
using TraceSlot = void (*)(Object* self, Tracer& tracer);
using FinalizeSlot = void (*)(Object* self);  // releases memory the object owns outside the GC heap
// Runs Python-visible finalization (__del__, closing a generator) on an object found unreachable; reports its
// own errors as unraisable. Called at a safe point after the collection, never inside it.
using DelSlot = void (*)(ThreadState& ts, Object* self);

enum CompareOp : int { kLt = 0, kLe = 1, kEq = 2, kNe = 3, kGt = 4, kGe = 5 };

// The binary number slots, numbered as BINARY_OP's oparg (compiler/binary_ops.def).
enum BinaryOpIndex : int {
#define BINARY_OP(ast_name, oparg, slot, symbol, stem) slot = oparg,
#include "compiler/binary_ops.def"
  kBinaryOpCount = 13
};

enum TypeFlag : uint32_t {
  kTypeHeap = 1u << 0,          // created by a class statement or type(); attributes may change
  kTypeBaseType = 1u << 1,      // may be subclassed
  kTypeIntSubclass = 1u << 2,   // fast isinstance checks, as CPython's Py_TPFLAGS_*_SUBCLASS
  kTypeFloatSubclass = 1u << 3,
  kTypeStrSubclass = 1u << 4,
  kTypeTupleSubclass = 1u << 5,
  kTypeListSubclass = 1u << 6,
  kTypeDictSubclass = 1u << 7,
  kTypeTypeSubclass = 1u << 8,
  kTypeExceptionSubclass = 1u << 9,  // subclass of BaseException
  kTypeMethodDescriptor = 1u << 10,  // LOAD_METHOD may skip binding (like Py_TPFLAGS_METHOD_DESCRIPTOR)
  kTypeAbstractInstance = 1u << 11,  // cannot be instantiated directly
  kTypeImmutable = 1u << 12,         // builtin type: its attributes cannot be set
  kTypeDictAtEnd = 1u << 13,         // instances keep their attribute dict after their variable-size data
  kTypeHasSubclasses = 1u << 14,     // some heap type inherits from it (changes must reach their versions)
  kTypeInstanceValues = 1u << 15,    // instances may keep attributes in a values array (objects/instance_values.h)
};

struct SharedKeys;  // a class's attribute names for its instances' values arrays (objects/instance_values.h)

struct Type : Object {
  const char* c_name{};        // the builtin's name (static types), for messages before objects exist
  StrObject* name{};           // __name__
  StrObject* qualname{};       // __qualname__
  Value module{};              // __module__ (a str) for heap types
  Type* base{};                // __base__: the base whose layout instances share
  TupleObject* bases{};        // __bases__
  TupleObject* mro{};          // __mro__
  DictObject* dict{};          // __dict__
  Value doc{};
  uint32_t flags{};
  uint32_t instance_size{};    // bytes of a fixed-size instance
  uint32_t dict_offset{};      // offset of the instance's DictObject* field, 0 if instances have no __dict__
  uint32_t item_size{};        // variable-size objects (tuple, str): bytes per item, else 0
  uint64_t version{};          // changes whenever a lookup through this type could give another answer

  // Object protocol
  UnarySlot repr{};
  UnarySlot str{};
  HashSlot hash{};
  CompareSlot richcompare{};
  GetAttrSlot getattr{};
  SetAttrSlot setattr{};
  CallSlot call{};
  UnarySlot iter{};
  IterNextSlot iternext{};
  DescrGetSlot descr_get{};
  DescrSetSlot descr_set{};
  NewSlot new_instance{};
  InitSlot init{};
  // Numbers (binary slots take either operand order, as CPython's nb_* slots do)
  BinarySlot binary[kBinaryOpCount]{};
  BinarySlot inplace[kBinaryOpCount]{};
  BinarySlot divmod{};
  TernarySlot power3{};        // pow(a, b, mod)
  UnarySlot negative{}, positive{}, absolute{}, invert{};
  InquirySlot truth{};         // __bool__
  UnarySlot to_int{}, to_float{}, index{};
  // Containers
  LenSlot length{};
  BinarySlot getitem{};
  SetItemSlot setitem{};
  ContainsSlot contains{};
  BinarySlot concat{};         // sequence + sequence, tried after the number slots (sq_concat)
  BinarySlot repeat{};         // sequence * int (sq_repeat); receives (sequence, count) in that order
  // Memory
  TraceSlot trace{};
  FinalizeSlot finalize{};
  DelSlot del{};               // tp_finalize: objects of a type with one are resurrected once to run it
  // kTypeInstanceValues classes: the names their instances' values arrays hold (malloc'd on first use, freed
  // with the class), else nullptr.
  SharedKeys* shared_keys{};
};

inline Type* type_of(Value v);  // defined in vm/objects/core.h once the int type exists

}  // namespace minipy
