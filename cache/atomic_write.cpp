// importlib's _write_atomic and set_data in C++ (the contract is in atomic_write.h). What is worth knowing here is
// the order of the steps: every way a write can fail leaves the old cache file (or none) in place, never a torn
// one, because the only step that changes what a reader sees is the final rename().
#include "cache/atomic_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "cache/pyc.h"

namespace minipy {

// The name of the OSError subclass Python raises for errno `e` (cache/errno_classes.def).
const char* os_error_class(int e) {
  struct Row {
    int error_number;
    const char* name;
  };
  static constexpr Row kRows[] = {
#define ERRNO_CLASS(errno_name, class_name) {errno_name, #class_name},
#include "cache/errno_classes.def"
  };
  for (const Row& row : kRows)
    if (row.error_number == e) return row.name;
  return "OSError";
}

namespace {

// Cache paths are built by cache_from_source, always with '/' separators, so plain string slicing suffices.
std::string parent_of(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

bool is_directory(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

WriteFailure failure(std::string path, int e) { return WriteFailure{std::move(path), e, os_error_repr(e)}; }

// A name no other writer in this process or another one picks at the same moment: pid plus a counter. O_EXCL
// still guards against leftovers from a crashed run.
std::string temporary_name(const std::string& path) {
  static std::atomic<unsigned long> counter{0};
  return fmt::format("{}.{}.{}", path, static_cast<long>(::getpid()), counter.fetch_add(1));
}

// write() may write less than asked (a signal, a full pipe buffer, a quota boundary): loop until all is out,
// retrying an interrupted call, so that a short write is never mistaken for the whole file.
bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

std::string os_error_repr(int error_number) {
  return fmt::format("{}({}, {})", os_error_class(error_number), error_number,
                     python_str_repr(std::strerror(error_number)));
}

std::string WriteFailure::message() const {
  return fmt::format("could not create {}: {}", python_str_repr(path), error_repr);
}

Result<Ok, WriteFailure> write_atomic(const std::string& path, std::string_view data, unsigned mode, bool sync) {
  std::string temp;
  int fd = -1;
  // O_EXCL makes a name that already exists (a temporary left by a crashed writer) fail rather than be shared;
  // a fresh name is then tried, a bounded number of times, and any other error is final.
  for (int attempt = 0; attempt < 100 && fd < 0; attempt++) {
    temp = temporary_name(path);
    fd = ::open(temp.c_str(), O_EXCL | O_CREAT | O_WRONLY | O_CLOEXEC, mode & 0666);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) return failure(path, errno);
  bool ok = write_all(fd, data) && (!sync || ::fsync(fd) == 0);
  // errno is captured at the first failure: close() and unlink() below would overwrite the reason to report.
  int saved = errno;
  // A network file system may report a failed write only at close(), so a failing close spoils the file too.
  if (::close(fd) != 0 && ok) {
    ok = false;
    saved = errno;
  }
  // rename() replaces the target in one step: concurrent writers of the same cache each rename a complete file,
  // and whichever comes last wins; either is a complete cache of the source its writer read.
  if (ok && ::rename(temp.c_str(), path.c_str()) != 0) {
    ok = false;
    saved = errno;
  }
  if (!ok) {
    ::unlink(temp.c_str());
    return failure(path, saved);
  }
  return Ok{};
}

Result<Ok, WriteFailure> write_cache_file(const std::string& path, std::string_view data, unsigned mode) {
  // As set_data: find the nearest existing ancestor, then create the missing directories outward-in. 0777 lets
  // the umask decide, as importlib's mkdir does; EEXIST means another process created it first, which is fine.
  std::vector<std::string> missing;
  for (std::string parent = parent_of(path); !parent.empty() && !is_directory(parent); parent = parent_of(parent))
    missing.push_back(parent);
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (::mkdir(it->c_str(), 0777) != 0 && errno != EEXIST) return failure(*it, errno);
  }
  return write_atomic(path, data, mode);
}

unsigned cache_mode_for_source(const std::string& source_path) {
  struct stat st;
  // The cache inherits the source's permissions (a private source gets a private cache); the owner-write bit
  // is added because a read-only source would otherwise give a cache that the next recompilation cannot replace.
  unsigned mode = ::stat(source_path.c_str(), &st) == 0 ? static_cast<unsigned>(st.st_mode) : 0666u;
  return mode | 0200u;
}

}  // namespace minipy
