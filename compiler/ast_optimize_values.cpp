// Constant folding on values: the arithmetic, truthiness, subscripts and set ordering ast_opt.c's folds need,
// with CPython's safety limits (safe_multiply, safe_power, safe_lshift) and its hash functions.
//
// Every fold returns the folded constant, or nullptr for "leave the expression alone": the operation raises
// in CPython (the error must then happen at run time, at its line), the result would be too big for a
// constant (the limits below), or CPython simply does not fold it. Folding too much is as visible as folding
// too little: both change co_consts and the bytecode compared with python3.11's.
#include <cmath>

#include "compiler/complex_ops.h"
#include "compiler/float_ops.h"
#include "compiler/ast_optimize.h"
#include "compiler/ast_optimize_internal.h"

namespace minipy::fold {

using K = Const::Kind;


// ast_opt.c's MAX_INT_SIZE (bits), MAX_COLLECTION_SIZE, MAX_STR_SIZE and MAX_TOTAL_ITEMS.
constexpr uint64_t kMaxIntBits = 128;
constexpr int64_t kMaxCollectionSize = 256;
constexpr int64_t kMaxStrSize = 4096;
constexpr int64_t kMaxTotalItems = 1024;


// The integer value of an int or bool constant (bool is an int subclass, so True + 1 folds to 2).
std::optional<BigInt> as_int(const Const& c) {
  if (c.is(K::Int)) return c.int_value();
  if (c.is(K::True)) return BigInt(1);
  if (c.is(K::False)) return BigInt(0);
  return std::nullopt;
}

std::optional<double> as_float(const Const& c) {
  if (c.is(K::Float)) return c.float_value();
  if (auto i = as_int(c)) return i->to_double();  // nullopt when too large (OverflowError)
  return std::nullopt;
}

bool is_bool(const Const& c) { return c.is(K::True) || c.is(K::False); }

// bool() of a constant, for folding `not c`; a code object is always true.
bool truthy(const Const& c) {
  switch (c.kind()) {
    case K::None:
    case K::False: return false;
    case K::True:
    case K::Ellipsis:
    case K::Code: return true;
    case K::Int: return !c.int_value().is_zero();
    case K::Float: return c.float_value() != 0.0;
    case K::Complex: return c.float_value() != 0.0 || c.imag_value() != 0.0;
    case K::Str:
    case K::Bytes: return !c.text().empty();
    case K::Tuple:
    case K::FrozenSet:
    case K::List:
    case K::Set:
    case K::Dict: return !c.items().empty();
  }
  return true;
}

// Str constants are stored as UTF-8: the length and indexes a Python str has count code points, not bytes.
size_t code_points(const std::string& s) {
  size_t n = 0;
  for (unsigned char ch : s) n += (ch & 0xC0) != 0x80;
  return n;
}

// The byte offset of code point `index` in `s` (or s.size()).
size_t byte_offset(const std::string& s, size_t index) {
  size_t i = 0;
  for (; i < s.size() && index > 0; ++i)
    if (i + 1 >= s.size() || (static_cast<unsigned char>(s[i + 1]) & 0xC0) != 0x80) --index;
  return i;
}

int64_t sequence_length(const Const& c) {
  if (c.is(K::Str)) return static_cast<int64_t>(code_points(c.text()));
  if (c.is(K::Bytes)) return static_cast<int64_t>(c.text().size());
  return static_cast<int64_t>(c.items().size());
}

// ast_opt.c's check_complexity: how many items remain from `limit` after counting nested containers.
int64_t check_complexity(const Const& c, int64_t limit) {
  if (c.is(K::Tuple) || c.is(K::FrozenSet)) {
    limit -= static_cast<int64_t>(c.items().size());
    for (const ConstRef& item : c.items()) {
      if (limit < 0) break;
      limit = check_complexity(*item, limit);
    }
  }
  return limit;
}

// seq * n for str, bytes and tuple constants (n < 0 gives the empty sequence); callers check the size first.
ConstRef repeat(const Const& seq, int64_t n) {
  if (n < 0) n = 0;
  if (seq.is(K::Str) || seq.is(K::Bytes)) {
    std::string out;
    for (int64_t i = 0; i < n; ++i) out += seq.text();
    return seq.is(K::Str) ? Const::str(out, all_name_chars(out)) : Const::bytes(out);
  }
  std::vector<ConstRef> items;
  for (int64_t i = 0; i < n; ++i) items.insert(items.end(), seq.items().begin(), seq.items().end());
  return Const::tuple(std::move(items));
}

// ast_opt.c's safe_multiply: int products up to 128 bits, sequence repetitions up to the size limits (a
// tuple also by its nested item count), and float products; anything else is not folded.
ConstRef safe_multiply(const Const& v, const Const& w) {
  auto vi = as_int(v), wi = as_int(w);
  if (vi && wi) {
    if (!vi->is_zero() && !wi->is_zero() && vi->bit_length() + wi->bit_length() > kMaxIntBits) return nullptr;
    return Const::integer(*vi * *wi);
  }
  if (vi && (w.is(K::Tuple) || w.is(K::Str) || w.is(K::Bytes))) {
    int64_t size = sequence_length(w);
    if (!vi->fits_int64()) return nullptr;
    int64_t n = vi->to_int64();
    if (size) {
      int64_t cap = w.is(K::Tuple) ? kMaxCollectionSize : kMaxStrSize;
      if (n < 0 || n > cap / size) return nullptr;
      if (w.is(K::Tuple) && n && check_complexity(w, kMaxTotalItems / n) < 0) return nullptr;
    }
    return repeat(w, n);
  }
  if (wi && (v.is(K::Tuple) || v.is(K::Str) || v.is(K::Bytes))) return safe_multiply(w, v);
  auto vf = as_float(v), wf = as_float(w);
  if ((v.is(K::Float) || w.is(K::Float)) && vf && wf) return Const::floating(*vf * *wf);
  return nullptr;
}


// The complex result of `**` as a constant, or nullptr where CPython raises (left to run time).
ConstRef complex_power_const(ComplexValue a, ComplexValue b) {
  ComplexError error;
  ComplexValue p = complex_power(a, b, &error);
  return error == ComplexError::kNone ? Const::complex(p.real, p.imag) : nullptr;
}

// float ** float as float_pow computes it; cases where CPython raises (0.0 ** -1, overflow) or that are
// subtle (NaN, infinities) are left to run time.
ConstRef float_power(double a, double b) {
  if (std::isnan(a) || std::isnan(b) || std::isinf(a) || std::isinf(b)) return nullptr;  // leave odd cases alone
  if (a == 0.0 && b < 0.0) return nullptr;                                             // ZeroDivisionError
  if (a < 0.0 && b != std::floor(b)) {
    // A negative base to a fractional power is a complex number.
    return complex_power_const({a, 0.0}, {b, 0.0});
  }
  double r = std::pow(a, b);
  if (std::isinf(r)) return nullptr;                                                   // OverflowError
  return Const::floating(r);
}

// Complex arithmetic as complexobject.c does it (_Py_c_sum, _Py_c_diff, _Py_c_prod, _Py_c_quot, complex_pow).
ConstRef fold_complex(ast::OperatorKind op, const Const& v, const Const& w) {
  using O = ast::OperatorKind;
  auto parts = [](const Const& c) -> std::optional<std::pair<double, double>> {
    if (c.is(K::Complex)) return std::pair{c.float_value(), c.imag_value()};
    if (auto f = as_float(c)) return std::pair{*f, 0.0};
    return std::nullopt;
  };
  auto a = parts(v), b = parts(w);
  if (!a || !b) return nullptr;
  auto [ar, ai] = *a;
  auto [br, bi] = *b;
  switch (op) {
    case O::Add: return Const::complex(ar + br, ai + bi);
    case O::Sub: return Const::complex(ar - br, ai - bi);
    case O::Mult: {
      ComplexValue p = complex_product({ar, ai}, {br, bi});
      return Const::complex(p.real, p.imag);
    }
    case O::Div: {
      ComplexError error = ComplexError::kNone;
      ComplexValue q = complex_quotient({ar, ai}, {br, bi}, &error);
      return error == ComplexError::kNone ? Const::complex(q.real, q.imag) : nullptr;  // ZeroDivisionError
    }
    case O::Pow: return complex_power_const({ar, ai}, {br, bi});
    default: return nullptr;
  }
}

// `v op w` for two constants, as ast_opt.c's fold_binop with its safe_* limits.
ConstRef fold_binary(ast::OperatorKind op, const Const& v, const Const& w) {
  using O = ast::OperatorKind;
  if (v.is(K::Complex) || w.is(K::Complex)) return fold_complex(op, v, w);
  auto vi = as_int(v), wi = as_int(w);
  bool floats = (v.is(K::Float) && (wi || w.is(K::Float))) || (w.is(K::Float) && vi);
  std::optional<double> vf, wf;
  if (floats) {
    vf = as_float(v);
    wf = as_float(w);
    if (!vf || !wf) return nullptr;
  }
  switch (op) {
    case O::Add:
      if (vi && wi) return Const::integer(*vi + *wi);
      if (floats) return Const::floating(*vf + *wf);
      if (v.kind() == w.kind() && (v.is(K::Str) || v.is(K::Bytes))) {
        std::string s = v.text() + w.text();
        return v.is(K::Str) ? Const::str(s, all_name_chars(s)) : Const::bytes(s);
      }
      if (v.is(K::Tuple) && w.is(K::Tuple)) {
        std::vector<ConstRef> items = v.items();
        items.insert(items.end(), w.items().begin(), w.items().end());
        return Const::tuple(std::move(items));
      }
      return nullptr;
    case O::Sub:
      if (vi && wi) return Const::integer(*vi - *wi);
      if (floats) return Const::floating(*vf - *wf);
      return nullptr;
    case O::Mult: return safe_multiply(v, w);
    case O::Div:
      if (vi && wi) {
        if (wi->is_zero()) return nullptr;
        std::optional<double> q = BigInt::true_divide(*vi, *wi);  // correctly rounded, as CPython folds it
        return q ? Const::floating(*q) : nullptr;                  // OverflowError is left to run time
      }
      if (floats) return *wf == 0.0 ? nullptr : Const::floating(*vf / *wf);
      return nullptr;
    case O::FloorDiv:
    case O::Mod:
      if (vi && wi) {
        if (wi->is_zero()) return nullptr;
        BigInt q, r;
        BigInt::floor_divmod(*vi, *wi, &q, &r);
        return Const::integer(op == O::FloorDiv ? q : r);
      }
      if (floats) {
        if (*wf == 0.0) return nullptr;
        double fd, m;
        float_divmod(*vf, *wf, &fd, &m);
        return Const::floating(op == O::FloorDiv ? fd : m);
      }
      return nullptr;  // str % x is formatting: never folded
    case O::Pow:
      if (vi && wi) {
        if (wi->sign() < 0) {
          auto a = vi->to_double(), b = wi->to_double();
          if (!a || !b) return nullptr;
          return float_power(*a, *b);
        }
        if (!vi->is_zero() && !wi->is_zero()) {
          if (!wi->fits_int64()) return nullptr;
          uint64_t wbits = static_cast<uint64_t>(wi->to_int64());
          if (vi->bit_length() > kMaxIntBits / wbits) return nullptr;
        }
        if (!wi->fits_int64()) return nullptr;
        return Const::integer(vi->pow(static_cast<uint64_t>(wi->to_int64())));
      }
      if (floats) return float_power(*vf, *wf);
      return nullptr;
    case O::LShift:
    case O::RShift:
      if (vi && wi) {
        if (wi->sign() < 0) return nullptr;  // ValueError: negative shift count
        if (op == O::LShift) {
          if (!vi->is_zero() && !wi->is_zero()) {
            if (!wi->fits_int64()) return nullptr;
            uint64_t wbits = static_cast<uint64_t>(wi->to_int64());
            if (wbits > kMaxIntBits || vi->bit_length() > kMaxIntBits - wbits) return nullptr;
          }
          if (vi->is_zero()) return Const::integer(BigInt(0));
          return Const::integer(vi->shifted_left(static_cast<uint64_t>(wi->to_int64())));
        }
        if (!wi->fits_int64()) return Const::integer(BigInt(vi->sign() < 0 ? -1 : 0));
        return Const::integer(vi->shifted_right(static_cast<uint64_t>(wi->to_int64())));
      }
      return nullptr;
    case O::BitOr:
    case O::BitXor:
    case O::BitAnd:
      if (vi && wi) {
        BigInt r = op == O::BitOr ? (*vi | *wi) : op == O::BitXor ? (*vi ^ *wi) : (*vi & *wi);
        if (is_bool(v) && is_bool(w)) return Const::boolean(!r.is_zero());
        return Const::integer(std::move(r));
      }
      return nullptr;
    case O::MatMult: return nullptr;
  }
  return nullptr;
}

// -c, +c, ~c and `not c`. ~ on a bool folds like ~ on its int value, as 3.11 does without a warning.
ConstRef fold_unary(ast::UnaryOpKind op, const Const& v) {
  using U = ast::UnaryOpKind;
  auto vi = as_int(v);
  switch (op) {
    case U::Not: return Const::boolean(!truthy(v));
    case U::Invert: return vi ? Const::integer(vi->invert()) : nullptr;
    case U::USub:
      if (vi) return Const::integer(-*vi);
      if (v.is(K::Float)) return Const::floating(-v.float_value());
      if (v.is(K::Complex)) return Const::complex(-v.float_value(), -v.imag_value());
      return nullptr;
    case U::UAdd:
      if (vi) return Const::integer(*vi);
      if (v.is(K::Float) || v.is(K::Complex)) return copy_const(v);
      return nullptr;
  }
  return nullptr;
}

// A constant str, bytes or tuple indexed by an int constant in range; out-of-range indexes are left for the
// IndexError at run time.
ConstRef fold_subscript(const Const& v, const Const& index) {
  auto i = as_int(index);
  if (!i || !i->fits_int64()) return nullptr;
  int64_t n = i->to_int64();
  int64_t len;
  if (v.is(K::Str) || v.is(K::Bytes) || v.is(K::Tuple))
    len = sequence_length(v);
  else
    return nullptr;
  if (n < 0) n += len;
  if (n < 0 || n >= len) return nullptr;  // IndexError
  if (v.is(K::Tuple)) return v.items()[static_cast<size_t>(n)];
  if (v.is(K::Bytes)) return Const::integer(BigInt(static_cast<unsigned char>(v.text()[static_cast<size_t>(n)])));
  size_t begin = byte_offset(v.text(), static_cast<size_t>(n));
  size_t end = byte_offset(v.text(), static_cast<size_t>(n) + 1);
  std::string ch = v.text().substr(begin, end - begin);
  return Const::str(ch, all_name_chars(ch));
}

// hash() of an int: the absolute value modulo the Mersenne prime 2**61 - 1, the sign put back, -1 mapped to
// -2 (Python's numeric hash, Objects/longobject.c).
int64_t int_hash(const BigInt& v) {
  static const BigInt kModulus = BigInt(1).shifted_left(61) - BigInt(1);
  BigInt q, r;
  BigInt::floor_divmod(v.abs(), kModulus, &q, &r);
  int64_t h = r.to_int64();
  if (v.sign() < 0) h = -h;
  return h == -1 ? -2 : h;
}

// hash() where it is the same in every process: ints, bools, non-NaN floats and tuples of them (tuplehash's
// xxHash lanes). Strings, bytes and None hash differently per process (or per address) in 3.11.
std::optional<uint64_t> stable_hash(const Const& c) {
  if (auto i = as_int(c)) return static_cast<uint64_t>(int_hash(*i));
  if (c.is(K::Float)) {
    if (std::isnan(c.float_value())) return std::nullopt;
    return static_cast<uint64_t>(float_hash(c.float_value()));
  }
  if (!c.is(K::Tuple)) return std::nullopt;
  constexpr uint64_t kPrime1 = 11400714785074694791ULL, kPrime2 = 14029467366897019727ULL,
                     kPrime5 = 2870177450012600261ULL;
  uint64_t acc = kPrime5;
  for (const ConstRef& item : c.items()) {
    auto lane = stable_hash(*item);
    if (!lane) return std::nullopt;
    acc += *lane * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += c.items().size() ^ (kPrime5 ^ 3527539UL);
  return acc == static_cast<uint64_t>(-1) ? 1546275796 : acc;
}

// Python's == between constants as a set sees it (1 == 1.0 == True; containers item by item).
bool py_equal(const Const& a, const Const& b) {
  auto ai = as_int(a), bi = as_int(b);
  if (ai && bi) return *ai == *bi;
  if ((ai || a.is(K::Float)) && (bi || b.is(K::Float))) {
    if (ai || bi) {
      double f = ai ? b.float_value() : a.float_value();
      const BigInt& i = ai ? *ai : *bi;
      if (!std::isfinite(f) || f != std::floor(f)) return false;
      return BigInt::from_double(f) == i;
    }
    return a.float_value() == b.float_value();
  }
  if (a.is(K::Tuple) && b.is(K::Tuple)) {
    if (a.items().size() != b.items().size()) return false;
    for (size_t i = 0; i < a.items().size(); ++i)
      if (!py_equal(*a.items()[i], *b.items()[i])) return false;
    return true;
  }
  return same_constant(a, b);
}

}  // namespace minipy::fold

namespace minipy {

using fold::as_int;
using fold::py_equal;
using fold::stable_hash;
using K = Const::Kind;

// The items of a constant frozenset in the order CPython's frozenset would iterate them, because that order is
// what marshal writes and what printing the set shows. Duplicates (by ==) are dropped keeping the first; if
// every item has a process-independent hash the insertion into CPython's table is replayed, otherwise the
// first-seen order is kept (CPython's own order then varies from run to run).
std::vector<ConstRef> frozenset_order(std::vector<ConstRef> items) {
  // Drop duplicates as set insertion would (1 == 1.0 == True, so the first one stays).
  std::vector<ConstRef> unique;
  std::vector<uint64_t> hashes;
  bool stable = true;
  for (ConstRef& c : items) {
    auto h = stable_hash(*c);
    stable &= h.has_value();
    bool seen = false;
    for (const ConstRef& o : unique) seen |= py_equal(*o, *c);
    if (seen) continue;
    unique.push_back(std::move(c));
    hashes.push_back(h.value_or(0));
  }
  if (!stable) return unique;

  // Replay setobject.c: an 8-slot table grown x4 when 3/5 full, linear probes of 9 then perturbed jumps.
  struct Slot {
    const ConstRef* item = nullptr;
    uint64_t hash = 0;
  };
  constexpr size_t kLinearProbes = 9;
  auto insert = [&](std::vector<Slot>& table, const ConstRef* item, uint64_t hash) {
    size_t mask = table.size() - 1, i = hash & mask;
    uint64_t perturb = hash;
    while (true) {
      size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
      for (size_t j = 0; j <= probes; ++j)
        if (!table[i + j].item) {
          table[i + j] = Slot{item, hash};
          return;
        }
      perturb >>= 5;
      i = (i * 5 + 1 + perturb) & mask;
    }
  };
  std::vector<Slot> table(8);
  size_t used = 0;
  for (size_t k = 0; k < unique.size(); ++k) {
    insert(table, &unique[k], hashes[k]);
    ++used;
    if (used * 5 >= (table.size() - 1) * 3) {
      size_t size = 8;
      while (size <= used * 4) size <<= 1;
      std::vector<Slot> bigger(size);
      for (const Slot& s : table)
        if (s.item) insert(bigger, s.item, s.hash);
      table = std::move(bigger);
    }
  }
  std::vector<ConstRef> ordered;
  for (const Slot& s : table)
    if (s.item) ordered.push_back(*s.item);
  return ordered;
}

ConstRef copy_const(const Const& c) {
  switch (c.kind()) {
    case K::None: return Const::none();
    case K::False: return Const::boolean(false);
    case K::True: return Const::boolean(true);
    case K::Ellipsis: return Const::ellipsis();
    case K::Int: return Const::integer(c.int_value());
    case K::Float: return Const::floating(c.float_value());
    case K::Complex: return Const::complex(c.float_value(), c.imag_value());
    case K::Str: return Const::str(c.text(), c.interned());
    case K::Bytes: return Const::bytes(c.text());
    case K::Tuple: return Const::tuple(c.items());
    case K::FrozenSet: return Const::frozenset(c.items());
    case K::Code: return Const::code(c.code_value());
    case K::List: return Const::list(c.items());
    case K::Set: return Const::set(c.items());
    case K::Dict: return Const::dict(c.items());
  }
  return Const::none();
}

}  // namespace minipy
