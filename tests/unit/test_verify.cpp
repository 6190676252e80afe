// The cache's stack checker (cache/verify.cpp) must accept everything the compiler produces — or the cache
// would never be used — and refuse the damage a flipped byte can do.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cache/verify.h"
#include "cache/verify_kinds.h"
#include "compiler/compile.h"
#include "compiler/exception_table.h"
#include "compiler/opcodes.h"

using namespace minipy;

namespace {

std::shared_ptr<const CodeObject> compile_text(std::string_view source) {
  CompileResult r = compile_source(source, "<test>", ast::ParseMode::Exec, {});
  REQUIRE(r.ok());
  return r.value();
}

// Checks `code` and every code object nested in it; returns the first complaint.
std::string check_tree(const CodeObject& code) {
  Result<Ok> checked = verify_stack_use(code);
  if (!checked.ok()) return code.qualname + ": " + checked.error().message;
  std::string problem;
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

// Both passes, as verify_tree runs them on one code object.
std::string verify_all(const CodeObject& code) {
  Result<Ok> checked = verify_code(code);
  if (checked.ok()) checked = verify_stack_use(code);
  return checked.ok() ? std::string() : checked.error().message;
}

struct Ins {
  Opcode op;
  int arg = 0;
};

// A hand-made code object: `body` with each instruction's CACHE entries filled in, None as co_consts[0],
// `flags`, and room for `stacksize` items.
std::shared_ptr<CodeObject> craft(std::initializer_list<Ins> body, int flags = 0, int stacksize = 4) {
  auto code = std::make_shared<CodeObject>();
  for (const Ins& in : body) {
    code->code += static_cast<char>(static_cast<uint8_t>(in.op));
    code->code += static_cast<char>(in.arg);
    for (int k = 0; k < cache_entries(in.op); k++) code->code += std::string(2, '\0');
  }
  code->flags = flags;
  code->stacksize = stacksize;
  code->consts.push_back(Const::none());
  code->names = {"x"};
  code->name = code->qualname = "crafted";
  return code;
}

constexpr int kFunction = CO_OPTIMIZED | CO_NEWLOCALS;

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
        if (!r.ok()) continue;  // syntax-error cases
        CAPTURE(entry.path().string());
        CHECK(check_tree(*r.value()) == "");
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
    CHECK_FALSE(verify_stack_use(*patched(f, call, Opcode::CALL, 40)).ok());          // more arguments than exist
    CHECK_FALSE(verify_stack_use(*patched(f, call, Opcode::CALL, 1)).ok());           // CALL disagrees with PRECALL
    size_t binary = find_unit(f, Opcode::BINARY_OP);
    CHECK(verify_all(*patched(f, binary, Opcode::BINARY_OP, 200)) != "");  // no such operator
    CHECK(verify_all(*patched(f, binary, Opcode::POP_TOP, 0)) != "");      // its CACHE entry becomes an instruction
    size_t make = find_unit(*code, Opcode::MAKE_FUNCTION);
    CHECK_FALSE(verify_stack_use(*patched(*code, make - 1, Opcode::LOAD_CONST, 1)).ok());  // not a code object
    CHECK_FALSE(verify_stack_use(*patched(*code, make, Opcode::MAKE_FUNCTION, 8)).ok());   // no closure tuple
  }

  TEST_CASE("a jump straight to CALL past its PRECALL is refused, not popped below the stack") {
    // f(): RESUME, PUSH_NULL, LOAD_NAME f, PRECALL 0, CACHE, CALL 0, ... Patched to LOAD_CONST None and a
    // JUMP_FORWARD onto CALL: it arrives with one value where PRECALL checked for two.
    auto code = compile_text("f()\n");
    size_t precall = find_unit(*code, Opcode::PRECALL);
    size_t call = find_unit(*code, Opcode::CALL);
    auto damaged = patched(*code, precall - 2, Opcode::LOAD_CONST, 0);
    damaged = patched(*damaged, precall - 1, Opcode::JUMP_FORWARD, static_cast<int>(call - precall));
    // Refused before anything runs; the table-driven verifier names the cause (a jump into a call sequence).
    CHECK_FALSE(verify_stack_use(*damaged).ok());
  }
}

