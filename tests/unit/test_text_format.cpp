// %-formatting and str.format parsing (vm/text/percent_format.h, vm/text/brace_format.h) against python3.11.
// A miniature of the VM's formatting loop drives the parsers over ints, floats, strs and lists, following the
// order the headers prescribe, so whole `fmt % args` / `fmt.format(...)` results and errors can be compared.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <map>
#include <variant>

#include "compiler/float_repr.h"
#include "test_text_oracle.h"
#include "vm/text/brace_format.h"
#include "vm/text/number_format.h"
#include "vm/text/percent_format.h"
#include "vm/text/str_methods.h"
#include "vm/text/unicode.h"

using namespace minipy;
using namespace minipy::text;
using text_oracle::enc;
using text_oracle::py;
using text_oracle::py_float;

namespace {

struct Arg;
using ArgList = std::vector<Arg>;
struct Arg {
  std::variant<int64_t, double, std::string, ArgList> v;
};

std::string py_arg(const Arg& a) {
  if (auto* i = std::get_if<int64_t>(&a.v)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&a.v)) return py_float(*d);
  if (auto* s = std::get_if<std::string>(&a.v)) return py(*s);
  std::string out = "[";
  for (auto& x : std::get<ArgList>(a.v)) out += py_arg(x) + ",";
  return out + "]";
}

std::string type_name(const Arg& a) {
  return a.v.index() == 0 ? "int" : a.v.index() == 1 ? "float" : a.v.index() == 2 ? "str" : "list";
}

std::string str_of(const Arg& a, bool as_repr) {
  if (auto* i = std::get_if<int64_t>(&a.v)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&a.v)) return float_repr(*d);
  if (auto* s = std::get_if<std::string>(&a.v)) return as_repr ? repr(*s) : *s;
  std::string out = "[";
  auto& list = std::get<ArgList>(a.v);
  for (size_t i = 0; i < list.size(); ++i) out += (i ? ", " : "") + str_of(list[i], true);
  return out + "]";
}

using Mapping = std::map<std::string, Arg, std::less<>>;

