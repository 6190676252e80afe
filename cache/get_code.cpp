// The cache decisions of importlib's get_code, in the order of CPython 3.11's _bootstrap_external.py, each with
// a sentence of why. Where CPython fails, minipy heals: a cache whose body does not unmarshal, or whose bytecode
// the verifier refuses (a CPython pyc using an opcode minipy lacks), is treated like a stale one — compile from
// source and rewrite — instead of failing the import on every run.
#include "cache/get_code.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>

#include <fmt/format.h>

#include "cache/marshal.h"
#include "cache/source_hash.h"
#include "cache/verified_memo.h"
#include "cache/verify.h"

namespace minipy {

namespace {

std::span<const uint8_t> as_bytes(std::string_view s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

// The decisions do not print: they hand their `-v` and explain lines to the caller in order (the VM prints them to
// its sys.stderr; compileall's worker threads collect them), which keeps this folder free of any I/O policy.
void verbose(CacheEvents& events, std::string text, int level = 1) {
  events.push_back({CacheEvent::Kind::Verbose, level, std::move(text)});
}
void explain(CacheEvents& events, std::string text) {
  events.push_back({CacheEvent::Kind::Explain, 0, std::move(text)});
}

// A header field for an explain line, read without the checks classify_pyc makes: it only quotes what a refused
// file holds, so a short file reads as 0 rather than failing a second time.
uint32_t header_word(const std::string& data, size_t offset) {
  if (data.size() < offset + 4) return 0;
  auto* p = reinterpret_cast<const uint8_t*>(data.data()) + offset;
  return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<uint32_t>(p[3]) << 24);
}

// -O and -OO select the .opt-1.pyc and .opt-2.pyc caches; without them the name has no optimization part.
std::string optimization_suffix(int optimize) { return optimize ? std::to_string(optimize) : ""; }

// Why a header was refused, in words for -X explain_cache.
std::string explain_rejection(const PycRejection& r, const std::string& data, int64_t mtime, uint64_t size) {
  switch (r.kind) {
    case PycRejection::Kind::BadMagic: return fmt::format("recompiled: {}", r.reason);
    case PycRejection::Kind::TruncatedHeader: return "recompiled: cache is shorter than a pyc header";
    case PycRejection::Kind::BadFlags: return fmt::format("recompiled: {}", r.reason);
    case PycRejection::Kind::StaleMtime:
      return fmt::format("recompiled: source mtime {} differs from cache's {}", mtime & 0xFFFFFFFF,
                         header_word(data, 8));
    case PycRejection::Kind::StaleSize:
      return fmt::format("recompiled: source size {} differs from cache's {}", size & 0xFFFFFFFF,
                         header_word(data, 12));
    case PycRejection::Kind::HashMismatch: return "recompiled: source hash differs from the hash in the cache";
  }
  return "recompiled";
}

// What one look at a cache file decided, and what the compile path needs from it afterwards.
struct CacheAttempt {
  std::optional<std::string> source;  // the source text, when checking a hash pyc read it
  bool hash_based = false;            // the kind of pyc to write back ("as before")
  bool check_source = true;
  std::string why = "recompiled: no cache";  // the explain text when the cache was not used
  int os_errno = 0;                   // the source could not be read
  bool refused = false;               // a cache file minipy must not replace (untrusted, or not a regular file)
};

// A refused minipy pyc whose trailer does not match: its header's flags may be the damage, so the rewrite is
// the default kind rather than "as before" (a flipped flag must not turn the cache into a hash pyc).
void forget_damaged_kind(const std::string& data, CacheAttempt& attempt) {
  if (check_pyc_trailer(as_bytes(data)).state != PycTrailerCheck::State::Mismatch) return;
  attempt.hash_based = false;
  attempt.check_source = true;
}

// The cache half of get_code: reads the pyc at `bytecode_path` for source `source_path` (stat'ed as `st`) and,
// when it is fresh and valid, has `loader` load its code and returns true; otherwise fills `attempt` with why
// not. `served` prefixes the file in the explain line ("CPython's " for a Lib cache minipy only reads).
bool load_fresh_pyc(std::string_view fullname, const std::string& source_path, const std::string& bytecode_path,
                    const struct stat& st, std::string_view served, const CacheSettings& settings,
                    PycBodyLoader& loader, CacheAttempt& attempt, CacheEvents& events) {
  int64_t mtime = st.st_mtim.tv_sec;
  auto size = static_cast<uint64_t>(st.st_size);
  struct stat pyc_st {};
  Result<std::string> read = read_cache_file(bytecode_path, &pyc_st);
  if (!read.ok()) {
    const int err = errno;
    const std::string& unreadable = read.error().message;
    attempt.why = err == ENOENT ? fmt::format("compiled: no cache at {}", bytecode_path)
                                : fmt::format("recompiled: cannot read {} ({})", bytecode_path, unreadable);
    // CPython's -v is silent about an unreadable cache; a refused one (a device, a FIFO, a huge file) is
    // minipy's own decision and says so.
    if (err == EINVAL) verbose(events, fmt::format("cannot read {}: {}", bytecode_path, unreadable));
    return false;
  }
  const std::string& data = read.value();
  // A cache others could have planted is not read at all (CPython trusts any matching header).
  if (auto distrust = cache_distrust_reason(bytecode_path, pyc_st, st)) {
    verbose(events, fmt::format("{} is not trusted: {}", bytecode_path, *distrust));
    attempt.why = fmt::format("compiled in memory: cache {} not trusted ({})", bytecode_path, *distrust);
    attempt.refused = true;
    return false;
  }
  // Then _classify_pyc and the validation its flags select, as in SourceFileLoader.get_code: a timestamp pyc is
  // compared with the stat already taken; a hash pyc may need the source text, which is then kept for the compile.
  PycClassification classified = classify_pyc(as_bytes(data), fullname);
  PycVerdict verdict = Ok{};
  bool source_checked = false;
  if (!classified.ok()) {
    verdict = classified.error();
  } else {
    const PycHeader& cls = classified.value();
    attempt.hash_based = cls.hash_based();
    if (attempt.hash_based) {
      // A hash pyc is checked against the source only when its flag (or --check-hash-based-pycs) asks:
      // an unchecked one is how a distribution says "trust me" and saves reading the source.
      attempt.check_source = cls.check_source();
      const std::string& mode = settings.check_hash_based_pycs;
      if (mode != "never" && (attempt.check_source || mode == "always")) {
        std::string text;
        if (!read_file(source_path, &text)) {
          attempt.os_errno = errno;
          return false;
        }
        attempt.source = std::move(text);
        verdict = validate_hash_pyc(as_bytes(data), source_hash(*attempt.source), fullname);
        source_checked = true;
      }
    } else {
      verdict = validate_timestamp_pyc(as_bytes(data), mtime, size, fullname);
    }
  }
  if (!verdict.ok()) {
    const PycRejection* rejection = &verdict.error();
    // CPython logs these three; minipy also logs a hash mismatch (the racy rule makes hash pycs common).
    auto k = rejection->kind;
    if (k == PycRejection::Kind::BadMagic || k == PycRejection::Kind::TruncatedHeader ||
        k == PycRejection::Kind::StaleMtime)
      verbose(events, rejection->reason);
    else if (k == PycRejection::Kind::HashMismatch)
      verbose(events, fmt::format("bytecode is stale for {}", python_str_repr(fullname)));
    attempt.why = explain_rejection(*rejection, data, mtime, size);
    forget_damaged_kind(data, attempt);
    return false;
  }
  // The body is loaded under the source's own path (_fix_co_filename): the cache may have moved with it.
  Result<Ok> code = code_from_pyc_body(as_bytes(data), loader, &settings, &pyc_st, &source_path);
  if (!code.ok()) {
    const std::string& damage = code.error().message;
    verbose(events, fmt::format("{} in {}", damage, python_str_repr(bytecode_path)));
    attempt.why = "recompiled: " + damage;
    forget_damaged_kind(data, attempt);
    return false;
  }
  verbose(events, fmt::format("{} matches {}", bytecode_path, source_path));
  verbose(events, fmt::format("code object from {}", python_str_repr(bytecode_path)));
  if (!attempt.hash_based)
    explain(events, fmt::format("cache hit: {}{} matches source mtime {} and size {}", served, bytecode_path,
                                mtime & 0xFFFFFFFF, size & 0xFFFFFFFF));
  else if (source_checked)
    explain(events, fmt::format("cache hit: {}{} matches the source's hash", served, bytecode_path));
  else
    explain(events, fmt::format("cache hit: {}{} is an unchecked hash-based pyc (source not read)", served,
                                bytecode_path));
  return true;
}

}  // namespace

Result<std::string> read_cache_file(const std::string& path, struct stat* st) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
  int fd = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    int saved = errno;
    Failure failure{std::strerror(saved)};
    errno = saved;
    return failure;
  }
  auto refuse = [&](std::string reason) -> Result<std::string> {
    close(fd);
    errno = EINVAL;
    return Failure{std::move(reason)};
  };
  if (fstat(fd, st) != 0) return refuse(std::strerror(errno));
  // A device (a symlink to /dev/zero), a FIFO or a socket never ends; a huge file is no cache minipy wrote.
  if (!S_ISREG(st->st_mode)) return refuse("not a regular file");
  if (static_cast<uint64_t>(st->st_size) > kMaxCacheFileSize)
    return refuse(fmt::format("larger than {} bytes", kMaxCacheFileSize));
  // Read straight into the result, sized by fstat plus one byte: a file that did not change since fstat fills
  // it in one read() with no copy through a buffer, and the spare byte shows a file that grew meanwhile.
  std::string data;
  size_t filled = 0;
  data.resize(static_cast<size_t>(st->st_size) + 1);
  for (;;) {
    if (filled == data.size()) {
      // The file may grow while it is read: the bound holds whatever fstat said.
      if (data.size() > kMaxCacheFileSize) return refuse(fmt::format("larger than {} bytes", kMaxCacheFileSize));
      data.resize(data.size() + 65536);
    }
    ssize_t n = read(fd, data.data() + filled, data.size() - filled);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return refuse(std::strerror(errno));
    if (n == 0) break;
    filled += static_cast<size_t>(n);
  }
  close(fd);
  data.resize(filled);
  if (data.size() > kMaxCacheFileSize) return refuse(fmt::format("larger than {} bytes", kMaxCacheFileSize));
  return data;
}

