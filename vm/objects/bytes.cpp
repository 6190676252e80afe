// bytes: immutable byte strings (constants, str.encode(), bytes.decode()).
#include <cstring>

#include "compiler/parse_unicode.h"
#include "vm/objects/abstract.h"
#include "vm/objects/buffer.h"
#include "vm/objects/bytearray.h"
#include "vm/objects/hash_secret.h"
#include "vm/objects/codecs.h"
#include "vm/objects/sequence.h"
#include "vm/objects/heap_type.h"
#include "vm/objects/type_init.h"
#include "vm/text/text_error.h"
#include "vm/runtime.h"

namespace minipy {

namespace {

BytesObject* as_bytes(Value v) { return static_cast<BytesObject*>(v.as_object()); }
// Exact bytes or a Python subclass of it (whose static base is bytes); bytearray is a different type and is not
// accepted here, matching PyBytes_Check.
bool is_bytes(Value v) {
  return v.is_object() && (v.as_object()->type == &bytes_type || static_base(v.as_object()->type) == &bytes_type);
}

// bytesobject.c's PyBytes_Repr: single quotes unless the data has a single quote and no double quote; \t \n \r get
// their escapes, other control bytes and everything from 0x7f up are \xNN; the result is always ASCII, so the str is
// made with its length known.
Value bytes_repr(ThreadState& ts, Value v) {
  std::string_view data = as_bytes(v)->view();
  bool has_single = data.find('\'') != std::string_view::npos;
  bool has_double = data.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out = "b";
  out += quote;
  for (unsigned char c : data) {
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7f) {
      out += fmt::format("\\x{:02x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
  return Value(make_str_known(ts, out, static_cast<int64_t>(out.size()), true));
}

// The hash is cached in the object (-1 means not computed yet): bytes are immutable, and dict keys of bytes are hashed
// again on every lookup.
bool bytes_hash(ThreadState&, Value v, int64_t* out) {
  BytesObject* b = as_bytes(v);
  if (b->hash == -1) {
    std::string_view data = b->view();
    b->hash = hash_bytes(data.data(), data.size());  // CPython's _Py_HashBytes, keyed by PYTHONHASHSEED
  }
  *out = b->hash;
  return true;
}

// Lexicographic by unsigned byte value (string_view::compare compares as unsigned char). bytes == str is NotImplemented
// here and so False; the -b warning for that comparison is not given.
Value bytes_richcompare(ThreadState&, Value a, Value b, int op) {
  if (!is_bytes(a) || !is_bytes(b)) return NotImplemented();
  int c = as_bytes(a)->view().compare(as_bytes(b)->view());
  return Bool(comparison_holds(c, op));
}

// The right operand may be any buffer (bytes + bytearray, bytes + memoryview), and the result is bytes, as bytes_concat
// in CPython.
Value bytes_concat(ThreadState& ts, Value a, Value b) {
  if (!is_bytes(a)) return NotImplemented();
  if (!has_buffer(b)) return raise_fmt(ts, TypeError_type, "can't concat {} to bytes", type_name(b));
  std::string s(as_bytes(a)->view()), right;
  if (!buffer_bytes(ts, b, &right)) return Value();
  // An empty side hands back the other operand when that is an exact bytes, as CPython's bytes_concat does.
  if (s.empty() && type_of(b) == &bytes_type) return b;
  if (right.empty() && type_of(a) == &bytes_type) return a;
  return make_bytes(ts, s + right);
}

int64_t bytes_len(ThreadState&, Value v) { return as_bytes(v)->size; }

Value bytes_getitem(ThreadState& ts, Value v, Value key) {
  BytesObject* b = as_bytes(v);
  if (key.is_object() && key.as_object()->type == &slice_type) {
    int64_t start, stop, step, n;
    if (!slice_indices(ts, static_cast<SliceObject*>(key.as_object()), b->size, &start, &stop, &step, &n))
      return Value();
    if (step == 1 && n == b->size && type_of(v) == &bytes_type) return v;  // the whole of an exact bytes: itself
    std::string out;
    for (int64_t i = 0, p = start; i < n; i++, p += step) out.push_back(b->data[p]);
    return make_bytes(ts, out);
  }
  if (!key.is_small_int() && !is_int(key) && !type_of(key)->index)  // sequence_index's wording is range's
    return raise_fmt(ts, TypeError_type, "byte indices must be integers or slices, not {}", type_name(key));
  int64_t i;
  if (!sequence_index(ts, key, b->size, &i, "index out of range")) return Value();
  return Value::small_int(static_cast<unsigned char>(b->data[i]));
}

// decode(encoding='utf-8', errors='strict')
Value bytes_decode(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  std::string_view parts[2] = {"utf-8", "strict"};
  if (!codec_args(ts, "decode", args, kwnames, parts)) return Value();
  return decode_bytes(ts, as_bytes(self)->view(), parts[0], parts[1]);
}
const MethodDef bytes_methods[] = {{"decode", bytes_decode}};

int bytes_contains(ThreadState& ts, Value self, Value item) {
  std::string_view hay = as_bytes(self)->view();
  // `65 in b"A"` tests for a byte value (range-checked by byte_value); anything else must be a buffer and is a
  // substring test.
  if (is_int(item)) {
    int b;
    if (!byte_value(ts, item, &b)) return -1;
    return hay.find(static_cast<char>(b)) != std::string_view::npos;
  }
  BufferLease needle;
  if (!needle.acquire(ts, item)) return -1;
  return hay.find(needle.bytes()) != std::string_view::npos;
}

Value bytes_repeat(ThreadState& ts, Value self, Value count) {
  int64_t n;
  if (!index_to_int64(ts, count, &n, "cannot fit 'int' into an index-sized integer")) return Value();
  std::string_view s = as_bytes(self)->view();
  if (n <= 0 || s.empty()) return make_bytes(ts, "");
  // Immutable, so b * 1 may be b itself; the OverflowError text for an impossible size is CPython's.
  if (n == 1 && type_of(self) == &bytes_type) return self;
  if (static_cast<int64_t>(s.size()) > INT64_MAX / n) return raise(ts, OverflowError_type, "repeated bytes are too long");
  if (static_cast<int64_t>(s.size()) > text::kMaxTextResult / n) return raise(ts, MemoryError_type, "");
  std::string out;
  out.reserve(s.size() * static_cast<size_t>(n));
  for (int64_t i = 0; i < n; i++) out += s;
  return make_bytes(ts, out);
}

// bytes(bytes_like) copies the buffer; bytes(iterable_of_ints): every item an int in range(256).
Value bytes_from_iterable(ThreadState& ts, Value source) {
  if (has_buffer(source)) {
    std::string copy;
    return buffer_bytes(ts, source, &copy) ? make_bytes(ts, copy) : Value();
  }
  // A TypeError from iter() is replaced by bytes()'s own message, as CPython's PyBytes_FromObject says "cannot convert
  // 'X' object to bytes" rather than "'X' object is not iterable".
  Value it = get_iter(ts, source);
  if (!it) {
    if (!exception_matches(ts.current_exception, &TypeError_type)) return Value();
    ts.current_exception = Value();
    return raise_fmt(ts, TypeError_type, "cannot convert '{}' object to bytes", type_name(source));
  }
  std::string out;
  while (Value item = iter_next(ts, it)) {
    Value index = number_index(ts, item);
    if (!index) return index;
    int64_t b;  // an int past int64 is out of range too, not an OverflowError
    if (!int_to_int64(index, &b) || b < 0 || b > 255) return raise(ts, ValueError_type, "bytes must be in range(0, 256)");
    out.push_back(static_cast<char>(b));
  }
  if (ts.current_exception) return Value();
  return make_bytes(ts, out);
}

// bytes(), bytes(int), bytes(bytes), bytes(str, encoding[, errors]), bytes(iterable), __bytes__: exact bytes.
Value exact_bytes_new(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames) {
  size_t n = positional_count(args, kwnames);
  if (n > 3) return raise_fmt(ts, TypeError_type, "bytes() takes at most 3 arguments ({} given)", n);
  Value source = n > 0 ? args[0] : keyword_arg(ts, args, kwnames, "source");
  Value encoding = n > 1 ? args[1] : keyword_arg(ts, args, kwnames, "encoding");
  Value errors = n > 2 ? args[2] : keyword_arg(ts, args, kwnames, "errors");
  for (Value v : {encoding, errors}) {
    if (v && !is_str(v))
      return raise_fmt(ts, TypeError_type, "bytes() argument '{}' must be str, not {}",
                       v == encoding ? "encoding" : "errors", type_name(v));
  }
  if (!source) {
    if (encoding || errors) return raise(ts, TypeError_type, encoding ? "encoding without a string argument"
                                                                      : "errors without a string argument");
    return make_bytes(ts, "");
  }
  if (is_str(source) && encoding)
    return encode_str(ts, as_str(source)->view(), as_str(encoding)->view(),
                      errors ? as_str(errors)->view() : std::string_view("strict"));
  if (encoding || errors)
    return raise(ts, TypeError_type, is_str(source) ? "string argument without an encoding"
                                     : encoding     ? "encoding without a string argument"
                                                    : "errors without a string argument");
  // __bytes__ is looked up on the type (a special method), and its result must be bytes or a subclass. It comes
  // before the str check, so a str subclass with __bytes__ converts without an encoding.
  if (Value method = type_lookup(type_of(source), intern(ts, "__bytes__"))) {
    Value r = call(ts, method, std::span<const Value>(&source, 1));
    if (r && !is_bytes(r))
      return raise_fmt(ts, TypeError_type, "__bytes__ returned non-bytes (type {})", type_name(r));
    return r;
  }
  if (is_str(source)) return raise(ts, TypeError_type, "string argument without an encoding");
  // bytes(n) is n zero bytes: an int or any object with __index__, checked before iteration so that an int is never
  // iterated.
  if (is_int(source) || (!is_str(source) && type_of(source)->index)) {
    int64_t count;
    if (!index_to_int64(ts, source, &count, "cannot fit 'int' into an index-sized integer")) return Value();
    if (count < 0) return raise(ts, ValueError_type, "negative count");
    if (count > text::kMaxTextResult) return raise(ts, MemoryError_type, "");
    return make_bytes(ts, std::string(static_cast<size_t>(count), '\0'));
  }
  return bytes_from_iterable(ts, source);
}

Value bytes_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  Value r = exact_bytes_new(ts, args, kwnames);
  return !r || type == &bytes_type ? r : make_subtype_instance(ts, type, r);
}

Value bytes_iter(ThreadState& ts, Value v) {
  auto* it = ts.alloc<SeqIterObject>(&iterator_type);
  it->seq = v;
  return Value(it);
}

}  // namespace

// Strict UTF-8 (no surrogates), the compiler's rules.
bool utf8_valid(std::string_view s) { return !find_invalid_utf8(s); }

// One allocation holds the header and the data, plus a NUL after the data so the bytes can be handed to C functions
// expecting a C string (as CPython's ob_sval always ends in NUL).
Value make_bytes(ThreadState& ts, std::string_view data) {
  auto* b = ts.alloc<BytesObject>(&bytes_type, offsetof(BytesObject, data) + data.size() + 1);
  b->hash = -1;
  b->size = static_cast<int64_t>(data.size());
  if (!data.empty()) std::memcpy(b->data, data.data(), data.size());
  return Value(b);
}

void init_bytes_type(ThreadState& ts) {
  Type& t = bytes_type;
  t.repr = bytes_repr;
  t.hash = bytes_hash;
  t.richcompare = bytes_richcompare;
  t.concat = bytes_concat;
  t.repeat = bytes_repeat;
  t.length = bytes_len;
  t.getitem = bytes_getitem;
  t.iter = bytes_iter;
  t.contains = bytes_contains;
  t.new_instance = bytes_new;
  add_methods(ts, t, bytes_methods);
  init_bytes_methods(ts);
}

}  // namespace minipy
