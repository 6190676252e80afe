// str: immutable UTF-8 with a cached code-point length, an ASCII flag (O(1) indexing when set) and a cached
// hash. Identifiers are interned so name lookups compare pointers. The methods live in str_methods.cpp; this file
// has construction, hashing, comparison and the sequence protocol.
#include <algorithm>
#include <cstring>
#include <memory>

#include "vm/objects/abstract.h"
#include "vm/objects/hash_secret.h"
#include "vm/objects/heap_type.h"
#include "vm/objects/buffer.h"
#include "vm/objects/codecs.h"
#include "vm/objects/type_init.h"
#include "vm/objects/text_args.h"
#include "vm/runtime.h"
#include "vm/text/str_methods.h"
#include "vm/text/unicode.h"

namespace minipy {

namespace {

// Code points in valid UTF-8: every byte that is not a continuation byte starts one.
int64_t count_code_points(std::string_view s, bool* ascii) {
  int64_t continuation = 0;
  bool all_ascii = true;
  for (unsigned char c : s) {
    if (c >= 0x80) {
      all_ascii = false;
      continuation += (c & 0xC0) == 0x80;
    }
  }
  *ascii = all_ascii;
  return static_cast<int64_t>(s.size()) - continuation;
}

// Byte offset of code point `index` (0 <= index <= length).
size_t byte_offset(const StrObject* s, int64_t index) {
  if (s->is_ascii()) return static_cast<size_t>(index);
  size_t pos = 0;
  for (int64_t i = 0; i < index; i++) {
    unsigned char c = static_cast<unsigned char>(s->data[pos]);
    pos += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  return pos;
}

size_t char_width(unsigned char lead) { return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

Value str_repr(ThreadState& ts, Value v) { return make_str(ts, text::repr(as_str(v)->view())); }
// str(s) of a str subclass instance is an exact str with the same text (CPython's unicode_str).
Value str_str(ThreadState& ts, Value v) {
  if (type_of(v) == &str_type) return v;
  StrObject* s = as_str(v);
  return Value(make_str_known(ts, s->view(), s->length, s->is_ascii()));
}

bool str_hash_slot(ThreadState&, Value v, int64_t* out) {
  *out = str_hash(as_str(v));
  return true;
}

// Ordering compares code points; UTF-8's byte order is code point order, so a bytewise compare is exact.
Value str_richcompare(ThreadState&, Value a, Value b, int op) {
  if (!is_str(a) || !is_str(b)) return NotImplemented();
  StrObject* x = as_str(a);
  StrObject* y = as_str(b);
  if (op == kEq) return Bool(str_equal(x, y));
  if (op == kNe) return Bool(!str_equal(x, y));
  int c = x->view().compare(y->view());  // byte order of UTF-8 is code point order
  return Bool(comparison_holds(c, op));
}

Value str_concat_slot(ThreadState& ts, Value a, Value b) {
  if (!is_str(a)) return NotImplemented();
  if (!is_str(b))
    return raise_fmt(ts, TypeError_type, "can only concatenate str (not \"{}\") to str", type_name(b));
  return str_concat(ts, as_str(a), as_str(b));
}

// s * n: '' for n <= 0; s itself for n == 1 (exact strs only, a subclass gives an exact copy); OverflowError
// past the representable length, as CPython; a result past 1 TiB is refused up front as MemoryError.
Value str_repeat(ThreadState& ts, Value a, Value count) {
  int64_t n;
  if (!index_to_int64(ts, count, &n, "cannot fit 'int' into an index-sized integer")) return Value();
  StrObject* s = as_str(a);
  if (n <= 0 || s->size == 0) return Value(ts.interp->names.empty);
  if (n == 1 && type_of(a) == &str_type) return a;
  if (s->length > INT64_MAX / n) return raise(ts, OverflowError_type, "repeated string is too long");
  if (s->size > (int64_t{1} << 40) / n) return raise(ts, MemoryError_type, "");
  std::string out;
  out.reserve(static_cast<size_t>(s->size * n));
  for (int64_t i = 0; i < n; i++) out.append(s->view());
  return Value(make_str_known(ts, out, s->length * n, s->is_ascii()));
}

int64_t str_len(ThreadState&, Value v) { return as_str(v)->length; }

// `sub in s` is a substring test; a non-str left operand is CPython's TypeError.
int str_contains(ThreadState& ts, Value container, Value item) {
  if (!is_str(item)) {
    raise_fmt(ts, TypeError_type, "'in <string>' requires string as left operand, not {}", type_name(item));
    return -1;
  }
  return as_str(container)->view().find(as_str(item)->view()) != std::string_view::npos;
}

// s[i] and s[a:b:c] in code points. ASCII strings index bytes directly; others walk the UTF-8 (an extended
// slice records the code point boundaries once). A full [:] slice of an exact str returns it unchanged.
Value str_getitem(ThreadState& ts, Value container, Value key) {
  StrObject* s = as_str(container);
  if (key.is_object() && key.as_object()->type == &slice_type) {
    int64_t start, stop, step, n;
    if (!slice_indices(ts, static_cast<SliceObject*>(key.as_object()), s->length, &start, &stop, &step, &n))
      return Value();
    if (n <= 0) return Value(ts.interp->names.empty);
    if (step == 1) {
      if (n == s->length && type_of(container) == &str_type) return container;
      size_t b = byte_offset(s, start);
      size_t e = s->is_ascii() ? static_cast<size_t>(stop) : b + byte_offset(s, 0);
      if (!s->is_ascii()) {
        e = b;
        for (int64_t i = 0; i < n; i++) e += char_width(static_cast<unsigned char>(s->data[e]));
      }
      return Value(make_str(ts, s->view().substr(b, e - b)));
    }
    std::string out;
    if (s->is_ascii()) {
      for (int64_t i = 0, p = start; i < n; i++, p += step) out.push_back(s->data[p]);
      return Value(make_str_known(ts, out, n, true));
    }
    // Non-ASCII with a step: collect the code point boundaries once.
    std::vector<uint32_t> offsets;
    offsets.reserve(static_cast<size_t>(s->length) + 1);
    for (size_t p = 0; p < static_cast<size_t>(s->size); p += char_width(static_cast<unsigned char>(s->data[p])))
      offsets.push_back(static_cast<uint32_t>(p));
    offsets.push_back(static_cast<uint32_t>(s->size));
    for (int64_t i = 0, p = start; i < n; i++, p += step)
      out.append(s->data + offsets[p], offsets[p + 1] - offsets[p]);
    return Value(make_str(ts, out));
  }
  int64_t index;
  if (!sequence_index(ts, key, s->length, &index, "string index out of range")) {
    if (ts.current_exception && exception_matches(ts.current_exception, &TypeError_type) &&
        !is_int(key) && !(type_of(key)->index)) {
      ts.current_exception = Value();
      return raise_fmt(ts, TypeError_type, "string indices must be integers, not '{}'", type_name(key));
    }
    return Value();
  }
  return str_char_at(ts, s, index);
}

Value str_iter(ThreadState& ts, Value v) {
  auto* it = ts.alloc<SeqIterObject>(as_str(v)->is_ascii() ? &str_ascii_iterator_type : &str_iterator_type);
  it->seq = v;
  return Value(it);
}

// Walks the UTF-8 by byte offset, so iterating a non-ASCII str is linear; ASCII characters come from the
// interpreter's table of one-character strs.
Value str_iter_next(ThreadState& ts, Value self) {
  auto* it = static_cast<SeqIterObject*>(self.as_object());
  if (!it->seq) return Value();
  StrObject* s = as_str(it->seq);
  if (it->byte_offset >= s->size) {
    it->seq = Value();
    return Value();
  }
  unsigned char lead = static_cast<unsigned char>(s->data[it->byte_offset]);
  if (lead < 0x80) {
    it->byte_offset++;
    return ts.interp->small_strs[lead];
  }
  size_t w = char_width(lead);
  Value r = Value(make_str_known(ts, std::string_view(s->data + it->byte_offset, w), 1, false));
  it->byte_offset += static_cast<int64_t>(w);
  return r;
}

// str(object='') / str(object=b'', encoding='utf-8', errors='strict'), as CPython's unicode_new: each
// parameter by position or keyword, with the argument clinic's messages. With neither encoding nor errors it is
// str(object); with either, the object must be bytes-like and is decoded (defaults utf-8 and strict).
Value exact_str_new(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames) {
  static constexpr const char* kParams[] = {"object", "encoding", "errors"};
  size_t npos = positional_count(args, kwnames);
  if (args.size() > 3) return raise_fmt(ts, TypeError_type, "str() takes at most 3 arguments ({} given)", args.size());
  Value given[3];
  for (size_t i = 0; i < npos; i++) given[i] = args[i];
  for (int64_t k = 0; kwnames && k < kwnames->size; k++) {
    std::string_view key = as_str(kwnames->items[k])->view();
    size_t i = 0;
    while (i < 3 && key != kParams[i]) i++;
    if (i == 3) return raise_fmt(ts, TypeError_type, "'{}' is an invalid keyword argument for str()", key);
    if (given[i])
      return raise_fmt(ts, TypeError_type, "argument for str() given by name ('{}') and position ({})", key, i + 1);
    given[i] = args[npos + static_cast<size_t>(k)];
  }
  for (size_t i = 1; i < 3; i++)
    if (given[i] && !is_str(given[i]))
      return raise_fmt(ts, TypeError_type, "str() argument '{}' must be str, not {}", kParams[i],
                       type_name(given[i]));
  if (!given[0]) return Value(ts.interp->names.empty);
  if (!given[1] && !given[2]) return py_str(ts, given[0]);
  // PyUnicode_FromEncodedObject: any buffer is decoded.
  if (is_str(given[0])) return raise(ts, TypeError_type, "decoding str is not supported");
  if (!has_buffer(given[0]))
    return raise_fmt(ts, TypeError_type, "decoding to str: need a bytes-like object, {} found", type_name(given[0]));
  std::string data;
  if (!buffer_bytes(ts, given[0], &data)) return Value();
  return decode_bytes(ts, data, given[1] ? as_str(given[1])->view() : "utf-8",
                      given[2] ? as_str(given[2])->view() : "strict");
}

Value str_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  Value r = exact_str_new(ts, args, kwnames);
  return !r || type == &str_type ? r : make_subtype_instance(ts, type, r);
}

void trace_seq_iter(Object* self, Tracer& tracer) { tracer.visit(static_cast<SeqIterObject*>(self)->seq); }

// The hash of non-ASCII text `utf8` over CPython's canonical form of it: each code point as 1, 2 or 4
// little-endian bytes, the width chosen by the largest code point.
template <typename Unit>
int64_t hash_units(std::string_view utf8) {
  // Most strings fit the stack buffer; longer ones take one heap block.
  Unit local[256];
  std::unique_ptr<Unit[]> heap;
  Unit* units = local;
  if (utf8.size() > std::size(local)) {
    heap = std::make_unique<Unit[]>(utf8.size());
    units = heap.get();
  }
  size_t count = 0;
  for (size_t pos = 0; pos < utf8.size();) units[count++] = static_cast<Unit>(text::next_code_point(utf8, &pos));
  return hash_bytes(units, count * sizeof(Unit));
}

int64_t hash_canonical_form(std::string_view utf8) {
  char32_t widest = 0;
  for (size_t pos = 0; pos < utf8.size();) widest = std::max(widest, text::next_code_point(utf8, &pos));
  if (widest < 0x100) return hash_units<uint8_t>(utf8);
  if (widest < 0x10000) return hash_units<uint16_t>(utf8);
  return hash_units<uint32_t>(utf8);
}

}  // namespace

StrObject* make_str_uninitialized(ThreadState& ts, size_t size, int64_t length, bool ascii) {
  auto* s = ts.alloc<StrObject>(&str_type, offsetof(StrObject, data) + size + 1);
  s->hash = -1;
  s->length = length;
  s->size = static_cast<int64_t>(size);
  s->kind_flags = ascii ? kStrAscii : 0;
  s->data[size] = 0;
  return s;
}

// For callers that already know the code point length and ASCII-ness (no second scan). One-character ASCII
// strs and '' are shared objects, as CPython's latin-1 and empty singletons.
StrObject* make_str_known(ThreadState& ts, std::string_view utf8, int64_t length, bool ascii) {
  if (utf8.size() == 1 && static_cast<unsigned char>(utf8[0]) < 128 &&
      ts.interp->small_strs[static_cast<unsigned char>(utf8[0])])
    return as_str(ts.interp->small_strs[static_cast<unsigned char>(utf8[0])]);
  if (utf8.empty() && ts.interp->names.empty) return ts.interp->names.empty;
  StrObject* s = make_str_uninitialized(ts, utf8.size(), length, ascii);
  if (!utf8.empty()) std::memcpy(s->data, utf8.data(), utf8.size());
  return s;
}

StrObject* make_str(ThreadState& ts, std::string_view utf8) {
  bool ascii;
  int64_t length = count_code_points(utf8, &ascii);
  return make_str_known(ts, utf8, length, ascii);
}

// A word at a time with a multiplicative mix: identifiers are short, and the keyed SipHash (the Python hash)
// cost three times as much per lookup. The table never leaks its order, so no secret key is needed.
uint64_t InternTable::key_of(std::string_view utf8) {
  uint64_t h = utf8.size() * 0x9E3779B97F4A7C15ull;
  size_t i = 0;
  for (; i + 8 <= utf8.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, utf8.data() + i, 8);
    h = (h ^ word) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 29;
  }
  if (i < utf8.size()) {
    uint64_t word = 0;
    std::memcpy(&word, utf8.data() + i, utf8.size() - i);
    h = (h ^ word) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 29;
  }
  // Murmur3's finalizer: every input bit reaches the low bits the table indexes with.
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 33);
}

