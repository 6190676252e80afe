// The PEP 552 source hash of hash-based pycs: SipHash-1-3 (cache/siphash.h) keyed with the magic number.
#include "cache/source_hash.h"

namespace minipy {

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
