// Number formatting and parsing (vm/text/number_format.h) against python3.11, row by row.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "test_text_oracle.h"
#include "vm/text/number_format.h"

using namespace minipy;
using namespace minipy::text;
using text_oracle::enc;
using text_oracle::py;
using text_oracle::py_float;

namespace {

const std::vector<std::string> kIntSpecs = {
    "", "d", "5", "<5", "^7", "^8", "=+8", "*^9", "05", "010,", "0=10,", "0<10,", ",", "_", "_x", "_b", "_o",
    "#x", "#X", "#o", "#b", "+#010x", "#_x", "#012_b", " d", "-d", "+d", "c", ">3c", "05c", "n", "e", ".2f", "%",
    ",.2f", "z", "zd", ".2", "q", "s", "#c", "+c", ".3c", "abc", ",x", "_n", ",n", "é^9", "0<6", "09x", "x<5",
    "{<5", "0", "00", "011", "-^+15,", "_d", ",_", "_,", ",,", ".", "E", "G", "#.0e", "g", "x^#10o", " 012,",
    "99999999999999999999", "99999999999999", "1,2", "\x01", ",\x01", "z=+08.3", "\U0001f600>4", "٣", "%",
};

const std::vector<std::string> kFloatSpecs = {
    "", "f", ".0f", ".2f", ".10f", "#.0f", "e", ".0e", "#.0e", ".3E", ".20e", "g", ".0g", ".1g", ".3g", "#g",
    "#.3g", ".3", ".0", ".1", ".17", "#", "#.2", "G", "F", "%", ".1%", "n", ".3n", "z.1f", "z", "z.0f", "z.3g",
    "z%", "+", " ", "10", "<10", "^10", "=10", "010", "010.2f", ",", ",.2f", "_.3f", "_", "020,.2f", "x", "d",
    ".17g", ".20", "*^15.3e", "#x", "+015,.3%", "012_", "<012", "-", "c", "s", ",g", ".50f", "#.10g", "5.1",
    "z+08.1", "0=+12,.1e", "^-9.2F", ".100", "99999999999999", ".99999999999",
};

const std::vector<double> kFloats = {
    0.0, -0.0, 1.0, -1.5, 0.1, 1e16, 1e15, 9999999999999998.0, 1e-5, 1e-4, 0.0001234, 123456.789, 1e300, 5e-324,
    2.5, 0.125, 0.375, 1234.5, -1234.5, 9.999, 99.95, 0.5, 1.5, 1e22, 1e23, 3.14159265358979, -0.004,
    -0.0004, 2.675, 1.0 / 3, 2e-310, 1.7976931348623157e308, 123456789012345678.0, 0.05, 12345.0, 100.0,
    HUGE_VAL, -HUGE_VAL, std::nan(""),
};

const std::vector<std::string> kBigInts = {
    "0", "1", "-1", "7", "-42", "255", "1234567", "-1234567", "65", "1114111", "1114112", "9223372036854775807",
    "-9223372036854775808", "9223372036854775808", "-9223372036854775809", "100000000000000000000",
    "-1180591620717411303424", "123456789012345678901234567890", "340282366920938463463374607431768211456",
};

BigInt big(const std::string& text) {
  bool negative = text[0] == '-';
  BigInt value = *BigInt::parse(negative ? text.substr(1) : text, 10);
  return negative ? -value : value;
}

}  // namespace

TEST_CASE("text: format() of ints matches python3.11") {
  text_oracle::Oracle oracle;
  for (auto& value_text : kBigInts) {
    BigInt value = big(value_text);
    for (auto& spec : kIntSpecs) {
      std::string call = "format(" + value_text + ", " + py(spec) + ")";
      oracle.add(call, enc(format_int(value, spec)));
      if (value.fits_int64()) oracle.add(call, enc(format_int(value.to_int64(), spec)));
    }
    oracle.add("str(" + value_text + ")", enc(int_to_decimal(value)));
    oracle.add("bin(" + value_text + ")", enc(int_to_prefixed(value, 2)));
    oracle.add("oct(" + value_text + ")", enc(int_to_prefixed(value, 8)));
    oracle.add("hex(" + value_text + ")", enc(int_to_prefixed(value, 16)));
  }
  for (auto& spec : {"d", "s", "x", ""}) {
    oracle.add("format(True, " + py(spec) + ") if " + py(spec) + " else 'True'",
               enc(std::string(spec).empty() ? TextResult<std::string>(std::string("True"))
                                             : format_int(int64_t{1}, spec, "bool")));
  }
  BigInt huge = BigInt(10).pow(5000);
  oracle.add("str(10**5000)", enc(int_to_decimal(huge)));
  oracle.add("format(10**5000, ',')", enc(format_int(huge, ",")));
  oracle.add("format(10**5000, 'x')[:50]", enc(format_int(huge, "x").value().substr(0, 50)));
  oracle.add("format(-10**5000, 'e')", enc(format_int(-huge, "e")));
  oracle.add("format(10**400, 'e')", enc(format_int(BigInt(10).pow(400), "e")));
  oracle.add("format(10**30, 'c')", enc(format_int(BigInt(10).pow(30), "c")));
  oracle.add("format(10**30, '.3g')", enc(format_int(BigInt(10).pow(30), ".3g")));
  oracle.check();
}