void InternTable::insert(StrObject* s, uint64_t key) {
  if (2 * (count_ + 1) > slots_.size()) {
    std::vector<Slot> old(slots_.empty() ? 1024 : 2 * slots_.size(), Slot{0, nullptr});
    old.swap(slots_);
    count_ = 0;
    for (const Slot& slot : old)
      if (slot.str) insert(slot.str, slot.key);
  }
  size_t mask = slots_.size() - 1;
  size_t i = key & mask;
  while (slots_[i].str) i = (i + 1) & mask;
  slots_[i] = Slot{key, s};
  count_++;
}

void InternTable::trace(Tracer& tracer) const {
  for (const Slot& slot : slots_) tracer.visit(slot.str);
}

namespace {
StrObject* add_interned(InternTable& table, StrObject* s, uint64_t key) {
  s->kind_flags |= kStrInterned;
  table.insert(s, key);
  return s;
}
}  // namespace

StrObject* intern(ThreadState& ts, std::string_view utf8) {
  auto& table = ts.interp->interned;
  uint64_t key = InternTable::key_of(utf8);
  if (StrObject* found = table.find(utf8, key)) return found;
  StrObject* s;
  bool ascii;
  int64_t length = count_code_points(utf8, &ascii);
  if (utf8.size() == 1 && ascii && ts.interp->small_strs[static_cast<unsigned char>(utf8[0])]) {
    s = as_str(ts.interp->small_strs[static_cast<unsigned char>(utf8[0])]);
  } else {
    size_t size = offsetof(StrObject, data) + utf8.size() + 1;
    s = ts.alloc<StrObject>(&str_type, size);
    s->hash = -1;
    s->length = length;
    s->size = static_cast<int64_t>(utf8.size());
    s->kind_flags = ascii ? kStrAscii : 0;
    if (!utf8.empty()) std::memcpy(s->data, utf8.data(), utf8.size());
  }
  return add_interned(table, s, key);
}

