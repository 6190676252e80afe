// The layouts of the builtin object kinds and the builtin type objects. Behaviour lives in vm/objects/<kind>.cpp;
// this header is what the interpreter loop and the builtins need to reach into objects directly (fast paths).
//
// Ints: every int in the 63-bit range is an inline small int (value.h); IntObject holds only bigger ones, so a
// value's kind is decided by its tag or its type pointer alone.
#pragma once
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string_view>

#include "compiler/bigint.h"
#include "compiler/code_object.h"
#include "vm/interp/frame.h"
#include "vm/object.h"
#include "vm/interp/thread_state.h"
#include "vm/value.h"

namespace minipy {

// ---- builtin types ---------------------------------------------------------------------------------------------
// One X-macro lists them; each gets a static `Type <name>_type` (defined in vm/objects/types.cpp).
#define MINIPY_BUILTIN_TYPES(X)                                                                             \
  X(object) X(type) X(int) X(bool) X(float) X(str) X(bytes) X(tuple) X(list) X(dict) X(set) X(frozenset)  \
  X(range) X(slice) X(none) X(ellipsis) X(not_implemented) X(function) X(code) X(native_function)          \
  X(method_descriptor) X(bound_method) X(module) X(cell) X(traceback) X(generator)                        \
  X(list_iterator) X(list_reverseiterator) X(tuple_iterator) X(str_iterator) X(str_ascii_iterator) X(range_iterator)             \
  X(dict_keyiterator) X(dict_valueiterator) X(dict_itemiterator) X(dict_reversekeyiterator)              \
  X(dict_reversevalueiterator) X(dict_reverseitemiterator) X(dict_keys) X(dict_values) X(dict_items) \
  X(set_iterator) X(enumerate) X(zip) X(reversed) X(map) X(filter) X(iterator) X(callable_iterator) X(property)                 \
  X(staticmethod) X(classmethod) X(super) X(mappingproxy) X(coroutine) X(coroutine_wrapper) X(async_generator)  \
  X(async_generator_asend) X(async_generator_athrow) X(async_generator_wrapped_value)

#define X(name) extern Type name##_type;
MINIPY_BUILTIN_TYPES(X)
#undef X

// ---- singletons -------------------------------------------------------------------------------------------------
struct BoolObject : Object {
  int64_t value;
};
extern Object none_object, ellipsis_object, not_implemented_object;
extern BoolObject true_object, false_object;
inline Value None() { return Value(&none_object); }
inline Value True() { return Value(static_cast<Object*>(&true_object)); }
inline Value False() { return Value(static_cast<Object*>(&false_object)); }
inline Value Bool(bool b) { return b ? True() : False(); }
inline Value NotImplemented() { return Value(&not_implemented_object); }

inline Type* type_of(Value v) {
  if (v.is_small_int()) return &int_type;
  if (v.is_flonum()) return &float_type;
  return v.as_object()->type;
}
inline bool is_none(Value v) { return v == None(); }

// ---- numbers ----------------------------------------------------------------------------------------------------
struct IntObject : Object {
  BigInt value;  // outside the small-int range (for exact int); constructed in place, destroyed by finalize
};
struct FloatObject : Object {
  double value;
};

// ---- strings and bytes -------------------------------------------------------------------------------------------
enum StrFlag : uint16_t { kStrAscii = 1, kStrInterned = 2 };  // in Object::kind_flags
struct StrObject : Object {
  int64_t hash;      // -1 until computed
  int64_t length;    // in code points
  int64_t size;      // in UTF-8 bytes
  // `size` bytes and a NUL, allocated with the object (offsetof(StrObject, data) + size + 1). A flexible array
  // member (a GNU extension in C++ that g++ and clang share) so that -fsanitize=array-bounds sees the real extent.
  char data[];
  std::string_view view() const { return {data, static_cast<size_t>(size)}; }
  bool is_ascii() const { return kind_flags & kStrAscii; }
};
struct BytesObject : Object {
  int64_t hash;
  int64_t size;
  char data[];       // `size` bytes and a NUL, as StrObject's
  std::string_view view() const { return {data, static_cast<size_t>(size)}; }
};

// ---- containers --------------------------------------------------------------------------------------------------
struct TupleObject : Object {
  int64_t size;
  Value items[1];
  std::span<Value> span() { return {items, static_cast<size_t>(size)}; }
};
struct ListObject : Object {
  int64_t size;
  int64_t capacity;
  Value* items;  // malloc'd
  std::span<Value> span() { return {items, static_cast<size_t>(size)}; }
};

struct DictEntry {
  Value key;     // null: deleted
  Value value;
  int64_t hash;
};
struct DictObject : Object {
  int64_t used;        // live entries
  int64_t nentries;    // entries[0..nentries) in use (live or deleted)
  int64_t capacity;    // entries allocated
  DictEntry* entries;  // malloc'd, insertion order
  int32_t* index;      // malloc'd, index_size slots: -1 empty, -2 deleted, else an entries position
  int64_t index_size;  // power of two
  uint64_t version;    // bumped on every change (inline caches key on it)
};

struct SetEntry {
  Value key;  // null: empty; &dummy: deleted
  int64_t hash;
};
struct SetObject : Object {  // set and frozenset; open addressing as CPython's setobject.c so int order matches
  int64_t used;
  int64_t fill;
  int64_t mask;
  SetEntry* table;
  int64_t finger;
  int64_t hash;  // frozenset: -1 until computed
};

struct RangeObject : Object {
  int64_t start, stop, step, length;
  TupleObject* big;  // (start, stop, step, length) as int values when any of them exceeds int64; else nullptr
};
struct SliceObject : Object {
  Value start, stop, step;
};

// ---- iterators ------------------------------------------------------------------------------------------------
struct SeqIterObject : Object {  // list/tuple/str iterators and the generic __getitem__ iterator
  Value seq;
  int64_t index;   // next position (characters for str: byte offset kept in `byte_offset`)
  int64_t byte_offset;
};
struct RangeIterObject : Object {
  int64_t next, step, remaining;
  int64_t start, length;  // the first element and the count: what __reduce__ and __setstate__ speak in
};
// int64 arithmetic that wraps instead of overflowing (undefined in C++): a range iterator's `next` steps once
// past its last element (range(-2**63, 2**63 - 1, 2**62) ends at 2**63); the wrapped value is never read as an
// element, because `remaining` is 0 by then.
inline int64_t wrapping_add(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
}
inline int64_t wrapping_mul(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b));
}
struct DictIterObject : Object {
  DictObject* dict;
  int64_t position;
  int64_t used_at_start;  // -1 once a size change was seen: every later next() raises again, as in CPython
  int64_t remaining;      // entries still expected: one more means keys were deleted and added during iteration
};
struct DictViewObject : Object {
  DictObject* dict;
};
struct SetIterObject : Object {
  SetObject* set;
  int64_t position;
  int64_t used_at_start;
};
struct EnumerateObject : Object {
  Value iterator;
  Value count;  // an int value
};
struct ZipObject : Object {
  TupleObject* iterators;
  bool strict;
};
struct MapObject : Object {  // map and filter
  Value func;
  TupleObject* iterators;
};
struct ReversedObject : Object {
  Value seq;
  int64_t index;
};
struct CallIterObject : Object {  // iter(callable, sentinel); both null once exhausted
  Value callable;
  Value sentinel;
};

