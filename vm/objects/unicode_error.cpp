// UnicodeEncodeError, UnicodeDecodeError and UnicodeTranslateError as CPython's exceptions.c makes them: the
// constructor checks its five (translate: four) arguments and keeps them as the attributes encoding, object,
// start, end and reason, which error handlers read and may change; str() builds the message from the attributes
// as they are now ("'ascii' codec can't encode character '\xe9' in position 1: ordinal not in range(128)").
// The codecs raise them through raise_unicode_encode_error / raise_unicode_decode_error (codecs.h), so what a
// program catches is the same object a registered error handler is given.
#include "vm/objects/buffer.h"
#include "vm/objects/codecs.h"
#include "vm/text/unicode.h"

namespace minipy {

namespace {

ExceptionObject* as_exc(Value v) { return static_cast<ExceptionObject*>(v.as_object()); }

// The exception types' shared initializer (exceptions.cpp), which keeps `args`.
InitSlot base_init = nullptr;

const char* const kAttributeNames[] = {"encoding", "object", "start", "end", "reason"};

// PyArg_ParseTuple's message for a wrong argument type: "argument 2 must be str, not bytes".
bool argument_type_error(ThreadState& ts, int position, const char* expected, Value got) {
  raise_fmt(ts, TypeError_type, "argument {} must be {}, not {}", position, expected, type_name(got));
  return false;
}

// Reads one argument into the instance's attribute `name`; the checks are CPython's "UOnnU" (encode), with the
// object a bytes-like one for decode.
bool unicode_error_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!base_init(ts, self, args, kwnames)) return false;
  Type* type = type_of(self);
  bool translate = is_subtype(type, &UnicodeTranslateError_type);
  bool decode = is_subtype(type, &UnicodeDecodeError_type);
  size_t want = translate ? 4 : 5;
  size_t n = positional_count(args, kwnames);
  if (n != want) {
    raise_fmt(ts, TypeError_type, "function takes exactly {} arguments ({} given)", want, n);
    return false;
  }
  // Translate errors have no encoding argument: their slots start at `object`.
  size_t first = translate ? 1 : 0;
  Value values[5] = {None(), Value(), Value(), Value(), Value()};
  for (size_t i = 0; i < n; i++) values[first + i] = args[i];
  int position_base = translate ? 0 : 1;
  if (!translate && !is_str(values[0])) return argument_type_error(ts, 1, "str", values[0]);
  if (decode) {
    // Any bytes-like object is accepted and kept as bytes, as CPython copies it.
    if (type_of(values[1]) != &bytes_type) {
      BufferLease lease;
      if (!lease.acquire(ts, values[1])) return false;
      values[1] = make_bytes(ts, lease.bytes());
    }
  } else if (!is_str(values[1])) {
    return argument_type_error(ts, position_base + 1, "str", values[1]);
  }
  for (size_t i = 2; i < 4; i++) {
    int64_t index;
    if (!index_to_int64(ts, values[i], &index)) return false;
  }
  if (!is_str(values[4])) return argument_type_error(ts, position_base + 4, "str", values[4]);
  ExceptionObject* e = as_exc(self);
  if (!e->dict) e->dict = make_dict(ts);
  for (size_t i = first; i < 5; i++)
    if (!dict_set_str(ts, e->dict, intern(ts, kAttributeNames[i]), values[i])) return false;
  return true;
}

Value attribute(ThreadState& ts, Value self, const char* name) {
  Value v = get_attr_optional(ts, self, intern(ts, name));
  return v ? v : None();
}

// The character at `start` as the message quotes it: \xhh, \uhhhh or \Uhhhhhhhh.
std::string quoted_character(char32_t c) {
  if (c <= 0xff) return fmt::format("\\x{:02x}", static_cast<uint32_t>(c));
  if (c <= 0xffff) return fmt::format("\\u{:04x}", static_cast<uint32_t>(c));
  return fmt::format("\\U{:08x}", static_cast<uint32_t>(c));
}

