// BaseException and the builtin hierarchy (errors.h's X-macro), raising helpers.
//
// An exception instance keeps args, __traceback__, __context__, __cause__ and __suppress_context__ in fields
// (ExceptionObject), plus `extra` for the per-class data (StopIteration.value, SystemExit.code, the
// ImportError/AttributeError/NameError fields); everything else lives in its instance dict. Raising stores
// the instance in ts.current_exception and returns null: the VM's one error convention.
#include "stdlib/native/native_type.h"
#include "vm/objects/heap_type.h"
#include "vm/objects/type_init.h"
#include "vm/runtime.h"

namespace minipy {

#define X(name, base) Type name##_type;
MINIPY_EXCEPTION_TYPES(X)
#undef X

namespace {

ExceptionObject* as_exc(Value v) { return static_cast<ExceptionObject*>(v.as_object()); }

void trace_exception(Object* self, Tracer& tracer) {
  auto* e = static_cast<ExceptionObject*>(self);
  tracer.visit(e->dict);
  tracer.visit(e->args);
  tracer.visit(e->traceback);
  tracer.visit(e->context);
  tracer.visit(e->cause);
  tracer.visit(e->extra);
}

// BaseException.__new__ records the positional arguments as args already, so a subclass whose __init__ does
// not call the base's still has them (CPython's BaseException_new does the same).
Value exception_new(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  auto* e = ts.alloc<ExceptionObject>(type, type->instance_size);
  e->args = minipy::make_tuple(ts, args.subspan(0, positional_count(args, kwnames)));
  e->traceback = None();
  e->context = None();
  e->cause = None();
  return Value(e);
}

// ---- the fields some exception classes keep in ExceptionObject::extra ---------------------------------------------
// ImportError: (name, path, msg); AttributeError: (name, obj); NameError: (name, suggestion). A null item is a
// field never set (CPython's NULL member: it reads as None, and ImportError's __reduce__ leaves it out). They are
// attributes of the class (CPython's members), not entries of the instance dict, so a subclass may replace one
// with a property (importlib.metadata's PackageNotFoundError.name) without breaking the base's __init__.
// SyntaxError: (msg, filename, lineno, offset, text, end_lineno, end_offset, print_file_and_line), set by
// __init__ from its arguments and writable on their own afterwards (CPython's members: `e.msg = ...` leaves args
// alone, and str(e) reads the members).
enum ExtraField { kImportName = 0, kImportPath = 1, kImportMsg = 2, kAttrName = 0, kAttrObj = 1, kNameName = 0,
                  kNameSuggestion = 1, kSyntaxMsg = 0, kSyntaxFilename = 1, kSyntaxLineno = 2, kSyntaxOffset = 3,
                  kSyntaxText = 4, kSyntaxEndLineno = 5, kSyntaxEndOffset = 6, kSyntaxPrintFileAndLine = 7 };
constexpr int kSyntaxFieldCount = 8;

Value extra_field(Value self, int index) {
  Value extra = as_exc(self)->extra;
  if (!extra || !is_tuple(extra)) return Value();
  auto* fields = static_cast<TupleObject*>(extra.as_object());
  return index < fields->size ? fields->items[index] : Value();
}

// Sets field `index` of the `count` fields to `value` (null: unset).
void set_extra_field(ThreadState& ts, Value self, int index, int count, Value value) {
  TupleObject* fields = minipy::make_tuple(ts, count);
  for (int i = 0; i < count; i++) fields->items[i] = i == index ? value : extra_field(self, i);
  as_exc(self)->extra = Value(fields);
}

// The keyword-only fields of ImportError(*args, name=None, path=None) and AttributeError(*args, name=None,
// obj=None) (CPython's "|$OO" parsing against an empty tuple): any other keyword is refused with its message.
// `fname` names the class in the messages (CPython's format string fixes it: "ImportError()" for
// ModuleNotFoundError too).
bool keyword_fields(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames, const char* fname,
                    std::initializer_list<const char*> names, int count) {
  size_t n = positional_count(args, kwnames);
  Value values[3] = {};
  for (int64_t i = 0; kwnames && i < kwnames->size; i++) {
    std::string_view key = as_str(kwnames->items[i])->view();
    int index = 0;
    for (const char* name : names) {
      if (key == name) break;
      index++;
    }
    if (index == static_cast<int>(names.size())) {
      raise_fmt(ts, TypeError_type, "'{}' is an invalid keyword argument for {}()", key, fname);
      return false;
    }
    values[index] = args[n + static_cast<size_t>(i)];
  }
  as_exc(self)->args = minipy::make_tuple(ts, args.subspan(0, n));
  TupleObject* fields = minipy::make_tuple(ts, count);
  for (int i = 0; i < count; i++) fields->items[i] = values[i];
  as_exc(self)->extra = Value(fields);
  return true;
}

// ImportError.__init__: name and path from the keywords, msg = the argument when there is exactly one.
bool import_error_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!keyword_fields(ts, self, args, kwnames, "ImportError", {"name", "path"}, 3)) return false;
  TupleObject* given = as_exc(self)->args;
  if (given->size == 1) set_extra_field(ts, self, kImportMsg, 3, given->items[0]);
  return true;
}

