// The pyc decisions of pyc.h: reading and checking the 16-byte header, and building the header for a new cache file.
// Everything here works on bytes and returns values with reasons; the VM and the tools print them.
#include "cache/pyc.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "cache/marshal.h"
#include "cache/source_hash.h"
#include "compiler/constant.h"

namespace minipy {
namespace {

// Header words are little-endian whatever the host (importlib's _unpack_uint32 / _pack_uint32), so a pyc
// written on one machine is read the same on any other.
uint32_t load_u32(std::span<const uint8_t> data, size_t offset) {
  uint32_t v = 0;
  for (int i = 0; i < 4; i++) v |= static_cast<uint32_t>(data[offset + i]) << (8 * i);
  return v;
}

void append_u32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; i++) out.push_back(static_cast<char>(v >> (8 * i)));
}

std::string header_with_flags(uint32_t flags) {
  std::string out(reinterpret_cast<const char*>(kPycMagic.data()), kPycMagic.size());
  append_u32(out, flags);
  return out;
}

}  // namespace

// The messages quote names as Python's repr() would (importlib formats them with !r): the compiler's constant
// repr (Const::repr) already writes exactly that.
std::string python_str_repr(std::string_view utf8) { return Const::str(std::string(utf8))->repr(); }
std::string python_bytes_repr(std::string_view data) { return Const::bytes(std::string(data))->repr(); }

PycClassification classify_pyc(std::span<const uint8_t> data, std::string_view name) {
  using Kind = PycRejection::Kind;
  PycHeader result;
  // The magic comes first, as in _classify_pyc: a pyc of another Python version is told apart before any other
  // field is trusted, and the message names the bytes that were found.
  std::span<const uint8_t> magic = data.first(std::min(data.size(), kPycMagic.size()));
  if (!std::equal(magic.begin(), magic.end(), kPycMagic.begin(), kPycMagic.end())) {
    std::string_view magic_text(reinterpret_cast<const char*>(magic.data()), magic.size());
    return PycRejection{Kind::BadMagic,
                        fmt::format("bad magic number in {}: {}", python_str_repr(name), python_bytes_repr(magic_text))};
  }
  if (data.size() < kPycHeaderSize) {
    return PycRejection{Kind::TruncatedHeader,
                        fmt::format("reached EOF while reading pyc header of {}", python_str_repr(name))};
  }
  uint32_t flags = load_u32(data, 4);
  // Unknown flag bits mean a format this reader does not know: refused rather than guessed at.
  if (flags & ~uint32_t{kPycHashBased | kPycCheckSource}) {
    return PycRejection{Kind::BadFlags, fmt::format("invalid flags {} in {}", flags, python_str_repr(name))};
  }
  result.flags = flags;
  result.source_mtime = load_u32(data, 8);
  result.source_size = load_u32(data, 12);
  // Bytes 8-15 are either mtime + size or the source hash; both readings are kept and the flags say which
  // one the caller validates.
  std::copy_n(data.begin() + 8, 8, result.source_hash.begin());
  return result;
}

PycVerdict validate_timestamp_pyc(std::span<const uint8_t> data, int64_t source_mtime,
                                  std::optional<uint64_t> source_size, std::string_view name) {
  using Kind = PycRejection::Kind;
  if (data.size() < kPycHeaderSize)
    return PycRejection{Kind::TruncatedHeader,
                        fmt::format("reached EOF while reading pyc header of {}", python_str_repr(name))};
  // Both fields are compared as importlib stores them, truncated to 32 bits: the check is equality, not
  // "newer than", so a source moved back in time (a checkout of an older revision) is recompiled too.
  std::string stale = fmt::format("bytecode is stale for {}", python_str_repr(name));
  if (load_u32(data, 8) != static_cast<uint32_t>(source_mtime)) return PycRejection{Kind::StaleMtime, stale};
  if (source_size && load_u32(data, 12) != static_cast<uint32_t>(*source_size))
    return PycRejection{Kind::StaleSize, stale};
  return Ok{};
}

