// Holds compiler/opcodes.def against the reference table generated from python3.11.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/opcodes.h"

using namespace minipy;

TEST_CASE("opcodes.def matches ../shared/reference/opcodes311.tsv") {
  std::ifstream in(std::string(MINIPY_SOURCE_DIR) + "/../shared/reference/opcodes311.tsv");
  if (!in) {
    MESSAGE("SKIPPED: ../shared/reference/opcodes311.tsv is not beside the project");
    return;
  }
  // Columns are found by their header names: the reference file may grow columns.
  std::string line;
  std::getline(in, line);
  std::vector<std::string> header;
  {
    std::istringstream names(line);
    for (std::string column; std::getline(names, column, '\t');) header.push_back(column);
  }
  auto column_index = [&](std::string_view column) {
    auto it = std::find(header.begin(), header.end(), column);
    REQUIRE(it != header.end());
    return static_cast<size_t>(it - header.begin());
  };
  const size_t name_col = column_index("name"), number_col = column_index("number"),
               arg_col = column_index("has_arg"), caches_col = column_index("cache_entries"),
               jump_col = column_index("jump"), effect0_col = column_index("se_arg0"),
               effect1_col = column_index("se_arg1");
  const size_t specializes_col = column_index("specializes");
  int rows = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    {
      std::istringstream cells(line);
      for (std::string cell; std::getline(cells, cell, '\t');) fields.push_back(cell);
      fields.resize(header.size());
    }
    const std::string &name = fields[name_col], &number = fields[number_col], &arg_flag = fields[arg_col],
                      &caches = fields[caches_col], &jump = fields[jump_col], &effect0 = fields[effect0_col],
                      &effect1 = fields[effect1_col];
    // Specialized instructions (BINARY_OP_ADAPTIVE, ...) exist only in a running CPython's memory, never in a
    // code object or pyc: opcodes.def has the base instructions only.
    if (!fields[specializes_col].empty()) continue;
    int n = std::stoi(number);
    INFO(name);
    REQUIRE(is_defined_opcode(n));
    auto op = static_cast<Opcode>(n);
    CHECK(opcode_info(op).name == name);
    CHECK(has_arg(op) == (arg_flag == "1"));
    CHECK(cache_entries(op) == std::stoi(caches));
    CHECK(is_jump(op) == !jump.empty());  // "forward" or "backward"
    if (effect0 != "n/a") CHECK(max_stack_effect(op, 0) == std::stoi(effect0));
    if (effect1 != "n/a") CHECK(max_stack_effect(op, 1) == std::stoi(effect1));
    rows++;
  }
  CHECK(rows == 111 - 1);
  // Every real opcode in the table appears in the reference (no extras).
  int defined = 0;
  for (int i = 0; i < kFirstPseudoOpcode; i++) defined += is_defined_opcode(i);
  CHECK(defined == rows);
}
