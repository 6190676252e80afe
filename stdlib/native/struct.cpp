// The native `_struct` module: CPython 3.11's _struct.c. Formats are parsed once into a Struct (byte order,
// sizes, alignment: '@' native with alignment, '=' native order with standard sizes, '<' '>' '!' standard),
// then pack/unpack walk the items. Every struct.error / OverflowError message is CPython's, including its
// different wording for native and standard modes. Writable buffers for pack_into come from
// native::writable_bytes. Leaves out nothing of 3.11's API; the format cache is not kept (parsing is cheap).
#include <cmath>
#include <cstring>
#include <vector>

#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "stdlib/native/struct_codes.h"
#include "vm/objects/codecs.h"

namespace minipy {

using struct_codes::raise_struct_error;

namespace {

struct StructObject : Object {
  Value format;     // the format as a str (Struct.format)
  // The parsed items live in a bytes object so the collected heap owns them: no finalizer is needed to free them.
  Value items;      // a bytes object holding the parsed FormatItem array
  int64_t size;     // bytes packed
  int64_t nitems;   // values packed
  uint8_t mode;     // struct_codes::Mode
};

struct UnpackIterObject : Object {
  Value owner;      // the Struct
  Value buffer;     // the bytes-like object being unpacked
  int64_t offset;
};

Type struct_type;
Type unpack_iter_type;
Value struct_error;  // the struct.error class (a GC root once created)

StructObject* as_struct(Value v) { return static_cast<StructObject*>(v.as_object()); }

std::span<const struct_codes::FormatItem> items_of(StructObject* s) {
  auto* blob = static_cast<BytesObject*>(s->items.as_object());
  return {reinterpret_cast<const struct_codes::FormatItem*>(blob->data),
          static_cast<size_t>(blob->size) / sizeof(struct_codes::FormatItem)};
}

// The UnicodeEncodeError of encoding non-ASCII `s` as ASCII: the first run of non-ASCII characters.
// CPython encodes a str format with ASCII; a non-ASCII format therefore fails with the codec's UnicodeEncodeError,
// covering the first run of non-ASCII characters, rather than with struct.error.
Value raise_ascii_encode_error(ThreadState& ts, StrObject* s) {
  std::string_view text = s->view();
  int64_t index = 0, first = -1, last = -1;
  for (size_t i = 0; i < text.size(); index++) {
    auto lead = static_cast<unsigned char>(text[i]);
    size_t width = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    if (lead >= 0x80) {
      if (first < 0) first = index;
      last = index;
    } else if (first >= 0) {
      break;
    }
    i += width;
  }
  return raise_unicode_encode_error(ts, "ascii", Value(s), first, last + 1, "ordinal not in range(128)");
}

// (Re)initializes `s` from a str or bytes format; false with struct.error or TypeError pending.
bool init_struct(ThreadState& ts, StructObject* s, Value format) {
  std::string_view text;
  if (is_str(format)) {
    text = as_str(format)->view();
    if (!as_str(format)->is_ascii()) return raise_ascii_encode_error(ts, as_str(format)), false;
  } else if (format.is_object() && is_subtype(type_of(format), &bytes_type)) {
    text = static_cast<BytesObject*>(format.as_object())->view();
  } else {
    raise_fmt(ts, TypeError_type, "Struct() argument 1 must be a str or bytes object, not {}", type_name(format));
    return false;
  }
  struct_codes::ParsedFormat parsed;
  std::string error;
  if (!struct_codes::parse_format(text, &parsed, &error)) {
    raise_struct_error(ts, error);
    return false;
  }
  Value blob = make_bytes(ts, std::string_view(reinterpret_cast<const char*>(parsed.items.data()),
                                               parsed.items.size() * sizeof(struct_codes::FormatItem)));
  s->format = is_str(format) ? format : Value(make_str(ts, text));
  s->items = blob;
  s->size = static_cast<int64_t>(parsed.size);
  s->nitems = static_cast<int64_t>(parsed.nitems);
  s->mode = static_cast<uint8_t>(parsed.mode);
  return true;
}

// Struct.__new__ leaves an empty format; __init__ parses it, so a subclass may pass its own arguments.
Value struct_new(ThreadState& ts, Type* type, std::span<const Value>, TupleObject*) {
  auto* s = ts.alloc<StructObject>(type, type->instance_size);
  s->format = Value(make_str(ts, ""));
  s->items = make_bytes(ts, "");
  return Value(s);
}

bool struct_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  Value v[1];
  if (!native::parse_args(ts, "Struct", args, kwnames, {"format"}, 1, 0, v)) return false;
  return init_struct(ts, as_struct(self), v[0]);
}

// A new Struct for `format` (the module-level functions' first argument).
StructObject* struct_for(ThreadState& ts, Value format) {
  auto* s = static_cast<StructObject*>(struct_new(ts, &struct_type, {}, nullptr).as_object());
  return init_struct(ts, s, format) ? s : nullptr;
}

// Packs `values` (exactly nitems of them) into `out` (s->size bytes, zeroed).
bool pack_values(ThreadState& ts, StructObject* s, std::span<const Value> values, uint8_t* out) {
  auto mode = static_cast<struct_codes::Mode>(s->mode);
  size_t next = 0;
  for (const struct_codes::FormatItem& item : items_of(s)) {
    uint8_t* p = out + item.offset;
    if (item.code == 'x') continue;
    if (item.code == 's' || item.code == 'p') {
      if (!struct_codes::pack_string(ts, item, values[next++], p)) return false;
      continue;
    }
    for (uint64_t i = 0; i < item.count; i++, p += item.size)
      if (!struct_codes::pack_item(ts, mode, item, values[next++], p)) return false;
  }
  return true;
}

// A tuple of the values packed in `data` (s->size bytes).
Value unpack_values(ThreadState& ts, StructObject* s, const uint8_t* data) {
  auto mode = static_cast<struct_codes::Mode>(s->mode);
  TupleObject* result = make_tuple(ts, s->nitems);
  for (int64_t i = 0; i < s->nitems; i++) result->items[i] = None();
  int64_t next = 0;
  for (const struct_codes::FormatItem& item : items_of(s)) {
    const uint8_t* p = data + item.offset;
    if (item.code == 'x') continue;
    if (item.code == 's' || item.code == 'p') {
      result->items[next++] = struct_codes::unpack_string(ts, item, p);
      continue;
    }
    for (uint64_t i = 0; i < item.count; i++, p += item.size) {
      Value v = struct_codes::unpack_item(ts, mode, item, p);
      if (!v) return Value();
      result->items[next++] = v;
    }
  }
  return Value(result);
}

// pack(v1, v2, ...): exactly as many values as the format has items (a count 's' or 'p' is one item).
Value do_pack(ThreadState& ts, StructObject* s, std::span<const Value> values) {
  if (static_cast<int64_t>(values.size()) != s->nitems)
    return raise_struct_error(ts, fmt::format("pack expected {} items for packing (got {})", s->nitems,
                                              values.size()));
  std::string out(static_cast<size_t>(s->size), '\0');
  if (!pack_values(ts, s, values, reinterpret_cast<uint8_t*>(out.data()))) return Value();
  return make_bytes(ts, out);
}

// pack_into(buffer, offset, v1, ...): a negative offset counts from the buffer's end; the range checks and
// their messages come in CPython's order (no space, offset out of range, buffer too small).
Value do_pack_into(ThreadState& ts, StructObject* s, std::span<const Value> args) {
  if (args.empty()) return raise(ts, TypeError_type, "pack_into expected buffer argument");
  if (args.size() < 2) return raise(ts, TypeError_type, "pack_into expected offset argument");
  if (static_cast<int64_t>(args.size()) - 2 != s->nitems)
    return raise_struct_error(ts, fmt::format("pack_into expected {} items for packing (got {})", s->nitems,
                                              args.size() - 2));
  std::span<char> buffer;
  if (!native::writable_bytes(ts, args[0], &buffer)) return Value();
  int64_t offset;
  if (!index_to_int64(ts, args[1], &offset)) return Value();
  auto length = static_cast<int64_t>(buffer.size());
  if (offset < 0) {
    if (offset + s->size > 0)
      return raise_struct_error(ts, fmt::format("no space to pack {} bytes at offset {}", s->size, offset));
    if (offset + length < 0)
      return raise_struct_error(ts, fmt::format("offset {} out of range for {}-byte buffer", offset, length));
    offset += length;
  }
  if (length - offset < s->size)
    return raise_struct_error(
        ts, fmt::format("pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {} "
                        "(actual buffer size is {})",
                        s->size + offset, s->size, offset, length));
  // Pack into a scratch copy first: a failure halfway leaves the buffer as it was, as CPython's does not
  // promise but users rely on (values are converted before anything is written there too).
  std::string scratch(static_cast<size_t>(s->size), '\0');
  if (!pack_values(ts, s, args.subspan(2), reinterpret_cast<uint8_t*>(scratch.data()))) return Value();
  // The buffer may have been resized by a conversion's side effect: look it up again.
  if (!native::writable_bytes(ts, args[0], &buffer) || static_cast<int64_t>(buffer.size()) < offset + s->size)
    return ts.current_exception ? Value() : raise_struct_error(ts, "buffer changed size during packing");
  std::memcpy(buffer.data() + offset, scratch.data(), scratch.size());
  return None();
}

// unpack(buffer): the buffer must be exactly the struct's size.
Value do_unpack(ThreadState& ts, StructObject* s, Value buffer) {
  std::string_view data;
  if (!native::bytes_like(ts, buffer, &data)) return Value();
  if (static_cast<int64_t>(data.size()) != s->size)
    return raise_struct_error(ts, fmt::format("unpack requires a buffer of {} bytes", s->size));
  return unpack_values(ts, s, reinterpret_cast<const uint8_t*>(data.data()));
}

// unpack_from(buffer, offset=0): at least the struct's size from the offset on (negative from the end).
Value do_unpack_from(ThreadState& ts, StructObject* s, Value buffer, Value offset_arg) {
  std::string_view data;
  if (!native::bytes_like(ts, buffer, &data)) return Value();
  int64_t offset = 0;
  if (offset_arg && !index_to_int64(ts, offset_arg, &offset)) return Value();
  auto length = static_cast<int64_t>(data.size());
  if (offset < 0) {
    if (offset + length < 0)
      return raise_struct_error(ts, fmt::format("offset {} out of range for {}-byte buffer", offset, length));
    offset += length;
  }
  if (length - offset < s->size)
    return raise_struct_error(
        ts, fmt::format("unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} "
                        "(actual buffer size is {})",
                        s->size + offset, s->size, offset, length));
  return unpack_values(ts, s, reinterpret_cast<const uint8_t*>(data.data()) + offset);
}

// iter_unpack(buffer): an iterator of tuples over consecutive records; the buffer must be a whole number of
// records and the struct non-empty.
Value do_iter_unpack(ThreadState& ts, StructObject* s, Value buffer) {
  std::string_view data;
  if (!native::bytes_like(ts, buffer, &data)) return Value();
  if (s->size == 0) return raise_struct_error(ts, "cannot iteratively unpack with a struct of length 0");
  if (static_cast<int64_t>(data.size()) % s->size != 0)
    return raise_struct_error(
        ts, fmt::format("iterative unpacking requires a buffer of a multiple of {} bytes", s->size));
  auto* it = ts.alloc<UnpackIterObject>(&unpack_iter_type);
  it->owner = Value(s);
  it->buffer = buffer;
  return Value(it);
}

// The buffer is looked up again at every step instead of being held exported (CPython keeps a Py_buffer for
// the iterator's life); a bytearray that shrinks meanwhile simply ends the iteration early.
Value unpack_iter_next(ThreadState& ts, Value self) {
  auto* it = static_cast<UnpackIterObject*>(self.as_object());
  if (!it->owner) return Value();
  StructObject* s = as_struct(it->owner);
  std::string_view data;
  if (!native::bytes_like(ts, it->buffer, &data)) return Value();
  if (it->offset + s->size > static_cast<int64_t>(data.size())) {
    it->owner = Value();
    it->buffer = Value();
    return Value();
  }
  Value r = unpack_values(ts, s, reinterpret_cast<const uint8_t*>(data.data()) + it->offset);
  it->offset += s->size;
  return r;
}

NATIVE_FN(unpack_iter_length_hint) {
  if (!native::no_args(ts, "unpack_iterator.__length_hint__", args, kwnames)) return Value();
  auto* it = static_cast<UnpackIterObject*>(self.as_object());
  if (!it->owner) return Value::small_int(0);
  std::string_view data;
  if (!native::bytes_like(ts, it->buffer, &data)) return Value();
  return make_int(ts, (static_cast<int64_t>(data.size()) - it->offset) / as_struct(it->owner)->size);
}

// ---- Struct methods ---------------------------------------------------------------------------------------------

NATIVE_FN(struct_pack) {
  if (!no_keywords(ts, "pack", kwnames)) return Value();
  return do_pack(ts, as_struct(self), args);
}
NATIVE_FN(struct_pack_into) {
  if (!no_keywords(ts, "pack_into", kwnames)) return Value();
  return do_pack_into(ts, as_struct(self), args);
}
NATIVE_FN(struct_unpack) {
  if (!native::one_arg(ts, "Struct.unpack", args, kwnames)) return Value();
  return do_unpack(ts, as_struct(self), args[0]);
}
NATIVE_FN(struct_unpack_from) {
  Value v[2];
  if (!native::parse_args(ts, "unpack_from", args, kwnames, {"buffer", "offset"}, 1, 0, v)) return Value();
  return do_unpack_from(ts, as_struct(self), v[0], v[1]);
}
NATIVE_FN(struct_iter_unpack) {
  if (!native::one_arg(ts, "Struct.iter_unpack", args, kwnames)) return Value();
  return do_iter_unpack(ts, as_struct(self), args[0]);
}
NATIVE_FN(struct_sizeof) {
  if (!native::no_args(ts, "Struct.__sizeof__", args, kwnames)) return Value();
  return make_int(ts, static_cast<int64_t>(sizeof(StructObject)) +
                          static_cast<int64_t>(items_of(as_struct(self)).size() * sizeof(struct_codes::FormatItem)));
}
NATIVE_FN(struct_format_getter) { (void)ts, (void)args, (void)kwnames; return as_struct(self)->format; }
NATIVE_FN(struct_size_getter) { (void)args, (void)kwnames; return make_int(ts, as_struct(self)->size); }

void trace_struct(Object* self, Tracer& tracer) {
  auto* s = static_cast<StructObject*>(self);
  tracer.visit(s->format);
  tracer.visit(s->items);
}
void trace_unpack_iter(Object* self, Tracer& tracer) {
  auto* it = static_cast<UnpackIterObject*>(self);
  tracer.visit(it->owner);
  tracer.visit(it->buffer);
}

// ---- module functions -------------------------------------------------------------------------------------------

// The module-level functions take the format first: a positional-only argument.
// The module functions build a Struct per call (no cache); its format errors are raised here.
StructObject* leading_format(ThreadState& ts, const char* fname, std::span<const Value> args, size_t min_args) {
  if (args.size() < min_args) {
    raise_fmt(ts, TypeError_type, "{} expected {}{} argument{}, got {}", fname, min_args > 1 ? "at least " : "",
              min_args, min_args == 1 ? "" : "s", args.size());
    return nullptr;
  }
  return struct_for(ts, args[0]);
}

NATIVE_FN(module_pack) {
  (void)self;
  if (!no_keywords(ts, "pack", kwnames)) return Value();
  StructObject* s = leading_format(ts, "pack", args, 1);
  return s ? do_pack(ts, s, args.subspan(1)) : Value();
}

NATIVE_FN(module_pack_into) {
  (void)self;
  if (!no_keywords(ts, "pack_into", kwnames)) return Value();
  StructObject* s = leading_format(ts, "pack_into", args, 1);
  return s ? do_pack_into(ts, s, args.subspan(1)) : Value();
}

NATIVE_FN(module_unpack) {
  (void)self;
  if (!no_keywords(ts, "unpack", kwnames)) return Value();
  if (args.size() != 2) return raise_fmt(ts, TypeError_type, "unpack expected 2 arguments, got {}", args.size());
  StructObject* s = struct_for(ts, args[0]);
  return s ? do_unpack(ts, s, args[1]) : Value();
}

NATIVE_FN(module_unpack_from) {
  (void)self;
  Value v[3];
  if (!native::parse_args(ts, "unpack_from", args, kwnames, {"format", "buffer", "offset"}, 2, 1, v)) return Value();
  StructObject* s = struct_for(ts, v[0]);
  return s ? do_unpack_from(ts, s, v[1], v[2]) : Value();
}

NATIVE_FN(module_iter_unpack) {
  (void)self;
  if (!no_keywords(ts, "iter_unpack", kwnames)) return Value();
  if (args.size() != 2) return raise_fmt(ts, TypeError_type, "iter_unpack expected 2 arguments, got {}", args.size());
  StructObject* s = struct_for(ts, args[0]);
  return s ? do_iter_unpack(ts, s, args[1]) : Value();
}

NATIVE_FN(module_calcsize) {
  (void)self;
  if (!native::one_arg(ts, "calcsize", args, kwnames)) return Value();
  StructObject* s = struct_for(ts, args[0]);
  return s ? make_int(ts, s->size) : Value();
}

NATIVE_FN(module_clearcache) {
  (void)self;
  if (!native::no_args(ts, "_clearcache", args, kwnames)) return Value();
  return None();
}

const MethodDef kStructMethods[] = {
    {"pack", struct_pack},           {"pack_into", struct_pack_into},     {"unpack", struct_unpack},
    {"unpack_from", struct_unpack_from}, {"iter_unpack", struct_iter_unpack}, {"__sizeof__", struct_sizeof},
};
const MethodDef kStructGetters[] = {{"format", struct_format_getter}, {"size", struct_size_getter}};
const MethodDef kUnpackIterMethods[] = {{"__length_hint__", unpack_iter_length_hint}};
const MethodDef kStructFunctions[] = {
    {"pack", module_pack},       {"pack_into", module_pack_into},     {"unpack", module_unpack},
    {"unpack_from", module_unpack_from}, {"iter_unpack", module_iter_unpack}, {"calcsize", module_calcsize},
    {"_clearcache", module_clearcache},
};

void init_struct_types(ThreadState& ts) {
  native::init_native_type(ts, struct_type, "Struct", "_struct", sizeof(StructObject), true);
  struct_type.new_instance = struct_new;
  struct_type.init = struct_init;
  struct_type.trace = trace_struct;
  add_methods(ts, struct_type, kStructMethods);
  add_getsets(ts, struct_type, kStructGetters);
  native::complete_native_type(ts, struct_type);
  native::init_native_type(ts, unpack_iter_type, "unpack_iterator", "_struct", sizeof(UnpackIterObject), false);
  unpack_iter_type.iter = iter_self;
  unpack_iter_type.iternext = unpack_iter_next;
  unpack_iter_type.trace = trace_unpack_iter;
  add_methods(ts, unpack_iter_type, kUnpackIterMethods);
  native::complete_native_type(ts, unpack_iter_type);
  struct_error = native::new_exception_class(ts, "struct", "error", &Exception_type);
  register_root(ts, &struct_error);
}

}  // namespace

Value struct_codes::raise_struct_error(ThreadState& ts, std::string_view message) {
  return raise(ts, *as_type(struct_error), message);
}

ModuleObject* create_struct_module(ThreadState& ts) {
  if (!native::native_type_ready(struct_type)) init_struct_types(ts);
  if (!struct_error) return nullptr;
  ModuleObject* m = make_module(ts, "_struct");
  add_module_functions(ts, m, kStructFunctions);
  add_module_value(ts, m, "Struct", Value(static_cast<Object*>(&struct_type)));
  add_module_value(ts, m, "error", struct_error);
  return m;
}

}  // namespace minipy
