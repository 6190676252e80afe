// memoryview: a view of another object's buffer (buffer.h) — slicing and casting without copies, items read and
// written through struct-module formats, and CPython 3.11's rules and messages for released views, read-only
// memory, casts and multi-dimensional shapes. Each memoryview holds one export of its `obj` from creation until
// release() (or until the collector finalizes it), which keeps a bytearray from resizing meanwhile.
// Left out: formats beyond single native codes (struct strings such as '<i' or '2h' are not unpacked), and
// sub-views of multi-dimensional views (CPython does not have them either).
#include <cstring>

#include "vm/objects/buffer.h"
#include "vm/objects/bytearray.h"
#include "vm/objects/static_type.h"
#include "vm/objects/type_init.h"
#include "stdlib/native/struct_codes.h"  // the 'e' format's half-precision conversion, shared with struct

namespace minipy {

Type memoryview_type;

namespace {

#define MV_METHOD(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

struct MemoryViewObject : Object {
  Value obj;                 // the exporting object (memoryview.obj); its export ends with release()
  void (*release_fn)(Value); // obj's release function, captured at export
  char* data;
  int64_t length;            // nbytes
  int64_t itemsize;
  int64_t exports;           // buffers taken from this view (bytes(m), m as an argument), not yet returned
  int64_t hash;              // -1 until computed
  int32_t ndim;
  bool readonly;
  bool released;
  char format[6];            // "B", "@i", ...: a native single-character format
  int64_t dims[2];           // shape[ndim] then strides[ndim] (at least one of each allocated)
  int64_t* shape() { return dims; }
  int64_t* strides() { return dims + ndim; }
};

MemoryViewObject* as_mv(Value v) { return static_cast<MemoryViewObject*>(v.as_object()); }
bool is_memoryview(Value v) { return v.is_object() && v.as_object()->type == &memoryview_type; }

// CPython's CHECK_RELEASED: after release() every operation but repr, release and __exit__ raises ValueError.
// After release() `data` may point at memory the exporter has since freed or moved, so no access is allowed.
bool check_released(ThreadState& ts, MemoryViewObject* m) {
  if (!m->released) return true;
  raise(ts, ValueError_type, "operation forbidden on released memoryview object");
  return false;
}

// ---- formats ----------------------------------------------------------------------------------------------------

// The format character of a native single-item format ("B", "@d"), or 0.
char native_code(std::string_view format) {
  if (format.size() == 2 && format[0] == '@') format.remove_prefix(1);
  if (format.size() != 1) return 0;
  return format[0];
}

// The size of one item of native format `code`, or 0 for codes memoryview does not know. Sizes are those of this
// LP64 target's C types (long is 8 bytes), as struct's native mode reports them.
int64_t native_size(char code) {
  switch (code) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'd': case 'P': return 8;
    default: return 0;
  }
}

bool is_byte_format(char code) { return code == 'b' || code == 'B' || code == 'c'; }

template <class T>
T load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
template <class T>
void store(char* p, T v) {
  std::memcpy(p, &v, sizeof v);
}

// The Python value of the item at `p` (CPython's unpack_single).
Value unpack_item(ThreadState& ts, const char* format, const char* p) {
  switch (native_code(format)) {
    case 'c': return make_bytes(ts, std::string_view(p, 1));
    case 'b': return Value::small_int(load<int8_t>(p));
    case 'B': return Value::small_int(load<uint8_t>(p));
    case '?': return Bool(load<uint8_t>(p) != 0);
    case 'h': return Value::small_int(load<int16_t>(p));
    case 'H': return Value::small_int(load<uint16_t>(p));
    case 'i': return Value::small_int(load<int32_t>(p));
    case 'I': return Value::small_int(load<uint32_t>(p));
    case 'l': case 'q': case 'n': return make_int(ts, load<int64_t>(p));
    // Unsigned 64-bit values above INT64_MAX are rebuilt as (u >> 1) * 2 + (u & 1): BigInt is built from int64.
    case 'L': case 'Q': case 'N': case 'P': {
      auto u = load<uint64_t>(p);
      if (u <= static_cast<uint64_t>(INT64_MAX)) return make_int(ts, static_cast<int64_t>(u));
      return make_int(ts, BigInt(static_cast<int64_t>(u >> 1)).shifted_left(1) + BigInt(static_cast<int64_t>(u & 1)));
    }
    case 'f': return make_float(ts, load<float>(p));
    case 'd': return make_float(ts, load<double>(p));
    case 'e': return make_float(ts, struct_codes::half_to_double(load<uint16_t>(p)));
    default: return raise_fmt(ts, NotImplementedError_type, "memoryview: format {} not supported", format);
  }
}

Value invalid_type(ThreadState& ts, const char* format) {
  return raise_fmt(ts, TypeError_type, "memoryview: invalid type for format '{}'", format);
}
Value invalid_value(ThreadState& ts, const char* format) {
  return raise_fmt(ts, ValueError_type, "memoryview: invalid value for format '{}'", format);
}

// Writes `v` as one item of `format` at `p` (CPython's pack_single); false with the exception pending.
// '?' takes any object's truth; the float codes take a float, an int, or whatever float() accepts (CPython's
// PyFloat_AsDouble); the integer codes take int or __index__ and check the C type's range, raising
// "invalid value" for out-of-range ints as CPython does (never silently truncating). Packing 'e' is not
// implemented (unpacking is).
bool pack_item(ThreadState& ts, const char* format, char* p, Value v) {
  char code = native_code(format);
  switch (code) {
    case 'c': {
      if (type_of(v) != &bytes_type) return invalid_type(ts, format), false;
      auto* b = static_cast<BytesObject*>(v.as_object());
      if (b->size != 1) return invalid_value(ts, format), false;
      *p = b->data[0];
      return true;
    }
    case '?': {
      int truth = py_truth(ts, v);
      if (truth < 0) return false;
      store<uint8_t>(p, static_cast<uint8_t>(truth));
      return true;
    }
    case 'f': case 'd': case 'e': {
      double d;
      bool is_number;
      if (!to_double(ts, v, &d, &is_number)) {
        if (is_number) return false;
        Value f = type_of(v)->to_float ? call(ts, Value(&float_type), std::span<const Value>(&v, 1)) : Value();
        if (!f) return f || ts.current_exception ? false : (raise_fmt(ts, TypeError_type, "must be real number, not {}", type_name(v)), false);
        d = float_value(f);
      }
      if (code == 'd') store<double>(p, d);
      else if (code == 'f') store<float>(p, static_cast<float>(d));
      else return raise(ts, NotImplementedError_type, "memoryview: format e not supported"), false;
      return true;
    }
    default: break;
  }
  if (!native_size(code)) return raise_fmt(ts, NotImplementedError_type, "memoryview: format {} not supported", format), false;
  if (!is_int(v) && !type_of(v)->index) return invalid_type(ts, format), false;
  Value i = number_index(ts, v);
  if (!i) return false;
  BigInt big = to_bigint(i);
  bool is_unsigned = code == 'B' || code == 'H' || code == 'I' || code == 'L' || code == 'Q' || code == 'N' || code == 'P';
  int64_t bits = native_size(code) * 8;
  BigInt low = is_unsigned ? BigInt(0) : -BigInt(1).shifted_left(static_cast<uint64_t>(bits - 1));
  BigInt high = BigInt(1).shifted_left(static_cast<uint64_t>(is_unsigned ? bits : bits - 1));
  if (compare(big, low) < 0 || compare(big, high) >= 0) return invalid_value(ts, format), false;
  // The range was checked above, so the value fits the item; an unsigned 64-bit value above INT64_MAX is rebuilt from
  // its upper bits because BigInt converts only to int64.
  uint64_t raw = big.sign() < 0 ? static_cast<uint64_t>(big.to_int64())
                 : big.fits_int64() ? static_cast<uint64_t>(big.to_int64())
                                    : (static_cast<uint64_t>(big.shifted_right(1).to_int64()) << 1) | (big.is_odd() ? 1 : 0);
  switch (bits) {
    case 8: store<uint8_t>(p, static_cast<uint8_t>(raw)); break;
    case 16: store<uint16_t>(p, static_cast<uint16_t>(raw)); break;
    case 32: store<uint32_t>(p, static_cast<uint32_t>(raw)); break;
    default: store<uint64_t>(p, raw); break;
  }
  return true;
}

// ---- construction -----------------------------------------------------------------------------------------------

// A view object with room for ndim shape and stride pairs (one pair even for a 0-dim view), not yet exporting.
// Shape and strides live inline after the fixed part (a variable-size object), so a view costs one allocation and the
// shape cannot outlive it.
MemoryViewObject* alloc_view(ThreadState& ts, int ndim) {
  size_t dims = static_cast<size_t>(2 * (ndim > 0 ? ndim : 1));
  auto* m = ts.alloc<MemoryViewObject>(&memoryview_type, offsetof(MemoryViewObject, dims) + dims * sizeof(int64_t));
  m->obj = Value();
  m->release_fn = nullptr;
  m->exports = 0;
  m->hash = -1;
  m->ndim = ndim;
  m->released = false;
  return m;
}

void set_format(MemoryViewObject* m, std::string_view format) {
  size_t n = std::min(format.size(), sizeof m->format - 1);
  std::memcpy(m->format, format.data(), n);
  m->format[n] = '\0';
}

// A new view of `source`'s memory (a fresh export of `obj`) with `ndim` dimensions, to be shaped by the caller.
// Each derived view (slice, cast, toreadonly, memoryview(m)) takes its own export of the base object rather
// than sharing one managed buffer as CPython's do: releasing the view it came from leaves it usable, and the
// exporter stays locked (a bytearray cannot resize) while any of them is unreleased.
Value new_view_like(ThreadState& ts, MemoryViewObject* source, int ndim) {
  BufferView view;
  if (!get_buffer(ts, source->obj, &view)) return Value();
  MemoryViewObject* m = alloc_view(ts, ndim);
  m->obj = source->obj;
  m->release_fn = view.release;
  m->data = source->data;
  m->length = source->length;
  m->itemsize = source->itemsize;
  m->readonly = source->readonly;
  std::memcpy(m->format, source->format, sizeof m->format);
  return Value(m);
}

void copy_dims(MemoryViewObject* to, MemoryViewObject* from) {
  for (int d = 0; d < from->ndim; d++) {
    to->shape()[d] = from->shape()[d];
    to->strides()[d] = from->strides()[d];
  }
}

}  // namespace

