// Batch oracle for the text engine's tests: each test queues (python3.11 expression, our encoded answer) rows,
// then one python3.11 run evaluates every expression and the answers are compared row by row. Values travel in
// a neutral encoding (strs as UTF-8 hex) so that no row depends on minipy's own repr being right.
#pragma once
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstring>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

#include "compiler/bigint.h"
#include "vm/text/text_error.h"

namespace text_oracle {

inline std::string hex_of(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : s) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

// A Python expression evaluating to the str whose UTF-8 bytes (surrogates allowed) are `s`.
inline std::string py(std::string_view s) { return "S('" + hex_of(s) + "')"; }

inline std::string enc(std::string_view s) { return "s:" + hex_of(s); }
inline std::string enc(const std::string& s) { return enc(std::string_view(s)); }
inline std::string enc(const char* s) { return enc(std::string_view(s)); }
inline std::string enc(bool b) { return b ? "b:1" : "b:0"; }
inline std::string enc(int64_t i) { return "i:" + std::to_string(i); }
inline std::string enc(int i) { return enc(static_cast<int64_t>(i)); }
template <class T>
std::string enc(const std::vector<T>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + enc(items[i]);
  return out + "]";
}
template <class T, size_t N>
std::string enc(const std::array<T, N>& items) {
  return enc(std::vector<T>(items.begin(), items.end()));
}
// Doubles travel as their little-endian IEEE bytes, so -0.0 and nan compare exactly.
inline std::string enc(double d) {
  unsigned char bytes[8];
  std::memcpy(bytes, &d, 8);
  return "f:" + hex_of(std::string_view(reinterpret_cast<const char*>(bytes), 8));
}
inline std::string enc(const minipy::BigInt& i) { return "i:" + i.to_string(); }
// A Python expression for exactly the double `d`.
inline std::string py_float(double d) {
  unsigned char bytes[8];
  std::memcpy(bytes, &d, 8);
  return "struct.unpack('<d', bytes.fromhex('" + hex_of(std::string_view(reinterpret_cast<const char*>(bytes), 8)) +
         "'))[0]";
}
inline std::string enc(const minipy::text::TextError& e) { return "E:" + e.kind + ":" + e.message; }
template <class T>
std::string enc(const minipy::text::TextResult<T>& r) {
  return r.ok() ? enc(r.value()) : enc(r.error());
}

inline constexpr const char* kPrelude = R"PY(
import struct, sys
def S(h): return bytes.fromhex(h).decode('utf-8', 'surrogatepass')
def enc(v):
    if isinstance(v, bool): return 'b:1' if v else 'b:0'
    if isinstance(v, int): return 'i:%d' % v
    if isinstance(v, float): return 'f:' + struct.pack('<d', v).hex()
    if isinstance(v, str): return 's:' + v.encode('utf-8', 'surrogatepass').hex()
    if isinstance(v, (list, tuple)): return '[' + ','.join(enc(x) for x in v) + ']'
    return 'x:' + repr(v)
def row(f):
    try: r = enc(f())
    except Exception as e: r = 'E:%s:%s' % (type(e).__name__, e)
    sys.stdout.write(r.replace('\\', '\\\\').replace('\n', '\\n') + '\n')
)PY";

class Oracle {
 public:
  // Queues one row: `python_expr` is evaluated by python3.11; `ours` is our answer, already encoded.
  void add(std::string python_expr, std::string ours) {
    exprs_.push_back(std::move(python_expr));
    ours_.push_back(std::move(ours));
  }
  // Runs python3.11 once over every queued row and CHECKs each answer; returns false when python is missing.
  bool check() {
    std::string python = MINIPY_PYTHON311;
    if (python.empty() || !std::filesystem::exists(python)) {
      MESSAGE("SKIPPED: python3.11 not found");
      return false;
    }
    auto dir = std::filesystem::temp_directory_path();
    std::string stem = (dir / ("minipy_text_oracle_" + std::to_string(::getpid()))).string();
    {
      std::ofstream script(stem + ".py");
      script << kPrelude;
      for (auto& e : exprs_) script << "row(lambda: (" << e << "))\n";
    }
    std::string command = "'" + python + "' -I -X utf8 '" + stem + ".py' > '" + stem + ".out' 2>&1";
    int status = std::system(command.c_str());
    std::vector<std::string> theirs;
    {
      std::ifstream in(stem + ".out");
      for (std::string line; std::getline(in, line);) theirs.push_back(unescape(line));
    }
    std::filesystem::remove(stem + ".py");
    std::filesystem::remove(stem + ".out");
    REQUIRE_MESSAGE(status == 0, "python3.11 failed on the oracle script");
    REQUIRE(theirs.size() == ours_.size());
    for (size_t i = 0; i < ours_.size(); ++i) {
      INFO("row ", i, ": ", exprs_[i]);
      CHECK(ours_[i] == theirs[i]);
    }
    MESSAGE(ours_.size(), " rows compared with python3.11");
    return true;
  }

 private:
  static std::string unescape(const std::string& line) {
    std::string out;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\' && i + 1 < line.size()) {
        ++i;
        out.push_back(line[i] == 'n' ? '\n' : line[i]);
      } else {
        out.push_back(line[i]);
      }
    }
    return out;
  }
  std::vector<std::string> exprs_, ours_;
};

// A tiny deterministic generator for the randomized tables: a fixed seed gives the same rows every run.
struct Xorshift {
  uint64_t state;
  uint64_t operator()() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
};

// A Python call argument list fragment for optional start/end indexes.
inline std::string py_opt(std::optional<int64_t> v) { return v ? std::to_string(*v) : "None"; }

}  // namespace text_oracle
