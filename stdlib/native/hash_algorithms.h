// Message digests written from their specifications, for the native hash modules (hashlib's fallbacks, and
// random.seed of a str): FIPS 180-4 for SHA-1 and SHA-2 and RFC 1321 for MD5 (hash_algorithms.cpp; one
// streaming Merkle-Damgard state serves all of them), FIPS 202 for SHA-3 and SHAKE (hash_keccak.cpp), RFC 7693
// for BLAKE2b and BLAKE2s (hash_blake2.cpp). Pure C++: no VM objects.
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

// The SHA-2 initial hash values (FIPS 180-4 5.3), which BLAKE2 reuses as its IV (RFC 7693 2.6).
const uint64_t* sha512_initial_values();
const uint32_t* sha256_initial_values();

}  // namespace minipy::digest

namespace minipy::keccak {

// A Keccak[c] sponge over Keccak-f[1600] (FIPS 202): SHA3-224..512 and SHAKE128/256 differ only in the rate
// and in the domain-separation suffix.
struct Sponge {
  uint64_t lanes[25];  // the state A[x, y] as lanes[x + 5 * y], bytes little-endian within a lane
  size_t rate;         // bytes absorbed per permutation: 200 - capacity / 8
  size_t position;     // bytes absorbed into the current block
  uint8_t suffix;      // domain bits followed by the first padding bit: 0x06 for SHA-3, 0x1f for SHAKE
};

void start(Sponge& sponge, size_t rate, uint8_t suffix);
void absorb(Sponge& sponge, std::string_view data);
// The first `length` output bytes for everything absorbed so far; `sponge` is left unchanged.
std::string squeeze(const Sponge& sponge, size_t length);

}  // namespace minipy::keccak

namespace minipy::blake2 {

// The parameter block of RFC 7693 2.5 (and the BLAKE2 paper's tree-hashing fields), checked by the caller.
struct Parameters {
  size_t digest_size;
  std::string_view key, salt, person;  // at most the variant's MAX_KEY_SIZE / SALT_SIZE / PERSON_SIZE
  uint8_t fanout = 1, depth = 1;
  uint32_t leaf_size = 0;
  uint64_t node_offset = 0;  // 48 bits for BLAKE2s
  uint8_t node_depth = 0, inner_size = 0;
  bool last_node = false;
};

// BLAKE2b (`wide`: 64-bit words, 128-byte blocks) or BLAKE2s (32-bit words, 64-byte blocks) in progress.
struct State {
  uint64_t h[8];          // chaining value (BLAKE2s uses the low 32 bits)
  uint64_t counter[2];    // bytes compressed, low and high word (BLAKE2s: one 64-bit count in counter[0])
  uint8_t buffer[128];    // the last block is held back: it is compressed with the final flag
  size_t buffered;
  size_t digest_size;
  bool wide;
  bool last_node;
};

void start(State& state, bool wide, const Parameters& parameters);
void update(State& state, std::string_view data);
// The digest of everything added so far; `state` itself is left unchanged.
std::string finish(const State& state);

}  // namespace minipy::blake2
