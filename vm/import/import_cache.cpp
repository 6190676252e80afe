// The VM side of importlib's get_code: gathers the cache settings from sys and the command line, asks the
// VM-free decisions in cache/get_code.cpp, prints the -v / -X explain_cache lines they report, and turns their
// failures into Python exceptions. Every decision itself lives in cache/ (see cache/README.md for the walk).
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "cache/get_code.h"
#include "cache/verified_memo.h"
#include "vm/interp/builtins.h"
#include "vm/cli/run.h"
#include "vm/interp/code_loader.h"
#include "vm/import/import.h"
#include "vm/import/import_internal.h"

namespace minipy {

namespace {

Value sys_attribute(ThreadState& ts, const char* name) {
  return dict_get_str(ts.interp->sys_module->dict, intern(ts, name));
}

// sys.dont_write_bytecode is read at every import, so a program may switch caching off while it runs.
bool dont_write_bytecode(ThreadState& ts) {
  Value v = sys_attribute(ts, "dont_write_bytecode");
  if (!v) return ts.interp->config.dont_write_bytecode;
  int truth = py_truth(ts, v);
  if (truth < 0) {
    // A value whose truth cannot be decided must not fail the import; not writing is the cautious reading.
    ts.current_exception = Value();
    return true;
  }
  return truth == 1;
}

// The settings for importing `source_path` now: sys.pycache_prefix and sys.dont_write_bytecode as the program
// left them, the rest from the command line.
CacheSettings import_settings(ThreadState& ts, const std::string& source_path) {
  RuntimeConfig& config = ts.interp->config;
  CacheSettings settings;
  settings.cache_tag = config.cache_tag;
  settings.optimize = config.optimize;
  Value prefix = sys_attribute(ts, "pycache_prefix");
  if (prefix && is_str(prefix)) settings.pycache_prefix = std::string(as_str(prefix)->view());
  settings.host_lib = config.host_lib;
  if (path_is_under(source_path, config.host_lib)) settings.lib_cache_root = lib_cache_root(config);
  settings.check_hash_based_pycs = config.check_hash_based_pycs;
  settings.dont_write_bytecode = dont_write_bytecode(ts);
  // Bodies this executable verified before, remembered in the user's cache (cache/verified_memo.h).
  settings.verified_memo_dir = verified_memo_dir(lib_cache_root(config));
  return settings;
}

// The decisions report their lines instead of printing them (cache/ has no sys.stderr); they are printed here, in
// the order the decisions were taken, through the same functions as every other -v and explain line.
void print_events(ThreadState& ts, std::string_view fullname, const CacheEvents& events) {
  for (const CacheEvent& e : events) {
    if (e.kind == CacheEvent::Kind::Verbose) verbose_message(ts, e.level, e.text);
    else explain(ts, fullname, e.text);
  }
}

// A source or pyc that could not be read is the OSError CPython's get_data raises: the errno's subclass, with
// errno, strerror and filename set (vm/objects/os_error.cpp builds it from the one errno table).
Value raise_read_error(ThreadState& ts, int err, const std::string& path) {
  return raise_os_error(ts, err, Value(make_str(ts, path)));
}

}  // namespace

std::string cached_path_for(ThreadState& ts, const std::string& source_path) {
  return cache_path_for(source_path, import_settings(ts, source_path));
}

CodeObj* get_source_code(ThreadState& ts, std::string_view fullname, const std::string& source_path) {
  CacheEvents events;
  // A cache hit is read straight into VM objects by this loader; a miss compiles and loads the compiler's code.
  VmPycLoader loader(ts);
  // CPython's compiler warns as it compiles, before a SyntaxError ends the compile and before the cache is written
  // (a warning a filter makes an error is that SyntaxError instead, and leaves no pyc behind).
  auto issue = [&ts](const SyntaxWarnings& warnings) { return issue_compile_warnings(ts, warnings); };
  SourceCode result = get_source_code(fullname, source_path, import_settings(ts, source_path), loader, events, issue);
  print_events(ts, fullname, events);
  if (result.warning_failed) return nullptr;
  if (result.os_errno) return raise_read_error(ts, result.os_errno, source_path), nullptr;
  if (result.syntax_error) return raise_syntax_error(ts, *result.syntax_error), nullptr;
  return result.from_cache ? loader.code : load_code(ts, result.code);
}

CodeObj* get_sourceless_code(ThreadState& ts, std::string_view fullname, const std::string& pyc_path) {
  CacheEvents events;
  VmPycLoader loader(ts);
  SourcelessCode result = get_sourceless_code(fullname, pyc_path, loader, events);
  print_events(ts, fullname, events);
  if (result.os_errno) return raise_read_error(ts, result.os_errno, pyc_path), nullptr;
  if (result.eof) return raise(ts, EOFError_type, result.error), nullptr;
  if (!result.loaded) return raise(ts, ImportError_type, result.error), nullptr;
  return loader.code;
}

void verbose_message(ThreadState& ts, int level, std::string_view message) {
  if (ts.interp->config.verbose < level) return;
  std::fflush(stdout);
  bool bare = message.starts_with("#") || message.starts_with("import ");
  std::fprintf(stderr, "%s%.*s\n", bare ? "" : "# ", static_cast<int>(message.size()), message.data());
}

void explain(ThreadState& ts, std::string_view fullname, std::string_view message) {
  if (!ts.interp->config.explain_cache) return;
  std::fflush(stdout);
  std::fprintf(stderr, "%.*s: %.*s\n", static_cast<int>(fullname.size()), fullname.data(),
               static_cast<int>(message.size()), message.data());
}

}  // namespace minipy