std::optional<std::string> cache_distrust_reason(const std::string& pyc_path, const struct stat& pyc_st,
                                                  const struct stat& source_st) {
  // Others who may rewrite the source itself gain nothing by rewriting its cache: judge only what they could
  // not otherwise do.
  if (!(source_st.st_mode & S_IWOTH)) {
    if (pyc_st.st_mode & S_IWOTH) return std::string("the cache file is writable by other users");
    size_t slash = pyc_path.rfind('/');
    std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : pyc_path.substr(0, slash);
    struct stat dir_st {};
    // A sticky directory (like /tmp) lets others add files but not replace ours; the owner check covers adds.
    if (stat(dir.c_str(), &dir_st) == 0 && (dir_st.st_mode & S_IWOTH) && !(dir_st.st_mode & S_ISVTX))
      return fmt::format("its directory {} is writable by other users", dir);
  }
  // The cache's owner must be someone who could have written the source's cache legitimately: the source's
  // owner, root, or the user running minipy (who would only be fooling themselves).
  if (pyc_st.st_uid != source_st.st_uid && pyc_st.st_uid != 0 && pyc_st.st_uid != geteuid())
    return fmt::format("it is owned by uid {}, the source by uid {}", pyc_st.st_uid, source_st.st_uid);
  return std::nullopt;
}

