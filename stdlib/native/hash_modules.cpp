// The native digest modules hashlib falls back on when it has no OpenSSL (minipy never has): `_sha512`
// (sha512, sha384), `_sha256` (sha256, sha224), `_sha1` and `_md5`, as CPython 3.11's sha512module.c and
// friends. They share one object layout and one set of methods, so the four modules live in this one file;
// the digests themselves are in hash_algorithms.cpp. Leaves out nothing of their 3.11 API.
#include "vm/objects/buffer.h"
#include "stdlib/native/hash_algorithms.h"
#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"

namespace minipy {

namespace {

struct HashObject : Object {
  digest::State state;
};

// One type per algorithm, in the order of kAlgorithms.
const digest::Algorithm* const kAlgorithms[] = {&digest::kSha512, &digest::kSha384, &digest::kSha256,
                                                &digest::kSha224, &digest::kSha1,   &digest::kMd5};
Type hash_types[std::size(kAlgorithms)];

HashObject* as_hash(Value v) { return static_cast<HashObject*>(v.as_object()); }

// "sha512.update": how CPython's messages name a method of the hash object `self`.
std::string qualified(Value self, const char* method) {
  return std::string(as_hash(self)->state.algorithm->name) + "." + method;
}

// The data argument of a constructor or update(): bytes-like, with CPython's message for a str.
bool hash_data(ThreadState& ts, Value v, std::string_view* out) {
  if (is_str(v)) return raise(ts, TypeError_type, "Strings must be encoded before hashing"), false;
  if (!has_buffer(v))
    return raise(ts, TypeError_type, "object supporting the buffer API required"), false;
  return native::bytes_like(ts, v, out);
}

NATIVE_FN(hash_update) {
  if (!native::one_arg(ts, qualified(self, "update").c_str(), args, kwnames)) return Value();
  std::string_view data;
  if (!hash_data(ts, args[0], &data)) return Value();
  digest::update(as_hash(self)->state, data);
  return None();
}

NATIVE_FN(hash_digest) {
  if (!native::no_args(ts, qualified(self, "digest").c_str(), args, kwnames)) return Value();
  return make_bytes(ts, digest::finish(as_hash(self)->state));
}

NATIVE_FN(hash_hexdigest) {
  if (!native::no_args(ts, qualified(self, "hexdigest").c_str(), args, kwnames))
    return Value();
  std::string raw = digest::finish(as_hash(self)->state);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : raw) {
    hex.push_back(kHex[c >> 4]);
    hex.push_back(kHex[c & 15]);
  }
  return make_str(ts, hex);
}

NATIVE_FN(hash_copy) {
  if (!native::no_args(ts, qualified(self, "copy").c_str(), args, kwnames)) return Value();
  auto* copy = ts.alloc<HashObject>(type_of(self));
  copy->state = as_hash(self)->state;
  return Value(copy);
}

NATIVE_FN(hash_name) {
  (void)args, (void)kwnames;
  return make_str(ts, as_hash(self)->state.algorithm->name);
}
NATIVE_FN(hash_digest_size) {
  (void)args, (void)kwnames;
  return make_int(ts, static_cast<int64_t>(as_hash(self)->state.algorithm->digest_size));
}
NATIVE_FN(hash_block_size) {
  (void)args, (void)kwnames;
  return make_int(ts, static_cast<int64_t>(as_hash(self)->state.algorithm->block_size));
}

const MethodDef kHashMethods[] = {
    {"update", hash_update}, {"digest", hash_digest}, {"hexdigest", hash_hexdigest}, {"copy", hash_copy}};
const MethodDef kHashGetters[] = {
    {"name", hash_name}, {"digest_size", hash_digest_size}, {"block_size", hash_block_size}};

Value refuse_new(ThreadState& ts, Type* type, std::span<const Value>, TupleObject*) {
  return raise_fmt(ts, TypeError_type, "cannot create '{}.{}' instances", as_str(type->module)->view(),
                   type->name->view());
}

// NAME(string=b'', *, usedforsecurity=True): a new hash object of algorithm `index`, fed `string`.
Value construct(ThreadState& ts, size_t index, std::span<const Value> args, TupleObject* kwnames) {
  const digest::Algorithm& algorithm = *kAlgorithms[index];
  Value v[2];
  if (!native::parse_args(ts, algorithm.name, args, kwnames, {"string", "usedforsecurity"}, 0, 0, v, 1))
    return Value();
  std::string_view data;
  if (v[0] && !hash_data(ts, v[0], &data)) return Value();
  auto* h = ts.alloc<HashObject>(&hash_types[index]);
  digest::start(h->state, algorithm);
  digest::update(h->state, data);
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
    Type& t = hash_types[i];
    if (!native::native_type_ready(t)) {
      native::init_native_type(ts, t, kAlgorithms[i]->name, module_name, sizeof(HashObject), false);
      t.new_instance = refuse_new;
      add_methods(ts, t, kHashMethods);
      add_getsets(ts, t, kHashGetters);
      native::complete_native_type(ts, t);
    }
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