// Readers and writers of the fields, as properties of the classes: called with the instance as args[0] (and the
// value as args[1]; none for a delete, which unsets).
template <int kIndex>
Value get_extra(ThreadState&, Value, std::span<const Value> args, TupleObject*) {
  Value v = extra_field(args[0], kIndex);
  return v ? v : None();
}
template <int kIndex, int kCount>
Value set_extra(ThreadState& ts, Value, std::span<const Value> args, TupleObject*) {
  set_extra_field(ts, args[0], kIndex, kCount, args.size() > 1 ? args[1] : Value());
  return None();
}

// ImportError.__str__: msg when it is a str, else BaseException's.
Value exception_str(ThreadState& ts, Value self);
Value import_error_str(ThreadState& ts, Value self) {
  Value msg = extra_field(self, kImportMsg);
  if (msg && type_of(msg) == &str_type) return msg;
  return exception_str(ts, self);
}

// ImportError.__reduce__: (type, args) or (type, args, state), the state being the instance dict with name and
// path added when they are set.
Value import_error_reduce(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "__reduce__", args, kwnames, 0, 0)) return Value();
  ExceptionObject* e = as_exc(self);
  Value name = extra_field(self, kImportName), path = extra_field(self, kImportPath);
  Value state = e->dict ? Value(e->dict) : Value();
  if (name || path) {
    DictObject* copy = make_dict(ts);
    state = Value(copy);
    if (e->dict && !dict_update(ts, copy, Value(e->dict))) return Value();
    if (name && !dict_set_str(ts, copy, intern(ts, "name"), name)) return Value();
    if (path && !dict_set_str(ts, copy, intern(ts, "path"), path)) return Value();
  }
  Value items[3] = {Value(type_of(self)), Value(e->args), state};
  return Value(minipy::make_tuple(ts, std::span<const Value>(items, state ? 3 : 2)));
}

// SyntaxError.__init__(*args): msg is the first argument; with exactly two, the second is a sequence
// (filename, lineno, offset, text[, end_lineno, end_offset]) whose items become the fields (the end ones unset
// when absent). Fields the arguments do not name keep their earlier values, as in CPython's SyntaxError_init.
bool syntax_error_init(ThreadState& ts, Value self, std::span<const Value> args) {
  ListObject* details = nullptr;
  if (args.size() == 2) {
    details = make_list(ts, 0);
    if (!list_extend(ts, details, args[1])) return false;
    int64_t n = details->size;
    if (n < 4) return raise_fmt(ts, TypeError_type, "function takes at least 4 arguments ({} given)", n), false;
    if (n > 6) return raise_fmt(ts, TypeError_type, "function takes at most 6 arguments ({} given)", n), false;
    if (n == 5) return raise(ts, TypeError_type, "end_offset must be provided when end_lineno is provided"), false;
  }
  ExceptionObject* e = as_exc(self);
  e->args = minipy::make_tuple(ts, args);
  TupleObject* fields = minipy::make_tuple(ts, kSyntaxFieldCount);
  for (int i = 0; i < kSyntaxFieldCount; i++) fields->items[i] = extra_field(self, i);
  if (!args.empty()) fields->items[kSyntaxMsg] = args[0];
  if (details) {
    for (int i = 0; i < 6; i++)
      fields->items[kSyntaxFilename + i] = i < details->size ? details->items[i] : Value();
  }
  e->extra = Value(fields);
  return true;
}

