// Shared helpers of the native modules (see native_support.h).
#include "vm/objects/static_type.h"
#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"

#include <cmath>
#include <vector>

#include "vm/objects/buffer.h"
#include "vm/objects/heap_type.h"

namespace minipy {
}  // namespace minipy

namespace minipy::native {

void init_native_type(ThreadState& ts, Type& t, const char* name, const char* module, size_t instance_size,
                      bool subclassable) {
  if (native_type_ready(t)) return;
  // One initialiser fills a native type's fields (begin_native_type); this flavour adds what its callers rely
  // on: `__module__` in the type's own dict, and subclasses that store their dict after the native layout.
  if (!begin_native_type(ts, t, name, module, instance_size, subclassable ? uint32_t{kTypeBaseType} : 0)) return;
  dict_set_str_new(ts, t.dict, ts.interp->names.module, t.module);
  if (subclassable) register_subclassable_native_type(&t);
}

void complete_native_type(ThreadState& ts, Type& t) {
  // Wrappers first: a non-null slot is still the type's own here.
  add_slot_wrappers(ts, t);
  // The slots it leaves empty come from object, except the constructor: a type without one is not instantiable.
  NewSlot own_new = t.new_instance;
  copy_missing_slots(t);
  t.new_instance = own_new;
}

// PyFloat_AsDouble's order: a float or int directly, then __float__ (whose result must be a float), then __index__
// (3.10+), else the TypeError "must be real number". math, cmath, struct and time all convert through this so that
// their messages agree.
bool as_double(ThreadState& ts, Value v, double* out) {
  bool is_number;
  if (to_double(ts, v, out, &is_number)) return true;
  if (is_number) return false;  // an int too large: OverflowError pending
  Type* t = type_of(v);
  if (t->to_float) {
    Value f = t->to_float(ts, v);
    if (!f) return false;
    if (!is_float(f))
      return raise_fmt(ts, TypeError_type, "{}.__float__ returned non-float (type {})", t->name->view(),
                       type_name(f)),
             false;
    *out = float_value(f);
    return true;
  }
  if (t->index) {
    Value i = number_index(ts, v);
    if (!i) return false;
    return to_double(ts, i, out, &is_number);
  }
  raise_fmt(ts, TypeError_type, "must be real number, not {}", type_name(v));
  return false;
}

// _PyTime_FromSecondsObject's rules for timeouts and sleep durations: a float (NaN refused) or anything with __index__,
// scaled by `unit`, with the 64-bit nanosecond range checked after scaling.
bool seconds_object(ThreadState& ts, Value v, double unit, double* out, const char* type_error) {
  constexpr const char* kTooLarge = "timestamp too large to convert to C _PyTime_t";
  double seconds;
  if (is_subtype(type_of(v), &float_type)) {
    if (!as_double(ts, v, &seconds)) return false;
    if (std::isnan(seconds)) return raise(ts, ValueError_type, "Invalid value NaN (not a number)"), false;
  } else {
    int64_t whole;
    if (!index_to_int64(ts, v, &whole, kTooLarge)) {
      // select and poll name the types they take instead of __index__'s message.
      if (type_error && exception_matches(ts.current_exception, &TypeError_type)) {
        ts.current_exception = Value();
        raise(ts, TypeError_type, type_error);
      }
      return false;
    }
    seconds = static_cast<double>(whole);
  }
  // Past what _PyTime_t (64-bit nanoseconds) holds, as CPython checks after scaling.
  if (std::fabs(seconds * unit) >= 9.2233720368547758e9) return raise(ts, OverflowError_type, kTooLarge), false;
  *out = seconds * unit;
  return true;
}

bool check_exact_tuple_args(ThreadState& ts, const char* fname, std::span<const Value> args, TupleObject* kwnames,
                            size_t count) {
  if (!no_keywords(ts, fname, kwnames)) return false;
  if (args.size() == count) return true;
  raise_fmt(ts, TypeError_type, "{}() takes exactly {} argument{} ({} given)", fname, count, count == 1 ? "" : "s",
            args.size());
  return false;
}

// Argument Clinic's keyword parsing (_PyArg_UnpackKeywords) rewritten once for every native function: the order in
// which it checks (too many, too many positional, missing positional-only, unknown keyword, missing required, given
// twice) decides which message a call with several faults gets, and tests compare those messages.
bool parse_args(ThreadState& ts, const char* fname, std::span<const Value> args, TupleObject* kwnames,
                std::span<const char* const> names, size_t required, size_t positional_only, Value* out,
                size_t keyword_only_from) {
  size_t total = names.size();
  size_t max_positional = std::min(total, keyword_only_from);
  size_t npos = positional_count(args, kwnames);
  for (size_t i = 0; i < total; i++) out[i] = Value();
  size_t nkw = kwnames ? static_cast<size_t>(kwnames->size) : 0;
  if (npos + nkw > total) {
    raise_fmt(ts, TypeError_type, "{}() takes at most {} {}argument{} ({} given)", fname, total,
              npos == 0 ? "keyword " : "", total == 1 ? "" : "s", npos + nkw);
    return false;
  }
  if (npos > max_positional) {
    size_t min_positional = std::min(required, max_positional);
    if (max_positional == 0)
      raise_fmt(ts, TypeError_type, "{}() takes no positional arguments", fname);
    else
      raise_fmt(ts, TypeError_type, "{}() takes {} {} positional argument{} ({} given)", fname,
                min_positional < max_positional ? "at most" : "exactly", max_positional,
                max_positional == 1 ? "" : "s", npos);
    return false;
  }
  // Missing positional-only arguments are reported before any keyword is looked at, as CPython does.
  size_t required_positional_only = std::min(required, positional_only);
  if (npos < required_positional_only) {
    raise_fmt(ts, TypeError_type, "{}() takes {} {} positional argument{} ({} given)", fname,
              required_positional_only < max_positional ? "at least" : "exactly", required_positional_only,
              required_positional_only == 1 ? "" : "s", npos);
    return false;
  }
  for (size_t i = 0; i < npos; i++) out[i] = args[i];
  size_t duplicate = SIZE_MAX;
  if (kwnames) {
    for (int64_t k = 0; k < kwnames->size; k++) {
      StrObject* key = as_str(kwnames->items[k]);
      size_t found = SIZE_MAX;
      for (size_t i = positional_only; i < total; i++)
        if (key->view() == names[i]) found = i;
      if (found == SIZE_MAX) {
        raise_fmt(ts, TypeError_type, "'{}' is an invalid keyword argument for {}()", key->view(), fname);
        return false;
      }
      if (out[found]) {
        // Reported after missing arguments, as CPython checks those first.
        if (duplicate == SIZE_MAX) duplicate = found;
        continue;
      }
      out[found] = args[npos + static_cast<size_t>(k)];
    }
  }
  size_t i = 0;
  for (const char* n : names) {
    if (i < required && !out[i]) {
      if (i < positional_only)
        raise_fmt(ts, TypeError_type, "{}() takes {} {} positional argument{} ({} given)", fname,
                  positional_only < max_positional ? "at least" : "exactly", positional_only,
                  positional_only == 1 ? "" : "s", npos);
      else
        raise_fmt(ts, TypeError_type, "{}() missing required argument '{}' (pos {})", fname, n, i + 1);
      return false;
    }
    i++;
  }
  if (duplicate != SIZE_MAX) {
    raise_fmt(ts, TypeError_type, "argument for {}() given by name ('{}') and position ({})", fname,
              names[duplicate], duplicate + 1);
    return false;
  }
  return true;
}

}  // namespace minipy::native

