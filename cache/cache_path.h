// Where a module's cache file lives (PEP 3147 / PEP 488 / sys.pycache_prefix), computed exactly as
// importlib.util.cache_from_source and source_from_cache do on POSIX, with minipy's own cache tag.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "compiler/result.h"

namespace minipy {

inline constexpr std::string_view kMinipyCacheTag = "minipy-311";

// A path, or the ValueError message importlib would raise.
using CachePathResult = Result<std::string>;

// The cache file for source file `source_path`: `<dir>/__pycache__/<stem>.<tag>[.opt-<optimization>].pyc`, or,
// when `pycache_prefix` is set, the same file name under the prefix mirrored by the source directory's
// absolute path (relative paths are made absolute with the current directory). `optimization` must be empty
// or alphanumeric (ASCII).
CachePathResult cache_from_source(std::string_view source_path, std::string_view tag = kMinipyCacheTag,
                                  std::string_view optimization = "",
                                  std::optional<std::string_view> pycache_prefix = std::nullopt);

// The source file for cache file `cache_path`, the inverse of cache_from_source. Rejects names not of the
// form `__pycache__/NAME.TAG[.opt-N].pyc` (or, with `pycache_prefix`, not under the prefix's mirror tree).
// Like importlib, the tag itself is not checked.
CachePathResult source_from_cache(std::string_view cache_path,
                                  std::optional<std::string_view> pycache_prefix = std::nullopt);

// True when file `path` lies inside directory `dir` (both absolute; compared by components, so
// /usr/lib/python3.11x is not under /usr/lib/python3.11). An empty `dir` contains nothing.
bool path_is_under(std::string_view path, std::string_view dir);

}  // namespace minipy