// BaseException.__init__(*args) sets args again; builtin exception classes refuse keywords (a Python
// subclass may take its own). The classes with keyword fields parse them first.
bool exception_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  Type* t = type_of(self);
  if (is_subtype(t, &ImportError_type)) return import_error_init(ts, self, args, kwnames);
  if (is_subtype(t, &AttributeError_type)) return keyword_fields(ts, self, args, kwnames, "AttributeError", {"name", "obj"}, 2);
  if (is_subtype(t, &NameError_type)) return keyword_fields(ts, self, args, kwnames, "NameError", {"name"}, 2);
  if (kwnames && kwnames->size && !(t->flags & kTypeHeap)) {
    raise_fmt(ts, TypeError_type, "{}() takes no keyword arguments", t->name->view());
    return false;
  }
  if (is_subtype(t, &SyntaxError_type)) return syntax_error_init(ts, self, args.subspan(0, positional_count(args, kwnames)));
  as_exc(self)->args = minipy::make_tuple(ts, args.subspan(0, positional_count(args, kwnames)));
  if (is_subtype(t, &StopIteration_type) || is_subtype(t, &SystemExit_type))
    as_exc(self)->extra = args.empty() ? None() : args[0];
  return true;
}

// str(e): '' with no args, str(arg) with one, str(args) with several.
Value exception_str(ThreadState& ts, Value self) {
  TupleObject* args = as_exc(self)->args;
  if (args->size == 0) return Value(ts.interp->names.empty);
  if (args->size == 1) return py_str(ts, args->items[0]);
  return py_str(ts, Value(args));
}

// str(KeyError(k)) is repr(k), so a missing '' key shows as KeyError: ''.
Value key_error_str(ThreadState& ts, Value self) {
  TupleObject* args = as_exc(self)->args;
  if (args->size == 1) return py_repr(ts, args->items[0]);
  return exception_str(ts, self);
}

// ValueError('x') / ValueError() / ValueError(1, 2): the class's __name__ and the args' repr.
Value exception_repr(ThreadState& ts, Value self) {
  TupleObject* args = as_exc(self)->args;
  std::string_view name = type_of(self)->name->view();
  if (args->size == 1) {
    Value r = py_repr(ts, args->items[0]);
    if (!r) return r;
    return Value(make_str(ts, fmt::format("{}({})", name, as_str(r)->view())));
  }
  Value r = py_repr(ts, Value(args));
  if (!r) return r;
  std::string_view body = as_str(r)->view();
  if (args->size == 0) return Value(make_str(ts, fmt::format("{}()", name)));
  return Value(make_str(ts, fmt::format("{}{}", name, body)));
}

