// The process's key for str and bytes hashes, as CPython 3.11's _Py_HashSecret: SipHash-1-3 keyed by 128 bits
// that PYTHONHASHSEED chooses (0: all zeros, no randomization; 1..4294967295: derived from the number, so runs
// repeat; unset/"random": from the OS's random source). The command line sets it once, before the interpreter
// makes its first string; nothing changes it afterwards (cached hashes would go stale).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>

namespace minipy {

// Parses a PYTHONHASHSEED value as CPython does (a C strtoul of the whole text, base 10, at most 4294967295).
// `text` null, empty or "random": `*seed` becomes nullopt (a random key). Returns false when the value is invalid
// (the caller prints CPython's fatal error).
[[nodiscard]] bool parse_hash_seed(const char* text, std::optional<uint32_t>* seed);

// Sets the process's key from `seed` (nullopt: random bytes from the OS).
void init_hash_secret(std::optional<uint32_t> seed);

// sys.flags.hash_randomization: 0 only under PYTHONHASHSEED=0.
bool hash_randomization_enabled();

// CPython's _Py_HashBytes: the keyed SipHash-1-3 of `size` bytes at `data`, 0 for no bytes, never -1 (the
// "not computed" mark) — str hashes it over the string's canonical 1/2/4-byte form, bytes over its contents.
int64_t hash_bytes(const void* data, size_t size);

}  // namespace minipy
