// The str/bytes hash key and PYTHONHASHSEED, written from CPython 3.11's documented behaviour (the
// PYTHONHASHSEED entry of the command-line docs) and checked against python3.11: the same seed gives the same
// hash("a") and the same set order in both interpreters.
#include "vm/objects/hash_secret.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string_view>
#include <unistd.h>

#include "cache/siphash.h"

namespace minipy {
namespace {

// The key's two halves. Before init_hash_secret runs (unit tests that never start the command line) the key is
// all zeros, i.e. PYTHONHASHSEED=0's.
uint64_t key0 = 0;
uint64_t key1 = 0;
bool randomized = false;

// CPython derives a numbered seed's key bytes with the C library's classic linear congruential generator
// (multiplier 214013, increment 2531011, modulo 2**32), taking bits 16..23 of each state as one byte.
void key_bytes_from_seed(uint32_t seed, uint8_t* out, size_t size) {
  uint32_t state = seed;
  for (size_t i = 0; i < size; i++) {
    state = state * 214013u + 2531011u;
    out[i] = static_cast<uint8_t>((state >> 16) & 0xff);
  }
}

// Random key bytes from the OS; falls back to std::random_device if getentropy is unavailable.
void random_key_bytes(uint8_t* out, size_t size) {
  if (getentropy(out, size) == 0) return;
  std::random_device device;
  for (size_t i = 0; i < size; i++) out[i] = static_cast<uint8_t>(device());
}

// The key halves are the first 16 key bytes read as two native (little-endian) words, as CPython's union reads
// them.
uint64_t word_at(const uint8_t* bytes) {
  uint64_t w;
  std::memcpy(&w, bytes, 8);
  return w;
}

}  // namespace

bool parse_hash_seed(const char* text, std::optional<uint32_t>* seed) {
  *seed = std::nullopt;
  if (text == nullptr || *text == '\0' || std::string_view(text) == "random") return true;
  // strtoul, like CPython: leading blanks and a sign are accepted, trailing text is not, and "-1" wraps to
  // ULONG_MAX, which the range check then refuses.
  errno = 0;
  char* end = nullptr;
  unsigned long value = std::strtoul(text, &end, 10);
  if (*end != '\0' || value > 4294967295ul || (errno == ERANGE && value == ULONG_MAX)) return false;
  *seed = static_cast<uint32_t>(value);
  return true;
}

void init_hash_secret(std::optional<uint32_t> seed) {
  uint8_t bytes[16] = {};
  if (!seed) random_key_bytes(bytes, sizeof bytes);
  else if (*seed != 0) key_bytes_from_seed(*seed, bytes, sizeof bytes);
  key0 = word_at(bytes);
  key1 = word_at(bytes + 8);
  randomized = !seed || *seed != 0;
}

bool hash_randomization_enabled() { return randomized; }

int64_t hash_bytes(const void* data, size_t size) {
  if (size == 0) return 0;
  auto h = static_cast<int64_t>(siphash13(key0, key1, {static_cast<const uint8_t*>(data), size}));
  return h == -1 ? -2 : h;
}

}  // namespace minipy
