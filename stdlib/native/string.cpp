// The native `_string` module: CPython 3.11's formatter_parser and formatter_field_name_split, the pieces of
// str.format's parser that string.Formatter reuses. Both are lazy iterators over the text engine's own brace
// parser (vm/text/brace_format.h), so they split and fail exactly as str.format does. Complete.
#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "vm/text/brace_format.h"

namespace minipy {

namespace {

// formatter_parser's iterator: a BraceParser over the str it keeps alive (heap objects never move).
struct FormatterIterObject : Object {
  Value text;
  text::BraceParser parser;
};

// formatter_field_name_split's accessor iterator.
struct FieldNameIterObject : Object {
  Value text;
  text::FieldAccessorIterator accessors;
};

Type formatter_iter_type;
Type field_name_iter_type;

Value str_or_none(ThreadState& ts, bool present, std::string_view s) {
  return present ? Value(make_str(ts, s)) : None();
}

// Each piece is (literal, field_name, format_spec, conversion); an escaped brace or trailing text has None for
// the last three, a field without '!' has conversion None.
Value formatter_iter_next(ThreadState& ts, Value self) {
  auto* it = static_cast<FormatterIterObject*>(self.as_object());
  auto piece = it->parser.next();
  if (!piece.ok()) return raise_text_error(ts, piece.error());
  if (!piece.value()) return Value();
  const text::BracePiece& p = *piece.value();
  bool field = p.field.has_value();
  Value conversion = None();
  if (field && p.field->conversion) conversion = str_from_codepoint(ts, static_cast<uint32_t>(p.field->conversion));
  if (!conversion) return Value();
  Value items[4] = {make_str(ts, p.literal), str_or_none(ts, field, field ? p.field->field_name : ""),
                    str_or_none(ts, field, field ? p.field->format_spec : ""), conversion};
  return Value(make_tuple(ts, items));
}

Value field_name_iter_next(ThreadState& ts, Value self) {
  auto* it = static_cast<FieldNameIterObject*>(self.as_object());
  auto accessor = it->accessors.next();
  if (!accessor.ok()) return raise_text_error(ts, accessor.error());
  if (!accessor.value()) return Value();
  const text::FieldAccessor& a = *accessor.value();
  Value key = a.index >= 0 ? make_int(ts, a.index) : Value(make_str(ts, a.name));
  Value items[2] = {Bool(a.is_attribute), key};
  return Value(make_tuple(ts, items));
}

void trace_formatter_iter(Object* self, Tracer& tracer) {
  tracer.visit(static_cast<FormatterIterObject*>(self)->text);
}
void trace_field_name_iter(Object* self, Tracer& tracer) {
  tracer.visit(static_cast<FieldNameIterObject*>(self)->text);
}

bool str_argument(ThreadState& ts, const char* fname, Value v) {
  if (is_str(v)) return true;
  (void)fname;
  raise_fmt(ts, TypeError_type, "expected str, got {}", type_name(v));
  return false;
}

NATIVE_FN(formatter_parser) {
  (void)self;
  if (!native::one_arg(ts, "_string.formatter_parser", args, kwnames) || !str_argument(ts, "formatter_parser", args[0]))
    return Value();
  auto* it = ts.alloc<FormatterIterObject>(&formatter_iter_type);
  it->text = args[0];
  new (&it->parser) text::BraceParser(as_str(args[0])->view());
  return Value(it);
}

// (first, rest): first is the text before the first '.' or '[' (an int when all digits), rest iterates over
// the (is_attribute, key) accessors.
NATIVE_FN(formatter_field_name_split) {
  (void)self;
  if (!native::one_arg(ts, "_string.formatter_field_name_split", args, kwnames) ||
      !str_argument(ts, "formatter_field_name_split", args[0]))
    return Value();
  std::string_view name = as_str(args[0])->view();
  size_t end = name.find_first_of(".[");
  if (end == std::string_view::npos) end = name.size();
  std::string_view first = name.substr(0, end);
  bool digits = !first.empty() && first.find_first_not_of("0123456789") == std::string_view::npos;
  Value first_value;
  if (digits) {
    std::optional<BigInt> n = BigInt::parse(first, 10);
    first_value = make_int(ts, *n);
  } else {
    first_value = make_str(ts, first);
  }
  auto* it = ts.alloc<FieldNameIterObject>(&field_name_iter_type);
  it->text = args[0];
  new (&it->accessors) text::FieldAccessorIterator(name.substr(end));
  Value items[2] = {first_value, Value(it)};
  return Value(make_tuple(ts, items));
}

const MethodDef kStringFunctions[] = {
    {"formatter_parser", formatter_parser},
    {"formatter_field_name_split", formatter_field_name_split},
};

void init_iterator_type(ThreadState& ts, Type& t, const char* name, size_t size, IterNextSlot next,
                        TraceSlot trace) {
  native::init_native_type(ts, t, name, "builtins", size, false);
  t.iter = iter_self;
  t.iternext = next;
  t.trace = trace;
  native::complete_native_type(ts, t);
}

}  // namespace

ModuleObject* create_string_module(ThreadState& ts) {
  if (!native::native_type_ready(formatter_iter_type)) {
    init_iterator_type(ts, formatter_iter_type, "formatteriterator", sizeof(FormatterIterObject),
                       formatter_iter_next, trace_formatter_iter);
    init_iterator_type(ts, field_name_iter_type, "fieldnameiterator", sizeof(FieldNameIterObject),
                       field_name_iter_next, trace_field_name_iter);
  }
  ModuleObject* m = make_module(ts, "_string");
  add_module_functions(ts, m, kStringFunctions);
  return m;
}

}  // namespace minipy
