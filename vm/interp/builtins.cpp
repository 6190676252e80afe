// The builtins module: functions (print, len, min, ...), the builtin types and exceptions by name.
//
// Each function checks its own arguments with CPython's messages (bltinmodule.c is the reference for the
// wording) and returns a null Value with the exception pending on failure. compile, eval and exec live in
// vm/interp/runtime_compiler.cpp and open in stdlib/native/io.cpp; init_builtins orders the rest as CPython's
// builtins dict is ordered.
#include <cmath>
#include <cstdio>
#include <iostream>

#include "vm/interp/builtins.h"
#include "stdlib/native/io.h"
#include "vm/interp/eval.h"
#include "vm/objects/abstract.h"
#include "vm/objects/async_builtins.h"
#include "vm/objects/buffer.h"
#include "vm/objects/bytearray.h"
#include "vm/import/import.h"
#include "vm/objects/complex.h"
#include "vm/objects/instance_values.h"
#include "vm/objects/sequence.h"
#include "vm/runtime.h"
#include "vm/text/number_format.h"

namespace minipy {

namespace {

// Every builtin has the vectorcall shape of a native function: positional values, then keyword values named by
// `kwnames` (as CALL passes them, no tuple or dict built); `self` is the module and unused.
#define BUILTIN(name) Value name(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames)

// print(*objects, sep=' ', end='\n', file=None, flush=False). file=None (or a sys.stdout set to None, as in a
// pythonw process) prints nothing, as CPython.
BUILTIN(b_print) {
  (void)self;
  size_t n = positional_count(args, kwnames);
  Value sep = keyword_arg(ts, args, kwnames, "sep");
  Value end = keyword_arg(ts, args, kwnames, "end");
  Value file = keyword_arg(ts, args, kwnames, "file");
  Value flush = keyword_arg(ts, args, kwnames, "flush");
  if (kwnames) {
    for (int64_t i = 0; i < kwnames->size; i++) {
      std::string_view k = as_str(kwnames->items[i])->view();
      if (k != "sep" && k != "end" && k != "file" && k != "flush")
        return raise_fmt(ts, TypeError_type, "'{}' is an invalid keyword argument for print()", k);
    }
  }
  if (sep && !is_none(sep) && !is_str(sep))
    return raise_fmt(ts, TypeError_type, "sep must be None or a string, not {}", type_name(sep));
  if (end && !is_none(end) && !is_str(end))
    return raise_fmt(ts, TypeError_type, "end must be None or a string, not {}", type_name(end));
  std::string_view sep_s = sep && !is_none(sep) ? as_str(sep)->view() : " ";
  std::string_view end_s = end && !is_none(end) ? as_str(end)->view() : "\n";
  // print writes through sys.stdout (or file=): the original TextIOWrapper takes the text in one native call;
  // any other stream gets CPython's sequence of write() calls.
  Value stream = file && !is_none(file) ? file : dict_get_str(ts.interp->sys_module->dict, ts.interp->names.stdout_);
  if (!stream) return raise(ts, RuntimeError_type, "lost sys.stdout");
  if (is_none(stream)) return None();
  // The fast path is only for our own TextIOWrapper type (not a subclass, which may override write): the pieces are
  // joined in C++ and written once, which is what makes `print` in a loop cheap. CPython writes piece by piece, and
  // that shows only when something fails: the pieces before a failing str() are out already, and a piece the
  // encoder refuses leaves the earlier ones written, with the error's position counted in that piece alone.
  if (type_of(stream) == &text_io_wrapper_type) {
    IOObject* io = as_io(stream);
    std::string out;
    std::vector<size_t> piece_ends;  // for the piece-by-piece retry after an encoding error
    for (size_t i = 0; i < n; i++) {
      if (i) {
        out += sep_s;
        piece_ends.push_back(out.size());
      }
      Value s = py_str(ts, args[i]);
      if (!s) {
        Value failure = ts.current_exception;
        ts.current_exception = Value();
        if (!out.empty() && !text_write(ts, io, out)) return Value();
        ts.current_exception = failure;
        return Value();
      }
      out += as_str(s)->view();
      piece_ends.push_back(out.size());
    }
    out += end_s;
    piece_ends.push_back(out.size());
    if (!text_write(ts, io, out)) {
      if (!exception_matches(ts.current_exception, &UnicodeEncodeError_type)) return Value();
      ts.current_exception = Value();
      size_t start = 0;
      for (size_t piece_end : piece_ends) {
        if (!text_write(ts, io, std::string_view(out).substr(start, piece_end - start))) return Value();
        start = piece_end;
      }
    }
  } else {
    auto write = [&](Value text) {
      return static_cast<bool>(call_method(ts, stream, ts.interp->names.write, std::span<const Value>(&text, 1)));
    };
    for (size_t i = 0; i < n; i++) {
      if (i && !write(sep && !is_none(sep) ? sep : Value(intern(ts, " ")))) return Value();
      Value s = py_str(ts, args[i]);
      if (!s || !write(s)) return Value();
    }
    if (!write(end && !is_none(end) ? end : Value(intern(ts, "\n")))) return Value();
  }
  if (flush) {
    int f = py_truth(ts, flush);
    if (f < 0) return Value();
    if (f && !call_method(ts, stream, ts.interp->names.flush, {})) return Value();
  }
  return None();
}

BUILTIN(b_len) {
  (void)self;
  if (!check_positional_args(ts, "len", args, kwnames, 1, 1)) return Value();
  int64_t n = py_len(ts, args[0]);
  if (n < 0) return Value();
  return make_int(ts, n);
}

BUILTIN(b_repr) {
  (void)self;
  if (!check_positional_args(ts, "repr", args, kwnames, 1, 1)) return Value();
  return py_repr(ts, args[0]);
}
BUILTIN(b_ascii) {
  (void)self;
  if (!check_positional_args(ts, "ascii", args, kwnames, 1, 1)) return Value();
  return py_ascii(ts, args[0]);
}
BUILTIN(b_abs) {
  (void)self;
  if (!check_positional_args(ts, "abs", args, kwnames, 1, 1)) return Value();
  return py_abs(ts, args[0]);
}

// CPython's min_max: one positional argument is an iterable, several are the candidates themselves; key=None
// means no key. Comparison is strict (`op` is < for min, > for max), so among equal items the first wins.
Value min_max(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, int op, const char* name) {
  size_t n = positional_count(args, kwnames);
  Value key = keyword_arg(ts, args, kwnames, "key");
  Value dflt = keyword_arg(ts, args, kwnames, "default");
  if (kwnames)
    for (int64_t i = 0; i < kwnames->size; i++) {
      std::string_view k = as_str(kwnames->items[i])->view();
      if (k != "key" && k != "default")
        return raise_fmt(ts, TypeError_type, "{}() got an unexpected keyword argument '{}'", name, k);
    }
  if (key && is_none(key)) key = Value();
  if (n == 0) return raise_fmt(ts, TypeError_type, "{} expected at least 1 argument, got 0", name);
  if (n > 1 && dflt)
    return raise_fmt(ts, TypeError_type, "Cannot specify a default for {}() with multiple positional arguments", name);
  Value it = n == 1 ? get_iter(ts, args[0]) : get_iter(ts, Value(minipy::make_tuple(ts, args.subspan(0, n))));
  if (!it) return it;
  Value best, best_key;
  for (;;) {
    Value v = iter_next(ts, it);
    if (!v) {
      if (ts.current_exception) return Value();
      break;
    }
    Value k = v;
    if (key) {
      k = call(ts, key, std::span<const Value>(&v, 1));
      if (!k) return k;
    }
    if (!best) {
      best = v;
      best_key = k;
      continue;
    }
    // `best`/`best_key` are plain locals across calls that may run Python code and collect: the collector scans the
    // native stack conservatively (vm/memory/heap.h), which keeps them alive.
    int better = rich_compare_bool(ts, k, best_key, op);
    if (better < 0) return Value();
    if (better) {
      best = v;
      best_key = k;
    }
  }
  if (!best) {
    if (dflt) return dflt;
    return raise_fmt(ts, ValueError_type, "{}() arg is an empty sequence", name);
  }
  return best;
}
BUILTIN(b_min) {
  (void)self;
  return min_max(ts, args, kwnames, kLt, "min");
}
BUILTIN(b_max) {
  (void)self;
  return min_max(ts, args, kwnames, kGt, "max");
}

// sum(iterable, /, start=0). The small-int and float fast paths give exactly what `+` gives; 3.11 adds floats
// one after another (the compensated summation arrived in 3.12), so plain addition is the right answer here.
BUILTIN(b_sum) {
  (void)self;
  // Argument Clinic's checks in its order: the total count, the positional minimum, then the keyword names.
  size_t n = positional_count(args, kwnames);
  if (args.size() > 2) return raise_fmt(ts, TypeError_type, "sum() takes at most 2 arguments ({} given)", args.size());
  if (n < 1) return raise_fmt(ts, TypeError_type, "sum() takes at least 1 positional argument ({} given)", n);
  for (int64_t i = 0; kwnames && i < kwnames->size; i++)
    if (as_str(kwnames->items[i])->view() != "start")
      return raise_fmt(ts, TypeError_type, "'{}' is an invalid keyword argument for sum()",
                       as_str(kwnames->items[i])->view());
  Value start = n > 1 ? args[1] : keyword_arg(ts, args, kwnames, "start");
  if (!start) start = Value::small_int(0);
  // bltinmodule.c's builtin_sum_impl refuses these starts (and their subclasses) up front, to steer users to join().
  if (is_str(start)) return raise(ts, TypeError_type, "sum() can't sum strings [use ''.join(seq) instead]");
  if (is_subtype(type_of(start), &bytes_type))
    return raise(ts, TypeError_type, "sum() can't sum bytes [use b''.join(seq) instead]");
  if (is_bytearray(start))
    return raise(ts, TypeError_type, "sum() can't sum bytearray [use b''.join(seq) instead]");
  Value it = get_iter(ts, args[0]);
  if (!it) return it;
  Value total = start;
  for (;;) {
    Value v = iter_next(ts, it);
    if (!v) return ts.current_exception ? Value() : total;
    Value r;
    if (Value::both_small_ints(total, v)) r = make_int(ts, total.as_small_int() + v.as_small_int());
    else if (is_exact_float(total) && is_exact_float(v)) r = make_float(ts, float_value(total) + float_value(v));
    else r = binary_op(ts, total, v, kOpAdd);
    if (!r) return r;
    total = r;
  }
}

// A new list sorted by list.sort, which validates key= and reverse= (keyword-only) with its own messages.
BUILTIN(b_sorted) {
  (void)self;
  size_t n = positional_count(args, kwnames);
  if (n != 1) return raise_fmt(ts, TypeError_type, "sorted expected 1 argument, got {}", n);
  // sorted() is list(iterable).sort(...) exactly as bltinmodule.c's builtin_sorted: a copy is sorted, so a key function
  // that mutates the source cannot disturb the sort.
  Value l = sequence_to_list(ts, args[0]);
  if (!l) return l;
  Value r = list_sort(ts, l, args.subspan(1), kwnames);
  if (!r) return r;
  return l;
}

BUILTIN(b_isinstance) {
  (void)self;
  if (!check_positional_args(ts, "isinstance", args, kwnames, 2, 2)) return Value();
  int r;
  if (!is_instance(ts, args[0], args[1], &r)) return Value();
  return Bool(r);
}
}  // namespace

namespace {

BUILTIN(b_issubclass) {
  (void)self;
  if (!check_positional_args(ts, "issubclass", args, kwnames, 2, 2)) return Value();
  int r;
  if (!is_subclass(ts, args[0], args[1], &r)) return Value();
  return Bool(r);
}

}  // namespace

// round() for exact ints and floats; a null `nd` means round(x) (an int result), as CPython's float.__round__
// and int.__round__. Floats round correctly (text::round_float works on the exact decimal value); ints with
// negative ndigits round half to even to a multiple of 10**-ndigits. Null without an exception for other types.
Value round_number(ThreadState& ts, Value number, Value nd) {
  if (is_float(number)) {
    double d = float_value(number);
    if (!nd) {
      auto r = text::round_float_to_int(d);
      if (!r.ok()) return raise_text_error(ts, r.error());
      return make_int(ts, r.value());
    }
    int64_t digits;
    if (!index_to_int64(ts, nd, &digits)) return Value();
    auto r = text::round_float(d, digits);
    if (!r.ok()) return raise_text_error(ts, r.error());
    return make_float(ts, r.value());
  }
  if (is_int(number)) {
    if (!nd) return unary_positive(ts, number);
    int64_t digits;
    if (!index_to_int64(ts, nd, &digits)) return Value();
    if (digits >= 0) return unary_positive(ts, number);
    // Round to a multiple of 10**-digits, half to even (text::round_int answers 0 without computing a power of
    // ten that could not be allocated, where GMP would abort).
    return make_int(ts, text::round_int(to_bigint(number), digits));
  }
  return Value();
}

namespace {

// Other types answer through __round__, looked up on the type as special methods are.
BUILTIN(b_round) {
  (void)self;
  size_t n = positional_count(args, kwnames);
  Value number = n > 0 ? args[0] : keyword_arg(ts, args, kwnames, "number");
  Value nd = n > 1 ? args[1] : keyword_arg(ts, args, kwnames, "ndigits");
  if (args.size() > 2) return raise_fmt(ts, TypeError_type, "round() takes at most 2 arguments ({} given)", args.size());
  if (!number) return raise(ts, TypeError_type, "round() missing required argument 'number' (pos 1)");
  if (nd && is_none(nd)) nd = Value();
  if (is_float(number) || is_int(number)) return round_number(ts, number, nd);
  Value method = type_lookup(type_of(number), ts.interp->names.round);
  if (!method)
    return raise_fmt(ts, TypeError_type, "type {} doesn't define __round__ method", type_name(number));
  Value call_args[2] = {number, nd};
  return call(ts, method, std::span<const Value>(call_args, nd ? 2 : 1));
}

// The operands' divmod slots in binary_op's order (a right operand of a subclass type first); both
// NotImplemented is the TypeError.
BUILTIN(b_divmod) {
  (void)self;
  if (!check_positional_args(ts, "divmod", args, kwnames, 2, 2)) return Value();
  Value a = args[0], b = args[1];
  Type* ta = type_of(a);
  Type* tb = type_of(b);
  Value r = binary_slots(ts, a, b, ta->divmod, tb != ta ? tb->divmod : nullptr);
  if (r != NotImplemented()) return r;
  return raise_fmt(ts, TypeError_type, "unsupported operand type(s) for divmod(): '{}' and '{}'", type_name(a),
                   type_name(b));
}

BUILTIN(b_pow) {
  (void)self;
  size_t n = positional_count(args, kwnames);
  Value base = n > 0 ? args[0] : keyword_arg(ts, args, kwnames, "base");
  Value exp = n > 1 ? args[1] : keyword_arg(ts, args, kwnames, "exp");
  Value mod = n > 2 ? args[2] : keyword_arg(ts, args, kwnames, "mod");
  // pow() takes base, exp and mod by keyword too (pow(base=2, exp=3)), the argument-clinic signature of 3.8+.
  if (!base || !exp) return raise_fmt(ts, TypeError_type, "pow() missing required argument '{}' (pos {})",
                                     base ? "exp" : "base", base ? 2 : 1);
  return py_pow3(ts, base, exp, mod);
}

BUILTIN(b_ord) {
  (void)self;
  if (!check_positional_args(ts, "ord", args, kwnames, 1, 1)) return Value();
  Value c = args[0];
  // The code point is decoded from the str's UTF-8 storage (length is counted in code points, so a 1-length
  // str holds one UTF-8 sequence of 1 to 4 bytes).
  if (is_str(c)) {
    StrObject* s = as_str(c);
    if (s->length != 1)
      return raise_fmt(ts, TypeError_type, "ord() expected a character, but string of length {} found", s->length);
    std::string_view v = s->view();
    auto b0 = static_cast<unsigned char>(v[0]);
    uint32_t cp = b0;
    if (b0 >= 0x80) {
      size_t len = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
      cp = b0 & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
      for (size_t i = 1; i < len; i++) cp = (cp << 6) | (static_cast<unsigned char>(v[i]) & 0x3F);
    }
    return Value::small_int(cp);
  }
  if (type_of(c) == &bytes_type) {
    auto* b = static_cast<BytesObject*>(c.as_object());
    if (b->size != 1)
      return raise_fmt(ts, TypeError_type, "ord() expected a character, but string of length {} found", b->size);
    return Value::small_int(static_cast<unsigned char>(b->data[0]));
  }
  return raise_fmt(ts, TypeError_type, "ord() expected string of length 1, but {} found", type_name(c));
}

BUILTIN(b_chr) {
  (void)self;
  if (!check_positional_args(ts, "chr", args, kwnames, 1, 1)) return Value();
  // chr(3.0) is refused before conversion with the generic __index__ message, as PyNumber_Index gives it.
  if (!is_int(args[0]) && !type_of(args[0])->index)
    return raise_fmt(ts, TypeError_type, "'{}' object cannot be interpreted as an integer", type_name(args[0]));
  int64_t cp;
  if (!index_to_int64(ts, args[0], &cp, "Python int too large to convert to C int")) return Value();
  if (cp < 0 || cp > 0x10FFFF) return raise(ts, ValueError_type, "chr() arg not in range(0x110000)");
  return str_from_codepoint(ts, static_cast<uint32_t>(cp));
}

// hex/oct/bin: any object with __index__, formatted with the 0x/0o/0b prefix after the sign ("-0x1f").
Value prefixed(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, int base, const char* name) {
  if (!no_keywords(ts, name, kwnames) || !check_arg_count(ts, name, args.size(), 1, 1)) return Value();
  Value i = number_index(ts, args[0]);
  if (!i) return i;
  std::string s = text::int_to_prefixed(to_bigint(i), base);
  return Value(make_str_known(ts, s, static_cast<int64_t>(s.size()), true));
}
BUILTIN(b_hex) {
  (void)self;
  return prefixed(ts, args, kwnames, 16, "hex");
}
BUILTIN(b_oct) {
  (void)self;
  return prefixed(ts, args, kwnames, 8, "oct");
}
BUILTIN(b_bin) {
  (void)self;
  return prefixed(ts, args, kwnames, 2, "bin");
}

BUILTIN(b_iter) {
  (void)self;
  if (!check_positional_args(ts, "iter", args, kwnames, 1, 2)) return Value();
  // iter(callable, sentinel): calls until the result equals the sentinel (CPython's calliterobject).
  if (args.size() == 2) return make_callable_iterator(ts, args[0], args[1]);
  return get_iter(ts, args[0]);
}
// next(it[, default]): an iternext slot that returns null without an exception means exhaustion; with a
// default, a StopIteration raised by the iterator is swallowed as well.
BUILTIN(b_next) {
  (void)self;
  if (!check_positional_args(ts, "next", args, kwnames, 1, 2)) return Value();
  Type* t = type_of(args[0]);
  if (!t->iternext) return raise_fmt(ts, TypeError_type, "'{}' object is not an iterator", t->name->view());
  Value v = t->iternext(ts, args[0]);
  if (v) return v;
  if (ts.current_exception) {
    if (args.size() == 2 && exception_matches(ts.current_exception, &StopIteration_type)) {
      ts.current_exception = Value();
      return args[1];
    }
    return Value();
  }
  if (args.size() == 2) return args[1];
  return raise_value(ts, new_exception(ts, &StopIteration_type, {}));
}
BUILTIN(b_hash) {
  (void)self;
  if (!check_positional_args(ts, "hash", args, kwnames, 1, 1)) return Value();
  int64_t h;
  if (!py_hash(ts, args[0], &h)) return Value();
  return make_int(ts, h);
}
// The Value's bits: the object's address, or for a small int its tagged word. Unique among live objects,
// which is all id() promises.
BUILTIN(b_id) {
  (void)self;
  if (!check_positional_args(ts, "id", args, kwnames, 1, 1)) return Value();
  return make_int(ts, static_cast<int64_t>(args[0].bits()));
}
// A type is callable when it has a call slot; for classes the slot is type's own (instances of a metaclass), so this
// matches CPython's PyCallable_Check (tp_call != NULL).
BUILTIN(b_callable) {
  (void)self;
  if (!check_positional_args(ts, "callable", args, kwnames, 1, 1)) return Value();
  return Bool(type_of(args[0])->call != nullptr);
}

// getattr/setattr/delattr/hasattr accept only str names (a str subclass too) and intern them, so the lookup
// takes the identity fast path of the namespace dicts.
bool attr_name(ThreadState& ts, Value v, StrObject** out) {
  if (!is_str(v)) {
    raise_fmt(ts, TypeError_type, "attribute name must be string, not '{}'", type_name(v));
    return false;
  }
  *out = intern_str(ts, as_str(v));
  return true;
}
// With a default, only AttributeError is replaced by it (get_attr_optional clears just that one).
BUILTIN(b_getattr) {
  (void)self;
  if (!check_positional_args(ts, "getattr", args, kwnames, 2, 3)) return Value();
  StrObject* name;
  if (!attr_name(ts, args[1], &name)) return Value();
  if (args.size() == 3) {
    Value v = get_attr_optional(ts, args[0], name);
    if (v || ts.current_exception) return v;
    return args[2];
  }
  return get_attr(ts, args[0], name);
}
BUILTIN(b_setattr) {
  (void)self;
  if (!check_positional_args(ts, "setattr", args, kwnames, 3, 3)) return Value();
  StrObject* name;
  if (!attr_name(ts, args[1], &name) || !set_attr(ts, args[0], name, args[2])) return Value();
  return None();
}
BUILTIN(b_delattr) {
  (void)self;
  if (!check_positional_args(ts, "delattr", args, kwnames, 2, 2)) return Value();
  StrObject* name;
  if (!attr_name(ts, args[1], &name) || !set_attr(ts, args[0], name, Value())) return Value();
  return None();
}
BUILTIN(b_hasattr) {
  (void)self;
  if (!check_positional_args(ts, "hasattr", args, kwnames, 2, 2)) return Value();
  StrObject* name;
  if (!attr_name(ts, args[1], &name)) return Value();
  Value v = get_attr_optional(ts, args[0], name);
  if (ts.current_exception) return Value();
  return Bool(bool(v));
}
BUILTIN(b_format) {
  (void)self;
  if (!check_positional_args(ts, "format", args, kwnames, 1, 2)) return Value();
  Value spec = args.size() > 1 ? args[1] : Value(ts.interp->names.empty);
  if (!is_str(spec))
    return raise_fmt(ts, TypeError_type, "format() argument 2 must be str, not {}", type_name(spec));
  return py_format(ts, args[0], spec);
}
// any/all stop at the first item that decides (truth == want); an exception from the iterator or from __bool__
// propagates.
Value any_all(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, bool want, const char* name) {
  if (!no_keywords(ts, name, kwnames) || !check_arg_count(ts, name, args.size(), 1, 1)) return Value();
  Value it = get_iter(ts, args[0]);
  if (!it) return it;
  for (;;) {
    Value v = iter_next(ts, it);
    if (!v) return ts.current_exception ? Value() : Bool(!want);
    int t = py_truth(ts, v);
    if (t < 0) return Value();
    if (t == want) return Bool(want);
  }
}
BUILTIN(b_any) {
  (void)self;
  return any_all(ts, args, kwnames, true, "any");
}
BUILTIN(b_all) {
  (void)self;
  return any_all(ts, args, kwnames, false, "all");
}
// Builtins run without a frame of their own, so current_frame is the Python caller's.
BUILTIN(b_globals) {
  (void)self;
  if (!check_positional_args(ts, "globals", args, kwnames, 0, 0)) return Value();
  return Value(ts.current_frame->globals);
}
BUILTIN(b_locals) {
  (void)self;
  if (!check_positional_args(ts, "locals", args, kwnames, 0, 0)) return Value();
  return frame_locals(ts, ts.current_frame);
}
}  // namespace

// Unlike CPython 3.11, which refreshes and returns the frame's one f_locals dict, each call makes a new dict;
// an unbound local (or empty cell) is simply absent from it.
// What locals() returns in `f`: its namespace, or for a function a new dict of its bound fast locals and cells.
Value frame_locals(ThreadState& ts, Frame* f) {
  if (f->locals) return f->locals;
  DictObject* d = make_dict(ts);
  CodeObj* code = f->code;
  for (int i = 0; i < code->nlocalsplus; i++) {
    Value v = f->localsplus[i];
    if (!v) continue;
    if (code->localspluskinds[i] & (CO_FAST_CELL | CO_FAST_FREE)) {
      if (type_of(v) != &cell_type) continue;
      v = static_cast<CellObject*>(v.as_object())->ref;
      if (!v) continue;
    }
    if (!dict_set(ts, d, code->localsplusnames->items[i], v)) return Value();
  }
  return Value(d);
}
namespace {
// vars(obj) is obj.__dict__ through the attribute protocol (so a property named __dict__ counts); anything but an
// AttributeError propagates, as in CPython.
BUILTIN(b_vars) {
  if (!check_positional_args(ts, "vars", args, kwnames, 0, 1)) return Value();
  if (args.empty()) return b_locals(ts, self, args, kwnames);
  Value d = get_attr_optional(ts, args[0], ts.interp->names.dict);
  if (!d) {
    if (ts.current_exception && !exception_matches(ts.current_exception, &AttributeError_type)) return Value();
    ts.current_exception = Value();
    return raise(ts, TypeError_type, "vars() argument must have __dict__ attribute");
  }
  return d;
}
// help(...): pydoc.help, imported when first asked for (CPython's site installs a _sitebuiltins._Helper that does
// the same; the REPL installs that very object, scripts get this lighter stand-in so start-up imports nothing).
BUILTIN(b_help) {
  (void)self;
  Value name(intern(ts, "pydoc"));
  Value pydoc = builtin_import(ts, Value(), std::span<const Value>(&name, 1), nullptr);
  if (!pydoc) return pydoc;
  Value help = get_attr(ts, pydoc, intern(ts, "help"));
  if (!help) return help;
  return call(ts, help, args, kwnames);
}
// input([prompt]): the prompt through sys.stdout (flushed), a line from sys.stdin without its newline.
BUILTIN(b_input) {
  (void)self;
  if (!check_positional_args(ts, "input", args, kwnames, 0, 1)) return Value();
  DictObject* sys = ts.interp->sys_module->dict;
  Value in = dict_get_str(sys, ts.interp->names.stdin_);
  Value out = dict_get_str(sys, ts.interp->names.stdout_);
  if (!in || is_none(in)) return raise(ts, RuntimeError_type, "input(): lost sys.stdin");
  if (!out || is_none(out)) return raise(ts, RuntimeError_type, "input(): lost sys.stdout");
  if (!args.empty()) {
    Value s = py_str(ts, args[0]);
    if (!s || !call_method(ts, out, ts.interp->names.write, std::span<const Value>(&s, 1))) return Value();
  }
  if (!call_method(ts, out, ts.interp->names.flush, {})) return Value();
  Value line = call_method(ts, in, ts.interp->names.readline, {});
  if (!line) return line;
  if (!is_str(line)) return raise(ts, TypeError_type, "object.readline() returned non-string");
  std::string_view text = as_str(line)->view();
  if (text.empty()) return raise(ts, EOFError_type, "EOF when reading a line");
  if (text.back() == '\n') return Value(make_str(ts, text.substr(0, text.size() - 1)));
  return line;
}
// exit() and quit(): plain builtins raising SystemExit(code), standing in for site's Quitter objects.
// The REPL replaces these with site's real Quitter objects (stdlib/_minipy_site.py); a script that calls exit() only
// needs the SystemExit.
BUILTIN(b_exit) {
  (void)self;
  (void)kwnames;
  Value code = args.empty() ? None() : args[0];
  Value exc = new_exception(ts, &SystemExit_type, std::span<const Value>(&code, args.empty() ? 0 : 1));
  if (!exc) return exc;
  return raise_value(ts, exc);
}
}  // namespace

// The names object.__dir__ gives (and dir() when no __dir__ of the object's own decides), unsorted: a module's
// namespace; a class's attributes along its MRO; an instance's __dict__ then its class's attributes.
Value object_default_dir(ThreadState& ts, Value obj) {
  DictObject* seen = make_dict(ts);
  // A key other than a str (an instance __dict__ may hold any) can raise from its __hash__ or __eq__.
  auto add_dict = [&](DictObject* d) {
    int64_t pos = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v))
      if (!dict_set(ts, seen, k, None())) return false;
    return true;
  };
  Type* t = type_of(obj);
  if (is_type(obj)) {
    for (Value c : as_type(obj)->mro->span())
      if (!add_dict(as_type(c)->dict)) return Value();
  } else if (t == &module_type) {
    // not the attributes of the module type
    if (!add_dict(static_cast<ModuleObject*>(obj.as_object())->dict)) return Value();
  } else {
    if (DictObject** d = instance_dict_slot_materialized(ts, obj); d && *d && !add_dict(*d)) return Value();
    for (Value c : t->mro->span())
      if (!add_dict(as_type(c)->dict)) return Value();
  }
  ListObject* names = make_list(ts, 0);
  if (!list_extend(ts, names, Value(seen))) return Value();
  return Value(names);
}

