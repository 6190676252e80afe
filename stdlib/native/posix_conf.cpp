// The configuration queries of the native `posix` module (CPython's os.sysconf, os.confstr, os.pathconf and
// os.fpathconf with their name tables sysconf_names, confstr_names and pathconf_names). platform.libc_ver()
// asks confstr('CS_GNU_LIBC_VERSION'), multiprocessing and resource-aware code ask sysconf('SC_PAGE_SIZE')...
// The names come from one table, posix_conf_names.def; their values are the C library's own macros.
#include <unistd.h>

#include <cerrno>
#include <string>
#include <string_view>

#include "stdlib/native/native_support.h"
#include "stdlib/native/posix.h"

namespace minipy {

namespace {

using native::parse_args;

enum class ConfTable { SYSCONF, CONFSTR, PATHCONF };

struct ConfName {
  ConfTable table;
  const char* name;
  int value;
};

const ConfName kConfNames[] = {
#define CONF_NAME(table, name) {ConfTable::table, #name, _##name},
#include "stdlib/native/posix_conf_names.def"
#undef CONF_NAME
};

// CPython's conv_confname: an int is used as it is (C int range), a str is looked up in `table`'s names.
[[nodiscard]] bool conf_name(ThreadState& ts, Value v, ConfTable table, int* out) {
  if (is_int(v)) {
    int64_t n;
    if (!index_to_int64(ts, v, &n)) return false;
    if (n < INT32_MIN || n > INT32_MAX)
      return raise(ts, OverflowError_type, "Python int too large to convert to C int"), false;
    *out = static_cast<int>(n);
    return true;
  }
  if (!is_str(v)) return raise(ts, TypeError_type, "configuration names must be strings or integers"), false;
  std::string_view wanted = as_str(v)->view();
  for (const ConfName& c : kConfNames) {
    if (c.table == table && wanted == c.name) {
      *out = c.value;
      return true;
    }
  }
  return raise(ts, ValueError_type, "unrecognized configuration name"), false;
}

#define CONF_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

CONF_FN(px_sysconf) {
  (void)self;
  int name;
  if (!native::one_arg(ts, "posix.sysconf", args, kwnames)) return Value();
  if (!conf_name(ts, args[0], ConfTable::SYSCONF, &name)) return Value();
  // -1 is both a valid answer (no limit) and the failure mark: errno tells them apart.
  errno = 0;
  long value = ::sysconf(name);
  if (value == -1 && errno != 0) return raise_os_error(ts, errno);
  return make_int(ts, value);
}

CONF_FN(px_confstr) {
  (void)self;
  int name;
  if (!native::one_arg(ts, "posix.confstr", args, kwnames)) return Value();
  if (!conf_name(ts, args[0], ConfTable::CONFSTR, &name)) return Value();
  errno = 0;
  size_t size = ::confstr(name, nullptr, 0);
  // 0 without errno: the name is valid but has no value (CPython returns None).
  if (size == 0) return errno ? raise_os_error(ts, errno) : None();
  std::string text(size, '\0');
  ::confstr(name, text.data(), size);
  text.resize(size - 1);  // the terminating NUL
  return path_value(ts, text, false);
}

// pathconf(path, name) and fpathconf(fd, name): `path` may also be an open descriptor, as in CPython.
Value path_conf(ThreadState& ts, const char* fname, Value target, Value name_arg) {
  int name;
  if (is_int(target)) {
    int fd;
    if (!as_file_descriptor(ts, target, &fd) || !conf_name(ts, name_arg, ConfTable::PATHCONF, &name)) return Value();
    errno = 0;
    long limit = ::fpathconf(fd, name);
    if (limit == -1 && errno != 0) return raise_os_error(ts, errno);
    return make_int(ts, limit);
  }
  Path path;
  if (!path_arg(ts, fname, "path", target, &path, true) || !conf_name(ts, name_arg, ConfTable::PATHCONF, &name))
    return Value();
  errno = 0;
  long limit = ::pathconf(path.text.c_str(), name);
  if (limit == -1 && errno != 0) return raise_os_error(ts, errno, path.original);
  return make_int(ts, limit);
}

CONF_FN(px_pathconf) {
  (void)self;
  Value given[2];
  if (!parse_args(ts, "pathconf", args, kwnames, {"path", "name"}, 2, 0, given)) return Value();
  return path_conf(ts, "pathconf", given[0], given[1]);
}

CONF_FN(px_fpathconf) {
  (void)self;
  int fd;
  if (!no_keywords(ts, "posix.fpathconf", kwnames) || !check_arg_count(ts, "fpathconf", args.size(), 2, 2))
    return Value();
  // Any object with fileno() names its descriptor; a path does not (that is pathconf).
  if (!as_file_descriptor(ts, args[0], &fd)) return Value();
  return path_conf(ts, "fpathconf", make_int(ts, fd), args[1]);
}

#undef CONF_FN

const MethodDef kConfFunctions[] = {
    {"sysconf", px_sysconf},
    {"confstr", px_confstr},
    {"pathconf", px_pathconf},
    {"fpathconf", px_fpathconf},
};

}  // namespace

bool add_conf_functions(ThreadState& ts, ModuleObject* m) {
  for (const MethodDef& def : kConfFunctions)
    if (!dict_set_str(ts, m->dict, intern(ts, def.name), make_native_function(ts, &def, Value(m), Value(m->name))))
      return false;
  const std::pair<ConfTable, const char*> tables[] = {
      {ConfTable::SYSCONF, "sysconf_names"}, {ConfTable::CONFSTR, "confstr_names"}, {ConfTable::PATHCONF, "pathconf_names"}};
  for (auto [table, dict_name] : tables) {
    DictObject* names = make_dict(ts);
    if (!dict_set_str(ts, m->dict, intern(ts, dict_name), Value(names))) return false;
    for (const ConfName& c : kConfNames)
      if (c.table == table && !dict_set_str(ts, names, intern(ts, c.name), make_int(ts, c.value))) return false;
  }
  return true;
}

}  // namespace minipy
