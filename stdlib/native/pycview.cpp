// The native `_pycview` module: minipy's own (CPython has no counterpart). It hands the pyc view of
// `minipy -m dis FILE.pyc` (stdlib/pycview.py) the cache's decisions, so the view reports exactly what import
// would decide: classify_pyc for the header, source_from_cache for the source a cache belongs to,
// validate_timestamp_pyc / validate_hash_pyc for freshness, code_from_pyc_body for the body. The formatting
// (dates, the magic number's Python version, the invalidation mode's name) is done in Python.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "cache/get_code.h"
#include "cache/source_hash.h"
#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "vm/errors/errors.h"
#include "vm/cli/run.h"

namespace minipy {

namespace {

std::span<const uint8_t> as_bytes(std::string_view s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

// The names of PycRejection::Kind, as the Python side matches them.
const char* rejection_kind_name(PycRejection::Kind kind) {
  switch (kind) {
    case PycRejection::Kind::BadMagic: return "bad_magic";
    case PycRejection::Kind::TruncatedHeader: return "truncated_header";
    case PycRejection::Kind::BadFlags: return "bad_flags";
    case PycRejection::Kind::StaleMtime: return "stale_mtime";
    case PycRejection::Kind::StaleSize: return "stale_size";
    case PycRejection::Kind::HashMismatch: return "hash_mismatch";
  }
  return "unknown";
}

[[nodiscard]] bool put(ThreadState& ts, DictObject* d, const char* key, Value v) {
  return v && dict_set_str(ts, d, intern(ts, key), v);
}

[[nodiscard]] bool put_rejection(ThreadState& ts, DictObject* d, const PycRejection* rejection) {
  if (!rejection) return put(ts, d, "rejection", None()) && put(ts, d, "reason", None());
  return put(ts, d, "rejection", Value(make_str(ts, rejection_kind_name(rejection->kind)))) &&
         put(ts, d, "reason", Value(make_str(ts, rejection->reason)));
}

// header(data, name) -> dict: classify_pyc's verdict on pyc bytes `data` for module `name` ("rejection": None
// or its kind, "reason": importlib's message), and the header's fields (flags, mtime, source_size, source_hash).
NATIVE_FN(pycview_header) {
  (void)self;
  Value v[2];
  if (!native::parse_args(ts, "header", args, kwnames, {"data", "name"}, 2, 2, v)) return Value();
  std::string_view data, name;
  if (!native::bytes_like(ts, v[0], &data)) return Value();
  if (!is_str(v[1])) return raise(ts, TypeError_type, "header() argument 2 must be str");
  name = as_str(v[1])->view();
  PycClassification classified = classify_pyc(as_bytes(data), name);
  // A rejected header reports zero fields, as the header fields importlib would never have read.
  const PycHeader cls = classified.ok() ? classified.value() : PycHeader{};
  DictObject* d = make_dict(ts);
  std::string hash(reinterpret_cast<const char*>(cls.source_hash.data()), cls.source_hash.size());
  if (!put_rejection(ts, d, classified.ok() ? nullptr : &classified.error()) || !put(ts, d, "flags", make_int(ts, cls.flags)) ||
      !put(ts, d, "mtime", make_int(ts, cls.source_mtime)) || !put(ts, d, "source_size", make_int(ts, cls.source_size)) ||
      !put(ts, d, "source_hash", make_bytes(ts, hash)) || !put(ts, d, "hash_based", Bool(cls.hash_based())) ||
      !put(ts, d, "check_source", Bool(cls.check_source())))
    return Value();
  return Value(d);
}

// source_for(pyc_path) -> (source path or None, why not): the source file a cache path belongs to, as
// importlib's source_from_cache finds it — beside __pycache__, or under the pycache prefix, or under minipy's
// per-user mirror of the host Lib.
NATIVE_FN(pycview_source_for) {
  (void)self;
  Value v[1];
  if (!native::parse_args(ts, "source_for", args, kwnames, {"pyc_path"}, 1, 1, v)) return Value();
  if (!is_str(v[0])) return raise(ts, TypeError_type, "source_for() argument must be str");
  std::string path(as_str(v[0])->view());
  CacheSettings settings = tool_cache_settings(ts.interp->config);
  std::vector<std::optional<std::string_view>> prefixes = {std::nullopt};
  if (settings.pycache_prefix) prefixes.push_back(*settings.pycache_prefix);
  if (!settings.lib_cache_root.empty()) prefixes.push_back(settings.lib_cache_root);
  std::string first_error;
  for (const auto& prefix : prefixes) {
    CachePathResult found = source_from_cache(path, prefix);
    if (found.ok()) {
      Value items[2] = {Value(make_str(ts, found.value())), None()};
      return Value(make_tuple(ts, items));
    }
    if (first_error.empty()) first_error = found.error().message;
  }
  Value items[2] = {None(), Value(make_str(ts, first_error))};
  return Value(make_tuple(ts, items));
}

// verdict(data, source_path, name) -> dict: whether import would use pyc bytes `data` for `source_path`
// ("fresh": True/False, or None for an unchecked hash-based pyc that import trusts without reading the
// source), with the rejection (kind and importlib's message) and the source's mtime and size. OSError when
// the source cannot be stat'ed or read.
NATIVE_FN(pycview_verdict) {
  (void)self;
  Value v[4];
  if (!native::parse_args(ts, "verdict", args, kwnames, {"data", "source_path", "name", "check_hash_based_pycs"}, 3,
                          4, v))
    return Value();
  std::string_view data;
  if (!native::bytes_like(ts, v[0], &data)) return Value();
  if (!is_str(v[1]) || !is_str(v[2])) return raise(ts, TypeError_type, "verdict() arguments 2 and 3 must be str");
  std::string source_path(as_str(v[1])->view());
  std::string_view name = as_str(v[2])->view();
  std::string mode = v[3] && is_str(v[3]) ? std::string(as_str(v[3])->view()) : ts.interp->config.check_hash_based_pycs;
  struct stat st {};
  if (stat(source_path.c_str(), &st) != 0) return raise_os_error(ts, errno, Value(make_str(ts, source_path)));
  DictObject* d = make_dict(ts);
  if (!put(ts, d, "source_mtime", make_int(ts, st.st_mtim.tv_sec)) ||
      !put(ts, d, "source_size", make_int(ts, static_cast<int64_t>(st.st_size))))
    return Value();
  PycClassification classified = classify_pyc(as_bytes(data), name);
  PycVerdict verdict = Ok{};
  Value fresh = False();
  if (!classified.ok()) {
    verdict = classified.error();
  } else {
    const PycHeader& cls = classified.value();
    if (!cls.hash_based()) {
      verdict = validate_timestamp_pyc(as_bytes(data), st.st_mtim.tv_sec, static_cast<uint64_t>(st.st_size), name);
    } else if (mode != "never" && (cls.check_source() || mode == "always")) {
      std::string text;
      if (!read_file(source_path, &text)) return raise_os_error(ts, errno, Value(make_str(ts, source_path)));
      std::array<uint8_t, 8> hash = source_hash(as_bytes(text));
      if (!put(ts, d, "actual_hash", make_bytes(ts, std::string_view(reinterpret_cast<const char*>(hash.data()), 8))))
        return Value();
      verdict = validate_hash_pyc(as_bytes(data), hash, name);
    } else {
      fresh = None();  // trusted without a look at the source
    }
    if (verdict.ok() && fresh == False()) fresh = True();
  }
  if (!put(ts, d, "fresh", fresh) || !put_rejection(ts, d, verdict.ok() ? nullptr : &verdict.error())) return Value();
  return Value(d);
}

// code(data) -> the module's code object from pyc bytes `data` (unmarshalled, checked by the verifier as
// import checks it); ValueError with the damage when the body cannot be trusted.
NATIVE_FN(pycview_code) {
  (void)self;
  Value v[1];
  if (!native::parse_args(ts, "code", args, kwnames, {"data"}, 1, 1, v)) return Value();
  std::string_view data;
  if (!native::bytes_like(ts, v[0], &data)) return Value();
  if (data.size() < kPycHeaderSize) return raise(ts, ValueError_type, "no code: the file is shorter than a header");
  auto code = code_from_pyc_body(as_bytes(data));
  if (!code.ok()) return raise(ts, ValueError_type, code.error().message);
  CodeObj* c = load_code(ts, code.value());
  return c ? Value(c) : Value();
}

const MethodDef kPycviewFunctions[] = {
    {"header", pycview_header},
    {"source_for", pycview_source_for},
    {"verdict", pycview_verdict},
    {"code", pycview_code},
};

}  // namespace

ModuleObject* create_pycview_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "_pycview");
  add_module_functions(ts, m, kPycviewFunctions);
  return m;
}

}  // namespace minipy
