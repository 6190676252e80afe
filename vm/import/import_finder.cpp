// The path-based finder: where `import NAME` looks on disk, in CPython 3.11's FileFinder order. Each sys.path
// entry is a directory ('' means the current directory); within it a package directory (NAME/__init__.py or
// NAME/__init__.pyc) wins over NAME.py, which wins over a legacy NAME.pyc. A NAME directory without
// __init__ is remembered as a possible namespace package portion and used only if no entry has the module.
#include <sys/stat.h>
#include <unistd.h>

#include <climits>

#include "vm/import/import_internal.h"

namespace minipy {

namespace {

// stat, not lstat: a symlink to a module or package counts as what it points to, as in importlib.
bool is_file(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}
bool is_dir(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// FileFinder makes relative entries absolute with the current directory, so __file__ is always absolute.
std::string absolute_entry(std::string_view entry) {
  if (!entry.empty() && entry[0] == '/') return std::string(entry);
  char buf[PATH_MAX];
  if (!getcwd(buf, sizeof buf)) return std::string(entry.empty() ? "." : entry);
  if (entry.empty()) return buf;
  return std::string(buf) + "/" + std::string(entry);
}

// The order CPython's FileFinder tries suffixes (extension modules aside: minipy has none).
constexpr std::string_view kSuffixes[] = {".py", ".pyc"};

}  // namespace

FoundModule find_in_path(ThreadState& ts, std::string_view fullname, const std::vector<std::string>& entries) {
  std::string_view tail = fullname.substr(fullname.rfind('.') + 1);
  FoundModule namespace_found;
  namespace_found.kind = FoundModule::Kind::None;
  for (const std::string& entry : entries) {
    std::string dir = absolute_entry(entry);
    if (!is_dir(dir)) continue;  // no finder for this entry (CPython caches None in sys.path_importer_cache)
    // Joined as importlib's _path_join does: an entry's trailing slashes are dropped ("d/" gives "d/x.py").
    while (!dir.empty() && dir.back() == '/') dir.pop_back();
    std::string base = dir + "/" + std::string(tail);
    bool possible_namespace = false;
    // A package directory is tried before a module file of the same name in the same entry, as FileFinder
    // does; but only in this entry: an earlier entry's NAME.py still wins over a later entry's package.
    if (is_dir(base)) {
      for (std::string_view suffix : kSuffixes) {
        std::string init = base + "/__init__" + std::string(suffix);
        verbose_message(ts, 2, fmt::format("trying {}", init));
        if (is_file(init)) {
          FoundModule found;
          found.kind = suffix == ".py" ? FoundModule::Kind::Source : FoundModule::Kind::Sourceless;
          found.origin = init;
          found.is_package = true;
          found.search_locations = {base};
          return found;
        }
      }
      possible_namespace = true;
    }
    for (std::string_view suffix : kSuffixes) {
      std::string full = base + std::string(suffix);
      verbose_message(ts, 2, fmt::format("trying {}", full));
      if (is_file(full)) {
        FoundModule found;
        found.kind = suffix == ".py" ? FoundModule::Kind::Source : FoundModule::Kind::Sourceless;
        found.origin = full;
        return found;
      }
    }
    // A directory without __init__ may be one portion of a namespace package: every entry's portion is collected
    // (its __path__ spans them all), and a regular package or module found later in sys.path still wins.
    if (possible_namespace) {
      verbose_message(ts, 1, fmt::format("possible namespace for {}", base));
      namespace_found.kind = FoundModule::Kind::Namespace;
      namespace_found.is_package = true;
      namespace_found.search_locations.push_back(base);
    }
  }
  return namespace_found;
}

}  // namespace minipy
