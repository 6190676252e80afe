// co_linetable, CPython 3.11's location table (Objects/locations.md): per run of up to 8 code units, one entry
// giving line, end line and columns in the most compact of five forms. The writer picks forms by CPython's rules
// so the bytes equal python3.11's; the reader decodes tables from pycs for tracebacks, f_lineno and
// co_positions(), and treats malformed bytes as "no location" rather than failing the program that asked.
#include "compiler/linetable.h"

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

// Three bits of unit count: a longer instruction (EXTENDED_ARGs and CACHEs) is split into several entries.
constexpr int kMaxUnitsPerEntry = 8;

}  // namespace

// An entry is at most 1 + 4 varints of 6 bits per byte (32-bit values): built in `entry_` and appended once,
// because std::string's push_back is an out-of-line call per byte.
void LineTableWriter::put(char byte) { entry_[entry_size_++] = byte; }

void LineTableWriter::first_byte(int code, int code_units) {
  entry_size_ = 0;
  put(static_cast<char>(0x80 | (code << 3) | (code_units - 1)));
}

void LineTableWriter::varint(unsigned value) {
  while (value >= 64) {
    put(static_cast<char>(0x40 | (value & 63)));
    value >>= 6;
  }
  put(static_cast<char>(value));
}

void LineTableWriter::signed_varint(int value) {
  // Zigzag-like: magnitude shifted left, sign in the low bit.
  unsigned folded = value < 0 ? ((static_cast<unsigned>(-value) << 1) | 1u) : (static_cast<unsigned>(value) << 1);
  varint(folded);
}

void LineTableWriter::add(const SourcePosition& loc, int code_units) {
  while (code_units > kMaxUnitsPerEntry) {
    add_entry(loc, kMaxUnitsPerEntry);
    out_.append(entry_, entry_size_);
    code_units -= kMaxUnitsPerEntry;
  }
  add_entry(loc, code_units);
  out_.append(entry_, entry_size_);
}

// Picks the most compact form exactly as CPython 3.11's write_location_info_entry does, so that the bytes match.
void LineTableWriter::add_entry(const SourcePosition& loc, int units) {
  if (loc.lineno < 0) {
    first_byte(kNoLocation, units);
    return;
  }
  int line_delta = loc.lineno - line_;
  int col = loc.col_offset, end_col = loc.end_col_offset;
  if (col < 0 || end_col < 0) {
    if (loc.end_lineno == loc.lineno || loc.end_lineno == -1) {
      first_byte(kNoColumns, units);
      signed_varint(line_delta);
      line_ = loc.lineno;
      return;
    }
  } else if (loc.end_lineno == loc.lineno) {
    if (line_delta == 0 && col < 80 && end_col - col < 16 && end_col >= col) {
      first_byte(kShortForm0 + (col >> 3), units);
      put(static_cast<char>(((col & 7) << 4) | (end_col - col)));
      return;
    }
    if (line_delta >= 0 && line_delta < 3 && col < 128 && end_col < 128) {
      first_byte(kOneLine0 + line_delta, units);
      put(static_cast<char>(col));
      put(static_cast<char>(end_col));
      line_ = loc.lineno;
      return;
    }
  }
  first_byte(kLongForm, units);
  signed_varint(line_delta);
  varint(static_cast<unsigned>(loc.end_lineno - loc.lineno));
  varint(static_cast<unsigned>(col + 1));
  varint(static_cast<unsigned>(end_col + 1));
  line_ = loc.lineno;
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