// str % args for a tuple of args, or for a mapping.
TextResult<std::string> percent(std::string_view format, const ArgList& args, const Mapping* mapping) {
  std::string out;
  size_t next_arg = 0;
  TextError error;
  auto append = [&](const TextResult<std::string>& piece) {
    if (!piece.ok()) error = piece.error();
    if (piece.ok()) out += piece.value();
    return piece.ok();
  };
  PercentParser parser(format);
  auto fetch = [&]() -> TextResult<Arg> {
    if (next_arg >= args.size()) return type_error("not enough arguments for format string");
    return args[next_arg++];
  };
  while (auto piece = parser.next()) {
    out += piece->literal;
    if (!piece->spec) continue;
    PercentSpec spec = *piece->spec;
    std::optional<Arg> value;
    if (spec.key) {
      if (!mapping) return type_error("format requires a mapping");
      if (spec.key_incomplete) return *spec.error;
      auto it = mapping->find(*spec.key);
      if (it == mapping->end()) return TextError{"KeyError", repr(*spec.key)};
      value = it->second;
    }
    auto star_argument = [&]() -> TextResult<int64_t> {
      if (mapping) return type_error("not enough arguments for format string");
      auto a = fetch();
      if (!a.ok()) return a.error();
      auto* i = std::get_if<int64_t>(&a.value().v);
      if (!i) return type_error("* wants int");
      return *i;
    };
    if (spec.width_from_argument) {
      auto width = star_argument();
      if (!width.ok()) return width.error();
      set_star_width(spec, width.value());
    }
    if (spec.precision_from_argument) {
      auto precision = star_argument();
      if (!precision.ok()) return precision.error();
      set_star_precision(spec, precision.value());
    }
    if (spec.error) return *spec.error;
    if (!value) {
      if (mapping) {
        // CPython hands the mapping itself to the first keyless conversion; the rows below avoid that case
        // except after a keyed one, where the arguments are exhausted.
        return type_error("not enough arguments for format string");
      } else {
        auto a = fetch();
        if (!a.ok()) return a.error();
        value = a.value();
      }
    }
    char32_t c = spec.conversion;
    if (c == 's' || c == 'r' || c == 'a') {
      auto* s = std::get_if<std::string>(&value->v);
      std::string text = (c == 'a' && s) ? ascii(*s) : str_of(*value, c != 's');
      if (!append(percent_format_text(text, spec))) return error;
    } else if (c == 'd' || c == 'i' || c == 'u' || c == 'o' || c == 'x' || c == 'X') {
      if (auto* i = std::get_if<int64_t>(&value->v)) {
        if (!append(percent_format_int(BigInt(*i), spec))) return error;
      } else if (auto* d = std::get_if<double>(&value->v); d && (c == 'd' || c == 'i' || c == 'u')) {
        auto truncated = float_to_int(*d);
        if (!truncated.ok()) return truncated.error();
        if (!append(percent_format_int(truncated.value(), spec))) return error;
      } else if (c == 'd' || c == 'i' || c == 'u') {
        return type_error(fmt::format("%{} format: a real number is required, not {}", static_cast<char>(c),
                                      type_name(*value)));
      } else {
        return type_error(fmt::format("%{} format: an integer is required, not {}", static_cast<char>(c),
                                      type_name(*value)));
      }
    } else if (c == 'e' || c == 'E' || c == 'f' || c == 'F' || c == 'g' || c == 'G') {
      double d;
      if (auto* i = std::get_if<int64_t>(&value->v)) {
        d = static_cast<double>(*i);
      } else if (auto* f = std::get_if<double>(&value->v)) {
        d = *f;
      } else {
        return type_error("must be real number, not " + type_name(*value));
      }
      if (!append(percent_format_float(d, spec))) return error;
    } else if (c == 'c') {
      if (auto* i = std::get_if<int64_t>(&value->v)) {
        if (*i < 0 || *i > 0x10FFFF) return overflow_error("%c arg not in range(0x110000)");
        if (!append(percent_format_char(static_cast<char32_t>(*i), spec))) return error;
      } else if (auto* s = std::get_if<std::string>(&value->v); s && code_point_count(*s) == 1) {
        size_t pos = 0;
        if (!append(percent_format_char(next_code_point(*s, &pos), spec))) return error;
      } else {
        return type_error("%c requires int or char");
      }
    } else {
      return unsupported_conversion(spec);
    }
  }
  if (!mapping && next_arg < args.size()) {
    return type_error("not all arguments converted during string formatting");
  }
  return out;
}

TextResult<std::string> format_value(const Arg& value, std::string_view spec) {
  if (auto* i = std::get_if<int64_t>(&value.v)) return format_int(*i, spec);
  if (auto* d = std::get_if<double>(&value.v)) return format_float(*d, spec);
  if (auto* s = std::get_if<std::string>(&value.v)) return format_str(*s, spec);
  if (!spec.empty()) return type_error("unsupported format string passed to list.__format__");
  return str_of(value, false);
}

