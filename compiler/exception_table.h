// The CPython 3.11 exception table (co_exceptiontable): the encoder the assembler uses and the decoder/lookup
// the VM uses to unwind.
//
// Format (CPython's Objects/exception_handling_notes.txt): one entry per range of code units that share a
// handler: start, length, target (all in code units) and depth << 1 | lasti. Each number is written most
// significant 6-bit chunk first, 0x40 marking "more chunks follow"; the first byte of an entry also has 0x80 set.
// Entries are sorted by start and do not overlap: the innermost handler already won in the assembler.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace minipy {

// One handler range: code units [start, end) unwind to `target` after popping the value stack to `depth`;
// `lasti` means the offset of the raising instruction is pushed before the exception.
struct ExceptionTableEntry {
  int start = 0, end = 0, target = 0, depth = 0;
  bool lasti = false;
  friend bool operator==(const ExceptionTableEntry&, const ExceptionTableEntry&) = default;
};

// Appends `entry` to the table bytes in `out` (entries must be added in increasing `start`).
void append_exception_table_entry(std::string& out, const ExceptionTableEntry& entry);

// Decodes a whole table; nullopt when the bytes are malformed (truncated entry, missing start marker).
std::optional<std::vector<ExceptionTableEntry>> parse_exception_table(std::string_view table);

// The handler covering code unit `unit` (byte offset / 2), if any; nullopt also for a malformed table.
std::optional<ExceptionTableEntry> find_exception_handler(std::string_view table, int unit);

}  // namespace minipy