// ---- code, functions, methods ---------------------------------------------------------------------------------
// The runtime form of a CodeObject: constants as Values, names as interned strs, and a private mutable copy of
// co_code whose CACHE entries the interpreter uses as inline caches.
struct CodeObj : Object {
  std::shared_ptr<const CodeObject>* source;  // owned (new/delete): the compiler's object this was made from
  uint16_t* code;        // owned copy of co_code (code units), then 2 units of name hints per co_names entry
  int32_t ncodeunits;
  int32_t nlocalsplus, nlocals, ncells, nfrees;
  int32_t argcount, posonlyargcount, kwonlyargcount, total_args;  // total_args: all named params + *args + **kw
  int32_t flags, stacksize, firstlineno;
  TupleObject* consts;
  TupleObject* names;            // interned strs
  TupleObject* localsplusnames;  // interned strs
  const uint8_t* localspluskinds;
  int32_t* cell2arg;             // for cells that are arguments: the argument index, else -1 (nullptr if none)
  StrObject* filename;
  StrObject* name;
  StrObject* qualname;
  size_t frame_size;             // bytes of a Frame running this code
  const CodeObject& src() const { return **source; }
};

struct CellObject : Object {
  Value ref;  // null: empty
};

struct FunctionObject : Object {
  CodeObj* code;
  DictObject* globals;
  DictObject* builtins;
  StrObject* name;
  StrObject* qualname;
  TupleObject* defaults;    // nullptr if none
  DictObject* kwdefaults;   // nullptr if none
  TupleObject* closure;     // cells, nullptr if none
  Value doc;
  Value module;
  DictObject* dict;         // __dict__, created on demand
  Value annotations;
};