Value make_memoryview(ThreadState& ts, Value obj) {
  if (is_memoryview(obj)) {
    // A view of a view shares the underlying object (memoryview(m).obj is m.obj), as CPython's managed buffer.
    MemoryViewObject* source = as_mv(obj);
    if (!check_released(ts, source)) return Value();
    Value r = new_view_like(ts, source, source->ndim);
    if (r) copy_dims(as_mv(r), source);
    return r;
  }
  if (!has_buffer(obj))
    return raise_fmt(ts, TypeError_type, "memoryview: a bytes-like object is required, not '{}'", type_name(obj));
  BufferView view;
  if (!get_buffer(ts, obj, &view)) return Value();
  if (view.ndim > kMaxBufferDims) {
    release_buffer(&view);
    return raise(ts, ValueError_type, "memoryview: number of dimensions must not exceed 64");
  }
  MemoryViewObject* m = alloc_view(ts, view.ndim);
  m->obj = obj;
  m->release_fn = view.release;
  m->data = view.data;
  m->length = view.length;
  m->itemsize = view.itemsize;
  m->readonly = view.readonly;
  set_format(m, view.format);
  for (int d = 0; d < view.ndim; d++) {
    m->shape()[d] = view.extent(d);
    m->strides()[d] = view.stride(d);
  }
  return Value(m);
}