// The interned str with s's text: s itself becomes the interned one when it is an exact str seen first; a
// subclass instance is never interned itself (sys.intern would refuse it in CPython; here a copy is used).
StrObject* intern_str(ThreadState& ts, StrObject* s) {
  if (s->kind_flags & kStrInterned) return s;
  auto& table = ts.interp->interned;
  uint64_t key = InternTable::key_of(s->view());
  if (StrObject* found = table.find(s->view(), key)) return found;
  if (s->type != &str_type) return intern(ts, s->view());
  return add_interned(table, s, key);
}

// Two distinct interned exact strs are never equal (the table holds one per text), and differing cached
// hashes prove inequality without reading the bytes.
bool str_equal(const StrObject* a, const StrObject* b) {
  if (a == b) return true;
  if (a->size != b->size) return false;
  if ((a->kind_flags & b->kind_flags & kStrInterned) && a->type == b->type) return false;
  if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) return false;
  return std::memcmp(a->data, b->data, static_cast<size_t>(a->size)) == 0;
}

int64_t str_hash(StrObject* s) {
  if (s->hash != -1) return s->hash;
  // CPython hashes a str's canonical form (PEP 393: one byte per character below U+0100, two below U+10000,
  // else four, native byte order), so equal hashes need that form; for ASCII it is the UTF-8 itself.
  s->hash = s->is_ascii() ? hash_bytes(s->data, static_cast<size_t>(s->size)) : hash_canonical_form(s->view());
  return s->hash;
}

