// sys._getframe() and the frame objects it returns: the part of CPython's sys module and frameobject.c that
// Lib uses (namedtuple, enum and typing read sys._getframe(1).f_globals['__name__']; inspect.currentframe and
// debugging helpers walk f_back and read f_locals).
//
// minipy's frames live on the data stack and die when they return, so a frame object is a snapshot taken when
// asked for: code, globals, builtins, the instruction offset, and f_locals as CPython 3.11 gives it (the
// namespace itself for module and class bodies, a fresh dict of the fast locals for a function). The callers'
// chain (f_back) is snapshotted at the same time, so every frame object stays valid after its frame returns,
// as CPython's do. Nothing is created unless sys._getframe is called.
// A traceback's tb_frame is made the same way when asked for, from the newest live frame running the
// traceback's code (the usual case: the handler is in that frame or below it); a frame that has already
// returned by then yields a snapshot with that code and line but the current globals and empty locals.
// Left out: f_trace (always None; minipy has no tracing), frame.clear() only drops the locals snapshot.
#include "compiler/linetable.h"
#include "stdlib/native/native_support.h"
#include "stdlib/native/sys.h"
#include "vm/interp/builtins.h"
#include "vm/interp/frame.h"
#include "vm/objects/generator.h"

namespace minipy {

namespace {

Type frame_type;

struct FrameObject : Object {
  Value code;           // the CodeObj the frame runs
  DictObject* globals;
  DictObject* builtins;
  Value locals;         // f_locals (a snapshot dict for function frames)
  Value back;           // the caller's FrameObject, or None at the bottom
  int32_t lasti;        // code units
  int32_t lineno;       // -1: none
};

FrameObject* as_frame(Value v) { return static_cast<FrameObject*>(v.as_object()); }

void trace_frame(Object* self, Tracer& tracer) {
  auto* f = static_cast<FrameObject*>(self);
  tracer.visit(f->code);
  tracer.visit(f->globals);
  tracer.visit(f->builtins);
  tracer.visit(f->locals);
  tracer.visit(f->back);
}

}  // namespace

namespace {

// One snapshot of `frame` (its f_back filled in by the caller).
FrameObject* snapshot(ThreadState& ts, Frame* frame) {
  auto* f = ts.alloc<FrameObject>(&frame_type);
  f->code = Value(frame->code);
  f->globals = frame->globals;
  f->builtins = frame->builtins;
  f->back = None();
  f->lasti = frame->lasti();
  const CodeObject& src = frame->code->src();
  f->lineno = location_at(src.linetable, src.firstlineno, f->lasti).lineno;
  f->locals = frame_locals(ts, frame);
  return f;
}

// sys._getframe(depth=0, /): the frame `depth` calls below the caller's.
Value sys_getframe(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "sys._getframe", args, kwnames, 0, 1))
    return Value();
  int64_t depth = 0;
  if (!args.empty() && !index_to_int64(ts, args[0], &depth)) return Value();
  Frame* frame = ts.current_frame;
  for (; depth > 0 && frame; depth--) frame = frame->previous;
  if (!frame) return raise(ts, ValueError_type, "call stack is not deep enough");
  FrameObject* first = snapshot(ts, frame);
  FrameObject* last = first;
  for (Frame* caller = frame->previous; caller; caller = caller->previous) {
    FrameObject* next = snapshot(ts, caller);
    last->back = Value(next);
    last = next;
  }
  return Value(first);
}

}  // namespace

Value frame_object_of_generator(ThreadState& ts, Frame* frame) {
  sys_getframe_def(ts);  // readies the frame type
  return Value(snapshot(ts, frame));
}

