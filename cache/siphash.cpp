// SipHash-1-3, written from the SipHash paper's description (Aumasson and Bernstein): four 64-bit lanes
// initialised from the key and the constants "somepseudorandomlygeneratedbytes"; each message word is xored
// into v3, compressed by one SipRound and xored into v0; the final word carries the message length mod 256 in
// its top byte; then v2 ^= 0xff and three SipRounds. This is the VM's hottest hash (every new str used as a
// key), so the word loop loads with memcpy (one unaligned load on little-endian hosts) and stays branch-free.
#include "cache/siphash.h"

#include <bit>
#include <cstring>

namespace minipy {
namespace {

struct SipState {
  uint64_t v0, v1, v2, v3;
  inline void round() {
    v0 += v1; v1 = std::rotl(v1, 13); v1 ^= v0; v0 = std::rotl(v0, 32);
    v2 += v3; v3 = std::rotl(v3, 16); v3 ^= v2;
    v0 += v3; v3 = std::rotl(v3, 21); v3 ^= v0;
    v2 += v1; v1 = std::rotl(v1, 17); v1 ^= v2; v2 = std::rotl(v2, 32);
  }
  inline void absorb(uint64_t word) {
    v3 ^= word;
    round();
    v0 ^= word;
  }
};

// The 8 bytes at `p` as a little-endian word.
inline uint64_t load_le64(const uint8_t* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
  return w;
}

}  // namespace

uint64_t siphash13(uint64_t k0, uint64_t k1, std::span<const uint8_t> data) {
  SipState s{k0 ^ 0x736f6d6570736575ull, k1 ^ 0x646f72616e646f6dull, k0 ^ 0x6c7967656e657261ull,
             k1 ^ 0x7465646279746573ull};
  const uint8_t* p = data.data();
  size_t full = data.size() & ~size_t{7};
  for (size_t i = 0; i < full; i += 8) s.absorb(load_le64(p + i));
  // The last word holds the 0..7 leftover bytes and, in its top byte, the message length mod 256.
  uint64_t last = static_cast<uint64_t>(data.size()) << 56;
  for (size_t i = full; i < data.size(); i++) last |= static_cast<uint64_t>(p[i]) << (8 * (i - full));
  s.absorb(last);
  s.v2 ^= 0xff;
  s.round();
  s.round();
  s.round();
  return s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
}

}  // namespace minipy
