// bytearray: the type's storage, constructor, slots and mutating methods. The methods it shares with bytes
// (find, split, upper, hex, ...) come from bytes_methods.cpp, which builds results of the receiver's type; this
// file adds what only a mutable sequence has. Resizing is refused while a buffer export is live (buffer.h).
#include "vm/objects/bytearray.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "vm/objects/buffer.h"
#include "vm/objects/codecs.h"
#include "vm/objects/heap_type.h"
#include "vm/objects/static_type.h"
#include "vm/objects/type_init.h"
#include "vm/text/text_error.h"
#include "vm/text/unicode.h"

namespace minipy {

Type bytearray_type;

// A byte given as an int (or __index__ object), with bytearray's message; bytes() and the buffer-taking methods of
// bytes share it.
bool byte_value(ThreadState& ts, Value v, int* out) {
  Value index = number_index(ts, v);
  if (!index) return false;
  int64_t n;  // an int past int64 is out of range too, not an OverflowError
  if (!int_to_int64(index, &n) || n < 0 || n > 255) {
    raise(ts, ValueError_type, "byte must be in range(0, 256)");
    return false;
  }
  *out = static_cast<int>(n);
  return true;
}

namespace {

#define BA_METHOD(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

ByteArrayObject* as_ba(Value v) { return static_cast<ByteArrayObject*>(v.as_object()); }

// ---- storage ------------------------------------------------------------------------------------------------

// Refuses a size change while exports are live (after collecting dropped views: exports_ended).
bool check_resizable(ThreadState& ts, ByteArrayObject* b) {
  if (!exports_ended(ts, &b->exports)) {
    raise(ts, BufferError_type, "Existing exports of data: object cannot be re-sized");
    return false;
  }
  return true;
}

// Makes room for `capacity` bytes (plus the NUL), growing by about an eighth beyond requests as CPython does.
bool reserve(ThreadState& ts, ByteArrayObject* b, int64_t capacity) {
  if (capacity <= b->capacity && b->data) return true;
  if (capacity > text::kMaxTextResult) {
    raise(ts, MemoryError_type, "");
    return false;
  }
  // Over-allocation in the manner of CPython's bytearray_resize (an eighth more, plus a little), so appends in a
  // loop cost amortised O(1). The storage is malloc'd, outside the collected heap, so its size is reported to the
  // heap (account_external) to pace collections.
  int64_t grown = std::max(capacity, b->size + (b->size >> 3) + (b->size < 9 ? 3 : 6));
  auto* data = static_cast<char*>(std::realloc(b->data, static_cast<size_t>(grown) + 1));
  if (!data) {
    raise(ts, MemoryError_type, "");
    return false;
  }
  ts.heap->account_external(grown - b->capacity);
  b->data = data;
  b->capacity = grown;
  return true;
}

// Sets the size to `size` (new bytes uninitialised), checking exports when it changes.
bool resize(ThreadState& ts, ByteArrayObject* b, int64_t size) {
  if (size == b->size) return true;
  if (!check_resizable(ts, b) || !reserve(ts, b, size)) return false;
  b->size = size;
  b->data[size] = '\0';
  return true;
}

// Replaces bytes [start, start + removed) with `insert` (step-1 slice assignment, insertion, deletion).
// Every mutation that changes the size goes through here (or resize/delete_slice), so the export check happens in one
// place: a live memoryview would otherwise keep a pointer to freed or moved storage. `insert` must not point into b's
// own storage, since reserve() may move it; callers copy into a std::string first.
bool splice(ThreadState& ts, ByteArrayObject* b, int64_t start, int64_t removed, std::string_view insert) {
  auto added = static_cast<int64_t>(insert.size());
  int64_t old_size = b->size, tail = old_size - start - removed;
  if (added != removed) {
    if (!check_resizable(ts, b) || !reserve(ts, b, old_size - removed + added)) return false;
    std::memmove(b->data + start + added, b->data + start + removed, static_cast<size_t>(tail));
    b->size = old_size - removed + added;
    b->data[b->size] = '\0';
  }
  if (added) std::memcpy(b->data + start, insert.data(), insert.size());
  return true;
}

// The storage is not on the collected heap, so the object's finalizer frees it when the collector sweeps the bytearray.
void finalize_bytearray(Object* o) { std::free(static_cast<ByteArrayObject*>(o)->data); }

bool bytearray_get_buffer(ThreadState&, Value obj, BufferView* view) {
  ByteArrayObject* b = as_ba(obj);
  // An empty bytearray may have no storage yet: export a valid (empty) pointer all the same.
  static char empty[1];
  view->data = b->data ? b->data : empty;
  view->length = b->size;
  view->readonly = false;
  // While exported the bytearray may be written through the view but not resized; the count goes down when the consumer
  // releases its view.
  b->exports++;
  return true;
}
void bytearray_release_buffer(Value obj) { as_ba(obj)->exports--; }

// ---- conversions --------------------------------------------------------------------------------------------

// The bytes of an iterable of ints (bytearray(iterable), extend, slice assignment).
// The items are gathered into a separate string, never written straight into a bytearray, so an iterator that mutates
// the target (`b.extend(gen_that_appends_to_b)`) cannot corrupt it.
bool bytes_of_iterable(ThreadState& ts, Value source, std::string* out, const char* not_iterable_what) {
  Value it = get_iter(ts, source);
  if (!it) {
    if (!exception_matches(ts.current_exception, &TypeError_type) || !not_iterable_what) return false;
    ts.current_exception = Value();
    raise_fmt(ts, TypeError_type, "{}", fmt::format(fmt::runtime(not_iterable_what), type_name(source)));
    return false;
  }
  while (Value item = iter_next(ts, it)) {
    int b;
    if (!byte_value(ts, item, &b)) return false;
    out->push_back(static_cast<char>(b));
  }
  return !ts.current_exception;
}

// bytearray(x) for slice assignment and += of non-buffers: a buffer's bytes, or an iterable of ints.
bool assignable_bytes(ThreadState& ts, Value v, std::string* out) {
  if (has_buffer(v)) return buffer_bytes(ts, v, out);
  return bytes_of_iterable(ts, v, out, "can't extend bytearray with {}");
}

// ---- constructor ---------------------------------------------------------------------------------------------

// __new__ makes an empty object and __init__ fills it, as CPython splits them for bytearray: a subclass may call
// __init__ again or skip it.
Value bytearray_new(ThreadState& ts, Type* type, std::span<const Value>, TupleObject*) {
  auto* b = ts.alloc<ByteArrayObject>(type, type->instance_size);
  b->data = nullptr;
  b->size = b->capacity = b->exports = 0;
  return Value(b);
}

// bytearray(source=b'', encoding=None, errors=None): the same sources as bytes().
bool bytearray_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  size_t n = positional_count(args, kwnames);
  if (n > 3) {
    raise_fmt(ts, TypeError_type, "bytearray() takes at most 3 arguments ({} given)", n);
    return false;
  }
  for (int64_t k = 0; kwnames && k < kwnames->size; k++) {
    std::string_view name = as_str(kwnames->items[k])->view();
    if (name != "source" && name != "encoding" && name != "errors") {
      raise_fmt(ts, TypeError_type, "'{}' is an invalid keyword argument for bytearray()", name);
      return false;
    }
  }
  Value source = n > 0 ? args[0] : keyword_arg(ts, args, kwnames, "source");
  Value encoding = n > 1 ? args[1] : keyword_arg(ts, args, kwnames, "encoding");
  Value errors = n > 2 ? args[2] : keyword_arg(ts, args, kwnames, "errors");
  for (Value v : {encoding, errors}) {
    if (v && !is_str(v)) {
      raise_fmt(ts, TypeError_type, "bytearray() argument '{}' must be str, not {}",
                v == encoding ? "encoding" : "errors", type_name(v));
      return false;
    }
  }
  ByteArrayObject* b = as_ba(self);
  std::string data;
  if (!source) {
    if (encoding || errors) {
      raise(ts, TypeError_type, encoding ? "encoding without a string argument" : "errors without a string argument");
      return false;
    }
  } else if (is_str(source)) {
    if (!encoding) {
      raise(ts, TypeError_type, "string argument without an encoding");
      return false;
    }
    Value encoded = encode_str(ts, as_str(source)->view(), as_str(encoding)->view(),
                               errors ? as_str(errors)->view() : std::string_view("strict"));
    if (!encoded) return false;
    data = static_cast<BytesObject*>(encoded.as_object())->view();
  } else if (encoding || errors) {
    raise(ts, TypeError_type, encoding ? "encoding without a string argument" : "errors without a string argument");
    return false;
  } else if (is_int(source) || (type_of(source)->index && !has_buffer(source))) {
    int64_t count;
    if (!index_to_int64(ts, source, &count, "cannot fit 'int' into an index-sized integer")) return false;
    if (count < 0) {
      raise(ts, ValueError_type, "negative count");
      return false;
    }
    if (count > text::kMaxTextResult) {
      raise(ts, MemoryError_type, "");
      return false;
    }
    data.assign(static_cast<size_t>(count), '\0');
  } else if (has_buffer(source)) {
    if (!buffer_bytes(ts, source, &data)) return false;
  } else if (!bytes_of_iterable(ts, source, &data, "cannot convert '{}' object to bytearray")) {
    return false;
  }
  // __init__ may run again on a live object: it replaces the contents.
  return splice(ts, b, 0, b->size, data);
}

// ---- slots ------------------------------------------------------------------------------------------------------

// TYPE(b'...'): like bytes's repr except that a single quote is always escaped (bytearray_repr's quirk).
Value bytearray_repr(ThreadState& ts, Value v) {
  std::string_view data = bytearray_view(v);
  char quote = data.find('\'') != std::string_view::npos && data.find('"') == std::string_view::npos ? '"' : '\'';
  std::string out = fmt::format("{}(b{}", type_of(v)->name->view(), quote);
  for (unsigned char c : data) {
    if (c == '\'' || c == '\\') out += fmt::format("\\{}", static_cast<char>(c));
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c < 0x20 || c >= 0x7f) out += fmt::format("\\x{:02x}", c);
    else out += static_cast<char>(c);
  }
  out += quote;
  out += ')';
  return Value(make_str(ts, out));
}