// A source is read whole and without read_cache_file's bounds: it is what the user asked to run, and importlib's
// get_data reads a source whole whatever its size (the bounds guard only against a planted cache file).
bool read_file(const std::string& path, std::string* out, struct stat* file_stat) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  std::string data;
  // The open file's own stat (the verified-body memo keys a pyc by it), and its size as a capacity hint.
  struct stat st {};
  if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode)) data.reserve(static_cast<size_t>(st.st_size));
  if (file_stat) *file_stat = st;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) data.append(buf, n);
  bool ok = !std::ferror(f);
  int saved = errno;
  std::fclose(f);
  errno = saved;
  if (ok) *out = std::move(data);
  return ok;
}

namespace {

// cache_from_source under `settings`, with minipy's one addition: a host Lib module's cache goes to the
// per-user mirror tree, laid out as a pycache prefix lays it out (the host's installation is not minipy's to
// write). An empty path with no error: there is nowhere to put it.
CachePathResult settings_cache_path(const std::string& source_path, const CacheSettings& settings) {
  if (settings.cache_tag.empty()) return std::string();  // sys.implementation.cache_tag None: caching is off
  std::optional<std::string_view> prefix;
  if (settings.pycache_prefix) prefix = *settings.pycache_prefix;
  if (!prefix && path_is_under(source_path, settings.host_lib)) {
    if (settings.lib_cache_root.empty()) return std::string();
    prefix = settings.lib_cache_root;
  }
  return cache_from_source(source_path, settings.cache_tag, optimization_suffix(settings.optimize), prefix);
}

}  // namespace

