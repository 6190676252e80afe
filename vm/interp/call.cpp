// Calling Python functions: binding arguments to parameters (with CPython's error messages), the frame data
// stack, and the entry points native code uses to run Python code.
#include <new>
#include <cstdlib>
#include <cstring>

#include "vm/interp/eval.h"
#include "vm/interp/frame_setup.h"
#include "vm/runtime.h"

namespace minipy {

namespace {

// Frames live on a per-thread stack of malloc'd chunks, as CPython 3.11's _PyThreadState_PushFrame data stack: pushing
// a frame is a pointer bump, and a chunk is freed when its first frame is popped.
constexpr size_t kChunkSize = 256 * 1024;

// "'a', 'b', and 'c'" / "'a' and 'b'": ceval.c's format_missing joins the names this way.
std::string quoted_list(const std::vector<std::string_view>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); i++) {
    if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += fmt::format("'{}'", names[i]);
  }
  return out;
}

std::string_view local_name(CodeObj* code, int i) { return as_str(code->localsplusnames->items[i])->view(); }

// The message is ceval.c's missing_arguments: the function's __qualname__, and every missing parameter of the kind at
// once rather than the first.
bool missing_arguments(ThreadState& ts, FunctionObject* f, Value* locals, int begin, int end, bool kwonly) {
  std::vector<std::string_view> missing;
  for (int i = begin; i < end; i++)
    if (!locals[i]) missing.push_back(local_name(f->code, i));
  if (missing.empty()) return true;
  raise_fmt(ts, TypeError_type, "{}() missing {} required {} argument{}: {}", f->qualname->view(), missing.size(),
            kwonly ? "keyword-only" : "positional", missing.size() == 1 ? "" : "s", quoted_list(missing));
  return false;
}

// ceval.c's too_many_positional: "takes from 1 to 2 positional arguments but 3 were given", with the keyword-only
// arguments that were given counted in parentheses, which is why the caller places keywords first.
bool too_many_positional(ThreadState& ts, FunctionObject* f, size_t given, Value* locals) {
  CodeObj* code = f->code;
  int argcount = code->argcount;
  int64_t defcount = f->defaults ? f->defaults->size : 0;
  int kwonly_given = 0;
  for (int i = argcount; i < argcount + code->kwonlyargcount; i++)
    if (locals[i]) kwonly_given++;
  std::string takes;
  if (defcount) takes = fmt::format("from {} to {} positional arguments", argcount - defcount, argcount);
  else takes = fmt::format("{} positional argument{}", argcount, argcount == 1 ? "" : "s");
  std::string kw_msg;
  if (kwonly_given)
    kw_msg = fmt::format(" positional argument{} (and {} keyword-only argument{})", given == 1 ? "" : "s", kwonly_given,
                         kwonly_given == 1 ? "" : "s");
  raise_fmt(ts, TypeError_type, "{}() takes {} but {}{} {} given", f->qualname->view(), takes, given, kw_msg,
            given == 1 && !kwonly_given ? "was" : "were");
  return false;
}

}  // namespace

