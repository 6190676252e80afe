// The cache's stack checker (cache/verify.cpp) must accept everything the compiler produces — or the cache
// would never be used — and refuse the damage a flipped byte can do.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cache/verify.h"
#include "compiler/compile.h"
#include "compiler/opcodes.h"

using namespace minipy;

namespace {

std::shared_ptr<const CodeObject> compile_text(std::string_view source) {
  CompileResult r = compile_source(source, "<test>", ast::ParseMode::Exec, {});
  REQUIRE(r.code);
  return r.code;
}

// Checks `code` and every code object nested in it; returns the first complaint.
std::string check_tree(const CodeObject& code) {
  std::string problem = verify_stack_use(code);
  if (!problem.empty()) return code.qualname + ": " + problem;
  for (const ConstRef& c : code.consts)
    if (c->is(Const::Kind::Code)) {
      problem = check_tree(*c->code_value());
      if (!problem.empty()) return problem;
    }
  return {};
}

// A copy of `code` with code unit `unit` replaced by (op, arg).
std::shared_ptr<const CodeObject> patched(const CodeObject& code, size_t unit, Opcode op, int arg) {
  auto copy = std::make_shared<CodeObject>(code);
  copy->code[2 * unit] = static_cast<char>(static_cast<uint8_t>(op));
  copy->code[2 * unit + 1] = static_cast<char>(arg);
  return copy;
}

size_t find_unit(const CodeObject& code, Opcode op) {
  for (size_t i = 0; i < code.code.size(); i += 2)
    if (static_cast<uint8_t>(code.code[i]) == static_cast<uint8_t>(op)) return i / 2;
  FAIL("opcode not found");
  return 0;
}

}  // namespace

TEST_SUITE("import_verify") {
  TEST_CASE("every differential case compiles to code the checker accepts") {
    int checked = 0;
    for (const char* dir : {"/tests/cases", "/tests/cases/tier2"}) {
      std::filesystem::path root = std::string(MINIPY_SOURCE_DIR) + dir;
      if (!std::filesystem::is_directory(root)) continue;
      for (const auto& entry : std::filesystem::directory_iterator(root)) {
        if (entry.path().extension() != ".py") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        CompileResult r = compile_source(text.str(), entry.path().string(), ast::ParseMode::Exec, {});
        if (!r.code) continue;  // syntax-error cases
        CAPTURE(entry.path().string());
        CHECK(check_tree(*r.code) == "");
        checked++;
      }
    }
    CHECK(checked > 50);
  }

  TEST_CASE("typical constructs pass") {
    auto code = compile_text(
        "def f(a, *b, k=1, **c):\n    return [x for x in b if x], {k: v for k, v in c.items()}, f'{a!r:>{k}}'\n"
        "def outer():\n    n = 0\n    def inner():\n        nonlocal n\n        n += 1\n        return n\n"
        "    return inner\n"
        "try:\n    import nothing\nexcept ImportError as e:\n    pass\nfinally:\n    x = 1\n"
        "with open('x') as fh:\n    pass\n"
        "class C:\n    y = 2\n");
    CHECK(check_tree(*code) == "");
  }

  TEST_CASE("damage is refused") {
    auto code = compile_text("def f(x, y):\n    return g(x, y) + 1\nz = f(1, 2)\n");
    const CodeObject& f = *code->consts[0]->code_value();
    size_t call = find_unit(f, Opcode::CALL);
    CHECK(verify_stack_use(*patched(f, call, Opcode::CALL, 40)) != "");          // more arguments than exist
    CHECK(verify_stack_use(*patched(f, call, Opcode::CALL, 1)) != "");           // CALL disagrees with PRECALL
    size_t binary = find_unit(f, Opcode::BINARY_OP);
    CHECK(verify_stack_use(*patched(f, binary, Opcode::BINARY_OP, 200)) != "");  // no such operator
    CHECK(verify_stack_use(*patched(f, binary, Opcode::POP_TOP, 0)) != "");      // RETURN_VALUE then underflows
    size_t make = find_unit(*code, Opcode::MAKE_FUNCTION);
    CHECK(verify_stack_use(*patched(*code, make - 1, Opcode::LOAD_CONST, 1)) != "");  // not a code object
    CHECK(verify_stack_use(*patched(*code, make, Opcode::MAKE_FUNCTION, 8)) != "");   // no closure tuple
  }

  TEST_CASE("a jump straight to CALL past its PRECALL is refused, not popped below the stack") {
    // f(): RESUME, PUSH_NULL, LOAD_NAME f, PRECALL 0, CACHE, CALL 0, ... Patched to LOAD_CONST None and a
    // JUMP_FORWARD onto CALL: it arrives with one value where PRECALL checked for two.
    auto code = compile_text("f()\n");
    size_t precall = find_unit(*code, Opcode::PRECALL);
    size_t call = find_unit(*code, Opcode::CALL);
    auto damaged = patched(*code, precall - 2, Opcode::LOAD_CONST, 0);
    damaged = patched(*damaged, precall - 1, Opcode::JUMP_FORWARD, static_cast<int>(call - precall));
    CHECK(verify_stack_use(*damaged) == "stack underflow");
  }
}
