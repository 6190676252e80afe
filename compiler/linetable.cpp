// co_linetable, CPython 3.11's location table (Objects/locations.md): per run of up to 8 code units, one entry
// giving line, end line and columns in the most compact of five forms. The writer picks forms by CPython's rules
// so the bytes equal python3.11's; the reader decodes tables from pycs for tracebacks, f_lineno and
// co_positions(), and treats malformed bytes as "no location" rather than failing the program that asked.
#include "compiler/linetable.h"

#include <algorithm>
#include <climits>

namespace minipy {
namespace {

// The entry codes (bits 3-6 of an entry's first byte); bits 0-2 hold the number of code units minus one.
enum LocationCode : int {
  kShortForm0 = 0,   // .. 9: same line, column group in the code
  kOneLine0 = 10,    // .. 12: line delta 0..2 in the code
  kNoColumns = 13,
  kLongForm = 14,
  kNoLocation = 15,
};

}  // namespace

void LineTableWriter::grow(size_t at_least) {
  buffer_.resize(std::max(buffer_.size() * 2, std::max<size_t>(size_ + at_least, 256)));
}

namespace {

char* varint(char* out, unsigned value) {
  while (value >= 64) {
    *out++ = static_cast<char>(0x40 | (value & 63));
    value >>= 6;
  }
  *out++ = static_cast<char>(value);
  return out;
}

// Zigzag-like: magnitude shifted left, sign in the low bit.
char* signed_varint(char* out, int value) {
  unsigned folded = value < 0 ? ((static_cast<unsigned>(-value) << 1) | 1u) : (static_cast<unsigned>(value) << 1);
  return varint(out, folded);
}

char first_byte(int code, int code_units) { return static_cast<char>(0x80 | (code << 3) | (code_units - 1)); }

}  // namespace

// Picks the most compact form exactly as CPython 3.11's write_location_info_entry does, so that the bytes match.
// Writes the entry at `out` and returns the position after it.
char* LineTableWriter::add_entry(char* out, const SourcePosition& loc, int units) {
  if (loc.lineno < 0) {
    *out++ = first_byte(kNoLocation, units);
    return out;
  }
  int line_delta = loc.lineno - line_;
  int col = loc.col_offset, end_col = loc.end_col_offset;
  if (col < 0 || end_col < 0) {
    if (loc.end_lineno == loc.lineno || loc.end_lineno == -1) {
      *out++ = first_byte(kNoColumns, units);
      line_ = loc.lineno;
      return signed_varint(out, line_delta);
    }
  } else if (loc.end_lineno == loc.lineno) {
    if (line_delta == 0 && col < 80 && end_col - col < 16 && end_col >= col) {
      *out++ = first_byte(kShortForm0 + (col >> 3), units);
      *out++ = static_cast<char>(((col & 7) << 4) | (end_col - col));
      return out;
    }
    if (line_delta >= 0 && line_delta < 3 && col < 128 && end_col < 128) {
      *out++ = first_byte(kOneLine0 + line_delta, units);
      *out++ = static_cast<char>(col);
      *out++ = static_cast<char>(end_col);
      line_ = loc.lineno;
      return out;
    }
  }
  *out++ = first_byte(kLongForm, units);
  out = signed_varint(out, line_delta);
  out = varint(out, static_cast<unsigned>(loc.end_lineno - loc.lineno));
  out = varint(out, static_cast<unsigned>(col + 1));
  out = varint(out, static_cast<unsigned>(end_col + 1));
  line_ = loc.lineno;
  return out;
}

namespace {

// Bounds-checked reader over untrusted table bytes.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool at_end() const { return pos_ >= bytes_.size(); }
  std::optional<unsigned> byte() {
    if (at_end()) return std::nullopt;
    return static_cast<unsigned char>(bytes_[pos_++]);
  }
  std::optional<unsigned> varint() {
    unsigned value = 0;
    for (int shift = 0; shift < 32; shift += 6) {
      auto b = byte();
      if (!b) return std::nullopt;
      value |= (*b & 63u) << shift;
      if (!(*b & 64u)) return value;
    }
    return std::nullopt;  // absurdly long: malformed
  }
  std::optional<int> signed_varint() {
    auto v = varint();
    if (!v) return std::nullopt;
    int magnitude = static_cast<int>(*v >> 1);
    return (*v & 1u) ? -magnitude : magnitude;
  }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

}  // namespace

// Moves `line` by `delta`; false when that leaves int's range, which only a crafted table does (the fuzzers'
// verify target found one: the table is then malformed, not a signed overflow).
namespace {
bool move_line(int* line, int64_t delta) {
  int64_t moved = int64_t{*line} + delta;
  if (moved < INT_MIN || moved > INT_MAX) return false;
  *line = static_cast<int>(moved);
  return true;
}

// The inverse of the writer: each form's fields, with the running line carried from entry to entry (the short
// forms keep it, the others move it by their delta). `visit(range)` sees each entry in order and returns false to
// stop early. The walk allocates nothing, so faulthandler can call it from a signal handler. Returns false when
// the bytes are malformed.
template <class Visit>
bool walk_location_table(std::string_view table, int firstlineno, Visit&& visit) {
  Reader in(table);
  int line = firstlineno;
  int unit = 0;
  while (!in.at_end()) {
    unsigned first = *in.byte();
    if (!(first & 0x80)) return false;
    int code = static_cast<int>((first >> 3) & 15);
    int units = static_cast<int>(first & 7) + 1;
    SourcePosition pos;
    if (code == kNoLocation) {
      // no location; the running line is unchanged
    } else if (code == kNoColumns) {
      auto delta = in.signed_varint();
      if (!delta || !move_line(&line, *delta)) return false;
      pos.lineno = pos.end_lineno = line;
    } else if (code == kLongForm) {
      auto delta = in.signed_varint();
      auto end_delta = in.varint();
      auto col = in.varint();
      auto end_col = in.varint();
      if (!delta || !end_delta || !col || !end_col || !move_line(&line, *delta)) return false;
      pos.lineno = pos.end_lineno = line;
      if (!move_line(&pos.end_lineno, *end_delta)) return false;
      pos.col_offset = static_cast<int>(*col) - 1;
      pos.end_col_offset = static_cast<int>(*end_col) - 1;
    } else if (code >= kOneLine0) {
      auto col = in.byte();
      auto end_col = in.byte();
      if (!col || !end_col || !move_line(&line, code - kOneLine0)) return false;
      pos.lineno = pos.end_lineno = line;
      pos.col_offset = static_cast<int>(*col);
      pos.end_col_offset = static_cast<int>(*end_col);
    } else {
      auto second = in.byte();
      if (!second) return false;
      pos.lineno = pos.end_lineno = line;
      pos.col_offset = code * 8 + static_cast<int>((*second >> 4) & 7);
      pos.end_col_offset = pos.col_offset + static_cast<int>(*second & 15);
    }
    if (!visit(LocationRange{unit, unit + units, pos})) return true;
    unit += units;
  }
  return true;
}

}  // namespace

std::optional<std::vector<LocationRange>> decode_location_table(std::string_view table, int firstlineno) {
  std::vector<LocationRange> ranges;
  if (!walk_location_table(table, firstlineno, [&](const LocationRange& r) {
        ranges.push_back(r);
        return true;
      }))
    return std::nullopt;
  return ranges;
}

int line_at(std::string_view table, int firstlineno, int unit) {
  int line = -1;
  bool well_formed = walk_location_table(table, firstlineno, [&](const LocationRange& r) {
    if (unit < r.start || unit >= r.end) return true;
    line = r.pos.lineno;
    return false;
  });
  return well_formed ? line : -1;
}

// A decode of the whole table per question: it is asked when a traceback or a frame's f_lineno needs a line,
// not per instruction executed.
SourcePosition location_at(std::string_view table, int firstlineno, int unit) {
  auto ranges = decode_location_table(table, firstlineno);
  if (!ranges) return {};
  for (const auto& r : *ranges) {
    if (unit >= r.start && unit < r.end) return r.pos;
  }
  return {};
}

}  // namespace minipy
