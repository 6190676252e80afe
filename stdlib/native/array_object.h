// The array module's two files share this room: array.cpp builds the type and its methods, array_items.cpp
// keeps the typecode table and converts between Python values and the machine items an array stores. An array
// holds its items in one contiguous malloc'd byte vector (what the buffer protocol exports), so the item size
// and the C conversions of each typecode decide every byte a Python program can see.
#pragma once
#include <cstdint>
#include <string_view>

#include "vm/runtime.h"

namespace minipy::native_array {

// One row per typecode: the single table every conversion and message reads.
struct TypeCode {
  char code;
  uint8_t size;
  bool is_signed;
  bool is_float;
  bool is_unicode;
  const char* format;  // the struct format a memoryview of the array shows ('u' items are wchar_t: "w")
};
inline constexpr TypeCode kTypeCodes[] = {
    {'b', 1, true, false, false, "b"},  {'B', 1, false, false, false, "B"}, {'u', 4, false, false, true, "w"},
    {'h', 2, true, false, false, "h"},  {'H', 2, false, false, false, "H"}, {'i', 4, true, false, false, "i"},
    {'I', 4, false, false, false, "I"}, {'l', 8, true, false, false, "l"},  {'L', 8, false, false, false, "L"},
    {'q', 8, true, false, false, "q"},  {'Q', 8, false, false, false, "Q"}, {'f', 4, false, true, false, "f"},
    {'d', 8, false, true, false, "d"},
};
// The row of typecode `c`, nullptr when `c` is not one.
const TypeCode* find_typecode(char c);

struct ArrayObject : Object {
  char* data;      // size * itemsize bytes (capacity items allocated), malloc'd
  int64_t size;    // items
  int64_t capacity;
  const TypeCode* typecode;
  int64_t exports;  // buffer views (memoryviews) of `data` alive: the array may not change size meanwhile
};

extern Type array_type;

inline ArrayObject* as_array(Value v) { return static_cast<ArrayObject*>(v.as_object()); }
inline bool is_array(Value v) { return v.is_object() && is_subtype(type_of(v), &array_type); }
inline size_t item_size(const ArrayObject* a) { return a->typecode->size; }
inline char* item_at(ArrayObject* a, int64_t i) { return a->data + static_cast<size_t>(i) * item_size(a); }

// False with BufferError pending when `a` would change size to `new_size` while a memoryview exports it.
[[nodiscard]] bool check_resize(ThreadState& ts, ArrayObject* a, int64_t new_size);
// Makes room for `count` items in total (which is the array's next size); checks check_resize first.
[[nodiscard]] bool reserve(ThreadState& ts, ArrayObject* a, int64_t count);

// Item `i` of `a` as a Python value: an int, a float, or a 1-character str for 'u'.
Value get_item_value(ThreadState& ts, ArrayObject* a, int64_t i);
// Python value `v` as one machine item of typecode `t` into out[0..t.size), with CPython's per-typecode
// TypeError/OverflowError messages.
[[nodiscard]] bool convert_item(ThreadState& ts, const TypeCode& t, Value v, char* out);
// append(v), frombytes(bytes), fromunicode(s) and extend(iterable) of `a`: false with an exception pending.
// append_value converts `v` once (array(typecode, list) and fromlist); insert_item(a, where, v) is CPython's ins1,
// which append, insert and extend use: `v` converted twice, `where` clamped as list.insert clamps.
[[nodiscard]] bool append_value(ThreadState& ts, ArrayObject* a, Value v);
[[nodiscard]] bool insert_item(ThreadState& ts, ArrayObject* a, int64_t where, Value v);
[[nodiscard]] bool append_bytes(ThreadState& ts, ArrayObject* a, std::string_view bytes);
[[nodiscard]] bool append_unicode(ThreadState& ts, ArrayObject* a, StrObject* s);
[[nodiscard]] bool extend_from(ThreadState& ts, ArrayObject* a, Value iterable);

}  // namespace minipy::native_array
