// The hash object every native digest module shares (_md5, _sha1, _sha256, _sha512 in hash_modules.cpp, _sha3
// in sha3.cpp, _blake2 in blake2.cpp): one layout, one set of methods (update, digest, hexdigest, copy) and
// getters (name, digest_size, block_size), CPython's messages. A module adds only its constructor and whatever
// its type has beyond that (SHAKE's digest(length), SHA-3's _rate_bits, BLAKE2's constants).
#pragma once
#include <span>
#include <string>
#include <string_view>

#include "stdlib/native/hash_algorithms.h"
#include "stdlib/native/native_support.h"

namespace minipy::hash {

struct HashObject;

// How one family of algorithms feeds and finishes the state inside a HashObject.
struct Family {
  void (*update)(HashObject& h, std::string_view data);
  // The first `length` bytes of the digest of everything so far (`length` is digest_size except for SHAKE).
  std::string (*finish)(const HashObject& h, size_t length);
};

struct HashObject : Object {
  const Family* family;
  const char* name;    // hashlib's name: "sha256", "sha3_224", "blake2b"
  size_t digest_size;  // BLAKE2 chooses it per object; 0 for SHAKE
  size_t block_size;
  union {
    digest::State md;        // MD5, SHA-1, SHA-2
    keccak::Sponge sponge;   // SHA-3, SHAKE
    blake2::State blake;     // BLAKE2b, BLAKE2s
  };
};

inline HashObject* as_hash(Value v) { return static_cast<HashObject*>(v.as_object()); }

// A new, empty hash object of native type `type`; the caller starts its state.
HashObject* new_hash(ThreadState& ts, Type* type, const Family& family, const char* name, size_t digest_size,
                     size_t block_size);

// The data argument of a constructor or update(): bytes-like, with CPython's message for a str.
[[nodiscard]] bool data_argument(ThreadState& ts, Value v, std::string_view* out);

// `raw` as lowercase hex digits.
std::string to_hex(std::string_view raw);

// Readies native type `t` (named `name`, in module `module`) as a hash type: instances are HashObjects; the
// shared update/copy methods and name/digest_size/block_size getters, plus digest/hexdigest unless the type
// brings its own in `methods` (SHAKE). `construct` is its constructor (null: the type cannot be called, as
// _sha256.sha256's type). Does nothing when `t` is ready already.
void ready_hash_type(ThreadState& ts, Type& t, const char* name, const char* module, NewSlot construct,
                     std::span<const MethodDef> methods = {}, std::span<const MethodDef> getters = {},
                     bool fixed_size = true);

}  // namespace minipy::hash
