// bytearray: a mutable byte string. Its methods are bytes's (vm/objects/bytes_methods.cpp serves both, making
// results of the receiver's type) plus the mutators in bytearray.cpp. Declared outside objects.h as one of the
// builtin types defined outside MINIPY_BUILTIN_TYPES (vm/objects/static_type.h).
#pragma once
#include <string_view>

#include "vm/runtime.h"

namespace minipy {

extern Type bytearray_type;

struct ByteArrayObject : Object {
  char* data;        // malloc'd, capacity + 1 bytes (kept NUL-terminated), or nullptr when empty
  int64_t size;
  int64_t capacity;
  int64_t exports;   // live buffer exports: resizing is refused while non-zero
};

inline bool is_bytearray(Value v) {
  return v.is_object() && (v.as_object()->type == &bytearray_type || is_subtype(v.as_object()->type, &bytearray_type));
}
inline std::string_view bytearray_view(Value v) {
  auto* b = static_cast<ByteArrayObject*>(v.as_object());
  return {b->data ? b->data : "", static_cast<size_t>(b->size)};
}
// The byte an int stands for (bytearray item assignment, append, insert, and a bytes-like `in` or search
// needle): false with ValueError "byte must be in range(0, 256)" outside that range, or the index error.
[[nodiscard]] bool byte_value(ThreadState& ts, Value v, int* out);
// A new bytearray holding a copy of `data`.
Value make_bytearray(ThreadState& ts, std::string_view data);

// Adds the methods bytes and bytearray share (bytes_methods.cpp, which makes results of the receiver's type) to
// `type`.
void add_bytes_methods(ThreadState& ts, Type& type);
// bytearray % args: formatted as bytes, the result a bytearray (str_format.cpp).
Value percent_format_bytes_like(ThreadState& ts, Value format, Value args);

}  // namespace minipy
