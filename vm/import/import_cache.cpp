// SourceFileLoader.get_code and SourcelessFileLoader.get_code: the __pycache__ decisions, in the order of
// CPython 3.11's Lib/importlib/_bootstrap_external.py, with its -v lines. Where CPython fails, minipy heals:
// a cache whose body does not unmarshal, or whose bytecode the verifier refuses (a CPython pyc using an opcode
// minipy lacks), is treated like a stale one — compile from source and rewrite — instead of failing the import
// on every run. And git's racy-file rule: a source modified in the current second (or later) gets a checked
// hash-based pyc, because a second same-size edit within that second would leave a timestamp pyc looking fresh.
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>

#include "cache/verify.h"
#include "cache/marshal.h"
#include "cache/pyc.h"
#include "cache/source_hash.h"
#include "compiler/compile.h"
#include "vm/import/import.h"
#include "vm/import/import_internal.h"
#include "vm/cli/run.h"

namespace minipy {

namespace {

std::span<const uint8_t> as_bytes(const std::string& s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

uint32_t header_word(const std::string& data, size_t offset) {
  if (data.size() < offset + 4) return 0;
  auto* p = reinterpret_cast<const uint8_t*>(data.data()) + offset;
  return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<uint32_t>(p[3]) << 24);
}

Value sys_attribute(ThreadState& ts, const char* name) {
  return dict_get_str(ts.interp->sys_module->dict, intern(ts, name));
}

// sys.dont_write_bytecode is read at every import, so a program may switch caching off while it runs.
bool dont_write_bytecode(ThreadState& ts) {
  Value v = sys_attribute(ts, "dont_write_bytecode");
  if (!v) return ts.interp->config.dont_write_bytecode;
  int truth = py_truth(ts, v);
  if (truth < 0) {
    ts.current_exception = Value();
    return true;
  }
  return truth == 1;
}

int count_free_variables(const CodeObject& code) {
  int n = 0;
  for (char k : code.localspluskinds)
    if (static_cast<uint8_t>(k) & CO_FAST_FREE) n++;
  return n;
}

// _imp._fix_co_filename: a cache moved with its source reports the source's current path in tracebacks.
std::shared_ptr<const CodeObject> with_filename(const std::shared_ptr<const CodeObject>& code,
                                                const std::string& filename) {
  if (code->filename == filename) return code;
  auto copy = std::make_shared<CodeObject>(*code);
  copy->filename = filename;
  for (ConstRef& k : copy->consts)
    if (k->is(Const::Kind::Code)) k = Const::code(with_filename(k->code_value(), filename));
  return copy;
}

// The body of a pyc as runnable code, or the reason it is not.
std::shared_ptr<const CodeObject> code_from_body(std::span<const uint8_t> data, std::string* why) {
  auto result = unmarshal_code(pyc_body(data));
  if (result.error) {
    *why = fmt::format("cache body is damaged ({} at byte {})", result.error->message,
                       kPycHeaderSize + result.error->offset);
    return nullptr;
  }
  if (count_free_variables(*result.value) != 0) {
    *why = "cached module code has free variables";
    return nullptr;
  }
  std::string problem = verify_tree(*result.value);
  if (!problem.empty()) {
    *why = fmt::format("cached bytecode cannot run on minipy ({})", problem);
    return nullptr;
  }
  return result.value;
}

Value raise_os_error(ThreadState& ts, int err, const std::string& path) {
  Type* type = err == ENOENT ? &FileNotFoundError_type
               : err == EACCES || err == EPERM ? &PermissionError_type
               : err == EISDIR ? &IsADirectoryError_type
               : &OSError_type;
  return raise_fmt(ts, *type, "[Errno {}] {}: {}", err, std::strerror(err), python_str_repr(path));
}

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

}  // namespace

namespace {

// sys.pycache_prefix when it is a str (a program may set it while it runs), else nothing.
std::optional<std::string> current_pycache_prefix(ThreadState& ts) {
  Value p = sys_attribute(ts, "pycache_prefix");
  if (p && is_str(p)) return std::string(as_str(p)->view());
  return std::nullopt;
}

std::string optimization_suffix(const RuntimeConfig& config) {
  return config.optimize ? std::to_string(config.optimize) : "";
}

// What one look at a cache file decided, and what the compile path needs from it afterwards.
struct CacheAttempt {
  std::optional<std::string> source;  // the source text, when checking a hash pyc read it
  bool hash_based = false;            // the kind of pyc to write back
  bool check_source = true;
  std::string why = "recompiled: no cache";  // the explain text when the cache was not used
  bool failed = false;                // an exception is pending (the source could not be read)
};

// Reads the pyc at `bytecode_path` for source `source_path` (stat'ed as `st`) and returns its code when it is
// fresh and valid; otherwise fills `attempt` with why not (and, for a hash pyc, the kind to write back).
// `served` names the file in the -v/explain lines ("CPython's " for a Lib cache minipy only reads).
std::shared_ptr<const CodeObject> try_cache(ThreadState& ts, std::string_view fullname,
                                            const std::string& source_path, const std::string& bytecode_path,
                                            const struct stat& st, std::string_view served,
                                            CacheAttempt& attempt) {
  const RuntimeConfig& config = ts.interp->config;
  int64_t mtime = st.st_mtim.tv_sec;
  auto size = static_cast<uint64_t>(st.st_size);
  std::string data;
  if (!read_file(bytecode_path, &data)) {
    attempt.why = errno == ENOENT
                      ? fmt::format("compiled: no cache at {}", bytecode_path)
                      : fmt::format("recompiled: cannot read {} ({})", bytecode_path, std::strerror(errno));
    return nullptr;
  }
  PycClassification cls = classify_pyc(as_bytes(data), fullname);
  std::optional<PycRejection> rejection = cls.rejection;
  bool source_checked = false;
  if (!rejection) {
    attempt.hash_based = cls.flags & kPycHashBased;
    if (attempt.hash_based) {
      attempt.check_source = cls.flags & kPycCheckSource;
      const std::string& mode = config.check_hash_based_pycs;
      if (mode != "never" && (attempt.check_source || mode == "always")) {
        std::string text;
        if (!read_file(source_path, &text)) {
          raise_os_error(ts, errno, source_path);
          attempt.failed = true;
          return nullptr;
        }
        attempt.source = std::move(text);
        rejection = validate_hash_pyc(as_bytes(data), source_hash(*attempt.source), fullname);
        source_checked = true;
      }
    } else {
      rejection = validate_timestamp_pyc(as_bytes(data), mtime, size, fullname);
    }
  }
  if (rejection) {
    // CPython logs these three; minipy also logs a hash mismatch (the racy rule makes hash pycs common).
    auto k = rejection->kind;
    if (k == PycRejection::Kind::BadMagic || k == PycRejection::Kind::TruncatedHeader ||
        k == PycRejection::Kind::StaleMtime)
      verbose_message(ts, 1, rejection->reason);
    else if (k == PycRejection::Kind::HashMismatch)
      verbose_message(ts, 1, fmt::format("bytecode is stale for {}", python_str_repr(fullname)));
    attempt.why = explain_rejection(*rejection, data, mtime, size);
    return nullptr;
  }
  std::string damage;
  auto code = code_from_body(as_bytes(data), &damage);
  if (!code) {
    verbose_message(ts, 1, fmt::format("{} in {}", damage, python_str_repr(bytecode_path)));
    attempt.why = "recompiled: " + damage;
    return nullptr;
  }
  verbose_message(ts, 1, fmt::format("{} matches {}", bytecode_path, source_path));
  verbose_message(ts, 1, fmt::format("code object from {}", python_str_repr(bytecode_path)));
  if (!attempt.hash_based)
    explain(ts, fullname, fmt::format("cache hit: {}{} matches source mtime {} and size {}", served, bytecode_path,
                                      mtime & 0xFFFFFFFF, size & 0xFFFFFFFF));
  else if (source_checked)
    explain(ts, fullname, fmt::format("cache hit: {}{} matches the source's hash", served, bytecode_path));
  else
    explain(ts, fullname, fmt::format("cache hit: {}{} is an unchecked hash-based pyc (source not read)", served,
                                      bytecode_path));
  return with_filename(code, source_path);
}

}  // namespace

std::string cached_path_for(ThreadState& ts, const std::string& source_path) {
  const RuntimeConfig& config = ts.interp->config;
  if (config.cache_tag.empty()) return {};
  std::optional<std::string> prefix = current_pycache_prefix(ts);
  // A host Lib module's cache goes to the per-user mirror tree, laid out as a pycache prefix lays it out.
  if (!prefix && path_is_under(source_path, config.host_lib)) {
    const std::string& root = lib_cache_root(ts.interp->config);
    if (root.empty()) return {};
    prefix = root;
  }
  std::optional<std::string_view> prefix_view;
  if (prefix) prefix_view = *prefix;
  CachePathResult r = cache_from_source(source_path, config.cache_tag, optimization_suffix(config), prefix_view);
  return r.ok() ? r.path : std::string();
}

std::shared_ptr<const CodeObject> get_source_code(ThreadState& ts, std::string_view fullname,
                                                  const std::string& source_path) {
  const RuntimeConfig& config = ts.interp->config;
  const bool in_host_lib = path_is_under(source_path, config.host_lib);
  std::string bytecode_path = cached_path_for(ts, source_path);
  CacheAttempt attempt;
  struct stat st {};
  const bool have_stat = stat(source_path.c_str(), &st) == 0;
  std::string lib_note;  // for a Lib module: why CPython's own cache beside the source was not used
  if (have_stat && in_host_lib) {
    // CPython's pyc beside a Lib source holds the bytecode minipy's compiler would emit; use it when it is
    // fresh and passes the verifier, but never rewrite it (it belongs to the host's installation).
    CachePathResult cpython = cache_from_source(source_path, "cpython-311", optimization_suffix(config));
    if (cpython.ok()) {
      CacheAttempt cpython_attempt;
      auto code = try_cache(ts, fullname, source_path, cpython.path, st, "CPython's ", cpython_attempt);
      if (code || cpython_attempt.failed) return code;
      std::string_view reason = cpython_attempt.why;
      reason = reason.substr(reason.find(": ") + 2);  // "recompiled: why" -> "why"
      lib_note = fmt::format(" (CPython's cache not used: {})", reason);
      attempt.source = std::move(cpython_attempt.source);
    }
  }
  if (!bytecode_path.empty() && have_stat) {
    auto code = try_cache(ts, fullname, source_path, bytecode_path, st, "", attempt);
    if (code || attempt.failed) return code;
  } else if (bytecode_path.empty()) {
    attempt.why = in_host_lib && lib_cache_root(ts.interp->config).empty()
                      ? "compiled: no per-user cache directory for Lib modules (neither XDG_CACHE_HOME nor HOME)"
                      : "compiled: caching is off (no cache tag)";
  }
  std::string why = attempt.why + lib_note;

  if (!attempt.source) {
    std::string text;
    if (!read_file(source_path, &text)) return raise_os_error(ts, errno, source_path), nullptr;
    attempt.source = std::move(text);
  }
  const std::string& source = *attempt.source;
  CompileResult result = compile_source(source, source_path, ast::ParseMode::Exec, {config.optimize});
  if (result.error) {
    explain(ts, fullname, fmt::format("compile failed: {}", result.error->message));
    raise_syntax_error(ts, *result.error);
    return nullptr;
  }
  verbose_message(ts, 1, fmt::format("code object from {}", source_path));
  // One explain line per decision: why the source was compiled, then what happened to the cache.
  if (bytecode_path.empty() || !have_stat) {
    explain(ts, fullname, why);
    return result.code;
  }
  if (dont_write_bytecode(ts)) {
    explain(ts, fullname, why + "; cache not written (-B, PYTHONDONTWRITEBYTECODE or sys.dont_write_bytecode)");
    return result.code;
  }
  if (path_is_under(bytecode_path, config.host_lib)) {
    // Only a pycache_prefix pointing into Lib gets here: the host's installation is still not ours to write.
    explain(ts, fullname, fmt::format("{}; cache not written: {} is inside the host Lib", why, bytecode_path));
    return result.code;
  }
  std::string pyc, kind = "timestamp pyc";
  if (attempt.hash_based) {
    pyc = code_to_hash_pyc(*result.code, source_hash(source), attempt.check_source);
    kind = attempt.check_source ? "checked hash-based pyc, as before" : "unchecked hash-based pyc, as before";
  } else if (static_cast<int64_t>(st.st_mtim.tv_sec) >= static_cast<int64_t>(std::time(nullptr))) {
    // Racy: the source may change again within this second without changing its mtime or size.
    pyc = code_to_hash_pyc(*result.code, source_hash(source), true);
    kind = "checked hash-based pyc: the source changed within the last second, so its mtime cannot be trusted";
  } else {
    pyc = code_to_timestamp_pyc(*result.code, st.st_mtim.tv_sec, static_cast<uint64_t>(st.st_size));
  }
  if (auto failure = write_cache_file(bytecode_path, pyc, cache_mode_for_source(source_path))) {
    verbose_message(ts, 1, failure->message());
    explain(ts, fullname, fmt::format("{}; cache not written: {}", why, failure->message()));
  } else {
    verbose_message(ts, 1, fmt::format("created {}", python_str_repr(bytecode_path)));
    explain(ts, fullname, fmt::format("{}; wrote {} ({})", why, bytecode_path, kind));
  }
  return result.code;
}

std::shared_ptr<const CodeObject> get_sourceless_code(ThreadState& ts, std::string_view fullname,
                                                      const std::string& pyc_path) {
  std::string data;
  if (!read_file(pyc_path, &data)) return raise_os_error(ts, errno, pyc_path), nullptr;
  PycClassification cls = classify_pyc(as_bytes(data), fullname);
  if (cls.rejection) {
    auto k = cls.rejection->kind;
    if (k != PycRejection::Kind::BadFlags) verbose_message(ts, 1, cls.rejection->reason);
    explain(ts, fullname, fmt::format("cannot import: {} (no source to fall back on)", cls.rejection->reason));
    if (k == PycRejection::Kind::TruncatedHeader) return raise(ts, EOFError_type, cls.rejection->reason), nullptr;
    return raise(ts, ImportError_type, cls.rejection->reason), nullptr;
  }
  std::string damage;
  auto code = code_from_body(as_bytes(data), &damage);
  if (!code) {
    explain(ts, fullname, fmt::format("cannot import: {} (no source to fall back on)", damage));
    return raise_fmt(ts, ImportError_type, "{} in {}", damage, python_str_repr(pyc_path)), nullptr;
  }
  verbose_message(ts, 1, fmt::format("code object from {}", python_str_repr(pyc_path)));
  explain(ts, fullname, fmt::format("loaded sourceless {}", pyc_path));
  return code;
}

void verbose_message(ThreadState& ts, int level, std::string_view message) {
  if (ts.interp->config.verbose < level) return;
  std::fflush(stdout);
  bool bare = message.starts_with("#") || message.starts_with("import ");
  std::fprintf(stderr, "%s%.*s\n", bare ? "" : "# ", static_cast<int>(message.size()), message.data());
}

void explain(ThreadState& ts, std::string_view fullname, std::string_view message) {
  if (!ts.interp->config.explain_cache) return;
  std::fflush(stdout);
  std::fprintf(stderr, "%.*s: %.*s\n", static_cast<int>(fullname.size()), fullname.data(),
               static_cast<int>(message.size()), message.data());
}

}  // namespace minipy
