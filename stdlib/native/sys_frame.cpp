// sys._getframe() and the frame objects it returns: the part of CPython's sys module and frameobject.c that
// Lib uses (namedtuple, enum and typing read sys._getframe(1).f_globals['__name__']; inspect, pdb, bdb, trace and
// unittest walk f_back and read f_lineno and f_locals).
//
// Frame objects are live views (see sys_frame.h): made on first request for a frame, found again by the frame's
// address while it runs, and given the frame's last state when it finishes. f_locals is CPython 3.11's: the
// namespace itself for module and class bodies, for a function one dict per frame object, refreshed from the fast
// locals each time it is read (a trace function's writes to it are copied back, see sys_trace.cpp).
// A traceback's tb_frame is the frame object of the newest live frame running the traceback's code (the usual
// case: the handler is in that frame or below it); a frame that has already returned by then yields a finished
// frame object with that code and line, the module's globals and empty locals.
// Left out: assigning f_lineno (a jump) raises ValueError.
#include "stdlib/native/sys_frame.h"

#include <algorithm>
#include <vector>

#include "compiler/linetable.h"
#include "stdlib/native/native_support.h"
#include "stdlib/native/sys.h"
#include "stdlib/native/sys_trace.h"
#include "vm/interp/builtins.h"
#include "vm/objects/generator.h"