// Native callables. `self` is the bound receiver (a module or instance) or null for plain functions.
using NativeFn = Value (*)(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames);
enum MethodFlag : uint32_t { kMethodStatic = 1, kMethodClass = 2, kMethodSlotWrapper = 4 };  // 4: a slot's dunder
struct MethodDef {
  const char* name;
  NativeFn fn;
  uint32_t flags = 0;
  const char* doc = nullptr;
};
struct NativeFunctionObject : Object {
  const MethodDef* def;
  Value self;
  Value module;  // __module__ name for builtins
};
struct MethodDescriptorObject : Object {  // an unbound method of a builtin type
  Type* owner;
  const MethodDef* def;
};
// Whether LOAD_METHOD may call class attribute `attr` unbound with the instance as first argument (CPython's
// Py_TPFLAGS_METHOD_DESCRIPTOR): functions and builtin instance methods, but not a builtin's class or static
// method (dict.fromkeys, int.from_bytes, T.__new__), which CPython keeps in descriptor types of their own.
bool is_unbound_method_like(Value attr);
struct BoundMethodObject : Object {
  Value func;
  Value self;
};
struct PropertyObject : Object {  // property, staticmethod, classmethod (func in fget)
  Value fget, fset, fdel, doc;
  Value name;  // a property's, from __set_name__ (for its error messages); null until then
};

struct ModuleObject : Object {
  DictObject* dict;
  StrObject* name;
};

// An instance of a class defined in Python (or of a builtin exception class): a dict for attributes.
struct InstanceObject : Object {
  DictObject* dict;
};

// BaseException and all its subclasses (builtin and user-defined) share this layout.
struct ExceptionObject : Object {
  DictObject* dict;
  TupleObject* args;
  Value traceback;  // TracebackObject or None
  Value context;    // __context__
  Value cause;      // __cause__
  bool suppress_context;
  Value extra;      // StopIteration.value, SystemExit.code, SyntaxError details (a tuple), ...
};

// A traceback entry records where an exception passed: frames are stack-allocated and die, so the entry keeps
// the code and instruction offset, which is all the printer and tb_lineno need.
struct TracebackObject : Object {
  Value next;   // TracebackObject or None
  CodeObj* code;
  int32_t lasti;  // code units
  int32_t lineno;
  int32_t exit_lasti;  // where the frame stopped when the exception left it (tb_frame's f_lineno); -1: lasti
};

// ---- generators ---------------------------------------------------------------------------------------------------
enum class GenState : uint8_t { kCreated, kSuspended, kExecuting, kCompleted };

// A generator owns the frame RETURN_GENERATOR copied out of the data stack; it runs in place (always as an entry
// frame) each time the generator is resumed. `frame` is last: the object is allocated with the code's frame_size.
// Coroutines and async generators share the layout; their type tells them apart.
struct GeneratorObject : Object {
  StrObject* name;
  StrObject* qualname;
  ExcInfo exc_state;  // the exception its own `except` blocks handle; linked into ThreadState while running
  GenState state;
  // Async generators only: an asend/athrow is driving it, aclose() ran or it finished, the sys.set_asyncgen_hooks
  // firstiter hook was called, and the finalizer hook to call instead of closing it when it is collected.
  bool ag_running_async, ag_closed, ag_hooks_inited;
  Value ag_finalizer;
  Frame frame;
};

}  // namespace minipy
