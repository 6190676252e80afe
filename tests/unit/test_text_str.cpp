// str methods (vm/text/str_methods.h, vm/text/unicode.h) against python3.11, row by row.
#include <doctest/doctest.h>

#include "test_text_oracle.h"
#include "vm/text/str_methods.h"
#include "vm/text/unicode.h"

using namespace minipy::text;
using text_oracle::enc;
using text_oracle::py;
using text_oracle::py_opt;

namespace {

const std::vector<std::string> kSamples = {
    "", "a", "abc", "  hello world  ", "a,b,,c,", ",", "aaa", "abcabcab", "Hello World", "hELLO wORLD",
    "\t x\ny \r\n z\x0b\x0c w\x1c\x1d\x1e", "line1\nline2\r\nline3\rline4\n", "\u2028x\u2029y\u0085z",
    "héllo wörld", "ΣΑΣ ΣΑΣ.", "ὈΔΥΣΣΕΎΣ", "straße", "ǅungla ǈj", "İstanbul", "ﬁne ﬂow", "x Σ", "aΣ'b",
    "ΑΣ\u0301", "123", "١٢٣", "½²³", "Ⅻ", "\u3000 \u00a0x\u2009", "_id9", "9id", "é_ü", "$x", "a'b", "a\"b",
    "'\"", "\x01\x7f\u0080\u00a0\u00ad\u200b\U0001f600\U000e0001\xed\xa0\x80", "tab\there\t\tx", "-42", "+7",
    "日本語テキスト", "  ", "aAbB", "ﬀ", "ŉ", "ΐ", "İi", "Mr. o'neil", "they're bill's", "\u1e9e",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ᾳ ᾼ", "\u0345x", "ʰa", "AΣ\u00adb", "Σ",
};

const std::vector<std::optional<int64_t>> kIndexes = {std::nullopt, 0, 3, -1, -3, 100};

}  // namespace

TEST_CASE("text: unicode decode/encode round trip and indexes") {
  std::string all;
  for (char32_t c : {0x41u, 0xe9u, 0x7ffu, 0x800u, 0xd800u, 0xffffu, 0x10000u, 0x10ffffu}) append_utf8(all, c);
  CHECK(code_point_count(all) == 8);
  size_t pos = 0;
  std::vector<char32_t> back;
  while (pos < all.size()) back.push_back(next_code_point(all, &pos));
  CHECK(back == std::vector<char32_t>{0x41, 0xe9, 0x7ff, 0x800, 0xd800, 0xffff, 0x10000, 0x10ffff});
  CHECK(byte_offset_of_index(all, 3) == 1 + 2 + 2);
  CHECK(index_of_byte_offset(all, 5) == 3);
  pos = all.size();
  CHECK(previous_code_point(all, &pos) == 0x10ffff);
  CHECK(pos == all.size() - 4);
  std::string bad = "a\xff\xc3";  // malformed bytes decode to themselves, one each
  CHECK(code_point_count(bad) == 3);
  CHECK(decimal_value(U'٣') == 3);
  CHECK(decimal_value(U'½') == -1);
}

