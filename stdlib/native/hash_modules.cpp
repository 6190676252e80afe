// The native digest modules hashlib falls back on when it has no OpenSSL (minipy never has): `_sha512`
// (sha512, sha384), `_sha256` (sha256, sha224), `_sha1` and `_md5`, as CPython 3.11's sha512module.c and
// friends, and the hash object all native digest modules share (hash_object.h: _sha3 and _blake2 use it
// too). The four modules live in this one file; the digests themselves are in hash_algorithms.cpp. Leaves out
// nothing of their 3.11 API.
#include <algorithm>
#include <cstring>

#include "vm/objects/buffer.h"
#include "stdlib/native/hash_object.h"
#include "stdlib/native/native_type.h"

namespace minipy {

namespace hash {

namespace {

using native::bytes_like;

// "sha512.update": how CPython's messages name a method of the hash object `self`.
std::string qualified(Value self, const char* method) { return std::string(as_hash(self)->name) + "." + method; }

NATIVE_FN(hash_update) {
  if (!native::one_arg(ts, qualified(self, "update").c_str(), args, kwnames)) return Value();
  std::string_view data;
  if (!data_argument(ts, args[0], &data)) return Value();
  HashObject* h = as_hash(self);
  h->family->update(*h, data);
  return None();
}

NATIVE_FN(hash_digest) {
  if (!native::no_args(ts, qualified(self, "digest").c_str(), args, kwnames)) return Value();
  HashObject* h = as_hash(self);
  return make_bytes(ts, h->family->finish(*h, h->digest_size));
}

NATIVE_FN(hash_hexdigest) {
  if (!native::no_args(ts, qualified(self, "hexdigest").c_str(), args, kwnames)) return Value();
  HashObject* h = as_hash(self);
  return make_str(ts, to_hex(h->family->finish(*h, h->digest_size)));
}

NATIVE_FN(hash_copy) {
  if (!native::no_args(ts, qualified(self, "copy").c_str(), args, kwnames)) return Value();
  HashObject* original = as_hash(self);
  auto* copy = ts.alloc<HashObject>(type_of(self));
  copy->family = original->family;
  copy->name = original->name;
  copy->digest_size = original->digest_size;
  copy->block_size = original->block_size;
  // The union's widest member spans all of it, so copying the storage copies whichever state is live.
  std::memcpy(&copy->md, &original->md,
              std::max({sizeof(digest::State), sizeof(keccak::Sponge), sizeof(blake2::State)}));
  return Value(copy);
}

NATIVE_FN(hash_name) {
  (void)args, (void)kwnames;
  return make_str(ts, as_hash(self)->name);
}
NATIVE_FN(hash_digest_size) {
  (void)args, (void)kwnames;
  return make_int(ts, static_cast<int64_t>(as_hash(self)->digest_size));
}
NATIVE_FN(hash_block_size) {
  (void)args, (void)kwnames;
  return make_int(ts, static_cast<int64_t>(as_hash(self)->block_size));
}

const MethodDef kSharedMethods[] = {{"update", hash_update}, {"copy", hash_copy}};
const MethodDef kFixedSizeMethods[] = {{"digest", hash_digest}, {"hexdigest", hash_hexdigest}};
const MethodDef kSharedGetters[] = {
    {"name", hash_name}, {"digest_size", hash_digest_size}, {"block_size", hash_block_size}};

Value refuse_new(ThreadState& ts, Type* type, std::span<const Value>, TupleObject*) {
  return raise_fmt(ts, TypeError_type, "cannot create '{}.{}' instances", as_str(type->module)->view(),
                   type->name->view());
}

}  // namespace

HashObject* new_hash(ThreadState& ts, Type* type, const Family& family, const char* name, size_t digest_size,
                     size_t block_size) {
  auto* h = ts.alloc<HashObject>(type);
  h->family = &family;
  h->name = name;
  h->digest_size = digest_size;
  h->block_size = block_size;
  return h;
}

bool data_argument(ThreadState& ts, Value v, std::string_view* out) {
  if (is_str(v)) return raise(ts, TypeError_type, "Strings must be encoded before hashing"), false;
  if (!has_buffer(v)) return raise(ts, TypeError_type, "object supporting the buffer API required"), false;
  return bytes_like(ts, v, out);
}

std::string to_hex(std::string_view raw) {
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * raw.size());
  for (unsigned char c : raw) {
    hex.push_back(kHex[c >> 4]);
    hex.push_back(kHex[c & 15]);
  }
  return hex;
}

void ready_hash_type(ThreadState& ts, Type& t, const char* name, const char* module, NewSlot construct,
                     std::span<const MethodDef> methods, std::span<const MethodDef> getters, bool fixed_size) {
  if (native::native_type_ready(t)) return;
  native::init_native_type(ts, t, name, module, sizeof(HashObject), false);
  t.new_instance = construct ? construct : refuse_new;
  add_methods(ts, t, kSharedMethods);
  if (fixed_size) add_methods(ts, t, kFixedSizeMethods);
  add_methods(ts, t, methods);
  add_getsets(ts, t, kSharedGetters);
  add_getsets(ts, t, getters);
  native::complete_native_type(ts, t);
}

}  // namespace hash

