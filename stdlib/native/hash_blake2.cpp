// BLAKE2b and BLAKE2s from RFC 7693, with the full parameter block of the BLAKE2 paper (salt, personalization
// and the tree-hashing fields), for the native _blake2 module. Both variants are one template over the word type:
// they differ only in word size, round count and rotation distances. The IVs are SHA-512's and SHA-256's
// (RFC 7693 2.6), taken from hash_algorithms.cpp where they are computed.
#include <bit>
#include <cstring>

#include "stdlib/native/hash_algorithms.h"

namespace minipy::blake2 {

namespace {

// The message word schedule of RFC 7693 2.7: round i uses permutation kSigma[i % 10].
constexpr uint8_t kSigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4}, {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13}, {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11}, {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5}, {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
};

// What distinguishes the two variants (RFC 7693 2.1).
template <class Word>
struct Variant;
template <>
struct Variant<uint64_t> {
  static constexpr int kRounds = 12;
  static constexpr int kRotations[4] = {32, 24, 16, 63};
  static uint64_t iv(int i) { return digest::sha512_initial_values()[i]; }
};
template <>
struct Variant<uint32_t> {
  static constexpr int kRounds = 10;
  static constexpr int kRotations[4] = {16, 12, 8, 7};
  static uint32_t iv(int i) { return digest::sha256_initial_values()[i]; }
};

template <class Word>
Word load_le(const uint8_t* p) {
  Word w = 0;
  for (size_t i = 0; i < sizeof(Word); i++) w |= Word{p[i]} << (8 * i);
  return w;
}

// The mixing function G of RFC 7693 3.1 on state words a, b, c, d with message words x, y.
template <class Word>
void mix(Word v[16], int a, int b, int c, int d, Word x, Word y) {
  constexpr const int* r = Variant<Word>::kRotations;
  v[a] = v[a] + v[b] + x;
  v[d] = std::rotr(static_cast<Word>(v[d] ^ v[a]), r[0]);
  v[c] = v[c] + v[d];
  v[b] = std::rotr(static_cast<Word>(v[b] ^ v[c]), r[1]);
  v[a] = v[a] + v[b] + y;
  v[d] = std::rotr(static_cast<Word>(v[d] ^ v[a]), r[2]);
  v[c] = v[c] + v[d];
  v[b] = std::rotr(static_cast<Word>(v[b] ^ v[c]), r[3]);
}

// The compression function F of RFC 7693 3.2 on one block; `final` marks the last block (and, for the last node
// of a tree level, the second finalization word).
template <class Word>
void compress(State& s, const uint8_t* block, bool final) {
  Word m[16], v[16];
  for (int i = 0; i < 16; i++) m[i] = load_le<Word>(block + i * sizeof(Word));
  for (int i = 0; i < 8; i++) {
    v[i] = static_cast<Word>(s.h[i]);
    v[i + 8] = Variant<Word>::iv(i);
  }
  // The byte counter is 2w bits wide: BLAKE2b keeps it in two words, BLAKE2s in one 64-bit count.
  if constexpr (sizeof(Word) == 8) {
    v[12] ^= s.counter[0];
    v[13] ^= s.counter[1];
  } else {
    v[12] ^= static_cast<Word>(s.counter[0]);
    v[13] ^= static_cast<Word>(s.counter[0] >> 32);
  }
  if (final) {
    v[14] = ~v[14];
    if (s.last_node) v[15] = ~v[15];
  }
  for (int round = 0; round < Variant<Word>::kRounds; round++) {
    const uint8_t* sigma = kSigma[round % 10];
    mix(v, 0, 4, 8, 12, m[sigma[0]], m[sigma[1]]);
    mix(v, 1, 5, 9, 13, m[sigma[2]], m[sigma[3]]);
    mix(v, 2, 6, 10, 14, m[sigma[4]], m[sigma[5]]);
    mix(v, 3, 7, 11, 15, m[sigma[6]], m[sigma[7]]);
    mix(v, 0, 5, 10, 15, m[sigma[8]], m[sigma[9]]);
    mix(v, 1, 6, 11, 12, m[sigma[10]], m[sigma[11]]);
    mix(v, 2, 7, 8, 13, m[sigma[12]], m[sigma[13]]);
    mix(v, 3, 4, 9, 14, m[sigma[14]], m[sigma[15]]);
  }
  for (int i = 0; i < 8; i++) s.h[i] = static_cast<Word>(s.h[i] ^ v[i] ^ v[i + 8]);
}

size_t block_size(const State& s) { return s.wide ? 128 : 64; }

void add_to_counter(State& s, uint64_t bytes) {
  s.counter[0] += bytes;
  if (s.counter[0] < bytes) s.counter[1]++;
}

void compress_block(State& s, const uint8_t* block, bool final) {
  if (s.wide) compress<uint64_t>(s, block, final);
  else compress<uint32_t>(s, block, final);
}

}  // namespace

