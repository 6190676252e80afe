// str % args and str.format(): the VM half of formatting. The text engine parses the format strings and
// converts numbers (vm/text/percent_format.h, brace_format.h); this file fetches arguments, applies
// str()/repr()/ascii() and format(), and raises CPython's errors in CPython's order.
#include <cmath>

#include "vm/objects/buffer.h"
#include "vm/objects/bytearray.h"
#include "vm/objects/type_init.h"
#include "vm/runtime.h"
#include "vm/text/brace_format.h"
#include "vm/text/percent_format.h"
#include "vm/text/str_methods.h"
#include "vm/text/unicode.h"

namespace minipy {

namespace {

// ---- str % args ----------------------------------------------------------------------------------------------
// The argument cursor of PyUnicode_Format: a tuple supplies its items in order, any other single value is the one
// argument (arglen -1 with argidx -2, so next() hands it out once), and after a %(key) lookup the cursor is disabled,
// since mixing keys and positions is not allowed.
struct PercentArgs {
  Value args;
  Value dict;       // set when args is a mapping
  int64_t arglen;   // -1: a single non-tuple argument
  int64_t argidx;

  Value next(ThreadState& ts) {
    if (argidx < arglen) {
      int64_t i = argidx++;
      if (arglen < 0) return args;
      return static_cast<TupleObject*>(args.as_object())->items[i];
    }
    return raise(ts, TypeError_type, "not enough arguments for format string");
  }
};

// A '*' width or precision must be an int (not merely __index__-able): CPython's "* wants int" check is PyLong_Check.
bool fetch_star(ThreadState& ts, PercentArgs& pa, int64_t* out) {
  Value v = pa.next(ts);
  if (!v) return false;
  if (!is_int(v)) {
    raise(ts, TypeError_type, "* wants int");
    return false;
  }
  return index_to_int64(ts, v, out);
}

bool append_result(ThreadState& ts, std::string& out, const text::TextResult<std::string>& r) {
  if (!r.ok()) {
    // The text engine reports an impossible result size as a MemoryError kind; CPython's MemoryError has no message.
    if (r.error().kind == "MemoryError") raise(ts, MemoryError_type, "");
    else raise_text_error(ts, r.error());
    return false;
  }
  out += r.value();
  return true;
}

// bytes % args runs the str machinery on the bytes read as Latin-1 (one code point per byte) and encodes the
// result back, so widths, precisions and error indexes count bytes.
std::string latin1_to_utf8(std::string_view bytes) {
  std::string out;
  for (unsigned char c : bytes) text::append_utf8(out, c);
  return out;
}
std::string utf8_to_latin1(std::string_view utf8) {
  std::string out;
  for (size_t pos = 0; pos < utf8.size();) out.push_back(static_cast<char>(text::next_code_point(utf8, &pos)));
  return out;
}

// %s/%b and %c of bytes formatting.
// PEP 461: bytes % args has no str() conversion; %s and %b take a bytes-like object or an object with __bytes__, and %c
// an int in range(256) or a single byte.
bool format_bytes_arg(ThreadState& ts, std::string& out, text::PercentSpec& spec, Value v) {
  if (spec.conversion == 'c') {
    int64_t n = -1;
    if (type_of(v) == &bytes_type && static_cast<BytesObject*>(v.as_object())->size == 1) {
      n = static_cast<unsigned char>(static_cast<BytesObject*>(v.as_object())->data[0]);
    } else if (is_bytearray(v) && bytearray_view(v).size() == 1) {
      n = static_cast<unsigned char>(bytearray_view(v)[0]);
    } else if (is_int(v)) {
      if (!int_to_int64(v, &n) || n < 0 || n > 255) {
        raise(ts, OverflowError_type, "%c arg not in range(256)");
        return false;
      }
    } else {
      raise(ts, TypeError_type, "%c requires an integer in range(256) or a single byte");
      return false;
    }
    return append_result(ts, out, text::percent_format_char(static_cast<char32_t>(n), spec));
  }
  Value b = v;
  if (type_of(v) != &bytes_type && has_buffer(v)) {
    // Any other bytes-like object (bytearray, memoryview) is read through the buffer protocol.
    std::string bytes;
    if (!buffer_bytes(ts, v, &bytes)) return false;
    return append_result(ts, out, text::percent_format_text(latin1_to_utf8(bytes), spec));
  }
  if (type_of(v) != &bytes_type) {
    Value method = type_lookup(type_of(v), intern(ts, "__bytes__"));
    if (!method) {
      raise_fmt(ts, TypeError_type,
                "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'", type_name(v));
      return false;
    }
    b = call(ts, method, std::span<const Value>(&v, 1));
    if (!b) return false;
    if (type_of(b) != &bytes_type) {
      raise_fmt(ts, TypeError_type, "__bytes__ returned non-bytes (type {})", type_name(b));
      return false;
    }
  }
  return append_result(ts, out,
                       text::percent_format_text(latin1_to_utf8(static_cast<BytesObject*>(b.as_object())->view()), spec));
}

bool format_one(ThreadState& ts, std::string& out, text::PercentSpec& spec, Value v, bool bytes) {
  char32_t c = spec.conversion;
  if (bytes && (c == 's' || c == 'b' || c == 'c')) return format_bytes_arg(ts, out, spec, v);
  // PEP 461 defines %r for bytes as %a: repr() may produce non-ASCII text, which a bytes result cannot hold.
  if (bytes && c == 'r') c = 'a';
  switch (c) {
    case 's':
    case 'r':
    case 'a': {
      Value s = c == 's' ? py_str(ts, v) : c == 'r' ? py_repr(ts, v) : py_ascii(ts, v);
      if (!s) return false;
      return append_result(ts, out, text::percent_format_text(as_str(s)->view(), spec));
    }
    case 'c': {
      char32_t cp;
      if (is_str(v)) {
        if (as_str(v)->length != 1) {
          raise(ts, TypeError_type, "%c requires int or char");
          return false;
        }
        size_t pos = 0;
        cp = text::next_code_point(as_str(v)->view(), &pos);
      } else if (is_int(v)) {
        int64_t n;
        if (!int_to_int64(v, &n) || n < 0 || n > 0x10FFFF) {
          raise(ts, OverflowError_type, "%c arg not in range(0x110000)");
          return false;
        }
        cp = static_cast<char32_t>(n);
      } else {
        raise(ts, TypeError_type, "%c requires int or char");
        return false;
      }
      return append_result(ts, out, text::percent_format_char(cp, spec));
    }
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
      Value n = v;
      // '%d' % 3.7 truncates through int(), as CPython's formatlong does for a float; %x and %o refuse floats outright.
      if (is_float(v)) {
        if (c == 'o' || c == 'x' || c == 'X') {
          raise_fmt(ts, TypeError_type, "%{} format: an integer is required, not {}", static_cast<char>(c), type_name(v));
          return false;
        }
        Value arg[1] = {v};
        n = call(ts, Value(&int_type), arg);
        if (!n) return false;
      } else if (!is_int(v)) {
        // %d/%i/%u take anything int() takes from a number (__int__, __index__); %o/%x/%X only __index__.
        Type* vt = type_of(v);
        bool hex_like = c == 'o' || c == 'x' || c == 'X';
        bool numeric = hex_like ? bool(vt->index) : (vt->index || vt->to_int || vt->to_float);
        Value converted;
        if (numeric) {
          Value arg[1] = {v};
          converted = hex_like ? number_index(ts, v) : call(ts, Value(&int_type), arg);
          if (!converted && !exception_matches(ts.current_exception, &TypeError_type)) return false;
        }
        if (!converted) {
          ts.current_exception = Value();
          if (hex_like)
            raise_fmt(ts, TypeError_type, "%{} format: an integer is required, not {}", static_cast<char>(c), type_name(v));
          else
            raise_fmt(ts, TypeError_type, "%{} format: a real number is required, not {}", static_cast<char>(c),
                      type_name(v));
          return false;
        }
        n = converted;
      }
      return append_result(ts, out, text::percent_format_int(to_bigint(n), spec));
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      double d;
      bool is_number;
      if (!to_double(ts, v, &d, &is_number)) {
        if (is_number) return false;
        // Anything float() takes from a number: __float__, else __index__ (PyFloat_AsDouble).
        Type* vt = type_of(v);
        // The float conversions accept what PyFloat_AsDouble accepts: __float__, else __index__ (so an int-like object
        // prints as a float).
        Value f = vt->to_float ? vt->to_float(ts, v) : vt->index ? number_index(ts, v) : Value();
        if (!f) {
          if (!ts.current_exception) raise_fmt(ts, TypeError_type, "must be real number, not {}", type_name(v));
          return false;
        }
        if (!to_double(ts, f, &d, &is_number)) {
          if (!is_number) raise_fmt(ts, TypeError_type, "must be real number, not {}", type_name(f));
          return false;
        }
      }
      return append_result(ts, out, text::percent_format_float(d, spec));
    }
    default:
      raise_text_error(ts, text::unsupported_conversion(spec));
      return false;
  }
}

// `format` % `right` for a str format, or for a bytes format (given as Latin-1 text) when `bytes`.
// The steps per conversion follow unicodeobject.c's unicode_format_arg in order (mapping key, '*' arguments, spec
// errors, the value, the conversion), because when a format has several faults the error raised must be CPython's.
// `format_obj` is the str object of `format` (null for bytes): a format without conversions returns it, and one that is
// a lone "%s" of an exact str returns that str, the objects CPython's writer hands back unchanged.
Value percent_format(ThreadState& ts, std::string_view format, Value right, bool bytes, Value format_obj = Value()) {
  PercentArgs pa{right, Value(), -1, -2};
  if (is_tuple(right)) {
    pa.arglen = static_cast<TupleObject*>(right.as_object())->size;
    pa.argidx = 0;
  }
  // A subscriptable right operand other than a tuple or str is the mapping for %(key)s, and then unused arguments
  // are no error ('a' % b'x' is 'a'). A bytes format also excludes bytes and bytearray (not other buffers).
  if (type_of(right)->getitem && !is_tuple(right) && !is_str(right) &&
      !(bytes && (is_subtype(type_of(right), &bytes_type) || is_bytearray(right))))
    pa.dict = right;
  text::PercentParser parser(format);
  std::string out;
  size_t literals = 0, specs = 0;
  Value sole;  // the value of a plain %s that is an exact str
  while (auto piece = parser.next()) {
    out += piece->literal;
    literals += !piece->literal.empty();
    if (!piece->spec) continue;
    specs++;
    text::PercentSpec& spec = *piece->spec;
    Value value;
    if (spec.key || spec.key_incomplete) {
      if (!pa.dict) return raise(ts, TypeError_type, "format requires a mapping");
      if (spec.key_incomplete) return raise(ts, ValueError_type, "incomplete format key");
      Value key = bytes ? make_bytes(ts, utf8_to_latin1(*spec.key)) : Value(make_str(ts, *spec.key));
      value = get_item(ts, pa.dict, key);
      if (!value) return value;
      pa.arglen = -1;
      pa.argidx = -2;
    }
    if (spec.width_from_argument) {
      int64_t w;
      if (!fetch_star(ts, pa, &w)) return Value();
      text::set_star_width(spec, w);
    }
    if (spec.precision_from_argument) {
      int64_t p;
      if (!fetch_star(ts, pa, &p)) return Value();
      text::set_star_precision(spec, p);
    }
    if (spec.error) return raise_text_error(ts, *spec.error);
    if (spec.conversion == '%') {
      out += '%';
      continue;
    }
    if (!value) {
      value = pa.next(ts);
      if (!value) return value;
    }
    if (!format_one(ts, out, spec, value, bytes)) return Value();
    if (spec.conversion == 's' && spec.width < 0 && spec.precision < 0 && type_of(value) == &str_type) sole = value;
  }
  // Left-over positional arguments are an error unless the right operand is a mapping, in which case unused keys are
  // fine.
  if (pa.argidx < pa.arglen && !pa.dict)
    return raise_fmt(ts, TypeError_type, "not all arguments converted during {} formatting", bytes ? "bytes" : "string");
  if (format_obj && type_of(format_obj) == &str_type && specs == 0) return format_obj;
  if (!bytes && specs == 1 && literals == 0 && sole) return sole;
  return bytes ? make_bytes(ts, utf8_to_latin1(out)) : Value(make_str(ts, out));
}

Value str_mod(ThreadState& ts, Value left, Value right) {
  if (!is_str(left)) return NotImplemented();
  return percent_format(ts, as_str(left)->view(), right, false, left);
}

// bytes subclasses defining their own __mod__ go through the normal method lookup; only exact bytes get here.
Value bytes_mod(ThreadState& ts, Value left, Value right) {
  if (type_of(left) != &bytes_type) return NotImplemented();
  return percent_format(ts, latin1_to_utf8(static_cast<BytesObject*>(left.as_object())->view()), right, true);
}

// ---- str.format ----------------------------------------------------------------------------------------------
// What the replacement fields draw from: format()'s positional and keyword arguments, or format_map()'s mapping
// (which has no positional arguments and is looked up with its own __getitem__, so __missing__ counts).
struct FormatArgs {
  std::span<const Value> args;
  TupleObject* kwnames = nullptr;
  Value mapping;
};

bool brace_format(ThreadState& ts, std::string_view format, int depth, text::AutoNumbering& numbering,
                  const FormatArgs& from, std::string& out, Value* sole = nullptr);

// "{0.attr[key]}": the argument (positional index or keyword), then each accessor in turn; a digit-only index is an int
// subscript, anything else a str key, as in Objects/stringlib/unicode_format.h.
Value lookup_field(ThreadState& ts, text::FieldName& field, const FormatArgs& from) {
  Value obj;
  if (field.arg_index >= 0) {
    if (from.mapping) return raise(ts, ValueError_type, "Format string contains positional fields");
    size_t npos = positional_count(from.args, from.kwnames);
    if (static_cast<size_t>(field.arg_index) >= npos)
      return raise_fmt(ts, IndexError_type, "Replacement index {} out of range for positional args tuple",
                       field.arg_index);
    obj = from.args[static_cast<size_t>(field.arg_index)];
  } else if (from.mapping) {
    obj = get_item(ts, from.mapping, Value(make_str(ts, field.keyword)));
    if (!obj) return obj;
  } else {
    obj = keyword_arg(ts, from.args, from.kwnames, field.keyword);
    if (!obj) return raise_key_error(ts, Value(make_str(ts, field.keyword)));
  }
  for (;;) {
    auto acc = field.accessors.next();
    if (!acc.ok()) return raise_text_error(ts, acc.error());
    if (!acc.value()) return obj;
    const text::FieldAccessor& a = *acc.value();
    if (a.is_attribute) obj = get_attr(ts, obj, intern(ts, a.name));
    else if (a.index >= 0) obj = get_item(ts, obj, make_int(ts, a.index));
    else obj = get_item(ts, obj, Value(make_str(ts, a.name)));
    if (!obj) return obj;
  }
}

// `depth` limits nested replacement fields in format specs ("{:{width}}"): CPython allows two levels and says "Max
// string recursion exceeded" past that. `numbering` is shared with the nested specs because automatic field numbering
// ("{}") counts across them.
// `sole`, when given, receives the formatted value of a format that is one replacement field and no text, if that
// value is an exact str: the result is then that object itself, as CPython's writer returns it.
bool brace_format(ThreadState& ts, std::string_view format, int depth, text::AutoNumbering& numbering,
                  const FormatArgs& from, std::string& out, Value* sole) {
  text::BraceParser parser(format, depth);
  size_t literals = 0, fields = 0;
  Value only;
  for (;;) {
    auto piece = parser.next();
    if (!piece.ok()) {
      raise_text_error(ts, piece.error());
      return false;
    }
    if (!piece.value()) {
      if (sole && literals == 0 && fields == 1) *sole = only;
      return true;
    }
    out += piece.value()->literal;
    literals += !piece.value()->literal.empty();
    if (!piece.value()->field) continue;
    fields++;
    const text::BraceField& f = *piece.value()->field;
    auto name = text::parse_field_name(f.field_name, &numbering);
    if (!name.ok()) {
      raise_text_error(ts, name.error());
      return false;
    }
    Value obj = lookup_field(ts, name.value(), from);
    if (!obj) return false;
    if (auto err = text::conversion_error(f.conversion)) {
      raise_text_error(ts, *err);
      return false;
    }
    if (f.conversion == 'r') obj = py_repr(ts, obj);
    else if (f.conversion == 's') obj = py_str(ts, obj);
    else if (f.conversion == 'a') obj = py_ascii(ts, obj);
    if (!obj) return false;
    std::string spec_text;
    std::string_view spec = f.format_spec;
    // The spec is itself a format string when it contains braces; it is expanded with the same arguments before
    // format() sees it.
    if (f.spec_needs_expanding) {
      if (!brace_format(ts, f.format_spec, parser.depth() - 1, numbering, from, spec_text)) return false;
      spec = spec_text;
    }
    Value formatted = py_format(ts, obj, Value(make_str(ts, spec)));
    if (!formatted) return false;
    out += as_str(formatted)->view();
    if (type_of(formatted) == &str_type) only = formatted;
  }
}

// A format without braces, or one that is a single field giving an exact str, returns an existing object.
Value format_with(ThreadState& ts, Value self, const FormatArgs& from) {
  std::string out;
  text::AutoNumbering numbering;
  Value sole;
  std::string_view format = as_str(self)->view();
  if (!brace_format(ts, format, text::kBraceFormatMaxDepth, numbering, from, out, &sole)) return Value();
  if (sole) return sole;
  if (type_of(self) == &str_type && format.find_first_of("{}") == std::string_view::npos) return self;
  return Value(make_str(ts, out));
}

Value m_format(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  return format_with(ts, self, {args, kwnames, Value()});
}

// format_map(mapping): any object; each keyword field is mapping[name] when it is reached.
Value m_format_map(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "str.format_map", args, kwnames, 1, 1)) return Value();
  return format_with(ts, self, {{}, nullptr, args[0]});
}

Value m_dunder_format(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_arg_count(ts, "__format__", positional_count(args, kwnames), 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise_fmt(ts, TypeError_type, "__format__() argument must be str, not {}", type_name(args[0]));
  return py_format(ts, self, args[0]);
}

const MethodDef format_methods[] = {
    {"format", m_format}, {"format_map", m_format_map}, {"__format__", m_dunder_format}};

}  // namespace

void init_str_format(ThreadState& ts) {
  str_type.binary[kOpMod] = str_mod;
  bytes_type.binary[kOpMod] = bytes_mod;
  add_methods(ts, str_type, format_methods);
}

// bytearray % args: formatted as bytes, the result a bytearray.
Value percent_format_bytes_like(ThreadState& ts, Value format, Value args) {
  Value r = percent_format(ts, latin1_to_utf8(bytearray_view(format)), args, true);
  return r ? make_bytearray(ts, static_cast<BytesObject*>(r.as_object())->view()) : r;
}

}  // namespace minipy