#define GETTER(fn) Value fn(ThreadState& ts, Value self, std::span<const Value>, TupleObject*)
GETTER(get_args) {
  (void)ts;
  return Value(as_exc(self)->args);
}
GETTER(get_traceback) {
  (void)ts;
  return as_exc(self)->traceback;
}
GETTER(get_context) {
  (void)ts;
  return as_exc(self)->context;
}
GETTER(get_cause) {
  (void)ts;
  return as_exc(self)->cause;
}
GETTER(get_suppress) {
  (void)ts;
  return Bool(as_exc(self)->suppress_context);
}
GETTER(get_value) {
  (void)ts;
  Value v = as_exc(self)->extra;
  return v ? v : None();
}
// str(e): msg, with "(file, line N)" (the file's base name) or "(line N)" when those fields are a str and an int.
Value syntax_error_str(ThreadState& ts, Value self) {
  Value msg = extra_field(self, kSyntaxMsg);
  Value filename = extra_field(self, kSyntaxFilename);
  Value lineno = extra_field(self, kSyntaxLineno);
  Value m = py_str(ts, msg ? msg : None());
  if (!m) return m;
  if (filename && is_str(filename)) {
    std::string_view f = as_str(filename)->view();
    size_t slash = f.rfind('/');
    if (slash != std::string_view::npos) f = f.substr(slash + 1);
    if (!lineno.is_small_int()) return Value(make_str(ts, fmt::format("{} ({})", as_str(m)->view(), f)));
    return Value(make_str(ts, fmt::format("{} ({}, line {})", as_str(m)->view(), f, lineno.as_small_int())));
  }
  if (lineno.is_small_int())
    return Value(make_str(ts, fmt::format("{} (line {})", as_str(m)->view(), lineno.as_small_int())));
  return m;
}

// __traceback__ = value and with_traceback(value): None or a traceback object (PyException_SetTraceback's rule).
bool set_traceback(ThreadState& ts, ExceptionObject* e, Value value) {
  if (!is_none(value) && type_of(value) != &traceback_type) {
    raise(ts, TypeError_type, "__traceback__ must be a traceback or None");
    return false;
  }
  e->traceback = value;
  return true;
}

Value m_with_traceback(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_arg_count(ts, "with_traceback", positional_count(args, kwnames), 1, 1)) return Value();
  if (!set_traceback(ts, as_exc(self), args[0])) return Value();
  return self;
}
// add_note(note): appends to the __notes__ list in the instance dict, creating it on first use.
Value m_add_note(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "add_note", args, kwnames, 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise_fmt(ts, TypeError_type, "note must be a str, not '{}'", type_name(args[0]));
  StrObject* key = intern(ts, "__notes__");
  Value notes = get_attr_optional(ts, self, key);
  if (!notes) {
    if (ts.current_exception) return Value();
    notes = Value(make_list(ts, 0));
    if (!set_attr(ts, self, key, notes)) return Value();
  }
  if (!is_list(notes)) return raise(ts, TypeError_type, "Cannot add note: __notes__ is not a list");
  if (!list_append(ts, static_cast<ListObject*>(notes.as_object()), args[0])) return Value();
  return None();
}

Value m_setstate(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "__setstate__", args, kwnames, 1, 1))
    return Value();
  if (is_none(args[0])) return None();
  if (!is_dict(args[0])) return raise(ts, TypeError_type, "state is not a dictionary");
  auto* state = static_cast<DictObject*>(args[0].as_object());
  Value key, value;
  for (int64_t pos = 0; dict_next(state, &pos, &key, &value);) {
    if (!is_str(key)) return raise(ts, TypeError_type, "attribute name must be string");
    if (!set_attr(ts, self, as_str(key), value)) return Value();
  }
  return None();
}

// BaseException.__str__, KeyError.__str__ and SyntaxError.__str__: each its own type's str (object.__str__ is
// the repr).
// (The method descriptor has checked that `self` is an instance of the owner.)
template <Value (*kStr)(ThreadState&, Value)>
Value m_exception_str(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "__str__", args, kwnames, 0, 0)) return Value();
  return kStr(ts, self);
}

const MethodDef exception_methods[] = {{"with_traceback", m_with_traceback},
                                       {"add_note", m_add_note},
                                       {"__setstate__", m_setstate},
                                       {"__str__", m_exception_str<exception_str>}};
const MethodDef key_error_methods[] = {{"__str__", m_exception_str<key_error_str>}};
const MethodDef syntax_error_methods[] = {{"__str__", m_exception_str<syntax_error_str>}};

const MethodDef import_error_methods[] = {{"__str__", m_exception_str<import_error_str>},
                                          {"__reduce__", import_error_reduce}};