char32_t char_at(StrObject* s, int64_t index) {
  std::string_view text = s->view();
  size_t pos = 0;
  char32_t c = 0;
  for (int64_t i = 0; i <= index && pos < text.size(); i++) c = text::next_code_point(text, &pos);
  return c;
}

// str(): from the attributes as they are now; an exception whose object was never set prints as "".
Value unicode_error_str(ThreadState& ts, Value self) {
  Value object = attribute(ts, self, "object");
  if (ts.current_exception) return Value();
  if (is_none(object)) return Value(ts.interp->names.empty);
  Value reason = py_str(ts, attribute(ts, self, "reason"));
  if (!reason) return reason;
  int64_t start = 0, end = 0;
  Value start_v = attribute(ts, self, "start"), end_v = attribute(ts, self, "end");
  if (!index_to_int64(ts, start_v, &start) || !index_to_int64(ts, end_v, &end)) return Value();
  Type* type = type_of(self);
  std::string_view why = as_str(reason)->view();
  if (is_subtype(type, &UnicodeDecodeError_type)) {
    Value encoding = py_str(ts, attribute(ts, self, "encoding"));
    if (!encoding) return encoding;
    BufferLease lease;
    if (!lease.acquire(ts, object)) return Value();
    std::string_view bytes = lease.bytes();
    if (start >= 0 && start < static_cast<int64_t>(bytes.size()) && end == start + 1)
      return Value(make_str(ts, fmt::format("'{}' codec can't decode byte 0x{:02x} in position {}: {}",
                                            as_str(encoding)->view(), static_cast<unsigned char>(bytes[start]), start,
                                            why)));
    return Value(make_str(ts, fmt::format("'{}' codec can't decode bytes in position {}-{}: {}",
                                          as_str(encoding)->view(), start, end - 1, why)));
  }
  if (!is_str(object)) return py_str(ts, object);
  StrObject* text = as_str(object);
  std::string what;
  if (start >= 0 && start < text->length && end == start + 1)
    what = fmt::format("character '{}' in position {}", quoted_character(char_at(text, start)), start);
  else
    what = fmt::format("characters in position {}-{}", start, end - 1);
  if (is_subtype(type, &UnicodeTranslateError_type))
    return Value(make_str(ts, fmt::format("can't translate {}: {}", what, why)));
  Value encoding = py_str(ts, attribute(ts, self, "encoding"));
  if (!encoding) return encoding;
  return Value(make_str(ts, fmt::format("'{}' codec can't encode {}: {}", as_str(encoding)->view(), what, why)));
}

Value raise_with_arguments(ThreadState& ts, Type& type, std::span<const Value> args) {
  Value exc = call(ts, Value(&type), args);
  if (!exc) return exc;
  return raise_value(ts, exc);
}

}  // namespace

Value raise_unicode_encode_error(ThreadState& ts, std::string_view encoding, Value object, int64_t start,
                                 int64_t end, std::string_view reason) {
  Value args[5] = {Value(make_str(ts, encoding)), object, make_int(ts, start), make_int(ts, end),
                   Value(make_str(ts, reason))};
  return raise_with_arguments(ts, UnicodeEncodeError_type, args);
}

Value raise_unicode_decode_error(ThreadState& ts, std::string_view encoding, Value object, int64_t start,
                                 int64_t end, std::string_view reason) {
  Value args[5] = {Value(make_str(ts, encoding)), object, make_int(ts, start), make_int(ts, end),
                   Value(make_str(ts, reason))};
  return raise_with_arguments(ts, UnicodeDecodeError_type, args);
}

// Called from init_exception_slots with BaseException's initializer.
void init_unicode_error_types(ThreadState& ts, InitSlot exception_init) {
  base_init = exception_init;
  for (Type* t : {&UnicodeEncodeError_type, &UnicodeDecodeError_type, &UnicodeTranslateError_type}) {
    t->init = unicode_error_init;
    t->str = unicode_error_str;
    // The attributes read None until the constructor sets them (CPython's members of a fresh instance).
    for (const char* name : kAttributeNames) (void)dict_set_str(ts, t->dict, intern(ts, name), None());
  }
}

}  // namespace minipy