namespace {

// ---- the exporter side: memoryviews are bytes-like arguments too -----------------------------------------------

// A memoryview exports its own description (not its object's) and counts the exports: release() refuses
// while any is outstanding, since the consumer holds a raw pointer into the memory.
bool mv_get_buffer(ThreadState& ts, Value obj, BufferView* view) {
  MemoryViewObject* m = as_mv(obj);
  if (!check_released(ts, m)) return false;
  view->data = m->data;
  view->length = m->length;
  view->itemsize = m->itemsize;
  view->format = m->format;
  view->readonly = m->readonly;
  view->ndim = m->ndim;
  view->shape = m->shape();
  view->strides = m->strides();
  m->exports++;
  return true;
}
void mv_release_buffer(Value obj) { as_mv(obj)->exports--; }

// A BufferView describing `m` without taking an export (for m's own methods).
BufferView describe(MemoryViewObject* m) {
  BufferView v;
  v.data = m->data;
  v.length = m->length;
  v.itemsize = m->itemsize;
  v.format = m->format;
  v.readonly = m->readonly;
  v.ndim = m->ndim;
  v.shape = m->shape();
  v.strides = m->strides();
  return v;
}

// Ends m's export of its object (release() and finalization). Idempotent: released is set first, so a release()
// followed by finalization returns the export once.
void end_export(MemoryViewObject* m) {
  if (m->released) return;
  m->released = true;
  if (m->release_fn && m->obj) m->release_fn(m->obj);
}

// Runs during the sweep (no object is freed or allocated here). An exporter that is garbage of the same collection may be swept before this view: its slot then has no type (and
// its header words are the free list's), and its export count is no one's concern any more, so it is not touched.
void finalize_memoryview(Object* o) {
  auto* m = static_cast<MemoryViewObject*>(o);
  if (m->obj && m->obj.is_object() && !m->obj.as_object()->type) {
    m->released = true;
    return;
  }
  end_export(m);
}
void trace_memoryview(Object* o, Tracer& tracer) { tracer.visit(static_cast<MemoryViewObject*>(o)->obj); }

// ---- walking items ------------------------------------------------------------------------------------------------

std::string to_bytes(const BufferView& v, bool fortran = false) {
  if (!fortran || v.ndim <= 1) return gather_bytes(v);
  // Fortran order: the first index varies fastest (walk the transposed view).
  BufferView t = v;
  int64_t shape[kMaxBufferDims], strides[kMaxBufferDims];
  for (int d = 0; d < v.ndim; d++) {
    shape[d] = v.extent(v.ndim - 1 - d);
    strides[d] = v.stride(v.ndim - 1 - d);
  }
  t.shape = shape;
  t.strides = strides;
  return to_bytes(t);
}

// tolist() for dimension `dim` onward, recursively. The list is filled with None before the items are made,
// so a collection triggered by an allocation in between traces only valid values.
Value list_of(ThreadState& ts, const BufferView& v, int dim, const char* base) {
  if (dim == v.ndim) return unpack_item(ts, v.format, base);
  int64_t n = v.extent(dim);
  ListObject* l = make_list(ts, n);
  for (int64_t i = 0; i < n; i++) l->items[i] = None();
  for (int64_t i = 0; i < n; i++) {
    Value item = list_of(ts, v, dim + 1, base + i * v.stride(dim));
    if (!item) return item;
    l->items[i] = item;
  }
  return Value(l);
}

// ---- slots ------------------------------------------------------------------------------------------------------

Value mv_repr(ThreadState& ts, Value v) {
  return Value(make_str(ts, fmt::format("<{}memory at {:#x}>", as_mv(v)->released ? "released " : "", v.bits())));
}

// len() of a 0-dim view is 1, as CPython's memory_length.
int64_t mv_len(ThreadState& ts, Value v) {
  MemoryViewObject* m = as_mv(v);
  if (!check_released(ts, m)) return -1;
  return m->ndim == 0 ? 1 : m->shape()[0];
}

// The address of item `key` (an int or a tuple of ints, one per dimension); null with an exception otherwise.
char* item_address(ThreadState& ts, MemoryViewObject* m, Value key) {
  Value single[1] = {key};
  std::span<const Value> indexes(single, 1);
  if (is_tuple(key)) indexes = static_cast<TupleObject*>(key.as_object())->span();
  if (static_cast<int64_t>(indexes.size()) < m->ndim) {
    raise(ts, NotImplementedError_type, "sub-views are not implemented");
    return nullptr;
  }
  if (static_cast<int64_t>(indexes.size()) > m->ndim) {
    raise_fmt(ts, TypeError_type, "cannot index {}-dimension view with {}-element tuple", m->ndim, indexes.size());
    return nullptr;
  }
  char* p = m->data;
  for (int d = 0; d < m->ndim; d++) {
    Value k = indexes[static_cast<size_t>(d)];
    if (!is_int(k) && !type_of(k)->index) {
      raise(ts, TypeError_type, "memoryview: invalid slice key");
      return nullptr;
    }
    int64_t i;
    if (!index_to_int64(ts, k, &i)) return nullptr;
    int64_t n = m->shape()[d];
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
      raise_fmt(ts, IndexError_type, "index out of bounds on dimension {}", d + 1);
      return nullptr;
    }
    p += i * m->strides()[d];
  }
  // An index's __index__ may have released the view (and the exporter then resized): CPython's
  // CHECK_RELEASED_AGAIN.
  if (!check_released(ts, m)) return nullptr;
  return p;
}

