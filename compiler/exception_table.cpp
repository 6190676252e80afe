// co_exceptiontable, CPython 3.11's format (Objects/exception_handling_notes.txt): one entry per run of code units
// sharing a handler — start, length, target, and depth<<1|lasti — each a big-endian varint of 6-bit chunks. The
// writer must produce CPython's bytes exactly (pycs are compared byte for byte with python3.11's); the reader
// takes untrusted bytes (a pyc's table) and refuses anything malformed rather than guessing.
#include "compiler/exception_table.h"

namespace minipy {
namespace {

// Bit 6 says another chunk of the same item follows; bit 7 marks the first byte of an entry, which is what lets
// the interpreter binary-search or skip entries without decoding every item.
constexpr unsigned kContinue = 0x40;
constexpr unsigned kEntryStart = 0x80;

// Most significant chunk first (unlike the location table's varints), so a reader can find entry starts.
void write_item(std::string& out, unsigned value, unsigned start_marker) {
  int shift = 24;
  while (shift > 0 && value < (1u << shift)) shift -= 6;
  for (; shift > 0; shift -= 6) {
    out.push_back(static_cast<char>(((value >> shift) & 63u) | kContinue | start_marker));
    start_marker = 0;
  }
  out.push_back(static_cast<char>((value & 63u) | start_marker));
}

// Reads items with bounds checks; an item longer than 6 chunks (36 bits) cannot come from a valid table.
class ItemReader {
 public:
  explicit ItemReader(std::string_view bytes) : bytes_(bytes) {}
  bool at_end() const { return pos_ >= bytes_.size(); }
  bool at_entry_start() const { return !at_end() && (static_cast<unsigned char>(bytes_[pos_]) & kEntryStart); }
  std::optional<int> item() {
    unsigned value = 0;
    for (int chunks = 0; chunks < 6; chunks++) {
      if (at_end()) return std::nullopt;
      unsigned b = static_cast<unsigned char>(bytes_[pos_++]);
      value = (value << 6) | (b & 63u);
      if (!(b & kContinue)) return static_cast<int>(value);
    }
    return std::nullopt;
  }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

}  // namespace

void append_exception_table_entry(std::string& out, const ExceptionTableEntry& entry) {
  write_item(out, static_cast<unsigned>(entry.start), kEntryStart);
  write_item(out, static_cast<unsigned>(entry.end - entry.start), 0);
  write_item(out, static_cast<unsigned>(entry.target), 0);
  write_item(out, (static_cast<unsigned>(entry.depth) << 1) | (entry.lasti ? 1u : 0u), 0);
}

// Every entry must begin on a start-marked byte and have all four items: the verifier relies on this to refuse a
// damaged table before the interpreter ever looks a handler up in it. False when the entry at `in` is malformed.
static bool read_entry(ItemReader& in, ExceptionTableEntry* entry) {
  if (!in.at_entry_start()) return false;
  auto start = in.item();
  auto length = in.item();
  auto target = in.item();
  auto depth_lasti = in.item();
  if (!start || !length || !target || !depth_lasti) return false;
  *entry = ExceptionTableEntry{*start, *start + *length, *target, *depth_lasti >> 1, (*depth_lasti & 1) != 0};
  return true;
}

std::optional<std::vector<ExceptionTableEntry>> parse_exception_table(std::string_view table) {
  std::vector<ExceptionTableEntry> entries;
  ItemReader in(table);
  ExceptionTableEntry entry;
  while (!in.at_end()) {
    if (!read_entry(in, &entry)) return std::nullopt;
    entries.push_back(entry);
  }
  return entries;
}

// Called by the interpreter for every exception a frame sees: decodes entries in place (no vector, so no
// allocation per raise) and stops at the first one starting past `unit`, since entries are sorted by start.
std::optional<ExceptionTableEntry> find_exception_handler(std::string_view table, int unit) {
  ItemReader in(table);
  ExceptionTableEntry entry;
  while (!in.at_end()) {
    if (!read_entry(in, &entry)) return std::nullopt;
    if (entry.start > unit) break;
    if (unit < entry.end) return entry;
  }
  return std::nullopt;
}

}  // namespace minipy
