// complex: the type's slots, constructor and methods. The arithmetic itself is compiler/complex_ops (shared with
// constant folding); text goes through the text engine's PyOS_double_to_string (repr) and format mini-language
// (vm/text/number_format.h). As in CPython 3.11 complex has no //, % or divmod, and orders nothing.
#include "vm/objects/complex.h"

#include <cmath>

#include "compiler/float_ops.h"
#include "vm/objects/heap_type.h"
#include "vm/objects/static_type.h"
#include "vm/objects/type_init.h"
#include "vm/text/number_format.h"

namespace minipy {

Type complex_type;

namespace {

#define COMPLEX_METHOD(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

// An operand of complex arithmetic: 1 converted, 0 not a number (NotImplemented), -1 error (an int too large
// for a float: OverflowError, as CPython's TO_COMPLEX).
int complex_operand(ThreadState& ts, Value v, ComplexValue* out) {
  if (is_complex(v)) {
    *out = complex_value(v);
    return 1;
  }
  if (!is_int(v) && !is_float(v)) return 0;
  bool is_number;
  double d;
  if (!to_double(ts, v, &d, &is_number)) return -1;
  *out = {d, 0.0};
  return 1;
}

Value complex_binary(ThreadState& ts, Value left, Value right, int op) {
  ComplexValue a, b;
  int ra = complex_operand(ts, left, &a);
  if (ra <= 0) return ra < 0 ? Value() : NotImplemented();
  int rb = complex_operand(ts, right, &b);
  if (rb <= 0) return rb < 0 ? Value() : NotImplemented();
  switch (op) {
    case kOpAdd: return make_complex(ts, a.real + b.real, a.imag + b.imag);
    case kOpSub: return make_complex(ts, a.real - b.real, a.imag - b.imag);
    case kOpMul: {
      ComplexValue p = complex_product(a, b);
      return make_complex(ts, p.real, p.imag);
    }
    case kOpTrueDiv: {
      ComplexError error = ComplexError::kNone;
      ComplexValue q = complex_quotient(a, b, &error);
      if (error != ComplexError::kNone) return raise(ts, ZeroDivisionError_type, "complex division by zero");
      return make_complex(ts, q.real, q.imag);
    }
    case kOpPow: return complex_power_value(ts, a, b);
    default: return NotImplemented();
  }
}

#define COMPLEX_BINARY(op) [](ThreadState& ts, Value a, Value b) { return complex_binary(ts, a, b, op); }

// pow(a, b, mod): any modulus other than None is refused.
Value complex_power3(ThreadState& ts, Value a, Value b, Value mod) {
  if (!is_none(mod)) return raise(ts, ValueError_type, "complex modulo");
  return complex_binary(ts, a, b, kOpPow);
}

// Only == and != are defined; ints compare exactly with the real part (through float's exact comparison).
Value complex_richcompare(ThreadState& ts, Value left, Value right, int op) {
  if ((op != kEq && op != kNe) || !is_complex(left)) return NotImplemented();
  ComplexValue a = complex_value(left);
  bool equal;
  if (is_int(right)) {
    if (a.imag != 0.0) {
      equal = false;
    } else {
      Value eq = float_type.richcompare(ts, make_float(ts, a.real), right, kEq);
      if (!eq) return eq;
      equal = eq == True();
    }
  } else if (is_float(right)) {
    equal = a.real == float_value(right) && a.imag == 0.0;
  } else if (is_complex(right)) {
    ComplexValue b = complex_value(right);
    equal = a.real == b.real && a.imag == b.imag;
  } else {
    return NotImplemented();
  }
  return Bool(op == kEq ? equal : !equal);
}

// float's hash of one part (NaN hashes to 0 in minipy, as float's does: vm/objects/float.cpp).
int64_t part_hash(double d) { return std::isnan(d) ? 0 : float_hash(d); }

bool complex_hash_slot(ThreadState&, Value v, int64_t* out) {
  ComplexValue c = complex_value(v);
  *out = complex_hash(part_hash(c.real), part_hash(c.imag));
  return true;
}

Value complex_repr(ThreadState& ts, Value v) { return Value(make_str(ts, complex_repr_text(complex_value(v)))); }

Value complex_negative(ThreadState& ts, Value v) {
  ComplexValue c = complex_value(v);
  return make_complex(ts, -c.real, -c.imag);
}
Value complex_positive(ThreadState& ts, Value v) {
  ComplexValue c = complex_value(v);
  return make_complex(ts, c.real, c.imag);
}
Value complex_absolute(ThreadState& ts, Value v) {
  ComplexValue c = complex_value(v);
  // hypot already gives inf when a part is infinite (even beside a NaN) and NaN otherwise for NaN parts; only a
  // finite value whose modulus overflows is an error.
  double r = std::hypot(c.real, c.imag);
  if (std::isinf(r) && std::isfinite(c.real) && std::isfinite(c.imag))
    return raise(ts, OverflowError_type, "absolute value too large");
  return make_float(ts, r);
}
int complex_truth(ThreadState&, Value v) {
  ComplexValue c = complex_value(v);
  return c.real != 0.0 || c.imag != 0.0;
}

// ---- complex(string) ---------------------------------------------------------------------------------------------

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool starts_with_word(std::string_view s, std::string_view word) {
  if (s.size() < word.size()) return false;
  for (size_t i = 0; i < word.size(); i++)
    if ((s[i] | 0x20) != word[i]) return false;
  return true;
}

// PyOS_string_to_double without an overflow exception: the longest float at the start of `s` ([sign] digits
// [. digits] [exponent], or inf/infinity/nan); returns the bytes it used, 0 when there is none.
// complex() must find where the real part ends before the imaginary part starts, so it cannot hand the whole text to a
// float parser; this scans the longest valid prefix, then strtod (correctly rounded) converts it.
size_t parse_float_prefix(std::string_view s, double* out) {
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  std::string_view rest = s.substr(i);
  if (starts_with_word(rest, "infinity") || starts_with_word(rest, "inf")) {
    *out = negative ? -HUGE_VAL : HUGE_VAL;
    return i + (starts_with_word(rest, "infinity") ? 8 : 3);
  }
  if (starts_with_word(rest, "nan")) {
    *out = negative ? -std::nan("") : std::nan("");
    return i + 3;
  }
  size_t start = i, digits = 0;
  while (i < s.size() && is_digit(s[i])) i++, digits++;
  if (i < s.size() && s[i] == '.') {
    i++;
    while (i < s.size() && is_digit(s[i])) i++, digits++;
  }
  if (digits == 0) return 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t e = i + 1;
    if (e < s.size() && (s[e] == '+' || s[e] == '-')) e++;
    if (e < s.size() && is_digit(s[e])) {
      while (e < s.size() && is_digit(s[e])) e++;
      i = e;
    }
  }
  std::string text(s.substr(start, i - start));
  double magnitude = std::strtod(text.c_str(), nullptr);
  *out = negative ? -magnitude : magnitude;
  return i;
}

// complex_from_string_inner: "[ws][(][ws] <real> | <imag>j | <real><signed imag>j [ws][)][ws]", with
// underscores allowed only between digits (as in numeric literals). 1 parsed, 0 malformed, -1 a misplaced
// underscore (CPython reports the two differently).
int parse_complex(std::string_view text, ComplexValue* out) {
  std::string s;
  for (size_t k = 0; k < text.size(); k++) {
    char c = text[k];
    if (c == '_') {
      if (k == 0 || k + 1 >= text.size() || !is_digit(text[k - 1]) || !is_digit(text[k + 1])) return -1;
      continue;
    }
    // The caller has mapped Unicode digits and spaces to ASCII (text::to_ascii_number_text); anything else
    // non-ASCII is malformed.
    if (c == '\0' || static_cast<unsigned char>(c) >= 0x80) return false;
    s.push_back(c);
  }
  size_t i = 0, n = s.size();
  while (i < n && is_space(s[i])) i++;
  bool bracket = i < n && s[i] == '(';
  if (bracket) {
    i++;
    while (i < n && is_space(s[i])) i++;
  }
  std::string_view v(s);
  double x = 0.0, y = 0.0, z;
  auto is_j = [&](size_t at) { return at < n && (s[at] == 'j' || s[at] == 'J'); };
  if (size_t used = parse_float_prefix(v.substr(i), &z)) {
    i += used;
    if (i < n && (s[i] == '+' || s[i] == '-')) {
      x = z;
      if (size_t more = parse_float_prefix(v.substr(i), &y)) {
        i += more;
      } else {
        y = s[i] == '+' ? 1.0 : -1.0;
        i++;
      }
      if (!is_j(i)) return false;
      i++;
    } else if (is_j(i)) {
      i++;
      y = z;
    } else {
      x = z;
    }
  } else {
    if (i < n && (s[i] == '+' || s[i] == '-')) {
      y = s[i] == '+' ? 1.0 : -1.0;
      i++;
    } else {
      y = 1.0;
    }
    if (!is_j(i)) return false;
    i++;
  }
  while (i < n && is_space(s[i])) i++;
  if (bracket) {
    if (i >= n || s[i] != ')') return false;
    i++;
    while (i < n && is_space(s[i])) i++;
  }
  if (i != n) return false;
  *out = {x, y};
  return true;
}

// ---- the constructor -----------------------------------------------------------------------------------------

// Whether complex() accepts `v` as a number: a complex, or anything float() or __index__ can convert.
// The real and imaginary arguments are converted separately and combined as real + imag*1j, so complex(1j, 1j) is
// (-1+1j).
bool complex_number_arg(Value v) {
  Type* t = type_of(v);
  return is_complex(v) || t->to_float || t->index;
}

// float(v) for a real-number argument of complex().
bool real_part(ThreadState& ts, Value v, double* out) {
  bool is_number;
  if (to_double(ts, v, out, &is_number)) return true;
  if (is_number) return false;
  if (!type_of(v)->to_float) {
    // Only __index__ (PyFloat_AsDouble falls back to it).
    Value i = number_index(ts, v);
    return i && to_double(ts, i, out, &is_number);
  }
  Value f = call(ts, Value(&float_type), std::span<const Value>(&v, 1));
  if (!f) return false;
  *out = float_value(f);
  return true;
}

Value exact_complex_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  size_t npos = positional_count(args, kwnames);
  if (args.size() > 2)
    return raise_fmt(ts, TypeError_type, "complex() takes at most 2 arguments ({} given)", args.size());
  Value r = npos > 0 ? args[0] : Value(), i = npos > 1 ? args[1] : Value();
  for (int64_t k = 0; kwnames && k < kwnames->size; k++) {
    std::string_view name = as_str(kwnames->items[k])->view();
    Value v = args[npos + static_cast<size_t>(k)];
    size_t position = name == "real" ? 0 : name == "imag" ? 1 : 2;
    if (position == 2) return raise_fmt(ts, TypeError_type, "'{}' is an invalid keyword argument for complex()", name);
    if (position < npos)
      return raise_fmt(ts, TypeError_type, "argument for complex() given by name ('{}') and position ({})", name,
                       position + 1);
    (position == 0 ? r : i) = v;
  }
  if (!r) r = Value::small_int(0);
  if (is_str(r)) {
    if (i) return raise(ts, TypeError_type, "complex() can't take second arg if first is a string");
    ComplexValue c;
    int parsed = parse_complex(text::to_ascii_number_text(as_str(r)->view()), &c);
    if (parsed < 0) {
      Value text_repr = py_repr(ts, r);
      if (!text_repr) return text_repr;
      return raise_fmt(ts, ValueError_type, "could not convert string to complex: {}", as_str(text_repr)->view());
    }
    if (parsed == 0) return raise(ts, ValueError_type, "complex() arg is a malformed string");
    return make_complex(ts, c.real, c.imag);
  }
  if (i && is_str(i)) return raise(ts, TypeError_type, "complex() second arg can't be a string");
  // __complex__ first (complex itself has one, which returns an exact complex unchanged).
  // __complex__ is looked up on the type and must return a complex (an exact one or a subclass; 3.11 only deprecates
  // the subclass case), as in complex_new.
  if (Value method = type_lookup(type_of(r), intern(ts, "__complex__"))) {
    Value converted = call(ts, method, std::span<const Value>(&r, 1));
    if (!converted) return converted;
    if (!is_complex(converted))
      return raise_fmt(ts, TypeError_type, "__complex__ returned non-complex (type {})", type_name(converted));
    r = converted;
  } else if (!complex_number_arg(r)) {
    return raise_fmt(ts, TypeError_type, "complex() first argument must be a string or a number, not '{}'",
                     type_name(r));
  }
  if (i && !complex_number_arg(i))
    return raise_fmt(ts, TypeError_type, "complex() second argument must be a number, not '{}'", type_name(i));
  if (!i && type == &complex_type && type_of(r) == &complex_type) return r;
  ComplexValue cr, ci;
  bool cr_is_complex = is_complex(r), ci_is_complex = false;
  if (cr_is_complex) cr = complex_value(r);
  else if (!real_part(ts, r, &cr.real)) return Value();
  if (!i) {
    ci.real = cr.imag;
  } else if (is_complex(i)) {
    ci = complex_value(i);
    ci_is_complex = true;
  } else if (!real_part(ts, i, &ci.real)) {
    return Value();
  }
  // complex(a+bj, c+dj) == (a-d) + (b+c)j
  if (ci_is_complex) cr.real -= ci.imag;
  if (cr_is_complex && i) ci.real += cr.imag;
  return make_complex(ts, cr.real, ci.real);
}

