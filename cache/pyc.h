// .pyc files: the 16-byte PEP 552 header in front of a marshalled code object, and the decisions importlib
// makes about it. One function per decision, named after its counterpart in CPython 3.11's
// Lib/importlib/_bootstrap_external.py (_classify_pyc, _validate_timestamp_pyc, _validate_hash_pyc,
// _code_to_timestamp_pyc, _code_to_hash_pyc), with the same rejection messages, so every `-v` line minipy
// prints comes from exactly one of them. Cache paths live in cache_path.h and writing in atomic_write.h
// (both included here so this header is the cache's one entry point).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "cache/atomic_write.h"
#include "cache/cache_path.h"
#include "compiler/code_object.h"
#include "compiler/result.h"

namespace minipy {

// 3495 little-endian, then "\r\n" (a text-mode transfer would mangle it, so a damaged copy is caught).
inline constexpr std::array<uint8_t, 4> kPycMagic = {0xa7, 0x0d, 0x0d, 0x0a};
inline constexpr size_t kPycHeaderSize = 16;

// Header flag bits (bytes 4-7). Zero means a timestamp pyc.
enum PycFlag : uint32_t {
  kPycHashBased = 0b01,    // bytes 8-15 hold the source hash instead of mtime + size
  kPycCheckSource = 0b10,  // only with kPycHashBased: recompute the source hash before trusting the pyc
};

struct PycRejection {
  enum class Kind { BadMagic, TruncatedHeader, BadFlags, StaleMtime, StaleSize, HashMismatch };
  Kind kind;
  std::string reason;  // importlib's message, e.g. "bytecode is stale for 'spam'"
};

// The parsed header of a pyc that classify_pyc accepted.
struct PycHeader {
  uint32_t flags = 0;
  uint32_t source_mtime = 0;          // timestamp pycs: int(st_mtime) mod 2**32
  uint32_t source_size = 0;           // timestamp pycs: st_size mod 2**32
  std::array<uint8_t, 8> source_hash{};  // hash-based pycs

  bool hash_based() const { return (flags & kPycHashBased) != 0; }
  bool check_source() const { return (flags & kPycCheckSource) != 0; }
};
// A header, or why importlib would not read past it.
using PycClassification = Result<PycHeader, PycRejection>;
// Whether a classified pyc is fresh for its source: importlib's validate functions either pass or raise.
using PycVerdict = Result<Ok, PycRejection>;

// Checks the magic number, the header length and the flags of pyc bytes `data`, in importlib's order, and
// parses the rest of the header; `name` (the module name) appears in the messages.
PycClassification classify_pyc(std::span<const uint8_t> data, std::string_view name);

// For a timestamp pyc `data` (already classified): the recorded mtime and size must equal the source's
// (`source_mtime` is int(st_mtime), compared modulo 2**32; a missing `source_size` is not checked).
PycVerdict validate_timestamp_pyc(std::span<const uint8_t> data, int64_t source_mtime,
                                  std::optional<uint64_t> source_size, std::string_view name);

// For a hash-based pyc `data` (already classified): the recorded hash must equal `source_hash`.
PycVerdict validate_hash_pyc(std::span<const uint8_t> data, const std::array<uint8_t, 8>& source_hash,
                             std::string_view name);

// The marshalled code after the header (empty if `data` is shorter than a header).
std::span<const uint8_t> pyc_body(std::span<const uint8_t> data);

// minipy's integrity trailer, appended to every pyc minipy writes: a tag and a keyed SipHash-1-3 of the header
// and the body. CPython's marshal.loads ignores bytes after the code object, so python3.11 runs these files
// as they are; minipy recompiles one whose trailer does not match (a byte flipped inside a constant leaves the
// body well formed, and only a checksum can tell). CPython-written pycs have no trailer and keep the structural
// checks alone.
inline constexpr std::array<uint8_t, 4> kPycTrailerTag = {'m', 'p', 'y', 'T'};
inline constexpr size_t kPycTrailerSize = 12;  // tag + 8-byte hash
std::string pyc_integrity_trailer(std::string_view header_and_body);

struct PycTrailerCheck {
  enum class State { Absent, Valid, Mismatch } state = State::Absent;
  std::span<const uint8_t> body;  // the marshalled code: between the header and the trailer (if any)
};
// Looks for the trailer at the end of pyc bytes `data` and checks it.
PycTrailerCheck check_pyc_trailer(std::span<const uint8_t> data);

// A complete timestamp pyc (with minipy's trailer) for `code` whose source had modification time `source_mtime` and size
// `source_size` (both stored modulo 2**32).
std::string code_to_timestamp_pyc(const CodeObject& code, int64_t source_mtime, uint64_t source_size);
// A complete hash-based pyc (with minipy's trailer) for `code` with the source's hash `source_hash`; `checked` sets kPycCheckSource.
std::string code_to_hash_pyc(const CodeObject& code, const std::array<uint8_t, 8>& source_hash, bool checked);

// The header alone, for callers that already hold the marshalled body.
std::string timestamp_pyc_header(int64_t source_mtime, uint64_t source_size);
std::string hash_pyc_header(const std::array<uint8_t, 8>& source_hash, bool checked);

// Python's repr() of a str / bytes value, as the messages above quote names and magic numbers.
std::string python_str_repr(std::string_view utf8);
std::string python_bytes_repr(std::string_view data);

}  // namespace minipy
