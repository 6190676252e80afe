// Keccak-f[1600] and the sponge construction of FIPS 202 (SHA-3 and SHAKE), for the native _sha3 module. The
// round constants and the rotation offsets are defined by the standard as the output of an LFSR and of a walk
// over the lane coordinates (FIPS 202 3.2.2 and 3.2.5); they are computed here from those definitions rather
// than typed in as tables.
#include <bit>
#include <cstring>

#include "stdlib/native/hash_algorithms.h"

namespace minipy::keccak {

namespace {

constexpr int kRounds = 24;

struct Constants {
  uint64_t round_constants[kRounds];
  int rotation[25];  // rho's offset for lane x + 5 * y
  Constants() {
    // iota: rc(t) is a bit of the LFSR x^8 + x^6 + x^5 + x^4 + 1; round i uses bits 2^j - 1 for j = 0..6.
    uint8_t lfsr = 1;
    for (int round = 0; round < kRounds; round++) {
      uint64_t rc = 0;
      for (int j = 0; j < 7; j++) {
        if (lfsr & 1) rc ^= uint64_t{1} << ((1 << j) - 1);
        lfsr = static_cast<uint8_t>((lfsr & 0x80) ? (lfsr << 1) ^ 0x71 : lfsr << 1);
      }
      round_constants[round] = rc;
    }
    // rho: starting at (1, 0), step t visits (x, y) -> (y, 2x + 3y) and rotates by (t + 1)(t + 2) / 2.
    rotation[0] = 0;
    int x = 1, y = 0;
    for (int t = 0; t < 24; t++) {
      rotation[x + 5 * y] = ((t + 1) * (t + 2) / 2) % 64;
      int next_y = (2 * x + 3 * y) % 5;
      x = y;
      y = next_y;
    }
  }
};

const Constants& constants() {
  static const Constants c;
  return c;
}

// Keccak-f[1600]: 24 rounds of theta, rho, pi, chi, iota over the 5x5 lanes.
void permute(uint64_t a[25]) {
  const Constants& k = constants();
  for (int round = 0; round < kRounds; round++) {
    uint64_t column[5];
    for (int x = 0; x < 5; x++) column[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
    for (int x = 0; x < 5; x++) {
      uint64_t d = column[(x + 4) % 5] ^ std::rotl(column[(x + 1) % 5], 1);
      for (int y = 0; y < 25; y += 5) a[x + y] ^= d;
    }
    // rho and pi together: lane (x, y) moves to (y, 2x + 3y), rotated.
    uint64_t b[25];
    for (int x = 0; x < 5; x++)
      for (int y = 0; y < 5; y++)
        b[y + 5 * ((2 * x + 3 * y) % 5)] = std::rotl(a[x + 5 * y], k.rotation[x + 5 * y]);
    for (int y = 0; y < 25; y += 5)
      for (int x = 0; x < 5; x++) a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
    a[0] ^= k.round_constants[round];
  }
}

void xor_byte(uint64_t lanes[25], size_t index, uint8_t byte) {
  lanes[index / 8] ^= uint64_t{byte} << (8 * (index % 8));
}

}  // namespace

void start(Sponge& sponge, size_t rate, uint8_t suffix) {
  std::memset(&sponge, 0, sizeof sponge);
  sponge.rate = rate;
  sponge.suffix = suffix;
}

void absorb(Sponge& sponge, std::string_view data) {
  auto* p = reinterpret_cast<const uint8_t*>(data.data());
  size_t n = data.size();
  while (n > 0) {
    // Whole lanes at a time where the block position allows it (every rate is a multiple of 8 bytes).
    if (sponge.position % 8 == 0 && n >= 8) {
      uint64_t lane = 0;
      for (int i = 0; i < 8; i++) lane |= uint64_t{p[i]} << (8 * i);
      sponge.lanes[sponge.position / 8] ^= lane;
      sponge.position += 8;
      p += 8;
      n -= 8;
    } else {
      xor_byte(sponge.lanes, sponge.position++, *p++);
      n--;
    }
    if (sponge.position == sponge.rate) {
      permute(sponge.lanes);
      sponge.position = 0;
    }
  }
}

std::string squeeze(const Sponge& original, size_t length) {
  Sponge s = original;
  // pad10*1 after the suffix bits: the suffix carries the first 1, 0x80 in the block's last byte the final one
  // (they share a byte when only one byte of the block is left).
  xor_byte(s.lanes, s.position, s.suffix);
  xor_byte(s.lanes, s.rate - 1, 0x80);
  permute(s.lanes);
  std::string out;
  out.reserve(length);
  size_t offset = 0;
  while (out.size() < length) {
    if (offset == s.rate) {
      permute(s.lanes);
      offset = 0;
    }
    out.push_back(static_cast<char>(s.lanes[offset / 8] >> (8 * (offset % 8))));
    offset++;
  }
  return out;
}

}  // namespace minipy::keccak