namespace minipy::native {

// The lease ends at once, as for bytes_like below: the span stays valid only until Python code next runs, so callers
// that run Python code in between (io's readinto) fetch it again afterwards.
bool writable_bytes(ThreadState& ts, Value v, std::span<char>* out) {
  if (has_buffer(v)) {
    BufferLease lease;
    if (!lease.acquire(ts, v)) return false;
    if (!lease.view.readonly) {
      *out = std::span<char>(lease.view.data, static_cast<size_t>(lease.view.length));
      return true;
    }
  }
  raise_fmt(ts, TypeError_type, "argument must be read-write bytes-like object, not {}", type_name(v));
  return false;
}

// Module-specific exceptions (binascii.Error, _csv.Error, sqlite3's) are ordinary heap classes made by calling
// type(name, (base,), {'__module__': module}), exactly what PyErr_NewException does, so they pickle and print as
// CPython's.
Value new_exception_class(ThreadState& ts, const char* module, const char* name, Type* base) {
  DictObject* ns = make_dict(ts);
  dict_set_str_new(ts, ns, ts.interp->names.module, Value(make_str(ts, module)));
  Value base_value(static_cast<Object*>(base));
  Value args[3] = {Value(make_str(ts, name)), Value(make_tuple(ts, std::span<const Value>(&base_value, 1))),
                   Value(ns)};
  return call(ts, Value(&type_type), args);
}

bool bytes_like(ThreadState& ts, Value v, std::string_view* out) {
  // The buffer protocol (bytes, bytearray, memoryview, array: vm/objects/buffer.h). The export ends at once: the
  // bytes stay where they are while no Python code runs, which the callers (hashing, packing) rely on.
  if (has_buffer(v)) {
    BufferLease lease;
    if (!lease.acquire(ts, v)) return false;
    *out = lease.bytes();
    return true;
  }
  raise_fmt(ts, TypeError_type, "a bytes-like object is required, not '{}'", type_name(v));
  return false;
}

}  // namespace minipy::native

namespace minipy::native {

namespace {
bool keywordless(ThreadState& ts, const char* qualname, TupleObject* kwnames) {
  if (kwnames && kwnames->size) {
    raise_fmt(ts, TypeError_type, "{}() takes no keyword arguments", qualname);
    return false;
  }
  return true;
}
}  // namespace

bool no_args(ThreadState& ts, const char* qualname, std::span<const Value> args, TupleObject* kwnames) {
  if (!keywordless(ts, qualname, kwnames)) return false;
  if (!args.empty()) {
    raise_fmt(ts, TypeError_type, "{}() takes no arguments ({} given)", qualname, args.size());
    return false;
  }
  return true;
}

bool one_arg(ThreadState& ts, const char* qualname, std::span<const Value> args, TupleObject* kwnames) {
  if (!keywordless(ts, qualname, kwnames)) return false;
  if (args.size() != 1) {
    raise_fmt(ts, TypeError_type, "{}() takes exactly one argument ({} given)", qualname, args.size());
    return false;
  }
  return true;
}

}  // namespace minipy::native
