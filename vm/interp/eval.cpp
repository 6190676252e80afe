// The interpreter loop: runs CPython 3.11 bytecode. Dispatch is computed goto over a table built from the rows of
// compiler/opcodes.def marked VM (the verifier refuses code using any other). Python-to-Python calls do not recurse
// in C++: CALL pushes a frame on the data stack and the loop continues in it; RETURN_VALUE pops back.
//
// Register conventions: `next_instr` points at the code unit after the current instruction's opcode word (its
// inline CACHE entries, if any, come next and each handler skips them after it can no longer fail), so the
// current instruction's offset — for tracebacks and the exception table — is always next_instr - first - 1.
#include <cstring>

#include "cache/verify.h"
#include "compiler/exception_table.h"
#include "compiler/opcodes.h"
#include "vm/interp/builtins.h"
#include "vm/errors/suggestions.h"
#include "vm/interp/eval.h"
#include "vm/interp/frame_setup.h"
#include "vm/import/import.h"
#include "vm/interp/inline_cache.h"
#include "vm/memory/out_of_memory.h"
#include "vm/objects/generator.h"
#include "vm/objects/heap_type.h"
#include "vm/objects/set.h"
#include "vm/runtime.h"
#include "stdlib/native/sys.h"

namespace minipy {

// IMPORT_NAME: a program that replaced builtins.__import__ gets its function called, as in CPython (with the
// frame's globals and locals); otherwise the import system runs directly.
Value import_statement(ThreadState& ts, Frame* frame, Value name, Value fromlist, Value level) {
  Value hook = dict_get_str(frame->builtins, ts.interp->names.import);
  if (!hook) return raise(ts, ImportError_type, "__import__ not found");
  if (type_of(hook) == &native_function_type &&
      static_cast<NativeFunctionObject*>(hook.as_object())->def->fn == &builtin_import)
    return import_name(ts, frame, name, fromlist, level);
  Value args[5] = {name, Value(frame->globals), frame->locals ? frame->locals : None(), fromlist, level};
  return call(ts, hook, args);
}

namespace {

// Inline cache entries after each opcode, from the one opcode table.
constexpr std::array<uint8_t, 256> make_cache_counts() {
  std::array<uint8_t, 256> t{};
  for (int i = 0; i < 256; i++) t[i] = kOpcodeTable[i].cache_entries;
  return t;
}
constexpr std::array<uint8_t, 256> kCacheCounts = make_cache_counts();
template <Opcode op>
constexpr int kCaches = kOpcodeTable[static_cast<int>(op)].cache_entries;

Value unbound_local(ThreadState& ts, CodeObj* code, int index) {
  return raise_fmt(ts, UnboundLocalError_type, "cannot access local variable '{}' where it is not associated with a value",
                   as_str(code->localsplusnames->items[index])->view());
}

Value unbound_deref(ThreadState& ts, CodeObj* code, int index) {
  std::string_view name = as_str(code->localsplusnames->items[index])->view();
  if (code->localspluskinds[index] & CO_FAST_FREE)
    return raise_fmt(ts, NameError_type,
                     "cannot access free variable '{}' where it is not associated with a value in enclosing scope", name);
  return unbound_local(ts, code, index);
}

// NameError with its "Did you mean" suggestion computed now, while the frame's namespaces exist.
Value name_error(ThreadState& ts, Frame* frame, StrObject* name) {
  raise_fmt(ts, NameError_type, "name '{}' is not defined", name->view());
  StrObject* suggestion = suggest_for_name(ts, frame, name);
  static_cast<ExceptionObject*>(ts.current_exception.as_object())->extra = suggestion ? Value(suggestion) : None();
  return Value();
}

bool unpack_iterable(ThreadState& ts, Value seq, int before, int after, Value* stack_top_out) {
  // Pushes items so the first ends on top: writes downward from stack_top_out.
  std::span<Value> items;
  Value storage;
  if (items_directly(seq)) {  // not a subclass overriding __iter__
    items = is_tuple(seq) ? static_cast<TupleObject*>(seq.as_object())->span()
                          : static_cast<ListObject*>(seq.as_object())->span();
  } else {
    if (!type_of(seq)->iter && !type_of(seq)->getitem) {
      raise_fmt(ts, TypeError_type, "cannot unpack non-iterable {} object", type_name(seq));
      return false;
    }
    if (after < 0) {
      // Plain unpacking stops early when there are too many values, as CPython does.
      Value it = get_iter(ts, seq);
      if (!it) return false;
      std::vector<Value> got;
      for (int i = 0; i < before; i++) {
        Value v = iter_next(ts, it);
        if (!v) {
          if (ts.current_exception) return false;
          raise_fmt(ts, ValueError_type, "not enough values to unpack (expected {}, got {})", before, i);
          return false;
        }
        stack_top_out[before - 1 - i] = v;
      }
      Value extra = iter_next(ts, it);
      if (extra) {
        raise_fmt(ts, ValueError_type, "too many values to unpack (expected {})", before);
        return false;
      }
      return !ts.current_exception;
    }
    if (!sequence_items(ts, seq, &items, &storage)) return false;
  }
  auto n = static_cast<int64_t>(items.size());
  if (after < 0) {
    if (n != before) {
      if (n < before) raise_fmt(ts, ValueError_type, "not enough values to unpack (expected {}, got {})", before, n);
      else raise_fmt(ts, ValueError_type, "too many values to unpack (expected {})", before);
      return false;
    }
    for (int i = 0; i < before; i++) stack_top_out[before - 1 - i] = items[static_cast<size_t>(i)];
    return true;
  }
  if (n < before + after) {
    raise_fmt(ts, ValueError_type, "not enough values to unpack (expected at least {}, got {})", before + after, n);
    return false;
  }
  int total = before + 1 + after;
  // Layout from the top: item0 ... item(before-1), list, tail items.
  for (int i = 0; i < before; i++) stack_top_out[total - 1 - i] = items[static_cast<size_t>(i)];
  ListObject* middle = make_list(ts, items.subspan(static_cast<size_t>(before), static_cast<size_t>(n - before - after)));
  stack_top_out[after] = Value(middle);
  for (int i = 0; i < after; i++) stack_top_out[after - 1 - i] = items[static_cast<size_t>(n - after + i)];
  return true;
}

Value make_function(ThreadState& ts, Frame* frame, CodeObj* code) {
  return make_function_in(ts, frame->globals, frame->builtins, code);
}

// The jump of the FOR_ITER just before `after` (with its EXTENDED_ARG prefixes).
int for_iter_oparg(const uint16_t* after) {
  int oparg = after[-1] >> 8;
  int shift = 8;
  for (const uint16_t* p = after - 2; (*p & 0xFF) == static_cast<int>(Opcode::EXTENDED_ARG); p--, shift += 8)
    oparg |= (*p >> 8) << shift;
  return oparg;
}

bool check_except_type(ThreadState& ts, Value t) {
  auto ok = [](Value v) { return is_type(v) && is_exception_type(as_type(v)); };
  if (is_tuple(t)) {
    for (Value v : static_cast<TupleObject*>(t.as_object())->span())
      if (!ok(v)) {
        raise(ts, TypeError_type, "catching classes that do not inherit from BaseException is not allowed");
        return false;
      }
    return true;
  }
  if (!ok(t)) {
    raise(ts, TypeError_type, "catching classes that do not inherit from BaseException is not allowed");
    return false;
  }
  return true;
}

bool exc_matches_spec(Value exc, Value spec) {
  if (is_tuple(spec)) {
    for (Value v : static_cast<TupleObject*>(spec.as_object())->span())
      if (is_subtype(type_of(exc), as_type(v))) return true;
    return false;
  }
  return is_subtype(type_of(exc), as_type(spec));
}

Value format_value(ThreadState& ts, Value value, int conversion, Value spec) {
  switch (conversion) {
    case 1: value = py_str(ts, value); break;
    case 2: value = py_repr(ts, value); break;
    case 3: value = py_ascii(ts, value); break;
    default: break;
  }
  if (!value) return value;
  if (!spec && type_of(value) == &str_type) return value;
  return py_format(ts, value, spec);
}

// Joins BUILD_STRING's operands. (Kept out of the loop: a computed-goto DISPATCH leaves a block without running
// the destructors of C++ objects in it.)
Value join_strings(ThreadState& ts, const Value* items, int n) {
  std::string out;
  bool ascii = true;
  int64_t length = 0;
  for (int i = 0; i < n; i++) {
    StrObject* s = as_str(items[i]);
    out.append(s->view());
    ascii &= s->is_ascii();
    length += s->length;
  }
  return Value(make_str_known(ts, out, length, ascii));
}

// CALL_FUNCTION_EX's arguments as one list (positional, then keyword values named by *kwnames), which also keeps
// them visible to the collector during the call. Null on error.
ListObject* gather_call_ex_args(ThreadState& ts, Value func, Value callargs, Value kwargs, TupleObject** kwnames) {
  ListObject* args = make_list(ts, 0);
  if (!is_tuple(callargs)) {
    if (!type_of(callargs)->iter && !type_of(callargs)->getitem) {
      raise_fmt(ts, TypeError_type, "{} argument after * must be an iterable, not {}", function_description(ts, func),
                type_name(callargs));
      return nullptr;
    }
    if (!list_extend(ts, args, callargs)) return nullptr;
  } else if (!list_extend(ts, args, callargs)) {
    return nullptr;
  }
  if (kwargs) {
    DictObject* d = static_cast<DictObject*>(kwargs.as_object());
    TupleObject* kwn = minipy::make_tuple(ts, d->used);
    for (int64_t i = 0; i < kwn->size; i++) kwn->items[i] = None();
    int64_t pos = 0, i = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v)) {
      if (!is_str(k)) {
        raise(ts, TypeError_type, "keywords must be strings");
        return nullptr;
      }
      kwn->items[i++] = k;
      if (!list_append(ts, args, v)) return nullptr;
    }
    *kwnames = kwn;
  }
  return args;
}

