// Message digests written from their specifications (FIPS 180-4 for SHA-1 and SHA-2, RFC 1321 for MD5), for
// the native _sha512, _sha256, _sha1 and _md5 modules (hashlib's fallbacks, and random.seed of a str).
// Pure C++: no VM objects. One streaming state type serves every algorithm.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace minipy::digest {

struct Algorithm;

// A digest in progress: chaining value, the partial block, and the total length so far.
struct State {
  const Algorithm* algorithm;
  uint64_t words64[8];   // SHA-384/512 chaining value
  uint32_t words32[8];   // SHA-1/224/256 and MD5 chaining value
  uint8_t buffer[128];   // the partial block
  size_t buffered;
  uint64_t length;       // bytes hashed
};

struct Algorithm {
  const char* name;      // hashlib's name: "sha512", "md5", ...
  size_t digest_size;
  size_t block_size;
  void (*init)(State& state);
  void (*compress)(State& state, const uint8_t* block);
  size_t length_field;   // bytes of the bit-length trailer (16 for SHA-384/512, else 8)
  bool little_endian;    // MD5 stores its length and output words little-endian
  bool wide;             // 64-bit words
};

extern const Algorithm kSha512, kSha384, kSha256, kSha224, kSha1, kMd5;

void start(State& state, const Algorithm& algorithm);
void update(State& state, std::string_view data);
// The digest of everything added so far; `state` itself is left unchanged (update may continue).
std::string finish(const State& state);

}  // namespace minipy::digest