// a + b into a new exact str; an empty operand returns the other when it is already an exact str.
Value str_concat(ThreadState& ts, StrObject* a, StrObject* b) {
  if (a->size == 0 && b->type == &str_type) return Value(b);
  if (b->size == 0 && a->type == &str_type) return Value(a);
  size_t size = offsetof(StrObject, data) + a->size + b->size + 1;
  auto* s = ts.alloc<StrObject>(&str_type, size);
  s->hash = -1;
  s->length = a->length + b->length;
  s->size = a->size + b->size;
  s->kind_flags = a->kind_flags & b->kind_flags & kStrAscii;
  std::memcpy(s->data, a->data, static_cast<size_t>(a->size));
  std::memcpy(s->data + a->size, b->data, static_cast<size_t>(b->size));
  return Value(s);
}

Value str_from_codepoint(ThreadState& ts, uint32_t cp) {
  if (cp < 128) return ts.interp->small_strs[cp];
  std::string out = text::utf8_of(cp);
  return Value(make_str_known(ts, out, 1, false));
}

Value str_char_at(ThreadState& ts, StrObject* s, int64_t index) {
  if (s->is_ascii()) return ts.interp->small_strs[static_cast<unsigned char>(s->data[index])];
  size_t b = byte_offset(s, index);
  size_t w = char_width(static_cast<unsigned char>(s->data[b]));
  return Value(make_str_known(ts, std::string_view(s->data + b, w), 1, w == 1));
}

void init_str_type(ThreadState& ts) {
  // One-character ASCII strings are preallocated and interned: iteration and indexing never allocate.
  for (int c = 0; c < 128; c++) {
    char ch = static_cast<char>(c);
    ts.interp->small_strs[c] = Value(intern(ts, std::string_view(&ch, 1)));
  }
  Type& t = str_type;
  t.repr = str_repr;
  t.str = str_str;
  t.hash = str_hash_slot;
  t.richcompare = str_richcompare;
  t.concat = str_concat_slot;
  t.repeat = str_repeat;
  t.length = str_len;
  t.contains = str_contains;
  t.getitem = str_getitem;
  t.iter = str_iter;
  t.new_instance = str_new;
  for (Type* t : {&str_iterator_type, &str_ascii_iterator_type}) {
    t->iternext = str_iter_next;
    t->iter = [](ThreadState&, Value self) { return self; };
    t->trace = trace_seq_iter;
  }
  init_str_methods(ts);
}

}  // namespace minipy