// format_string.format(*args, **kwargs).
TextResult<std::string> brace(std::string_view format, const ArgList& args, const Mapping& kwargs,
                              AutoNumbering* numbering, int depth) {
  std::string out;
  BraceParser parser(format, depth);
  while (true) {
    auto piece = parser.next();
    if (!piece.ok()) return piece.error();
    if (!piece.value()) break;
    out += piece.value()->literal;
    if (!piece.value()->field) continue;
    const BraceField& field = *piece.value()->field;
    auto name = parse_field_name(field.field_name, numbering);
    if (!name.ok()) return name.error();
    Arg value;
    if (name.value().arg_index >= 0) {
      if (name.value().arg_index >= static_cast<int64_t>(args.size())) {
        return TextError{"IndexError",
                         fmt::format("Replacement index {} out of range for positional args tuple",
                                     name.value().arg_index)};
      }
      value = args[static_cast<size_t>(name.value().arg_index)];
    } else {
      auto it = kwargs.find(name.value().keyword);
      if (it == kwargs.end()) return TextError{"KeyError", repr(name.value().keyword)};
      value = it->second;
    }
    while (true) {
      auto accessor = name.value().accessors.next();
      if (!accessor.ok()) return accessor.error();
      if (!accessor.value()) break;
      const FieldAccessor& step = *accessor.value();
      bool number = value.v.index() <= 1;
      if (step.is_attribute) {
        if (number && step.name == "real") continue;
        return TextError{"AttributeError",
                         fmt::format("'{}' object has no attribute '{}'", type_name(value), step.name)};
      }
      if (number) return type_error(fmt::format("'{}' object is not subscriptable", type_name(value)));
      if (auto* s = std::get_if<std::string>(&value.v)) {
        if (step.index < 0) return type_error("string indices must be integers, not 'str'");
        if (step.index >= static_cast<int64_t>(code_point_count(*s))) {
          return TextError{"IndexError", "string index out of range"};
        }
        size_t at = byte_offset_of_index(*s, static_cast<size_t>(step.index)), end = at;
        next_code_point(*s, &end);
        value = Arg{s->substr(at, end - at)};
        continue;
      }
      auto& list = std::get<ArgList>(value.v);
      if (step.index < 0) return type_error("list indices must be integers or slices, not str");
      if (step.index >= static_cast<int64_t>(list.size())) return TextError{"IndexError", "list index out of range"};
      Arg element = list[static_cast<size_t>(step.index)];
      value = element;
    }
    if (auto error = conversion_error(field.conversion)) return *error;
    if (field.conversion) {
      auto* s = std::get_if<std::string>(&value.v);
      std::string text = (field.conversion == 'a' && s) ? ascii(*s) : str_of(value, field.conversion != 's');
      value = Arg{text};
    }
    std::string spec(field.format_spec);
    if (field.spec_needs_expanding) {
      auto expanded = brace(field.format_spec, args, kwargs, numbering, parser.depth() - 1);
      if (!expanded.ok()) return expanded.error();
      spec = expanded.value();
    }
    auto formatted = format_value(value, spec);
    if (!formatted.ok()) return formatted.error();
    out += formatted.value();
  }
  return out;
}

std::string py_args(const ArgList& args) {
  std::string out = "(";
  for (auto& a : args) out += py_arg(a) + ",";
  return out + ")";
}

}  // namespace

TEST_CASE("text: %-formatting matches python3.11") {
  text_oracle::Oracle oracle;
  const std::vector<std::string> formats = {
      "%s", "%r", "%a", "%d", "%i", "%u", "%o", "%x", "%X", "%e", "%E", "%f", "%F", "%g", "%G", "%c", "%5s", "%-5s",
      "%.1s", "%.0s", "%05s", "%5d", "%-5d", "%05d", "%+d", "% d", "%+ d", "%.3d", "%08.3d", "%-+8.3d", "%#o",
      "%#x", "%#X", "%#05x", "%#5x", "%#-8o", "%+.3x", "%.0f", "%#.0f", "%.2f", "%010.3e", "%#g", "%-05.1f",
      "%+.0e", "%05f", "%+05f", "% 010.2f", "%.0g", "%.10g", "%5c", "%05c", "%.0c", "%-3c", "%*d", "%-*d", "%.*f",
      "%*.*f", "%ld", "%lld", "%hd", "%Lf", "%y", "%5%", "%%", "%% %s", "abc%", "%.", "%5.", "%i%", "%", "%-",
      "%s %s", "x%sy%sz", "%é", "%\x01", "%#.3o", "%#.5x", "%(a)s", "%(a", "%.1r", "%10a", "%(", "%s%%%s",
      "%2$s", "%-#x", "% #o", "%.100f", "%.30e", "%99999999999999999999d", "%.99999999999d", "é%sé", "%99999999999999s",
      "%.9999999999d",
  };
  const std::vector<ArgList> arg_lists = {
      {},
      {Arg{int64_t{42}}},
      {Arg{int64_t{-255}}},
      {Arg{int64_t{0}}},
      {Arg{1.5}},
      {Arg{-0.0}},
      {Arg{1234.5678}},
      {Arg{HUGE_VAL}},
      {Arg{std::nan("")}},
      {Arg{std::string("héllo")}},
      {Arg{std::string("é")}},
      {Arg{std::string("a'b")}},
      {Arg{int64_t{65}}, Arg{int64_t{3}}},
      {Arg{int64_t{-7}}, Arg{2.25}},
      {Arg{int64_t{5}}, Arg{int64_t{2}}, Arg{3.14159}},
      {Arg{int64_t{0x110000}}},
      {Arg{ArgList{Arg{int64_t{1}}, Arg{std::string("x")}}}},
  };
  for (auto& format : formats) {
    for (auto& args : arg_lists) {
      oracle.add(py(format) + " % " + py_args(args), enc(percent(format, args, nullptr)));
    }
    if (format.find("%(") == std::string::npos) continue;  // a lone mapping argument is the VM's business
    Mapping mapping = {{"a", Arg{int64_t{7}}}};
    oracle.add(py(format) + " % {'a': 7}", enc(percent(format, {}, &mapping)));
  }
  BigInt huge = BigInt(10).pow(5000);
  PercentSpec decimal;
  decimal.conversion = 'd';
  oracle.add("'%d' % 10**5000", enc(percent_format_int(huge, decimal)));
  decimal.conversion = 'x';
  oracle.add("('%x' % 10**5000)[-40:]", enc(percent_format_int(huge, decimal).value().substr(4153 - 40)));
  Mapping mapping = {{"a", Arg{int64_t{7}}}, {"b(c)", Arg{std::string("bc")}}, {"x", Arg{2.5}}};
  for (std::string format : {"%(a)s", "%(a)05d", "%(b(c))s", "%(x).2f %(a)x", "%(missing)s", "%(a)s %(b(c))r",
                             "%(a)*d", "%(a)%", "%(a", "%()s", "%(a)s %s", "%(a)-6d|", "%(x)+.1e"}) {
    oracle.add(py(format) + " % {'a': 7, 'b(c)': 'bc', 'x': 2.5}", enc(percent(format, {}, &mapping)));
  }
  oracle.check();
}