TEST_CASE("text: predicates and case mappings match python3.11") {
  text_oracle::Oracle oracle;
  for (auto& s : kSamples) {
    std::string p = py(s);
    oracle.add(p + ".isalpha()", enc(isalpha(s)));
    oracle.add(p + ".isdigit()", enc(isdigit(s)));
    oracle.add(p + ".isdecimal()", enc(isdecimal(s)));
    oracle.add(p + ".isnumeric()", enc(isnumeric(s)));
    oracle.add(p + ".isspace()", enc(isspace(s)));
    oracle.add(p + ".isalnum()", enc(isalnum(s)));
    oracle.add(p + ".isupper()", enc(isupper(s)));
    oracle.add(p + ".islower()", enc(islower(s)));
    oracle.add(p + ".istitle()", enc(istitle(s)));
    oracle.add(p + ".isidentifier()", enc(isidentifier(s)));
    oracle.add(p + ".isprintable()", enc(isprintable(s)));
    oracle.add(p + ".isascii()", enc(isascii(s)));
    oracle.add(p + ".upper()", enc(upper(s)));
    oracle.add(p + ".lower()", enc(lower(s)));
    oracle.add(p + ".casefold()", enc(casefold(s)));
    oracle.add(p + ".title()", enc(title(s)));
    oracle.add(p + ".capitalize()", enc(capitalize(s)));
    oracle.add(p + ".swapcase()", enc(swapcase(s)));
    oracle.add("repr(" + p + ")", enc(repr(s)));
    oracle.add("ascii(" + p + ")", enc(ascii(s)));
    oracle.add(p + ".splitlines()", enc(splitlines(s)));
    oracle.add(p + ".splitlines(True)", enc(splitlines(s, true)));
    oracle.add(p + ".strip()", enc(strip(s)));
    oracle.add(p + ".lstrip()", enc(lstrip(s)));
    oracle.add(p + ".rstrip()", enc(rstrip(s)));
    oracle.add(p + ".strip('a,Σ ')", enc(strip(s, "a,Σ ")));
    oracle.add(p + ".lstrip('hé ')", enc(lstrip(s, "hé ")));
    oracle.add(p + ".rstrip('\\n3')", enc(rstrip(s, "\n3")));
    oracle.add(p + ".expandtabs()", enc(expandtabs(s)));
    oracle.add(p + ".expandtabs(3)", enc(expandtabs(s, 3)));
    oracle.add(p + ".expandtabs(0)", enc(expandtabs(s, 0)));
    for (int64_t width : {0, 5, 12, 13}) {
      oracle.add(p + ".center(" + std::to_string(width) + ")", enc(center(s, width)));
      oracle.add(p + ".center(" + std::to_string(width) + ", 'é')", enc(center(s, width, U'é')));
      oracle.add(p + ".ljust(" + std::to_string(width) + ", '*')", enc(ljust(s, width, '*')));
      oracle.add(p + ".rjust(" + std::to_string(width) + ")", enc(rjust(s, width)));
      oracle.add(p + ".zfill(" + std::to_string(width) + ")", enc(zfill(s, width)));
    }
    for (int64_t maxsplit : {-1, 0, 1, 2}) {
      std::string m = std::to_string(maxsplit);
      oracle.add(p + ".split(None, " + m + ")", enc(split(s, std::nullopt, maxsplit)));
      oracle.add(p + ".rsplit(None, " + m + ")", enc(rsplit(s, std::nullopt, maxsplit)));
      for (std::string sep : {",", "a", "ab", "Σ", "l"}) {
        oracle.add(p + ".split(" + py(sep) + ", " + m + ")", enc(split(s, sep, maxsplit)));
        oracle.add(p + ".rsplit(" + py(sep) + ", " + m + ")", enc(rsplit(s, sep, maxsplit)));
      }
    }
    oracle.add(p + ".split('')", enc(split(s, "")));
    oracle.add(p + ".rsplit('')", enc(rsplit(s, "")));
    for (std::string sep : {"", "a", "l", "ab", "Σ"}) {
      oracle.add(p + ".partition(" + py(sep) + ")", enc(partition(s, sep)));
      oracle.add(p + ".rpartition(" + py(sep) + ")", enc(rpartition(s, sep)));
    }
  }
  oracle.check();
}

