// Where imports look and where caches of borrowed code go: sys.path at start-up, the host CPython's Lib used in
// place, and the per-user mirror tree that holds minipy's caches of Lib modules.
//
// Why a mirror tree: Lib belongs to the host's Python installation (a Debian package), so minipy never writes
// there, not even as root — a stray minipy-311.pyc inside /usr/lib/python3.11 would outlive minipy and confuse
// the package manager. The mirror is laid out as PYTHONPYCACHEPREFIX lays out its tree (the source directory's
// absolute path under the root), so cache_from_source computes it with no new rule.
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "vm/import/import.h"
#include "vm/import/import_internal.h"

#ifndef MINIPY_HOST_LIB
#define MINIPY_HOST_LIB ""  // the build found no python3.11
#endif

namespace minipy {

// The Lib directory: MINIPYHOSTLIB when set (even empty: "no host Lib"), unless -E / -I, which ignore it as
// CPython ignores PYTHON* variables; otherwise what python3.11's sysconfig said when minipy was configured.
std::string resolve_host_lib(const RuntimeConfig& config) {
  const char* env = config.ignore_environment ? nullptr : std::getenv("MINIPYHOSTLIB");
  std::string dir = env ? env : MINIPY_HOST_LIB;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir;
}

namespace {

// $XDG_CACHE_HOME/minipy, else ~/.cache/minipy (HOME, else the password database, as os.path.expanduser
// does). The XDG base directory rules ignore a relative XDG_CACHE_HOME. Empty when no home is known: then
// Lib modules are compiled at every run and no cache is written.
std::string resolve_lib_cache_root() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && xdg[0] == '/') return std::string(xdg) + "/minipy";
  const char* home = std::getenv("HOME");
  std::string base = home && home[0] == '/' ? home : "";
  if (base.empty())
    if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_dir && pw->pw_dir[0] == '/') base = pw->pw_dir;
  if (base.empty()) return {};
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  return base + "/.cache/minipy";
}

// minipy's own stdlib/: beside an installed binary (PREFIX/bin/minipy -> PREFIX/lib/minipy/stdlib, what
// `make install` lays out), else the source tree's, baked in at build time (a binary run from build/).
const std::string& minipy_stdlib_dir() {
  static const std::string dir = [] {
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
      std::string path(exe, static_cast<size_t>(n));
      size_t slash = path.rfind('/');
      std::string installed = path.substr(0, slash == std::string::npos ? 0 : slash) + "/../lib/minipy/stdlib";
      if (access(installed.c_str(), R_OK | X_OK) == 0) {
        char resolved[4096];
        return std::string(realpath(installed.c_str(), resolved) ? resolved : installed.c_str());
      }
    }
    return std::string(MINIPY_STDLIB_DIR);
  }();
  return dir;
}

}  // namespace

const std::string& lib_cache_root(RuntimeConfig& config) {
  // Resolved on first use, not at start-up: most runs import no Lib module that needs a new cache.
  if (config.lib_cache_root.empty()) config.lib_cache_root = resolve_lib_cache_root();
  return config.lib_cache_root;
}

void init_sys_path(ThreadState& ts, const std::optional<std::string>& first_entry) {
  RuntimeConfig& config = ts.interp->config;
  config.host_lib = resolve_host_lib(config);
  // The entries are gathered first so that the list is made at its final size: no append can fail later.
  std::vector<std::string> entries;
  if (first_entry) entries.push_back(*first_entry);
  const char* env = config.ignore_environment ? nullptr : std::getenv("PYTHONPATH");
  if (env && *env) {
    std::string_view rest = env;
    while (true) {
      size_t colon = rest.find(':');
      std::string_view entry = rest.substr(0, colon);
      if (!entry.empty()) entries.emplace_back(entry);
      if (colon == std::string_view::npos) break;
      rest = rest.substr(colon + 1);
    }
  }
  // minipy's own stdlib/ comes before Lib so that one of its modules can stand in for Lib's.
  entries.push_back(minipy_stdlib_dir());
  if (!config.host_lib.empty()) entries.push_back(config.host_lib);
  ListObject* path = make_list(ts, static_cast<int64_t>(entries.size()));
  for (size_t i = 0; i < entries.size(); i++) path->items[i] = Value(make_str(ts, entries[i]));
  dict_set_str_new(ts, ts.interp->sys_module->dict, intern(ts, "path"), Value(path));
  install_default_finders(ts);
}

std::string where_imports_looked(const RuntimeConfig& config, const std::vector<std::string>& entries) {
  std::string text = "searched";
  if (entries.empty()) text += " nothing (the path is empty)";
  for (size_t i = 0; i < entries.size(); i++)
    text += (i ? ", " : " ") + (entries[i].empty() ? std::string("'' (the current directory)") : entries[i]);
  if (config.host_lib.empty())
    text += "; no host Lib: python3.11's standard library was not found when minipy was built "
            "(set MINIPYHOSTLIB to its directory)";
  return text;
}

}  // namespace minipy