PycVerdict validate_hash_pyc(std::span<const uint8_t> data, const std::array<uint8_t, 8>& source_hash,
                             std::string_view name) {
  // A short file cannot hold the hash it claims: reported as a mismatch, so the caller recompiles.
  if (data.size() < kPycHeaderSize || std::memcmp(data.data() + 8, source_hash.data(), 8) != 0)
    return PycRejection{PycRejection::Kind::HashMismatch,
                        fmt::format("hash in bytecode doesn't match hash of source {}", python_str_repr(name))};
  return Ok{};
}

std::span<const uint8_t> pyc_body(std::span<const uint8_t> data) {
  return data.size() < kPycHeaderSize ? std::span<const uint8_t>() : data.subspan(kPycHeaderSize);
}

std::string timestamp_pyc_header(int64_t source_mtime, uint64_t source_size) {
  std::string out = header_with_flags(0);  // no flag bits: validated by mtime and size
  append_u32(out, static_cast<uint32_t>(source_mtime));
  append_u32(out, static_cast<uint32_t>(source_size));
  return out;
}

std::string hash_pyc_header(const std::array<uint8_t, 8>& source_hash, bool checked) {
  std::string out = header_with_flags(uint32_t{kPycHashBased} | (checked ? uint32_t{kPycCheckSource} : 0u));
  out.append(reinterpret_cast<const char*>(source_hash.data()), source_hash.size());
  return out;
}

namespace {

// The trailer's hash key: the magic number (as the source hash uses) with "minipy" as the second half, so a
// trailer never equals a source hash of the same bytes.
constexpr uint64_t kTrailerKey1 = 0x797069706e696dULL;

std::array<uint8_t, 8> trailer_hash(std::span<const uint8_t> bytes) {
  uint64_t h = siphash13(kRawMagicNumber, kTrailerKey1, bytes);
  std::array<uint8_t, 8> out{};
  for (int i = 0; i < 8; i++) out[static_cast<size_t>(i)] = static_cast<uint8_t>(h >> (8 * i));
  return out;
}

// The trailer covers the header too: a changed mtime or flag word is as much a damaged file as a changed body.
std::string with_trailer(std::string pyc) {
  pyc += pyc_integrity_trailer(pyc);
  return pyc;
}

}  // namespace

std::string pyc_integrity_trailer(std::string_view header_and_body) {
  auto hash = trailer_hash({reinterpret_cast<const uint8_t*>(header_and_body.data()), header_and_body.size()});
  std::string out(reinterpret_cast<const char*>(kPycTrailerTag.data()), kPycTrailerTag.size());
  out.append(reinterpret_cast<const char*>(hash.data()), hash.size());
  return out;
}

PycTrailerCheck check_pyc_trailer(std::span<const uint8_t> data) {
  PycTrailerCheck check;
  // Without the tag the file is CPython's (or from a minipy before trailers): Absent, the whole rest is the body,
  // and only the structural checks (unmarshal, the verifier) stand between it and the VM.
  check.body = pyc_body(data);
  if (data.size() < kPycHeaderSize + kPycTrailerSize) return check;
  size_t at = data.size() - kPycTrailerSize;
  if (std::memcmp(data.data() + at, kPycTrailerTag.data(), kPycTrailerTag.size()) != 0) return check;
  // A tag whose hash does not match is not "no trailer": the file was changed after minipy wrote it, and the
  // caller refuses it (recompiling when there is a source) instead of reading it as a CPython pyc.
  auto hash = trailer_hash(data.first(at));
  check.state = std::memcmp(data.data() + at + kPycTrailerTag.size(), hash.data(), hash.size()) == 0
                    ? PycTrailerCheck::State::Valid
                    : PycTrailerCheck::State::Mismatch;
  check.body = data.subspan(kPycHeaderSize, at - kPycHeaderSize);
  return check;
}

std::string code_to_timestamp_pyc(const CodeObject& code, int64_t source_mtime, uint64_t source_size) {
  return with_trailer(timestamp_pyc_header(source_mtime, source_size) + marshal_code(code));
}

std::string code_to_hash_pyc(const CodeObject& code, const std::array<uint8_t, 8>& source_hash, bool checked) {
  return with_trailer(hash_pyc_header(source_hash, checked) + marshal_code(code));
}

}  // namespace minipy
