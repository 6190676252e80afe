// The CPython 3.11 location table (co_linetable): the encoder the assembler uses and the decoder the VM uses to
// turn an instruction's code-unit index into (line, end line, column, end column) for tracebacks.
//
// Format (CPython's Objects/locations.md): a sequence of entries, each covering 1..8 code units. First byte:
// 0x80 | code << 3 | (units - 1). Codes 0..9 "short" (same line, one byte of columns), 10..12 "one line" (line
// delta code - 10, start and end column bytes), 13 "no columns" (signed line delta), 14 "long" (signed line delta,
// end-line delta, column + 1, end column + 1), 15 "no location". Line deltas are relative to the line of the
// previous entry that had one, starting from co_firstlineno.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/instr.h"

namespace minipy {

// Builds co_linetable one instruction at a time, in code order. The bytes go into a buffer that grows in large
// steps and is kept by reset() for the next code object, so the assembler writes each table without a call per
// entry (the table is copied out once, at its exact size).
class LineTableWriter {
 public:
  // `firstlineno` is co_firstlineno: the line the first delta is relative to.
  explicit LineTableWriter(int firstlineno) : line_(firstlineno) {}

  // Starts a new table relative to `firstlineno`, keeping the buffer.
  void reset(int firstlineno) {
    line_ = firstlineno;
    size_ = 0;
  }

  // Records that the next `code_units` code units (an instruction with its EXTENDED_ARGs and CACHEs) carry
  // location `loc` (lineno < 0: no location).
  void add(const SourcePosition& loc, int code_units) {
    // An entry is at most a first byte and four 32-bit varints of six bits a byte.
    constexpr size_t kMaxEntryBytes = 1 + 4 * 6;
    size_t entries = static_cast<size_t>(code_units + 7) / 8;
    if (size_ + entries * kMaxEntryBytes > buffer_.size()) grow(entries * kMaxEntryBytes);
    char* out = buffer_.data() + size_;
    // The short form (same line as the previous entry, columns 0..79, width under 16) is most instructions'
    // entry: written here, the rules in add_entry pick it under exactly these conditions.
    int col = loc.col_offset, end_col = loc.end_col_offset;
    if (code_units <= kMaxUnitsPerEntry && loc.lineno >= 0 && loc.lineno == line_ && loc.end_lineno == loc.lineno &&
        col >= 0 && col < 80 && end_col >= col && end_col - col < 16) {
      out[0] = static_cast<char>(0x80 | ((col >> 3) << 3) | (code_units - 1));
      out[1] = static_cast<char>(((col & 7) << 4) | (end_col - col));
      size_ += 2;
      return;
    }
    while (code_units > kMaxUnitsPerEntry) {
      out = add_entry(out, loc, kMaxUnitsPerEntry);
      code_units -= kMaxUnitsPerEntry;
    }
    out = add_entry(out, loc, code_units);
    size_ = static_cast<size_t>(out - buffer_.data());
  }

  std::string_view table() const { return {buffer_.data(), size_}; }

 private:
  // Three bits of unit count: a longer instruction (EXTENDED_ARGs and CACHEs) is split into several entries.
  static constexpr int kMaxUnitsPerEntry = 8;
  char* add_entry(char* out, const SourcePosition& loc, int code_units);
  void grow(size_t at_least);

  std::string buffer_;  // bytes [0, size_) are the table so far
  size_t size_ = 0;
  int line_;
};

// One decoded entry: code units [start, end) share `pos` (pos.lineno < 0: no location; a column of -1: none).
struct LocationRange {
  int start = 0, end = 0;
  SourcePosition pos;
};

// Decodes a whole table (`firstlineno` = co_firstlineno). Returns nullopt when the bytes are malformed
// (truncated entry, continuation byte where an entry should start).
std::optional<std::vector<LocationRange>> decode_location_table(std::string_view table, int firstlineno);

// The location of the instruction at code-unit index `unit` (byte offset / 2); a position with lineno -1 when the
// table has none for it or is malformed.
SourcePosition location_at(std::string_view table, int firstlineno, int unit);

// Just the line of that instruction (-1 when it has none or the table is malformed), found without allocating:
// faulthandler asks it inside signal handlers.
int line_at(std::string_view table, int firstlineno, int unit);

}  // namespace minipy
