// Holds compiler/opcodes.def against the reference table generated from python3.11.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "compiler/opcodes.h"

using namespace minipy;

TEST_CASE("opcodes.def matches ../shared/reference/opcodes311.tsv") {
  std::ifstream in(std::string(MINIPY_SOURCE_DIR) + "/../shared/reference/opcodes311.tsv");
  if (!in) {
    MESSAGE("SKIPPED: ../shared/reference/opcodes311.tsv is not beside the project");
    return;
  }
  std::string line;
  std::getline(in, line);  // header
  int rows = 0;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string name, number, arg_flag, caches, jump, effect0, effect1;
    std::getline(fields, name, '\t');
    std::getline(fields, number, '\t');
    std::getline(fields, arg_flag, '\t');
    std::getline(fields, caches, '\t');
    std::getline(fields, jump, '\t');
    std::getline(fields, effect0, '\t');
    std::getline(fields, effect1, '\t');
    int n = std::stoi(number);
    INFO(name);
    REQUIRE(is_defined_opcode(n));
    auto op = static_cast<Opcode>(n);
    CHECK(opcode_info(op).name == name);
    CHECK(has_arg(op) == (arg_flag == "1"));
    CHECK(cache_entries(op) == std::stoi(caches));
    CHECK(is_jump(op) == (jump == "rel"));
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
