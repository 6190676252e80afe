// The native `_blake2` module, as CPython 3.11's blake2module.c: the types blake2b and blake2s with every
// parameter of their constructors (digest_size, key, salt, person and the tree-hashing fields), their class
// constants SALT_SIZE, PERSON_SIZE, MAX_KEY_SIZE, MAX_DIGEST_SIZE and the module's BLAKE2B_* / BLAKE2S_* ones.
// The hash itself is in hash_blake2.cpp, the object and its shared methods in hash_object.h. Leaves out
// nothing of the 3.11 API (usedforsecurity is accepted and, as in CPython, changes nothing).
#include "stdlib/native/hash_object.h"
#include "stdlib/native/native_type.h"

namespace minipy {

namespace {

using hash::HashObject;

struct Blake2Variant {
  const char* name;
  bool wide;  // BLAKE2b
  size_t block_size, max_digest_size, max_key_size, salt_size, person_size;
  uint64_t max_node_offset;
};

const Blake2Variant kVariants[] = {
    {"blake2b", true, 128, 64, 64, 16, 16, UINT64_MAX},
    {"blake2s", false, 64, 32, 32, 8, 8, (uint64_t{1} << 48) - 1},
};
Type blake2_types[std::size(kVariants)];

const hash::Family kBlake2 = {
    [](HashObject& h, std::string_view data) { blake2::update(h.blake, data); },
    [](const HashObject& h, size_t) { return blake2::finish(h.blake); },
};

// An int parameter that must lie in [low, high] (a C int first: "Python int too large to convert to C int"),
// with CPython's "NAME must be between LOW and HIGH" message.
[[nodiscard]] bool small_int(ThreadState& ts, Value v, const char* name, int64_t low, int64_t high,
                             int64_t* out) {
  if (!index_to_int64(ts, v, out, "Python int too large to convert to C int")) return false;
  if (*out < INT32_MIN || *out > INT32_MAX)
    return raise(ts, OverflowError_type, "Python int too large to convert to C int"), false;
  if (*out < low || *out > high) {
    raise_fmt(ts, ValueError_type, "{} must be between {} and {}", name, low, high);
    return false;
  }
  return true;
}

// leaf_size and node_offset: an int (else "an integer is required"), not negative, at most `max`.
[[nodiscard]] bool unsigned_parameter(ThreadState& ts, Value v, const char* name, uint64_t max, uint64_t* out) {
  if (!is_int(v)) return raise(ts, TypeError_type, "an integer is required"), false;
  BigInt value = native::int_value(v);
  if (value.sign() < 0) return raise(ts, ValueError_type, "value must be positive"), false;
  if (value.bit_length() > 64) return raise(ts, OverflowError_type, "int too big to convert"), false;
  *out = mpz_getlimbn(value.raw(), 0);
  if (*out > max) {
    raise_fmt(ts, OverflowError_type, "{} is too large", name);
    return false;
  }
  return true;
}

// A bytes parameter (key, salt, person) of at most `max` bytes.
[[nodiscard]] bool bytes_parameter(ThreadState& ts, Value v, const char* name, size_t max, std::string_view* out) {
  if (!v) return true;
  if (!native::bytes_like(ts, v, out)) return false;
  if (out->size() > max) {
    raise_fmt(ts, ValueError_type, "maximum {} length is {} bytes", name, max);
    return false;
  }
  return true;
}

// blake2b(data=b'', /, *, digest_size=64, key=b'', salt=b'', person=b'', fanout=1, depth=1, leaf_size=0,
// node_offset=0, node_depth=0, inner_size=0, last_node=False, usedforsecurity=True), and blake2s alike.
Value construct(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  const Blake2Variant& variant = kVariants[type - blake2_types];
  enum { kData, kDigestSize, kKey, kSalt, kPerson, kFanout, kDepth, kLeafSize, kNodeOffset, kNodeDepth,
         kInnerSize, kLastNode, kUsedForSecurity, kCount };
  Value v[kCount];
  if (!native::parse_args(ts, variant.name, args, kwnames,
                          {"", "digest_size", "key", "salt", "person", "fanout", "depth", "leaf_size",
                           "node_offset", "node_depth", "inner_size", "last_node", "usedforsecurity"},
                          0, 1, v, 1))
    return Value();
  blake2::Parameters p;
  p.digest_size = variant.max_digest_size;
  int64_t number;
  if (v[kDigestSize]) {
    if (!index_to_int64(ts, v[kDigestSize], &number, "Python int too large to convert to C int")) return Value();
    if (number < INT32_MIN || number > INT32_MAX)
      return raise(ts, OverflowError_type, "Python int too large to convert to C int");
    if (number < 1 || number > static_cast<int64_t>(variant.max_digest_size))
      return raise_fmt(ts, ValueError_type, "digest_size must be between 1 and {} bytes", variant.max_digest_size);
    p.digest_size = static_cast<size_t>(number);
  }
  if (!bytes_parameter(ts, v[kKey], "key", variant.max_key_size, &p.key) ||
      !bytes_parameter(ts, v[kSalt], "salt", variant.salt_size, &p.salt) ||
      !bytes_parameter(ts, v[kPerson], "person", variant.person_size, &p.person))
    return Value();
  if (v[kFanout]) {
    if (!small_int(ts, v[kFanout], "fanout", 0, 255, &number)) return Value();
    p.fanout = static_cast<uint8_t>(number);
  }
  if (v[kDepth]) {
    if (!small_int(ts, v[kDepth], "depth", 1, 255, &number)) return Value();
    p.depth = static_cast<uint8_t>(number);
  }
  uint64_t wide_number;
  if (v[kLeafSize]) {
    if (!unsigned_parameter(ts, v[kLeafSize], "leaf_size", UINT32_MAX, &wide_number)) return Value();
    p.leaf_size = static_cast<uint32_t>(wide_number);
  }
  if (v[kNodeOffset] && !unsigned_parameter(ts, v[kNodeOffset], "node_offset", variant.max_node_offset, &p.node_offset))
    return Value();
  if (v[kNodeDepth]) {
    if (!small_int(ts, v[kNodeDepth], "node_depth", 0, 255, &number)) return Value();
    p.node_depth = static_cast<uint8_t>(number);
  }
  if (v[kInnerSize]) {
    // CPython's message really reads "between 0 and is 64".
    if (!index_to_int64(ts, v[kInnerSize], &number, "Python int too large to convert to C int")) return Value();
    if (number < 0 || number > static_cast<int64_t>(variant.max_digest_size))
      return raise_fmt(ts, ValueError_type, "inner_size must be between 0 and is {}", variant.max_digest_size);
    p.inner_size = static_cast<uint8_t>(number);
  }
  if (v[kLastNode]) {
    int truth = py_truth(ts, v[kLastNode]);
    if (truth < 0) return Value();
    p.last_node = truth == 1;
  }
  std::string_view data;
  if (v[kData] && !hash::data_argument(ts, v[kData], &data)) return Value();
  HashObject* h = hash::new_hash(ts, type, kBlake2, variant.name, p.digest_size, variant.block_size);
  blake2::start(h->blake, variant.wide, p);
  blake2::update(h->blake, data);
  return Value(h);
}

}  // namespace

ModuleObject* create_blake2_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "_blake2");
  for (size_t i = 0; i < std::size(kVariants); i++) {
    const Blake2Variant& variant = kVariants[i];
    Type& t = blake2_types[i];
    bool fresh = !native::native_type_ready(t);
    hash::ready_hash_type(ts, t, variant.name, "_blake2", construct);
    const std::pair<const char*, size_t> constants[] = {{"SALT_SIZE", variant.salt_size},
                                                        {"PERSON_SIZE", variant.person_size},
                                                        {"MAX_KEY_SIZE", variant.max_key_size},
                                                        {"MAX_DIGEST_SIZE", variant.max_digest_size}};
    std::string prefix = i == 0 ? "BLAKE2B_" : "BLAKE2S_";
    add_module_value(ts, m, variant.name, Value(&t));
    for (const auto& [name, value] : constants) {
      Value number = make_int(ts, static_cast<int64_t>(value));
      if (fresh) dict_set_str_new(ts, t.dict, intern(ts, name), number);
      add_module_value(ts, m, (prefix + name).c_str(), number);
    }
  }
  return m;
}

}  // namespace minipy
