// The format language of `_struct` (also the machine formats `array` reuses): parsing a format into items with
// their offsets, and packing/unpacking one item in a byte order. Conversion failures raise struct.error (or
// OverflowError for floats too large for 'e'/'f') with CPython 3.11's messages.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vm/runtime.h"

namespace minipy::struct_codes {

// '@': native order, sizes and alignment; '=' and '<': little-endian standard sizes; '>' and '!': big-endian.
enum class Mode : uint8_t { kNative, kLittle, kBig };

// One format code with its repeat count: `count` values of `size` bytes from `offset` ('s'/'p': one value of
// `count` bytes; 'x': `count` pad bytes).
struct FormatItem {
  uint64_t offset;
  uint64_t count;
  uint8_t size;
  char code;
};

struct ParsedFormat {
  Mode mode = Mode::kNative;
  std::vector<FormatItem> items;
  uint64_t size = 0;    // total bytes
  uint64_t nitems = 0;  // values packed or unpacked
};

// Parses `format`; false with CPython's struct.error message in *error ("bad char in struct format", ...).
bool parse_format(std::string_view format, ParsedFormat* out, std::string* error);

// Packs `v` as one value of `item` (not 's', 'p', 'x') at `out` (item.size bytes).
[[nodiscard]] bool pack_item(ThreadState& ts, Mode mode, const FormatItem& item, Value v, uint8_t* out);
// Packs bytes `v` into an 's' or 'p' item of item.count bytes.
[[nodiscard]] bool pack_string(ThreadState& ts, const FormatItem& item, Value v, uint8_t* out);
Value unpack_item(ThreadState& ts, Mode mode, const FormatItem& item, const uint8_t* p);
Value unpack_string(ThreadState& ts, const FormatItem& item, const uint8_t* p);

// Raises struct.error (defined by the _struct module, struct.cpp).
Value raise_struct_error(ThreadState& ts, std::string_view message);

// IEEE half precision (the 'e' code): pack with round-half-even, false when too large ("float too large to
// pack with e format"); unpack exactly.
bool double_to_half(double x, uint16_t* out);
double half_to_double(uint16_t bits);

}  // namespace minipy::struct_codes