namespace minipy {

namespace {

Type frame_type;

// The live frame objects, newest last. Weak: a frame object nobody holds is collected (its finalize slot removes
// it); the pinned ones are also in g_pinned, a rooted list.
std::vector<FrameObject*> g_live;
Value g_pinned;

FrameObject* as_frame(Value v) { return static_cast<FrameObject*>(v.as_object()); }

void trace_frame(Object* self, Tracer& tracer) {
  auto* f = static_cast<FrameObject*>(self);
  tracer.visit(f->generator);
  tracer.visit(f->code);
  tracer.visit(f->globals);
  tracer.visit(f->builtins);
  tracer.visit(f->locals);
  tracer.visit(f->back);
  tracer.visit(f->trace);
}

void unregister(FrameObject* f) {
  auto it = std::find(g_live.begin(), g_live.end(), f);
  if (it == g_live.end()) return;
  g_live.erase(it);
  if (g_live.empty()) frame_registry_changed();
}

// The finalize slot: a collected frame object leaves the registry.
void finalize_frame(Object* self) { unregister(static_cast<FrameObject*>(self)); }

void unpin(FrameObject* f) {
  if (!f->pinned) return;
  f->pinned = false;
  auto* list = static_cast<ListObject*>(g_pinned.as_object());
  for (int64_t i = list->size; i-- > 0;) {
    if (list->items[i].as_object() != f) continue;
    list->items[i] = list->items[list->size - 1];
    list->size--;
    return;
  }
}

CodeObj* code_of(const FrameObject* f) { return static_cast<CodeObj*>(f->code.as_object()); }

int line_of(CodeObj* code, int lasti) {
  if (lasti < 0) return code->firstlineno;
  const CodeObject& src = code->src();
  return location_at(src.linetable, src.firstlineno, lasti).lineno;
}

// A finished frame object standing for `code` (tracebacks of frames that are gone).
FrameObject* finished_frame(ThreadState& ts, CodeObj* code, DictObject* globals, DictObject* builtins) {
  auto* f = ts.alloc<FrameObject>(&frame_type);
  f->code = Value(code);
  f->globals = globals;
  f->builtins = builtins;
  f->locals = Value(make_dict(ts));
  f->back = None();
  f->trace_lines = true;
  f->lasti = -1;
  f->lineno = -1;
  f->trace_prev = -1;
  return f;
}

}  // namespace

Type& frame_object_type() { return frame_type; }

bool frame_objects_live() { return !g_live.empty(); }

FrameObject* existing_frame_object(Frame* frame) {
  for (auto it = g_live.rbegin(); it != g_live.rend(); ++it)
    if ((*it)->live == frame) return *it;
  return nullptr;
}

FrameObject* frame_object_of(ThreadState& ts, Frame* frame) {
  if (FrameObject* f = existing_frame_object(frame)) return f;
  sys_getframe_def(ts);  // readies the frame type
  auto* f = ts.alloc<FrameObject>(&frame_type);
  f->live = frame;
  f->generator = frame->generator ? Value(frame->generator) : Value();
  f->code = Value(frame->code);
  f->globals = frame->globals;
  f->builtins = frame->builtins;
  f->locals = frame->locals;
  f->trace_lines = true;
  f->lasti = -1;
  f->lineno = -1;
  f->trace_prev = frame->lasti();
  g_live.push_back(f);
  if (g_live.size() == 1) frame_registry_changed();
  if (tracing_active()) pin_frame_object(ts, f);
  return f;
}

void pin_frame_object(ThreadState& ts, FrameObject* f) {
  if (f->pinned || !f->live) return;
  if (!g_pinned) {
    g_pinned = Value(make_list(ts, 0));
    register_root(ts, &g_pinned);
  }
  if (!list_append(ts, static_cast<ListObject*>(g_pinned.as_object()), Value(f))) {
    ts.current_exception = Value();
    return;
  }
  f->pinned = true;
}

void detach_frame_object(ThreadState& ts, Frame* frame) {
  FrameObject* f = existing_frame_object(frame);
  if (!f) return;
  // The last state: locals, position and caller, as CPython's frame object keeps them after take_ownership.
  Value saved = ts.current_exception;
  ts.current_exception = Value();
  if (!frame_object_locals(ts, f)) ts.current_exception = Value();
  f->lasti = frame->lasti();
  f->lineno = line_of(frame->code, f->lasti);
  bool running = !frame->generator || frame->generator->state == GenState::kExecuting;
  f->back = running && frame->previous ? Value(frame_object_of(ts, frame->previous)) : None();
  ts.current_exception = saved;
  f->live = nullptr;
  f->generator = Value();
  unpin(f);
  unregister(f);
}

int frame_object_lasti(const FrameObject* f) { return f->live ? f->live->lasti() : f->lasti; }

int frame_object_lineno(const FrameObject* f) {
  if (!f->live) return f->lineno;
  return line_of(f->live->code, f->live->lasti());
}

Value frame_object_locals(ThreadState& ts, FrameObject* f) {
  Frame* frame = f->live;
  if (!frame) return f->locals ? f->locals : Value(make_dict(ts));
  if (frame->locals) return frame->locals;  // module and class bodies: the namespace itself
  if (!f->locals) f->locals = Value(make_dict(ts));
  auto* d = static_cast<DictObject*>(f->locals.as_object());
  CodeObj* code = frame->code;
  for (int i = 0; i < code->nlocalsplus; i++) {
    Value v = frame->localsplus[i];
    if (v && (code->localspluskinds[i] & (CO_FAST_CELL | CO_FAST_FREE)))
      v = type_of(v) == &cell_type ? static_cast<CellObject*>(v.as_object())->ref : Value();
    Value name = code->localsplusnames->items[i];
    if (v) {
      if (!dict_set(ts, d, name, v)) return Value();
    } else if (dict_del(ts, d, name) < 0) {
      return Value();
    }
  }
  return f->locals;
}

void frame_object_locals_to_fast(ThreadState& ts, FrameObject* f) {
  Frame* frame = f->live;
  if (!frame || frame->locals || !f->locals || !is_dict(f->locals)) return;
  auto* d = static_cast<DictObject*>(f->locals.as_object());
  CodeObj* code = frame->code;
  Value saved = ts.current_exception;
  for (int i = 0; i < code->nlocalsplus; i++) {
    Value v = dict_get(ts, d, code->localsplusnames->items[i]);
    ts.current_exception = Value();
    Value& slot = frame->localsplus[i];
    if ((code->localspluskinds[i] & (CO_FAST_CELL | CO_FAST_FREE)) && slot && type_of(slot) == &cell_type) {
      static_cast<CellObject*>(slot.as_object())->ref = v;
    } else if (!(code->localspluskinds[i] & CO_FAST_FREE)) {
      slot = v;
    }
  }
  ts.current_exception = saved;
}

namespace {

// sys._getframe(depth=0, /): the frame `depth` calls below the caller's.
Value sys_getframe(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "sys._getframe", args, kwnames, 0, 1))
    return Value();
  int64_t depth = 0;
  if (!args.empty() && !index_to_int64(ts, args[0], &depth)) return Value();
  Frame* frame = ts.current_frame;
  for (; depth > 0 && frame; depth--) frame = frame->previous;
  if (!frame) return raise(ts, ValueError_type, "call stack is not deep enough");
  return Value(frame_object_of(ts, frame));
}

}  // namespace

