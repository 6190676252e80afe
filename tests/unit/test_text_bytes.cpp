// The bytes instantiations of the text engine's element templates (vm/text/bytes_methods.h) against
// python3.11's bytes methods: ASCII-only classes, \n and \r as the only line breaks, every byte one element.
#include <doctest/doctest.h>

#include "test_text_oracle.h"
#include "vm/text/bytes_methods.h"
#include "vm/text/str_methods.h"
#include "vm/text/unicode.h"

using text_oracle::enc;

namespace {

const std::vector<std::string> kBytesSamples = {
    "", "a", "abc", "  hello world  ", "a,b,,c,", "Hello World", "hELLO wORLD", "\t x\ny \r\n z\x0b\x0c w\x1c\x1d",
    "line1\nline2\r\nline3\rline4\n", "h\xc3\xa9llo \xe9\xff", "\x85x\x85", "\xa0 a\xa0", "123", "Ab Cd", "aAbB",
    "tab\there\t\tx", "-42", "\xc3\xa9", "they're bill's",
};

// Bytes travel to python as bytes.fromhex(...) and come back decoded as Latin-1, so each byte is one code point.
std::string pyb(std::string_view s) { return "bytes.fromhex('" + text_oracle::hex_of(s) + "')"; }
std::string latin1(std::string_view s) {
  std::string out;
  for (unsigned char c : s) minipy::text::append_utf8(out, c);
  return out;
}
std::string encb(std::string_view s) { return enc(latin1(s)); }
std::string encb(const std::vector<std::string_view>& parts) {
  std::vector<std::string> out;
  for (auto p : parts) out.push_back(latin1(p));
  return enc(out);
}
const char* kBack =
    "(lambda v: [x.decode('latin-1') for x in v] if isinstance(v, list) else v.decode('latin-1'))";
std::string back(const std::string& expr) { return std::string(kBack) + "(" + expr + ")"; }

}  // namespace

TEST_CASE("text: bytes methods match python3.11") {
  namespace tb = minipy::text::bytes;
  text_oracle::Oracle oracle;
  for (auto& s : kBytesSamples) {
    std::string p = pyb(s);
    oracle.add(p + ".isalpha()", enc(tb::isalpha(s)));
    oracle.add(p + ".isdigit()", enc(tb::isdigit(s)));
    oracle.add(p + ".isspace()", enc(tb::isspace(s)));
    oracle.add(p + ".isalnum()", enc(tb::isalnum(s)));
    oracle.add(p + ".isupper()", enc(tb::isupper(s)));
    oracle.add(p + ".islower()", enc(tb::islower(s)));
    oracle.add(p + ".istitle()", enc(tb::istitle(s)));
    oracle.add(p + ".isascii()", enc(tb::isascii(s)));
    oracle.add(back(p + ".upper()"), encb(tb::upper(s)));
    oracle.add(back(p + ".lower()"), encb(tb::lower(s)));
    oracle.add(back(p + ".title()"), encb(tb::title(s)));
    oracle.add(back(p + ".capitalize()"), encb(tb::capitalize(s)));
    oracle.add(back(p + ".swapcase()"), encb(tb::swapcase(s)));
    oracle.add(back(p + ".split()"), encb(tb::split(s, std::nullopt).value()));
    oracle.add(back(p + ".split(None, 1)"), encb(tb::split(s, std::nullopt, 1).value()));
    oracle.add(back(p + ".rsplit(None, 1)"), encb(tb::rsplit(s, std::nullopt, 1).value()));
    oracle.add(back(p + ".split(b',')"), encb(tb::split(s, ",").value()));
    oracle.add(back(p + ".rsplit(b'l', 2)"), encb(tb::rsplit(s, "l", 2).value()));
    oracle.add(back(p + ".splitlines()"), encb(tb::splitlines(s)));
    oracle.add(back(p + ".splitlines(True)"), encb(tb::splitlines(s, true)));
    oracle.add(back(p + ".strip()"), encb(tb::strip(s)));
    oracle.add(back(p + ".lstrip()"), encb(tb::lstrip(s)));
    oracle.add(back(p + ".rstrip()"), encb(tb::rstrip(s)));
    oracle.add(back(p + ".strip(b'a,\\xa9 \\xff')"), encb(tb::strip(s, "a,\xa9 \xff")));
    oracle.add(back(p + ".replace(b'', b'-')"), encb(tb::replace(s, "", "-")));
    oracle.add(back(p + ".replace(b'l', b'L', 2)"), encb(tb::replace(s, "l", "L", 2)));
    oracle.add(back(p + ".center(12, b'*')"), encb(tb::center(s, 12, '*')));
    oracle.add(back(p + ".ljust(9)"), encb(tb::ljust(s, 9)));
    oracle.add(back(p + ".rjust(9, b'\\xe9')"), encb(tb::rjust(s, 9, '\xe9')));
    oracle.add(back(p + ".expandtabs()"), encb(tb::expandtabs(s)));
    oracle.add(back(p + ".expandtabs(3)"), encb(tb::expandtabs(s, 3)));
    oracle.add(back(p + ".zfill(7)"), encb(minipy::text::zfill(minipy::text::StrRef(s, true), 7)));
    oracle.add(p + ".find(b'l', 2)", enc(minipy::text::find(minipy::text::StrRef(s, true), "l", 2)));
    oracle.add(p + ".count(b'')", enc(minipy::text::count(minipy::text::StrRef(s, true), "")));
  }
  oracle.check();
}
