// Differential parser tests: for each snippet, minipy's ast_dump must equal python3.11's ast.dump (with
// positions), and for each bad snippet the (kind, message, lineno, offset) must equal CPython's SyntaxError.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "compiler/ast_dump.h"
#include "compiler/parse.h"

namespace {

namespace fs = std::filesystem;

std::string python_path() { return MINIPY_PYTHON311; }

bool have_python() {
  std::string p = python_path();
  if (p.empty() || !fs::exists(p)) {
    MESSAGE("SKIPPED: python3.11 not found");
    std::fprintf(stderr, "SKIPPED: python3.11 not found\n");
    return false;
  }
  return true;
}

// Runs the oracle script over all sources at once (one python3.11 process) and returns one line per source.
std::vector<std::string> oracle(const std::vector<std::string>& sources, bool attrs, const char* mode) {
  fs::path dir = fs::temp_directory_path() / fs::path("minipy_parser_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string cmd = "env -i " + python_path() + " -I " + MINIPY_SOURCE_DIR "/tests/unit/data/parser/oracle.py " +
                    (attrs ? "attrs " : "plain ") + mode;
  for (size_t i = 0; i < sources.size(); ++i) {
    fs::path file = dir / (std::to_string(i) + ".py");
    std::ofstream(file, std::ios::binary) << sources[i];
    cmd += " " + file.string();
  }
  std::vector<std::string> lines;
  if (FILE* pipe = ::popen(cmd.c_str(), "r")) {
    std::string line;
    int c;
    while ((c = std::fgetc(pipe)) != EOF) {
      if (c == '\n') {
        lines.push_back(line);
        line.clear();
      } else {
        line += static_cast<char>(c);
      }
    }
    ::pclose(pipe);
  }
  fs::remove_all(dir);
  return lines;
}

std::string minipy_result(const std::string& source, bool attrs, minipy::ast::ParseMode mode) {
  minipy::ast::Arena arena;
  auto r = minipy::parse(source, "<test>", mode, arena);
  if (r.error) {
    std::string msg = r.error->message;
    return "ERR|" + std::string(r.error->kind_name()) + "|" + msg + "|" + std::to_string(r.error->lineno) + "|" +
           std::to_string(r.error->offset);
  }
  return minipy::ast_dump(*r.module, attrs);
}

void compare_all(const std::vector<std::string>& sources, bool attrs, const char* mode = "exec") {
  if (!have_python()) return;
  auto expected = oracle(sources, attrs, mode);
  REQUIRE(expected.size() == sources.size());
  auto parse_mode = std::string(mode) == "eval"     ? minipy::ast::ParseMode::Eval
                    : std::string(mode) == "single" ? minipy::ast::ParseMode::Single
                                                    : minipy::ast::ParseMode::Exec;
  for (size_t i = 0; i < sources.size(); ++i) {
    INFO("source: ", sources[i]);
    CHECK(minipy_result(sources[i], attrs, parse_mode) == expected[i]);
  }
}

}  // namespace

#include "data/parser/snippets.inc"

TEST_SUITE("parser") {
  TEST_CASE("ast.dump with positions matches python3.11") { compare_all(kSnippets, true); }
  TEST_CASE("f-strings match python3.11 (values only)") { compare_all(kFStringSnippets, false); }
  TEST_CASE("f-strings match python3.11 (positions)") { compare_all(kFStringSnippets, true); }
  TEST_CASE("f-string corners match python3.11") { compare_all(kFStringEdgeSnippets, true); }
  TEST_CASE("layout, encodings and literals match python3.11") { compare_all(kLayoutSnippets, true); }
  TEST_CASE("eval mode") {
    compare_all({"1 + 2\n", "x if y else z", "(yield)", "a, b", "a, b,", "[i for i in x]\n\n", " 1", "x = 1", "1\n2",
                 "(1,\n2)", "yield x", "lambda: 1", "*a, b", "a if b", "1;"},
                true, "eval");
  }
  TEST_CASE("single mode") {
    compare_all({"x = 1\n", "x = 1\ny = 2\n", "if x:\n  pass\n", "if x:\n  pass\n\n", "x\n\n", "\nx\n",
                 "x = 1; y = 2\n", "def f():\n  pass\nx\n", "@d\ndef f(): pass\n"},
                true, "single");
  }
  TEST_CASE("syntax errors match python3.11") { compare_all(kErrorSnippets, false); }
  TEST_CASE("async, match and except* match python3.11") {
    compare_all(kAsyncMatchSnippets, true);
    compare_all(kAsyncMatchErrorSnippets, false);
  }
  TEST_CASE("learner mistakes match python3.11") {
    compare_all(kLearnerErrorSnippets, false);
    compare_all(kLearnerErrorSnippets2, false);
  }
  TEST_CASE("source checks") {
    minipy::ast::Arena arena;
    auto nul = minipy::parse(std::string("x = 1\0\n", 7), "f.py", minipy::ast::ParseMode::Exec, arena);
    REQUIRE(nul.error);
    CHECK(nul.error->message == "source code string cannot contain null bytes");
    auto bad = minipy::parse("x = 1\ny = '\xe9'\n", "/tmp/bad.py", minipy::ast::ParseMode::Exec, arena,
                             minipy::kLatestFeatureVersion, minipy::SourceOrigin::File);
    REQUIRE(bad.error);
    CHECK(bad.error->message ==
          "Non-UTF-8 code starting with '\\xe9' in file /tmp/bad.py on line 2, but no encoding declared; see "
          "https://peps.python.org/pep-0263/ for details");
    auto latin = minipy::parse("# -*- coding: latin-1 -*-\ny = '\xe9'\n", "f.py", minipy::ast::ParseMode::Exec, arena);
    REQUIRE(latin.module);
    CHECK(minipy::ast_dump(*latin.module, false).find("value='\xc3\xa9'") != std::string::npos);
    auto bom = minipy::parse("\xef\xbb\xbfx = 1\n", "f.py", minipy::ast::ParseMode::Exec, arena);
    CHECK(bom.module);
    auto vim = minipy::parse("# vim: set fileencoding=latin-1 :\ny = '\xe9'\n", "f.py", minipy::ast::ParseMode::Exec, arena);
    CHECK(vim.module);
    auto second = minipy::parse("#!/usr/bin/env python\n# coding=latin-1\ny = '\xe9'\n", "f.py",
                                minipy::ast::ParseMode::Exec, arena);
    CHECK(second.module);
    auto after_code = minipy::parse("x = 1\n# coding: latin-1\ny = '\xe9'\n", "f.py", minipy::ast::ParseMode::Exec, arena);
    CHECK(after_code.error);
    auto unknown = minipy::parse("# coding: foo\n", "f.py", minipy::ast::ParseMode::Exec, arena);
    REQUIRE(unknown.error);
    CHECK(unknown.error->message == "unknown encoding: foo");
  }
}