std::string cache_path_for(const std::string& source_path, const CacheSettings& settings) {
  CachePathResult r = settings_cache_path(source_path, settings);
  return r.ok() ? r.value() : std::string();
}

Result<Ok> code_from_pyc_body(std::span<const uint8_t> data, PycBodyLoader& loader, const CacheSettings* settings,
                              const struct stat* file, const std::string* filename) {
  // A minipy-written pyc carries a hash of its header and body: any changed byte is caught here, including one
  // that leaves a well-formed body with a different constant.
  PycTrailerCheck trailer = check_pyc_trailer(data);
  if (trailer.state == PycTrailerCheck::State::Mismatch) {
    return Failure{"cache integrity trailer does not match (the file changed after minipy wrote it)"};
  }
  // The VM trusts code it runs (stack depths, operand ranges): a file is checked before it gets there, or was
  // checked byte for byte the same by this minipy before (the verified-body memo, speed helper). The loader runs
  // the verifier on each code object as soon as it is read, in the same pass.
  const std::string memo = settings && file ? settings->verified_memo_dir : std::string();
  std::string key = memo.empty() ? std::string() : verified_memo_key(*file);
  const bool verify = key.empty() || !verified_memo_has(memo, key);
  Result<LoadedBody, BodyLoadFailure> loaded = loader.load(trailer.body, verify, filename);
  if (!loaded.ok()) {
    const BodyLoadFailure& failure = loaded.error();
    if (failure.from_verifier)
      return Failure{fmt::format("cached bytecode cannot run on minipy ({})", failure.failure.message)};
    return Failure{fmt::format("cache body is damaged ({} at byte {})", failure.failure.message,
                               kPycHeaderSize + failure.failure.offset)};
  }
  // Neither writer leaves bytes between the code object and the end (or the trailer): extra bytes mean a
  // damaged trailer or a body that ends early.
  if (loaded.value().consumed != trailer.body.size()) {
    return Failure{fmt::format("cache body is damaged ({} unexpected bytes after the code object)",
                               trailer.body.size() - loaded.value().consumed)};
  }
  // Module code never has free variables; a cache claiming some was damaged or forged.
  if (loaded.value().root_frees != 0) return Failure{"cached module code has free variables"};
  if (verify && !key.empty() && !settings->dont_write_bytecode) verified_memo_add(memo, key);
  return Ok{};
}

Result<std::shared_ptr<const CodeObject>> code_from_pyc_body(std::span<const uint8_t> data) {
  CodeTreeLoader loader;
  Result<Ok> loaded = code_from_pyc_body(data, loader);
  if (!loaded.ok()) return std::move(loaded).error();
  return std::move(loader.code);
}

Result<LoadedBody, BodyLoadFailure> CodeTreeLoader::load(std::span<const uint8_t> body, bool verify,
                                                         const std::string* filename) {
  auto unmarshalled = unmarshal_code(body);
  if (!unmarshalled.ok()) return BodyLoadFailure{std::move(unmarshalled).error(), false};
  const size_t consumed = unmarshalled.value().consumed;
  // Moved out, so with_filename sees the only reference and renames the tree in place instead of copying it.
  std::shared_ptr<const CodeObject> tree = std::move(unmarshalled.value().object);
  // The tree is verified whole once it is read (the VM's loader verifies each code object as it completes).
  if (verify) {
    Result<Ok> verified = verify_tree(*tree);
    if (!verified.ok()) return BodyLoadFailure{std::move(verified).error(), true};
  } else {
    mark_tree_verified(*tree);
  }
  code = filename ? with_filename(tree, *filename) : tree;
  return LoadedBody{consumed, count_free_slots(code->localspluskinds)};
}