bool is_slice(Value v) { return v.is_object() && v.as_object()->type == &slice_type; }
// A tuple of slices only (CPython's is_multislice); a tuple mixing slices and ints is an invalid key.
bool tuple_has_slice(Value key) {
  if (!is_tuple(key) || static_cast<TupleObject*>(key.as_object())->size == 0) return false;
  for (Value k : static_cast<TupleObject*>(key.as_object())->span())
    if (!is_slice(k)) return false;
  return true;
}

// CPython 3.11's memory_subscript: on a 0-dim view, m[...] is the view itself and m[()] its single item; a
// slice gives a sub-view along the first dimension; an int (or a tuple of ints, one per dimension) gives an
// item; multi-dimensional slicing and sub-views raise NotImplementedError with CPython's messages.
Value mv_getitem(ThreadState& ts, Value v, Value key) {
  MemoryViewObject* m = as_mv(v);
  if (!check_released(ts, m)) return Value();
  if (m->ndim == 0) {
    if (key == Value(&ellipsis_object)) return v;
    if (is_tuple(key) && static_cast<TupleObject*>(key.as_object())->size == 0) return unpack_item(ts, m->format, m->data);
    return raise(ts, TypeError_type, "invalid indexing of 0-dim memory");
  }
  if (is_slice(key)) {
    // A sub-view along the first dimension: same memory, new start, extent and stride. It takes its export before
    // the bounds' __index__ run, as CPython's: one that releases m then cannot resize the exporter under it.
    Value r = new_view_like(ts, m, m->ndim);
    if (!r) return r;
    MemoryViewObject* s = as_mv(r);
    int64_t start, stop, step, n;
    if (!slice_indices(ts, static_cast<SliceObject*>(key.as_object()), m->shape()[0], &start, &stop, &step, &n)) {
      end_export(s);
      return Value();
    }
    copy_dims(s, m);
    s->data = m->data + start * m->strides()[0];
    s->shape()[0] = n;
    s->strides()[0] = m->strides()[0] * step;
    s->length = s->itemsize;
    for (int d = 0; d < s->ndim; d++) s->length *= s->shape()[d];
    return r;
  }
  if (key == Value(&ellipsis_object)) return v;
  if (tuple_has_slice(key)) return raise(ts, NotImplementedError_type, "multi-dimensional slicing is not implemented");
  if (!is_tuple(key) && !is_int(key) && !type_of(key)->index) return raise(ts, TypeError_type, "memoryview: invalid slice key");
  if (!is_tuple(key) && m->ndim > 1)
    return raise(ts, NotImplementedError_type, "multi-dimensional sub-views are not implemented");
  char* p = item_address(ts, m, key);
  return p ? unpack_item(ts, m->format, p) : Value();
}