namespace {

using hash::HashObject;

// MD5, SHA-1 and SHA-2 all run digest::State.
const hash::Family kMerkleDamgard = {
    [](HashObject& h, std::string_view data) { digest::update(h.md, data); },
    [](const HashObject& h, size_t) { return digest::finish(h.md); },
};

// One type per algorithm, in the order of kAlgorithms.
const digest::Algorithm* const kAlgorithms[] = {&digest::kSha512, &digest::kSha384, &digest::kSha256,
                                                &digest::kSha224, &digest::kSha1,   &digest::kMd5};
Type hash_types[std::size(kAlgorithms)];

// NAME(string=b'', *, usedforsecurity=True): a new hash object of algorithm `index`, fed `string`.
Value construct(ThreadState& ts, size_t index, std::span<const Value> args, TupleObject* kwnames) {
  const digest::Algorithm& algorithm = *kAlgorithms[index];
  Value v[2];
  if (!native::parse_args(ts, algorithm.name, args, kwnames, {"string", "usedforsecurity"}, 0, 0, v, 1))
    return Value();
  std::string_view data;
  if (v[0] && !hash::data_argument(ts, v[0], &data)) return Value();
  HashObject* h = hash::new_hash(ts, &hash_types[index], kMerkleDamgard, algorithm.name, algorithm.digest_size,
                                 algorithm.block_size);
  digest::start(h->md, algorithm);
  digest::update(h->md, data);
  return Value(h);
}

template <size_t Index>
NATIVE_FN(construct_hash) {
  (void)self;
  return construct(ts, Index, args, kwnames);
}

const MethodDef kConstructors[] = {
    {"sha512", construct_hash<0>}, {"sha384", construct_hash<1>}, {"sha256", construct_hash<2>},
    {"sha224", construct_hash<3>}, {"sha1", construct_hash<4>},   {"md5", construct_hash<5>},
};

// A module named `module_name` offering the algorithms kAlgorithms[first .. first + count).
ModuleObject* make_hash_module(ThreadState& ts, const char* module_name, size_t first, size_t count) {
  ModuleObject* m = make_module(ts, module_name);
  for (size_t i = first; i < first + count; i++) {
    hash::ready_hash_type(ts, hash_types[i], kAlgorithms[i]->name, module_name, nullptr);
    add_module_functions(ts, m, std::span<const MethodDef>(&kConstructors[i], 1));
  }
  return m;
}

}  // namespace

ModuleObject* create_sha512_module(ThreadState& ts) { return make_hash_module(ts, "_sha512", 0, 2); }
ModuleObject* create_sha256_module(ThreadState& ts) { return make_hash_module(ts, "_sha256", 2, 2); }
ModuleObject* create_sha1_module(ThreadState& ts) { return make_hash_module(ts, "_sha1", 4, 1); }
ModuleObject* create_md5_module(ThreadState& ts) { return make_hash_module(ts, "_md5", 5, 1); }

}  // namespace minipy