std::shared_ptr<const CodeObject> with_filename(const std::shared_ptr<const CodeObject>& code,
                                                const std::string& filename) {
  if (code->filename == filename) return code;
  // A tree nobody else holds yet (just unmarshalled) is renamed in place, as CPython's _fix_co_filename does:
  // copying it cost a tenth of a big module's warm import (speed helper). The objects were made non-const.
  if (code.use_count() == 1) {
    auto& own = const_cast<CodeObject&>(*code);
    own.filename = filename;
    for (ConstRef& k : own.consts) {
      if (!k->is(Const::Kind::Code)) continue;
      auto renamed = with_filename(k->code_value(), filename);
      if (renamed != k->code_value()) k = Const::code(std::move(renamed));
    }
    return code;
  }
  auto copy = std::make_shared<CodeObject>(*code);
  copy->filename = filename;
  for (ConstRef& k : copy->consts)
    if (k->is(Const::Kind::Code)) k = Const::code(with_filename(k->code_value(), filename));
  return copy;
}

bool same_file_version(const struct stat& a, const struct stat& b) {
  return a.st_ino == b.st_ino && a.st_dev == b.st_dev && a.st_size == b.st_size &&
         a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec &&
         a.st_ctim.tv_sec == b.st_ctim.tv_sec && a.st_ctim.tv_nsec == b.st_ctim.tv_nsec;
}

std::string code_to_pyc(const CodeObject& code, std::string_view source, const struct stat& st, Invalidation mode,
                        std::optional<int64_t> racy_clock, std::string* kind) {
  auto say = [&](const char* words) {
    if (kind) *kind = words;
  };
  if (mode == Invalidation::Timestamp && racy_clock && static_cast<int64_t>(st.st_mtim.tv_sec) >= *racy_clock) {
    // git's racy-file rule: the source may change again within this second without changing mtime or size.
    say("checked hash-based pyc: the source changed within the last second, so its mtime cannot be trusted");
    return code_to_hash_pyc(code, source_hash(source), true);
  }
  if (mode == Invalidation::Timestamp) {
    say("timestamp pyc");
    return code_to_timestamp_pyc(code, st.st_mtim.tv_sec, static_cast<uint64_t>(st.st_size));
  }
  say(mode == Invalidation::CheckedHash ? "checked hash-based pyc" : "unchecked hash-based pyc");
  return code_to_hash_pyc(code, source_hash(source), mode == Invalidation::CheckedHash);
}

Result<Ok, WriteFailure> write_pyc(const std::string& pyc_path, std::string_view pyc, const std::string& source_path,
                                   const CacheSettings& settings) {
  // Only a pycache prefix pointing into Lib gets here: the host's installation is still not ours to write.
  if (path_is_under(pyc_path, settings.host_lib))
    return WriteFailure{pyc_path, EACCES, "the host Lib is never written to"};
  return write_cache_file(pyc_path, pyc, cache_mode_for_source(source_path));
}

PycBuild compile_to_pyc(const std::string& source_path, const CacheSettings& settings, Invalidation mode,
                        const WarningSink& issue_warnings) {
  PycBuild build;
  if (!read_file(source_path, &build.source)) {
    build.read_errno = errno;
    build.stage = PycBuild::Stage::ReadFailed;
    return build;
  }
  CompileResult compiled =
      compile_source(build.source, source_path, ast::ParseMode::Exec, {settings.optimize}, build.warnings);
  if (issue_warnings && !build.warnings.empty()) {
    bool accepted = issue_warnings(build.warnings);
    build.warnings.clear();
    if (!accepted) {
      build.stage = PycBuild::Stage::WarningFailed;
      return build;
    }
  }
  if (!compiled.ok()) {
    build.syntax_error = std::move(compiled).error();
    build.stage = PycBuild::Stage::CompileFailed;
    return build;
  }
  CachePathResult path = settings_cache_path(source_path, settings);
  if (!path.ok() || path.value().empty()) {
    if (!path.ok()) build.path_error = path.error().message;
    build.stage = PycBuild::Stage::NoCachePath;
    return build;
  }
  build.pyc_path = path.value();
  struct stat st {};
  stat(source_path.c_str(), &st);
  std::string pyc = code_to_pyc(*compiled.value(), build.source, st, mode, std::nullopt);
  Result<Ok, WriteFailure> written = write_pyc(build.pyc_path, pyc, source_path, settings);
  if (!written.ok()) {
    build.write_failure = std::move(written).error();
    build.stage = PycBuild::Stage::WriteFailed;
  }
  return build;
}