// The field properties of ImportError (msg, name, path), AttributeError (name, obj) and NameError (name).
void add_exception_fields(ThreadState& ts) {
  static const MethodDef kImportGetters[] = {{"msg", get_extra<kImportMsg>}, {"name", get_extra<kImportName>},
                                             {"path", get_extra<kImportPath>}};
  static const MethodDef kImportSetters[] = {{"msg", set_extra<kImportMsg, 3>}, {"name", set_extra<kImportName, 3>},
                                             {"path", set_extra<kImportPath, 3>}};
  static const MethodDef kAttributeGetters[] = {{"name", get_extra<kAttrName>}, {"obj", get_extra<kAttrObj>}};
  static const MethodDef kAttributeSetters[] = {{"name", set_extra<kAttrName, 2>}, {"obj", set_extra<kAttrObj, 2>}};
  static const MethodDef kNameGetter = {"name", get_extra<kNameName>};
  static const MethodDef kNameSetter = {"name", set_extra<kNameName, 2>};
  ImportError_type.str = import_error_str;
  add_methods(ts, ImportError_type, import_error_methods);
  for (size_t i = 0; i < 3; i++) add_native_property(ts, ImportError_type, &kImportGetters[i], &kImportSetters[i]);
  for (size_t i = 0; i < 2; i++)
    add_native_property(ts, AttributeError_type, &kAttributeGetters[i], &kAttributeSetters[i]);
  add_native_property(ts, NameError_type, &kNameGetter, &kNameSetter);
  static const MethodDef kSyntaxGetters[] = {
      {"msg", get_extra<kSyntaxMsg>}, {"filename", get_extra<kSyntaxFilename>}, {"lineno", get_extra<kSyntaxLineno>},
      {"offset", get_extra<kSyntaxOffset>}, {"text", get_extra<kSyntaxText>},
      {"end_lineno", get_extra<kSyntaxEndLineno>}, {"end_offset", get_extra<kSyntaxEndOffset>},
      {"print_file_and_line", get_extra<kSyntaxPrintFileAndLine>}};
  static const MethodDef kSyntaxSetters[] = {
      {"msg", set_extra<kSyntaxMsg, kSyntaxFieldCount>}, {"filename", set_extra<kSyntaxFilename, kSyntaxFieldCount>},
      {"lineno", set_extra<kSyntaxLineno, kSyntaxFieldCount>}, {"offset", set_extra<kSyntaxOffset, kSyntaxFieldCount>},
      {"text", set_extra<kSyntaxText, kSyntaxFieldCount>},
      {"end_lineno", set_extra<kSyntaxEndLineno, kSyntaxFieldCount>},
      {"end_offset", set_extra<kSyntaxEndOffset, kSyntaxFieldCount>},
      {"print_file_and_line", set_extra<kSyntaxPrintFileAndLine, kSyntaxFieldCount>}};
  for (size_t i = 0; i < std::size(kSyntaxGetters); i++)
    add_native_property(ts, SyntaxError_type, &kSyntaxGetters[i], &kSyntaxSetters[i]);
}

// BaseException's fields as attributes, with CPython's checks (BaseException_set_context and friends): none of
// them can be deleted, __context__ and __cause__ take None or an exception instance, __traceback__ None or a
// traceback, args any iterable. The checks keep the fields well-typed: raise_value walks __context__ chains
// as exceptions, and the traceback printer walks __traceback__.
bool set_context_attr(ThreadState& ts, Value self, StrObject* name, Value value) {
  std::string_view n = name->view();
  ExceptionObject* e = as_exc(self);
  bool field = n == "__context__" || n == "__cause__" || n == "__traceback__" || n == "args" ||
               n == "__suppress_context__";
  if (field && !value) {
    if (n == "__suppress_context__") raise(ts, TypeError_type, "can't delete numeric/char attribute");
    else raise_fmt(ts, TypeError_type, "{} may not be deleted", n);
    return false;
  }
  if (n == "__context__" || n == "__cause__") {
    if (!is_none(value) && !(value.is_object() && is_exception_type(type_of(value)))) {
      raise_fmt(ts, TypeError_type, "exception {} must be None or derive from BaseException",
                n == "__context__" ? "context" : "cause");
      return false;
    }
    if (n == "__context__") {
      e->context = value;
    } else {
      e->cause = value;
      e->suppress_context = true;
    }
    return true;
  }
  if (n == "__traceback__") return set_traceback(ts, e, value);
  if (n == "__suppress_context__") {
    int t = py_truth(ts, value);
    if (t < 0) return false;
    e->suppress_context = t;
    return true;
  }
  if (n == "args") {
    Value l = sequence_to_list(ts, value);
    if (!l) return false;
    e->args = static_cast<TupleObject*>(list_to_tuple(ts, static_cast<ListObject*>(l.as_object())).as_object());
    return true;
  }
  return generic_setattr(ts, self, name, value);
}

