// The verified-body memo: which pyc files this minipy executable's verifier has already accepted, remembered
// across runs, so a warm import checks a file once instead of at every run (the verifier costs as much as
// unmarshalling and loading together). As git's index trusts a file's stat, the memo names a file by its
// device, inode, size, mtime and ctime: the kernel sets ctime to the current time on every change to a file
// (write, truncate, chmod, utime, rename onto it), and no unprivileged program can set it back, so a file
// with the ctime it had when it was verified still holds the bytes that were verified. A file changed too
// recently is not remembered (ctime has clock-tick granularity: a second change in the same tick would keep the
// same ctime): within the last 0.1 s on filesystems with sub-second stamps, the last two seconds otherwise. Entries are empty files in a directory of the user's cache named
// after the executable (its size and mtime): a rebuilt minipy, whose verifier may judge differently, starts an
// empty memo. The memo is trusted only when its directory belongs to the user and nobody else can write to
// it. Everything here fails quietly: the memo only ever saves work.
#pragma once
#include <sys/stat.h>

#include <string>

#include "compiler/code_object.h"

namespace minipy {

// The memo directory for this executable under `cache_root` (e.g. ~/.cache/minipy); empty when `cache_root`
// is empty or the executable cannot be identified.
std::string verified_memo_dir(const std::string& cache_root);

// The memo's key for the file whose stat (taken on the open file the bytes were read from) is `file`; empty
// when the file cannot be remembered (not a regular file, or changed too recently to trust its ctime).
std::string verified_memo_key(const struct stat& file);

// Whether memo `dir` (trusted: owned by this user, writable by no one else) records `key`.
bool verified_memo_has(const std::string& dir, const std::string& key);

// Records `key` in memo `dir`, creating the directories (mode 0700) as needed.
void verified_memo_add(const std::string& dir, const std::string& key);

// Marks every code object in `root`'s tree as verified (what verify_tree does after checking them).
void mark_tree_verified(const CodeObject& root);

}  // namespace minipy