void start(State& state, bool wide, const Parameters& p) {
  std::memset(&state, 0, sizeof state);
  state.wide = wide;
  state.digest_size = p.digest_size;
  state.last_node = p.last_node;
  // The parameter block (RFC 7693 2.5; BLAKE2 paper 2.8): little-endian fields, salt and personalization in the
  // second half. BLAKE2s packs the node offset into 6 bytes and has no reserved bytes.
  size_t word = wide ? 8 : 4;
  uint8_t block[64] = {static_cast<uint8_t>(p.digest_size), static_cast<uint8_t>(p.key.size()), p.fanout, p.depth};
  for (int i = 0; i < 4; i++) block[4 + i] = static_cast<uint8_t>(p.leaf_size >> (8 * i));
  size_t offset_bytes = wide ? 8 : 6;
  for (size_t i = 0; i < offset_bytes; i++) block[8 + i] = static_cast<uint8_t>(p.node_offset >> (8 * i));
  block[8 + offset_bytes] = p.node_depth;
  block[9 + offset_bytes] = p.inner_size;
  // An empty salt or person may have no storage: memcpy's pointers must be valid even for zero bytes.
  if (!p.salt.empty()) std::memcpy(block + 4 * word, p.salt.data(), p.salt.size());
  if (!p.person.empty()) std::memcpy(block + 6 * word, p.person.data(), p.person.size());
  for (int i = 0; i < 8; i++) {
    if (wide) state.h[i] = digest::sha512_initial_values()[i] ^ load_le<uint64_t>(block + 8 * i);
    else state.h[i] = digest::sha256_initial_values()[i] ^ load_le<uint32_t>(block + 4 * i);
  }
  // A key is hashed as a first block of its own, zero-padded (RFC 7693 3.3).
  if (!p.key.empty()) {
    uint8_t key_block[128] = {};
    std::memcpy(key_block, p.key.data(), p.key.size());
    update(state, std::string_view(reinterpret_cast<const char*>(key_block), block_size(state)));
  }
}

void update(State& s, std::string_view data) {
  auto* p = reinterpret_cast<const uint8_t*>(data.data());
  size_t n = data.size();
  size_t size = block_size(s);
  // A full buffer is compressed only once more data arrives: the last block must carry the final flag.
  while (n > 0) {
    if (s.buffered == size) {
      add_to_counter(s, size);
      compress_block(s, s.buffer, false);
      s.buffered = 0;
    }
    if (s.buffered == 0 && n > size) {
      add_to_counter(s, size);
      compress_block(s, p, false);
      p += size;
      n -= size;
      continue;
    }
    size_t take = std::min(n, size - s.buffered);
    std::memcpy(s.buffer + s.buffered, p, take);
    s.buffered += take;
    p += take;
    n -= take;
  }
}

std::string finish(const State& original) {
  State s = original;
  add_to_counter(s, s.buffered);
  std::memset(s.buffer + s.buffered, 0, block_size(s) - s.buffered);
  compress_block(s, s.buffer, true);
  std::string out;
  size_t word = s.wide ? 8 : 4;
  for (size_t i = 0; i < s.digest_size; i++) out.push_back(static_cast<char>(s.h[i / word] >> (8 * (i % word))));
  return out;
}

}  // namespace minipy::blake2