namespace {

// dir([obj]): the sorted names; with no argument, the caller's local names.
// dir() with no argument lists the caller's locals: builtins have no frame of their own, so the current frame is the
// Python caller's.
BUILTIN(b_dir) {
  (void)self;
  if (!check_positional_args(ts, "dir", args, kwnames, 0, 1)) return Value();
  ListObject* names = make_list(ts, 0);
  if (args.empty()) {
    Value l = b_locals(ts, Value(), {}, nullptr);
    if (!l) return l;
    // CPython's PyMapping_Keys: a dict's keys, else what the mapping's keys() gives (exec() takes any mapping).
    if (!is_dict(l)) l = call_method(ts, l, intern(ts, "keys"), {});
    if (!l || !list_extend(ts, names, l)) return Value();
  } else {
    Value obj = args[0];
    // A __dir__ other than object's and type's defaults (defined in Python, a native type's own such as
    // GenericAlias's, or a module's, PEP 562) decides the names; the defaults are computed below.
    StrObject* dir_name = intern(ts, "__dir__");
    Value custom = type_lookup(type_of(obj), dir_name);
    if (custom && (custom == type_lookup(&object_type, dir_name) || custom == type_lookup(&type_type, dir_name)))
      custom = Value();
    if (custom) {
      if (DescrGetSlot get = type_of(custom)->descr_get) custom = get(ts, custom, obj, Value(type_of(obj)));
    } else if (type_of(obj) == &module_type) {
      custom = dict_get_str(static_cast<ModuleObject*>(obj.as_object())->dict, intern(ts, "__dir__"));
    }
    if (custom) {
      Value listed = call(ts, custom, {});
      if (!listed || !list_extend(ts, names, listed)) return Value();
      Value r = list_sort(ts, Value(names), {}, nullptr);
      return r ? Value(names) : r;
    }
    Value listed = object_default_dir(ts, obj);
    if (!listed || !list_extend(ts, names, listed)) return Value();
  }
  Value r = list_sort(ts, Value(names), {}, nullptr);
  if (!r) return r;
  return Value(names);
}

}  // namespace

