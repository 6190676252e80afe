// Constants: the values a code object carries in co_consts (and that marshal reads and writes). The compiler
// creates them from literals and constant folding; marshal serialises them; the VM turns them into objects.
// Immutable once built and shared freely through ConstRef.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/bigint.h"

namespace minipy {

struct CodeObject;
class Const;
using ConstRef = std::shared_ptr<const Const>;

// Every Const is owned by a shared_ptr (the factories below are the only way to make one), so a holder of a
// plain `const Const&` (an AST node's value) can share it instead of copying it: shared_from_this().
class Const : public std::enable_shared_from_this<Const> {
 public:
  // List, Set and Dict never come from the compiler: marshal reads and writes them (marshal.dumps([..])). They
  // are mutable in Python, so two of them are the same constant only when they are the same object.
  enum class Kind : uint8_t { None, False, True, Ellipsis, Int, Float, Complex, Str, Bytes, Tuple, FrozenSet, Code,
                              List, Set, Dict };

  static ConstRef none();
  static ConstRef boolean(bool b);
  static ConstRef ellipsis();
  static ConstRef integer(BigInt v);
  static ConstRef floating(double d);
  static ConstRef complex(double real, double imag);
  // `utf8` must be valid UTF-8 (surrogates are not representable; the compiler rejects them). `interned` marks
  // strings CPython interns (identifiers, and constants made only of name characters); marshal writes them
  // with the interned type codes.
  static ConstRef str(std::string utf8, bool interned = false);
  static ConstRef bytes(std::string data);
  static ConstRef tuple(std::vector<ConstRef> items);
  static ConstRef frozenset(std::vector<ConstRef> items);  // items in CPython's iteration order
  static ConstRef code(std::shared_ptr<const CodeObject> code);
  static ConstRef list(std::vector<ConstRef> items);
  static ConstRef set(std::vector<ConstRef> items);
  static ConstRef dict(std::vector<ConstRef> keys_and_values);  // key, value, key, value, ... in order

  Kind kind() const { return kind_; }
  bool is(Kind k) const { return kind_ == k; }
  const BigInt& int_value() const { return int_; }
  double float_value() const { return real_; }
  double imag_value() const { return imag_; }
  const std::string& text() const { return text_; }  // Str (UTF-8) and Bytes
  bool interned() const { return interned_; }
  const std::vector<ConstRef>& items() const { return items_; }  // Tuple, FrozenSet, List, Set; Dict: k, v, ...
  const std::shared_ptr<const CodeObject>& code_value() const { return code_; }

  // True when the two would be merged into one co_consts entry by CPython (its _PyCode_ConstantKey rules):
  // same type and same value, where 0.0 and -0.0 differ, 1 and True differ, and containers compare item-wise.
  friend bool same_constant(const Const& a, const Const& b);
  // A hash consistent with same_constant.
  size_t key_hash() const;
  // Python's repr() of the constant, for dis and diagnostics (floats use the shortest round-trip form).
  std::string repr() const;

 private:
  explicit Const(Kind k) : kind_(k) {}
  struct Maker;
  static std::shared_ptr<Const> make(Kind k);
  static ConstRef make_container(Kind k, std::vector<ConstRef> items);
  Kind kind_;
  bool interned_ = false;
  double real_ = 0, imag_ = 0;
  BigInt int_;
  std::string text_;
  std::vector<ConstRef> items_;
  std::shared_ptr<const CodeObject> code_;
};

// Whether every character of `s` is an ASCII letter, digit or underscore: CPython interns such string constants.
bool all_name_chars(std::string_view s);

}  // namespace minipy
