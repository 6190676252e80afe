// importlib's SourceFileLoader.get_code and SourcelessFileLoader.get_code as VM-free decisions, one function per
// decision, named after Lib/importlib/_bootstrap_external.py. Nothing here touches a module object, sys or an
// exception: the caller (vm/import/import_cache.cpp, vm/cli/run.cpp, vm/cli/compileall.cpp) gathers the
// settings, and gets back code, a reason, and the -v / -X explain_cache lines to print (CacheEvents), so each
// line comes from exactly one decision. cache/README.md walks `import x` through them.
#pragma once
#include <sys/stat.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cache/pyc.h"
#include "compiler/compile.h"
#include "compiler/result.h"

namespace minipy {

// What the decisions read. Import fills it from sys and the command line at every import; py_compile and
// compileall from the command line. `pycache_prefix` has one source per caller: sys.pycache_prefix for import
// (a program may change it), the -X option / PYTHONPYCACHEPREFIX for the tools (which run no Python code).
struct CacheSettings {
  std::string cache_tag = "minipy-311";  // empty: caching is off
  int optimize = 0;                      // -O level: the .opt-N part of the cache name
  std::optional<std::string> pycache_prefix;
  std::string host_lib;                  // sources under it: CPython's pyc is read, never written
  std::string lib_cache_root;            // where caches of host Lib sources go (empty: nowhere)
  std::string check_hash_based_pycs = "default";
  bool dont_write_bytecode = false;
  std::string verified_memo_dir;         // bodies verified before (cache/verified_memo.h); empty: verify every time
};

// One -v or -X explain_cache line produced by a decision; the caller prints them in order.
struct CacheEvent {
  enum class Kind { Verbose, Explain } kind;
  int level = 1;  // -v level for Verbose lines
  std::string text;
};
using CacheEvents = std::vector<CacheEvent>;

// Reads a whole file; false (with errno set) on failure. `file_stat`, when given, receives the open file's stat.
bool read_file(const std::string& path, std::string* out, struct stat* file_stat = nullptr);

// The largest cache file minipy reads (a pyc this size would hold a module of some 200,000 lines).
inline constexpr uint64_t kMaxCacheFileSize = 64ull << 20;
// The bytes of cache file `path`, with `st` its fstat: only a regular file of at most kMaxCacheFileSize bytes
// (a symlink to /dev/zero, a FIFO or a huge file is refused, never read forever). The failure says why in
// words, with errno set (ENOENT: no file; EINVAL: refused).
Result<std::string> read_cache_file(const std::string& path, struct stat* st);

// Why the cache at `pyc_path` (whose fstat is `pyc_st`) must not be trusted for a source whose stat is
// `source_st`: it, or its directory without the sticky bit, is writable by users who cannot write the source,
// or it belongs to someone other than the source's owner, root or the current user. nullopt when trusted.
std::optional<std::string> cache_distrust_reason(const std::string& pyc_path, const struct stat& pyc_st,
                                                 const struct stat& source_st);

// Where minipy's cache for `source_path` lives under `settings`: beside the source in __pycache__, under the
// pycache prefix, or, for a host Lib source, in the per-user mirror tree. Empty when there is none.
std::string cache_path_for(const std::string& source_path, const CacheSettings& settings);

// Who turns a pyc's body into objects. The decisions about the body (the integrity trailer, nothing after the
// code object, no free variables at module level, verify or trust the memo) are made here once; the objects are
// made by the loader in the same pass that reads the bytes. The VM passes its own loader
// (vm/interp/code_loader.cpp), which builds its runtime objects directly — cache/ cannot name them, so it
// sees only this interface. CodeTreeLoader below builds the compiler's CodeObject tree for tools and tests.
struct LoadedBody {
  size_t consumed = 0;  // bytes of the body the code object took
  int root_frees = 0;   // free variables of the outermost code object (module code has none)
};
struct BodyLoadFailure {
  Failure failure;             // offset: where in the body the reader stopped
  bool from_verifier = false;  // a code object was well formed but the verifier refused it
};
class PycBodyLoader {
 public:
  // Reads the code object at the start of `body`, running the verifier on every code object in it when
  // `verify`, and naming `filename` as every code object's co_filename when it is not null (_fix_co_filename:
  // the cache may have been moved with its source).
  virtual Result<LoadedBody, BodyLoadFailure> load(std::span<const uint8_t> body, bool verify,
                                                   const std::string* filename) = 0;