namespace {

#define FRAME_GETTER(name, expr)                                                     \
  Value name(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {   \
    FrameObject* f = as_frame(self);                                                  \
    (void)ts, (void)f;                                                                \
    return expr;                                                                      \
  }
FRAME_GETTER(f_code, f->code)
FRAME_GETTER(f_globals, Value(f->globals))
FRAME_GETTER(f_builtins, Value(f->builtins))
FRAME_GETTER(f_locals, f->locals)
FRAME_GETTER(f_back, f->back)
FRAME_GETTER(f_lasti, make_int(ts, 2 * int64_t{f->lasti}))
FRAME_GETTER(f_lineno, f->lineno < 0 ? None() : make_int(ts, f->lineno))
FRAME_GETTER(f_trace, None())
FRAME_GETTER(f_trace_lines, True())
FRAME_GETTER(f_trace_opcodes, False())

Value frame_clear(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "clear", kwnames) || !check_arg_count(ts, "frame.clear", args.size(), 0, 0)) return Value();
  FrameObject* f = as_frame(self);
  if (f->locals && is_dict(f->locals) && f->locals.as_object() != f->globals) f->locals = Value(make_dict(ts));
  return None();
}

// <frame at 0x..., file '/x.py', line 3, code f>
Value frame_repr(ThreadState& ts, Value self) {
  FrameObject* f = as_frame(self);
  auto* code = static_cast<CodeObj*>(f->code.as_object());
  Value file = py_repr(ts, Value(code->filename));
  if (!file) return file;
  return Value(make_str(ts, fmt::format("<frame at {:#x}, file {}, line {}, code {}>", self.bits(),
                                        as_str(file)->view(), f->lineno, code->name->view())));
}

}  // namespace

// The namespace of the loaded module whose __file__ is `filename`, or null: a traceback keeps no frame, so the
// globals of a finished frame are found through its module (unittest reads f_globals to hide its own frames).
static DictObject* globals_of_file(ThreadState& ts, StrObject* filename) {
  int64_t pos = 0;
  Value key, module;
  StrObject* file_name = intern(ts, "__file__");
  while (dict_next(ts.interp->modules, &pos, &key, &module)) {
    if (!module.is_object() || type_of(module) != &module_type) continue;
    DictObject* d = static_cast<ModuleObject*>(module.as_object())->dict;
    Value file = dict_get_str(d, file_name);
    if (file && is_str(file) && str_equal(as_str(file), filename)) return d;
  }
  return nullptr;
}

// tb.tb_frame for a traceback entry of `code` at code unit `lasti` (line `lineno`).
Value frame_for_traceback(ThreadState& ts, CodeObj* code, int lasti, int lineno) {
  sys_getframe_def(ts);  // readies the frame type
  Frame* live = ts.current_frame;
  while (live && live->code != code) live = live->previous;
  FrameObject* f;
  if (live) {
    f = snapshot(ts, live);
  } else {
    f = ts.alloc<FrameObject>(&frame_type);
    f->code = Value(code);
    f->globals = globals_of_file(ts, code->filename);
    if (!f->globals) f->globals = ts.current_frame ? ts.current_frame->globals : make_dict(ts);
    f->builtins = ts.current_frame ? ts.current_frame->builtins : ts.interp->builtins;
    f->locals = Value(make_dict(ts));
    f->back = None();
  }
  f->lasti = lasti;
  f->lineno = lineno;
  return Value(f);
}

// Readies the frame type and returns the sys._getframe function definition (called from sys.cpp).
const MethodDef* sys_getframe_def(ThreadState& ts) {
  static const MethodDef def{"_getframe", sys_getframe};
  if (native::native_type_ready(frame_type)) return &def;
  native::init_native_type(ts, frame_type, "frame", "builtins", sizeof(FrameObject), false);
  frame_type.trace = trace_frame;
  frame_type.repr = frame_repr;
  static const MethodDef getters[] = {
      {"f_code", f_code},     {"f_globals", f_globals}, {"f_builtins", f_builtins},
      {"f_locals", f_locals}, {"f_back", f_back},       {"f_lasti", f_lasti},
      {"f_lineno", f_lineno}, {"f_trace", f_trace},     {"f_trace_lines", f_trace_lines},
      {"f_trace_opcodes", f_trace_opcodes},
  };
  add_getsets(ts, frame_type, getters);
  static const MethodDef methods[] = {{"clear", frame_clear}};
  add_methods(ts, frame_type, methods);
  native::complete_native_type(ts, frame_type);  // object's slots for the rest; no constructor
  return &def;
}

}  // namespace minipy
