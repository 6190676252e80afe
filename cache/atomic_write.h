// Writing cache files the way importlib does (SourceFileLoader.set_data + _write_atomic): create missing
// directories, write a uniquely named temporary file beside the target with O_EXCL, then rename it over the
// target, so a reader sees either the old file or the complete new one. Failures are returned, never thrown:
// a cache that cannot be written is not an error for the program being run.
#pragma once
#include <string>
#include <string_view>

#include "compiler/result.h"

namespace minipy {

struct WriteFailure {
  std::string path;        // the directory or file that could not be created
  int error_number = 0;    // errno
  std::string error_repr;  // Python's repr of the OSError, e.g. "PermissionError(13, 'Permission denied')"
  // importlib's `-v` text without the leading "# ": "could not create '<path>': <error repr>".
  std::string message() const;
};

// Writes `data` to `path` atomically; the file gets permission bits `mode & 0666` (minus the umask). With
// `sync`, the data is flushed to disk before the rename. The temporary file is removed on failure.
Result<Ok, WriteFailure> write_atomic(const std::string& path, std::string_view data, unsigned mode = 0666,
                                      bool sync = false);

// set_data: creates the missing parent directories of `path` (e.g. __pycache__) with default permissions,
// then write_atomic(path, data, mode).
Result<Ok, WriteFailure> write_cache_file(const std::string& path, std::string_view data, unsigned mode = 0666);

// _calc_mode: the permission bits a cache file for source `source_path` gets: the source's st_mode (0666 if
// it cannot be stat'ed) with the owner-write bit added so the cache can be replaced later.
unsigned cache_mode_for_source(const std::string& source_path);

// The name of the OSError subclass that errno `error_number` raises ("FileNotFoundError", "PermissionError", ...;
// "OSError" for an errno without one), from cache/errno_classes.def.
const char* os_error_class(int error_number);

// Python's repr of the OSError that errno `error_number` raises, e.g. "FileNotFoundError(2, 'No such file or
// directory')".
std::string os_error_repr(int error_number);

}  // namespace minipy