// Comparison goes through the buffer protocol, so `bytearray(b'a') == memoryview(b'a')` holds; the leases keep both
// buffers exported (and so unresizable) while they are compared.
Value bytearray_richcompare(ThreadState& ts, Value a, Value b, int op) {
  // Either side may be the bytearray; the other must export a buffer (bytes, memoryview, ...).
  if (!has_buffer(a) || !has_buffer(b)) return NotImplemented();
  BufferLease la, lb;
  if (!la.acquire(ts, a) || !lb.acquire(ts, b)) return Value();
  return Bool(compare_numbers(la.bytes().compare(lb.bytes()), 0, op));
}

int64_t bytearray_len(ThreadState&, Value v) { return as_ba(v)->size; }

bool is_slice(Value key) { return key.is_object() && key.as_object()->type == &slice_type; }

Value bytearray_getitem(ThreadState& ts, Value v, Value key) {
  ByteArrayObject* b = as_ba(v);
  if (is_slice(key)) {
    int64_t start, stop, step, n;
    if (!slice_indices(ts, static_cast<SliceObject*>(key.as_object()), &b->size, &start, &stop, &step, &n))
      return Value();
    std::string out;
    for (int64_t i = 0, p = start; i < n; i++, p += step) out.push_back(b->data[p]);
    return make_bytearray(ts, out);
  }
  if (!is_int(key) && !type_of(key)->index)
    return raise_fmt(ts, TypeError_type, "bytearray indices must be integers or slices, not {}", type_name(key));
  int64_t i;
  if (!sequence_index(ts, key, &b->size, &i, "bytearray index out of range")) return Value();
  return Value::small_int(static_cast<unsigned char>(b->data[i]));
}

