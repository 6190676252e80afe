// The location-table and exception-table codecs: round trips of every entry form, and the decoders against
// python3.11's own tables (co_positions() and dis._parse_exception_table()).
#include <doctest/doctest.h>

#include <sstream>

#include "assembler_test_support.h"
#include "compiler/exception_table.h"
#include "compiler/linetable.h"
#include "compiler/opcodes.h"

using namespace minipy;
using namespace minipy::test;

namespace {

std::string unhex(const std::string& text) {
  std::string out;
  for (size_t i = 0; i + 1 < text.size(); i += 2) out.push_back(static_cast<char>(std::stoi(text.substr(i, 2), nullptr, 16)));
  return out;
}

// A source whose tables use every location form: long lines (columns >= 80 and >= 128), multi-line
// expressions, backward line deltas, line jumps of more than 63, nested handlers and a with-statement.
std::string tricky_source() {
  std::string s = "def f(a, b):\n";
  s += "    x = a + b" + std::string(90, ' ') + "+ a\n";
  s += "    y = (a +\n         b)\n";
  s += "    for i in range(3):\n        x += i\n";
  s += "    try:\n        with a:\n            x = b[" + std::string(140, ' ') + "0]\n";
  s += "    except (KeyError, ValueError) as e:\n        y = e\n";
  s += "    finally:\n        x = None\n";
  for (int i = 0; i < 80; i++) s += "\n";
  s += "    return x, y\n";
  return s;
}

bool same_position(const SourcePosition& p, const std::vector<int>& expected) {
  return expected.size() == 4 && p.lineno == expected[0] && p.end_lineno == expected[1] &&
         p.col_offset == expected[2] && p.end_col_offset == expected[3];
}

}  // namespace