TEST_CASE("text: format() of floats and float repr match python3.11") {
  text_oracle::Oracle oracle;
  for (double value : kFloats) {
    std::string literal = py_float(value);
    oracle.add("repr(" + literal + ")", enc(float_to_string(value)));
    for (auto& spec : kFloatSpecs) oracle.add("format(" + literal + ", " + py(spec) + ")", enc(format_float(value, spec)));
  }
  // Shortest repr across magnitudes and awkward mantissas.
  for (int exponent = -330; exponent <= 310; exponent += 7) {
    for (double mantissa : {1.0, 1.2345678901234567, 9.87654321, 5.0, 7.1}) {
      double value = mantissa * std::pow(10.0, exponent);
      oracle.add("repr(" + py_float(value) + ")", enc(float_to_string(value)));
      oracle.add("format(" + py_float(value) + ", '.12g')", enc(format_float(value, ".12g")));
    }
  }
  oracle.check();
}

TEST_CASE("text: format() of strs matches python3.11") {
  text_oracle::Oracle oracle;
  const std::vector<std::string> specs = {"", "s", "5", ">5", "^6", "^7", "*^7", ".2", "10.1", "<", "+", " ",
                                          "#", "=5", "z", "0", "05", "d", ",", "ab", "é>5", ".0", "_", "x<3s",
                                          "0>6", "-", ".", "1,", "99999999999999", "\U0001f600^5.1", "c"};
  for (std::string value : {"", "abc", "héllo", "日本", "ab\U0001f600"}) {
    for (auto& spec : specs) oracle.add("format(" + py(value) + ", " + py(spec) + ")", enc(format_str(value, spec)));
  }
  oracle.check();
}

TEST_CASE("text: int() and float() parsing match python3.11") {
  text_oracle::Oracle oracle;
  const std::vector<std::string> texts = {
      "0", "12", "-12", "+12", " 12 ", "\t-7\n", "1_000", "1__000", "_1", "1_", "0x1f", "0X1F", "0o17", "0b101",
      "0b_101", "0x_1f", "0x", "010", "00", "0_0", "-0", "abc", "z", "Z", "ZZ", "1e5", "1.5", "", " ", "+-1",
      "- 1", "١٢٣", "1\u00a0", "\u20031\u2003", "12a", "0x1g", "9223372036854775808", "-99999999999999999999",
      "٣x", "1 2", "inf", "nan", "-inf", "+Infinity", "iNF", "infinity", "-nAn", "1.", ".5", ".", "e5", "1e",
      "1e+5", "1E-5", "1_000.5", "1._5", "1_.5", "1e_5", "1e5_0", "1e400", "-1e-400", "1e-320", "0x10",
      "١.٥", "infx", "in f", "nan(1)", "++1", "\x00", "1.5\u2003", "4.9406564584124654e-324",
      "2.4703282292062328e-324", "2.4703282292062327e-324", "1.7976931348623158e308", "1.7976931348623159e308",
      "0.1e99999999999999999999", "1e-99999999999999999999", "00000.00001e5", "123456789012345678901234567890",
      "0.000000000000000000000000000000000000000000001e-300", "9" + std::string(400, '9') + "e-400", "é",
  };
  for (auto& text : texts) {
    for (int64_t base : {10, 0, 2, 8, 16, 36, 1, 37, 7}) {
      oracle.add("int(" + py(text) + ", " + std::to_string(base) + ")", enc(parse_int(text, base)));
    }
    oracle.add("float(" + py(text) + ")", enc(parse_float(text)));
  }
  std::string long_digits(5000, '1');
  oracle.add("int('" + long_digits + "')", enc(parse_int(long_digits)));
  oracle.add("int('" + long_digits + "x')", enc(parse_int(long_digits + "x")));
  oracle.add("int('" + long_digits + "', 16) % 1000003", enc([&] {
    BigInt q, r;
    BigInt::floor_divmod(parse_int(long_digits, 16).value(), BigInt(1000003), &q, &r);
    return r;
  }()));
  oracle.add("int('x' * 300)", enc(parse_int(std::string(300, 'x'))));
  oracle.add("float('x' * 300)", enc(parse_float(std::string(300, 'x'))));
  oracle.check();
}

