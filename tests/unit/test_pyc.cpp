// .pyc files: source hash, header building and validation, cache paths and atomic writes, each held against
// python3.11's importlib where it has an answer.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <dirent.h>
#include <string>
#include <vector>

#include "cache/marshal.h"
#include "cache/pyc.h"
#include "cache/source_hash.h"
#include "test_support.h"

using namespace minipy;

using namespace minipy_test;

namespace {

std::string array_hex(const std::array<uint8_t, 8>& a) {
  return to_hex(std::string_view(reinterpret_cast<const char*>(a.data()), a.size()));
}

std::string describe(const CachePathResult& r) { return r.ok() ? "OK " + r.value() : "ERR " + r.error().message; }

std::string describe(const PycVerdict& r) { return r.ok() ? "OK" : "ERR " + r.error().reason; }

std::string current_dir() {
  char buf[4096];
  REQUIRE(getcwd(buf, sizeof buf) != nullptr);
  return buf;
}

std::vector<std::string> list_dir(const std::string& dir) {
  std::vector<std::string> names;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d))
      if (std::string_view(e->d_name) != "." && std::string_view(e->d_name) != "..") names.push_back(e->d_name);
    closedir(d);
  }
  return names;
}

}  // namespace

TEST_SUITE("pyc") {

TEST_CASE("source hash equals importlib.util.source_hash") {
  CHECK(array_hex(source_hash("x=1\n")) == "f71da1d5f9e80d87");
  std::vector<std::string> inputs;
  for (int n = 0; n <= 40; n++) {
    std::string s;
    for (int i = 0; i < n; i++) s.push_back(static_cast<char>(i * 37 + n));
    inputs.push_back(s);
  }
  inputs.push_back(std::string(1000, '\xfe'));
  std::vector<std::string> hexes;
  for (const auto& s : inputs) hexes.push_back(s.empty() ? "-" : to_hex(s));
  if (!have_python311()) return;
  auto lines = ask_python(
      "import sys, importlib.util as u\nfor h in open(sys.argv[1]).read().split():\n"
      "    print(u.source_hash(bytes.fromhex('' if h == '-' else h)).hex())\n",
      hexes);
  REQUIRE(lines.size() == inputs.size());
  for (size_t i = 0; i < inputs.size(); i++) {
    INFO("length ", inputs[i].size());
    CHECK(array_hex(source_hash(inputs[i])) == lines[i]);
  }
}

TEST_CASE("headers are built like _code_to_timestamp_pyc / _code_to_hash_pyc") {
  struct Stamp {
    int64_t mtime;
    uint64_t size;
  };
  std::vector<Stamp> stamps = {{0, 0}, {1700000000, 1234}, {-1, (uint64_t{1} << 32) + 5}, {(int64_t{1} << 32) + 7, 99}};
  std::vector<std::string> mine, requests;
  for (auto s : stamps) {
    mine.push_back(to_hex(timestamp_pyc_header(s.mtime, s.size)));
    requests.push_back(fmt::format("t,{},{}", s.mtime, s.size));
  }
  auto h = source_hash("x=1\n");
  for (bool checked : {false, true}) {
    mine.push_back(to_hex(hash_pyc_header(h, checked)));
    requests.push_back(fmt::format("h,{},{}", array_hex(h), checked ? 1 : 0));
  }
  CHECK(mine[1] == "a70d0d0a" "00000000" "00f15365" "d2040000");
  CHECK(mine[5] == "a70d0d0a" "03000000" "f71da1d5f9e80d87");
  if (!have_python311()) return;
  auto lines = ask_python(
      "import sys, importlib._bootstrap_external as b\nc = compile('', 's', 'exec')\n"
      "for r in open(sys.argv[1]).read().split():\n"
      "    k, x, y = r.split(',')\n"
      "    d = b._code_to_timestamp_pyc(c, int(x), int(y)) if k == 't' else "
      "b._code_to_hash_pyc(c, bytes.fromhex(x), y == '1')\n"
      "    print(d[:16].hex())\n",
      requests);
  REQUIRE(lines.size() == mine.size());
  for (size_t i = 0; i < mine.size(); i++) CHECK(mine[i] == lines[i]);
}

TEST_CASE("classify and validate reject like importlib, with its messages") {
  std::string magic = "a70d0d0a";
  std::vector<std::string> headers = {"-", "a70d", "a70d0d0b", "420d0d0a00000000", magic, magic + "00000000",
                                      magic + "0000000000000000000000",  // 15 bytes
                                      magic + "00000000" + "00f15365d2040000", magic + "01000000" + "f71da1d5f9e80d87",
                                      magic + "03000000" + "0000000000000000", magic + "02000000" + "0000000000000000",
                                      magic + "04000000" + "0000000000000000", magic + "ffffffff" + "0000000000000000"};
  std::string name = "pkg.mod'x";
  std::vector<std::string> mine;
  for (const auto& h : headers) {
    std::string data = from_hex(h == "-" ? "" : h);
    auto c = classify_pyc(as_span(data), name);
    mine.push_back(c.ok() ? fmt::format("OK {}", c.value().flags) : "ERR " + c.error().reason);
  }
  CHECK(mine[2] == "ERR bad magic number in \"pkg.mod'x\": b'\\xa7\\r\\r\\x0b'");
  CHECK(mine[6] == "ERR reached EOF while reading pyc header of \"pkg.mod'x\"");
  CHECK(mine[9] == "OK 3");
  std::string stamped_header = from_hex(headers[7]);
  auto stamped_parse = classify_pyc(as_span(stamped_header), "m");
  REQUIRE(stamped_parse.ok());
  const PycHeader& parsed = stamped_parse.value();
  CHECK((parsed.source_mtime == 1700000000 && parsed.source_size == 1234 && !parsed.hash_based()));
  std::string hashed_header = from_hex(headers[8]);
  auto hashed_parse = classify_pyc(as_span(hashed_header), "m");
  REQUIRE(hashed_parse.ok());
  const PycHeader& hashed_fields = hashed_parse.value();
  CHECK((hashed_fields.hash_based() && !hashed_fields.check_source() && hashed_fields.source_hash == source_hash("x=1\n")));

  // Timestamp checks against header 7 (mtime 1700000000, size 1234) and hash checks against header 8.
  std::string stamped = from_hex(headers[7]), hashed = from_hex(headers[8]);
  std::vector<std::string> validations = {
      describe(validate_timestamp_pyc(as_span(stamped), 1700000000, 1234, "m")),
      describe(validate_timestamp_pyc(as_span(stamped), 1700000001, 1234, "m")),
      describe(validate_timestamp_pyc(as_span(stamped), 1700000000, 1235, "m")),
      describe(validate_timestamp_pyc(as_span(stamped), 1700000000, std::nullopt, "m")),
      describe(validate_timestamp_pyc(as_span(stamped), 1700000000 + (int64_t{1} << 32), 1234 + (uint64_t{1} << 32), "m")),
      describe(validate_hash_pyc(as_span(hashed), source_hash("x=1\n"), "m")),
      describe(validate_hash_pyc(as_span(hashed), source_hash("x=2\n"), "m")),
  };
  CHECK(validate_timestamp_pyc(as_span(stamped), 1700000001, 1234, "m").error().kind == PycRejection::Kind::StaleMtime);
  CHECK(validate_timestamp_pyc(as_span(stamped), 1700000000, 1, "m").error().kind == PycRejection::Kind::StaleSize);
  CHECK(validations[6] == "ERR hash in bytecode doesn't match hash of source 'm'");
  if (!have_python311()) return;
  auto lines = ask_python(
      "import sys, importlib._bootstrap_external as b\n"
      "def run(f):\n    try: r = f(); print('OK' if r is None else f'OK {r}')\n"
      "    except (ImportError, EOFError) as e: print('ERR', e)\n"
      "for h in open(sys.argv[1]).read().split():\n"
      "    run(lambda: b._classify_pyc(bytes.fromhex('' if h == '-' else h), sys.argv[2], {}))\n"
      "st = bytes.fromhex(sys.argv[3]); hs = bytes.fromhex(sys.argv[4]); sh = b._imp.source_hash\n"
      "k = b._RAW_MAGIC_NUMBER\n"
      "run(lambda: b._validate_timestamp_pyc(st, 1700000000, 1234, 'm', {}))\n"
      "run(lambda: b._validate_timestamp_pyc(st, 1700000001, 1234, 'm', {}))\n"
      "run(lambda: b._validate_timestamp_pyc(st, 1700000000, 1235, 'm', {}))\n"
      "run(lambda: b._validate_timestamp_pyc(st, 1700000000, None, 'm', {}))\n"
      "run(lambda: b._validate_timestamp_pyc(st, 1700000000 + 2**32, 1234 + 2**32, 'm', {}))\n"
      "run(lambda: b._validate_hash_pyc(hs, sh(k, b'x=1\\n'), 'm', {}))\n"
      "run(lambda: b._validate_hash_pyc(hs, sh(k, b'x=2\\n'), 'm', {}))\n",
      headers, {name, headers[7], headers[8]});
  REQUIRE(lines.size() == mine.size() + validations.size());
  for (size_t i = 0; i < mine.size(); i++) {
    INFO(headers[i]);
    CHECK(mine[i] == lines[i]);
  }
  for (size_t i = 0; i < validations.size(); i++) {
    INFO("validation ", i);
    CHECK(validations[i] == lines[mine.size() + i]);
  }
}

TEST_CASE("cache_from_source / source_from_cache agree with importlib.util (tag minipy-311)") {
  // Each request: prefix ("-" for none), optimization ("-" for none), path; separated by '|'.
  const char* sources[] = {"/d/spam.py", "spam.py", "a/b/c.py", "/spam.py", "spam", ".spam", "a.b.c.py",
                           "dir.d/x", "/a//b.py", "a/b/", "/d/pkg/__init__.py", "caf\xc3\xa9.py", ""};
  const char* prefixes[] = {"-", "/p", "/p/", "rel/p", "/"};
  const char* optimizations[] = {"-", "1", "2", "a1", "x y"};
  std::vector<std::string> requests, mine;
  auto opt_or_none = [](std::string_view s) { return s == "-" ? std::optional<std::string_view>() : s; };
  for (const char* prefix : prefixes)
    for (const char* opt : optimizations)
      for (const char* src : sources) {
        if (std::string_view(prefix) != "-" && std::string_view(opt) != "-" && std::string_view(opt) != "1") continue;
        requests.push_back(fmt::format("c|{}|{}|{}", prefix, opt, src));
        mine.push_back(describe(cache_from_source(src, kMinipyCacheTag, opt == std::string_view("-") ? "" : opt,
                                                  opt_or_none(prefix))));
      }
  const char* caches[] = {"/d/__pycache__/spam.minipy-311.pyc", "/d/__pycache__/spam.minipy-311.opt-1.pyc",
                          "__pycache__/spam.cpython-311.pyc", "spam.pyc", "/d/spam.minipy-311.pyc",
                          "__pycache__/a.b", "__pycache__/a.b.c.d.e", "__pycache__/a.t.opt-?.pyc",
                          "__pycache__/a.t.o1.pyc", "/p/d/spam.minipy-311.pyc", "/p/d/__pycache__/s.minipy-311.pyc",
                          "/q/x.minipy-311.pyc", "/pp/x.minipy-311.pyc", "/p/x.minipy-311.pyc"};
  for (const char* prefix : {"-", "/p", "/p/"})
    for (const char* c : caches) {
      requests.push_back(fmt::format("s|{}|-|{}", prefix, c));
      mine.push_back(describe(source_from_cache(c, opt_or_none(prefix))));
    }
  CHECK(mine[0] == "OK /d/__pycache__/spam.minipy-311.pyc");
  CHECK(describe(cache_from_source("/d/spam.py", kMinipyCacheTag, "", "/p")) == "OK /p/d/spam.minipy-311.pyc");
  CHECK(describe(cache_from_source("/d/spam.py", kMinipyCacheTag, "2")) ==
        "OK /d/__pycache__/spam.minipy-311.opt-2.pyc");
  CHECK(describe(source_from_cache("/d/__pycache__/spam.minipy-311.opt-1.pyc")) == "OK /d/spam.py");
  if (!have_python311()) return;
  auto lines = ask_python(
      "import sys, os, importlib.util as u\nos.chdir(sys.argv[2])\nsys.implementation.cache_tag = 'minipy-311'\n"
      "for r in open(sys.argv[1]).read().split('\\n')[:-1]:\n"
      "    kind, prefix, opt, path = r.split('|')\n"
      "    sys.pycache_prefix = None if prefix == '-' else prefix\n"
      "    try:\n"
      "        if kind == 'c': print('OK', u.cache_from_source(path, optimization='' if opt == '-' else opt))\n"
      "        else: print('OK', u.source_from_cache(path))\n"
      "    except ValueError as e: print('ERR', e)\n",
      requests, {current_dir()});
  REQUIRE(lines.size() == mine.size());
  for (size_t i = 0; i < mine.size(); i++) {
    INFO(requests[i]);
    CHECK(mine[i] == lines[i]);
  }
}

TEST_CASE("write_cache_file creates __pycache__, writes atomically, keeps the source's mode") {
  std::string dir = make_temp_dir();
  std::string source = dir + "/spam.py";
  write_file(source, "x = 1\n");
  REQUIRE(chmod(source.c_str(), 0640) == 0);
  unsigned mode = cache_mode_for_source(source);
  CHECK((mode & 07777) == 0640);
  CHECK((cache_mode_for_source(dir + "/missing.py") & 07777) == 0666);

  auto cache = cache_from_source(source);
  REQUIRE(cache.ok());
  CHECK(write_cache_file(cache.value(), "first", mode).ok());
  CHECK(read_file(cache.value()) == "first");
  CHECK(write_cache_file(cache.value(), "second", mode).ok());  // replaces an existing file
  CHECK(read_file(cache.value()) == "second");
  struct stat st;
  REQUIRE(stat(cache.value().c_str(), &st) == 0);
  mode_t mask = umask(0);
  umask(mask);
  CHECK((st.st_mode & 0777) == (0640 & ~mask));
  CHECK(list_dir(dir + "/__pycache__") == std::vector<std::string>{"spam.minipy-311.pyc"});  // no temp left

  // Nested missing directories (the pycache_prefix mirror tree) are created too.
  CHECK(write_cache_file(dir + "/prefix/a/b/spam.minipy-311.pyc", "x").ok());
  CHECK(read_file(dir + "/prefix/a/b/spam.minipy-311.pyc") == "x");

  // A path through a regular file fails with importlib's message instead of throwing.
  auto failure = write_cache_file(source + "/__pycache__/x.pyc", "data");
  REQUIRE_FALSE(failure.ok());
  CHECK(failure.error().error_number == ENOTDIR);
  CHECK(failure.error().message() ==
        fmt::format("could not create '{}/__pycache__': NotADirectoryError(20, 'Not a directory')", source));

  if (geteuid() != 0) {
    std::string locked = dir + "/locked";
    REQUIRE(mkdir(locked.c_str(), 0555) == 0);
    auto denied = write_atomic(locked + "/x.pyc", "data");
    REQUIRE_FALSE(denied.ok());
    CHECK(denied.error().error_repr == "PermissionError(13, 'Permission denied')");
    CHECK(list_dir(locked).empty());
    chmod(locked.c_str(), 0755);
  } else {
    MESSAGE("running as root: the permission-denied case is not observable");
  }
  std::system(fmt::format("rm -rf '{}'", dir).c_str());
}

TEST_CASE("os_error_repr matches Python's OSError repr for every errno") {
  if (!have_python311()) return;
  std::vector<std::string> numbers;
  for (int e = 1; e < 134; e++) numbers.push_back(std::to_string(e));
  auto lines = ask_python(
      "import sys, os\nfor e in open(sys.argv[1]).read().split(): print(repr(OSError(int(e), os.strerror(int(e)))))\n",
      numbers);
  REQUIRE(lines.size() == numbers.size());
  for (size_t i = 0; i < numbers.size(); i++) CHECK(os_error_repr(static_cast<int>(i + 1)) == lines[i]);
}

TEST_CASE("a pyc minipy writes from python3.11's code runs under python3.11") {
  if (!have_python311()) return;
  std::string dir = make_temp_dir();
  write_file(dir + "/prog.py", "import sys\ndef f(n): return [i * i for i in range(n)]\nprint(f(5), 2**70, 'caf\xc3\xa9')\n");
  run_python311("import marshal, sys\nc = compile(open(sys.argv[1]).read(), sys.argv[1], 'exec')\n"
                "open(sys.argv[2], 'wb').write(marshal.dumps(c))\n",
                {dir + "/prog.py", dir + "/prog.bin"});
  std::string body = read_file(dir + "/prog.bin");
  auto code = unmarshal_code(as_span(body));
  REQUIRE(code.ok());
  std::string pyc = code_to_hash_pyc(*code.value().object, source_hash(read_file(dir + "/prog.py")), true);
  auto classified = classify_pyc(as_span(pyc), "prog");
  REQUIRE(classified.ok());
  CHECK(classified.value().flags == 3u);
  CHECK(pyc_body(as_span(pyc)).size() == pyc.size() - kPycHeaderSize);
  CHECK(write_cache_file(dir + "/prog.pyc", pyc).ok());
  std::string out = run_python311("import runpy, sys\nrunpy.run_path(sys.argv[1])\n", {dir + "/prog.pyc"});
  CHECK(out == "[0, 1, 4, 9, 16] 1180591620717411303424 caf\xc3\xa9\n");
  std::system(fmt::format("rm -rf '{}'", dir).c_str());
}

}  // TEST_SUITE