TEST_CASE("text: str.format matches python3.11") {
  text_oracle::Oracle oracle;
  const std::vector<std::string> formats = {
      "", "plain", "{}", "{0}", "{1}", "{}{}", "{0}{0}", "{}{0}", "{0}{}", "{name}", "{name!r}", "{0!r}", "{0!s}",
      "{0!a}", "{0!x}", "{0!}", "{0!r", "{0!rx}", "{0!r:>10}", "{0:>{1}}", "{0:{1}{2}}", "{:{}}", "{:{}.{}}",
      "{0:{1:{2}}}", "{0:{}}", "{", "}", "a}b", "{{}}", "{{{0}}}", "{0.}", "{0[]}", "{0]}", "{0[0]x}", "{0[0}",
      "{0.real}", "{2[0]}", "{2[1]}", "{2[5]}", "{2[a]}", "{ }", "{0 }", "{0!é}", "{-1}", "{99999999999999999999}",
      "{2[99999999999999999999]}", "{0:{", "x{0:}}", "{a{b}", "{0[}]}", "{0:x}", "{0:,}", "{0:*^9}", "{1:.3}",
      "{name:>8}", "{name:q}", "é{0}ü{name}", "{0:{name}}", "{٠}", "{0:}", "{!r:}", "{0:{{}}}", "{0:}}}", "{:}",
      "{0:%}", "{1:%}", "{1:z.1f}",
  };
  const std::vector<ArgList> arg_lists = {
      {Arg{int64_t{42}}, Arg{int64_t{5}}, Arg{ArgList{Arg{std::string("p")}, Arg{1.5}}}},
      {Arg{std::string("héllo")}, Arg{-0.25}, Arg{ArgList{}}},
      {Arg{1e100}, Arg{std::string("x")}},
      {},
  };
  for (auto& format : formats) {
    for (auto& args : arg_lists) {
      Mapping kwargs = {{"name", Arg{std::string("Ann")}}};
      AutoNumbering numbering;
      oracle.add(py(format) + ".format(*" + py_args(args) + ", name='Ann')",
                 enc(brace(format, args, kwargs, &numbering, kBraceFormatMaxDepth)));
    }
  }
  oracle.check();
}