Value complex_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  Value r = exact_complex_new(ts, type, args, kwnames);
  return !r || type == &complex_type ? r : make_subtype_instance(ts, type, r);
}

// ---- methods --------------------------------------------------------------------------------------------------

bool no_args(ThreadState& ts, const char* name, std::span<const Value> args, TupleObject* kwnames) {
  return no_keywords(ts, name, kwnames) && check_arg_count(ts, name, args.size(), 0, 0);
}

COMPLEX_METHOD(m_conjugate) {
  if (!no_args(ts, "complex.conjugate", args, kwnames)) return Value();
  ComplexValue c = complex_value(self);
  return make_complex(ts, c.real, -c.imag);
}
COMPLEX_METHOD(m_complex) {
  if (!no_args(ts, "complex.__complex__", args, kwnames)) return Value();
  if (type_of(self) == &complex_type) return self;
  ComplexValue c = complex_value(self);
  return make_complex(ts, c.real, c.imag);
}
COMPLEX_METHOD(m_getnewargs) {
  if (!no_args(ts, "complex.__getnewargs__", args, kwnames)) return Value();
  ComplexValue c = complex_value(self);
  Value items[2] = {make_float(ts, c.real), make_float(ts, c.imag)};
  return Value(minipy::make_tuple(ts, items));
}
COMPLEX_METHOD(m_format) {
  if (!check_positional_args(ts, "__format__", args, kwnames, 1, 1))
    return Value();
  if (!is_str(args[0]))
    return raise_fmt(ts, TypeError_type, "__format__() argument must be str, not {}", type_name(args[0]));
  std::string_view spec = as_str(args[0])->view();
  if (spec.empty()) return py_str(ts, self);
  auto r = text::format_complex(complex_value(self).real, complex_value(self).imag, spec, type_name(self));
  if (!r.ok()) return raise_text_error(ts, r.error());
  return Value(make_str(ts, r.value()));
}
COMPLEX_METHOD(m_real) { return make_float(ts, complex_value(self).real); }
COMPLEX_METHOD(m_imag) { return make_float(ts, complex_value(self).imag); }