// Packs `value` into the item at `p` of m. The conversion runs first, into a local: it may call Python code
// (__index__, __float__, __bool__) that releases m, after which its exporter may have moved or freed `p`.
bool store_item(ThreadState& ts, MemoryViewObject* m, char* p, Value value) {
  char item[16];
  if (m->itemsize > static_cast<int64_t>(sizeof item))
    return raise_fmt(ts, NotImplementedError_type, "memoryview: format {} not supported", m->format), false;
  if (!pack_item(ts, m->format, item, value) || !check_released(ts, m)) return false;
  std::memcpy(p, item, static_cast<size_t>(m->itemsize));
  return true;
}

// The store side of mv_getitem (memory_ass_sub): only 1-D slices are assignable, from a buffer of the same
// format, itemsize and length.
bool mv_setitem(ThreadState& ts, Value v, Value key, Value value) {
  MemoryViewObject* m = as_mv(v);
  if (!check_released(ts, m)) return false;
  if (m->readonly) return raise(ts, TypeError_type, "cannot modify read-only memory"), false;
  if (!value) return raise(ts, TypeError_type, "cannot delete memory"), false;
  if (m->ndim == 0) {
    if (key == Value(&ellipsis_object) || (is_tuple(key) && static_cast<TupleObject*>(key.as_object())->size == 0))
      return store_item(ts, m, m->data, value);
    return raise(ts, TypeError_type, "invalid indexing of 0-dim memory"), false;
  }
  if (is_slice(key)) {
    if (m->ndim != 1) return raise(ts, NotImplementedError_type, "memoryview slice assignments are currently restricted to ndim = 1"), false;
    int64_t start, stop, step, n;
    if (!slice_indices(ts, static_cast<SliceObject*>(key.as_object()), m->shape()[0], &start, &stop, &step, &n) ||
        !check_released(ts, m))  // the bounds' __index__ may have released m
      return false;
    BufferLease source;
    if (!has_buffer(value))
      return raise_fmt(ts, TypeError_type, "a bytes-like object is required, not '{}'", type_name(value)), false;
    if (!get_buffer(ts, value, &source.view)) return false;
    const BufferView& src = source.view;
    if (native_code(src.format) != native_code(m->format) || src.itemsize != m->itemsize || src.ndim != 1 ||
        src.extent(0) != n)
      return raise(ts, ValueError_type, "memoryview assignment: lvalue and rvalue have different structures"), false;
    // Copy out first: source and destination may overlap (m[1:] = m[:-1]).
    std::string items = to_bytes(src);
    for (int64_t i = 0; i < n; i++)
      std::memcpy(m->data + (start + i * step) * m->strides()[0], items.data() + i * m->itemsize,
                  static_cast<size_t>(m->itemsize));
    return true;
  }
  if (tuple_has_slice(key)) return raise(ts, NotImplementedError_type, "memoryview slice assignments are currently restricted to ndim = 1"), false;
  if (!is_tuple(key) && !is_int(key) && !type_of(key)->index) return raise(ts, TypeError_type, "memoryview: invalid slice key"), false;
  if (!is_tuple(key) && m->ndim > 1) return raise(ts, NotImplementedError_type, "sub-views are not implemented"), false;
  char* p = item_address(ts, m, key);
  return p && store_item(ts, m, p, value);
}

// Iteration uses the generic index iterator over mv_getitem (CPython 3.11 has a dedicated memory_iterator;
// the items are the same, the iterator's type name is not).
Value mv_iter(ThreadState& ts, Value v) {
  MemoryViewObject* m = as_mv(v);
  if (!check_released(ts, m)) return Value();
  if (m->ndim == 0) return raise(ts, TypeError_type, "invalid indexing of 0-dim memory");
  if (m->ndim > 1) return raise(ts, NotImplementedError_type, "multi-dimensional sub-views are not implemented");
  auto* it = ts.alloc<SeqIterObject>(&iterator_type);
  it->seq = v;
  return Value(it);
}

