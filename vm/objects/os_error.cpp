// OSError's constructor and str, as CPython's: OSError(errno, strerror[, filename[, winerror[, filename2]]])
// picks the subclass the errno maps to (OSError(2, 'x') is a FileNotFoundError), keeps errno, strerror, filename
// and filename2 as attributes (None when not given; args then holds only (errno, strerror)), and prints
// "[Errno 2] No such file or directory: 'x'". Left out: winerror (Windows only) and
// BlockingIOError.characters_written.
#include <cerrno>
#include <cstring>

#include "vm/objects/type_init.h"
#include "vm/runtime.h"

namespace minipy {

namespace {

ExceptionObject* as_exc(Value v) { return static_cast<ExceptionObject*>(v.as_object()); }

// The OSError subclass each errno value selects (cache/errno_classes.def, CPython's errnomap).
struct ErrnoClass {
  int err;
  Type* type;
};
const ErrnoClass kErrnoClasses[] = {
#define ERRNO_CLASS(errno_name, class_name) {errno_name, &class_name##_type},
#include "cache/errno_classes.def"
};

Type* type_for_errno(int64_t err) {
  for (const ErrnoClass& row : kErrnoClasses)
    if (row.err == err) return row.type;
  return &OSError_type;
}

// The exception types' shared constructor and initializer (exceptions.cpp), which OSError's wrap.
NewSlot base_new = nullptr;
InitSlot base_init = nullptr;

Value os_error_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  size_t n = positional_count(args, kwnames);
  int64_t err;
  if (type == &OSError_type && n >= 2 && n <= 5 && args[0].is_small_int() && int_to_int64(args[0], &err))
    type = type_for_errno(err);
  return base_new(ts, type, args, kwnames);
}

bool os_error_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!base_init(ts, self, args, kwnames)) return false;
  size_t n = positional_count(args, kwnames);
  ExceptionObject* e = as_exc(self);
  if (!e->dict) e->dict = make_dict(ts);
  // The instance dict may hold what a subclass stored before calling this __init__: a store can fail.
  auto set = [&](const char* name, Value v) { return dict_set_str(ts, e->dict, intern(ts, name), v); };
  if (n < 2 || n > 5) return true;  // the class attributes (None) stand
  if (!set("errno", args[0]) || !set("strerror", args[1])) return false;
  if (n >= 3) {
    if (!set("filename", args[2]) || (n == 5 && !set("filename2", args[4]))) return false;
    // With a filename, args keeps only (errno, strerror), as CPython's.
    e->args = make_tuple(ts, args.subspan(0, 2));
  }
  return true;
}

Value attribute_or_none(ThreadState& ts, Value self, const char* name) {
  Value v = get_attr_optional(ts, self, intern(ts, name));
  return v ? v : None();
}

Value os_error_str(ThreadState& ts, Value self) {
  Value err = attribute_or_none(ts, self, "errno");
  Value strerror = attribute_or_none(ts, self, "strerror");
  Value filename = attribute_or_none(ts, self, "filename");
  Value filename2 = attribute_or_none(ts, self, "filename2");
  auto text = [&](Value v) -> std::string {
    Value s = py_str(ts, v);
    return s ? std::string(as_str(s)->view()) : std::string();
  };
  auto quoted = [&](Value v) -> std::string {
    Value s = py_repr(ts, v);
    return s ? std::string(as_str(s)->view()) : std::string();
  };
  std::string out;
  if (!is_none(filename)) {
    out = fmt::format("[Errno {}] {}: {}", text(err), text(strerror), quoted(filename));
    if (!is_none(filename2)) out += " -> " + quoted(filename2);
  } else if (!is_none(err) && !is_none(strerror)) {
    out = fmt::format("[Errno {}] {}", text(err), text(strerror));
  } else {
    TupleObject* a = as_exc(self)->args;
    if (a->size == 0) return Value(ts.interp->names.empty);
    return py_str(ts, a->size == 1 ? a->items[0] : Value(a));
  }
  if (ts.current_exception) return Value();
  return Value(make_str(ts, out));
}

}  // namespace

Value raise_os_error(ThreadState& ts, int err, Value filename, Value filename2) {
  Value args[5] = {Value::small_int(err), Value(make_str(ts, std::strerror(err))), filename, None(), filename2};
  size_t n = filename2 ? 5 : filename ? 3 : 2;
  Value exc = call(ts, Value(&OSError_type), std::span<const Value>(args, n));
  if (!exc) return exc;
  return raise_value(ts, exc);
}

// Called from init_exception_slots with BaseException's constructor and initializer.
void init_os_error_type(ThreadState& ts, NewSlot exception_new, InitSlot exception_init) {
  base_new = exception_new;
  base_init = exception_init;
  // Every OSError subclass shares the constructor: static subclasses inherited the slots before this ran.
  for (Type* t : {&OSError_type, &FileNotFoundError_type, &FileExistsError_type, &PermissionError_type,
                  &IsADirectoryError_type, &NotADirectoryError_type, &BlockingIOError_type, &ChildProcessError_type,
                  &ConnectionError_type, &BrokenPipeError_type, &ConnectionAbortedError_type,
                  &ConnectionRefusedError_type, &ConnectionResetError_type, &InterruptedError_type,
                  &ProcessLookupError_type, &TimeoutError_type}) {
    t->new_instance = os_error_new;
    t->init = os_error_init;
    t->str = os_error_str;
  }
  for (const char* name : {"errno", "strerror", "filename", "filename2"})
    dict_set_str_new(ts, OSError_type.dict, intern(ts, name), None());
}

}  // namespace minipy
