// SHA-1, SHA-2 and MD5 from their specifications (see hash_algorithms.h). The SHA-2 round constants and
// initial values are defined by the standard as the first bits of the fractional parts of the square and cube
// roots of the first primes; they are computed here exactly (integer roots on GMP) rather than typed in.
#include "stdlib/native/hash_algorithms.h"

#include <gmp.h>

#include <bit>
#include <cmath>
#include <cstring>

namespace minipy::digest {

namespace {

// The first 80 primes.
struct Primes {
  uint32_t values[80];
  Primes() {
    int found = 0;
    for (uint32_t n = 2; found < 80; n++) {
      bool prime = true;
      for (uint32_t d = 2; d * d <= n; d++)
        if (n % d == 0) prime = false;
      if (prime) values[found++] = n;
    }
  }
};

// floor(root(p) * 2**bits) mod 2**bits for root = square (degree 2) or cube (degree 3) root: the fractional
// bits of the root, computed as the integer root of p * 2**(bits*degree).
uint64_t root_fraction_bits(uint32_t p, int degree, int bits) {
  mpz_t x;
  mpz_init_set_ui(x, p);
  mpz_mul_2exp(x, x, static_cast<mp_bitcnt_t>(bits * degree));
  mpz_root(x, x, static_cast<unsigned long>(degree));
  uint64_t low = mpz_getlimbn(x, 0);
  mpz_clear(x);
  return bits == 64 ? low : (low & ((uint64_t{1} << bits) - 1));
}

struct Sha2Constants {
  uint64_t k512[80];
  uint32_t k256[64];
  uint64_t iv512[8], iv384[8];
  uint32_t iv256[8], iv224[8];
  Sha2Constants() {
    Primes primes;
    for (int i = 0; i < 80; i++) k512[i] = root_fraction_bits(primes.values[i], 3, 64);
    for (int i = 0; i < 64; i++) k256[i] = static_cast<uint32_t>(root_fraction_bits(primes.values[i], 3, 32));
    for (int i = 0; i < 8; i++) {
      iv512[i] = root_fraction_bits(primes.values[i], 2, 64);
      iv384[i] = root_fraction_bits(primes.values[i + 8], 2, 64);
      iv256[i] = static_cast<uint32_t>(root_fraction_bits(primes.values[i], 2, 32));
      // SHA-224's initial values are the second 32 bits of SHA-384's.
      iv224[i] = static_cast<uint32_t>(iv384[i]);
    }
  }
};

const Sha2Constants& sha2() {
  static const Sha2Constants constants;
  return constants;
}

uint64_t load_be64(const uint8_t* p) {
  uint64_t v = 0;
  for (int i = 0; i < 8; i++) v = (v << 8) | p[i];
  return v;
}
uint32_t load_be32(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}
uint32_t load_le32(const uint8_t* p) {
  return (uint32_t{p[3]} << 24) | (uint32_t{p[2]} << 16) | (uint32_t{p[1]} << 8) | p[0];
}

// SHA-512 and SHA-256 are one algorithm over 64- or 32-bit words (FIPS 180-4, 6.4 and 6.2): only the round
// count, the round constants and the rotation amounts differ. Each sigma is three rotations, except that the
// message schedule's small sigmas end in a shift, which the last amount of `schedule0` / `schedule1` gives.
struct Sha2Shape {
  int schedule0[3], schedule1[3];  // sigma0 / sigma1 of the message schedule: rotr, rotr, shr
  int round0[3], round1[3];        // Sigma0 (of a) / Sigma1 (of e) in the rounds: three rotations
};
constexpr Sha2Shape kSha512Shape = {{1, 8, 7}, {19, 61, 6}, {28, 34, 39}, {14, 18, 41}};
constexpr Sha2Shape kSha256Shape = {{7, 18, 3}, {17, 19, 10}, {2, 13, 22}, {6, 11, 25}};

template <class Word, int Rounds>
void compress_sha2(Word* state, const uint8_t* block, const Word* k, const Sha2Shape& shape) {
  auto sigma = [](Word x, const int (&r)[3]) { return std::rotr(x, r[0]) ^ std::rotr(x, r[1]) ^ (x >> r[2]); };
  auto big_sigma = [](Word x, const int (&r)[3]) {
    return std::rotr(x, r[0]) ^ std::rotr(x, r[1]) ^ std::rotr(x, r[2]);
  };
  Word w[Rounds];
  for (int i = 0; i < 16; i++) {
    if constexpr (sizeof(Word) == 8) w[i] = load_be64(block + 8 * i);
    else w[i] = load_be32(block + 4 * i);
  }
  for (int i = 16; i < Rounds; i++)
    w[i] = w[i - 16] + sigma(w[i - 15], shape.schedule0) + w[i - 7] + sigma(w[i - 2], shape.schedule1);
  Word a = state[0], b = state[1], c = state[2], d = state[3];
  Word e = state[4], f = state[5], g = state[6], h = state[7];
  for (int i = 0; i < Rounds; i++) {
    Word t1 = h + big_sigma(e, shape.round1) + ((e & f) ^ (~e & g)) + k[i] + w[i];
    Word t2 = big_sigma(a, shape.round0) + ((a & b) ^ (a & c) ^ (b & c));
    h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
  }
  Word out[8] = {a, b, c, d, e, f, g, h};
  for (int i = 0; i < 8; i++) state[i] += out[i];
}

void compress_sha512(State& s, const uint8_t* block) {
  compress_sha2<uint64_t, 80>(s.words64, block, sha2().k512, kSha512Shape);
}
void compress_sha256(State& s, const uint8_t* block) {
  compress_sha2<uint32_t, 64>(s.words32, block, sha2().k256, kSha256Shape);
}

void compress_sha1(State& s, const uint8_t* block) {
  uint32_t w[80];
  for (int i = 0; i < 16; i++) w[i] = load_be32(block + 4 * i);
  for (int i = 16; i < 80; i++) w[i] = std::rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
  uint32_t a = s.words32[0], b = s.words32[1], c = s.words32[2], d = s.words32[3], e = s.words32[4];
  for (int i = 0; i < 80; i++) {
    uint32_t f, k;
    if (i < 20) { f = (b & c) | (~b & d); k = 0x5A827999U; }
    else if (i < 40) { f = b ^ c ^ d; k = 0x6ED9EBA1U; }
    else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDCU; }
    else { f = b ^ c ^ d; k = 0xCA62C1D6U; }
    uint32_t t = std::rotl(a, 5) + f + e + k + w[i];
    e = d; d = c; c = std::rotl(b, 30); b = a; a = t;
  }
  s.words32[0] += a; s.words32[1] += b; s.words32[2] += c; s.words32[3] += d; s.words32[4] += e;
}

// MD5's per-round additive constants are floor(abs(sin(i + 1)) * 2**32) (RFC 1321 3.4).
struct Md5Constants {
  uint32_t k[64];
  Md5Constants() {
    for (int i = 0; i < 64; i++) k[i] = static_cast<uint32_t>(std::floor(std::fabs(std::sin(i + 1.0)) * 4294967296.0));
  }
};

void compress_md5(State& s, const uint8_t* block) {
  static const Md5Constants constants;
  static const int kShifts[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};
  uint32_t m[16];
  for (int i = 0; i < 16; i++) m[i] = load_le32(block + 4 * i);
  uint32_t a = s.words32[0], b = s.words32[1], c = s.words32[2], d = s.words32[3];
  for (int i = 0; i < 64; i++) {
    uint32_t f;
    int g;
    int round = i / 16;
    if (round == 0) { f = (b & c) | (~b & d); g = i; }
    else if (round == 1) { f = (d & b) | (~d & c); g = (5 * i + 1) % 16; }
    else if (round == 2) { f = b ^ c ^ d; g = (3 * i + 5) % 16; }
    else { f = c ^ (b | ~d); g = (7 * i) % 16; }
    uint32_t rotated = std::rotl(a + f + constants.k[i] + m[g], kShifts[round][i % 4]);
    a = d; d = c; c = b; b = b + rotated;
  }
  s.words32[0] += a; s.words32[1] += b; s.words32[2] += c; s.words32[3] += d;
}

void init_sha512(State& s) { std::memcpy(s.words64, sha2().iv512, sizeof s.words64); }
void init_sha384(State& s) { std::memcpy(s.words64, sha2().iv384, sizeof s.words64); }
void init_sha256(State& s) { std::memcpy(s.words32, sha2().iv256, sizeof s.words32); }
void init_sha224(State& s) {
  // FIPS 180-4 5.3.2: SHA-224's initial values are the low halves of SHA-384's.
  std::memcpy(s.words32, sha2().iv224, sizeof s.words32);
}
void init_sha1(State& s) {
  const uint32_t iv[5] = {0x67452301U, 0xEFCDAB89U, 0x98BADCFEU, 0x10325476U, 0xC3D2E1F0U};
  std::memcpy(s.words32, iv, sizeof iv);
}
void init_md5(State& s) {
  const uint32_t iv[4] = {0x67452301U, 0xEFCDAB89U, 0x98BADCFEU, 0x10325476U};
  std::memcpy(s.words32, iv, sizeof iv);
}

}  // namespace

