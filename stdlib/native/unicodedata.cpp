// The native `unicodedata` module, as CPython 3.11's unicodedata.c with its Unicode 14.0.0 database: name and
// lookup (algorithmic Hangul syllable and CJK unified ideograph names; lookup also takes name aliases and named
// sequences), category, bidirectional, combining, mirrored, east_asian_width, decimal/digit/numeric,
// decomposition, normalize and is_normalized (NFC, NFD, NFKC, NFKD), unidata_version.
//
// The tables are not in the repository: CMake runs stdlib/native/gen/gen_unicodedata.py through python3.11 at
// build time, which probes python3.11's own unicodedata and writes unicodedata_tables.inc into the build
// directory, so every answer is CPython's by construction. Names live in the compiler (compiler/unicode_names.h),
// which needs them for "\N{...}" escapes.
//
// Leaves out: the UCD class and `ucd_3_2_0` (the Unicode 3.2 view that IDNA's stringprep uses), the
// `_ucnhash_CAPI` capsule, and lookup() of bytes.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/unicode_names.h"
#include "vm/text/unicode.h"
#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "ucd/unicodedata_tables.inc"

namespace minipy {

namespace {

const ucd::Record& record_of(char32_t c) {
  size_t block = ucd::kBlockOfChunk[c >> ucd::kBlockShift];
  size_t within = c & ((1u << ucd::kBlockShift) - 1);
  return ucd::kRecords[ucd::kRecordInBlock[(block << ucd::kBlockShift) + within]];
}

using namespace unicode_names;  // the Hangul constants

// ---- normalization (UAX #15) ----------------------------------------------------------------------------------

// Appends the full canonical (or, with `compat`, compatibility) decomposition of `c` to `out`.
void decompose(char32_t c, bool compat, std::u32string& out) {
  if (is_hangul_syllable(c)) {
    int s = static_cast<int>(c - kSBase);
    out.push_back(kLBase + s / kNCount);
    out.push_back(kVBase + (s % kNCount) / kTCount);
    if (s % kTCount) out.push_back(kTBase + s % kTCount);
    return;
  }
  std::string_view d = ucd::kDecompositions[record_of(c).decomposition];
  if (d.empty() || (d[0] == '<' && !compat)) {
    out.push_back(c);
    return;
  }
  if (d[0] == '<') d.remove_prefix(d.find('>') + 1);
  while (!d.empty()) {
    while (!d.empty() && d[0] == ' ') d.remove_prefix(1);
    char32_t part = 0;
    while (!d.empty() && d[0] != ' ') {
      char h = d[0];
      part = part * 16 + static_cast<char32_t>(h <= '9' ? h - '0' : h - 'A' + 10);
      d.remove_prefix(1);
    }
    decompose(part, compat, out);
  }
}

int combining_class(char32_t c) { return record_of(c).combining; }

// The primary composite of `first` + `second`, or 0.
char32_t compose_pair(char32_t first, char32_t second) {
  if (first >= kLBase && first < kLBase + kLCount && second >= kVBase && second < kVBase + kVCount)
    return kSBase + ((first - kLBase) * kVCount + (second - kVBase)) * kTCount;
  if (is_hangul_syllable(first) && (first - kSBase) % kTCount == 0 && second > kTBase && second < kTBase + kTCount)
    return first + (second - kTBase);
  static const std::unordered_map<uint64_t, char32_t> pairs = [] {
    std::unordered_map<uint64_t, char32_t> m;
    for (const ucd::Composition& c : ucd::kCompositions) m.emplace(uint64_t{c.first} << 21 | c.second, c.composite);
    return m;
  }();
  auto found = pairs.find(uint64_t{first} << 21 | second);
  return found == pairs.end() ? 0 : found->second;
}

std::string normalized(std::string_view text, bool compose, bool compat) {
  std::u32string d;
  for (size_t pos = 0; pos < text.size();) decompose(text::next_code_point(text, &pos), compat, d);
  // Canonical ordering: a stable sort of each run of non-starters by combining class.
  for (size_t i = 0; i < d.size();) {
    if (combining_class(d[i]) == 0) {
      i++;
      continue;
    }
    size_t end = i;
    while (end < d.size() && combining_class(d[end]) != 0) end++;
    std::stable_sort(d.begin() + i, d.begin() + end,
                     [](char32_t a, char32_t b) { return combining_class(a) < combining_class(b); });
    i = end;
  }
  if (compose) {
    // Canonical composition: each character joins the last starter unless a character between them blocks it
    // (a starter, or one of the same or a higher combining class; runs are sorted, so the last one decides).
    std::u32string out;
    size_t starter = SIZE_MAX;
    int last_class = -1;  // of the last character after the starter; -1: none
    for (char32_t c : d) {
      int cc = combining_class(c);
      if (starter != SIZE_MAX && (last_class == -1 || (last_class != 0 && last_class < cc))) {
        if (char32_t composite = compose_pair(out[starter], c)) {
          out[starter] = composite;
          continue;
        }
      }
      out.push_back(c);
      if (cc == 0) {
        starter = out.size() - 1;
        last_class = -1;
      } else {
        last_class = cc;
      }
    }
    d = std::move(out);
  }
  std::string utf8;
  for (char32_t c : d) text::append_utf8(utf8, c);
  return utf8;
}

// ---- the module's functions -----------------------------------------------------------------------------------

// The one character argument of `fname`: "category() argument must be a unicode character, not str".
[[nodiscard]] bool char_arg(ThreadState& ts, const char* fname, Value v, char32_t* out) {
  if (!is_str(v) || as_str(v)->length != 1)
    return raise_fmt(ts, TypeError_type, "{}() argument must be a unicode character, not {}", fname, type_name(v)),
           false;
  size_t pos = 0;
  *out = text::next_code_point(as_str(v)->view(), &pos);
  return true;
}

// A str argument number `index` of `fname`: "normalize() argument 2 must be str, not int".
[[nodiscard]] bool str_arg(ThreadState& ts, const char* fname, Value v, int index) {
  if (is_str(v)) return true;
  return raise_fmt(ts, TypeError_type, "{}() argument {} must be str, not {}", fname, index, type_name(v)), false;
}

// The record of the single character argument of a one-argument function `fname`.
[[nodiscard]] bool one_char(ThreadState& ts, const char* fname, std::span<const Value> args, TupleObject* kwnames,
                            char32_t* c, size_t max_args = 1) {
  return exact_args(ts, fname, args, kwnames, 1, max_args) && char_arg(ts, fname, args[0], c);
}

NATIVE_FN(ud_category) {
  char32_t c;
  if (!one_char(ts, "category", args, kwnames, &c)) return Value();
  return make_str(ts, ucd::kCategories[record_of(c).category]);
}
NATIVE_FN(ud_bidirectional) {
  char32_t c;
  if (!one_char(ts, "bidirectional", args, kwnames, &c)) return Value();
  return make_str(ts, ucd::kBidirectionals[record_of(c).bidirectional]);
}
NATIVE_FN(ud_east_asian_width) {
  char32_t c;
  if (!one_char(ts, "east_asian_width", args, kwnames, &c)) return Value();
  return make_str(ts, ucd::kEastAsianWidths[record_of(c).east_asian_width]);
}
NATIVE_FN(ud_combining) {
  char32_t c;
  if (!one_char(ts, "combining", args, kwnames, &c)) return Value();
  return make_int(ts, record_of(c).combining);
}
NATIVE_FN(ud_mirrored) {
  char32_t c;
  if (!one_char(ts, "mirrored", args, kwnames, &c)) return Value();
  return make_int(ts, record_of(c).mirrored);
}
NATIVE_FN(ud_decomposition) {
  char32_t c;
  if (!one_char(ts, "decomposition", args, kwnames, &c)) return Value();
  return make_str(ts, ucd::kDecompositions[record_of(c).decomposition]);
}

// decimal(chr, default=<unset>), digit(...), numeric(...): the value, else `default`, else ValueError `message`.
template <class Read>
Value number_property(ThreadState& ts, const char* fname, const char* message, std::span<const Value> args,
                      TupleObject* kwnames, Read read) {
  char32_t c;
  if (!one_char(ts, fname, args, kwnames, &c, 2)) return Value();
  Value v = read(record_of(c));
  if (v) return v;
  if (args.size() > 1) return args[1];
  return raise(ts, ValueError_type, message);
}
NATIVE_FN(ud_decimal) {
  return number_property(ts, "decimal", "not a decimal", args, kwnames, [&](const ucd::Record& r) {
    return r.decimal < 0 ? Value() : make_int(ts, r.decimal);
  });
}
NATIVE_FN(ud_digit) {
  return number_property(ts, "digit", "not a digit", args, kwnames, [&](const ucd::Record& r) {
    return r.digit < 0 ? Value() : make_int(ts, r.digit);
  });
}
NATIVE_FN(ud_numeric) {
  return number_property(ts, "numeric", "not a numeric character", args, kwnames, [&](const ucd::Record& r) {
    return r.numeric == 0 ? Value() : make_float(ts, ucd::kNumerics[r.numeric]);
  });
}

// name(chr, default=<unset>)
NATIVE_FN(ud_name) {
  char32_t c;
  if (!one_char(ts, "name", args, kwnames, &c, 2)) return Value();
  std::string name = unicode_names::name_of(c);
  if (!name.empty()) return make_str(ts, name);
  if (args.size() > 1) return args[1];
  return raise(ts, ValueError_type, "no such name");
}

// lookup(name, /): the character (or named sequence) called `name`.
NATIVE_FN(ud_lookup) {
  if (!native::one_arg(ts, "lookup", args, kwnames)) return Value();
  // CPython also takes the name as bytes (whence its message for other types).
  std::string_view name;
  if (is_str(args[0])) name = as_str(args[0])->view();
  else if (!native::bytes_like(ts, args[0], &name)) return Value();
  if (name.size() > 256) return raise(ts, KeyError_type, "name too long");
  std::string found;
  if (!unicode_names::lookup(name, true, &found))
    return raise(ts, KeyError_type, fmt::format("undefined character name '{}'", name));
  return make_str(ts, found);
}

// The form argument of normalize/is_normalized: NFC, NFD, NFKC or NFKD.
[[nodiscard]] bool form_arg(ThreadState& ts, const char* fname, std::span<const Value> args, TupleObject* kwnames,
                            bool* compose, bool* compat) {
  if (!exact_args(ts, fname, args, kwnames, 2, 2) || !str_arg(ts, fname, args[0], 1) ||
      !str_arg(ts, fname, args[1], 2))
    return false;
  std::string_view form = as_str(args[0])->view();
  if (form != "NFC" && form != "NFD" && form != "NFKC" && form != "NFKD")
    return raise(ts, ValueError_type, "invalid normalization form"), false;
  *compose = form.back() == 'C';
  *compat = form.size() == 4;
  return true;
}

NATIVE_FN(ud_normalize) {
  bool compose, compat;
  if (!form_arg(ts, "normalize", args, kwnames, &compose, &compat)) return Value();
  std::string_view text = as_str(args[1])->view();
  std::string result = normalized(text, compose, compat);
  if (result == text) return args[1];
  return make_str(ts, result);
}

NATIVE_FN(ud_is_normalized) {
  bool compose, compat;
  if (!form_arg(ts, "is_normalized", args, kwnames, &compose, &compat)) return Value();
  std::string_view text = as_str(args[1])->view();
  return Bool(normalized(text, compose, compat) == text);
}

const MethodDef kFunctions[] = {
    {"name", ud_name},         {"lookup", ud_lookup},
    {"category", ud_category}, {"bidirectional", ud_bidirectional},
    {"combining", ud_combining}, {"mirrored", ud_mirrored},
    {"east_asian_width", ud_east_asian_width}, {"decomposition", ud_decomposition},
    {"decimal", ud_decimal},   {"digit", ud_digit},
    {"numeric", ud_numeric},   {"normalize", ud_normalize},
    {"is_normalized", ud_is_normalized},
};

}  // namespace

ModuleObject* create_unicodedata_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "unicodedata");
  add_module_functions(ts, m, kFunctions);
  add_module_value(ts, m, "unidata_version", make_str(ts, ucd::kUnidataVersion));
  return m;
}

}  // namespace minipy