SourceCode get_source_code(std::string_view fullname, const std::string& source_path, const CacheSettings& settings,
                           PycBodyLoader& loader, CacheEvents& events, const WarningSink& issue_warnings) {
  SourceCode out;
  // A Lib module is read in place from the host's installation: its cache never goes beside it (see
  // settings_cache_path), but CPython's own fresh cache there may be used.
  const bool in_host_lib = path_is_under(source_path, settings.host_lib);
  std::string bytecode_path = cache_path_for(source_path, settings);
  CacheAttempt attempt;
  struct stat st {};
  const bool have_stat = stat(source_path.c_str(), &st) == 0;
  // The racy rule is judged by the clock of this stat, taken before the source is read and compiled: an edit in
  // this same second, even one made while the compile runs, cannot be seen in the whole-second mtime.
  const auto stat_clock = static_cast<int64_t>(std::time(nullptr));
  std::string lib_note;  // for a Lib module: why CPython's own cache beside the source was not used
  if (have_stat && in_host_lib && !settings.cache_tag.empty()) {
    // CPython's pyc beside a Lib source holds the bytecode minipy's compiler would emit; use it when it is
    // fresh and passes the verifier, but never rewrite it (it belongs to the host's installation).
    CachePathResult cpython = cache_from_source(source_path, "cpython-311", optimization_suffix(settings.optimize));
    if (cpython.ok()) {
      CacheAttempt cpython_attempt;
      out.from_cache = load_fresh_pyc(fullname, source_path, cpython.value(), st, "CPython's ", settings, loader,
                                      cpython_attempt, events);
      out.os_errno = cpython_attempt.os_errno;
      if (out.from_cache || out.os_errno) return out;
      std::string_view reason = cpython_attempt.why;
      reason = reason.substr(reason.find(": ") + 2);  // "recompiled: why" -> "why"
      lib_note = fmt::format(" (CPython's cache not used: {})", reason);
      attempt.source = std::move(cpython_attempt.source);
    }
  }
  if (!bytecode_path.empty() && have_stat) {
    out.from_cache = load_fresh_pyc(fullname, source_path, bytecode_path, st, "", settings, loader, attempt, events);
    out.os_errno = attempt.os_errno;
    if (out.from_cache || out.os_errno) return out;
  } else if (bytecode_path.empty()) {
    attempt.why = in_host_lib && settings.lib_cache_root.empty() && !settings.cache_tag.empty()
                      ? "compiled: no per-user cache directory for Lib modules (neither XDG_CACHE_HOME nor HOME)"
                      : "compiled: caching is off (no cache tag)";
  }
  std::string why = attempt.why + lib_note;

  // source_to_code: the source is read only now unless checking a hash pyc already read it (one read per import).
  if (!attempt.source) {
    std::string text;
    if (!read_file(source_path, &text)) {
      out.os_errno = errno;
      return out;
    }
    attempt.source = std::move(text);
  }
  const std::string& source = *attempt.source;
  CompileResult result = compile_source(source, source_path, ast::ParseMode::Exec, {settings.optimize}, out.warnings);
  if (issue_warnings && !out.warnings.empty()) {
    bool accepted = issue_warnings(out.warnings);
    out.warnings.clear();
    if (!accepted) {  // `python -W error`: the warning is the compile's SyntaxError, and no pyc records the code
      explain(events, "compile failed: a warning was made an error; cache not written");
      out.warning_failed = true;
      return out;
    }
  }
  if (!result.ok()) {
    explain(events, fmt::format("compile failed: {}", result.error().message));
    out.syntax_error = std::move(result).error();
    return out;
  }
  out.code = result.value();
  verbose(events, fmt::format("code object from {}", source_path));
  // One explain line per decision: why the source was compiled, then what happened to the cache.
  if (bytecode_path.empty() || !have_stat) {
    explain(events, why);
    return out;
  }
  if (settings.dont_write_bytecode) {
    explain(events, why + "; cache not written (-B, PYTHONDONTWRITEBYTECODE or sys.dont_write_bytecode)");
    return out;
  }
  if (attempt.refused) {  // not ours to replace: someone else's file, or not a regular file at all
    explain(events, why + "; cache left alone");
    return out;
  }
  // A cache is rewritten in the kind it was (a hash pyc stays one): whoever chose hash pycs chose them.
  Invalidation mode = !attempt.hash_based     ? Invalidation::Timestamp
                      : attempt.check_source ? Invalidation::CheckedHash
                                             : Invalidation::UncheckedHash;
  std::string kind;
  std::string pyc;
  struct stat after {};
  if (stat(source_path.c_str(), &after) != 0 || !same_file_version(st, after)) {
    // The source changed between the stat and the end of the compile: a timestamp pyc would pair the new
    // mtime and size with the old code. A checked hash pyc of the text that was compiled is right whatever
    // the file holds now (the next import hashes the source and recompiles if it differs).
    pyc = code_to_pyc(*out.code, source, st, Invalidation::CheckedHash, std::nullopt);
    kind = "checked hash-based pyc of the text compiled: the source changed while it was being compiled";
  } else {
    pyc = code_to_pyc(*out.code, source, st, mode, stat_clock, &kind);
    if (attempt.hash_based) kind += ", as before";
  }
  if (Result<Ok, WriteFailure> written = write_pyc(bytecode_path, pyc, source_path, settings); !written.ok()) {
    verbose(events, written.error().message());
    explain(events, fmt::format("{}; cache not written: {}", why, written.error().message()));
  } else {
    verbose(events, fmt::format("created {}", python_str_repr(bytecode_path)));
    explain(events, fmt::format("{}; wrote {} ({})", why, bytecode_path, kind));
  }
  return out;
}

