// The interpreter loop's out-of-line helpers (declared in eval_support.h): the work of opcodes that needs C++
// objects with destructors (std::string, std::vector) or is too big and cold to sit in the loop.
#include "vm/interp/eval_support.h"

#include <string>
#include <vector>

#include "vm/errors/suggestions.h"
#include "vm/import/import.h"
#include "vm/interp/builtins.h"
#include "vm/memory/out_of_memory.h"

namespace minipy::eval_support {

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

// CALL of a method descriptor that direct_method_descriptor accepted: its native function with the receiver as
// self, as descriptor_call would end up calling it. A refused allocation is MemoryError here, as in call().
Value call_method_descriptor(ThreadState& ts, const MethodDescriptorObject* d, const Value* args, int total,
                             TupleObject* kwnames) {
  std::span<const Value> rest(args + 1, static_cast<size_t>(total - 1));
  return catching_bad_alloc(ts, [&] { return d->def->fn(ts, args[0], rest, kwnames); });
}

// range(stop) or range(start, stop) of small ints (what range_new computes once its arguments are checked).
Value small_range(ThreadState& ts, const Value* args, int total) {
  int64_t start = total == 2 ? args[0].as_small_int() : 0;
  return catching_bad_alloc(ts, [&] { return make_range(ts, start, args[total - 1].as_small_int(), 1); });
}

// 3.11's wording (the "referenced before assignment" message ended with 3.10).
Value unbound_local(ThreadState& ts, CodeObj* code, int index) {
  return raise_fmt(ts, UnboundLocalError_type, "cannot access local variable '{}' where it is not associated with a value",
                   as_str(code->localsplusnames->items[index])->view());
}

// An empty cell of the function's own (a local captured by an inner function) is an UnboundLocalError; an empty free
// variable belongs to an enclosing scope and is a NameError, as ceval.c's format_exc_unbound.
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
  // The suggestion must be computed here: by the time the traceback is printed the frame is gone, and CPython 3.11
  // likewise looks at the frame's locals, globals and builtins when printing, which only works because it keeps the
  // frame in the traceback.
  StrObject* suggestion = suggest_for_name(ts, frame, name);
  // NameError's fields (vm/objects/exceptions.cpp): its name, and the suggestion for the traceback.
  Value fields[2] = {Value(name), suggestion ? Value(suggestion) : None()};
  static_cast<ExceptionObject*>(ts.current_exception.as_object())->extra = Value(make_tuple(ts, fields));
  return Value();
}

// The items are written straight into the frame's value stack above the saved top. They stay alive while the iterator
// runs Python code because the collector scans a frame's whole value-stack area (up to co_stacksize) conservatively
// (mark_roots in interpreter.cpp).
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

// `except X:` checks X when an exception arrives, not when the try starts (CHECK_EXC_MATCH), so a bad X only fails when
// something is raised; the message is ceval.c's.
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

// Only called after check_except_type accepted `spec`, so every entry is an exception class. A nested tuple is not
// accepted (CPython's PyErr_GivenExceptionMatches recurses into tuples, but check_except_type refuses them first).
bool exc_matches_spec(Value exc, Value spec) {
  if (is_tuple(spec)) {
    for (Value v : static_cast<TupleObject*>(spec.as_object())->span())
      if (is_subtype(type_of(exc), as_type(v))) return true;
    return false;
  }
  return is_subtype(type_of(exc), as_type(spec));
}

// FORMAT_VALUE: the conversion (1 !s, 2 !r, 3 !a) first, then format(); an exact str without a spec is already its own
// result, which saves a call for the commonest f-string field.
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
// `kwargs` is the dict DICT_MERGE built (so its keys were already checked for duplicates); only the str-ness of the
// keys is checked here, with CPython's "keywords must be strings".
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

}  // namespace minipy::eval_support