// == and != only: equal shapes and equal items (unpacked, so b'\x01' equals a 'b' view of 1).
Value mv_richcompare(ThreadState& ts, Value a, Value b, int op) {
  if (op != kEq && op != kNe) return NotImplemented();
  bool equal;
  if (a == b) {
    equal = true;
  } else if ((is_memoryview(a) && as_mv(a)->released) || (is_memoryview(b) && as_mv(b)->released)) {
    equal = false;
  } else if (!has_buffer(a) || !has_buffer(b)) {
    return NotImplemented();
  } else {
    BufferLease la, lb;
    if (!get_buffer(ts, a, &la.view) || !get_buffer(ts, b, &lb.view)) return Value();
    const BufferView &x = la.view, &y = lb.view;
    equal = x.ndim == y.ndim;
    for (int d = 0; equal && d < x.ndim; d++) equal = x.extent(d) == y.extent(d);
    if (equal && native_code(x.format) == native_code(y.format) && is_byte_format(native_code(x.format)) &&
        x.c_contiguous() && y.c_contiguous()) {
      equal = x.bytes() == y.bytes();
    } else if (equal) {
      // A list object holds the unpacked items (not a C++ vector, which a collection would not see).
      ListObject* left = make_list(ts, 0);
      bool ok = for_each_buffer_item(x, [&](const char* p) {
        Value item = unpack_item(ts, x.format, p);
        return item && list_append(ts, left, item);
      });
      if (!ok) {
        // Formats memoryview cannot unpack compare as not equal, as CPython's struct fallback would fail to.
        if (!exception_matches(ts.current_exception, &NotImplementedError_type)) return Value();
        ts.current_exception = Value();
        equal = false;
      } else {
        size_t i = 0;
        ok = for_each_buffer_item(y, [&](const char* p) {
          Value item = unpack_item(ts, y.format, p);
          if (!item) return false;
          int eq = py_eq(ts, left->items[i++], item);
          if (eq < 0) return false;
          equal = equal && eq;
          return true;
        });
        if (!ok) {
          if (!exception_matches(ts.current_exception, &NotImplementedError_type)) return Value();
          ts.current_exception = Value();
          equal = false;
        }
      }
    }
  }
  return Bool(op == kEq ? equal : !equal);
}

// CPython's memory_hash: only read-only views of byte formats are hashable, the hash is that of the equal
// bytes object (so hash(m) == hash(m.tobytes())), computed once and cached.
bool mv_hash(ThreadState& ts, Value v, int64_t* out) {
  MemoryViewObject* m = as_mv(v);
  if (m->hash != -1) return *out = m->hash, true;
  if (!check_released(ts, m)) return false;
  if (!m->readonly) return raise(ts, ValueError_type, "cannot hash writable memoryview object"), false;
  if (!is_byte_format(native_code(m->format)))
    return raise(ts, ValueError_type, "memoryview: hashing is restricted to formats 'B', 'b' or 'c'"), false;
  int64_t ignored;
  if (!py_hash(ts, m->obj, &ignored)) return false;  // CPython requires a hashable exporter too
  // Equal to the hash of the equal bytes object.
  if (!py_hash(ts, make_bytes(ts, to_bytes(describe(m))), out)) return false;
  m->hash = *out;
  return true;
}

Value mv_new(ThreadState& ts, Type*, std::span<const Value> args, TupleObject* kwnames) {
  size_t n = positional_count(args, kwnames);
  if (args.size() > 1)
    return raise_fmt(ts, TypeError_type, "memoryview() takes at most 1 argument ({} given)", args.size());
  Value obj = n ? args[0] : keyword_arg(ts, args, kwnames, "object");
  if (!obj) return raise(ts, TypeError_type, "memoryview() missing required argument 'object' (pos 1)");
  return make_memoryview(ts, obj);
}

// ---- methods ----------------------------------------------------------------------------------------------------

bool no_args(ThreadState& ts, const char* name, std::span<const Value> args, TupleObject* kwnames) {
  return no_keywords(ts, name, kwnames) && check_arg_count(ts, name, args.size(), 0, 0);
}

// tobytes(order='C'): the items in C order, or Fortran order (first index fastest) for 'F'; 'A' is taken as 'C'.
MV_METHOD(m_tobytes) {
  size_t n = positional_count(args, kwnames);
  if (n > 1) return raise_fmt(ts, TypeError_type, "tobytes() takes at most 1 argument ({} given)", n);
  Value order = n ? args[0] : keyword_arg(ts, args, kwnames, "order");
  MemoryViewObject* m = as_mv(self);
  if (!check_released(ts, m)) return Value();
  bool fortran = false;
  if (order && !is_none(order)) {
    if (!is_str(order)) return raise_fmt(ts, TypeError_type, "tobytes() argument 'order' must be str or None, not {}", type_name(order));
    std::string_view o = as_str(order)->view();
    if (o != "C" && o != "F" && o != "A") return raise(ts, ValueError_type, "order must be 'C', 'F' or 'A'");
    fortran = o == "F";
  }
  return make_bytes(ts, to_bytes(describe(m), fortran));
}

MV_METHOD(m_tolist) {
  if (!no_args(ts, "memoryview.tolist", args, kwnames)) return Value();
  MemoryViewObject* m = as_mv(self);
  if (!check_released(ts, m)) return Value();
  BufferView v = describe(m);
  return list_of(ts, v, 0, v.data);
}

