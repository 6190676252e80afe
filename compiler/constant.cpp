// Compile-time constants (constant.h): the values a code object's co_consts can hold, shared by the compiler,
// the marshal reader/writer and the tools that show code as data. They are immutable once made, so one value
// can sit in several tuples and code objects at once (shared_ptr), just as CPython shares its constant objects.
#include <algorithm>
#include "compiler/constant.h"

#include <fmt/format.h>

#include <bit>
#include <cmath>
#include <cstring>

#include "compiler/code_object.h"
#include "compiler/float_repr.h"
#include "compiler/parse_unicode.h"

namespace minipy {

// One allocation for the value and its control block (Const's constructor is not public, so make_shared goes
// through this subclass, which adds nothing).
struct Const::Maker : Const {
  explicit Maker(Kind k) : Const(k) {}
};
std::shared_ptr<Const> Const::make(Kind k) { return std::make_shared<Maker>(k); }

// None, True, False and Ellipsis are singletons here as in Python; the marshal writer never references them, so
// sharing them is only a saving.
ConstRef Const::none() {
  static const ConstRef k(new Const(Kind::None));
  return k;
}
ConstRef Const::boolean(bool b) {
  static const ConstRef t(new Const(Kind::True)), f(new Const(Kind::False));
  return b ? t : f;
}
ConstRef Const::ellipsis() {
  static const ConstRef k(new Const(Kind::Ellipsis));
  return k;
}
ConstRef Const::integer(BigInt v) {
  auto c = make(Kind::Int);
  c->int_ = std::move(v);
  return c;
}
ConstRef Const::floating(double d) {
  auto c = make(Kind::Float);
  c->real_ = d;
  return c;
}
ConstRef Const::complex(double real, double imag) {
  auto c = make(Kind::Complex);
  c->real_ = real;
  c->imag_ = imag;
  return c;
}
ConstRef Const::str(std::string utf8, bool interned) {
  auto c = make(Kind::Str);
  c->text_ = std::move(utf8);
  c->interned_ = interned;
  return c;
}
ConstRef Const::bytes(std::string data) {
  auto c = make(Kind::Bytes);
  c->text_ = std::move(data);
  return c;
}
ConstRef Const::make_container(Kind k, std::vector<ConstRef> items) {
  auto c = make(k);
  c->items_ = std::move(items);
  return c;
}
ConstRef Const::tuple(std::vector<ConstRef> items) { return make_container(Kind::Tuple, std::move(items)); }
ConstRef Const::frozenset(std::vector<ConstRef> items) { return make_container(Kind::FrozenSet, std::move(items)); }
ConstRef Const::list(std::vector<ConstRef> items) { return make_container(Kind::List, std::move(items)); }
ConstRef Const::set(std::vector<ConstRef> items) { return make_container(Kind::Set, std::move(items)); }
ConstRef Const::dict(std::vector<ConstRef> keys_and_values) {
  return make_container(Kind::Dict, std::move(keys_and_values));
}
ConstRef Const::code(std::shared_ptr<const CodeObject> code) {
  auto c = make(Kind::Code);
  c->code_ = std::move(code);
  return c;
}

// CPython's _PyCode_ConstantKey rules: two constants merge into one co_consts entry only when no program can tell
// them apart. So 1, 1.0 and True stay three constants (the kind differs), 0.0 and -0.0 stay two (floats compare by
// bits), and containers merge item by item under the same rules.
bool same_constant(const Const& a, const Const& b) {
  if (&a == &b) return true;
  if (a.kind_ != b.kind_) return false;
  switch (a.kind_) {
    case Const::Kind::None:
    case Const::Kind::False:
    case Const::Kind::True:
    case Const::Kind::Ellipsis:
      return true;
    case Const::Kind::Int:
      return a.int_ == b.int_;
    case Const::Kind::Float:
      return std::bit_cast<uint64_t>(a.real_) == std::bit_cast<uint64_t>(b.real_);
    case Const::Kind::Complex:
      return std::bit_cast<uint64_t>(a.real_) == std::bit_cast<uint64_t>(b.real_) &&
             std::bit_cast<uint64_t>(a.imag_) == std::bit_cast<uint64_t>(b.imag_);
    case Const::Kind::Str:
    case Const::Kind::Bytes:
      return a.text_ == b.text_;
    case Const::Kind::Tuple:
    case Const::Kind::FrozenSet:
      if (a.items_.size() != b.items_.size()) return false;
      for (size_t i = 0; i < a.items_.size(); i++)
        if (!same_constant(*a.items_[i], *b.items_[i])) return false;
      return true;
    case Const::Kind::Code:
      return a.code_ == b.code_;  // code objects are merged only when they are the same object
    case Const::Kind::List:
    case Const::Kind::Set:
    case Const::Kind::Dict:
      return false;  // mutable: only the same object (checked above)
  }
  return false;
}

// The hash that goes with same_constant (equal constants, equal hashes): codegen and the optimiser index co_consts
// by it so that adding a constant stays O(1) in big modules.
size_t Const::key_hash() const {
  size_t h = static_cast<size_t>(kind_) * 0x9E3779B97F4A7C15ull;
  auto mix = [&h](size_t v) { h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2); };
  switch (kind_) {
    case Kind::Int:
      if (int_.fits_int64()) mix(static_cast<size_t>(int_.to_int64()));
      else mix(std::hash<std::string>()(int_.to_string(16)));
      break;
    case Kind::Float: mix(std::bit_cast<uint64_t>(real_)); break;
    case Kind::Complex: mix(std::bit_cast<uint64_t>(real_)); mix(std::bit_cast<uint64_t>(imag_)); break;
    case Kind::Str:
    case Kind::Bytes: mix(std::hash<std::string>()(text_)); break;
    case Kind::Tuple:
    case Kind::FrozenSet:
      for (auto& item : items_) mix(item->key_hash());
      break;
    case Kind::Code: mix(std::hash<const void*>()(code_.get())); break;
    default: break;
  }
  return h;
}