// Binds `args` (positional, then keyword values named by kwnames) into the frame's fast locals.
// The order of the checks follows _PyEval_MakeFrameVector (initialize_locals in 3.11), because when a call has several
// faults the one reported must be CPython's: too many positionals, then each keyword in order (unexpected, duplicate),
// then positional-only names passed as keywords, then missing positionals, then missing keyword-only. Every local this
// writes is a borrowed Value from `args` or the defaults; the frame holds them, and the caller's stack keeps `args`
// alive until the frame is set up.
bool bind_arguments(ThreadState& ts, FunctionObject* f, Value* locals, std::span<const Value> args,
                    TupleObject* kwnames) {
  CodeObj* code = f->code;
  const int argcount = code->argcount;
  const int kwonly = code->kwonlyargcount;
  const int total_named = argcount + kwonly;
  const bool has_varargs = code->flags & CO_VARARGS;
  const bool has_varkw = code->flags & CO_VARKEYWORDS;
  size_t npos = positional_count(args, kwnames);

  DictObject* kwdict = nullptr;
  if (has_varkw) {
    // Stored in its slot at once, so the dict is reachable from the frame (a GC root) while the loop below allocates.
    kwdict = make_dict(ts);
    locals[total_named + (has_varargs ? 1 : 0)] = Value(kwdict);
  }
  size_t n = std::min<size_t>(npos, static_cast<size_t>(argcount));
  for (size_t i = 0; i < n; i++) locals[i] = args[i];
  if (has_varargs) {
    TupleObject* rest = npos > n ? minipy::make_tuple(ts, args.subspan(n, npos - n)) : minipy::make_tuple(ts, 0);
    locals[total_named] = Value(rest);
  } else if (npos > static_cast<size_t>(argcount)) {
    // Report after keywords are placed, so the message can count keyword-only arguments given.
    if (kwnames)
      for (int64_t k = 0; k < kwnames->size; k++) {
        StrObject* name = as_str(kwnames->items[k]);
        for (int j = argcount; j < total_named; j++)
          if (str_equal(as_str(code->localsplusnames->items[j]), name)) locals[j] = args[npos + static_cast<size_t>(k)];
      }
    return too_many_positional(ts, f, npos, locals);
  }

  if (kwnames) {
    std::vector<std::string_view> posonly_as_kw;
    for (int64_t k = 0; k < kwnames->size; k++) {
      StrObject* name = as_str(kwnames->items[k]);
      Value value = args[npos + static_cast<size_t>(k)];
      // Keyword names and parameter names are nearly always the same interned strs: look for the identical
      // one first, and compare text only when none is.
      int found = -1;
      const Value* params = code->localsplusnames->items;
      for (int j = code->posonlyargcount; j < total_named && found < 0; j++)
        if (params[j].as_object() == name) found = j;
      for (int j = code->posonlyargcount; j < total_named && found < 0; j++)
        if (str_equal(as_str(params[j]), name)) found = j;
      if (found < 0) {
        bool is_posonly = false;
        for (int j = 0; j < code->posonlyargcount; j++)
          if (str_equal(as_str(code->localsplusnames->items[j]), name)) is_posonly = true;
        // A keyword naming a positional-only parameter is legal when there is **kwargs: it lands in the dict (PEP 570).
        if (kwdict) {
          if (!dict_set(ts, kwdict, Value(name), value)) return false;
          continue;
        }
        if (is_posonly) {
          posonly_as_kw.push_back(name->view());
          continue;
        }
        raise_fmt(ts, TypeError_type, "{}() got an unexpected keyword argument '{}'", f->qualname->view(),
                  name->view());
        return false;
      }
      if (locals[found]) {
        raise_fmt(ts, TypeError_type, "{}() got multiple values for argument '{}'", f->qualname->view(), name->view());
        return false;
      }
      locals[found] = value;
    }
    if (!posonly_as_kw.empty()) {
      std::string names;
      for (size_t i = 0; i < posonly_as_kw.size(); i++) names += (i ? ", " : "") + std::string(posonly_as_kw[i]);
      raise_fmt(ts, TypeError_type, "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                f->qualname->view(), names);
      return false;
    }
  }

  // Defaults for missing positional parameters.
  if (npos < static_cast<size_t>(argcount)) {
    int64_t defcount = f->defaults ? f->defaults->size : 0;
    int first_default = argcount - static_cast<int>(defcount);
    if (first_default > static_cast<int>(npos) &&
        !missing_arguments(ts, f, locals, static_cast<int>(npos), first_default, false))
      return false;
    for (int i = std::max<int>(first_default, static_cast<int>(npos)); i < argcount; i++)
      if (!locals[i]) locals[i] = f->defaults->items[i - first_default];
  }
  if (kwonly) {
    for (int i = argcount; i < total_named; i++) {
      if (locals[i]) continue;
      if (f->kwdefaults) {
        Value d = dict_get_str(f->kwdefaults, as_str(code->localsplusnames->items[i]));
        if (d) {
          locals[i] = d;
          continue;
        }
      }
    }
    if (!missing_arguments(ts, f, locals, argcount, total_named, true)) return false;
  }
  return true;
}

// The current chunk is full: start a new one big enough for this frame. Throwing bad_alloc is the VM's way to report an
// allocation failure from deep inside; the native-call boundary turns it into MemoryError.
Frame* ThreadState::push_frame_slow(size_t bytes) {
  size_t size = std::max(kChunkSize, bytes + sizeof(Chunk));
  auto* chunk = static_cast<Chunk*>(std::malloc(size));
  if (!chunk) throw std::bad_alloc();  // MemoryError (vm/memory/out_of_memory.h)
  chunk->previous = datastack_chunk;
  chunk->size = size;
  chunk->saved_top = datastack_top;
  datastack_chunk = chunk;
  datastack_top = chunk->data;
  datastack_limit = reinterpret_cast<char*>(chunk) + size;
  auto* frame = reinterpret_cast<Frame*>(datastack_top);
  datastack_top += bytes;
  return frame;
}

// The first frame of the current chunk was popped: release the chunk and go back to the previous one.
void ThreadState::pop_chunk() {
  Chunk* chunk = datastack_chunk;
  datastack_chunk = chunk->previous;
  datastack_top = chunk->saved_top;
  datastack_limit = datastack_chunk ? reinterpret_cast<char*>(datastack_chunk) + datastack_chunk->size : nullptr;
  std::free(chunk);
}

Value* Frame::stack_base() { return localsplus + code->nlocalsplus; }
int Frame::lasti() const { return static_cast<int>(next_instr - code->code) - 1; }

// Runs a Python function to completion from native code (a slot, a builtin calling back); the interpreter's own CALL
// pushes frames without recursing into this.
Value call_function(ThreadState& ts, FunctionObject* func, std::span<const Value> args, TupleObject* kwnames) {
  CodeObj* code = func->code;
  Frame* frame = new_frame(ts, code, func, func->globals, func->builtins, Value());
  if (!bind_arguments(ts, func, frame->localsplus, args, kwnames)) {
    ts.pop_frame(frame);
    return Value();
  }
  return run_frame(ts, frame);
}

// exec()/eval()/module execution: as CPython's PyEval_EvalCode, a globals dict without __builtins__ gets the builtins
// module inserted, and one with __builtins__ uses it (a module or its dict), so a sandboxed exec sees the builtins it
// was given.
Value eval_code(ThreadState& ts, CodeObj* code, DictObject* globals, Value locals, TupleObject* closure) {
  // Free variables need a closure to copy from: a module's code with any (a crafted pyc) is refused as CPython's
  // exec() refuses it, before a frame could read a missing function's cells.
  if (code->nfrees > 0 && (!closure || closure->size != code->nfrees))
    return raise(ts, TypeError_type, "code object passed to exec() may not contain free variables");
  Value builtins_v = dict_get_str(globals, ts.interp->names.builtins);
  DictObject* builtins = ts.interp->builtins;
  if (builtins_v) {
    if (is_dict(builtins_v)) builtins = static_cast<DictObject*>(builtins_v.as_object());
    else if (type_of(builtins_v) == &module_type) builtins = static_cast<ModuleObject*>(builtins_v.as_object())->dict;
  } else if (!dict_set_str(ts, globals, ts.interp->names.builtins, Value(ts.interp->builtins_module))) {
    return Value();  // the globals are the program's dict: a key of its own may fail the comparison
  }
  // Free variables come from a function's closure (COPY_FREE_VARS), so exec(code, closure=cells) runs the code as
  // a function holding them, as CPython's PyEval_EvalCodeEx does.
  FunctionObject* func = nullptr;
  if (closure) {
    Value f = make_function_in(ts, globals, builtins, code);
    if (!f) return f;
    func = static_cast<FunctionObject*>(f.as_object());
    func->closure = closure;
  }
  Frame* frame = new_frame(ts, code, func, globals, builtins, locals ? locals : Value(globals));
  return run_frame(ts, frame);
}

}  // namespace minipy