TEST_SUITE("import_verify") {
  TEST_CASE("every row of the opcode table's kinds column parses") { CHECK(check_kinds_column() == ""); }

  TEST_CASE("a yield outside a generator is refused, a real generator passes") {
    auto yielding_module = craft({{Opcode::RESUME}, {Opcode::LOAD_CONST}, {Opcode::YIELD_VALUE}, {Opcode::POP_TOP},
                                  {Opcode::LOAD_CONST}, {Opcode::RETURN_VALUE}});
    CHECK(verify_all(*yielding_module).find("YIELD_VALUE outside a generator") != std::string::npos);
    // A plain function, and a function flagged as a generator that lacks the RETURN_GENERATOR prologue.
    yielding_module->flags = kFunction;
    CHECK(verify_all(*yielding_module) != "");
    yielding_module->flags = kFunction | CO_GENERATOR;
    CHECK(verify_all(*yielding_module) != "");
    auto generator = craft({{Opcode::RETURN_GENERATOR}, {Opcode::POP_TOP}, {Opcode::RESUME}, {Opcode::LOAD_CONST},
                            {Opcode::YIELD_VALUE}, {Opcode::RESUME, 1}, {Opcode::POP_TOP}, {Opcode::LOAD_CONST},
                            {Opcode::RETURN_VALUE}},
                           kFunction | CO_GENERATOR);
    CHECK(verify_all(*generator) == "");
    generator->flags = kFunction;  // the prologue of a function that is not a generator
    CHECK(verify_all(*generator).find("RETURN_GENERATOR outside generator code") != std::string::npos);
  }

  TEST_CASE("RETURN_GENERATOR only opens the code, and nothing jumps back to it") {
    auto late = craft({{Opcode::NOP}, {Opcode::RETURN_GENERATOR}, {Opcode::POP_TOP}, {Opcode::LOAD_CONST},
                       {Opcode::RETURN_VALUE}},
                      kFunction | CO_GENERATOR);
    CHECK(verify_all(*late).find("after the start") != std::string::npos);
    auto loop = craft({{Opcode::RETURN_GENERATOR}, {Opcode::POP_TOP}, {Opcode::JUMP_BACKWARD, 3}},
                      kFunction | CO_GENERATOR);
    CHECK(verify_all(*loop).find("prologue") != std::string::npos);
  }

  TEST_CASE("async-only opcodes need async code; namespace opcodes need a namespace") {
    auto awaiting = craft({{Opcode::RETURN_GENERATOR}, {Opcode::POP_TOP}, {Opcode::LOAD_CONST},
                           {Opcode::GET_AWAITABLE}, {Opcode::RETURN_VALUE}},
                          kFunction | CO_GENERATOR);
    CHECK(verify_all(*awaiting).find("outside async code") != std::string::npos);
    awaiting->flags = kFunction | CO_COROUTINE;
    CHECK(verify_all(*awaiting) == "");
    auto wrapping = craft({{Opcode::RETURN_GENERATOR}, {Opcode::POP_TOP}, {Opcode::LOAD_CONST},
                           {Opcode::ASYNC_GEN_WRAP}, {Opcode::RETURN_VALUE}},
                          kFunction | CO_COROUTINE);
    CHECK(verify_all(*wrapping).find("async generator") != std::string::npos);
    auto loading = craft({{Opcode::LOAD_NAME}, {Opcode::RETURN_VALUE}});
    CHECK(verify_all(*loading) == "");
    loading->flags = kFunction;
    CHECK(verify_all(*loading).find("optimized") != std::string::npos);
  }

  TEST_CASE("operands stay inside their tables and opargs inside their rows' ranges") {
    CHECK(verify_all(*craft({{Opcode::LOAD_CONST, 1}, {Opcode::RETURN_VALUE}})).find("constant index") !=
          std::string::npos);
    CHECK(verify_all(*craft({{Opcode::LOAD_NAME, 1}, {Opcode::RETURN_VALUE}})).find("name index") !=
          std::string::npos);
    CHECK(verify_all(*craft({{Opcode::LOAD_FAST, 0}, {Opcode::RETURN_VALUE}}, kFunction)).find("local index") !=
          std::string::npos);
    auto cells = craft({{Opcode::LOAD_DEREF, 0}, {Opcode::RETURN_VALUE}}, kFunction);
    cells->localsplusnames = {"plain", "free"};
    cells->localspluskinds = {static_cast<char>(CO_FAST_LOCAL), static_cast<char>(CO_FAST_FREE)};
    CHECK(verify_all(*cells).find("not a cell") != std::string::npos);
    cells->code[1] = 1;  // LOAD_DEREF of the free variable (no COPY_FREE_VARS: still structurally fine)
    CHECK(verify_code(*cells).ok());
    auto make_cell = craft({{Opcode::MAKE_CELL, 1}, {Opcode::LOAD_CONST}, {Opcode::RETURN_VALUE}}, kFunction);
    make_cell->localsplusnames = cells->localsplusnames;
    make_cell->localspluskinds = cells->localspluskinds;
    CHECK(verify_all(*make_cell).find("not a cell") != std::string::npos);  // a free variable has its cell
    for (auto [op, arg] : {std::pair{Opcode::COMPARE_OP, 6}, {Opcode::RESUME, 4}, {Opcode::BUILD_SLICE, 1},
                          {Opcode::BINARY_OP, 26}, {Opcode::RAISE_VARARGS, 3}, {Opcode::IS_OP, 2}}) {
      CAPTURE(opcode_info(op).name);
      CHECK(verify_all(*craft({{op, arg}, {Opcode::RETURN_VALUE}})).find("out of range") != std::string::npos);
    }
  }

  TEST_CASE("jumps land on instructions inside the code, never in a CACHE entry or past a PRECALL") {
    // LOAD_GLOBAL has 5 CACHE entries: a jump of 2 lands inside them.
    auto into_cache = craft({{Opcode::JUMP_FORWARD, 2}, {Opcode::LOAD_GLOBAL}, {Opcode::RETURN_VALUE}});
    CHECK(verify_all(*into_cache).find("middle of an instruction") != std::string::npos);
    CHECK(verify_all(*craft({{Opcode::JUMP_FORWARD, 9}, {Opcode::RETURN_VALUE}})).find("out of range") !=
          std::string::npos);
    auto to_call = craft({{Opcode::PUSH_NULL}, {Opcode::LOAD_NAME}, {Opcode::JUMP_FORWARD, 2}, {Opcode::PRECALL},
                          {Opcode::CALL}, {Opcode::RETURN_VALUE}});
    CHECK(verify_all(*to_call).find("CALL") != std::string::npos);
  }

  TEST_CASE("the stack never underflows, never outgrows co_stacksize, and merges at one depth") {
    CHECK(verify_all(*craft({{Opcode::POP_TOP}, {Opcode::LOAD_CONST}, {Opcode::RETURN_VALUE}})) != "");
    CHECK(verify_all(*craft({{Opcode::LOAD_CONST}, {Opcode::LOAD_CONST}, {Opcode::BUILD_TUPLE, 2},
                             {Opcode::RETURN_VALUE}},
                            0, 1))
              .find("co_stacksize") != std::string::npos);
    // One path pushes an extra item before the paths meet.
    auto uneven = craft({{Opcode::LOAD_CONST}, {Opcode::POP_JUMP_FORWARD_IF_TRUE, 1}, {Opcode::LOAD_CONST},
                         {Opcode::LOAD_CONST}, {Opcode::RETURN_VALUE}});
    CHECK(verify_all(*uneven).find("inconsistent stack depth") != std::string::npos);
    // An exception handler that expects more of the stack than the covered instruction has.
    auto handler = craft({{Opcode::NOP}, {Opcode::LOAD_CONST}, {Opcode::RETURN_VALUE}, {Opcode::POP_TOP},
                          {Opcode::LOAD_CONST}, {Opcode::RETURN_VALUE}});
    append_exception_table_entry(handler->exceptiontable, {0, 1, 3, 2, false});
    CHECK(verify_all(*handler).find("handler depth") != std::string::npos);
    handler->exceptiontable.clear();
    append_exception_table_entry(handler->exceptiontable, {0, 1, 3, 0, false});
    CHECK(verify_all(*handler) == "");
    // A handler target inside a CACHE entry, and one past the end.
    auto bad_target = craft({{Opcode::NOP}, {Opcode::LOAD_GLOBAL}, {Opcode::RETURN_VALUE}});
    append_exception_table_entry(bad_target->exceptiontable, {0, 1, 3, 0, false});
    CHECK(verify_all(*bad_target).find("middle of an instruction") != std::string::npos);
  }

  TEST_CASE("kinds from the table: FOR_ITER needs an iterator, LIST_APPEND a list, POP_EXCEPT a saved exception") {
    CHECK(verify_all(*craft({{Opcode::LOAD_CONST}, {Opcode::FOR_ITER, 1}, {Opcode::POP_TOP},
                             {Opcode::LOAD_CONST}, {Opcode::RETURN_VALUE}}))
              .find("FOR_ITER does not find") != std::string::npos);
    CHECK(verify_all(*craft({{Opcode::LOAD_CONST}, {Opcode::GET_ITER}, {Opcode::FOR_ITER, 2}, {Opcode::POP_TOP},
                             {Opcode::JUMP_BACKWARD, 3}, {Opcode::LOAD_CONST}, {Opcode::RETURN_VALUE}})) == "");
    CHECK(verify_all(*craft({{Opcode::LOAD_CONST}, {Opcode::LOAD_CONST}, {Opcode::LIST_APPEND, 1},
                             {Opcode::RETURN_VALUE}}))
              .find("LIST_APPEND does not find") != std::string::npos);
    CHECK(verify_all(*craft({{Opcode::LOAD_CONST}, {Opcode::POP_EXCEPT}, {Opcode::LOAD_CONST},
                             {Opcode::RETURN_VALUE}}))
              .find("POP_EXCEPT does not find") != std::string::npos);
    // A NULL may be discarded but never used as a value.
    CHECK(verify_all(*craft({{Opcode::PUSH_NULL}, {Opcode::POP_TOP}, {Opcode::LOAD_CONST}, {Opcode::RETURN_VALUE}})) ==
          "");
    CHECK(verify_all(*craft({{Opcode::PUSH_NULL}, {Opcode::RETURN_VALUE}})).find("NULL") != std::string::npos);
  }
}