SourcelessCode get_sourceless_code(std::string_view fullname, const std::string& pyc_path, PycBodyLoader& loader,
                                   CacheEvents& events) {
  SourcelessCode out;
  struct stat pyc_st {};
  Result<std::string> read = read_cache_file(pyc_path, &pyc_st);
  if (!read.ok()) {
    const std::string& unreadable = read.error().message;
    out.os_errno = errno;
    if (errno == EINVAL) {  // refused (not a regular file, or too large): an import error, not an OSError
      out.os_errno = 0;
      out.error = fmt::format("cannot read {}: {}", python_str_repr(pyc_path), unreadable);
      explain(events, fmt::format("cannot import: {} (no source to fall back on)", out.error));
    }
    return out;
  }
  const std::string& data = read.value();
  PycClassification cls = classify_pyc(as_bytes(data), fullname);
  if (!cls.ok()) {
    const PycRejection& rejection = cls.error();
    auto k = rejection.kind;
    if (k != PycRejection::Kind::BadFlags) verbose(events, rejection.reason);
    explain(events, fmt::format("cannot import: {} (no source to fall back on)", rejection.reason));
    out.error = rejection.reason;
    out.eof = k == PycRejection::Kind::TruncatedHeader;
    return out;
  }
  Result<Ok> code = code_from_pyc_body(as_bytes(data), loader);
  if (!code.ok()) {
    const std::string& damage = code.error().message;
    explain(events, fmt::format("cannot import: {} (no source to fall back on)", damage));
    out.error = fmt::format("{} in {}", damage, python_str_repr(pyc_path));
    return out;
  }
  out.loaded = true;
  verbose(events, fmt::format("code object from {}", python_str_repr(pyc_path)));
  explain(events, fmt::format("loaded sourceless {}", pyc_path));
  return out;
}

}  // namespace minipy
