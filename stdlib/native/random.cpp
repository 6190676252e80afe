// The native `_random` module: CPython 3.11's _randommodule.c, the Mersenne Twister (MT19937) under Lib's
// random.Random. Seeding follows CPython exactly (an int seeds with the 32-bit chunks of its absolute value
// through init_by_array, other hashable objects with their hash, None with 624 words from the OS), so every
// number Lib's random derives matches CPython's for the same seed. Lib's random.py turns str/bytes seeds into
// ints (via _sha512) before they reach here. Complete for 3.11's API.
#include <sys/random.h>

#include <chrono>
#include <vector>

#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"

namespace minipy {

namespace {

constexpr int kStateSize = 624;  // MT19937's N
constexpr int kShift = 397;      // M
constexpr uint32_t kMatrixA = 0x9908b0dfU;
constexpr uint32_t kUpperMask = 0x80000000U;
constexpr uint32_t kLowerMask = 0x7fffffffU;

struct RandomObject : Object {
  int32_t index;  // next word of `state` to temper; kStateSize means the state must be regenerated
  uint32_t state[kStateSize];
};

Type random_type;

RandomObject* as_random(Value v) { return static_cast<RandomObject*>(v.as_object()); }

// The reference generator's init_genrand.
void seed_with_word(RandomObject* r, uint32_t seed) {
  uint32_t* mt = r->state;
  mt[0] = seed;
  for (int i = 1; i < kStateSize; i++) mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + static_cast<uint32_t>(i);
  r->index = kStateSize;
}

// The reference generator's init_by_array.
void seed_with_words(RandomObject* r, const std::vector<uint32_t>& key) {
  uint32_t* mt = r->state;
  seed_with_word(r, 19650218U);
  size_t i = 1, j = 0;
  for (size_t k = std::max<size_t>(kStateSize, key.size()); k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + static_cast<uint32_t>(j);
    i++;
    j++;
    if (i >= kStateSize) {
      mt[0] = mt[kStateSize - 1];
      i = 1;
    }
    if (j >= key.size()) j = 0;
  }
  for (size_t k = kStateSize - 1; k; k--) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - static_cast<uint32_t>(i);
    i++;
    if (i >= kStateSize) {
      mt[0] = mt[kStateSize - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000U;  // the most significant bit is 1: a non-zero initial array
}

// One tempered 32-bit output (genrand_uint32).
uint32_t next_word(RandomObject* r) {
  uint32_t* mt = r->state;
  if (r->index >= kStateSize) {
    auto twist = [](uint32_t upper, uint32_t lower, uint32_t far) {
      uint32_t y = (upper & kUpperMask) | (lower & kLowerMask);
      return far ^ (y >> 1) ^ ((y & 1U) ? kMatrixA : 0U);
    };
    int k = 0;
    for (; k < kStateSize - kShift; k++) mt[k] = twist(mt[k], mt[k + 1], mt[k + kShift]);
    for (; k < kStateSize - 1; k++) mt[k] = twist(mt[k], mt[k + 1], mt[k + (kShift - kStateSize)]);
    mt[kStateSize - 1] = twist(mt[kStateSize - 1], mt[0], mt[kShift - 1]);
    r->index = 0;
  }
  uint32_t y = mt[r->index++];
  y ^= (y >> 11);
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= (y >> 18);
  return y;
}

// seed(None): 624 words from the OS, or the time and process id when it has none to give.
void seed_from_os(RandomObject* r) {
  std::vector<uint32_t> key(kStateSize);
  size_t wanted = key.size() * sizeof(uint32_t);
  if (getrandom(key.data(), wanted, 0) == static_cast<ssize_t>(wanted)) {
    seed_with_words(r, key);
    return;
  }
  auto now = std::chrono::system_clock::now().time_since_epoch().count();
  key = {static_cast<uint32_t>(now), static_cast<uint32_t>(static_cast<uint64_t>(now) >> 32),
         static_cast<uint32_t>(getpid())};
  seed_with_words(r, key);
}

// random_seed: None, an int (its absolute value, int.__abs__ even for subclasses), or any hashable object.
bool seed_random(ThreadState& ts, RandomObject* r, Value arg) {
  if (!arg || is_none(arg)) {
    seed_from_os(r);
    return true;
  }
  BigInt n;
  if (is_int(arg)) {
    n = to_bigint(arg).abs();
  } else {
    int64_t hash;
    if (!py_hash(ts, arg, &hash)) return false;
    uint64_t unsigned_hash = static_cast<uint64_t>(hash);  // as CPython's (size_t) cast
    mpz_import(n.raw(), 1, -1, sizeof unsigned_hash, 0, 0, &unsigned_hash);
  }
  // Little-endian 32-bit chunks; zero still gives one (zero) word.
  std::vector<uint32_t> key((n.bit_length() + 31) / 32);
  if (key.empty()) key.push_back(0);
  size_t count = 0;
  mpz_export(key.data(), &count, -1, sizeof(uint32_t), 0, 0, n.raw());
  seed_with_words(r, key);
  return true;
}

Value random_new(ThreadState& ts, Type* type, std::span<const Value>, TupleObject*) {
  auto* r = ts.alloc<RandomObject>(type, type->instance_size);
  r->index = kStateSize + 1;  // unseeded until __init__ runs (then seeded as random.Random would)
  seed_with_word(r, 19650218U);
  return Value(r);
}

// Random(seed=None): only the exact type and subclasses keeping this __init__ refuse keywords.
bool random_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (kwnames && kwnames->size) {
    raise(ts, TypeError_type, "Random() takes no keyword arguments");
    return false;
  }
  if (args.size() > 1) {
    raise(ts, TypeError_type, "Random() requires 0 or 1 argument");
    return false;
  }
  return seed_random(ts, as_random(self), args.empty() ? Value() : args[0]);
}

NATIVE_FN(random_seed_method) {
  if (!no_keywords(ts, "Random.seed", kwnames)) return Value();
  if (args.size() > 1) return raise_fmt(ts, TypeError_type, "seed expected at most 1 argument, got {}", args.size());
  if (!seed_random(ts, as_random(self), args.empty() ? Value() : args[0])) return Value();
  return None();
}

// random(): 53 random bits as a float in [0, 1), from two words (27 + 26 bits).
NATIVE_FN(random_random) {
  if (!native::no_args(ts, "Random.random", args, kwnames)) return Value();
  RandomObject* r = as_random(self);
  uint32_t a = next_word(r) >> 5, b = next_word(r) >> 6;
  return make_float(ts, (a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

NATIVE_FN(random_getrandbits) {
  if (!native::one_arg(ts, "Random.getrandbits", args, kwnames)) return Value();
  int64_t k;
  if (!index_to_int64(ts, args[0], &k, "Python int too large to convert to C int")) return Value();
  if (k > INT32_MAX || k < INT32_MIN) return raise(ts, OverflowError_type, "Python int too large to convert to C int");
  if (k < 0) return raise(ts, ValueError_type, "number of bits must be non-negative");
  RandomObject* r = as_random(self);
  if (k == 0) return Value::small_int(0);
  if (k <= 32) return make_int(ts, next_word(r) >> (32 - k));
  // Whole words, least significant first; the last one keeps only its top bits.
  std::vector<uint32_t> words(static_cast<size_t>((k - 1) / 32 + 1));
  for (uint32_t& w : words) {
    uint32_t word = next_word(r);
    if (k < 32) word >>= (32 - k);
    w = word;
    k -= 32;
  }
  BigInt n;
  mpz_import(n.raw(), words.size(), -1, sizeof(uint32_t), 0, 0, words.data());
  return make_int(ts, n);
}

NATIVE_FN(random_getstate) {
  if (!native::no_args(ts, "Random.getstate", args, kwnames)) return Value();
  RandomObject* r = as_random(self);
  TupleObject* t = make_tuple(ts, kStateSize + 1);
  for (int i = 0; i < kStateSize; i++) t->items[i] = make_int(ts, r->state[i]);
  t->items[kStateSize] = make_int(ts, r->index);
  return Value(t);
}

NATIVE_FN(random_setstate) {
  if (!native::one_arg(ts, "Random.setstate", args, kwnames)) return Value();
  Value state = args[0];
  if (!is_tuple(state)) return raise(ts, TypeError_type, "state vector must be a tuple");
  auto* t = static_cast<TupleObject*>(state.as_object());
  if (t->size != kStateSize + 1) return raise(ts, ValueError_type, "state vector is the wrong size");
  uint32_t words[kStateSize];
  for (int i = 0; i < kStateSize; i++) {
    // PyLong_AsUnsignedLong, then truncated to 32 bits as CPython stores it.
    Value item = t->items[i];
    if (!is_int(item)) return raise(ts, TypeError_type, "an integer is required");
    BigInt n = to_bigint(item);
    if (n.sign() < 0) return raise(ts, OverflowError_type, "can't convert negative value to unsigned int");
    if (n.bit_length() > 64) return raise(ts, OverflowError_type, "Python int too large to convert to C unsigned long");
    words[i] = static_cast<uint32_t>(mpz_getlimbn(n.raw(), 0));
  }
  int64_t index;
  if (!index_to_int64(ts, t->items[kStateSize], &index, "Python int too large to convert to C int")) return Value();
  if (index < 0 || index > kStateSize) return raise(ts, ValueError_type, "invalid state");
  RandomObject* r = as_random(self);
  std::copy(words, words + kStateSize, r->state);
  r->index = static_cast<int32_t>(index);
  return None();
}

const MethodDef kRandomMethods[] = {
    {"seed", random_seed_method},   {"random", random_random},     {"getrandbits", random_getrandbits},
    {"getstate", random_getstate}, {"setstate", random_setstate},
};

}  // namespace

ModuleObject* create_random_module(ThreadState& ts) {
  if (!native::native_type_ready(random_type)) {
    native::init_native_type(ts, random_type, "Random", "_random", sizeof(RandomObject), true);
    random_type.new_instance = random_new;
    random_type.init = random_init;
    add_methods(ts, random_type, kRandomMethods);
    native::complete_native_type(ts, random_type);
  }
  ModuleObject* m = make_module(ts, "_random");
  add_module_value(ts, m, "Random", Value(static_cast<Object*>(&random_type)));
  return m;
}

}  // namespace minipy
