// `minipy -m compileall [options] [FILE|DIR ...]`: CPython 3.11's compileall command line for minipy's caches —
// the same listing/compiling messages, the same up-to-date check (magic, flags 0 and mtime in the first 12
// bytes), -q/-qq, -f, -l, -r N, -j N (files compiled on N threads, reported in order) and --invalidation-mode.
// Any other option (-b, -d, -s/-p, -x/-i, -o, -e, --hardlink-dupes, --help) goes to Lib's compileall.py, which
// runs on minipy unchanged and writes the same caches through importlib.util.cache_from_source.
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "cache/atomic_write.h"
#include "cache/get_code.h"
#include "vm/cli/run.h"

namespace minipy {

namespace {

struct Options {
  int quiet = 0;
  bool force = false;
  int max_levels = 1 << 30;  // no practical limit unless -l or -r (CPython's default is the recursion limit)
  int workers = 1;
  Invalidation mode = Invalidation::Timestamp;
  std::vector<std::string> targets;
};

struct FileResult {
  std::string messages;  // what compileall prints for this file
  bool ok = true;
};

std::string py_repr(const std::string& s) { return python_str_repr(s); }

bool is_dir(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// os.path.isfile: a regular file, after following symlinks.
bool is_regular_file(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool is_link(const std::string& path) {
  struct stat st {};
  return lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

// _walk_dir: files in sorted order, descending into subdirectories up to max_levels; "Listing" lines in `log`.
void walk(const std::string& dir, int max_levels, const Options& opt, std::vector<std::string>* files,
          std::string* log) {
  if (!opt.quiet) *log += "Listing " + py_repr(dir) + "...\n";
  std::vector<std::string> names;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string n = e->d_name;
      if (n != "." && n != "..") names.push_back(n);
    }
    closedir(d);
  } else if (opt.quiet < 2) {
    *log += "Can't list " + py_repr(dir) + "\n";
  }
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    if (name == "__pycache__") continue;
    std::string full = dir + "/" + name;
    if (!is_dir(full)) {
      files->push_back(full);
    } else if (max_levels > 0 && !is_link(full)) {  // as _walk_dir: a symlinked directory could loop forever
      // CPython prints a subdirectory's listing when it reaches it; files come in the same order.
      std::vector<std::string> sub;
      std::string sub_log;
      walk(full, max_levels - 1, opt, &sub, &sub_log);
      files->push_back("\x01" + sub_log);  // a marker carrying the listing lines, in order
      files->insert(files->end(), sub.begin(), sub.end());
    }
  }
}

// One file: skipped when its cache is up to date (as CPython's compileall judges it), else compiled and written
// through the same source-to-pyc path as py_compile and import (cache/get_code.h: compile_to_pyc). Runs on
// worker threads: it touches no interpreter state, only `settings`.
FileResult compile_one(const std::string& file, const CacheSettings& settings, const Options& opt) {
  FileResult r;
  // compile_file compiles only regular files (a dangling or looping symlink is passed over, not an error) whose
  // names end in ".py"; anything else in a directory passes silently.
  if (!is_regular_file(file)) return r;
  if (file.size() < 3 || file.compare(file.size() - 3, 3, ".py") != 0) return r;
  std::string cache_path = cache_path_for(file, settings);
  struct stat st {};
  bool have_stat = stat(file.c_str(), &st) == 0;
  if (!opt.force && !cache_path.empty() && have_stat) {
    // compileall's check is weaker than import's: magic, flags 0 and mtime in the first 12 bytes.
    std::string head;
    if (FILE* f = std::fopen(cache_path.c_str(), "rb")) {
      char buf[12];
      size_t n = std::fread(buf, 1, sizeof buf, f);
      std::fclose(f);
      head.assign(buf, n);
      std::string expect = timestamp_pyc_header(static_cast<int64_t>(st.st_mtime), 0).substr(0, 12);
      if (head == expect) return r;
    }
  }
  if (!opt.quiet) r.messages += "Compiling " + py_repr(file) + "...\n";
  PycBuild build = compile_to_pyc(file, settings, opt.mode);
  if (build.stage == PycBuild::Stage::ReadFailed) {
    r.ok = false;
    if (opt.quiet < 2) {
      r.messages += opt.quiet ? "*** Error compiling " + py_repr(file) + "...\n" : "*** ";
      // compileall prints the exception as "ClassName: str(exc)"; the class follows the errno.
      r.messages += fmt::format("{}: [Errno {}] {}: {}\n", os_error_class(build.read_errno), build.read_errno,
                                std::strerror(build.read_errno), py_repr(file));
    }
    return r;
  }
  if (build.stage == PycBuild::Stage::CompileFailed) {
    r.ok = false;
    if (opt.quiet < 2) {
      const SyntaxError& e = *build.syntax_error;
      r.messages += opt.quiet ? "*** Error compiling " + py_repr(file) + "...\n" : "*** ";
      // py_compile.PyCompileError's text: an exact SyntaxError is formatted as format_exception_only does (file
      // and line, the source line without its indentation, a caret); its subclasses (IndentationError, TabError)
      // only as "Sorry: Type: message", because PyCompileError tests the class by identity.
      if (e.kind == SyntaxError::Kind::SyntaxError) {
        r.messages += fmt::format("  File \"{}\", line {}\n", e.filename, e.lineno);
        std::string text = e.text;
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
        size_t lead = text.find_first_not_of(" \t\f");
        if (lead != std::string::npos) {
          r.messages += "    " + text.substr(lead) + "\n";
          int caret = e.offset - 1 - static_cast<int>(lead);
          if (e.offset > 0 && caret >= 0) r.messages += "    " + std::string(static_cast<size_t>(caret), ' ') + "^\n";
        }
        r.messages += "SyntaxError: " + e.message + "\n\n";
      } else {
        std::string where = file;
        size_t slash = where.rfind('/');
        if (slash != std::string::npos) where = where.substr(slash + 1);
        r.messages += fmt::format("Sorry: {}: {} ({}, line {})\n", e.kind_name(), e.message, where, e.lineno);
      }
    }
    return r;
  }
  if (build.stage == PycBuild::Stage::NoCachePath) {
    r.ok = false;
    return r;
  }
  if (build.stage == PycBuild::Stage::WriteFailed) {
    r.ok = false;
    if (opt.quiet < 2) r.messages += "*** " + build.write_failure->error_repr + "\n";
  }
  return r;
}

}  // namespace

bool compileall_native_handles(const std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); i++) {
    const std::string& a = args[i];
    if (a.empty() || a[0] != '-') continue;
    if (a == "-q" || a == "-qq" || a == "-f" || a == "-l") continue;
    if (a == "-r" || a == "-j" || a == "--workers" || a == "--invalidation-mode") {
      i++;  // its value
      continue;
    }
    return false;
  }
  return true;
}

