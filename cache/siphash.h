// SipHash-1-3, the keyed hash CPython 3.11 uses for str/bytes hashes (sys.hash_info.algorithm 'siphash13'),
// for hash-based pyc source hashes (PEP 552) and, in minipy, for the pyc integrity trailer. One core shared by
// the cache and the VM (the VM may include cache/, never the reverse).
#pragma once
#include <cstdint>
#include <span>

namespace minipy {

// SipHash-1-3 of `data` under the 128-bit key (k0, k1): one compression round per 8-byte little-endian word,
// three finalisation rounds. Equal to CPython's siphash13(k0, k1, data, len) for every input.
uint64_t siphash13(uint64_t k0, uint64_t k1, std::span<const uint8_t> data);

}  // namespace minipy
