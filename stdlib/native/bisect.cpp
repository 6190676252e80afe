// The native `_bisect` module: CPython 3.11's _bisectmodule.c (bisect_left/right, insort_left/right with lo,
// hi and key). The probes and comparisons are CPython's (x < item for the right variants, item < x for the
// left ones, midpoints rounded down), so user __lt__ methods see the same calls. Complete.
#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"

namespace minipy {

namespace {

// The first position in a[lo:hi] where x belongs, after equal items (`right`) or before them.
bool bisect_position(ThreadState& ts, Value a, Value x, int64_t lo, int64_t hi, Value key, bool right,
                     int64_t* out) {
  if (lo < 0) return raise(ts, ValueError_type, "lo must be non-negative"), false;
  if (hi == -1) {
    hi = py_len(ts, a);
    if (hi < 0) return false;
  }
  while (lo < hi) {
    // The sum is taken unsigned, as CPython's ((size_t)lo + hi) / 2: lo + hi may exceed INT64_MAX for huge user
    // sequences whose __len__ is near the limit.
    int64_t mid = static_cast<int64_t>((static_cast<uint64_t>(lo) + static_cast<uint64_t>(hi)) / 2);
    Value item = get_item(ts, a, make_int(ts, mid));
    if (!item) return false;
    if (key && !is_none(key)) {
      item = call(ts, key, std::span<const Value>(&item, 1));
      if (!item) return false;
    }
    int less = right ? rich_compare_bool(ts, x, item, kLt) : rich_compare_bool(ts, item, x, kLt);
    if (less < 0) return false;
    if (right) {
      if (less) hi = mid;
      else lo = mid + 1;
    } else {
      if (less) lo = mid + 1;
      else hi = mid;
    }
  }
  *out = lo;
  return true;
}

// (a, x, lo=0, hi=None, *, key=None): hi None (or absent) means len(a).
bool bisect_arguments(ThreadState& ts, const char* fname, std::span<const Value> args, TupleObject* kwnames,
                      Value* v, int64_t* lo, int64_t* hi) {
  if (!native::parse_args(ts, fname, args, kwnames, {"a", "x", "lo", "hi", "key"}, 2, 0, v, 4)) return false;
  *lo = 0;
  *hi = -1;
  if (v[2] && !index_to_int64(ts, v[2], lo)) return false;
  // An explicit hi=-1 means len(a) too: -1 is the Argument Clinic default CPython compares against.
  if (v[3] && !is_none(v[3]) && !index_to_int64(ts, v[3], hi)) return false;
  return true;
}

Value bisect_function(ThreadState& ts, const char* fname, std::span<const Value> args, TupleObject* kwnames,
                      bool right) {
  Value v[5];
  int64_t lo, hi, position;
  if (!bisect_arguments(ts, fname, args, kwnames, v, &lo, &hi) ||
      !bisect_position(ts, v[0], v[1], lo, hi, v[4], right, &position))
    return Value();
  return make_int(ts, position);
}

// insort: the key applies to x too (computed once); the item goes in through a.insert(position, x). CPython calls
// PyList_Insert directly for an exact list, which is what list.insert does.
Value insort_function(ThreadState& ts, const char* fname, std::span<const Value> args, TupleObject* kwnames,
                      bool right) {
  Value v[5];
  int64_t lo, hi, position;
  if (!bisect_arguments(ts, fname, args, kwnames, v, &lo, &hi)) return Value();
  Value probe = v[1];
  if (v[4] && !is_none(v[4])) {
    probe = call(ts, v[4], std::span<const Value>(&v[1], 1));
    if (!probe) return Value();
  }
  if (!bisect_position(ts, v[0], probe, lo, hi, v[4], right, &position)) return Value();
  Value insert_args[2] = {make_int(ts, position), v[1]};
  if (!call_method(ts, v[0], intern(ts, "insert"), insert_args)) return Value();
  return None();
}

NATIVE_FN(bisect_right) { (void)self; return bisect_function(ts, "bisect_right", args, kwnames, true); }
NATIVE_FN(bisect_left) { (void)self; return bisect_function(ts, "bisect_left", args, kwnames, false); }
NATIVE_FN(insort_right) { (void)self; return insort_function(ts, "insort_right", args, kwnames, true); }
NATIVE_FN(insort_left) { (void)self; return insort_function(ts, "insort_left", args, kwnames, false); }

const MethodDef kBisectFunctions[] = {
    {"bisect_right", bisect_right}, {"bisect_left", bisect_left},
    {"insort_right", insort_right}, {"insort_left", insort_left},
};

}  // namespace

ModuleObject* create_bisect_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "_bisect");
  add_module_functions(ts, m, kBisectFunctions);
  return m;
}

}  // namespace minipy
