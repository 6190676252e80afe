// Value: every Python value the VM handles is one 64-bit word.
//
//   63                                                            3  2  1  0
//   +---------------------------------------------------------------+--+--+--+
//   |                 signed 63-bit integer                             |  1 |   small int: v = word >> 1
//   +---------------------------------------------------------------+--+--+--+
//   |            pointer to an Object (8-byte aligned)              | 0| 0| 0 |   heap or static object
//   +---------------------------------------------------------------+--+--+--+
//   +---------------------------------------------------------------+--+--+--+
//   |      a double, rotated left by 3 (see below)                  | s| 1| 0 |   immediate float ("flonum")
//   +---------------------------------------------------------------+--+--+--+
//   all zero bits: the null Value — "no value": an error is pending, a local is unbound, a slot is empty.
//   Low bits 100 are reserved.
//
// Flonums (Ruby's encoding): a double whose three top exponent bits are 011 or 100 — magnitudes from about
// 1.7e-77 to 1.2e77, i.e. nearly every float a program computes — and +0.0 are stored inline, so float
// arithmetic allocates nothing. Other doubles (-0.0, inf, nan, huge and tiny ones) are boxed FloatObjects.
//
// Small ints never allocate: arithmetic on them is a few instructions with an overflow check, and any int
// that fits 63 bits is always represented inline (never as an IntObject), so identity and equality agree.
// This is the only file that knows the bit layout.
#pragma once
#include <bit>
#include <cstdint>

namespace minipy {

struct Object;

class Value {
 public:
  constexpr Value() : bits_(0) {}
  Value(Object* object) : bits_(reinterpret_cast<uint64_t>(object)) {}  // NOLINT: objects are values
  Value(const Object* object) : bits_(reinterpret_cast<uint64_t>(object)) {}  // NOLINT

  static constexpr int64_t kSmallIntMin = -(int64_t{1} << 62);
  static constexpr int64_t kSmallIntMax = (int64_t{1} << 62) - 1;
  static constexpr bool fits_small_int(int64_t v) { return v >= kSmallIntMin && v <= kSmallIntMax; }
  // Caller guarantees fits_small_int(v).
  static constexpr Value small_int(int64_t v) { return Value((static_cast<uint64_t>(v) << 1) | 1, 0); }
  static constexpr Value from_bits(uint64_t bits) { return Value(bits, 0); }

  constexpr bool is_null() const { return bits_ == 0; }
  constexpr explicit operator bool() const { return bits_ != 0; }
  constexpr bool is_small_int() const { return (bits_ & 1) != 0; }
  constexpr bool is_object() const { return (bits_ & 7) == 0 && bits_ != 0; }
  constexpr bool is_flonum() const { return (bits_ & 3) == 2; }

  // Encodes `d` inline when it is in flonum range.
  [[gnu::always_inline]] static bool try_flonum(double d, Value* out) {
    uint64_t b = std::bit_cast<uint64_t>(d);
    auto top_exponent = static_cast<int>((b >> 60) & 7);
    if (b != 0x3000000000000000ull && ((top_exponent - 3) & ~1) == 0) {
      *out = Value((std::rotl(b, 3) & ~uint64_t{1}) | 2, 0);
      return true;
    }
    if (b == 0) {
      *out = Value(kFlonumZero, 0);
      return true;
    }
    return false;
  }
  [[gnu::always_inline]] double flonum_value() const {
    if (bits_ == kFlonumZero) return 0.0;
    uint64_t b63 = bits_ >> 63;
    return std::bit_cast<double>(std::rotr((2 - b63) | (bits_ & ~uint64_t{3}), 3));
  }
  constexpr int64_t as_small_int() const { return static_cast<int64_t>(bits_) >> 1; }
  Object* as_object() const { return reinterpret_cast<Object*>(bits_); }
  constexpr uint64_t bits() const { return bits_; }

  // Identity (Python's `is`).
  constexpr bool operator==(const Value& o) const { return bits_ == o.bits_; }
  constexpr bool operator!=(const Value& o) const { return bits_ != o.bits_; }

  // Both operands small: the tagged words can be combined without untagging.
  static constexpr bool both_small_ints(Value a, Value b) { return (a.bits_ & b.bits_ & 1) != 0; }
  // a + b for small ints; false on overflow of the 63-bit range.
  static bool add_small(Value a, Value b, Value* out) {
    int64_t r;
    if (__builtin_add_overflow(static_cast<int64_t>(a.bits_), static_cast<int64_t>(b.bits_ - 1), &r)) return false;
    *out = Value(static_cast<uint64_t>(r), 0);
    return true;
  }
  static bool sub_small(Value a, Value b, Value* out) {
    int64_t r;
    if (__builtin_sub_overflow(static_cast<int64_t>(a.bits_), static_cast<int64_t>(b.bits_ - 1), &r)) return false;
    *out = Value(static_cast<uint64_t>(r), 0);
    return true;
  }
  static bool mul_small(Value a, Value b, Value* out) {
    int64_t r;
    if (__builtin_mul_overflow(a.as_small_int(), static_cast<int64_t>(b.bits_ - 1), &r)) return false;
    *out = Value(static_cast<uint64_t>(r) | 1, 0);
    return true;
  }

 private:
  static constexpr uint64_t kFlonumZero = 0x8000000000000002ull;
  constexpr Value(uint64_t bits, int) : bits_(bits) {}
  uint64_t bits_;
};

static_assert(sizeof(Value) == 8);

}  // namespace minipy