TEST_CASE("text: round() of floats matches python3.11") {
  text_oracle::Oracle oracle;
  std::vector<double> values = kFloats;
  for (double v : {0.5, 1.5, 2.5, -2.5, 0.285, 1.005, 2.675, 0.045, 5e-324, 1e300, 123.456, -0.4, 1e15 + 0.5,
                   4503599627370495.5, 1.7976931348623157e308, 0.49999999999999994})
    values.push_back(v);
  for (double value : values) {
    std::string literal = py_float(value);
    oracle.add("round(" + literal + ")", enc(round_float_to_int(value)));
    oracle.add("int(" + literal + ")", enc(float_to_int(value)));
    for (int64_t ndigits : {0, 1, 2, 3, -1, -2, 5, 17, 20, 300, 323, 324, -307, -308, -309, 400, -400}) {
      oracle.add("round(" + literal + ", " + std::to_string(ndigits) + ")", enc(round_float(value, ndigits)));
    }
  }
  oracle.check();
}

TEST_CASE("text: round() of ints matches python3.11") {
  text_oracle::Oracle oracle;
  for (auto& value_text : kBigInts) {
    for (int64_t ndigits : {0, 2, -1, -2, -3, -5, -18, -19, -20, -40, -1000000}) {
      oracle.add("round(" + value_text + ", " + std::to_string(ndigits) + ")", enc(round_int(big(value_text), ndigits)));
    }
  }
  for (int64_t v : {5, 15, 25, -5, -15, -25, 150, 250, 350, -250, 1250, 1350, 49, 51, 95}) {
    for (int64_t ndigits : {-1, -2, -3}) {
      oracle.add("round(" + std::to_string(v) + ", " + std::to_string(ndigits) + ")", enc(round_int(BigInt(v), ndigits)));
    }
  }
  oracle.check();
}

TEST_CASE("text: randomized format specs and round() against python3.11") {
  text_oracle::Oracle oracle;
  text_oracle::Xorshift next{0x9E3779B97F4A7C15ull};
  auto pick = [&](std::string_view options) { return options[next() % options.size()]; };
  auto random_double = [&]() {
    switch (next() % 4) {
      case 0: {  // any bit pattern (finite or not)
        uint64_t bits = next();
        double d;
        std::memcpy(&d, &bits, 8);
        return d;
      }
      case 1: return static_cast<double>(static_cast<int64_t>(next() % 2000001) - 1000000) / 8.0;  // ties
      case 2: return static_cast<double>(static_cast<int64_t>(next() % 200001) - 100000) / 1000.0;
      default: return std::ldexp(static_cast<double>(next() % 1000000), static_cast<int>(next() % 200) - 100);
    }
  };
  auto random_spec = [&](bool for_float) {
    std::string spec;
    if (next() % 3 == 0) spec += pick("*x0 ");
    if (!spec.empty() || next() % 3 == 0) spec += pick("<>^=");
    if (next() % 3 == 0) spec += pick("+- ");
    if (for_float && next() % 5 == 0) spec += 'z';
    if (next() % 4 == 0) spec += '#';
    if (next() % 4 == 0) spec += '0';
    if (next() % 2 == 0) spec += std::to_string(next() % 30);
    if (next() % 4 == 0) spec += pick(",_");
    if (for_float && next() % 2 == 0) spec += "." + std::to_string(next() % 25);
    spec += for_float ? std::string(1, pick("eEfFgGn% ")) : std::string(1, pick("bdoxXn cs"));
    if (spec.back() == ' ') spec.pop_back();
    return spec;
  };
  for (int i = 0; i < 3000; ++i) {
    double value = random_double();
    std::string spec = random_spec(true);
    oracle.add("format(" + py_float(value) + ", " + py(spec) + ")", enc(format_float(value, spec)));
    if (i % 3 == 0) {
      int64_t ndigits = static_cast<int64_t>(next() % 40) - 20;
      oracle.add("round(" + py_float(value) + ", " + std::to_string(ndigits) + ")", enc(round_float(value, ndigits)));
      oracle.add("repr(" + py_float(value) + ")", enc(float_to_string(value)));
    }
    auto int_value = static_cast<int64_t>(next());
    if (i % 2) int_value %= 100000;
    spec = random_spec(false);
    oracle.add("format(" + std::to_string(int_value) + ", " + py(spec) + ")", enc(format_int(int_value, spec)));
  }
  oracle.check();
}