Value builtin_dir(ThreadState& ts, Value obj) {
  Value arg[1] = {obj};
  return b_dir(ts, Value(), arg, nullptr);
}

namespace {

// breakpoint(*args, **kws): whatever sys.breakpointhook is now (pdb.set_trace by default).
Value b_breakpoint(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  ModuleObject* sys = ts.interp->sys_module;
  Value hook = sys ? dict_get_str(sys->dict, intern(ts, "breakpointhook")) : Value();
  if (!hook) return raise(ts, RuntimeError_type, "lost sys.breakpointhook");
  return call(ts, hook, args, kwnames);
}

// compile, exec, eval and open are added by their own files (runtime_compiler.cpp, stdlib/native/io.cpp) and placed by
// kCPythonOrder below like the rest.
const MethodDef builtin_functions[] = {
    {"print", b_print},         {"len", b_len},           {"repr", b_repr},         {"ascii", b_ascii},
    {"abs", b_abs},             {"min", b_min},           {"max", b_max},           {"sum", b_sum},
    {"sorted", b_sorted},       {"isinstance", b_isinstance}, {"issubclass", b_issubclass},
    {"round", b_round},         {"divmod", b_divmod},     {"pow", b_pow},           {"ord", b_ord},
    {"chr", b_chr},             {"hex", b_hex},           {"oct", b_oct},           {"bin", b_bin},
    {"iter", b_iter},           {"next", b_next},         {"hash", b_hash},         {"id", b_id},
    {"callable", b_callable},   {"getattr", b_getattr},   {"setattr", b_setattr},   {"delattr", b_delattr},
    {"hasattr", b_hasattr},     {"format", b_format},     {"any", b_any},           {"all", b_all},
    {"globals", b_globals},     {"locals", b_locals},     {"vars", b_vars},         {"input", b_input},
    {"exit", b_exit},           {"quit", b_exit},         {"dir", b_dir},           {"help", b_help},
    {"__build_class__", build_class}, {"__import__", builtin_import},
    {"aiter", builtin_aiter},   {"anext", builtin_anext},  {"breakpoint", b_breakpoint},
};

}  // namespace