TEST_CASE("text: searching with start/end matches python3.11") {
  text_oracle::Oracle oracle;
  for (auto& s : kSamples) {
    std::string p = py(s);
    for (std::string sub : {"", "a", "b", "ab", "l", "Σ", "ö", "world", "\n"}) {
      std::string q = py(sub);
      for (auto start : kIndexes) {
        for (auto end : {std::optional<int64_t>{}, std::optional<int64_t>{2}, std::optional<int64_t>{-2}}) {
          std::string args = q + ", " + py_opt(start) + ", " + py_opt(end) + ")";
          oracle.add(p + ".find(" + args, enc(find(s, sub, start, end)));
          oracle.add(p + ".rfind(" + args, enc(rfind(s, sub, start, end)));
          oracle.add(p + ".index(" + args, enc(index(s, sub, start, end)));
          oracle.add(p + ".rindex(" + args, enc(rindex(s, sub, start, end)));
          oracle.add(p + ".count(" + args, enc(count(s, sub, start, end)));
          oracle.add(p + ".startswith(" + args, enc(startswith(s, sub, start, end)));
          oracle.add(p + ".endswith(" + args, enc(endswith(s, sub, start, end)));
        }
      }
      for (int64_t n : {-1, 0, 1, 2}) {
        oracle.add(p + ".replace(" + q + ", 'XY', " + std::to_string(n) + ")", enc(replace(s, sub, "XY", n)));
        oracle.add(p + ".replace(" + q + ", '', " + std::to_string(n) + ")", enc(replace(s, sub, "", n)));
      }
    }
  }
  std::vector<std::string_view> parts = {"a", "é", "", "xyz"};
  oracle.add("'--'.join(['a', 'é', '', 'xyz'])", enc(join("--", parts)));
  oracle.add("''.join([])", enc(join("", {})));
  oracle.check();
}

TEST_CASE("text: character classes and case mappings of single code points match python3.11") {
  text_oracle::Oracle oracle;
  std::vector<char32_t> code_points;
  for (char32_t c = 0; c < 0x800; ++c) code_points.push_back(c);
  for (char32_t c = 0x800; c < 0x110000; c += (c < 0x30000 ? 97 : 4093)) code_points.push_back(c);
  for (char32_t c : {0x1E9Eu, 0x0130u, 0xFB00u, 0xFB03u, 0x1F80u, 0x1FB3u, 0x10400u, 0x1D7CEu, 0xFF10u, 0x2160u,
                     0x3007u, 0x2028u, 0x202Fu, 0x180Eu, 0xFEFFu, 0xE0001u, 0xD800u, 0xDFFFu, 0x10FFFFu})
    code_points.push_back(c);
  for (char32_t c : code_points) {
    std::string s = utf8_of(c), p = py(s);
    std::string flags, expected = "''.join(str(int(f)) for f in (";
    for (auto [name, value] : std::initializer_list<std::pair<const char*, bool>>{
             {"isalpha", isalpha(s)}, {"isdigit", isdigit(s)}, {"isdecimal", isdecimal(s)},
             {"isnumeric", isnumeric(s)}, {"isspace", isspace(s)}, {"isalnum", isalnum(s)},
             {"isupper", isupper(s)}, {"islower", islower(s)}, {"istitle", istitle(s)},
             {"isidentifier", isidentifier(s)}, {"isprintable", isprintable(s)}}) {
      flags += value ? '1' : '0';
      expected += p + "." + name + "(),";
    }
    oracle.add(expected + "))", enc(flags));
    oracle.add("[" + p + ".upper(), " + p + ".lower(), " + p + ".title(), " + p + ".casefold(), repr(" + p +
                   "), ascii(" + p + ")]",
               enc(std::vector<std::string>{upper(s), lower(s), title(s), casefold(s), repr(s), ascii(s)}));
    int digit = decimal_value(c);
    oracle.add("__import__('unicodedata').decimal(" + p + ", -1)", enc(int64_t{digit}));
  }
  oracle.check();
}

