// The cache's last windows (issue 12 item 6), as decisions: the racy rule judged by the clock of the stat taken
// before compiling, a source that changed during the compile, and the integrity trailer of minipy's pycs.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include "cache/get_code.h"
#include "cache/pyc.h"
#include "compiler/compile.h"

using namespace minipy;

namespace {

std::span<const uint8_t> bytes_of(const std::string& s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

uint32_t flags_of(const std::string& pyc) {
  return static_cast<uint8_t>(pyc[4]) | static_cast<uint8_t>(pyc[5]) << 8;
}

}  // namespace

TEST_SUITE("cache_windows") {
  TEST_CASE("the racy rule compares the source's mtime with the clock of the stat before the compile") {
    CompileResult r = compile_source("V = 1\n", "<test>", ast::ParseMode::Exec, {});
    REQUIRE(r.ok());
    struct stat st {};
    st.st_mtim.tv_sec = 1000;
    st.st_size = 6;
    // Modified in the second the stat was taken: a later same-second edit would keep mtime and size.
    CHECK(flags_of(code_to_pyc(*r.value(), "V = 1\n", st, Invalidation::Timestamp, 1000)) == 3);
    // Modified a second before it: a timestamp pyc, even if the compile ends much later.
    CHECK(flags_of(code_to_pyc(*r.value(), "V = 1\n", st, Invalidation::Timestamp, 1001)) == 0);
    // py_compile and compileall do not apply the rule.
    CHECK(flags_of(code_to_pyc(*r.value(), "V = 1\n", st, Invalidation::Timestamp, std::nullopt)) == 0);
  }

  TEST_CASE("a changed inode, size, mtime or ctime (to the nanosecond) is another version of the source") {
    struct stat a {};
    a.st_ino = 7;
    a.st_size = 10;
    a.st_mtim = {100, 5};
    a.st_ctim = {100, 5};
    struct stat b = a;
    CHECK(same_file_version(a, b));
    b.st_mtim.tv_nsec = 6;  // rewritten within the same second, same size
    CHECK_FALSE(same_file_version(a, b));
    b = a;
    b.st_ctim.tv_sec = 101;  // mtime set back by touch: the change time still moves
    CHECK_FALSE(same_file_version(a, b));
  }

  TEST_CASE("minipy's pycs carry a trailer that any changed byte breaks") {
    CompileResult r = compile_source("V = 42\n", "<test>", ast::ParseMode::Exec, {});
    REQUIRE(r.ok());
    std::string pyc = code_to_timestamp_pyc(*r.value(), 1000, 7);
    PycTrailerCheck check = check_pyc_trailer(bytes_of(pyc));
    CHECK(check.state == PycTrailerCheck::State::Valid);
    CHECK(check.body.size() == pyc.size() - kPycHeaderSize - kPycTrailerSize);
    CHECK(code_from_pyc_body(bytes_of(pyc)).ok());
    for (size_t i = 0; i < pyc.size(); i++) {
      std::string damaged = pyc;
      damaged[i] = static_cast<char>(damaged[i] ^ 0x10);
      CAPTURE(i);
      CHECK_FALSE(code_from_pyc_body(bytes_of(damaged)).ok());
    }
    // Without the trailer (as CPython writes pycs), the structural checks alone decide.
    std::string bare = pyc.substr(0, pyc.size() - kPycTrailerSize);
    CHECK(check_pyc_trailer(bytes_of(bare)).state == PycTrailerCheck::State::Absent);
    CHECK(code_from_pyc_body(bytes_of(bare)).ok());
    // Bytes after the code object that are not a trailer are damage.
    auto junk = code_from_pyc_body(bytes_of(bare + "junk"));
    REQUIRE_FALSE(junk.ok());
    CHECK(junk.error().message.find("unexpected bytes") != std::string::npos);
  }
}