const Algorithm kSha512 = {"sha512", 64, 128, init_sha512, compress_sha512, 16, false, true};
const Algorithm kSha384 = {"sha384", 48, 128, init_sha384, compress_sha512, 16, false, true};
const Algorithm kSha256 = {"sha256", 32, 64, init_sha256, compress_sha256, 8, false, false};
const Algorithm kSha224 = {"sha224", 28, 64, init_sha224, compress_sha256, 8, false, false};
const Algorithm kSha1 = {"sha1", 20, 64, init_sha1, compress_sha1, 8, false, false};
const Algorithm kMd5 = {"md5", 16, 64, init_md5, compress_md5, 8, true, false};

const uint64_t* sha512_initial_values() { return sha2().iv512; }
const uint32_t* sha256_initial_values() { return sha2().iv256; }

void start(State& state, const Algorithm& algorithm) {
  std::memset(&state, 0, sizeof state);
  state.algorithm = &algorithm;
  algorithm.init(state);
}

void update(State& state, std::string_view data) {
  const Algorithm& algo = *state.algorithm;
  auto* p = reinterpret_cast<const uint8_t*>(data.data());
  size_t n = data.size();
  // An empty update may come with a null pointer, which memcpy must never see even for zero bytes.
  if (n == 0) return;
  state.length += n;
  if (state.buffered) {
    size_t take = std::min(n, algo.block_size - state.buffered);
    std::memcpy(state.buffer + state.buffered, p, take);
    state.buffered += take;
    p += take;
    n -= take;
    if (state.buffered < algo.block_size) return;
    algo.compress(state, state.buffer);
    state.buffered = 0;
  }
  for (; n >= algo.block_size; p += algo.block_size, n -= algo.block_size) algo.compress(state, p);
  std::memcpy(state.buffer, p, n);
  state.buffered = n;
}