// Deletes the items of an extended slice (or a step-1 one) by compacting the survivors.
bool delete_slice(ThreadState& ts, ByteArrayObject* b, int64_t start, int64_t step, int64_t n) {
  if (n == 0) return true;
  if (step < 0) {
    start = start + step * (n - 1);
    step = -step;
  }
  if (step == 1) return splice(ts, b, start, n, {});
  if (!check_resizable(ts, b)) return false;
  int64_t write = start;
  for (int64_t read = start; read < b->size; read++) {
    bool removed = read < start + step * n && (read - start) % step == 0;
    if (!removed) b->data[write++] = b->data[read];
  }
  b->size = write;
  b->data[write] = '\0';
  return true;
}

bool bytearray_setitem(ThreadState& ts, Value v, Value key, Value value) {
  ByteArrayObject* b = as_ba(v);
  if (is_slice(key)) {
    int64_t start, stop, step, n;
    if (!slice_indices(ts, static_cast<SliceObject*>(key.as_object()), &b->size, &start, &stop, &step, &n))
      return false;
    if (!value) return delete_slice(ts, b, start, step, n);
    // `b[0:1] = 5` would otherwise be read as "5 zero bytes" by the bytes() rules; CPython refuses ints and strs here
    // with this message.
    if (is_int(value) || is_float(value) || is_str(value) || type_of(value)->index) {
      raise(ts, TypeError_type, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
      return false;
    }
    std::string data;
    int64_t size_before = b->size;
    if (!assignable_bytes(ts, value, &data)) return false;
    // Reading `value` can run Python code (an iterator) that resizes this bytearray: resolve the slice again.
    if (b->size != size_before &&
        !slice_indices(ts, static_cast<SliceObject*>(key.as_object()), &b->size, &start, &stop, &step, &n))
      return false;
    auto needed = static_cast<int64_t>(data.size());
    // A step-1 slice may change the size; an extended slice must be replaced by exactly as many bytes as it selects.
    if (step == 1) return splice(ts, b, start, std::max<int64_t>(stop - start, 0), data);
    if (needed == 0) return delete_slice(ts, b, start, step, n);
    if (needed != n) {
      raise_fmt(ts, ValueError_type, "attempt to assign bytes of size {} to extended slice of size {}", needed, n);
      return false;
    }
    for (int64_t i = 0, p = start; i < n; i++, p += step) b->data[p] = data[static_cast<size_t>(i)];
    return true;
  }
  if (!is_int(key) && !type_of(key)->index) {
    raise_fmt(ts, TypeError_type, "bytearray indices must be integers or slices, not {}", type_name(key));
    return false;
  }
  int64_t i;
  if (!sequence_index(ts, key, &b->size, &i, "bytearray index out of range")) return false;
  if (!value) return splice(ts, b, i, 1, {});
  int byte;
  int64_t size_before = b->size;
  if (!byte_value(ts, value, &byte)) return false;
  // The value's __index__ may have resized the bytearray (CPython's GH-91153): check the position again.
  if (b->size != size_before && !sequence_index(ts, key, &b->size, &i, "bytearray index out of range")) return false;
  b->data[i] = static_cast<char>(byte);
  return true;
}

// `x in b`: an int-like is a byte value test; a buffer is a substring test.
int bytearray_contains(ThreadState& ts, Value self, Value item) {
  std::string_view hay = bytearray_view(self);
  if (is_int(item) || (type_of(item)->index && !has_buffer(item))) {
    int byte;
    if (!byte_value(ts, item, &byte)) return -1;
    return hay.find(static_cast<char>(byte)) != std::string_view::npos;
  }
  BufferLease needle;
  if (!needle.acquire(ts, item)) return -1;
  return hay.find(needle.bytes()) != std::string_view::npos;
}

Value bytearray_concat(ThreadState& ts, Value a, Value b) {
  if (!is_bytearray(a)) return NotImplemented();
  if (!has_buffer(b)) return raise_fmt(ts, TypeError_type, "can't concat {} to bytearray", type_name(b));
  std::string joined(bytearray_view(a));
  BufferLease right;
  if (!right.acquire(ts, b)) return Value();
  joined += right.bytes();
  return make_bytearray(ts, joined);
}

// `b += other` mutates b in place (so other references see the change) and returns it.
Value bytearray_inplace_concat(ThreadState& ts, Value a, Value b) {
  if (!is_bytearray(a)) return NotImplemented();
  if (!has_buffer(b)) return raise_fmt(ts, TypeError_type, "can't concat {} to bytearray", type_name(b));
  std::string data;
  if (!buffer_bytes(ts, b, &data) || !splice(ts, as_ba(a), as_ba(a)->size, 0, data)) return Value();
  return a;
}

bool repeat_count(ThreadState& ts, Value count, int64_t size, int64_t* n) {
  if (!index_to_int64(ts, count, n, "cannot fit 'int' into an index-sized integer")) return false;
  if (*n < 0) *n = 0;
  if (size && *n > text::kMaxTextResult / size) {
    raise(ts, MemoryError_type, "");
    return false;
  }
  return true;
}

Value bytearray_repeat(ThreadState& ts, Value self, Value count) {
  int64_t n;
  std::string_view s = bytearray_view(self);
  if (!repeat_count(ts, count, static_cast<int64_t>(s.size()), &n)) return Value();
  std::string out;
  for (int64_t i = 0; i < n; i++) out += s;
  return make_bytearray(ts, out);
}

// The contents are copied out first: splice() cannot take a view of the storage it is about to replace.
Value bytearray_inplace_repeat(ThreadState& ts, Value self, Value count) {
  if (!is_bytearray(self)) return NotImplemented();
  if (!is_int(count) && !type_of(count)->index) return NotImplemented();
  int64_t n;
  std::string s(bytearray_view(self));
  if (!repeat_count(ts, count, static_cast<int64_t>(s.size()), &n)) return Value();
  std::string out;
  for (int64_t i = 0; i < n; i++) out += s;
  if (!splice(ts, as_ba(self), 0, as_ba(self)->size, out)) return Value();
  return self;
}

Value bytearray_mod(ThreadState& ts, Value left, Value right) {
  if (!is_bytearray(left)) return NotImplemented();
  return percent_format_bytes_like(ts, left, right);
}

Value bytearray_iter(ThreadState& ts, Value v) {
  auto* it = ts.alloc<SeqIterObject>(&iterator_type);
  it->seq = v;
  return Value(it);
}

// ---- methods ------------------------------------------------------------------------------------------------------

BA_METHOD(m_append) {
  if (!check_positional_args(ts, "bytearray.append", args, kwnames, 1, 1)) return Value();
  int byte;
  if (!byte_value(ts, args[0], &byte)) return Value();
  char c = static_cast<char>(byte);
  if (!splice(ts, as_ba(self), as_ba(self)->size, 0, std::string_view(&c, 1))) return Value();
  return None();
}

BA_METHOD(m_extend) {
  if (!check_positional_args(ts, "bytearray.extend", args, kwnames, 1, 1)) return Value();
  std::string data;
  if (has_buffer(args[0])) {
    if (!buffer_bytes(ts, args[0], &data)) return Value();
  } else if (!bytes_of_iterable(ts, args[0], &data, "can't extend bytearray with {}")) {
    return Value();
  }
  if (!splice(ts, as_ba(self), as_ba(self)->size, 0, data)) return Value();
  return None();
}

BA_METHOD(m_insert) {
  if (!check_positional_args(ts, "insert", args, kwnames, 2, 2)) return Value();
  int64_t at;
  int byte;
  if (!index_to_int64(ts, args[0], &at) || !byte_value(ts, args[1], &byte)) return Value();
  int64_t size = as_ba(self)->size;
  if (at < 0) at = std::max<int64_t>(at + size, 0);
  at = std::min(at, size);
  char c = static_cast<char>(byte);
  if (!splice(ts, as_ba(self), at, 0, std::string_view(&c, 1))) return Value();
  return None();
}

// The empty check comes before the index check, so pop(5) on an empty bytearray says "pop from empty bytearray", as
// CPython's.
BA_METHOD(m_pop) {
  if (!check_positional_args(ts, "pop", args, kwnames, 0, 1)) return Value();
  ByteArrayObject* b = as_ba(self);
  int64_t at = -1;
  if (!args.empty() && !index_to_int64(ts, args[0], &at)) return Value();
  if (b->size == 0) return raise(ts, IndexError_type, "pop from empty bytearray");
  if (at < 0) at += b->size;
  if (at < 0 || at >= b->size) return raise(ts, IndexError_type, "pop index out of range");
  auto byte = static_cast<unsigned char>(b->data[at]);
  if (!splice(ts, b, at, 1, {})) return Value();
  return Value::small_int(byte);
}

BA_METHOD(m_remove) {
  if (!check_positional_args(ts, "bytearray.remove", args, kwnames, 1, 1)) return Value();
  int byte;
  if (!byte_value(ts, args[0], &byte)) return Value();
  size_t at = bytearray_view(self).find(static_cast<char>(byte));
  if (at == std::string_view::npos) return raise(ts, ValueError_type, "value not found in bytearray");
  if (!splice(ts, as_ba(self), static_cast<int64_t>(at), 1, {})) return Value();
  return None();
}

BA_METHOD(m_reverse) {
  if (!check_positional_args(ts, "bytearray.reverse", args, kwnames, 0, 0)) return Value();
  ByteArrayObject* b = as_ba(self);
  if (b->size) std::reverse(b->data, b->data + b->size);
  return None();
}

BA_METHOD(m_clear) {
  if (!check_positional_args(ts, "bytearray.clear", args, kwnames, 0, 0)) return Value();
  if (!splice(ts, as_ba(self), 0, as_ba(self)->size, {})) return Value();
  return None();
}

BA_METHOD(m_copy) {
  if (!check_positional_args(ts, "bytearray.copy", args, kwnames, 0, 0)) return Value();
  return make_bytearray(ts, bytearray_view(self));
}

// capacity + 1 for the trailing NUL, as CPython's ob_alloc counts it; 0 when nothing was ever allocated.
BA_METHOD(m_alloc) {
  if (!check_positional_args(ts, "bytearray.__alloc__", args, kwnames, 0, 0)) return Value();
  ByteArrayObject* b = as_ba(self);
  return make_int(ts, b->data ? b->capacity + 1 : 0);
}

// decode(encoding='utf-8', errors='strict')
// The decode works on a copy: a codec error handler written in Python could mutate the bytearray mid-decode.
BA_METHOD(m_decode) {
  std::string_view parts[2] = {"utf-8", "strict"};
  if (!codec_args(ts, "decode", args, kwnames, parts)) return Value();
  std::string copy(bytearray_view(self));
  return decode_bytes(ts, copy, parts[0], parts[1]);
}

// __reduce_ex__(protocol): what copy and pickle rebuild a bytearray from, as CPython's _common_reduce: the data
// as bytes from protocol 3 on, as latin-1 text before (Python 2 compatibility), plus the instance __dict__.
BA_METHOD(m_reduce_ex) {
  if (!check_positional_args(ts, "__reduce_ex__", args, kwnames, 1, 1)) return Value();
  int64_t protocol;
  if (!index_to_int64(ts, args[0], &protocol)) return Value();
  std::string_view data = bytearray_view(self);
  Value state = None();
  if (DictObject** d = instance_dict_slot(self); d && *d) state = Value(*d);
  Value ctor_args;
  if (protocol < 3) {
    std::string text;
    for (unsigned char c : data) text::append_utf8(text, c);
    Value parts[2] = {Value(make_str(ts, text)), Value(intern(ts, "latin-1"))};
    ctor_args = Value(make_tuple(ts, parts));
  } else if (data.empty()) {
    ctor_args = Value(make_tuple(ts, 0));
  } else {
    Value copy = make_bytes(ts, data);
    ctor_args = Value(make_tuple(ts, std::span<const Value>(&copy, 1)));
  }
  Value items[3] = {Value(type_of(self)), ctor_args, state};
  return Value(make_tuple(ts, items));
}

const MethodDef bytearray_methods[] = {
    {"append", m_append}, {"extend", m_extend}, {"insert", m_insert}, {"pop", m_pop},
    {"remove", m_remove}, {"reverse", m_reverse}, {"clear", m_clear}, {"copy", m_copy},
    {"__alloc__", m_alloc}, {"decode", m_decode}, {"__reduce_ex__", m_reduce_ex},
};

}  // namespace

