// The native `_sha3` module, as CPython 3.11's sha3module.c: the types sha3_224, sha3_256, sha3_384, sha3_512,
// shake_128 and shake_256 (hashlib's fallbacks for them). The sponge is in hash_keccak.cpp, the object and its
// shared methods in hash_object.h. SHAKE objects have digest_size 0 and take the output length in digest(n) and
// hexdigest(n). `implementation` and `keccakopt` describe CPython's tiny_sha3 build; minipy reports the same
// because the module's behaviour is the same. Leaves out nothing of the 3.11 API.
#include "stdlib/native/hash_object.h"
#include "stdlib/native/native_type.h"

namespace minipy {

namespace {

using hash::HashObject;

struct Sha3Algorithm {
  const char* name;
  size_t digest_size;  // 0 for SHAKE: its length is chosen at digest() time
  size_t capacity_bits;
  uint8_t suffix;      // 0x06: SHA-3's domain bits 01; 0x1f: SHAKE's 1111 (FIPS 202 6.1, 6.2, B.2)
};

// The module's one table of algorithms; its types are in the same order.
const Sha3Algorithm kSha3Algorithms[] = {
    {"sha3_224", 28, 448, 0x06}, {"sha3_256", 32, 512, 0x06}, {"sha3_384", 48, 768, 0x06},
    {"sha3_512", 64, 1024, 0x06}, {"shake_128", 0, 256, 0x1f}, {"shake_256", 0, 512, 0x1f},
};
Type sha3_types[std::size(kSha3Algorithms)];

const hash::Family kSponge = {
    [](HashObject& h, std::string_view data) { keccak::absorb(h.sponge, data); },
    [](const HashObject& h, size_t length) { return keccak::squeeze(h.sponge, length); },
};

size_t rate_bytes(const Sha3Algorithm& a) { return 200 - a.capacity_bits / 8; }

// sha3_NNN(data=b'', /, *, usedforsecurity=True) and shake_NNN(...): a new object fed `data`. CPython's
// argument messages name every one of them "sha3_224()" (its clinic declares one function for all six types).
Value construct(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  Value v[2];
  if (!native::parse_args(ts, "sha3_224", args, kwnames, {"", "usedforsecurity"}, 0, 1, v, 1)) return Value();
  std::string_view data;
  if (v[0] && !hash::data_argument(ts, v[0], &data)) return Value();
  const Sha3Algorithm& algorithm = kSha3Algorithms[type - sha3_types];
  HashObject* h = hash::new_hash(ts, type, kSponge, algorithm.name, algorithm.digest_size, rate_bytes(algorithm));
  keccak::start(h->sponge, rate_bytes(algorithm), algorithm.suffix);
  keccak::absorb(h->sponge, data);
  return Value(h);
}

const Sha3Algorithm& algorithm_of(Value self) { return kSha3Algorithms[type_of(self) - sha3_types]; }

// SHAKE's output length argument, as CPython converts it: an int (else "an integer is required"), not negative,
// below 2**29 bytes.
[[nodiscard]] bool shake_length(ThreadState& ts, Value self, const char* method, std::span<const Value> args,
                                TupleObject* kwnames, size_t* out) {
  std::string qualname = std::string(hash::as_hash(self)->name) + "." + method;
  if (!native::one_arg(ts, qualname.c_str(), args, kwnames)) return false;
  if (!is_int(args[0])) return raise(ts, TypeError_type, "an integer is required"), false;
  BigInt length = native::int_value(args[0]);
  if (length.sign() < 0) return raise(ts, ValueError_type, "value must be positive"), false;
  if (length.bit_length() > 64)
    return raise(ts, OverflowError_type, "Python int too large to convert to C unsigned long"), false;
  if (length.bit_length() > 29) return raise(ts, ValueError_type, "length is too large"), false;
  *out = static_cast<size_t>(length.to_int64());
  return true;
}

NATIVE_FN(shake_digest) {
  size_t length;
  if (!shake_length(ts, self, "digest", args, kwnames, &length)) return Value();
  return make_bytes(ts, keccak::squeeze(hash::as_hash(self)->sponge, length));
}

NATIVE_FN(shake_hexdigest) {
  size_t length;
  if (!shake_length(ts, self, "hexdigest", args, kwnames, &length)) return Value();
  return make_str(ts, hash::to_hex(keccak::squeeze(hash::as_hash(self)->sponge, length)));
}

// The sponge's parameters, which CPython exposes for its tests.
NATIVE_FN(sha3_capacity_bits) {
  (void)args, (void)kwnames;
  return make_int(ts, static_cast<int64_t>(algorithm_of(self).capacity_bits));
}
NATIVE_FN(sha3_rate_bits) {
  (void)args, (void)kwnames;
  return make_int(ts, static_cast<int64_t>(8 * rate_bytes(algorithm_of(self))));
}
NATIVE_FN(sha3_suffix) {
  (void)args, (void)kwnames;
  char suffix = static_cast<char>(algorithm_of(self).suffix);
  return make_bytes(ts, std::string_view(&suffix, 1));
}

const MethodDef kShakeMethods[] = {{"digest", shake_digest}, {"hexdigest", shake_hexdigest}};
const MethodDef kSha3Getters[] = {
    {"_capacity_bits", sha3_capacity_bits}, {"_rate_bits", sha3_rate_bits}, {"_suffix", sha3_suffix}};

}  // namespace

ModuleObject* create_sha3_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "_sha3");
  for (size_t i = 0; i < std::size(kSha3Algorithms); i++) {
    bool shake = kSha3Algorithms[i].digest_size == 0;
    hash::ready_hash_type(ts, sha3_types[i], kSha3Algorithms[i].name, "_sha3", construct,
                          shake ? std::span<const MethodDef>(kShakeMethods) : std::span<const MethodDef>(),
                          kSha3Getters, !shake);
    add_module_value(ts, m, kSha3Algorithms[i].name, Value(&sha3_types[i]));
  }
  add_module_value(ts, m, "keccakopt", make_int(ts, 0));
  add_module_value(ts, m, "implementation", make_str(ts, "tiny_sha3"));
  return m;
}

}  // namespace minipy