TEST_CASE("text: randomized strings through the str methods against python3.11") {
  text_oracle::Oracle oracle;
  text_oracle::Xorshift next{0x2545F4914F6CDD1Dull};
  const std::vector<std::string> alphabet = {"a", "A", "b", "Σ", "σ", "ς", " ", "ß", "\t", "İ", "\n", ",", "é",
                                             "日", "\u0345", "\u2028", "\r", "ǅ", "'", "ab", "\U0001f600", "1"};
  auto random_text = [&](size_t max_length) {
    std::string s;
    for (size_t n = next() % (max_length + 1); n > 0; --n) s += alphabet[next() % alphabet.size()];
    return s;
  };
  auto random_index = [&]() -> std::optional<int64_t> {
    if (next() % 3 == 0) return std::nullopt;
    return static_cast<int64_t>(next() % 29) - 14;
  };
  for (int i = 0; i < 3000; ++i) {
    std::string s = random_text(12), sub = random_text(2), p = py(s), q = py(sub);
    auto start = random_index(), end = random_index();
    std::string range = ", " + py_opt(start) + ", " + py_opt(end) + ")";
    oracle.add(p + ".find(" + q + range, enc(find(s, sub, start, end)));
    oracle.add(p + ".rfind(" + q + range, enc(rfind(s, sub, start, end)));
    oracle.add(p + ".count(" + q + range, enc(count(s, sub, start, end)));
    oracle.add(p + ".startswith(" + q + range, enc(startswith(s, sub, start, end)));
    oracle.add(p + ".endswith(" + q + range, enc(endswith(s, sub, start, end)));
    int64_t maxsplit = static_cast<int64_t>(next() % 4) - 1;
    oracle.add(p + ".split(" + (sub.empty() ? std::string("None") : q) + ", " + std::to_string(maxsplit) + ")",
               enc(split(s, sub.empty() ? std::nullopt : std::optional<std::string_view>(sub), maxsplit)));
    oracle.add(p + ".rsplit(" + (sub.empty() ? std::string("None") : q) + ", " + std::to_string(maxsplit) + ")",
               enc(rsplit(s, sub.empty() ? std::nullopt : std::optional<std::string_view>(sub), maxsplit)));
    oracle.add(p + ".replace(" + q + ", 'é', " + std::to_string(maxsplit) + ")", enc(replace(s, sub, "é", maxsplit)));
    oracle.add(p + ".strip(" + q + ")", enc(strip(s, sub)));
    oracle.add("[" + p + ".lower(), " + p + ".upper(), " + p + ".title(), " + p + ".swapcase(), " + p +
                   ".capitalize(), " + p + ".casefold()]",
               enc(std::vector<std::string>{lower(s), upper(s), title(s), swapcase(s), capitalize(s), casefold(s)}));
    oracle.add("[" + p + ".istitle(), " + p + ".isupper(), " + p + ".islower()]",
               enc(std::vector<bool>{istitle(s), isupper(s), islower(s)}));
    oracle.add(p + ".splitlines(True)", enc(splitlines(s, true)));
    oracle.add("repr(" + p + ")", enc(repr(s)));
  }
  oracle.check();
}

TEST_CASE("text: indexing and slicing match python3.11") {
  text_oracle::Oracle oracle;
  for (auto& s : kSamples) {
    std::string p = py(s);
    auto len = static_cast<int64_t>(code_point_count(s));
    for (int64_t i = 0; i < len; ++i) oracle.add(p + "[" + std::to_string(i) + "]", enc(char_at(s, i)));
    for (int64_t start : {-20, -2, 0, 1, 3, 20}) {
      for (int64_t stop : {-20, -1, 0, 2, 5, 20}) {
        for (int64_t step : {1, 2, 3, -1, -2}) {
          // slice.indices() semantics, as the VM will compute them.
          int64_t lower = step < 0 ? -1 : 0, upper = step < 0 ? len - 1 : len;
          auto clamp = [&](int64_t v) {
            if (v < 0) v += len;
            return v < 0 ? lower : v >= len ? upper : v;
          };
          int64_t b = clamp(start), e = clamp(stop);
          int64_t n = step > 0 ? (e > b ? (e - b - 1) / step + 1 : 0) : (b > e ? (b - e - 1) / (-step) + 1 : 0);
          oracle.add(p + "[" + std::to_string(start) + ":" + std::to_string(stop) + ":" + std::to_string(step) + "]",
                     enc(slice(s, b, step, n)));
        }
      }
    }
  }
  oracle.check();
}