Value make_bytearray(ThreadState& ts, std::string_view data) {
  Value v = bytearray_new(ts, &bytearray_type, {}, nullptr);
  if (!data.empty() && !splice(ts, as_ba(v), 0, 0, data)) return Value();
  return v;
}

void init_bytearray_type(ThreadState& ts) {
  Type& t = bytearray_type;
  begin_static_type(ts, t, "bytearray", &object_type, sizeof(ByteArrayObject), kTypeBaseType);
  t.repr = bytearray_repr;
  t.str = bytearray_repr;
  t.hash = [](ThreadState& ts, Value v, int64_t*) {
    raise_fmt(ts, TypeError_type, "unhashable type: '{}'", type_name(v));
    return false;
  };
  t.richcompare = bytearray_richcompare;
  t.length = bytearray_len;
  t.getitem = bytearray_getitem;
  t.setitem = bytearray_setitem;
  t.contains = bytearray_contains;
  t.concat = bytearray_concat;
  t.repeat = bytearray_repeat;
  t.inplace[kOpAdd] = bytearray_inplace_concat;
  t.inplace[kOpMul] = bytearray_inplace_repeat;
  t.binary[kOpMod] = bytearray_mod;
  t.iter = bytearray_iter;
  t.new_instance = bytearray_new;
  t.init = bytearray_init;
  t.finalize = finalize_bytearray;
  add_methods(ts, t, bytearray_methods);
  add_bytes_methods(ts, t);
  finish_static_type<&bytearray_type>(ts, t);
  dict_set_str_new(ts, t.dict, ts.interp->names.hash, None());  // unhashable: bytearray.__hash__ is None
  register_buffer_type(t, bytearray_get_buffer, bytearray_release_buffer);
}

}  // namespace minipy
