// posix.scandir() and its two types, as CPython's: a ScandirIterator (an iterator and a context manager that
// closes the directory) yielding DirEntry objects. A DirEntry knows its name, its path (the scandir argument
// joined with the name) and the file type readdir() reported, so os.walk, shutil.rmtree/copytree and
// pathlib's glob need no stat() per entry; stat() results are cached on the entry as CPython's are.
// Left out: scandir(fd) (a directory descriptor), which needs fdopendir and the dir_fd family.
#include <dirent.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "stdlib/native/posix.h"

namespace minipy {

namespace {

Type dir_entry_type;
Type scandir_iterator_type;

struct DirEntryObject : Object {
  Value name;          // str or bytes, as the scandir argument was
  Value path;
  Value stat_cache;    // os.stat_result following symlinks, once asked for
  Value lstat_cache;   // ... not following them
  Value module;        // posix, whose dict holds stat_result
  int64_t inode;
  unsigned char d_type;  // DT_DIR, DT_REG, DT_LNK, ... or DT_UNKNOWN (then stat decides)
};

struct ScandirIteratorObject : Object {
  DIR* dir;            // null once exhausted or closed
  Value module;
  Path* path;          // the argument (owned; freed on close)
};

DirEntryObject* as_entry(Value v) { return static_cast<DirEntryObject*>(v.as_object()); }
ScandirIteratorObject* as_scandir(Value v) { return static_cast<ScandirIteratorObject*>(v.as_object()); }

void trace_entry(Object* self, Tracer& tracer) {
  auto* e = static_cast<DirEntryObject*>(self);
  tracer.visit(e->name);
  tracer.visit(e->path);
  tracer.visit(e->stat_cache);
  tracer.visit(e->lstat_cache);
  tracer.visit(e->module);
}

void close_scandir(ScandirIteratorObject* it) {
  if (it->dir) closedir(it->dir);
  it->dir = nullptr;
  delete it->path;
  it->path = nullptr;
}

void trace_scandir(Object* self, Tracer& tracer) { tracer.visit(static_cast<ScandirIteratorObject*>(self)->module); }
// An iterator dropped without close() releases its directory when collected.
void finalize_scandir(Object* self) { close_scandir(static_cast<ScandirIteratorObject*>(self)); }

#define ENTRY_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

// The keyword-only follow_symlinks=True argument of is_dir, is_file and stat.
bool follow_symlinks_arg(ThreadState& ts, const char* fn, std::span<const Value> args, TupleObject* kwnames,
                         bool* follow) {
  static const char* const kNames[] = {"follow_symlinks"};
  Value given[1];
  if (!native::parse_args(ts, fn, args, kwnames, kNames, 0, 0, given, 0)) return false;
  *follow = true;
  if (given[0]) {
    int truth = py_truth(ts, given[0]);
    if (truth < 0) return false;
    *follow = truth != 0;
  }
  return true;
}

// The st_mode of stat result `st`.
bool stat_mode(ThreadState& ts, Value st, mode_t* out) {
  Value mode = get_attr(ts, st, intern(ts, "st_mode"));
  int64_t m;
  if (!mode || !index_to_int64(ts, mode, &m)) return false;
  *out = static_cast<mode_t>(m);
  return true;
}

// The entry's stat result, cached: lstat() for a symlink not followed, stat() otherwise (for an entry that
// is no symlink the two are the same, so one system call serves both).
Value entry_stat(ThreadState& ts, DirEntryObject* e, bool follow) {
  bool is_link = e->d_type == DT_LNK;
  if (e->d_type == DT_UNKNOWN && follow) {  // the file system did not say: lstat() tells whether it is a link
    Value l = entry_stat(ts, e, false);
    mode_t mode;
    if (!l || !stat_mode(ts, l, &mode)) return Value();
    is_link = S_ISLNK(mode);
  }
  bool use_lstat = !follow || !is_link;
  Value& cache = use_lstat ? e->lstat_cache : e->stat_cache;
  if (cache) return cache;
  Path path;
  if (!path_arg(ts, "stat", "path", e->path, &path)) return Value();
  struct stat st;
  int rc = use_lstat ? ::lstat(path.text.c_str(), &st) : ::stat(path.text.c_str(), &st);
  if (rc != 0) return raise_os_error(ts, errno, e->path);
  cache = stat_to_result(ts, e->module, st);
  return cache;
}

// Whether the entry is of file type `wanted` (S_IFDIR or S_IFREG). The type readdir() gave decides when it
// can; a symlink followed, or an unknown type, asks stat(), and a missing target is simply False.
Value entry_is(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames, const char* fn,
               mode_t wanted, unsigned char wanted_dt) {
  bool follow;
  if (!follow_symlinks_arg(ts, fn, args, kwnames, &follow)) return Value();
  DirEntryObject* e = as_entry(self);
  if (e->d_type != DT_UNKNOWN && !(follow && e->d_type == DT_LNK)) return Bool(e->d_type == wanted_dt);
  Value st = entry_stat(ts, e, follow);
  if (!st) {
    if (exception_matches(ts.current_exception, &FileNotFoundError_type)) {
      ts.current_exception = Value();
      return False();
    }
    return st;
  }
  mode_t mode;
  if (!stat_mode(ts, st, &mode)) return Value();
  return Bool((mode & S_IFMT) == wanted);
}

ENTRY_FN(entry_is_dir) { return entry_is(ts, self, args, kwnames, "is_dir", S_IFDIR, DT_DIR); }
ENTRY_FN(entry_is_file) { return entry_is(ts, self, args, kwnames, "is_file", S_IFREG, DT_REG); }
ENTRY_FN(entry_is_symlink) {
  if (!exact_args(ts, "is_symlink", args, kwnames, 0, 0)) return Value();
  DirEntryObject* e = as_entry(self);
  if (e->d_type != DT_UNKNOWN) return Bool(e->d_type == DT_LNK);
  Value st = entry_stat(ts, e, false);
  mode_t mode;
  if (!st || !stat_mode(ts, st, &mode)) return Value();
  return Bool(S_ISLNK(mode));
}
ENTRY_FN(entry_stat_method) {
  bool follow;
  if (!follow_symlinks_arg(ts, "stat", args, kwnames, &follow)) return Value();
  return entry_stat(ts, as_entry(self), follow);
}
ENTRY_FN(entry_inode) {
  if (!exact_args(ts, "inode", args, kwnames, 0, 0)) return Value();
  return make_int(ts, as_entry(self)->inode);
}
ENTRY_FN(entry_fspath) {
  if (!exact_args(ts, "__fspath__", args, kwnames, 0, 0)) return Value();
  return as_entry(self)->path;
}
ENTRY_FN(entry_name) { return (void)ts, (void)kwnames, as_entry(args.empty() ? self : args[0])->name; }
ENTRY_FN(entry_path) { return (void)ts, (void)kwnames, as_entry(args.empty() ? self : args[0])->path; }

Value entry_repr(ThreadState& ts, Value self) {
  Value name = py_repr(ts, as_entry(self)->name);
  if (!name) return name;
  return Value(make_str(ts, fmt::format("<DirEntry {}>", as_str(name)->view())));
}

const MethodDef kEntryMethods[] = {
    {"is_dir", entry_is_dir},         {"is_file", entry_is_file}, {"is_symlink", entry_is_symlink},
    {"stat", entry_stat_method},      {"inode", entry_inode},     {"__fspath__", entry_fspath},
};

// ---- ScandirIterator ------------------------------------------------------------------------------------------

Value scandir_next(ThreadState& ts, Value self) {
  ScandirIteratorObject* it = as_scandir(self);
  while (it->dir) {
    errno = 0;
    dirent* d = readdir(it->dir);
    if (!d) {
      int err = errno;
      Value original = it->path->original;
      close_scandir(it);
      return err ? raise_os_error(ts, err, original) : Value();
    }
    if (std::strcmp(d->d_name, ".") == 0 || std::strcmp(d->d_name, "..") == 0) continue;
    // The entry's path: the argument joined with the name ("./name" when scandir() had no argument).
    const std::string& dir = it->path->text;
    std::string full = dir.empty() || dir.back() == '/' ? dir + d->d_name : dir + "/" + d->d_name;
    auto* e = alloc_instance<DirEntryObject>(ts, &dir_entry_type);
    e->module = it->module;
    e->d_type = d->d_type;
    e->inode = static_cast<int64_t>(d->d_ino);
    e->name = path_value(ts, d->d_name, it->path->as_bytes);
    e->path = path_value(ts, full, it->path->as_bytes);
    return Value(e);
  }
  return Value();
}

#define SCANDIR_FN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

SCANDIR_FN(scandir_close) {
  if (!exact_args(ts, "close", args, kwnames, 0, 0)) return Value();
  close_scandir(as_scandir(self));
  return None();
}
SCANDIR_FN(scandir_enter) {
  if (!exact_args(ts, "__enter__", args, kwnames, 0, 0)) return Value();
  return self;
}
SCANDIR_FN(scandir_exit) {
  (void)args, (void)kwnames, (void)ts;
  close_scandir(as_scandir(self));
  return False();
}

const MethodDef kScandirMethods[] = {
    {"close", scandir_close}, {"__enter__", scandir_enter}, {"__exit__", scandir_exit}};

// scandir(path='.'): str, bytes or os.PathLike.
Value px_scandir(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  static const char* const kNames[] = {"path"};
  Value given[1];
  if (!native::parse_args(ts, "scandir", args, kwnames, kNames, 0, 0, given, 1)) return Value();
  auto path = std::make_unique<Path>();
  path->text = ".";
  Value arg = given[0];
  if (arg && is_int(arg)) return raise(ts, NotImplementedError_type, "scandir(fd) is not supported by minipy");
  if (arg && !is_none(arg) && !path_arg(ts, "scandir", "path", arg, path.get(), true, true)) return Value();
  DIR* dir = opendir(path->text.c_str());
  if (!dir) return raise_os_error(ts, errno, given[0] && !is_none(given[0]) ? path->original : Value(make_str(ts, ".")));
  auto* it = alloc_instance<ScandirIteratorObject>(ts, &scandir_iterator_type);
  it->dir = dir;
  it->module = self;
  it->path = path.release();
  return Value(it);
}

}  // namespace

bool add_scandir(ThreadState& ts, ModuleObject* m) {
  if (begin_native_type(ts, dir_entry_type, "DirEntry", "posix", sizeof(DirEntryObject))) {
    Type& t = dir_entry_type;
    t.trace = trace_entry;
    t.repr = entry_repr;
    add_methods(ts, t, kEntryMethods);
    add_methods(ts, t, kClassGetitemMethod);
    static const MethodDef kName{"name", entry_name}, kPath{"path", entry_path};
    add_native_property(ts, t, &kName, nullptr, ReadOnly::kMember);
    add_native_property(ts, t, &kPath, nullptr, ReadOnly::kMember);
    finish_native_type(ts, t);
    t.new_instance = nullptr;  // only scandir() makes them: "cannot create 'posix.DirEntry' instances"
  }
  if (begin_native_type(ts, scandir_iterator_type, "ScandirIterator", "posix", sizeof(ScandirIteratorObject))) {
    Type& t = scandir_iterator_type;
    t.trace = trace_scandir;
    t.finalize = finalize_scandir;
    t.iter = iter_self;
    t.iternext = scandir_next;
    add_methods(ts, t, kScandirMethods);
    finish_native_type(ts, t);
    t.new_instance = nullptr;
  }
  static const MethodDef kScandir{"scandir", px_scandir};
  add_module_value(ts, m, "scandir", make_native_function(ts, &kScandir, Value(m), Value(m->name)));
  add_module_value(ts, m, "DirEntry", Value(static_cast<Object*>(&dir_entry_type)));
  return true;
}

}  // namespace minipy
