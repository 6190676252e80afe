// The verified-body memo (cache/verified_memo.h): a file is remembered by its stat identity once its ctime has
// settled, only in a directory the user alone can write, and any change to the file is a different key.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <string>

#include "cache/verified_memo.h"
#include "compiler/compile.h"

using namespace minipy;

TEST_SUITE("verified_memo") {
  TEST_CASE("a file is remembered by its identity, once settled, in a directory only its user can write") {
    std::filesystem::path root = std::filesystem::temp_directory_path() / ("minipy_memo_" + std::to_string(getpid()));
    std::filesystem::remove_all(root);
    std::string dir = verified_memo_dir(root.string());
    REQUIRE(!dir.empty());
    CHECK(verified_memo_dir("") == "");
    struct stat file {};
    REQUIRE(stat("/proc/self/exe", &file) == 0);
    if (file.st_ctim.tv_sec > time(nullptr) - 3) file.st_ctim.tv_sec -= 10;  // a binary built seconds ago
    std::string key = verified_memo_key(file);
    REQUIRE(!key.empty());
    struct stat changed = file;
    changed.st_ctim.tv_nsec ^= 1;  // any change to the file moves its ctime
    CHECK(verified_memo_key(changed) != key);
    struct stat fresh = file;
    clock_gettime(CLOCK_REALTIME, &fresh.st_ctim);  // changed just now: a second change could keep this ctime
    fresh.st_ctim.tv_nsec |= 1;                     // (a filesystem with nanosecond stamps)
    CHECK(verified_memo_key(fresh) == "");
    struct stat settled_fine = fresh;  // 0.2 s ago on such a filesystem: many clock ticks have passed
    settled_fine.st_ctim.tv_nsec -= settled_fine.st_ctim.tv_nsec >= 200'000'000 ? 200'000'000 : 0;
    if (settled_fine.st_ctim.tv_nsec == fresh.st_ctim.tv_nsec) settled_fine.st_ctim.tv_sec -= 1;
    CHECK(verified_memo_key(settled_fine) != "");
    struct stat whole_second = fresh;  // a stamp on a whole second may come from a one-second filesystem
    whole_second.st_ctim.tv_sec -= 1;
    whole_second.st_ctim.tv_nsec = 0;
    CHECK(verified_memo_key(whole_second) == "");
    struct stat directory = file;
    directory.st_mode = S_IFDIR | 0755;
    CHECK(verified_memo_key(directory) == "");
    CHECK(!verified_memo_has(dir, key));
    verified_memo_add(dir, key);  // creates the root and the memo directory
    CHECK(verified_memo_has(dir, key));
    CHECK(!verified_memo_has(dir, verified_memo_key(changed)));
    // A memo others can write to is not trusted, whatever it holds.
    chmod(dir.c_str(), 0777);
    CHECK(!verified_memo_has(dir, key));
    chmod(dir.c_str(), 0700);
    CHECK(verified_memo_has(dir, key));
    std::filesystem::remove_all(root);
  }

  TEST_CASE("mark_tree_verified marks nested code objects") {
    CompileResult r = compile_source("def f():\n    def g():\n        pass\n", "<memo>", ast::ParseMode::Exec, {});
    REQUIRE(r.ok());
    mark_tree_verified(*r.value());
    const CodeObject& f = *r.value()->consts[0]->code_value();
    CHECK(r.value()->verified);
    CHECK(f.verified);
    for (const ConstRef& k : f.consts)
      if (k->is(Const::Kind::Code)) CHECK(k->code_value()->verified);
  }
}