TEST_SUITE("assembler_tables") {

TEST_CASE("location table: every form round-trips") {
  std::vector<std::pair<SourcePosition, int>> items = {
      {{5, 5, 4, 9}, 1},        // short form
      {{5, 5, 100, 120}, 2},    // one-line form, delta 0 (column too big for short)
      {{7, 7, 3, 10}, 3},       // one-line form, delta 2
      {{6, 6, 200, 210}, 1},    // long form: backward delta and columns >= 128
      {{6, 9, 0, 3}, 12},       // long form spanning lines, split into 8 + 4 units
      {{90, 90, -1, -1}, 1},    // no columns, big delta
      {{-1, -1, -1, -1}, 2},    // no location
      {{90, -1, -1, -1}, 1},    // line only (end line unknown): no-column form
      {{0, 1, 0, 0}, 1},        // CPython's module RESUME: line 0
  };
  LineTableWriter writer(5);
  int total = 0;
  for (auto& [pos, units] : items) {
    writer.add(pos, units);
    total += units;
  }
  auto ranges = decode_location_table(writer.table(), 5);
  REQUIRE(ranges.has_value());
  CHECK(ranges->back().end == total);
  int unit = 0;
  for (auto& [pos, units] : items) {
    for (int u = unit; u < unit + units; u++) {
      SourcePosition got = location_at(writer.table(), 5, u);
      INFO("unit " << u);
      CHECK(got.lineno == pos.lineno);
      CHECK(got.end_lineno == (pos.end_lineno == -1 ? pos.lineno : pos.end_lineno));
      CHECK(got.col_offset == pos.col_offset);
      CHECK(got.end_col_offset == pos.end_col_offset);
    }
    unit += units;
  }
  CHECK(location_at(writer.table(), 5, total).lineno == -1);
}

TEST_CASE("location table: malformed bytes are rejected") {
  CHECK_FALSE(decode_location_table(std::string("\x01", 1), 1).has_value());            // no entry marker
  CHECK_FALSE(decode_location_table(std::string("\xf0\x03", 2), 1).has_value());        // truncated long form
  CHECK_FALSE(decode_location_table(std::string("\x80", 1), 1).has_value());            // short form, no byte
  CHECK(decode_location_table(std::string(), 1)->empty());
}

TEST_CASE("location table decoder agrees with python3.11 co_positions()") {
  for (const char* selector : {"c", "c.co_consts[0]"}) {
    auto py = python_code(tricky_source(), selector);
    if (!py) return;
    std::string table = unhex(py->linetable);
    auto ranges = decode_location_table(table, py->firstlineno);
    REQUIRE(ranges.has_value());
    REQUIRE(ranges->back().end == static_cast<int>(py->positions.size()));
    for (size_t u = 0; u < py->positions.size(); u++) {
      INFO(selector << " unit " << u);
      CHECK(same_position(location_at(table, py->firstlineno, static_cast<int>(u)), py->positions[u]));
    }
  }
}

TEST_CASE("exception table: round trip and lookup") {
  std::vector<ExceptionTableEntry> entries = {
      {2, 8, 20, 0, false}, {20, 30, 40, 1, true}, {70, 5000, 100000, 3, true}, {5000, 5001, 7, 1000, false}};
  std::string table;
  for (const auto& e : entries) append_exception_table_entry(table, e);
  auto parsed = parse_exception_table(table);
  REQUIRE(parsed.has_value());
  CHECK(*parsed == entries);
  CHECK_FALSE(find_exception_handler(table, 0).has_value());
  CHECK(find_exception_handler(table, 2)->target == 20);
  CHECK(find_exception_handler(table, 7)->target == 20);
  CHECK_FALSE(find_exception_handler(table, 8).has_value());
  CHECK(find_exception_handler(table, 4999)->target == 100000);
  CHECK(find_exception_handler(table, 5000)->depth == 1000);
  CHECK_FALSE(find_exception_handler(table, 5001).has_value());
  CHECK_FALSE(parse_exception_table(table.substr(0, table.size() - 1)).has_value());
  CHECK_FALSE(parse_exception_table(std::string("\x02", 1)).has_value());
}

TEST_CASE("exception table decoder agrees with python3.11 dis._parse_exception_table()") {
  auto py = python_code(tricky_source(), "c.co_consts[0]");
  if (!py) return;
  auto parsed = parse_exception_table(unhex(py->exceptiontable));
  REQUIRE(parsed.has_value());
  REQUIRE(parsed->size() == py->exception_entries.size());
  CHECK(parsed->size() >= 4);
  for (size_t i = 0; i < parsed->size(); i++) {
    const auto& e = (*parsed)[i];
    const auto& want = py->exception_entries[i];  // bytes: start, end, target, depth, lasti
    CHECK(e.start * 2 == want[0]);
    CHECK(e.end * 2 == want[1]);
    CHECK(e.target * 2 == want[2]);
    CHECK(e.depth == want[3]);
    CHECK(e.lasti == (want[4] != 0));
  }
}

// co_stacksize comes from stack_effect(); hold both of its edges (fall through and jump) against the
// compiler's own function, which python3.11 exposes as dis.stack_effect(op, arg, jump=...).
TEST_CASE("stack effects on both edges agree with python3.11 dis.stack_effect(jump=...)") {
  std::string script =
      "import dis, opcode\n"
      "for op in range(256):\n"
      "  if opcode.opname[op].startswith('<') or op == opcode.opmap.get('CACHE'): continue\n"
      "  for arg in ([0, 1, 2, 3, 7, 256 + 3] if op >= opcode.HAVE_ARGUMENT else [None]):\n"
      "    try:\n"
      "      print(op, arg if arg is not None else 0, dis.stack_effect(op, arg, jump=False), "
      "dis.stack_effect(op, arg, jump=True))\n"
      "    except ValueError:\n"
      "      pass\n";
  auto output = run_python(script);
  if (!output) return;
  std::istringstream in(*output);
  int op, arg, fall, jump, rows = 0;
  while (in >> op >> arg >> fall >> jump) {
    INFO(kOpcodeTable[static_cast<size_t>(op)].name << " " << arg);
    CHECK(stack_effect(static_cast<Opcode>(op), arg, false) == fall);
    CHECK(stack_effect(static_cast<Opcode>(op), arg, true) == jump);
    rows++;
  }
  CHECK(rows > 300);
}

}  // TEST_SUITE
