// The verified-body memo (see verified_memo.h): a directory of empty files named by the files they vouch for,
// one subdirectory per device and inode bucket, so a lookup is one stat() and no directory grows large.
#include "cache/verified_memo.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ctime>

#include <fmt/format.h>

#include <vector>

namespace minipy {
namespace {

// "<size>-<mtime in ns>" of the running executable, read once per process.
const std::string& executable_identity() {
  static const std::string identity = [] {
    struct stat st {};
    if (stat("/proc/self/exe", &st) != 0) return std::string();
    return fmt::format("{:x}-{:x}{:09x}", st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
  }();
  return identity;
}

// How long after its last change a file's ctime is trusted to tell it apart from a later change: longer than
// the granularity of the file's timestamps, so that a later change cannot share its ctime. A ctime with a
// sub-second part comes from a filesystem that stores nanoseconds; Linux stamps it from the coarse clock, which
// advances every scheduler tick (1-10 ms), so a tenth of a second is many ticks. A ctime on a whole second may
// come from a filesystem with one- or two-second stamps, so such files wait two seconds. (A warm import run
// right after the run that wrote its pyc, as `make bench` does, then skips the check after 0.1 s, not 2 s.)
constexpr int64_t kSettledNanosFine = 100'000'000;
constexpr int64_t kSettledNanosCoarse = 2'000'000'000;

bool ctime_settled(const struct timespec& ctime) {
  struct timespec now {};
  clock_gettime(CLOCK_REALTIME, &now);
  int64_t age = (static_cast<int64_t>(now.tv_sec) - ctime.tv_sec) * 1'000'000'000 + (now.tv_nsec - ctime.tv_nsec);
  return age > (ctime.tv_nsec != 0 ? kSettledNanosFine : kSettledNanosCoarse);
}

// An entry's path: the inode's last byte names the subdirectory.
std::string entry_path(const std::string& dir, const std::string& key) {
  return dir + "/" + key.substr(key.size() - 2) + "/" + key;
}

// Another user who could write into the memo could make minipy run an unverified body.
bool trusted_directory(const std::string& dir) {
  struct stat st {};
  return stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == geteuid() &&
         (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

}  // namespace

std::string verified_memo_dir(const std::string& cache_root) {
  if (cache_root.empty() || executable_identity().empty()) return {};
  return cache_root + "/verified-" + executable_identity();
}

std::string verified_memo_key(const struct stat& file) {
  if (!S_ISREG(file.st_mode)) return {};
  if (!ctime_settled(file.st_ctim)) return {};
  return fmt::format("{:x}-{:x}-{:x}{:09}-{:x}{:09}-{:02x}", file.st_dev, file.st_size, file.st_mtim.tv_sec,
                     file.st_mtim.tv_nsec, file.st_ctim.tv_sec, file.st_ctim.tv_nsec, file.st_ino);
}

bool verified_memo_has(const std::string& dir, const std::string& key) {
  struct stat st {};
  return stat(entry_path(dir, key).c_str(), &st) == 0 && S_ISREG(st.st_mode) && trusted_directory(dir);
}

void verified_memo_add(const std::string& dir, const std::string& key) {
  std::string path = entry_path(dir, key);
  // Every missing directory on the way (the cache root itself may not exist yet); existing ones stay as they are.
  for (size_t slash = 1; (slash = path.find('/', slash)) != std::string::npos; slash++)
    mkdir(path.substr(0, slash).c_str(), 0700);
  if (!trusted_directory(dir)) return;
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) close(fd);
}

void mark_tree_verified(const CodeObject& root) {
  std::vector<const CodeObject*> todo{&root};
  while (!todo.empty()) {
    const CodeObject* code = todo.back();
    todo.pop_back();
    code->verified = true;
    for (const ConstRef& k : code->consts)
      if (k->is(Const::Kind::Code)) todo.push_back(k->code_value().get());
  }
}

}  // namespace minipy
