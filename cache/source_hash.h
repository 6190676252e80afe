// The source hash stored in hash-based .pyc files (PEP 552): exactly what python3.11's
// `importlib.util.source_hash(data)` (that is, `_imp.source_hash(_RAW_MAGIC_NUMBER, data)`) returns.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "cache/siphash.h"

namespace minipy {

// The 3.11 magic number's four bytes read as a little-endian u32 (3495 | '\r\n' << 16).
inline constexpr uint64_t kRawMagicNumber = 168627623;

// The 8 header bytes of a hash-based pyc for source `source`: SipHash-1-3 keyed with (kRawMagicNumber, 0),
// little-endian.
std::array<uint8_t, 8> source_hash(std::span<const uint8_t> source);
std::array<uint8_t, 8> source_hash(std::string_view source);

}  // namespace minipy