// repr() of a str or bytes constant, as CPython writes it: single quotes unless the text has ' and no ", the
// usual backslash escapes, and \x/\u/\U for what str.isprintable() rejects (for bytes, anything not printable
// ASCII). Error messages, -v lines, annotations unparsed under PEP 563 and the AST dump all show this text, so
// it must be the text python3.11 would print.
static void append_str_repr(std::string& out, const std::string& text, bool is_bytes) {
  bool has_single = text.find('\'') != std::string::npos, has_double = text.find('"') != std::string::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  if (is_bytes) out += 'b';
  out += quote;
  auto* p = reinterpret_cast<const unsigned char*>(text.data());
  auto* end = p + text.size();
  while (p < end) {
    char32_t c = is_bytes ? *p : decode_utf8_at(p, end);
    // A str from a damaged pyc (a text float's digits) may end inside a multi-byte sequence: never step past
    // the end (found by fuzz_marshal and fuzz_verify).
    size_t len = is_bytes ? 1 : std::min<size_t>(utf8_length(p), static_cast<size_t>(end - p));
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if ((is_bytes && c >= 0x7F) || !is_printable(c)) {
      auto code = static_cast<uint32_t>(c);
      out += c < 0x100     ? fmt::format("\\x{:02x}", code)
             : c < 0x10000 ? fmt::format("\\u{:04x}", code)
                           : fmt::format("\\U{:08x}", code);
    } else {
      out.append(reinterpret_cast<const char*>(p), len);
    }
    p += len;
  }
  out += quote;
}

std::string Const::repr() const {
  switch (kind_) {
    case Kind::None: return "None";
    case Kind::False: return "False";
    case Kind::True: return "True";
    case Kind::Ellipsis: return "Ellipsis";
    case Kind::Int: return int_.to_string();
    case Kind::Float: return float_repr(real_);
    case Kind::Complex: {
      // complex.__repr__: parts drop a ".0", and a zero real part (but not -0.0) is left out altogether.
      std::string im = float_repr(imag_);
      if (im.size() > 2 && im.ends_with(".0")) im.resize(im.size() - 2);
      if (real_ == 0 && !std::signbit(real_)) return im + "j";
      std::string re = float_repr(real_);
      if (re.size() > 2 && re.ends_with(".0")) re.resize(re.size() - 2);
      return "(" + re + (std::signbit(imag_) || imag_ != imag_ ? "" : "+") + im + "j)";
    }
    case Kind::Str: {
      std::string out;
      append_str_repr(out, text_, false);
      return out;
    }
    case Kind::Bytes: {
      std::string out;
      append_str_repr(out, text_, true);
      return out;
    }
    case Kind::Tuple: {
      std::string out = "(";
      for (size_t i = 0; i < items_.size(); i++) {
        if (i) out += ", ";
        out += items_[i]->repr();
      }
      if (items_.size() == 1) out += ",";
      return out + ")";
    }
    case Kind::FrozenSet: {
      if (items_.empty()) return "frozenset()";
      std::string out = "frozenset({";
      for (size_t i = 0; i < items_.size(); i++) {
        if (i) out += ", ";
        out += items_[i]->repr();
      }
      return out + "})";
    }
    case Kind::Code:
      return "<code object " + code_->name + ">";
    case Kind::List:
    case Kind::Set:
    case Kind::Dict: {
      if (kind_ == Kind::Set && items_.empty()) return "set()";
      std::string out = kind_ == Kind::List ? "[" : "{";
      for (size_t i = 0; i < items_.size(); i++) {
        if (i) out += kind_ == Kind::Dict && i % 2 ? ": " : ", ";
        out += items_[i]->repr();
      }
      return out + (kind_ == Kind::List ? "]" : "}");
    }
  }
  return "?";
}

bool all_name_chars(std::string_view s) {
  for (unsigned char c : s)
    if (!(c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  return true;
}

}  // namespace minipy