const MethodDef complex_methods[] = {
    {"conjugate", m_conjugate},
    {"__complex__", m_complex},
    {"__getnewargs__", m_getnewargs},
    {"__format__", m_format},
};
const MethodDef complex_getsets[] = {
    {"real", m_real},
    {"imag", m_imag},
};

}  // namespace

bool is_complex(Value v) { return v.is_object() && is_subtype(v.as_object()->type, &complex_type); }

Value make_complex(ThreadState& ts, double real, double imag) {
  auto* c = ts.alloc<ComplexObject>(&complex_type);
  c->value = {real, imag};
  return Value(c);
}

Value complex_power_value(ThreadState& ts, ComplexValue a, ComplexValue b) {
  ComplexError error;
  ComplexValue p = complex_power(a, b, &error);
  if (error == ComplexError::kZeroDivision)
    return raise(ts, ZeroDivisionError_type, "0.0 to a negative or complex power");
  if (error == ComplexError::kOverflow) return raise(ts, OverflowError_type, "complex exponentiation");
  return make_complex(ts, p.real, p.imag);
}

std::string complex_repr_text(ComplexValue c) {
  // A real part of +0.0 is left out (with the parentheses); otherwise the imaginary part always has a sign.
  std::string imag = text::double_to_string(c.imag, 'r', 0, false, false);
  if (c.real == 0.0 && !std::signbit(c.real)) return imag + "j";
  if (imag[0] != '-') imag.insert(0, "+");
  return "(" + text::double_to_string(c.real, 'r', 0, false, false) + imag + "j)";
}

void init_complex_type(ThreadState& ts) {
  Type& t = complex_type;
  begin_static_type(ts, t, "complex", &object_type, sizeof(ComplexObject), kTypeBaseType);
  t.binary[kOpAdd] = COMPLEX_BINARY(kOpAdd);
  t.binary[kOpSub] = COMPLEX_BINARY(kOpSub);
  t.binary[kOpMul] = COMPLEX_BINARY(kOpMul);
  t.binary[kOpTrueDiv] = COMPLEX_BINARY(kOpTrueDiv);
  t.binary[kOpPow] = COMPLEX_BINARY(kOpPow);
  t.power3 = complex_power3;
  t.richcompare = complex_richcompare;
  t.hash = complex_hash_slot;
  t.repr = complex_repr;
  t.str = complex_repr;
  t.negative = complex_negative;
  t.positive = complex_positive;
  t.absolute = complex_absolute;
  t.truth = complex_truth;
  t.new_instance = complex_new;
  add_methods(ts, t, complex_methods);
  add_getsets(ts, t, complex_getsets);
  finish_static_type<&complex_type>(ts, t);
}

}  // namespace minipy