void define_exception(Type& t, const char* name, Type* base) {
  t.type = &type_type;
  t.gc_flags = kGcStatic;
  t.c_name = name;
  t.base = base;
  t.instance_size = sizeof(ExceptionObject);
  t.dict_offset = offsetof(ExceptionObject, dict);
  t.flags = kTypeBaseType | kTypeImmutable | kTypeExceptionSubclass;
}

}  // namespace

void init_exception_types() {
#define X(name, base) define_exception(name##_type, #name, &base##_type);
  MINIPY_EXCEPTION_TYPES(X)
#undef X
}

void init_exception_slots(ThreadState& ts) {
  Type& t = BaseException_type;
  t.new_instance = exception_new;
  t.init = exception_init;
  t.str = exception_str;
  t.repr = exception_repr;
  t.trace = trace_exception;
  t.setattr = set_context_attr;
  add_methods(ts, t, exception_methods);
  dict_set_str_new(ts, t.dict, ts.interp->names.dict, instance_dict_descriptor(ts));
  add_getset(ts, t, "args", get_args);
  add_getset(ts, t, "__traceback__", get_traceback);
  add_getset(ts, t, "__context__", get_context);
  add_getset(ts, t, "__cause__", get_cause);
  add_getset(ts, t, "__suppress_context__", get_suppress);
  KeyError_type.str = key_error_str;
  add_methods(ts, KeyError_type, key_error_methods);
  add_getset(ts, StopIteration_type, "value", get_value);
  add_getset(ts, SystemExit_type, "code", get_value);
  SyntaxError_type.str = syntax_error_str;
  add_methods(ts, SyntaxError_type, syntax_error_methods);
  add_exception_fields(ts);
  init_os_error_type(ts, exception_new, exception_init);
  init_unicode_error_types(ts, exception_init);
}

bool is_exception_type(Type* type) { return type->flags & kTypeExceptionSubclass; }

bool exception_matches(Value exception, Type* type) {
  if (!exception) return false;
  return is_subtype(type_of(exception), type);
}

// An instance made by calling the class, so a subclass's __new__ and __init__ run.
Value new_exception(ThreadState& ts, Type* type, std::span<const Value> args) {
  return call(ts, Value(type), args);
}

Value raise_value(ThreadState& ts, Value exception) {
  // Implicit chaining: the exception being handled becomes __context__, replacing any context set by hand (as
  // CPython's _PyErr_SetObject does).
  Value handled = ts.handled_exception();
  if (handled && !is_none(handled) && handled != exception) {
    // Raising `exception` must not close a cycle through the handled exception's context chain: cut the chain
    // where it reaches `exception`. The chain may already hold a cycle of its own (`e.__context__ = e`), so the
    // walk moves a second pointer at half speed and stops when the two meet (Floyd's tortoise and hare).
    Value o = handled;
    Value slow = handled;
    bool move_slow = false;
    for (;;) {
      Value context = as_exc(o)->context;
      if (!context || is_none(context)) break;
      if (context == exception) {
        as_exc(o)->context = None();
        break;
      }
      o = context;
      if (o == slow) break;  // a cycle that does not pass through `exception`: every member was checked
      if (move_slow) slow = as_exc(slow)->context;
      move_slow = !move_slow;
    }
    as_exc(exception)->context = handled;
  }
  ts.current_exception = exception;
  return Value();
}