// The Python __init__ to run as a frame when CALL calls `callable`, a class whose instances come from
// object.__new__ and whose __init__ is a Python function (what type_call would do through slot_init); else null.
FunctionObject* inlinable_init(ThreadState& ts, Value callable) {
  if (!callable.is_object() || callable.as_object()->type != &type_type) return nullptr;
  auto* t = static_cast<Type*>(callable.as_object());
  if (!(t->flags & kTypeHeap) || t->new_instance != object_new || !is_python_init_slot(t->init)) return nullptr;
  Value init = type_lookup(t, ts.interp->names.init);
  if (!init.is_object() || init.as_object()->type != &function_type) return nullptr;
  return static_cast<FunctionObject*>(init.as_object());
}

// Fills a new frame's parameters when the call needs no general binding: positional arguments only, at most
// argcount of them, the rest covered by defaults, no *args/**kwargs/keyword-only parameters. False otherwise.
inline bool bind_simple(FunctionObject* func, Value* locals, const Value* args, int n) {
  CodeObj* code = func->code;
  if ((code->flags & (CO_VARARGS | CO_VARKEYWORDS)) || code->kwonlyargcount != 0 || n > code->argcount) return false;
  int missing = code->argcount - n;
  if (missing > 0) {
    TupleObject* defaults = func->defaults;
    if (!defaults || defaults->size < missing) return false;
    const Value* from = defaults->items + (defaults->size - missing);
    for (int i = 0; i < missing; i++) locals[n + i] = from[i];
  }
  for (int i = 0; i < n; i++) locals[i] = args[i];
  return true;
}
// A float result: inline when it is a flonum (nearly always), as make_float but always inlined in the loop.
[[gnu::always_inline]] inline Value float_result(ThreadState& ts, double d) {
  Value r;
  return Value::try_flonum(d, &r) ? r : make_float_boxed(ts, d);
}
}  // namespace