int compileall_main(Interpreter& interp, const std::vector<std::string>& args) {
  Options opt;
  // SOURCE_DATE_EPOCH asks for reproducible builds: py_compile then writes checked hash pycs, which hold no mtime.
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (epoch && *epoch && !interp.config.ignore_environment) opt.mode = Invalidation::CheckedHash;
  for (size_t i = 0; i < args.size(); i++) {
    const std::string& a = args[i];
    auto value = [&]() -> std::optional<std::string> {
      if (i + 1 < args.size()) return args[++i];
      std::fprintf(stderr, "compileall: error: argument %s: expected one argument\n", a.c_str());
      return std::nullopt;
    };
    if (a == "-q") opt.quiet++;
    else if (a == "-qq") opt.quiet += 2;
    else if (a == "-f") opt.force = true;
    else if (a == "-l") opt.max_levels = 0;
    else if (a == "-r") {
      auto v = value();
      if (!v) return 2;
      opt.max_levels = std::atoi(v->c_str());
    } else if (a == "-j" || a == "--workers") {
      auto v = value();
      if (!v) return 2;
      opt.workers = std::atoi(v->c_str());
      if (opt.workers <= 0) opt.workers = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    } else if (a == "--invalidation-mode") {
      auto v = value();
      if (!v) return 2;
      if (*v == "timestamp") opt.mode = Invalidation::Timestamp;
      else if (*v == "checked-hash") opt.mode = Invalidation::CheckedHash;
      else if (*v == "unchecked-hash") opt.mode = Invalidation::UncheckedHash;
      else {
        std::fprintf(stderr, "compileall: error: argument --invalidation-mode: invalid choice: '%s' (choose from "
                             "'checked-hash', 'timestamp', 'unchecked-hash')\n", v->c_str());
        return 2;
      }
    } else if (!a.empty() && a[0] == '-') {  // compileall_native_handles lets no other option through
      std::fprintf(stderr, "compileall: error: unrecognized arguments: %s\n", a.c_str());
      return 2;
    } else {
      opt.targets.push_back(a);
    }
  }
  if (opt.targets.empty()) opt.targets.push_back(".");

  // Work list: files in CPython's order, with "\x01"-prefixed entries carrying listing lines to print in place.
  std::vector<std::string> work;
  // As compileall.main: a target that is a regular file is compiled; anything else (a directory, a missing path)
  // is walked as a directory, so a missing one prints "Can't list" and does not fail the run.
  for (const std::string& t : opt.targets) {
    if (!is_regular_file(t)) {
      std::string log;
      std::vector<std::string> files;
      walk(t, opt.max_levels, opt, &files, &log);
      work.push_back("\x01" + log);
      work.insert(work.end(), files.begin(), files.end());
    } else {
      work.push_back(t);
    }
  }
  std::vector<FileResult> results(work.size());
  std::vector<size_t> todo;
  for (size_t i = 0; i < work.size(); i++)
    if (work[i].empty() || work[i][0] != '\x01') todo.push_back(i);
  CacheSettings settings = tool_cache_settings(interp.config);
  // Each result lands in its own slot and everything is printed afterwards in work order, so `-j N` prints exactly
  // what a serial run prints; compile_one shares nothing but the read-only settings between threads.
  int threads = std::max(1, std::min<int>(opt.workers, static_cast<int>(todo.size())));
  if (threads == 1) {
    for (size_t i : todo) results[i] = compile_one(work[i], settings, opt);
  } else {
    std::vector<std::thread> pool;
    std::atomic<size_t> next{0};
    for (int t = 0; t < threads; t++)
      pool.emplace_back([&] {
        for (size_t k; (k = next.fetch_add(1)) < todo.size();) results[todo[k]] = compile_one(work[todo[k]], settings, opt);
      });
    for (auto& th : pool) th.join();
  }
  bool ok = true;
  for (size_t i = 0; i < work.size(); i++) {
    if (!work[i].empty() && work[i][0] == '\x01') {
      std::fputs(work[i].c_str() + 1, stdout);
    } else {
      std::fputs(results[i].messages.c_str(), stdout);
      ok &= results[i].ok;
    }
  }
  std::fflush(stdout);
  return ok ? 0 : 1;
}

}  // namespace minipy