std::string finish(const State& original) {
  State s = original;
  const Algorithm& algo = *s.algorithm;
  uint64_t bit_length = s.length * 8;
  // Padding: 0x80, zeros, then the message length in bits in the last length_field bytes of a block.
  uint8_t pad[256] = {0x80};
  size_t used = s.buffered + 1 + algo.length_field;
  size_t pad_size = (used <= algo.block_size ? algo.block_size : 2 * algo.block_size) - s.buffered - algo.length_field;
  uint8_t trailer[16] = {};
  for (size_t i = 0; i < 8; i++) {
    auto byte = static_cast<uint8_t>(bit_length >> (8 * i));
    if (algo.little_endian) trailer[i] = byte;
    else trailer[algo.length_field - 1 - i] = byte;
  }
  update(s, std::string_view(reinterpret_cast<const char*>(pad), pad_size));
  update(s, std::string_view(reinterpret_cast<const char*>(trailer), algo.length_field));
  std::string out;
  if (algo.wide) {
    for (int i = 0; i < 8; i++)
      for (int b = 7; b >= 0; b--) out.push_back(static_cast<char>(s.words64[i] >> (8 * b)));
  } else {
    for (int i = 0; i < 8; i++)
      for (int b = 0; b < 4; b++) {
        int shift = algo.little_endian ? 8 * b : 8 * (3 - b);
        out.push_back(static_cast<char>(s.words32[i] >> shift));
      }
  }
  out.resize(algo.digest_size);
  return out;
}

}  // namespace minipy::digest