// Raises `type`(message) and returns null. A MemoryError with no message has no args, as CPython's
// PyErr_NoMemory raises it (it must work when allocating a message would not).
Value raise(ThreadState& ts, Type& type, std::string_view message) {
  Value msg = Value(make_str(ts, message));
  Value exc;
  if (message.empty() && (&type == &MemoryError_type)) {
    exc = exception_new(ts, &type, {}, nullptr);
  } else {
    exc = exception_new(ts, &type, std::span<const Value>(&msg, 1), nullptr);
    // CPython creates it by calling the class, whose __init__ sets ImportError.msg.
    if (is_subtype(&type, &ImportError_type)) set_extra_field(ts, exc, kImportMsg, 3, msg);
  }
  return raise_value(ts, exc);
}

Value raise_key_error(ThreadState& ts, Value key) {
  Value exc = exception_new(ts, &KeyError_type, std::span<const Value>(&key, 1), nullptr);
  return raise_value(ts, exc);
}

// StopIteration(value) with .value set directly: a generator's return value travels this way.
Value raise_stop_iteration(ThreadState& ts, Value value) {
  Value exc = exception_new(ts, &StopIteration_type, std::span<const Value>(&value, 1), nullptr);
  as_exc(exc)->extra = value;
  return raise_value(ts, exc);
}

// The RAISE_VARARGS opcode: `raise exc [from cause]`. A class is instantiated with no arguments; a cause of
// None sets __suppress_context__ without a cause (`raise X from None`).
Value raise_object(ThreadState& ts, Value exc, Value cause) {
  Value instance;
  if (is_type(exc) && is_exception_type(as_type(exc))) {
    instance = call(ts, exc, {});
    if (!instance) return Value();
    if (!is_exception_type(type_of(instance)))
      return raise_fmt(ts, TypeError_type,
                       "calling {} should have returned an instance of BaseException, not {}",
                       as_type(exc)->name->view(), type_name(instance));
  } else if (exc.is_object() && is_exception_type(type_of(exc))) {
    instance = exc;
  } else {
    return raise(ts, TypeError_type, "exceptions must derive from BaseException");
  }
  if (cause) {
    Value cause_instance;
    if (is_none(cause)) {
      cause_instance = None();
    } else if (is_type(cause) && is_exception_type(as_type(cause))) {
      cause_instance = call(ts, cause, {});
      if (!cause_instance) return Value();
    } else if (cause.is_object() && is_exception_type(type_of(cause))) {
      cause_instance = cause;
    } else {
      return raise(ts, TypeError_type, "exception causes must derive from BaseException");
    }
    as_exc(instance)->cause = cause_instance;
    as_exc(instance)->suppress_context = true;
  }
  return raise_value(ts, instance);
}

// AttributeError with .name and .obj filled in, which the traceback printer uses for "Did you mean" hints.
Value raise_attribute_error(ThreadState& ts, Value obj, StrObject* name, std::string_view message) {
  raise(ts, AttributeError_type, message);
  Value pair[2] = {Value(name), obj};
  as_exc(ts.current_exception)->extra = Value(minipy::make_tuple(ts, pair));
  return Value();
}

void add_attribute_error_context(ThreadState& ts, Value obj, StrObject* name) {
  Value exc = ts.current_exception;
  if (!exc || !exc.is_object() || !is_subtype(type_of(exc), &AttributeError_type)) return;
  ExceptionObject* e = as_exc(exc);
  if (e->extra && is_tuple(e->extra))
    for (Value field : static_cast<TupleObject*>(e->extra.as_object())->span())
      if (field && !is_none(field)) return;  // already says which
  Value pair[2] = {Value(name), obj};
  e->extra = Value(minipy::make_tuple(ts, pair));
}

// CPython's tp_name: a builtin type of a native module carries its module ("itertools.count"); classes their
// __name__.
std::string_view type_name(Value v) {
  Type* t = type_of(v);
  return (t->flags & kTypeHeap) ? t->name->view() : std::string_view(t->c_name);
}

}  // namespace minipy
