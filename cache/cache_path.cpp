// Mirrors importlib's POSIX path helpers (_path_split, _path_join, _path_isabs) closely enough that every
// corner case, such as "/spam.py" mapping to "__pycache__/spam.<tag>.pyc", comes out the same.
#include "cache/cache_path.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <initializer_list>

#include "cache/pyc.h"

namespace minipy {
namespace {

constexpr std::string_view kPycacheDir = "__pycache__";
constexpr std::string_view kOptPrefix = "opt-";

struct SplitPath {
  std::string_view head, tail;
};

// Splits at the last '/'; no '/' gives an empty head.
SplitPath split_path(std::string_view path) {
  size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return {"", path};
  return {path.substr(0, slash), path.substr(slash + 1)};
}

std::string_view rstrip_slashes(std::string_view s) {
  while (!s.empty() && s.back() == '/') s.remove_suffix(1);
  return s;
}

// Joins the non-empty parts with '/', each stripped of trailing slashes (so "/" contributes an empty part
// and the result still starts with '/').
std::string join_path(std::initializer_list<std::string_view> parts) {
  std::string out;
  bool first = true;
  for (std::string_view part : parts) {
    if (part.empty()) continue;
    if (!first) out += '/';
    out += rstrip_slashes(part);
    first = false;
  }
  return out;
}

bool is_ascii_alnum(std::string_view s) {
  if (s.empty()) return false;
  for (unsigned char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  return true;
}

// importlib makes a relative source directory absolute with os.getcwd() before mirroring it under a pycache
// prefix. An empty result (the directory was removed) leaves the path relative, below the prefix's root.
std::string current_directory() {
  std::string buf(4096, '\0');
  while (getcwd(buf.data(), buf.size()) == nullptr) {
    if (errno != ERANGE) return "";
    buf.resize(buf.size() * 2);
  }
  buf.resize(std::char_traits<char>::length(buf.c_str()));
  return buf;
}

CachePathResult error(std::string message) { return Failure{std::move(message)}; }

}  // namespace

CachePathResult cache_from_source(std::string_view source_path, std::string_view tag, std::string_view optimization,
                                  std::optional<std::string_view> pycache_prefix) {
  auto [head, tail] = split_path(source_path);
  size_t dot = tail.rfind('.');
  std::string filename;
  if (dot == std::string_view::npos) {
    filename = fmt::format("{}{}", tail, tag);  // no dot: no separator either, as rpartition gives
  } else {
    // A name whose only dot comes first (".spam") keeps what follows it, as importlib's rpartition does.
    std::string_view base = tail.substr(0, dot), rest = tail.substr(dot + 1);
    filename = fmt::format("{}.{}", base.empty() ? rest : base, tag);
  }
  // The optimization level becomes part of a file name: importlib accepts only letters and digits there, so
  // no value can smuggle a '/' or a '.' into the path.
  if (!optimization.empty()) {
    if (!is_ascii_alnum(optimization))
      return error(fmt::format("{} is not alphanumeric", python_str_repr(optimization)));
    filename += fmt::format(".{}{}", kOptPrefix, optimization);
  }
  filename += ".pyc";
  if (!pycache_prefix) return join_path({head, kPycacheDir, filename});

  // Under a prefix (-X pycache_prefix, PYTHONPYCACHEPREFIX) the source's absolute directory is mirrored below
  // it, so sources of the same name in different directories never share a cache file.
  std::string absolute_head(head);
  if (!head.starts_with('/')) absolute_head = join_path({current_directory(), head});
  std::string_view root_relative = absolute_head;
  while (!root_relative.empty() && root_relative.front() == '/') root_relative.remove_prefix(1);
  return join_path({*pycache_prefix, root_relative, filename});
}

CachePathResult source_from_cache(std::string_view cache_path, std::optional<std::string_view> pycache_prefix) {
  auto [head, cache_filename] = split_path(cache_path);
  bool found_in_prefix = false;
  if (pycache_prefix) {
    std::string stripped = std::string(rstrip_slashes(*pycache_prefix)) + '/';
    if (head.starts_with(stripped)) {
      head.remove_prefix(stripped.size() - 1);  // keep the '/' so the mirrored path stays absolute
      found_in_prefix = true;
    }
  }
  if (!found_in_prefix) {
    auto [parent, pycache] = split_path(head);
    if (pycache != kPycacheDir)
      return error(fmt::format("{} not bottom-level directory in {}", kPycacheDir, python_str_repr(cache_path)));
    head = parent;
  }
  // cache_from_source makes NAME.TAG.pyc or NAME.TAG.opt-N.pyc; any other shape did not come from it.
  size_t dots = std::count(cache_filename.begin(), cache_filename.end(), '.');
  if (dots != 2 && dots != 3)
    return error(fmt::format("expected only 2 or 3 dots in {}", python_str_repr(cache_filename)));
  if (dots == 3) {
    // The optimization part sits between the second-to-last and the last dot.
    size_t last = cache_filename.rfind('.');
    size_t before = cache_filename.rfind('.', last - 1);
    std::string_view optimization = cache_filename.substr(before + 1, last - before - 1);
    if (!optimization.starts_with(kOptPrefix))
      return error(fmt::format("optimization portion of filename does not start with {}",
                               python_str_repr(kOptPrefix)));
    if (!is_ascii_alnum(optimization.substr(kOptPrefix.size())))
      return error(fmt::format("optimization level {} is not an alphanumeric value", python_str_repr(optimization)));
  }
  // The module name is what precedes the first dot (a tag such as "minipy-311" holds none).
  std::string_view base = cache_filename.substr(0, cache_filename.find('.'));
  return join_path({head, fmt::format("{}.py", base)});
}

// A bare prefix test would put /usr/lib/python3.11-extra under /usr/lib/python3.11: the match must end at a
// separator (or `dir` be the root).
bool path_is_under(std::string_view path, std::string_view dir) {
  if (dir.empty() || !path.starts_with(dir)) return false;
  return path.size() == dir.size() || path[dir.size()] == '/' || dir == "/";
}

}  // namespace minipy