 protected:
  ~PycBodyLoader() = default;
};

// The loader of the compiler's tree: `code` holds what the last successful load read.
class CodeTreeLoader final : public PycBodyLoader {
 public:
  Result<LoadedBody, BodyLoadFailure> load(std::span<const uint8_t> body, bool verify,
                                           const std::string* filename) override;
  std::shared_ptr<const CodeObject> code;
};

// _compile_bytecode for the pyc `data` (header included): its body given to `loader` when the trailer matches,
// the code object fills the body exactly, has no free variables, and passes the verifier; the failure says why
// in the words -v and explain print. With `settings` naming a verified-body memo and `file` the stat of the open
// pyc `data` was read from, a file verified before and unchanged since is not verified again, and one that
// passes is remembered (unless bytecode writing is off). `filename`: see PycBodyLoader::load.
Result<Ok> code_from_pyc_body(std::span<const uint8_t> data, PycBodyLoader& loader,
                              const CacheSettings* settings = nullptr, const struct stat* file = nullptr,
                              const std::string* filename = nullptr);
// The same with a CodeTreeLoader: the body as the compiler's tree.
Result<std::shared_ptr<const CodeObject>> code_from_pyc_body(std::span<const uint8_t> data);

// _imp._fix_co_filename: `code` (and its nested code) reporting `filename`, for a cache moved with its source.
std::shared_ptr<const CodeObject> with_filename(const std::shared_ptr<const CodeObject>& code,
                                                const std::string& filename);

// How a pyc is validated later (compileall's --invalidation-mode, PEP 552).
enum class Invalidation { Timestamp, CheckedHash, UncheckedHash };

// _code_to_timestamp_pyc / _code_to_hash_pyc: the pyc bytes for `code` compiled from `source` whose stat is
// `st`, in `mode`. With `racy_clock` (import: the clock when `st` was taken, before the source was read and
// compiled), a timestamp pyc for a source modified in that second or later becomes a checked hash pyc: a
// second same-size edit within that second would leave its mtime unchanged. `kind` (optional) receives the
// explain words for what was chosen.
std::string code_to_pyc(const CodeObject& code, std::string_view source, const struct stat& st, Invalidation mode,
                        std::optional<int64_t> racy_clock, std::string* kind = nullptr);

// Whether two stats of a source describe the same contents as far as the file system can tell (inode, size,
// and modification and change times to the nanosecond).
bool same_file_version(const struct stat& a, const struct stat& b);

// SourceFileLoader.set_data: writes `pyc` to `pyc_path` atomically (creating __pycache__ or the mirror's
// directories), with the source's permission bits; refuses any path inside settings.host_lib.
Result<Ok, WriteFailure> write_pyc(const std::string& pyc_path, std::string_view pyc, const std::string& source_path,
                                   const CacheSettings& settings);

// Issues a compile's warnings where they can be shown (the VM's warnings module); false when a filter turned one
// into an error. CPython's compiler warns while it compiles, so such an error stops the import before any cache is
// written: the sink runs between the compile and the write.
using WarningSink = std::function<bool(const SyntaxWarnings&)>;

// The shared source-to-pyc path of py_compile and compileall: read `source_path`, compile it, write its cache
// at cache_path_for(). `stage` says how far it got; `warnings` are the compile's, and `syntax_error` is set when
// the compile failed (CompileFailed). With `issue_warnings`, the warnings go to it before anything is written, and
// WarningFailed means it refused one (no pyc written; `warnings` is then empty).
struct PycBuild {
  enum class Stage { Written, ReadFailed, CompileFailed, WarningFailed, NoCachePath, WriteFailed } stage = Stage::Written;
  int read_errno = 0;
  std::string source;
  SyntaxWarnings warnings;
  std::optional<SyntaxError> syntax_error;
  std::string pyc_path;
  std::string path_error;                 // NoCachePath: importlib's ValueError text
  std::optional<WriteFailure> write_failure;  // WriteFailed: why
};
PycBuild compile_to_pyc(const std::string& source_path, const CacheSettings& settings, Invalidation mode,
                        const WarningSink& issue_warnings = {});

// SourceFileLoader.get_code for module `fullname` whose source is `source_path`: the code from a fresh, valid
// cache (then `from_cache`, and the objects are `loader`'s), else compiled from source into `code` (the cache
// rewritten unless settings forbid it). On failure neither, and `syntax_error` or `os_errno` (reading the
// source) says why.
struct SourceCode {
  bool from_cache = false;
  std::shared_ptr<const CodeObject> code;
  std::optional<SyntaxError> syntax_error;
  SyntaxWarnings warnings;  // what compiling the source warned about, when no WarningSink took them
  bool warning_failed = false;  // the sink refused a warning (a filter made it an error): nothing was written
  int os_errno = 0;
};
SourceCode get_source_code(std::string_view fullname, const std::string& source_path, const CacheSettings& settings,
                           PycBodyLoader& loader, CacheEvents& events, const WarningSink& issue_warnings = {});

// SourcelessFileLoader.get_code for a legacy pyc `pyc_path`, its objects made by `loader`. On failure `loaded`
// is false and `error` holds the message; `eof` marks a truncated header (EOFError in CPython), `os_errno` an
// unreadable file.
struct SourcelessCode {
  bool loaded = false;
  std::string error;
  bool eof = false;
  int os_errno = 0;
};
SourcelessCode get_sourceless_code(std::string_view fullname, const std::string& pyc_path, PycBodyLoader& loader,
                                   CacheEvents& events);

}  // namespace minipy
