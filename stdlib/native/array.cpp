// The native `array` module: CPython 3.11's arraymodule.c. An array keeps its items in one contiguous,
// malloc'd byte vector of machine values (what the buffer protocol exports: array_storage() below), so
// tobytes/frombytes, byteswap, struct.pack_into and hashes see the same bytes as CPython's. Item conversions
// raise CPython's messages, which differ per typecode (array_items.cpp; array_object.h is the layout both files
// share). Leaves out _array_reconstructor and __reduce_ex__
// (pickling arrays).
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "vm/objects/buffer.h"
#include "vm/objects/bytearray.h"
#include "vm/objects/sequence.h"
#include "stdlib/native/array_object.h"
#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"

namespace minipy {

namespace native_array {
Type array_type;
}  // namespace native_array

namespace {

using namespace native_array;

struct ArrayIterObject : Object {
  Value array;  // null once exhausted
  int64_t index;
};

Type array_iter_type;

// The item storage is malloc'd outside the GC heap and owned by the array alone (exports borrow it, and while
// any is outstanding the array refuses to resize: check_resize / exports_ended).
void finalize_array(Object* self) {
  std::free(static_cast<ArrayObject*>(self)->data);
  static_cast<ArrayObject*>(self)->data = nullptr;
}

// An empty array of `typecode`; `type` may be a subclass (its instance size includes the attribute dict).
ArrayObject* new_array(ThreadState& ts, Type* type, const TypeCode* typecode) {
  auto* a = ts.alloc<ArrayObject>(type, type->instance_size);
  a->typecode = typecode;
  return a;
}

// ---- construction and representation ----------------------------------------------------------------------------

// A list or tuple initializer: each item converted once (not twice, as extend does), and only as many as the
// sequence had at the start; a list the conversions shrink fails as indexing it would.
bool append_sequence(ThreadState& ts, ArrayObject* a, Value seq) {
  bool list = is_list(seq);
  int64_t count = list ? static_cast<ListObject*>(seq.as_object())->size : static_cast<TupleObject*>(seq.as_object())->size;
  for (int64_t i = 0; i < count; i++) {
    auto* l = static_cast<ListObject*>(seq.as_object());
    if (list && i >= l->size) return raise(ts, IndexError_type, "list index out of range"), false;
    Value item = list ? l->items[i] : static_cast<TupleObject*>(seq.as_object())->items[i];
    if (!append_value(ts, a, item)) return false;
  }
  return true;
}

// array(typecode[, initializer]): the initializer may be a str (only for 'u'), another array (converted
// item by item, but never a 'u' array into a numeric one), bytes or bytearray (raw machine values, as frombytes), or any
// iterable of values (as extend). Keywords are refused for array itself, left to a subclass's __init__.
Value array_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  if (type == &array_type && kwnames && kwnames->size)
    return raise(ts, TypeError_type, "array.array() takes no keyword arguments");
  if (args.empty() || args.size() > 2)
    return raise_fmt(ts, TypeError_type, "array() takes {} ({} given)",
                     args.empty() ? "at least 1 argument" : "at most 2 arguments", args.size());
  Value code = args[0];
  if (!is_str(code) || as_str(code)->length != 1)
    return raise_fmt(ts, TypeError_type, "array() argument 1 must be a unicode character, not {}", type_name(code));
  // Every typecode is ASCII, so a one-character str of more than one UTF-8 byte can only be a bad typecode.
  const TypeCode* t = as_str(code)->size == 1 ? find_typecode(as_str(code)->data[0]) : nullptr;
  if (!t) return raise(ts, ValueError_type, "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
  ArrayObject* a = new_array(ts, type, t);
  if (args.size() == 2 && !is_none(args[1])) {
    Value init = args[1];
    if (is_str(init)) {
      if (!t->is_unicode)
        return raise_fmt(ts, TypeError_type, "cannot use a str to initialize an array with typecode '{}'", t->code);
      if (!append_unicode(ts, a, as_str(init))) return Value();
    } else if (is_array(init) && as_array(init)->typecode->is_unicode && !t->is_unicode) {
      return raise_fmt(ts, TypeError_type, "cannot use a unicode array to initialize an array with typecode '{}'",
                       t->code);
    } else if (is_array(init)) {
      ArrayObject* other = as_array(init);
      for (int64_t i = 0; i < other->size; i++)
        if (!append_value(ts, a, get_item_value(ts, other, i))) return Value();
    } else if (init.is_object() && (is_subtype(type_of(init), &bytes_type) || is_bytearray(init))) {
      // bytes and bytearray (not other buffers: a memoryview is iterated) are raw machine values, as frombytes.
      std::string_view raw;
      if (!native::bytes_like(ts, init, &raw) || !append_bytes(ts, a, raw)) return Value();
    } else if (is_list(init) || is_tuple(init)) {
      if (!append_sequence(ts, a, init)) return Value();
    } else if (!extend_from(ts, a, init)) {
      return Value();
    }
  }
  return Value(a);
}

// array('i', [1, 2]) and array('u', 'text'), as CPython; an empty array shows just the typecode.
Value array_repr(ThreadState& ts, Value self) {
  ArrayObject* a = as_array(self);
  std::string text = fmt::format("{}('{}'", type_of(self)->name->view(), a->typecode->code);
  if (a->size) {
    Value contents;
    if (a->typecode->is_unicode) {
      std::string utf8;
      for (int64_t i = 0; i < a->size; i++) {
        Value ch = get_item_value(ts, a, i);
        if (!ch) return Value();
        utf8 += as_str(ch)->view();
      }
      contents = py_repr(ts, Value(make_str(ts, utf8)));
    } else {
      ListObject* items = make_list(ts, a->size);
      for (int64_t i = 0; i < a->size; i++) items->items[i] = get_item_value(ts, a, i);
      contents = py_repr(ts, Value(items));
    }
    if (!contents) return Value();
    text += ", ";
    text += as_str(contents)->view();
  }
  text += ")";
  return make_str(ts, text);
}

// ---- the sequence protocol --------------------------------------------------------------------------------------

int64_t array_length(ThreadState&, Value self) { return as_array(self)->size; }

// A new plain array (never a subclass, as CPython's array_subscr) of `count` items from `start` by `step`.
ArrayObject* slice_of(ThreadState& ts, ArrayObject* a, int64_t start, int64_t step, int64_t count) {
  ArrayObject* r = new_array(ts, &array_type, a->typecode);
  if (!reserve(ts, r, count)) return nullptr;
  for (int64_t i = 0; i < count; i++) std::memcpy(item_at(r, i), item_at(a, start + i * step), item_size(a));
  r->size = count;
  return r;
}

Value array_getitem(ThreadState& ts, Value self, Value key) {
  ArrayObject* a = as_array(self);
  if (type_of(key) == &slice_type) {
    int64_t start, stop, step, count;
    if (!slice_indices(ts, static_cast<SliceObject*>(key.as_object()), &a->size, &start, &stop, &step, &count))
      return Value();
    ArrayObject* r = slice_of(ts, a, start, step, count);
    return r ? Value(r) : Value();
  }
  int64_t i;
  if (!sequence_index(ts, key, &a->size, &i, "array index out of range")) return Value();
  return get_item_value(ts, a, i);
}

// The kept items are compacted in one pass, so an extended-slice deletion is linear.
bool delete_slice(ThreadState& ts, ArrayObject* a, SliceObject* slice) {
  int64_t start, stop, step, count;
  if (!slice_indices(ts, slice, &a->size, &start, &stop, &step, &count)) return false;
  // CPython refuses any slice deletion of an exported array, even of nothing.
  if (!exports_ended(ts, &a->exports))
    return raise(ts, BufferError_type, "cannot resize an array that is exporting buffers"), false;
  if (count == 0) return true;
  std::vector<bool> doomed(static_cast<size_t>(a->size), false);
  for (int64_t k = 0; k < count; k++) doomed[static_cast<size_t>(start + k * step)] = true;
  int64_t kept = 0;
  for (int64_t i = 0; i < a->size; i++)
    if (!doomed[static_cast<size_t>(i)]) std::memmove(item_at(a, kept++), item_at(a, i), item_size(a));
  a->size = kept;
  return true;
}

// a[i] = x, a[i:j] = array, del a[i], del a[i:j]. Only an array of the same typecode can be assigned to a slice;
// its bytes are copied first because the slice's own __index__ calls may change either array.
bool array_setitem(ThreadState& ts, Value self, Value key, Value value) {
  ArrayObject* a = as_array(self);
  if (type_of(key) == &slice_type) {
    auto* slice = static_cast<SliceObject*>(key.as_object());
    if (!value) return delete_slice(ts, a, slice);
    if (!is_array(value)) {
      raise_fmt(ts, TypeError_type, "can only assign array (not \"{}\") to array slice", type_name(value));
      return false;
    }
    ArrayObject* source = as_array(value);
    if (source->typecode != a->typecode) return raise(ts, TypeError_type, "bad argument type for built-in operation"), false;
    std::string bytes(source->data ? source->data : "", static_cast<size_t>(source->size) * item_size(source));
    // The copy's length counts, not source->size: the slice's __index__ calls below may resize the source.
    auto source_size = static_cast<int64_t>(bytes.size() / item_size(source));
    int64_t start, stop, step, count;
    if (!slice_indices(ts, slice, &a->size, &start, &stop, &step, &count)) return false;
    // As CPython: assigning nothing, or a different number of items, to a slice of an exported array fails.
    if ((source_size == 0 || count != source_size) && !exports_ended(ts, &a->exports))
      return raise(ts, BufferError_type, "cannot resize an array that is exporting buffers"), false;
    if (step == 1) {
      int64_t removed = std::max<int64_t>(0, stop - start);
      int64_t growth = source_size - removed;
      if (!reserve(ts, a, a->size + growth)) return false;
      std::memmove(item_at(a, start + source_size), item_at(a, start + removed),
                   static_cast<size_t>(a->size - start - removed) * item_size(a));
      std::memcpy(item_at(a, start), bytes.data(), bytes.size());
      a->size += growth;
      return true;
    }
    if (source_size != count) {
      raise_fmt(ts, ValueError_type, "attempt to assign array of size {} to extended slice of size {}", source_size,
                count);
      return false;
    }
    for (int64_t k = 0; k < count; k++)
      std::memcpy(item_at(a, start + k * step), bytes.data() + k * item_size(a), item_size(a));
    return true;
  }
  int64_t i;
  if (!sequence_index(ts, key, &a->size, &i, "array assignment index out of range")) return false;
  if (!value) {
    if (!check_resize(ts, a, a->size - 1)) return false;
    std::memmove(item_at(a, i), item_at(a, i + 1), static_cast<size_t>(a->size - i - 1) * item_size(a));
    a->size--;
    return true;
  }
  char item[8];
  if (!convert_item(ts, *a->typecode, value, item)) return false;
  // Converting may run __index__/__float__ that resizes the array. As in CPython the position stays the one the
  // key named before (a[-1] = x is still the old last item), and an item the resize removed is not stored.
  if (i < a->size) std::memcpy(item_at(a, i), item, item_size(a));
  return true;
}

int array_contains(ThreadState& ts, Value self, Value item) {
  ArrayObject* a = as_array(self);
  for (int64_t i = 0; i < a->size; i++) {
    int eq = py_eq(ts, get_item_value(ts, a, i), item);
    if (eq != 0) return eq;
  }
  return 0;
}

Value array_concat(ThreadState& ts, Value left, Value right) {
  if (!is_array(left)) return NotImplemented();
  if (!is_array(right))
    return raise_fmt(ts, TypeError_type, "can only append array (not \"{}\") to array", type_name(right));
  ArrayObject* a = as_array(left);
  ArrayObject* b = as_array(right);
  if (a->typecode != b->typecode) return raise(ts, TypeError_type, "bad argument type for built-in operation");
  ArrayObject* r = slice_of(ts, a, 0, 1, a->size);
  if (!r || !extend_from(ts, r, right)) return Value();
  return Value(r);
}

// CPython's sq_repeat converts the count with PyNumber_AsSsize_t(n, OverflowError).
constexpr const char* kRepeatOverflow = "cannot fit 'int' into an index-sized integer";

// a * n: a new plain array; n <= 0 gives an empty one.
Value array_repeat(ThreadState& ts, Value self, Value count_value) {
  int64_t count;
  if (!index_to_int64(ts, count_value, &count, kRepeatOverflow)) return Value();
  ArrayObject* a = as_array(self);
  ArrayObject* r = new_array(ts, &array_type, a->typecode);
  if (count <= 0 || a->size == 0) return Value(r);
  // CPython raises PyErr_NoMemory() here, a MemoryError with no message, before trying to allocate.
  if (a->size > INT64_MAX / count) return raise(ts, MemoryError_type, "");  // the product would wrap
  if (!reserve(ts, r, a->size * count)) return Value();
  size_t chunk = static_cast<size_t>(a->size) * item_size(a);
  for (int64_t k = 0; k < count; k++) std::memcpy(r->data + k * chunk, a->data, chunk);
  r->size = a->size * count;
  return Value(r);
}

Value array_inplace_concat(ThreadState& ts, Value left, Value right) {
  if (!is_array(left)) return NotImplemented();
  if (!is_array(right))
    return raise_fmt(ts, TypeError_type, "can only extend array with array (not \"{}\")", type_name(right));
  if (as_array(left)->typecode != as_array(right)->typecode)
    return raise(ts, TypeError_type, "can only extend with array of same kind");
  if (!extend_from(ts, as_array(left), right)) return Value();
  return left;
}

// a *= n in place: the existing items are copied n - 1 more times after growing the storage once.
Value array_inplace_repeat(ThreadState& ts, Value left, Value right) {
  if (!is_array(left)) return NotImplemented();
  int64_t count;
  if (!index_to_int64(ts, right, &count, kRepeatOverflow)) return Value();
  ArrayObject* a = as_array(left);
  if (count <= 0) {
    if (!check_resize(ts, a, 0)) return Value();
    a->size = 0;
    return left;
  }
  int64_t original = a->size;
  if (original > 0 && original > INT64_MAX / count) return raise(ts, MemoryError_type, "");
  if (!reserve(ts, a, original * count)) return Value();
  size_t chunk = static_cast<size_t>(original) * item_size(a);
  for (int64_t k = 1; k < count; k++) std::memcpy(a->data + k * chunk, a->data, chunk);
  a->size = original * count;
  return left;
}

// Element by element, as lists compare; arrays of different lengths are unequal without looking.
Value array_richcompare(ThreadState& ts, Value left, Value right, int op) {
  if (!is_array(left) || !is_array(right)) return NotImplemented();
  ArrayObject* a = as_array(left);
  ArrayObject* b = as_array(right);
  if (a->size != b->size && (op == kEq || op == kNe)) return Bool(op == kNe);
  int64_t i = 0;
  for (; i < a->size && i < b->size; i++) {
    Value x = get_item_value(ts, a, i), y = get_item_value(ts, b, i);
    int eq = py_eq(ts, x, y);
    if (eq < 0) return Value();
    if (!eq) {
      if (op == kEq) return False();
      if (op == kNe) return True();
      // The first unequal pair decides an ordering comparison, as in CPython's array_richcompare; only when every
      // shared item is equal do the lengths decide.
      return rich_compare(ts, x, y, op);
    }
  }
  return Bool(compare_numbers(a->size, b->size, op));
}

bool unhashable(ThreadState& ts, Value self, int64_t*) {
  // CPython's type name for the builtin is module-qualified.
  raise_fmt(ts, TypeError_type, "unhashable type: '{}'", type_of(self) == &array_type ? "array.array" : type_name(self));
  return false;
}

Value array_iter(ThreadState& ts, Value self) {
  auto* it = ts.alloc<ArrayIterObject>(&array_iter_type);
  it->array = self;
  return Value(it);
}

// Reads the live array, so items appended during iteration are seen; once past the end the iterator drops
// the array and stays exhausted.
Value array_iter_next(ThreadState& ts, Value self) {
  auto* it = static_cast<ArrayIterObject*>(self.as_object());
  if (!it->array) return Value();
  ArrayObject* a = as_array(it->array);
  if (it->index >= a->size) {
    it->array = Value();
    return Value();
  }
  return get_item_value(ts, a, it->index++);
}

void trace_array_iter(Object* self, Tracer& tracer) { tracer.visit(static_cast<ArrayIterObject*>(self)->array); }
// The buffer protocol's view of an array: its items, writable, in the typecode's struct format.
bool array_get_buffer(ThreadState&, Value v, BufferView* view) {
  ArrayObject* a = as_array(v);
  static char empty[1];  // an empty array may have no storage: still export a valid pointer
  view->data = a->data ? a->data : empty;
  view->itemsize = static_cast<int64_t>(item_size(a));
  view->length = a->size * view->itemsize;  // itemsize is int64_t: no size_t wrap
  view->format = a->typecode->format;
  view->readonly = false;
  // Each export is counted so that the resizing operations (check_resize, exports_ended) raise BufferError while a
  // memoryview or other consumer still holds the pointer.
  a->exports++;
  return true;
}
void array_release_buffer(Value v) { as_array(v)->exports--; }

// ---- methods ----------------------------------------------------------------------------------------------------

NATIVE_FN(array_append) {
  if (!native::one_arg(ts, "array.append", args, kwnames) ||
      !insert_item(ts, as_array(self), as_array(self)->size, args[0]))
    return Value();
  return None();
}

NATIVE_FN(array_extend) {
  if (!native::one_arg(ts, "array.extend", args, kwnames) || !extend_from(ts, as_array(self), args[0])) return Value();
  return None();
}

// insert(i, x) clamps i into [0, len], as list.insert; insert_item clamps only after converting x, whose
// __index__ may resize the array.
NATIVE_FN(array_insert) {
  if (!no_keywords(ts, "array.insert", kwnames)) return Value();
  if (args.size() != 2) return raise_fmt(ts, TypeError_type, "insert expected 2 arguments, got {}", args.size());
  int64_t i;
  if (!index_to_int64(ts, args[0], &i) || !insert_item(ts, as_array(self), i, args[1])) return Value();
  return None();
}

// The index is converted before the emptiness check, as CPython's argument clinic does.
NATIVE_FN(array_pop) {
  if (!no_keywords(ts, "array.pop", kwnames)) return Value();
  if (args.size() > 1) return raise_fmt(ts, TypeError_type, "pop expected at most 1 argument, got {}", args.size());
  ArrayObject* a = as_array(self);
  int64_t i = -1;
  if (!args.empty() && !index_to_int64(ts, args[0], &i)) return Value();
  if (a->size == 0) return raise(ts, IndexError_type, "pop from empty array");
  if (i < 0) i += a->size;
  if (i < 0 || i >= a->size) return raise(ts, IndexError_type, "pop index out of range");
  if (!check_resize(ts, a, a->size - 1)) return Value();
  Value item = get_item_value(ts, a, i);
  std::memmove(item_at(a, i), item_at(a, i + 1), static_cast<size_t>(a->size - i - 1) * item_size(a));
  a->size--;
  return item;
}

// The first index in [start, stop) holding a value equal to x, or -1 (-2 on error).
int64_t find_value(ThreadState& ts, ArrayObject* a, Value x, int64_t start, int64_t stop) {
  for (int64_t i = start; i < stop && i < a->size; i++) {
    int eq = py_eq(ts, get_item_value(ts, a, i), x);
    if (eq < 0) return -2;
    if (eq) return i;
  }
  return -1;
}

NATIVE_FN(array_index) {
  if (!no_keywords(ts, "array.index", kwnames)) return Value();
  if (args.empty() || args.size() > 3)
    return raise_fmt(ts, TypeError_type, "index expected {}, got {}",
                     args.empty() ? "at least 1 argument" : "at most 3 arguments", args.size());
  ArrayObject* a = as_array(self);
  int64_t start = 0, stop = INT64_MAX;
  if (args.size() > 1 && !clamped_slice_index(ts, args[1], &start)) return Value();
  if (args.size() > 2 && !clamped_slice_index(ts, args[2], &stop)) return Value();
  adjust_index_bounds(a->size, &start, &stop);
  int64_t i = find_value(ts, a, args[0], start, stop);
  if (i == -2) return Value();
  if (i < 0) return raise(ts, ValueError_type, "array.index(x): x not in array");
  return make_int(ts, i);
}

NATIVE_FN(array_remove) {
  if (!native::one_arg(ts, "array.remove", args, kwnames)) return Value();
  ArrayObject* a = as_array(self);
  int64_t i = find_value(ts, a, args[0], 0, a->size);
  if (i == -2) return Value();
  if (i < 0) return raise(ts, ValueError_type, "array.remove(x): x not in array");
  // The __eq__ that matched may have shrunk the array past i: then nothing is removed, as CPython's slice deletion
  // clamps it away.
  if (i >= a->size) return None();
  if (!check_resize(ts, a, a->size - 1)) return Value();
  std::memmove(item_at(a, i), item_at(a, i + 1), static_cast<size_t>(a->size - i - 1) * item_size(a));
  a->size--;
  return None();
}

NATIVE_FN(array_count) {
  if (!native::one_arg(ts, "array.count", args, kwnames)) return Value();
  ArrayObject* a = as_array(self);
  int64_t count = 0;
  for (int64_t i = 0; i < a->size; i++) {
    int eq = py_eq(ts, get_item_value(ts, a, i), args[0]);
    if (eq < 0) return Value();
    count += eq;
  }
  return make_int(ts, count);
}

NATIVE_FN(array_reverse) {
  if (!native::no_args(ts, "array.reverse", args, kwnames)) return Value();
  ArrayObject* a = as_array(self);
  char tmp[8];
  for (int64_t i = 0, j = a->size - 1; i < j; i++, j--) {
    std::memcpy(tmp, item_at(a, i), item_size(a));
    std::memcpy(item_at(a, i), item_at(a, j), item_size(a));
    std::memcpy(item_at(a, j), tmp, item_size(a));
  }
  return None();
}

NATIVE_FN(array_byteswap) {
  if (!native::no_args(ts, "array.byteswap", args, kwnames)) return Value();
  ArrayObject* a = as_array(self);
  for (int64_t i = 0; i < a->size; i++) {
    char* p = item_at(a, i);
    std::reverse(p, p + item_size(a));
  }
  return None();
}

// (address, length): the storage address is only meaningful until the array next grows.
NATIVE_FN(array_buffer_info) {
  if (!native::no_args(ts, "array.buffer_info", args, kwnames)) return Value();
  ArrayObject* a = as_array(self);
  Value items[2] = {make_int(ts, static_cast<int64_t>(reinterpret_cast<uintptr_t>(a->data))), make_int(ts, a->size)};
  return Value(make_tuple(ts, items));
}

NATIVE_FN(array_tobytes) {
  if (!native::no_args(ts, "array.tobytes", args, kwnames)) return Value();
  ArrayObject* a = as_array(self);
  return make_bytes(ts, std::string_view(a->data ? a->data : "", static_cast<size_t>(a->size) * item_size(a)));
}

NATIVE_FN(array_frombytes) {
  if (!native::one_arg(ts, "array.frombytes", args, kwnames)) return Value();
  std::string_view data;
  if (!native::bytes_like(ts, args[0], &data)) return Value();
  std::string copy(data);  // the argument may be this array itself
  if (!append_bytes(ts, as_array(self), copy)) return Value();
  return None();
}

NATIVE_FN(array_tolist) {
  if (!native::no_args(ts, "array.tolist", args, kwnames)) return Value();
  ArrayObject* a = as_array(self);
  ListObject* list = make_list(ts, a->size);
  for (int64_t i = 0; i < a->size; i++) list->items[i] = get_item_value(ts, a, i);
  return Value(list);
}

NATIVE_FN(array_fromlist) {
  if (!native::one_arg(ts, "array.fromlist", args, kwnames)) return Value();
  if (!is_list(args[0])) return raise(ts, TypeError_type, "arg must be list");
  ArrayObject* a = as_array(self);
  // All or nothing: a bad item, or a conversion that resizes the list (CPython's RuntimeError), leaves the array
  // as it was; if the conversions themselves shrank it, what is left stays.
  int64_t original = a->size;
  auto* list = static_cast<ListObject*>(args[0].as_object());
  int64_t count = list->size;
  for (int64_t i = 0; i < count; i++) {
    bool ok = append_value(ts, a, list->items[i]);
    if (ok && list->size != count) ok = (raise(ts, RuntimeError_type, "list changed size during iteration"), false);
    if (!ok) {
      a->size = std::min(a->size, original);
      return Value();
    }
  }
  return None();
}

NATIVE_FN(array_tounicode) {
  if (!native::no_args(ts, "array.tounicode", args, kwnames)) return Value();
  ArrayObject* a = as_array(self);
  if (!a->typecode->is_unicode)
    return raise(ts, ValueError_type, "tounicode() may only be called on unicode type arrays");
  std::string utf8;
  for (int64_t i = 0; i < a->size; i++) {
    Value ch = get_item_value(ts, a, i);
    if (!ch) return Value();
    utf8 += as_str(ch)->view();
  }
  return make_str(ts, utf8);
}

NATIVE_FN(array_fromunicode) {
  if (!native::one_arg(ts, "array.fromunicode", args, kwnames)) return Value();
  if (!is_str(args[0]))
    return raise_fmt(ts, TypeError_type, "fromunicode() argument must be str, not {}", type_name(args[0]));
  ArrayObject* a = as_array(self);
  if (!a->typecode->is_unicode)
    return raise(ts, ValueError_type, "fromunicode() may only be called on unicode type arrays");
  if (!append_unicode(ts, a, as_str(args[0]))) return Value();
  return None();
}

// One f.write(a.tobytes()) call (CPython writes in 64 KiB blocks; the bytes written are the same).
NATIVE_FN(array_tofile) {
  if (!native::one_arg(ts, "array.tofile", args, kwnames)) return Value();
  ArrayObject* a = as_array(self);
  Value data = make_bytes(ts, std::string_view(a->data ? a->data : "", static_cast<size_t>(a->size) * item_size(a)));
  if (!call_method(ts, args[0], intern(ts, "write"), std::span<const Value>(&data, 1))) return Value();
  return None();
}

// fromfile(f, n): reads n items' worth with one f.read() and appends it as frombytes does (a partial item is
// its ValueError); the items that arrived stay even when fewer than n came, then EOFError reports the shortfall
// (CPython's order).
NATIVE_FN(array_fromfile) {
  if (!no_keywords(ts, "array.fromfile", kwnames)) return Value();
  if (args.size() != 2) return raise_fmt(ts, TypeError_type, "fromfile expected 2 arguments, got {}", args.size());
  ArrayObject* a = as_array(self);
  int64_t n;
  if (!index_to_int64(ts, args[1], &n)) return Value();
  if (n < 0) return raise(ts, ValueError_type, "negative count");
  if (n > INT64_MAX / static_cast<int64_t>(item_size(a))) return raise(ts, MemoryError_type, "");  // as CPython
  Value wanted = make_int(ts, n * static_cast<int64_t>(item_size(a)));
  Value data = call_method(ts, args[0], intern(ts, "read"), std::span<const Value>(&wanted, 1));
  if (!data) return Value();
  if (!data.is_object() || type_of(data) != &bytes_type) return raise(ts, TypeError_type, "read() didn't return bytes");
  std::string_view bytes = static_cast<BytesObject*>(data.as_object())->view();
  if (!append_bytes(ts, a, bytes)) return Value();  // a partial item is frombytes's ValueError
  if (static_cast<int64_t>(bytes.size()) != n * static_cast<int64_t>(item_size(a)))
    return raise(ts, EOFError_type, "read() didn't return enough bytes");
  return None();
}

NATIVE_FN(array_copy) {
  (void)args, (void)kwnames;
  ArrayObject* a = as_array(self);
  ArrayObject* r = slice_of(ts, a, 0, 1, a->size);
  return r ? Value(r) : Value();
}

// An estimate of the object header plus the allocated storage, as sys.getsizeof needs; not CPython's exact
// figure.
NATIVE_FN(array_sizeof) {
  if (!native::no_args(ts, "array.__sizeof__", args, kwnames)) return Value();
  ArrayObject* a = as_array(self);
  return make_int(ts, 64 + a->capacity * static_cast<int64_t>(item_size(a)));
}

NATIVE_FN(array_typecode) {
  (void)args, (void)kwnames;
  return str_from_codepoint(ts, static_cast<uint32_t>(as_array(self)->typecode->code));
}
NATIVE_FN(array_itemsize) { (void)args, (void)kwnames; return make_int(ts, as_array(self)->typecode->size); }

const MethodDef kArrayMethods[] = {
    {"append", array_append},       {"extend", array_extend},           {"insert", array_insert},
    {"pop", array_pop},             {"index", array_index},             {"remove", array_remove},
    {"count", array_count},         {"reverse", array_reverse},         {"byteswap", array_byteswap},
    {"buffer_info", array_buffer_info}, {"tobytes", array_tobytes},     {"frombytes", array_frombytes},
    {"tolist", array_tolist},       {"fromlist", array_fromlist},       {"tounicode", array_tounicode},
    {"fromunicode", array_fromunicode}, {"tofile", array_tofile},       {"fromfile", array_fromfile},
    // __deepcopy__ shares __copy__: an array's items are machine values, never objects, so a shallow copy is already
    // deep (the memo argument is ignored, as CPython's array___deepcopy__ ignores it).
    {"__copy__", array_copy},       {"__deepcopy__", array_copy},       {"__sizeof__", array_sizeof},
};
const MethodDef kArrayGetters[] = {{"typecode", array_typecode}, {"itemsize", array_itemsize}};

void init_array_types(ThreadState& ts) {
  native::init_native_type(ts, array_type, "array", "array", sizeof(ArrayObject), true);
  Type& t = array_type;
  t.new_instance = array_new;
  t.repr = array_repr;
  t.length = array_length;
  t.getitem = array_getitem;
  t.setitem = array_setitem;
  t.contains = array_contains;
  t.concat = array_concat;
  t.repeat = array_repeat;
  t.inplace[kOpAdd] = array_inplace_concat;
  t.inplace[kOpMul] = array_inplace_repeat;
  t.richcompare = array_richcompare;
  t.hash = unhashable;
  t.iter = array_iter;
  t.finalize = finalize_array;
  add_methods(ts, t, kArrayMethods);
  add_getsets(ts, t, kArrayGetters);
  native::complete_native_type(ts, t);
  register_buffer_type(array_type, array_get_buffer, array_release_buffer);

  native::init_native_type(ts, array_iter_type, "arrayiterator", "array", sizeof(ArrayIterObject), false);
  array_iter_type.iter = iter_self;
  array_iter_type.iternext = array_iter_next;
  array_iter_type.trace = trace_array_iter;
  native::complete_native_type(ts, array_iter_type);
}

}  // namespace

ModuleObject* create_array_module(ThreadState& ts) {
  if (!native::native_type_ready(native_array::array_type)) init_array_types(ts);
  ModuleObject* m = make_module(ts, "array");
  add_module_value(ts, m, "array", Value(static_cast<Object*>(&native_array::array_type)));
  add_module_value(ts, m, "ArrayType", Value(static_cast<Object*>(&native_array::array_type)));
  std::string typecodes;  // from the one table, in its order (CPython's "bBuhHiIlLqQfd")
  for (const native_array::TypeCode& t : native_array::kTypeCodes) typecodes += t.code;
  add_module_value(ts, m, "typecodes", Value(make_str(ts, typecodes)));
  return m;
}

}  // namespace minipy
