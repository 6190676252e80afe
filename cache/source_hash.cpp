// SipHash-1-3: one compression round per 8-byte word and three finalisation rounds, the variant CPython uses
// for keyed hashes. Written from the SipHash paper's description.
#include "cache/source_hash.h"

#include <bit>

namespace minipy {
namespace {

struct SipState {
  uint64_t v0, v1, v2, v3;
  void round() {
    v0 += v1; v1 = std::rotl(v1, 13); v1 ^= v0; v0 = std::rotl(v0, 32);
    v2 += v3; v3 = std::rotl(v3, 16); v3 ^= v2;
    v0 += v3; v3 = std::rotl(v3, 21); v3 ^= v0;
    v2 += v1; v1 = std::rotl(v1, 17); v1 ^= v2; v2 = std::rotl(v2, 32);
  }
  void absorb(uint64_t word) {
    v3 ^= word;
    round();
    v0 ^= word;
  }
};

uint64_t load_le64(const uint8_t* p, size_t n) {
  uint64_t w = 0;
  for (size_t i = 0; i < n; i++) w |= static_cast<uint64_t>(p[i]) << (8 * i);
  return w;
}

}  // namespace

uint64_t siphash13(uint64_t k0, uint64_t k1, std::span<const uint8_t> data) {
  SipState s{k0 ^ 0x736f6d6570736575ull, k1 ^ 0x646f72616e646f6dull, k0 ^ 0x6c7967656e657261ull,
             k1 ^ 0x7465646279746573ull};
  size_t full = data.size() / 8 * 8;
  for (size_t i = 0; i < full; i += 8) s.absorb(load_le64(data.data() + i, 8));
  // The last word holds the leftover bytes and, in its top byte, the message length mod 256.
  uint64_t last = load_le64(data.data() + full, data.size() - full) | (static_cast<uint64_t>(data.size()) << 56);
  s.absorb(last);
  s.v2 ^= 0xff;
  for (int i = 0; i < 3; i++) s.round();
  return s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
}

std::array<uint8_t, 8> source_hash(std::span<const uint8_t> source) {
  uint64_t h = siphash13(kRawMagicNumber, 0, source);
  std::array<uint8_t, 8> out;
  for (int i = 0; i < 8; i++) out[i] = static_cast<uint8_t>(h >> (8 * i));
  return out;
}

std::array<uint8_t, 8> source_hash(std::string_view source) {
  return source_hash(std::span(reinterpret_cast<const uint8_t*>(source.data()), source.size()));
}

}  // namespace minipy
