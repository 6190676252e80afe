// The array module's items (see array_object.h): the typecode lookup, the storage's growth, and the C
// conversions between Python values and machine items that CPython's per-typecode getitem/setitem functions
// do, each with its own messages.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

#include "stdlib/native/array_object.h"
#include "stdlib/native/native_support.h"
#include "vm/objects/buffer.h"
#include "vm/text/unicode.h"

namespace minipy::native_array {

namespace {

Value overflow(ThreadState& ts, const char* message) { return raise(ts, OverflowError_type, message); }

}  // namespace

const TypeCode* find_typecode(char c) {
  for (const TypeCode& t : kTypeCodes)
    if (t.code == c) return &t;
  return nullptr;
}

// A size change while a memoryview holds `data` would leave it pointing at freed or stale memory: refused, as
// CPython's array_resize refuses it.
bool check_resize(ThreadState& ts, ArrayObject* a, int64_t new_size) {
  if (new_size == a->size || exports_ended(ts, &a->exports)) return true;
  raise(ts, BufferError_type, "cannot resize an array that is exporting buffers");
  return false;
}

// Grows by half again (plus 4) so that a run of appends takes amortised constant time.
bool reserve(ThreadState& ts, ArrayObject* a, int64_t count) {
  if (!check_resize(ts, a, count)) return false;
  if (count <= a->capacity) return true;
  int64_t capacity = std::max<int64_t>(count, a->capacity + a->capacity / 2 + 4);
  if (count < 0 || capacity > INT64_MAX / 16) return raise(ts, MemoryError_type, ""), false;
  void* grown = std::realloc(a->data, static_cast<size_t>(capacity) * item_size(a));
  if (!grown) return raise(ts, MemoryError_type, ""), false;
  a->data = static_cast<char*>(grown);
  a->capacity = capacity;
  return true;
}

Value get_item_value(ThreadState& ts, ArrayObject* a, int64_t i) {
  const char* p = item_at(a, i);
  const TypeCode& t = *a->typecode;
  if (t.is_unicode) {
    uint32_t cp;
    std::memcpy(&cp, p, 4);
    return str_from_codepoint(ts, cp);
  }
  if (t.is_float) {
    if (t.size == 4) {
      float f;
      std::memcpy(&f, p, 4);
      return make_float(ts, f);
    }
    double d;
    std::memcpy(&d, p, 8);
    return make_float(ts, d);
  }
  uint64_t bits = 0;
  std::memcpy(&bits, p, t.size);  // little-endian machine
  if (t.is_signed) {
    int shift = 64 - 8 * t.size;
    return make_int(ts, static_cast<int64_t>(bits << shift) >> shift);
  }
  if (bits <= static_cast<uint64_t>(INT64_MAX)) return make_int(ts, static_cast<int64_t>(bits));
  BigInt n;
  mpz_import(n.raw(), 1, -1, sizeof bits, 0, 0, &bits);
  return make_int(ts, n);
}

// The C conversions CPython's setitem functions use, each with its own messages (see kTypeCodes' users).
bool convert_item(ThreadState& ts, const TypeCode& t, Value v, char* out) {
  if (t.is_unicode) {
    if (!is_str(v) || as_str(v)->length != 1)
      return raise(ts, TypeError_type, "array item must be unicode character"), false;
    size_t pos = 0;
    uint32_t cp = text::next_code_point(as_str(v)->view(), &pos);
    std::memcpy(out, &cp, 4);
    return true;
  }
  if (t.is_float) {
    double d;
    if (!native::as_double(ts, v, &d)) return false;
    if (t.size == 4) {
      auto f = static_cast<float>(d);
      std::memcpy(out, &f, 4);
    } else {
      std::memcpy(out, &d, 8);
    }
    return true;
  }
  Value index = number_index(ts, v);
  if (!index) return false;
  BigInt n = to_bigint(index);
  uint64_t bits;
  if (t.code == 'q' || t.code == 'Q') {
    if (t.code == 'Q' && n.sign() < 0) return overflow(ts, "can't convert negative int to unsigned"), false;
    bool fits = t.code == 'q' ? n.fits_int64() : n.bit_length() <= 64;
    if (!fits) return overflow(ts, "int too big to convert"), false;
    bits = n.sign() < 0 ? static_cast<uint64_t>(n.to_int64()) : mpz_getlimbn(n.raw(), 0);
  } else if (t.code == 'I' || t.code == 'L') {
    if (n.sign() < 0) return overflow(ts, "can't convert negative value to unsigned int"), false;
    if (n.bit_length() > 64) return overflow(ts, "Python int too large to convert to C unsigned long"), false;
    bits = mpz_getlimbn(n.raw(), 0);
    if (t.code == 'I' && bits > UINT32_MAX) return overflow(ts, "unsigned int is greater than maximum"), false;
  } else {
    // b, B, h, H, i, l: a C long first, then the range checks of PyArg_Parse's format units.
    if (!n.fits_int64()) return overflow(ts, "Python int too large to convert to C long"), false;
    int64_t x = n.to_int64();
    auto check = [&](int64_t lo, int64_t hi, const char* name) {
      if (x < lo) return overflow(ts, fmt::format("{} is less than minimum", name).c_str()), false;
      if (x > hi) return overflow(ts, fmt::format("{} is greater than maximum", name).c_str()), false;
      return true;
    };
    switch (t.code) {
      case 'b':
        if (!check(INT16_MIN, INT16_MAX, "signed short integer") || !check(INT8_MIN, INT8_MAX, "signed char"))
          return false;
        break;
      case 'B': if (!check(0, UINT8_MAX, "unsigned byte integer")) return false; break;
      case 'h': if (!check(INT16_MIN, INT16_MAX, "signed short integer")) return false; break;
      case 'H':
        if (!check(INT32_MIN, INT32_MAX, "signed integer") || !check(0, UINT16_MAX, "unsigned short")) return false;
        break;
      case 'i': if (!check(INT32_MIN, INT32_MAX, "signed integer")) return false; break;
      default: break;  // 'l': any C long
    }
    bits = static_cast<uint64_t>(x);
  }
  std::memcpy(out, &bits, t.size);
  return true;
}

bool append_value(ThreadState& ts, ArrayObject* a, Value v) {
  char item[8];
  if (!convert_item(ts, *a->typecode, v, item) || !reserve(ts, a, a->size + 1)) return false;
  std::memcpy(item_at(a, a->size), item, item_size(a));
  a->size++;
  return true;
}

// CPython's ins1 converts `v` twice (a __index__ or __float__ runs twice per append, insert and extend item): once
// as a check, then again to store it, after the array has grown to the size it had *before* the first conversion
// and the tail has moved. Either conversion may run Python code that resizes `a`, so nothing read before a
// conversion is trusted after it as a bound: the growth goes through reserve (the bytes below the old size were
// written before, and the storage never shrinks), and the store happens only if `where` is still inside the array.
bool insert_item(ThreadState& ts, ArrayObject* a, int64_t where, Value v) {
  int64_t n = a->size;
  char item[8];
  if (!convert_item(ts, *a->typecode, v, item) || !reserve(ts, a, n + 1)) return false;
  a->size = n + 1;
  if (where < 0) where = std::max<int64_t>(0, where + n);
  if (where > n) where = n;
  std::memmove(item_at(a, where + 1), item_at(a, where), static_cast<size_t>(n - where) * item_size(a));
  if (!convert_item(ts, *a->typecode, v, item)) return false;  // CPython keeps the grown array then too
  if (where < a->size) std::memcpy(item_at(a, where), item, item_size(a));
  return true;
}

bool append_bytes(ThreadState& ts, ArrayObject* a, std::string_view bytes) {
  if (bytes.size() % item_size(a)) return raise(ts, ValueError_type, "bytes length not a multiple of item size"), false;
  auto count = static_cast<int64_t>(bytes.size() / item_size(a));
  if (!reserve(ts, a, a->size + count)) return false;
  std::memcpy(item_at(a, a->size), bytes.data(), bytes.size());
  a->size += count;
  return true;
}

bool append_unicode(ThreadState& ts, ArrayObject* a, StrObject* s) {
  std::string_view text = s->view();
  if (!reserve(ts, a, a->size + s->length)) return false;
  for (size_t pos = 0; pos < text.size();) {
    uint32_t cp = text::next_code_point(text, &pos);
    std::memcpy(item_at(a, a->size++), &cp, 4);
  }
  return true;
}

// extend(iterable): another array must have the same typecode; anything else is iterated.
bool extend_from(ThreadState& ts, ArrayObject* a, Value iterable) {
  if (is_array(iterable)) {
    ArrayObject* other = as_array(iterable);
    if (other->typecode != a->typecode) return raise(ts, TypeError_type, "can only extend with array of same kind"), false;
    std::string copy(other->data ? other->data : "", static_cast<size_t>(other->size) * item_size(other));
    return append_bytes(ts, a, copy);
  }
  Value it = get_iter(ts, iterable);
  if (!it) return false;
  while (Value item = iter_next(ts, it))
    if (!insert_item(ts, a, a->size, item)) return false;
  return !ts.current_exception;
}

}  // namespace minipy::native_array