void init_builtins(ThreadState& ts) {
  Interpreter& interp = *ts.interp;
  ModuleObject* m = make_module(ts, "builtins");
  interp.builtins_module = m;
  init_anext_awaitable_type(ts);
  interp.builtins = m->dict;
  // Everything first goes into a scratch dict, then into the module in CPython's order: the order is visible
  // through dir(builtins) and decides ties between "Did you mean" suggestions.
  DictObject* all = make_dict(ts);
  for (const MethodDef& def : builtin_functions)
    dict_set_str_new(ts, all, intern(ts, def.name), make_native_function(ts, &def, Value(), Value(m->name)));
  struct NamedType {
    const char* name;
    Type* type;
  };
  const NamedType types[] = {
      {"object", &object_type},       {"type", &type_type},       {"int", &int_type},
      {"bool", &bool_type},           {"float", &float_type},     {"str", &str_type},
      {"bytes", &bytes_type},         {"tuple", &tuple_type},     {"list", &list_type},
      {"dict", &dict_type},           {"set", &set_type},         {"frozenset", &frozenset_type},
      {"range", &range_type},         {"slice", &slice_type},     {"enumerate", &enumerate_type},
      {"zip", &zip_type},             {"reversed", &reversed_type}, {"map", &map_type},
      {"filter", &filter_type},       {"property", &property_type}, {"staticmethod", &staticmethod_type},
      {"classmethod", &classmethod_type}, {"super", &super_type},
      {"complex", &complex_type}, {"bytearray", &bytearray_type}, {"memoryview", &memoryview_type},
  };
  for (const NamedType& t : types) dict_set_str_new(ts, all, intern(ts, t.name), Value(t.type));
#define X(name, base) dict_set_str_new(ts, all, intern(ts, #name), Value(&name##_type));
  MINIPY_EXCEPTION_TYPES(X)
#undef X
  dict_set_str_new(ts, all, intern(ts, "None"), None());
  dict_set_str_new(ts, all, intern(ts, "True"), True());
  dict_set_str_new(ts, all, intern(ts, "False"), False());
  dict_set_str_new(ts, all, intern(ts, "Ellipsis"), Value(&ellipsis_object));
  dict_set_str_new(ts, all, intern(ts, "NotImplemented"), NotImplemented());
  dict_set_str_new(ts, all, intern(ts, "__debug__"), Bool(interp.config.optimize == 0));
  // PEP 3151 made these aliases of OSError itself, so `except IOError` catches every OSError.
  dict_set_str_new(ts, all, intern(ts, "EnvironmentError"), Value(&OSError_type));
  dict_set_str_new(ts, all, intern(ts, "IOError"), Value(&OSError_type));

  static const char* const kCPythonOrder[] = {
      "__build_class__", "__import__", "abs", "all", "any", "ascii", "bin", "breakpoint", "callable", "chr",
      "compile", "delattr", "dir", "divmod", "eval", "exec", "format", "getattr", "globals", "hasattr", "hash",
      "hex", "id", "input", "isinstance", "issubclass", "iter", "aiter", "len", "locals", "max", "min", "next",
      "anext", "oct", "ord", "pow", "print", "repr", "round", "setattr", "sorted", "sum", "vars", "None",
      "Ellipsis", "NotImplemented", "False", "True", "bool", "memoryview", "bytearray", "bytes", "classmethod",
      "complex", "dict", "enumerate", "filter", "float", "frozenset", "property", "int", "list", "map", "object",
      "range", "reversed", "set", "slice", "staticmethod", "str", "super", "tuple", "type", "zip", "__debug__",
      "BaseException", "BaseExceptionGroup", "Exception", "GeneratorExit", "KeyboardInterrupt", "SystemExit",
      "ArithmeticError", "AssertionError", "AttributeError", "BufferError", "EOFError", "ImportError",
      "LookupError", "MemoryError", "NameError", "OSError", "ReferenceError", "RuntimeError",
      "StopAsyncIteration", "StopIteration", "SyntaxError", "SystemError", "TypeError", "ValueError", "Warning",
      "FloatingPointError", "OverflowError", "ZeroDivisionError", "BytesWarning", "DeprecationWarning",
      "EncodingWarning", "FutureWarning", "ImportWarning", "PendingDeprecationWarning", "ResourceWarning",
      "RuntimeWarning", "SyntaxWarning", "UnicodeWarning", "UserWarning", "BlockingIOError", "ChildProcessError",
      "ConnectionError", "FileExistsError", "FileNotFoundError", "InterruptedError", "IsADirectoryError",
      "NotADirectoryError", "PermissionError", "ProcessLookupError", "TimeoutError", "IndentationError",
      "IndexError", "KeyError", "ModuleNotFoundError", "NotImplementedError", "RecursionError",
      "UnboundLocalError", "UnicodeError", "BrokenPipeError", "ConnectionAbortedError", "ConnectionRefusedError",
      "ConnectionResetError", "TabError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeTranslateError",
      "ExceptionGroup", "EnvironmentError", "IOError", "open", "quit", "exit", "copyright", "credits", "license",
      "help"};
  DictObject* d = m->dict;
  for (const char* name : kCPythonOrder) {
    StrObject* key = intern(ts, name);
    if (Value v = dict_get_str(all, key)) dict_set_str_new(ts, d, key, v);
  }
  int64_t pos = 0;
  Value k, v;
  while (dict_next(all, &pos, &k, &v))
    if (!dict_get_str(d, as_str(k))) dict_set_str_new(ts, d, as_str(k), v);
}

const NativeFn kBuiltinLenFn = b_len;

}  // namespace minipy