TEST_CASE("text: brace parser matches _string.formatter_parser and formatter_field_name_split") {
  text_oracle::Oracle oracle;
  std::vector<std::string> formats = {"", "a", "{}", "{{", "}}", "a{{b}}c", "{0}", "{0!r}", "{0!r:>5}", "{a.b[c]:{d}}",
                                      "{0:{1:{2}}}", "{!}", "{0!}", "{:", "{0", "x{0[}]}", "{0[0]}{1.x}", "{ü:é}",
                                      "{0!a:}", "{a{b}", "}{", "{{{{}}}}", "{0:{{}}}", "{:x}}", "{0!rr}"};
  text_oracle::Xorshift next{0x1234567887654321ull};
  const std::vector<std::string> alphabet = {"{", "}", "0", "a", "!", "r", ":", ".", "[", "]", "x", "é", ">"};
  for (int i = 0; i < 1500; ++i) {
    std::string f;
    for (size_t n = next() % 9; n > 0; --n) f += alphabet[next() % alphabet.size()];
    formats.push_back(f);
  }
  auto none = std::string("x:None");
  for (auto& format : formats) {
    std::string ours = "[";
    BraceParser parser(format);
    std::optional<TextError> error;
    bool first = true;
    while (true) {
      auto piece = parser.next();
      if (!piece.ok()) {
        error = piece.error();
        break;
      }
      if (!piece.value()) break;
      const BracePiece& p = *piece.value();
      ours += first ? "[" : ",[";
      first = false;
      ours += enc(p.literal) + ",";
      if (p.field) {
        ours += enc(p.field->field_name) + "," + enc(p.field->format_spec) + ",";
        ours += p.field->conversion ? enc(utf8_of(p.field->conversion)) : none;
      } else {
        ours += none + "," + none + "," + none;
      }
      ours += "]";
    }
    ours += "]";
    oracle.add("[list(t) for t in __import__('_string').formatter_parser(" + py(format) + ")]",
               error ? enc(*error) : ours);
  }
  for (std::string name : {"0", "a", "", "0.a[1][k]", "x[", "x[]", "x.", "x]", "x[0]y", "é.ü[٣]", "0[99999999999999999999]",
                           "99999999999999999999", "a..b", "[0]", ".a", "0[a.b]", "0[a[b]"}) {
    std::string ours;
    AutoNumbering numbering;
    auto parsed = parse_field_name(name, &numbering);
    if (!parsed.ok()) {
      ours = enc(parsed.error());
    } else {
      // _string has no automatic numbering: an empty first part stays ''.
      bool first_empty = name.empty() || name[0] == '.' || name[0] == '[';
      ours = "[" + (parsed.value().arg_index >= 0 && !first_empty ? enc(parsed.value().arg_index)
                                                                  : enc(parsed.value().keyword)) + ",[";
      bool first = true;
      while (true) {
        auto step = parsed.value().accessors.next();
        if (!step.ok()) {
          ours = enc(step.error());
          break;
        }
        if (!step.value()) {
          ours += "]]";
          break;
        }
        ours += std::string(first ? "" : ",") + "[" + enc(step.value()->is_attribute) + "," +
                (step.value()->index >= 0 ? enc(step.value()->index) : enc(step.value()->name)) + "]";
        first = false;
      }
    }
    oracle.add("(lambda f, it: [f, [list(x) for x in it]])(*__import__('_string').formatter_field_name_split(" +
                   py(name) + "))",
               ours);
  }
  oracle.check();
}

TEST_CASE("text: randomized %-formats match python3.11") {
  text_oracle::Oracle oracle;
  text_oracle::Xorshift next{0x0F1E2D3C4B5A6978ull};
  const std::vector<std::string> alphabet = {"%", "%", "%", "s", "d", "5", "1", ".", "-", "+", " ", "#", "0", "*",
                                             "x", "X", "o", "l", "c", "f", "e", "g", "r", "a", "é", "%%", "i"};
  const std::vector<ArgList> arg_lists = {
      {Arg{int64_t{42}}, Arg{int64_t{-7}}, Arg{2.5}},
      {Arg{int64_t{3}}, Arg{int64_t{-3}}, Arg{int64_t{65}}, Arg{-0.125}},
      {Arg{std::string("é")}, Arg{int64_t{5}}, Arg{int64_t{100000}}, Arg{1e20}, Arg{int64_t{0}}},
  };
  for (int i = 0; i < 2500; ++i) {
    std::string format;
    for (size_t n = next() % 8; n > 0; --n) format += alphabet[next() % alphabet.size()];
    const ArgList& args = arg_lists[next() % arg_lists.size()];
    oracle.add(py(format) + " % " + py_args(args), enc(percent(format, args, nullptr)));
  }
  oracle.check();
}