// Runs `entry` until it returns (or, for a generator's frame, yields). With `throwing`, the pending exception is
// raised at the frame's current instruction first (generator.throw()).
namespace {
Value resume_frame_loop(ThreadState& ts, Frame* entry, bool throwing) {
  entry->is_entry = true;
  entry->previous = ts.current_frame;
  if (!ts.enter_recursion()) {
    if (!entry->generator) ts.pop_frame(entry);
    return raise(ts, RecursionError_type, "maximum recursion depth exceeded");
  }

  static void* dispatch_table[256];
  static bool table_ready = false;
  if (!table_ready) {
    for (auto& slot : dispatch_table) slot = &&unknown_opcode;
    // Rows of compiler/opcodes.def marked VM get their handler; a VM mark without an `op_NAME:` label is a
    // compile error, a label without the mark an unused-label warning.
#define OPCODE(name, number, cache_entries, vm, ...) \
  MINIPY_IF_VM_##vm(dispatch_table[number] = &&op_##name;)
#include "compiler/opcodes.def"
    table_ready = true;
  }

  Frame* frame = entry;
  CodeObj* code;
  const uint16_t* first_instr;
  const uint16_t* next_instr;
  Value* sp;
  Value* localsplus;
  Value* consts;
  TupleObject* kwnames = nullptr;
  int reraise_lasti = -1;  // set by RERAISE with an oparg: the lasti to hand the next handler
  int opcode;
  int oparg;
  Value retval;

#define LOAD_FRAME_REGISTERS()                      \
  do {                                              \
    code = frame->code;                             \
    first_instr = code->code;                       \
    next_instr = frame->next_instr;                 \
    sp = frame->stack_top;                          \
    localsplus = frame->localsplus;                 \
    consts = code->consts->items;                   \
  } while (0)
#define SAVE_FRAME_REGISTERS()      \
  do {                              \
    frame->next_instr = next_instr; \
    frame->stack_top = sp;          \
  } while (0)
#define DISPATCH()                      \
  do {                                  \
    uint16_t word = *next_instr++;      \
    opcode = word & 0xFF;               \
    oparg = word >> 8;                  \
    goto* dispatch_table[opcode];       \
  } while (0)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define PEEK(n) (sp[-(n)])
#define POP() (*--sp)
#define PUSH(v) (*sp++ = (v))
#define SKIP_CACHES(op) (next_instr += kCaches<Opcode::op>)
#define NAME(i) static_cast<StrObject*>(code->names->items[i].as_object())
#define CHECK(expr)   \
  do {                \
    if (!(expr)) goto error; \
  } while (0)
#define LASTI() static_cast<int>(next_instr - first_instr - 1)
// A loop's backward edge is where a signal (Ctrl-C) or a due collection gets its turn, as in CPython 3.11's
// POP_JUMP_BACKWARD_IF_*: `while i < n:` loops back through these, not through JUMP_BACKWARD (found by the
// vm fuzz target: a mutated loop ignored the watchdog's SIGINT forever).
#define CHECK_BACKWARD_BREAKER()        \
  if (ts.eval_breaker) {                \
    SAVE_FRAME_REGISTERS();             \
    CHECK(handle_eval_breaker(ts));     \
  }
// Counts one more Python frame for a call made without recursion; RecursionError past the limit.
#define ENTER_RECURSION_LEVELS(levels)                                              \
  do {                                                                              \
    ts.recursion_depth += (levels);                                                 \
    if (ts.recursion_depth > ts.recursion_limit && !ts.recursion_headroom) {        \
      ts.recursion_depth -= (levels);                                               \
      raise(ts, RecursionError_type, "maximum recursion depth exceeded");           \
      goto error;                                                                   \
    }                                                                               \
  } while (0)
#define ENTER_RECURSION() ENTER_RECURSION_LEVELS(1)
// Continues in `callee`, a frame called from this one (whose registers are saved).
#define SWITCH_TO_FRAME(callee)   \
  do {                            \
    (callee)->previous = frame;   \
    frame = (callee);             \
    ts.current_frame = frame;     \
    LOAD_FRAME_REGISTERS();       \
    DISPATCH();                   \
  } while (0)

  ts.current_frame = frame;
  LOAD_FRAME_REGISTERS();
  if (throwing) goto error;
  DISPATCH();

op_NOP:
  DISPATCH();
op_RESUME:
  if (ts.eval_breaker && oparg < 2) {
    SAVE_FRAME_REGISTERS();
    CHECK(handle_eval_breaker(ts));
  }
  DISPATCH();
op_EXTENDED_ARG: {
  uint16_t word = *next_instr++;
  opcode = word & 0xFF;
  oparg = (oparg << 8) | (word >> 8);
  goto* dispatch_table[opcode];
}
op_POP_TOP:
  sp--;
  DISPATCH();
op_PUSH_NULL:
  PUSH(Value());
  DISPATCH();
op_LOAD_CONST:
  PUSH(consts[oparg]);
  DISPATCH();
op_LOAD_FAST: {
  Value v = localsplus[oparg];
  if (!v) {
    unbound_local(ts, code, oparg);
    goto error;
  }
  PUSH(v);
  DISPATCH();
}
op_STORE_FAST:
  localsplus[oparg] = POP();
  DISPATCH();
op_DELETE_FAST:
  if (!localsplus[oparg]) {
    unbound_local(ts, code, oparg);
    goto error;
  }
  localsplus[oparg] = Value();
  DISPATCH();

op_LOAD_NAME: {
  StrObject* name = NAME(oparg);
  Value locals = frame->locals;
  Value v;
  if (!locals) {
    raise_fmt(ts, SystemError_type, "no locals when loading '{}'", name->view());
    goto error;
  }
  if (type_of(locals) == &dict_type) {
    v = icache::load_name_hinted(static_cast<DictObject*>(locals.as_object()), name, icache::name_hint(code, oparg));
  } else {
    v = get_item(ts, locals, Value(name));
    if (!v) {
      if (!exception_matches(ts.current_exception, &KeyError_type)) goto error;
      ts.current_exception = Value();
    }
  }
  if (!v && frame->globals != locals.as_object()) v = dict_get_str(frame->globals, name);
  if (!v) v = dict_get_str(frame->builtins, name);
  if (!v) {
    name_error(ts, frame, name);
    goto error;
  }
  PUSH(v);
  DISPATCH();
}
op_STORE_NAME: {
  StrObject* name = NAME(oparg);
  Value v = POP();
  Value locals = frame->locals;
  if (!locals) {  // a function's frame has no namespace (only damaged bytecode gets here)
    raise_fmt(ts, SystemError_type, "no locals found when storing '{}'", name->view());
    goto error;
  }
  if (type_of(locals) == &dict_type)
    CHECK(icache::store_name_hinted(ts, static_cast<DictObject*>(locals.as_object()), name, v, icache::name_hint(code, oparg)));
  else CHECK(set_item(ts, locals, Value(name), v));
  DISPATCH();
}
op_DELETE_NAME: {
  StrObject* name = NAME(oparg);
  Value locals = frame->locals;
  if (!locals) {
    raise_fmt(ts, SystemError_type, "no locals when deleting '{}'", name->view());
    goto error;
  }
  int r = is_dict(locals) ? dict_del(ts, static_cast<DictObject*>(locals.as_object()), Value(name))
                          : (del_item(ts, locals, Value(name)) ? 1 : -1);
  if (r < 0) goto error;
  if (r == 0) {
    name_error(ts, frame, name);
    goto error;
  }
  DISPATCH();
}
op_LOAD_GLOBAL: {
  // Inline cache in the instruction's 5 CACHE units: [0..2] the globals dict's version (48 bits, checked only
  // for builtins hits, where a new global could shadow the name), [3..4] kind (2 bits) + entry position. A hit
  // re-checks that the entry still holds this name, so a globals hit needs no version at all.
  StrObject* name = NAME(oparg >> 1);
  auto* cache = const_cast<uint16_t*>(next_instr);
  uint32_t kind = cache[3] >> 14;
  uint32_t ix = (static_cast<uint32_t>(cache[3] & 0x3FFF) << 16) | cache[4];
  DictObject* globals = frame->globals;
  Value v;
  if (kind == 1) {
    if (ix < globals->nentries && globals->entries[ix].key.as_object() == name) v = globals->entries[ix].value;
  } else if (kind == 2) {
    uint64_t version = (uint64_t{cache[0]} << 32) | (uint64_t{cache[1]} << 16) | cache[2];
    DictObject* builtins = frame->builtins;
    if ((globals->version & 0xFFFFFFFFFFFFull) == version && ix < builtins->nentries &&
        builtins->entries[ix].key.as_object() == name)
      v = builtins->entries[ix].value;
  }
  if (!v) {
    int64_t gix = dict_lookup_str_index(globals, name);
    if (gix >= 0) {
      v = globals->entries[gix].value;
      if (gix < (1 << 30)) {
        cache[3] = static_cast<uint16_t>((1u << 14) | (gix >> 16));
        cache[4] = static_cast<uint16_t>(gix & 0xFFFF);
      }
    } else {
      int64_t bix = dict_lookup_str_index(frame->builtins, name);
      if (bix < 0) {
        name_error(ts, frame, name);
        goto error;
      }
      v = frame->builtins->entries[bix].value;
      if (bix < (1 << 30)) {
        uint64_t version = globals->version & 0xFFFFFFFFFFFFull;
        cache[0] = static_cast<uint16_t>(version >> 32);
        cache[1] = static_cast<uint16_t>(version >> 16);
        cache[2] = static_cast<uint16_t>(version);
        cache[3] = static_cast<uint16_t>((2u << 14) | (bix >> 16));
        cache[4] = static_cast<uint16_t>(bix & 0xFFFF);
      }
    }
  }
  if (oparg & 1) PUSH(Value());
  PUSH(v);
  SKIP_CACHES(LOAD_GLOBAL);
  DISPATCH();
}
op_STORE_GLOBAL:
  CHECK(dict_set_str(ts, frame->globals, NAME(oparg), POP()));
  DISPATCH();
op_DELETE_GLOBAL: {
  int r = dict_del(ts, frame->globals, Value(NAME(oparg)));
  if (r < 0) goto error;
  if (r == 0) {
    name_error(ts, frame, NAME(oparg));
    goto error;
  }
  DISPATCH();
}

op_LOAD_ATTR: {
  Value owner = TOP();
  auto* cache = const_cast<uint16_t*>(next_instr);
  Value v = icache::load_attr_probe(owner, NAME(oparg), cache);
  FunctionObject* getter;
  if (!v && !(v = icache::load_attr_by_type(owner, NAME(oparg), cache, &getter))) {
    if (getter) {
      // A property with a Python getter: its frame's return value lands where the owner was (RETURN_VALUE
      // skips this instruction's caches).
      ENTER_RECURSION();
      SAVE_FRAME_REGISTERS();
      Frame* callee_frame = new_frame(ts, getter->code, getter, getter->globals, getter->builtins, Value());
      if (bind_simple(getter, callee_frame->localsplus, &owner, 1)) {
        sp--;
        frame->stack_top = sp;
        SWITCH_TO_FRAME(callee_frame);
      }
      ts.pop_frame(callee_frame);
      ts.recursion_depth--;
    }
    SAVE_FRAME_REGISTERS();
    v = icache::load_attr_slow(ts, owner, NAME(oparg), cache);
    CHECK(v);
  }
  TOP() = v;
  SKIP_CACHES(LOAD_ATTR);
  DISPATCH();
}
op_STORE_ATTR: {
  Value owner = TOP();
  Value v = SECOND();
  auto* cache = const_cast<uint16_t*>(next_instr);
  if (!icache::store_attr_probe(ts, owner, NAME(oparg), v, cache)) {
    SAVE_FRAME_REGISTERS();
    CHECK(icache::store_attr_slow(ts, owner, NAME(oparg), v, cache));
  }
  sp -= 2;
  SKIP_CACHES(STORE_ATTR);
  DISPATCH();
}
op_DELETE_ATTR:
  CHECK(set_attr(ts, TOP(), NAME(oparg), Value()));
  sp--;
  DISPATCH();
op_LOAD_METHOD: {
  Value obj = TOP();
  auto* cache = const_cast<uint16_t*>(next_instr);
  Value method;
  bool unbound;
  if (!icache::load_method_probe(obj, NAME(oparg), cache, &method, &unbound)) {
    SAVE_FRAME_REGISTERS();
    CHECK(icache::load_method_slow(ts, obj, NAME(oparg), cache, &method, &unbound));
  }
  if (unbound) {
    TOP() = method;
    PUSH(obj);
  } else {
    TOP() = Value();
    PUSH(method);
  }
  SKIP_CACHES(LOAD_METHOD);
  DISPATCH();
}

op_KW_NAMES:
  kwnames = static_cast<TupleObject*>(consts[oparg].as_object());
  DISPATCH();
op_PRECALL: {
  bool is_meth = bool(PEEK(oparg + 2));
  if (!is_meth) {
    Value callable = PEEK(oparg + 1);
    if (callable.is_object() && callable.as_object()->type == &bound_method_type) {
      auto* m = static_cast<BoundMethodObject*>(callable.as_object());
      PEEK(oparg + 2) = m->func;
      PEEK(oparg + 1) = m->self;
    }
  }
  SKIP_CACHES(PRECALL);
  DISPATCH();
}
op_CALL: {
  bool is_meth = bool(PEEK(oparg + 2));
  int total = oparg + (is_meth ? 1 : 0);
  Value callable = PEEK(total + 1);
  Value* args = sp - total;
  TupleObject* kw = kwnames;
  kwnames = nullptr;
  FunctionObject* func;
  bool init_call = false;
  if (callable.is_object() && callable.as_object()->type == &function_type) {
    func = static_cast<FunctionObject*>(callable.as_object());
  } else if (!is_meth && (func = inlinable_init(ts, callable))) {
    // The instance takes the place of the class (as __init__'s self) and of the NULL below it, where the
    // call's result belongs: RETURN_VALUE of an is_init frame leaves it there.
    Value instance = object_new(ts, static_cast<Type*>(callable.as_object()), {}, nullptr);
    PEEK(total + 2) = instance;
    PEEK(total + 1) = instance;
    args--;
    total++;
    init_call = true;
  } else {
    goto call_native;
  }
  {
    CodeObj* callee = func->code;
    // An inlined class call counts two levels, as CPython's does: type_call is reached through
    // _PyObject_MakeTpCall (one level) and __init__'s frame is the second. Both are released when the frame ends.
    ENTER_RECURSION_LEVELS(1 + init_call);
    SAVE_FRAME_REGISTERS();
    Frame* callee_frame = new_frame(ts, callee, func, func->globals, func->builtins, Value());
    if ((kw || !bind_simple(func, callee_frame->localsplus, args, total)) &&
        !bind_arguments(ts, func, callee_frame->localsplus, std::span<const Value>(args, static_cast<size_t>(total)),
                        kw)) {
      ts.pop_frame(callee_frame);
      ts.recursion_depth -= 1 + init_call;
      goto error;
    }
    sp -= oparg + 2;
    if (init_call) sp++;
    frame->stack_top = sp;
    callee_frame->is_init = init_call;
    SWITCH_TO_FRAME(callee_frame);
  }
call_native: {
  SAVE_FRAME_REGISTERS();
  Value res;
  if (total == 1 && !kw && is_builtin_len(callable)) {
    int64_t n = py_len(ts, args[0]);  // what b_len does once its one positional argument is checked
    res = n < 0 ? Value() : make_int(ts, n);
  } else {
    res = call(ts, callable, std::span<const Value>(args, static_cast<size_t>(total)), kw);
  }
  if (!res) goto error;
  sp -= oparg + 2;
  PUSH(res);
  SKIP_CACHES(CALL);
  DISPATCH();
}
}
op_CALL_FUNCTION_EX: {
  Value kwargs = (oparg & 1) ? POP() : Value();
  Value callargs = POP();
  Value func = TOP();
  TupleObject* kwn = nullptr;
  ListObject* keep = gather_call_ex_args(ts, func, callargs, kwargs, &kwn);
  CHECK(keep);
  // The call reads the arguments straight from the list's item array; nothing else refers to the list, and the
  // compiler need not keep its pointer anywhere the collector looks. The popped *args slot is part of the value
  // stack the collector scans, so the list (and its array) lives until the call returns.
  sp[0] = Value(keep);
  if (kwn) sp[1] = Value(kwn);  // likewise the keyword names, in the popped **kwargs slot
  SAVE_FRAME_REGISTERS();
  Value res = call(ts, func, keep->span(), kwn);
  CHECK(res);
  sp--;
  TOP() = res;
  DISPATCH();
}

op_BINARY_OP: {
  Value rhs = TOP();
  Value lhs = SECOND();
  Value res;
  if (Value::both_small_ints(lhs, rhs)) {
    int64_t a = lhs.as_small_int(), b = rhs.as_small_int();
    switch (oparg) {
      case kOpAdd:
      case kOpAdd + kBinaryOpCount: res = make_int(ts, a + b); goto binary_done;
      case kOpSub:
      case kOpSub + kBinaryOpCount: res = make_int(ts, a - b); goto binary_done;
      case kOpMul:
      case kOpMul + kBinaryOpCount: {
        int64_t r;
        if (!__builtin_mul_overflow(a, b, &r)) {
          res = make_int(ts, r);
          goto binary_done;
        }
        break;
      }
      case kOpAnd:
      case kOpAnd + kBinaryOpCount: res = Value::small_int(a & b); goto binary_done;
      case kOpOr:
      case kOpOr + kBinaryOpCount: res = Value::small_int(a | b); goto binary_done;
      case kOpXor:
      case kOpXor + kBinaryOpCount: res = Value::small_int(a ^ b); goto binary_done;
      case kOpFloorDiv:
      case kOpFloorDiv + kBinaryOpCount:
        if (b > 0) {
          int64_t q = a / b;
          if ((a % b) != 0 && a < 0) q--;
          res = Value::small_int(q);
          goto binary_done;
        }
        break;
      case kOpMod:
      case kOpMod + kBinaryOpCount:
        if (b > 0) {
          int64_t r = a % b;
          if (r < 0) r += b;
          res = Value::small_int(r);
          goto binary_done;
        }
        break;
      case kOpTrueDiv:
      case kOpTrueDiv + kBinaryOpCount: {
        // Both exactly representable as doubles: one IEEE division is the correctly rounded quotient.
        constexpr int64_t kExact = int64_t{1} << 53;
        if (b != 0 && a <= kExact && a >= -kExact && b <= kExact && b >= -kExact) {
          res = float_result(ts, static_cast<double>(a) / static_cast<double>(b));
          goto binary_done;
        }
        break;
      }
      default: break;
    }
  } else if (lhs.is_flonum() && rhs.is_flonum()) {
    // The common float case first, without the boxed-float and int-operand checks below.
    double a = lhs.flonum_value(), b = rhs.flonum_value();
    switch (oparg) {
      case kOpAdd:
      case kOpAdd + kBinaryOpCount: res = float_result(ts, a + b); goto binary_done;
      case kOpSub:
      case kOpSub + kBinaryOpCount: res = float_result(ts, a - b); goto binary_done;
      case kOpMul:
      case kOpMul + kBinaryOpCount: res = float_result(ts, a * b); goto binary_done;
      case kOpTrueDiv:
      case kOpTrueDiv + kBinaryOpCount:
        if (b != 0.0) {
          res = float_result(ts, a / b);
          goto binary_done;
        }
        break;
      default: break;
    }
  } else if ((is_exact_float(lhs) || lhs.is_small_int()) && (is_exact_float(rhs) || rhs.is_small_int())) {
    // float op float, or float op small int (exactly converted: small ints beyond 2**53 take the slow path).
    constexpr int64_t kExact = int64_t{1} << 53;
    auto exact = [&](Value v) { return !v.is_small_int() || (v.as_small_int() <= kExact && v.as_small_int() >= -kExact); };
    if (!exact(lhs) || !exact(rhs)) goto binary_slow;
    double a = lhs.is_small_int() ? static_cast<double>(lhs.as_small_int()) : float_value(lhs);
    double b = rhs.is_small_int() ? static_cast<double>(rhs.as_small_int()) : float_value(rhs);
    switch (oparg % kBinaryOpCount) {
      case kOpAdd: res = float_result(ts, a + b); goto binary_done;
      case kOpSub: res = float_result(ts, a - b); goto binary_done;
      case kOpMul: res = float_result(ts, a * b); goto binary_done;
      case kOpTrueDiv:
        if (b != 0.0) {
          res = float_result(ts, a / b);
          goto binary_done;
        }
        break;
      default: break;
    }
  } else if ((oparg == kOpAdd || oparg == kOpAdd + kBinaryOpCount) && is_str(lhs) && is_str(rhs) &&
             type_of(lhs) == &str_type && type_of(rhs) == &str_type) {
    res = str_concat(ts, as_str(lhs), as_str(rhs));
    goto binary_done;
  }
binary_slow:
  if (FunctionObject* method = python_binary_method(ts, lhs, rhs, oparg)) {
    // A dunder written in Python runs as a frame of this loop, not a nested one. The operands stay on this
    // frame's stack (rooted, and at hand for the error when the method answers NotImplemented); RETURN_VALUE
    // replaces them with the result.
    ENTER_RECURSION();
    SAVE_FRAME_REGISTERS();
    Frame* callee_frame = new_frame(ts, method->code, method, method->globals, method->builtins, Value());
    if (bind_simple(method, callee_frame->localsplus, sp - 2, 2)) {
      callee_frame->is_binop = true;
      SWITCH_TO_FRAME(callee_frame);
    }
    ts.pop_frame(callee_frame);
    ts.recursion_depth--;
  }
  SAVE_FRAME_REGISTERS();
  res = binary_op(ts, lhs, rhs, oparg);
  CHECK(res);
binary_done:
  sp--;
  TOP() = res;
  SKIP_CACHES(BINARY_OP);
  DISPATCH();
}
op_UNARY_NEGATIVE: {
  Value v = TOP();
  Value r = v.is_small_int() ? make_int(ts, -v.as_small_int()) : unary_negative(ts, v);
  CHECK(r);
  TOP() = r;
  DISPATCH();
}
op_UNARY_POSITIVE: {
  Value r = unary_positive(ts, TOP());
  CHECK(r);
  TOP() = r;
  DISPATCH();
}
op_UNARY_INVERT: {
  Value r = unary_invert(ts, TOP());
  CHECK(r);
  TOP() = r;
  DISPATCH();
}
op_UNARY_NOT: {
  int t = py_truth(ts, TOP());
  if (t < 0) goto error;
  TOP() = Bool(!t);
  DISPATCH();
}
op_COMPARE_OP: {
  Value rhs = TOP();
  Value lhs = SECOND();
  bool outcome;
  if (Value::both_small_ints(lhs, rhs)) {
    outcome = compare_numbers(lhs.as_small_int(), rhs.as_small_int(), oparg);
  } else if (lhs.is_flonum() && rhs.is_flonum()) {
    outcome = compare_numbers(lhs.flonum_value(), rhs.flonum_value(), oparg);
  } else {
    SAVE_FRAME_REGISTERS();
    Value res = rich_compare(ts, lhs, rhs, oparg);
    CHECK(res);
    sp--;
    TOP() = res;
    SKIP_CACHES(COMPARE_OP);
    DISPATCH();
  }
  sp -= 2;
  SKIP_CACHES(COMPARE_OP);
  {
    // As 3.11's COMPARE_OP_INT_JUMP/FLOAT_JUMP: a number comparison feeding a conditional jump takes the jump
    // at once, without making the bool. The jump runs exactly as its own handler would (breaker included).
    uint16_t word = *next_instr;
    int jump_arg = word >> 8;
    switch (word & 0xFF) {
      case static_cast<int>(Opcode::POP_JUMP_FORWARD_IF_FALSE):
        next_instr++;
        if (!outcome) next_instr += jump_arg;
        DISPATCH();
      case static_cast<int>(Opcode::POP_JUMP_FORWARD_IF_TRUE):
        next_instr++;
        if (outcome) next_instr += jump_arg;
        DISPATCH();
      case static_cast<int>(Opcode::POP_JUMP_BACKWARD_IF_FALSE):
      case static_cast<int>(Opcode::POP_JUMP_BACKWARD_IF_TRUE):
        next_instr++;
        if (outcome == ((word & 0xFF) == static_cast<int>(Opcode::POP_JUMP_BACKWARD_IF_TRUE))) {
          next_instr -= jump_arg;
          CHECK_BACKWARD_BREAKER();
        }
        DISPATCH();
      default:
        PUSH(Bool(outcome));
        DISPATCH();
    }
  }
}
op_IS_OP: {
  bool r = (SECOND() == TOP()) != (oparg != 0);
  sp--;
  TOP() = Bool(r);
  DISPATCH();
}
op_CONTAINS_OP: {
  SAVE_FRAME_REGISTERS();
  int r = contains(ts, TOP(), SECOND());
  if (r < 0) goto error;
  sp--;
  TOP() = Bool((r != 0) != (oparg != 0));
  DISPATCH();
}

op_BINARY_SUBSCR: {
  Value sub = TOP();
  Value container = SECOND();
  Value res;
  if (sub.is_small_int() && container.is_object() && container.as_object()->type == &list_type) {
    auto* l = static_cast<ListObject*>(container.as_object());
    int64_t i = sub.as_small_int();
    if (i < 0) i += l->size;
    if (i >= 0 && i < l->size) {
      res = l->items[i];
      goto subscr_done;
    }
  }
  SAVE_FRAME_REGISTERS();
  res = get_item(ts, container, sub);
  CHECK(res);
subscr_done:
  sp--;
  TOP() = res;
  SKIP_CACHES(BINARY_SUBSCR);
  DISPATCH();
}
op_STORE_SUBSCR: {
  Value sub = TOP();
  Value container = SECOND();
  Value v = THIRD();
  if (sub.is_small_int() && container.is_object() && container.as_object()->type == &list_type) {
    auto* l = static_cast<ListObject*>(container.as_object());
    int64_t i = sub.as_small_int();
    if (i < 0) i += l->size;
    if (i >= 0 && i < l->size) {
      l->items[i] = v;
      sp -= 3;
      SKIP_CACHES(STORE_SUBSCR);
      DISPATCH();
    }
  }
  SAVE_FRAME_REGISTERS();
  CHECK(set_item(ts, container, sub, v));
  sp -= 3;
  SKIP_CACHES(STORE_SUBSCR);
  DISPATCH();
}
op_DELETE_SUBSCR:
  SAVE_FRAME_REGISTERS();
  CHECK(del_item(ts, SECOND(), TOP()));
  sp -= 2;
  DISPATCH();
op_BUILD_SLICE: {
  Value step = oparg == 3 ? POP() : None();
  Value stop = POP();
  Value start = TOP();
  TOP() = make_slice(ts, start, stop, step);
  DISPATCH();
}

op_BUILD_TUPLE: {
  TupleObject* t = minipy::make_tuple(ts, std::span<const Value>(sp - oparg, static_cast<size_t>(oparg)));
  sp -= oparg;
  PUSH(Value(t));
  DISPATCH();
}
op_BUILD_LIST: {
  ListObject* l = make_list(ts, std::span<const Value>(sp - oparg, static_cast<size_t>(oparg)));
  sp -= oparg;
  PUSH(Value(l));
  DISPATCH();
}
op_BUILD_SET: {
  Value s = make_set(ts, &set_type);
  for (int i = oparg; i > 0; i--) CHECK(set_add(ts, s, PEEK(i)));
  sp -= oparg;
  PUSH(s);
  DISPATCH();
}
op_BUILD_MAP: {
  DictObject* d = make_dict(ts, oparg);
  for (int i = oparg; i > 0; i--) CHECK(dict_set(ts, d, PEEK(2 * i), PEEK(2 * i - 1)));
  sp -= 2 * oparg;
  PUSH(Value(d));
  DISPATCH();
}
op_BUILD_CONST_KEY_MAP: {
  auto* keys = static_cast<TupleObject*>(TOP().as_object());
  DictObject* d = make_dict(ts, oparg);
  for (int i = 0; i < oparg; i++) CHECK(dict_set(ts, d, keys->items[i], PEEK(oparg + 1 - i)));
  sp -= oparg + 1;
  PUSH(Value(d));
  DISPATCH();
}
op_BUILD_STRING: {
  Value joined = join_strings(ts, sp - oparg, oparg);
  sp -= oparg;
  PUSH(joined);
  DISPATCH();
}
op_LIST_APPEND: {
  Value v = POP();
  CHECK(list_append(ts, static_cast<ListObject*>(PEEK(oparg).as_object()), v));
  DISPATCH();
}
op_SET_ADD: {
  Value v = POP();
  CHECK(set_add(ts, PEEK(oparg), v));
  DISPATCH();
}
op_MAP_ADD: {
  Value value = POP();
  Value key = POP();
  CHECK(dict_set(ts, static_cast<DictObject*>(PEEK(oparg).as_object()), key, value));
  DISPATCH();
}
op_LIST_EXTEND: {
  Value iterable = TOP();
  auto* l = static_cast<ListObject*>(PEEK(oparg + 1).as_object());
  if (!list_extend(ts, l, iterable)) {
    if (exception_matches(ts.current_exception, &TypeError_type) && !type_of(iterable)->iter &&
        !type_of(iterable)->getitem) {
      ts.current_exception = Value();
      raise_fmt(ts, TypeError_type, "Value after * must be an iterable, not {}", type_name(iterable));
    }
    goto error;
  }
  sp--;
  DISPATCH();
}
op_SET_UPDATE: {
  Value iterable = TOP();
  CHECK(set_update(ts, PEEK(oparg + 1), iterable));  // set_merge's layout from a frozenset constant
  sp--;
  DISPATCH();
}
op_DICT_UPDATE: {
  Value update = TOP();
  auto* d = static_cast<DictObject*>(PEEK(oparg + 1).as_object());
  if (!dict_update(ts, d, update)) {
    if (exception_matches(ts.current_exception, &AttributeError_type) ||
        (exception_matches(ts.current_exception, &TypeError_type) && !is_dict(update) &&
         !type_of(update)->getitem)) {
      ts.current_exception = Value();
      raise_fmt(ts, TypeError_type, "'{}' object is not a mapping", type_name(update));
    }
    goto error;
  }
  sp--;
  DISPATCH();
}
op_DICT_MERGE: {
  Value update = TOP();
  auto* d = static_cast<DictObject*>(PEEK(oparg + 1).as_object());
  Value func = PEEK(oparg + 3);  // below the dict: the args tuple, then the callable
  CHECK(dict_merge_strict(ts, d, update, func));
  sp--;
  DISPATCH();
}
op_LIST_TO_TUPLE:
  TOP() = list_to_tuple(ts, static_cast<ListObject*>(TOP().as_object()));
  DISPATCH();
op_UNPACK_SEQUENCE: {
  Value seq = POP();
  if (seq.is_object() && seq.as_object()->type == &tuple_type &&
      static_cast<TupleObject*>(seq.as_object())->size == oparg) {
    auto* t = static_cast<TupleObject*>(seq.as_object());
    for (int i = oparg; i > 0; i--) PUSH(t->items[i - 1]);
    SKIP_CACHES(UNPACK_SEQUENCE);
    DISPATCH();
  }
  SAVE_FRAME_REGISTERS();
  CHECK(unpack_iterable(ts, seq, oparg, -1, sp));
  sp += oparg;
  SKIP_CACHES(UNPACK_SEQUENCE);
  DISPATCH();
}
op_UNPACK_EX: {
  Value seq = POP();
  int before = oparg & 0xFF, after = oparg >> 8;
  SAVE_FRAME_REGISTERS();
  CHECK(unpack_iterable(ts, seq, before, after, sp));
  sp += before + after + 1;
  DISPATCH();
}
op_GET_ITER: {
  Value it = get_iter(ts, TOP());
  CHECK(it);
  TOP() = it;
  DISPATCH();
}
op_FOR_ITER: {
  Value it = TOP();
  Value v;
  Type* t = type_of(it);
  if (t == &range_iterator_type) {
    auto* r = static_cast<RangeIterObject*>(it.as_object());
    if (r->remaining > 0) {
      r->remaining--;
      v = make_int(ts, r->next);
      r->next += r->step;
    }
  } else if (t == &list_iterator_type) {
    auto* li = static_cast<SeqIterObject*>(it.as_object());
    if (li->seq) {
      auto* l = static_cast<ListObject*>(li->seq.as_object());
      if (li->index < l->size) v = l->items[li->index++];
      else li->seq = Value();
    }
  } else if (t == &generator_type && (static_cast<GeneratorObject*>(it.as_object())->state == GenState::kCreated ||
                                      static_cast<GeneratorObject*>(it.as_object())->state == GenState::kSuspended)) {
    // Resume the generator's frame inline: its YIELD_VALUE pushes the value here, its return ends the loop.
    ENTER_RECURSION();
    SAVE_FRAME_REGISTERS();
    auto* gen = static_cast<GeneratorObject*>(it.as_object());
    generator_enter(ts, gen, None());
    gen->frame.is_entry = false;
    SWITCH_TO_FRAME(&gen->frame);
  } else {
    SAVE_FRAME_REGISTERS();
    // GET_ITER made TOS an iterator, except in a comprehension, whose `.0` argument comes from its caller: a
    // damaged pyc could pass anything there.
    if (!t->iternext) {
      raise_fmt(ts, TypeError_type, "'{}' object is not an iterator", t->name->view());
      goto error;
    }
    v = t->iternext(ts, it);
    if (!v) {
      if (ts.current_exception) {
        if (!exception_matches(ts.current_exception, &StopIteration_type)) goto error;
        ts.current_exception = Value();
      }
    }
  }
  if (v) {
    PUSH(v);
    DISPATCH();
  }
  sp--;
  next_instr += oparg;
  DISPATCH();
}
op_GET_LEN: {
  int64_t n = py_len(ts, TOP());
  if (n < 0) goto error;
  PUSH(make_int(ts, n));
  DISPATCH();
}

op_JUMP_FORWARD:
  next_instr += oparg;
  DISPATCH();
op_JUMP_BACKWARD:
  // Signals are handled before the jump, so an exception they raise (KeyboardInterrupt) is located at this
  // instruction, the loop's line, as CPython's prev_instr places it.
  if (ts.eval_breaker) {
    SAVE_FRAME_REGISTERS();
    CHECK(handle_eval_breaker(ts));
  }
  next_instr -= oparg;
  DISPATCH();
op_JUMP_BACKWARD_NO_INTERRUPT:
  next_instr -= oparg;
  DISPATCH();

#define POP_JUMP_IF_BOOL(label, sign, when_true)     \
  label : {                                          \
    Value v = POP();                                 \
    int t;                                           \
    if (v == True()) t = 1;                          \
    else if (v == False()) t = 0;                    \
    else {                                           \
      t = py_truth(ts, v);                           \
      if (t < 0) goto error;                         \
    }                                                \
    if (t == (when_true)) {                          \
      next_instr sign## = oparg;                     \
      if (#sign[0] == '-') CHECK_BACKWARD_BREAKER(); \
    }                                                \
    DISPATCH();                                      \
  }
  POP_JUMP_IF_BOOL(op_POP_JUMP_FORWARD_IF_FALSE, +, 0)
  POP_JUMP_IF_BOOL(op_POP_JUMP_FORWARD_IF_TRUE, +, 1)
  POP_JUMP_IF_BOOL(op_POP_JUMP_BACKWARD_IF_FALSE, -, 0)
  POP_JUMP_IF_BOOL(op_POP_JUMP_BACKWARD_IF_TRUE, -, 1)
op_POP_JUMP_FORWARD_IF_NONE:
  if (is_none(POP())) next_instr += oparg;
  DISPATCH();
op_POP_JUMP_FORWARD_IF_NOT_NONE:
  if (!is_none(POP())) next_instr += oparg;
  DISPATCH();
op_POP_JUMP_BACKWARD_IF_NONE:
  if (is_none(POP())) {
    next_instr -= oparg;
    CHECK_BACKWARD_BREAKER();
  }
  DISPATCH();
op_POP_JUMP_BACKWARD_IF_NOT_NONE:
  if (!is_none(POP())) {
    next_instr -= oparg;
    CHECK_BACKWARD_BREAKER();
  }
  DISPATCH();
op_JUMP_IF_FALSE_OR_POP: {
  int t = py_truth(ts, TOP());
  if (t < 0) goto error;
  if (!t) next_instr += oparg;
  else sp--;
  DISPATCH();
}
op_JUMP_IF_TRUE_OR_POP: {
  int t = py_truth(ts, TOP());
  if (t < 0) goto error;
  if (t) next_instr += oparg;
  else sp--;
  DISPATCH();
}

op_RETURN_VALUE: {
  retval = POP();
return_to_caller:
  ts.recursion_depth -= 1 + frame->is_init;  // an inlined __init__ holds its class call's level too (see CALL)
  if (frame->is_entry) {
    ts.current_frame = frame->previous;
    if (!frame->generator) ts.pop_frame(frame);
    return retval;
  }
  if (frame->generator) {
    // A generator FOR_ITER resumed inline has finished: the loop is over (the return value is dropped).
    generator_leave(ts, frame->generator, true);
    frame = frame->previous;
    ts.current_frame = frame;
    LOAD_FRAME_REGISTERS();
    sp--;
    next_instr += for_iter_oparg(next_instr);
    DISPATCH();
  }
  Frame* caller = frame->previous;
  bool init_returned = frame->is_init;
  bool binop_returned = frame->is_binop;
  ts.pop_frame(frame);
  frame = caller;
  ts.current_frame = frame;
  LOAD_FRAME_REGISTERS();
  if (binop_returned) [[unlikely]] {
    // The operands are still below (see BINARY_OP); its oparg is in the instruction before the caches.
    if (retval == NotImplemented()) {
      retval = binary_op_not_implemented(ts, SECOND(), TOP(), next_instr[-1] >> 8);
      CHECK(retval);
    }
    sp--;
    TOP() = retval;
    next_instr += kCacheCounts[next_instr[-1] & 0xFF];
    DISPATCH();
  }
  if (init_returned) [[unlikely]] {
    // The instance is already where the result goes (see CALL).
    if (!is_none(retval)) {
      raise_fmt(ts, TypeError_type, "__init__() should return None, not '{}'", type_name(retval));
      goto error;
    }
    next_instr += kCacheCounts[next_instr[-1] & 0xFF];
    DISPATCH();
  }
  next_instr += kCacheCounts[next_instr[-1] & 0xFF];
  PUSH(retval);
  DISPATCH();
}

op_MAKE_FUNCTION: {
  auto* fcode = static_cast<CodeObj*>(POP().as_object());
  Value fn = make_function(ts, frame, fcode);
  auto* f = static_cast<FunctionObject*>(fn.as_object());
  if (oparg & 0x08) f->closure = static_cast<TupleObject*>(POP().as_object());
  if (oparg & 0x04) f->annotations = POP();
  if (oparg & 0x02) f->kwdefaults = static_cast<DictObject*>(POP().as_object());
  if (oparg & 0x01) f->defaults = static_cast<TupleObject*>(POP().as_object());
  PUSH(fn);
  DISPATCH();
}
op_COPY: {
  Value v = PEEK(oparg);
  PUSH(v);
  DISPATCH();
}
op_SWAP:
  std::swap(TOP(), PEEK(oparg));
  DISPATCH();
op_FORMAT_VALUE: {
  Value spec = (oparg & 4) ? POP() : Value();
  Value v = TOP();
  SAVE_FRAME_REGISTERS();
  Value r = format_value(ts, v, oparg & 3, spec);
  CHECK(r);
  TOP() = r;
  DISPATCH();
}
op_LOAD_ASSERTION_ERROR:
  PUSH(Value(&AssertionError_type));
  DISPATCH();
op_RAISE_VARARGS: {
  SAVE_FRAME_REGISTERS();
  if (oparg == 0) {
    Value exc = ts.handled_exception();
    if (!exc || is_none(exc)) {
      raise(ts, RuntimeError_type, "No active exception to reraise");
      goto error;
    }
    ts.current_exception = exc;
    goto exception_unwind;
  }
  Value cause = oparg == 2 ? POP() : Value();
  Value exc = POP();
  raise_object(ts, exc, cause);
  goto error;
}

op_MAKE_CELL: {
  Value initial = localsplus[oparg];
  localsplus[oparg] = make_cell(ts, initial);
  DISPATCH();
}
op_LOAD_CLOSURE:
  PUSH(localsplus[oparg]);
  DISPATCH();
op_LOAD_DEREF: {
  Value v = static_cast<CellObject*>(localsplus[oparg].as_object())->ref;
  if (!v) {
    unbound_deref(ts, code, oparg);
    goto error;
  }
  PUSH(v);
  DISPATCH();
}
op_LOAD_CLASSDEREF: {
  StrObject* name = as_str(code->localsplusnames->items[oparg]);
  Value v;
  if (is_dict(frame->locals)) v = dict_get_str(static_cast<DictObject*>(frame->locals.as_object()), name);
  if (!v) v = static_cast<CellObject*>(localsplus[oparg].as_object())->ref;
  if (!v) {
    unbound_deref(ts, code, oparg);
    goto error;
  }
  PUSH(v);
  DISPATCH();
}
op_STORE_DEREF:
  static_cast<CellObject*>(localsplus[oparg].as_object())->ref = POP();
  DISPATCH();
op_DELETE_DEREF: {
  auto* cell = static_cast<CellObject*>(localsplus[oparg].as_object());
  if (!cell->ref) {
    unbound_deref(ts, code, oparg);
    goto error;
  }
  cell->ref = Value();
  DISPATCH();
}
op_COPY_FREE_VARS: {
  TupleObject* closure = frame->func->closure;
  int offset = code->nlocalsplus - oparg;
  for (int i = 0; i < oparg; i++) localsplus[offset + i] = closure->items[i];
  DISPATCH();
}

op_PUSH_EXC_INFO: {
  Value exc = TOP();
  Value previous = ts.exc_info->exc_value;
  TOP() = previous ? previous : None();
  ts.exc_info->exc_value = exc;
  PUSH(exc);
  DISPATCH();
}
op_POP_EXCEPT: {
  Value v = POP();
  ts.exc_info->exc_value = is_none(v) ? Value() : v;
  DISPATCH();
}
op_CHECK_EXC_MATCH: {
  Value spec = TOP();
  Value exc = SECOND();
  CHECK(check_except_type(ts, spec));
  TOP() = Bool(exc_matches_spec(exc, spec));
  DISPATCH();
}
op_RERAISE: {
  Value exc = POP();
  if (oparg) {
    Value lasti = PEEK(oparg);
    // Only the lasti a later handler sees changes: the handler lookup still uses this RERAISE's own offset
    // (as CPython, whose exception_unwind reads next_instr, not the restored prev_instr).
    if (lasti.is_small_int()) reraise_lasti = static_cast<int>(lasti.as_small_int());
  }
  ts.current_exception = exc;
  goto exception_unwind;
}
op_LOAD_BUILD_CLASS: {
  Value bc = dict_get_str(frame->builtins, ts.interp->names.build_class);
  if (!bc) {
    raise(ts, NameError_type, "__build_class__ not found");
    goto error;
  }
  PUSH(bc);
  DISPATCH();
}
op_BEFORE_WITH: {
  Value mgr = TOP();
  Type* t = type_of(mgr);
  Value enter = type_lookup(t, ts.interp->names.enter);
  Value exit = type_lookup(t, ts.interp->names.exit);
  if (!enter || !exit) {
    raise_fmt(ts, TypeError_type, "'{}' object does not support the context manager protocol", t->name->view());
    goto error;
  }
  Value bound_exit = type_of(exit)->descr_get ? type_of(exit)->descr_get(ts, exit, mgr, Value(t)) : exit;
  CHECK(bound_exit);
  TOP() = bound_exit;
  SAVE_FRAME_REGISTERS();
  // A function gets the manager as its first argument; any other descriptor (unittest.mock's MagicProxy) is
  // bound through its __get__ first.
  bool enter_is_function = type_of(enter) == &function_type;
  if (!enter_is_function && type_of(enter)->descr_get) {
    enter = type_of(enter)->descr_get(ts, enter, mgr, Value(t));
    CHECK(enter);
  }
  Value r = enter_is_function ? call(ts, enter, std::span<const Value>(&mgr, 1)) : call(ts, enter, {});
  CHECK(r);
  PUSH(r);
  DISPATCH();
}
op_WITH_EXCEPT_START: {
  // Stack: exit_func, lasti, prev_exc, exc
  Value exc = TOP();
  Value exit_func = PEEK(4);
  Value args[3] = {Value(type_of(exc)), exc, static_cast<ExceptionObject*>(exc.as_object())->traceback};
  SAVE_FRAME_REGISTERS();
  Value r = call(ts, exit_func, args);
  CHECK(r);
  PUSH(r);
  DISPATCH();
}
op_IMPORT_NAME: {
  Value fromlist = POP();
  Value level = TOP();
  SAVE_FRAME_REGISTERS();
  Value m = import_statement(ts, frame, Value(NAME(oparg)), fromlist, level);
  CHECK(m);
  TOP() = m;
  DISPATCH();
}
op_IMPORT_FROM: {
  SAVE_FRAME_REGISTERS();
  Value v = import_from(ts, TOP(), NAME(oparg));
  CHECK(v);
  PUSH(v);
  DISPATCH();
}
op_IMPORT_STAR: {
  Value m = POP();
  SAVE_FRAME_REGISTERS();
  CHECK(import_star(ts, frame, m));
  DISPATCH();
}
op_SETUP_ANNOTATIONS: {
  if (is_dict(frame->locals)) {
    auto* d = static_cast<DictObject*>(frame->locals.as_object());
    if (!dict_get_str(d, ts.interp->names.annotations))
      CHECK(dict_set_str(ts, d, ts.interp->names.annotations, Value(make_dict(ts))));
  }
  DISPATCH();
}
op_PRINT_EXPR: {
  Value v = POP();
  CHECK(display_interactive_value(ts, v));  // sys.displayhook (stdlib/native/sys.cpp)
  DISPATCH();
}

op_RETURN_GENERATOR:
  // The generator takes a copy of this frame; the call then returns it like any other value.
  SAVE_FRAME_REGISTERS();
  retval = make_generator(ts, frame);
  goto return_to_caller;
op_YIELD_VALUE: {
  // Generator frames always run as entry frames (CPython 3.11 does the same): yielding returns to gen_send_ex.
  retval = POP();
  SAVE_FRAME_REGISTERS();
  generator_suspended(frame->generator);
  ts.recursion_depth--;
  if (frame->is_entry) {
    ts.current_frame = frame->previous;
    return retval;
  }
  generator_leave(ts, frame->generator, true);
  frame = frame->previous;
  ts.current_frame = frame;
  LOAD_FRAME_REGISTERS();
  PUSH(retval);
  DISPATCH();
}
op_SEND: {
  Value arg = POP();
  SAVE_FRAME_REGISTERS();
  Value out;
  int r = send_to_delegate(ts, TOP(), arg, &out);
  if (r < 0) goto error;
  if (r == 0) {
    TOP() = out;
    next_instr += oparg;
  } else {
    PUSH(out);
  }
  DISPATCH();
}
op_GET_YIELD_FROM_ITER: {
  Value it = yield_from_iter(ts, TOP());
  CHECK(it);
  TOP() = it;
  DISPATCH();
}

// ---- coroutines (helpers in vm/objects/coroutine.cpp and async_generator.cpp) ----
op_GET_AWAITABLE: {
  SAVE_FRAME_REGISTERS();
  Value it = get_awaitable(ts, TOP(), oparg);
  CHECK(it);
  TOP() = it;
  DISPATCH();
}
op_GET_AITER: {
  SAVE_FRAME_REGISTERS();
  Value it = get_aiter(ts, TOP());
  CHECK(it);
  TOP() = it;
  DISPATCH();
}
op_GET_ANEXT: {
  SAVE_FRAME_REGISTERS();
  Value awaitable = get_anext_awaitable(ts, TOP());
  CHECK(awaitable);
  PUSH(awaitable);
  DISPATCH();
}
op_END_ASYNC_FOR: {
  // StopAsyncIteration from __anext__() ends the loop; anything else propagates (no new traceback entry).
  Value exc = POP();
  if (exception_matches(exc, &StopAsyncIteration_type)) {
    (void)POP();
    DISPATCH();
  }
  ts.current_exception = exc;
  goto exception_unwind;
}
op_BEFORE_ASYNC_WITH: {
  SAVE_FRAME_REGISTERS();
  Value exit;
  Value r = before_async_with(ts, TOP(), &exit);
  CHECK(r);
  TOP() = exit;
  PUSH(r);
  DISPATCH();
}
op_ASYNC_GEN_WRAP:
  TOP() = async_gen_wrap(ts, TOP());
  DISPATCH();

// ---- pattern matching (helpers in vm/objects/pattern_match.cpp) ----
op_MATCH_MAPPING: {
  Value r = match_mapping(ts, TOP());
  CHECK(r);
  PUSH(r);
  DISPATCH();
}
op_MATCH_SEQUENCE: {
  Value r = match_sequence(ts, TOP());
  CHECK(r);
  PUSH(r);
  DISPATCH();
}
op_MATCH_KEYS: {
  SAVE_FRAME_REGISTERS();
  Value r = match_keys(ts, SECOND(), TOP());
  CHECK(r);
  PUSH(r);
  DISPATCH();
}
op_MATCH_CLASS: {
  // [subject, cls, names] -> [attributes tuple or None]
  SAVE_FRAME_REGISTERS();
  Value r = match_class(ts, THIRD(), SECOND(), TOP(), oparg);
  CHECK(r);
  sp -= 2;
  TOP() = r;
  DISPATCH();
}

// ---- except* (helpers in vm/objects/exception_group.cpp) ----
op_CHECK_EG_MATCH: {
  SAVE_FRAME_REGISTERS();
  Value rest, match;
  CHECK(check_eg_match(ts, SECOND(), TOP(), &rest, &match));
  SECOND() = rest;
  TOP() = match;
  DISPATCH();
}
op_PREP_RERAISE_STAR: {
  SAVE_FRAME_REGISTERS();
  Value r = prep_reraise_star(ts, SECOND(), TOP());
  CHECK(r);
  sp--;
  TOP() = r;
  DISPATCH();
}

unknown_opcode:
  raise_fmt(ts, SystemError_type, "unknown opcode {}", opcode);
  goto error;

error:
  // The exception passes through this frame: record it in the traceback.
  traceback_here(ts, code, LASTI());
exception_unwind: {
  int lasti = LASTI();
  std::optional<ExceptionTableEntry> handler = find_exception_handler(code->src().exceptiontable, lasti);
  if (handler) {
    Value exc = ts.current_exception;
    ts.current_exception = Value();
    sp = frame->stack_base() + handler->depth;
    if (handler->lasti) PUSH(Value::small_int(reraise_lasti >= 0 ? reraise_lasti : lasti));
    reraise_lasti = -1;
    PUSH(exc);
    next_instr = first_instr + handler->target;
    kwnames = nullptr;
    DISPATCH();
  }
  reraise_lasti = -1;
  ts.recursion_depth -= 1 + frame->is_init;
  if (frame->is_entry) {
    ts.current_frame = frame->previous;
    if (!frame->generator) ts.pop_frame(frame);
    return Value();
  }
  Frame* caller = frame->previous;
  if (frame->generator) generator_leave(ts, frame->generator, false);  // resumed inline by FOR_ITER
  else ts.pop_frame(frame);
  frame = caller;
  ts.current_frame = frame;
  LOAD_FRAME_REGISTERS();
  goto error;
}
}

}  // namespace

// Runs the loop; an allocation that fails inside it (std::bad_alloc from the heap or a C++ container, past the
// native-call boundaries that turn it into MemoryError themselves) leaves the frames from the innermost up to
// `entry` as an exception would, and MemoryError is raised to entry's caller (see vm/memory/out_of_memory.h).
Value resume_frame(ThreadState& ts, Frame* entry, bool throwing) {
  try {
    return resume_frame_loop(ts, entry, throwing);
  } catch (const std::bad_alloc&) {
    unwind_frames_after_bad_alloc(ts, entry);
    return raise(ts, MemoryError_type, "");
  }
}

Value run_frame(ThreadState& ts, Frame* entry) { return resume_frame(ts, entry, false); }

}  // namespace minipy