Value frame_object_of_generator(ThreadState& ts, Frame* frame) { return Value(frame_object_of(ts, frame)); }

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
FRAME_GETTER(f_locals, frame_object_locals(ts, f))
FRAME_GETTER(f_lasti, make_int(ts, frame_object_lasti(f) < 0 ? -1 : 2 * int64_t{frame_object_lasti(f)}))
FRAME_GETTER(f_trace, f->trace ? f->trace : None())
FRAME_GETTER(f_trace_lines, Bool(f->trace_lines))
FRAME_GETTER(f_trace_opcodes, Bool(f->trace_opcodes))

Value f_lineno(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  int line = frame_object_lineno(as_frame(self));
  return line < 0 ? None() : make_int(ts, line);
}

// f_back: the caller's frame object while the frame runs (a suspended generator's frame has none), the caller
// it had when it finished afterwards.
Value f_back(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  FrameObject* f = as_frame(self);
  Frame* frame = f->live;
  if (!frame) return f->back ? f->back : None();
  if (frame->generator && frame->generator->state != GenState::kExecuting) return None();
  if (!frame->previous) return None();
  return Value(frame_object_of(ts, frame->previous));
}

// The writable attributes: f_trace, f_trace_lines, f_trace_opcodes (and f_lineno, which minipy cannot jump).
bool frame_setattr(ThreadState& ts, Value self, StrObject* name, Value value) {
  FrameObject* f = as_frame(self);
  std::string_view n = name->view();
  if (n == "f_trace") {
    f->trace = value && !is_none(value) ? value : Value();
    if (f->trace) pin_frame_object(ts, f);
    return true;
  }
  if (n == "f_trace_lines" || n == "f_trace_opcodes") {
    if (!value) return raise_fmt(ts, AttributeError_type, "cannot delete attribute"), false;
    if (value != True() && value != False())
      return raise(ts, TypeError_type, "attribute value type must be bool"), false;
    (n == "f_trace_lines" ? f->trace_lines : f->trace_opcodes) = value == True();
    pin_frame_object(ts, f);
    return true;
  }
  if (n == "f_lineno") {
    if (!value) return raise_fmt(ts, AttributeError_type, "cannot delete attribute"), false;
    if (!is_int(value)) return raise(ts, ValueError_type, "lineno must be an integer"), false;
    // CPython's checks, in its order: the event being (or last) delivered, then the frame's own f_trace.
    switch (last_trace_event()) {
      case TraceEventKind::kLine:
        break;
      case TraceEventKind::kCall:
        return raise(ts, ValueError_type, "can't jump from the 'call' trace event of a new frame"), false;
      default:
        return raise(ts, ValueError_type, "can only jump from a 'line' trace event"), false;
    }
    if (!f->trace) return raise(ts, ValueError_type, "f_lineno can only be set by a trace function"), false;
    return raise(ts, ValueError_type, "minipy cannot jump: assigning f_lineno is not supported"), false;
  }
  return generic_setattr(ts, self, name, value);
}

// clear(): drops the locals of a finished frame; a running one refuses, as CPython's.
Value frame_clear(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "clear", kwnames) || !check_arg_count(ts, "frame.clear", args.size(), 0, 0)) return Value();
  FrameObject* f = as_frame(self);
  if (f->live) {
    GeneratorObject* gen = f->live->generator;
    if (!gen || gen->state == GenState::kExecuting) return raise(ts, RuntimeError_type, "cannot clear an executing frame");
    // A suspended generator's frame: CPython closes the generator, then the frame is finished.
    if (!gen_close(ts, gen)) return Value();
  }
  f->trace = Value();
  if (f->locals && is_dict(f->locals) && f->locals.as_object() != f->globals) f->locals = Value(make_dict(ts));
  return None();
}

// <frame at 0x..., file '/x.py', line 3, code f>
Value frame_repr(ThreadState& ts, Value self) {
  FrameObject* f = as_frame(self);
  CodeObj* code = code_of(f);
  Value file = py_repr(ts, Value(code->filename));
  if (!file) return file;
  return Value(make_str(ts, fmt::format("<frame at {:#x}, file {}, line {}, code {}>", self.bits(),
                                        as_str(file)->view(), frame_object_lineno(f), code->name->view())));
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
  if (live) return Value(frame_object_of(ts, live));
  DictObject* globals = globals_of_file(ts, code->filename);
  if (!globals) globals = ts.current_frame ? ts.current_frame->globals : make_dict(ts);
  FrameObject* f = finished_frame(ts, code, globals, ts.current_frame ? ts.current_frame->builtins : ts.interp->builtins);
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
  frame_type.finalize = finalize_frame;
  frame_type.repr = frame_repr;
  frame_type.setattr = frame_setattr;
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