// hex(sep=None, bytes_per_sep=1): bytes.hex of tobytes().
// Delegating to bytes.hex keeps the separator arguments' validation and messages in one place.
MV_METHOD(m_hex) {
  MemoryViewObject* m = as_mv(self);
  if (!check_released(ts, m)) return Value();
  Value copy = make_bytes(ts, to_bytes(describe(m)));
  Value method = get_attr(ts, copy, intern(ts, "hex"));
  return method ? call(ts, method, args, kwnames) : method;
}

// BufferError while another consumer still holds this view's own buffer (mv_get_buffer), as CPython;
// releasing twice is harmless.
MV_METHOD(m_release) {
  if (!no_args(ts, "memoryview.release", args, kwnames)) return Value();
  MemoryViewObject* m = as_mv(self);
  if (m->exports > 0)
    return raise_fmt(ts, BufferError_type, "memoryview has {} exported buffer{}", m->exports, m->exports == 1 ? "" : "s");
  end_export(m);
  return None();
}

MV_METHOD(m_enter) {
  if (!no_args(ts, "memoryview.__enter__", args, kwnames)) return Value();
  if (!check_released(ts, as_mv(self))) return Value();
  return self;
}

// `with memoryview(b) as m:` releases on exit, ignoring the exception arguments.
MV_METHOD(m_exit) {
  (void)args;
  (void)kwnames;
  return m_release(ts, self, std::span<const Value>(), nullptr);
}

MV_METHOD(m_toreadonly) {
  if (!no_args(ts, "memoryview.toreadonly", args, kwnames)) return Value();
  MemoryViewObject* m = as_mv(self);
  if (!check_released(ts, m)) return Value();
  Value r = new_view_like(ts, m, m->ndim);
  if (!r) return r;
  copy_dims(as_mv(r), m);
  as_mv(r)->readonly = true;
  return r;
}

// cast(format, shape=None): 1-D to N-D or N-D to 1-D over C-contiguous memory, one side a byte format.
// The restrictions and messages are those of CPython's memory_cast.
MV_METHOD(m_cast) {
  size_t n = positional_count(args, kwnames);
  if (n > 2) return raise_fmt(ts, TypeError_type, "cast() takes at most 2 arguments ({} given)", n);
  Value format = n > 0 ? args[0] : keyword_arg(ts, args, kwnames, "format");
  Value shape = n > 1 ? args[1] : keyword_arg(ts, args, kwnames, "shape");
  if (!format) return raise(ts, TypeError_type, "cast() missing required argument 'format' (pos 1)");
  MemoryViewObject* m = as_mv(self);
  if (!check_released(ts, m)) return Value();
  if (!is_str(format)) return raise_fmt(ts, TypeError_type, "cast() argument 'format' must be str, not {}", type_name(format));
  BufferView v = describe(m);
  if (!v.c_contiguous()) return raise(ts, TypeError_type, "memoryview: casts are restricted to C-contiguous views");
  bool zeros = false;
  for (int d = 0; d < m->ndim; d++) zeros = zeros || m->shape()[d] == 0;
  if ((shape || m->ndim != 1) && zeros)
    return raise(ts, TypeError_type, "memoryview: cannot cast view with zeros in shape or strides");
  std::span<Value> dims;
  if (shape) {
    if (!is_list(shape) && !is_tuple(shape)) return raise(ts, TypeError_type, "shape must be a list or a tuple");
    dims = is_list(shape) ? static_cast<ListObject*>(shape.as_object())->span()
                          : static_cast<TupleObject*>(shape.as_object())->span();
    if (m->ndim != 1 && dims.size() != 1)
      return raise(ts, TypeError_type, "memoryview: cast must be 1D -> ND or ND -> 1D");
  }
  std::string_view fmt_text = as_str(format)->view();
  char code = native_code(fmt_text);
  // 3.11 cannot cast to half floats ('e' arrived in 3.12), though it reads them where an exporter offers them.
  int64_t itemsize = code == 'e' ? 0 : native_size(code);
  if (!itemsize)
    return raise(ts, ValueError_type,
                 "memoryview: destination format must be a native single character format prefixed with an optional '@'");
  if (!is_byte_format(native_code(m->format)) && !is_byte_format(code))
    return raise(ts, TypeError_type, "memoryview: cannot cast between two non-byte formats");
  if (m->length % itemsize) return raise(ts, TypeError_type, "memoryview: length is not a multiple of itemsize");
  int ndim = shape ? static_cast<int>(dims.size()) : 1;
  if (shape && dims.size() > static_cast<size_t>(kMaxBufferDims))
    return raise(ts, ValueError_type, "memoryview: number of dimensions must not exceed 64");
  std::vector<int64_t> extents;
  // The byte count, as CPython counts it: from the itemsize, so that product * itemsize cannot wrap around to the
  // buffer's length (cast('d', [2**61 + 1]) of 8 bytes would index far outside them).
  int64_t bytes = itemsize;
  if (shape) {
    for (Value d : dims) {
      int64_t e = 0;
      if (!is_int(d)) return raise(ts, TypeError_type, "memoryview.cast(): elements of shape must be integers");
      if (!int_to_int64(d, &e)) return raise(ts, OverflowError_type, "Python int too large to convert to C ssize_t");
      if (e <= 0) return raise(ts, ValueError_type, "memoryview.cast(): elements of shape must be integers > 0");
      if (e > INT64_MAX / bytes) return raise(ts, ValueError_type, "memoryview.cast(): product(shape) > SSIZE_MAX");
      bytes *= e;
      extents.push_back(e);
    }
    if (bytes != m->length)
      return raise(ts, TypeError_type, "memoryview: product(shape) * itemsize != buffer size");
  } else {
    extents.push_back(m->length / itemsize);
  }
  Value r = new_view_like(ts, m, ndim);
  if (!r) return r;
  MemoryViewObject* c = as_mv(r);
  set_format(c, fmt_text);
  c->itemsize = itemsize;
  int64_t stride = itemsize;
  for (int d = ndim - 1; d >= 0; d--) {
    c->shape()[d] = extents[static_cast<size_t>(d)];
    c->strides()[d] = stride;
    stride *= extents[static_cast<size_t>(d)];
  }
  return r;
}

// ---- attributes -------------------------------------------------------------------------------------------------

template <Value (*get)(ThreadState&, MemoryViewObject*)>
MV_METHOD(attribute) {
  (void)args;
  (void)kwnames;
  MemoryViewObject* m = as_mv(self);
  if (!check_released(ts, m)) return Value();
  return get(ts, m);
}
Value tuple_of(ThreadState& ts, const int64_t* values, int n) {
  TupleObject* t = make_tuple(ts, n);
  for (int i = 0; i < n; i++) t->items[i] = make_int(ts, values[i]);
  return Value(t);
}
Value a_obj(ThreadState&, MemoryViewObject* m) { return m->obj; }
Value a_nbytes(ThreadState& ts, MemoryViewObject* m) { return make_int(ts, m->length); }
Value a_readonly(ThreadState&, MemoryViewObject* m) { return Bool(m->readonly); }
Value a_itemsize(ThreadState& ts, MemoryViewObject* m) { return make_int(ts, m->itemsize); }
Value a_format(ThreadState& ts, MemoryViewObject* m) { return Value(make_str(ts, m->format)); }
Value a_ndim(ThreadState& ts, MemoryViewObject* m) { return make_int(ts, m->ndim); }
Value a_shape(ThreadState& ts, MemoryViewObject* m) { return tuple_of(ts, m->shape(), m->ndim); }
Value a_strides(ThreadState& ts, MemoryViewObject* m) { return tuple_of(ts, m->strides(), m->ndim); }
Value a_suboffsets(ThreadState& ts, MemoryViewObject*) { return ts.interp->empty_tuple; }
Value a_c_contiguous(ThreadState&, MemoryViewObject* m) { return Bool(describe(m).c_contiguous()); }
Value a_f_contiguous(ThreadState&, MemoryViewObject* m) { return Bool(describe(m).f_contiguous()); }
Value a_contiguous(ThreadState&, MemoryViewObject* m) {
  return Bool(describe(m).c_contiguous() || describe(m).f_contiguous());
}

const MethodDef memoryview_methods[] = {
    {"release", m_release},   {"tobytes", m_tobytes}, {"hex", m_hex},       {"tolist", m_tolist},
    {"cast", m_cast},         {"toreadonly", m_toreadonly}, {"__enter__", m_enter}, {"__exit__", m_exit},
};
const MethodDef memoryview_getsets[] = {
    {"obj", attribute<a_obj>},
    {"nbytes", attribute<a_nbytes>},
    {"readonly", attribute<a_readonly>},
    {"itemsize", attribute<a_itemsize>},
    {"format", attribute<a_format>},
    {"ndim", attribute<a_ndim>},
    {"shape", attribute<a_shape>},
    {"strides", attribute<a_strides>},
    {"suboffsets", attribute<a_suboffsets>},
    {"c_contiguous", attribute<a_c_contiguous>},
    {"f_contiguous", attribute<a_f_contiguous>},
    {"contiguous", attribute<a_contiguous>},
};

}  // namespace

void init_memoryview_type(ThreadState& ts) {
  Type& t = memoryview_type;
  begin_static_type(ts, t, "memoryview", &object_type, sizeof(MemoryViewObject), 0);
  t.repr = mv_repr;
  t.str = mv_repr;
  t.hash = mv_hash;
  t.richcompare = mv_richcompare;
  t.length = mv_len;
  t.getitem = mv_getitem;
  t.setitem = mv_setitem;
  t.iter = mv_iter;
  t.new_instance = mv_new;
  t.trace = trace_memoryview;
  t.finalize = finalize_memoryview;
  add_methods(ts, t, memoryview_methods);
  add_getsets(ts, t, memoryview_getsets);
  finish_static_type<&memoryview_type>(ts, t);
  register_buffer_type(t, mv_get_buffer, mv_release_buffer);
}

}  // namespace minipy
