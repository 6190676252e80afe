// The native `_heapq` module: CPython 3.11's _heapqmodule.c — heappush, heappop, heapify, heapreplace,
// heappushpop and the max-heap helpers heapq.py uses (_heappop_max, _heapify_max, _heapreplace_max). The
// sift loops compare in CPython's order with `<` only, so results, orders of equal items and the calls a
// user's __lt__ sees are the same; a list resized by a comparison raises CPython's RuntimeError. Complete.
#include <string>

#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"

namespace minipy {

namespace {

ListObject* as_list(Value v) { return static_cast<ListObject*>(v.as_object()); }

bool size_unchanged(ThreadState& ts, ListObject* heap, int64_t size) {
  if (heap->size == size) return true;
  raise(ts, RuntimeError_type, "list changed size during iteration");
  return false;
}

// a < b, or b < a for the max-heap variants.
int heap_less(ThreadState& ts, Value a, Value b, bool max_heap) {
  return max_heap ? rich_compare_bool(ts, b, a, kLt) : rich_compare_bool(ts, a, b, kLt);
}

// Moves heap[pos] up toward startpos while it is smaller than its parent.
bool sift_down(ThreadState& ts, ListObject* heap, int64_t startpos, int64_t pos, bool max_heap) {
  int64_t size = heap->size;
  while (pos > startpos) {
    int64_t parentpos = (pos - 1) >> 1;
    Value newitem = heap->items[pos];
    Value parent = heap->items[parentpos];
    int less = heap_less(ts, newitem, parent, max_heap);
    if (less < 0 || !size_unchanged(ts, heap, size)) return false;
    if (!less) break;
    // Re-read: the comparison may have reordered the list.
    std::swap(heap->items[parentpos], heap->items[pos]);
    pos = parentpos;
  }
  return true;
}

// Moves the smaller child up from pos to a leaf, then sifts the item found at pos back down (heapq.py's
// _siftup: fewer comparisons than stopping early).
bool sift_up(ThreadState& ts, ListObject* heap, int64_t pos, bool max_heap) {
  int64_t endpos = heap->size;
  int64_t startpos = pos;
  int64_t limit = endpos >> 1;
  while (pos < limit) {
    int64_t childpos = 2 * pos + 1;
    if (childpos + 1 < endpos) {
      int less = heap_less(ts, heap->items[childpos], heap->items[childpos + 1], max_heap);
      if (less < 0) return false;
      if (!less) childpos += 1;
      if (!size_unchanged(ts, heap, endpos)) return false;
    }
    std::swap(heap->items[childpos], heap->items[pos]);
    pos = childpos;
  }
  return sift_down(ts, heap, startpos, pos, max_heap);
}

// Argument Clinic's check of a list parameter: "heappush() argument 1 must be list, not tuple" (the number only
// when the function has more than one parameter).
bool list_argument(ThreadState& ts, const char* fname, Value v, bool numbered) {
  if (is_list(v)) return true;
  raise_fmt(ts, TypeError_type, "{}() argument {}must be list, not {}", fname, numbered ? "1 " : "", type_name(v));
  return false;
}

// _PyArg_CheckPositional's "NAME expected 2 arguments, got N".
bool two_arguments(ThreadState& ts, const char* fname, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, ("_heapq." + std::string(fname)).c_str(), kwnames)) return false;
  if (args.size() == 2) return list_argument(ts, fname, args[0], true);
  raise_fmt(ts, TypeError_type, "{} expected 2 arguments, got {}", fname, args.size());
  return false;
}

NATIVE_FN(heappush) {
  (void)self;
  if (!two_arguments(ts, "heappush", args, kwnames)) return Value();
  ListObject* heap = as_list(args[0]);
  if (!list_append(ts, heap, args[1]) || !sift_down(ts, heap, 0, heap->size - 1, false)) return Value();
  return None();
}

Value pop(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, const char* qualname, bool max_heap) {
  if (!native::one_arg(ts, qualname, args, kwnames) || !list_argument(ts, qualname + 7, args[0], false))
    return Value();
  ListObject* heap = as_list(args[0]);
  if (heap->size == 0) return raise(ts, IndexError_type, "index out of range");
  Value last = heap->items[--heap->size];
  if (heap->size == 0) return last;
  Value top = heap->items[0];
  heap->items[0] = last;
  if (!sift_up(ts, heap, 0, max_heap)) return Value();
  return top;
}

NATIVE_FN(heappop) { (void)self; return pop(ts, args, kwnames, "_heapq.heappop", false); }
NATIVE_FN(heappop_max) { (void)self; return pop(ts, args, kwnames, "_heapq._heappop_max", true); }

Value replace(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, const char* fname, bool max_heap) {
  if (!two_arguments(ts, fname, args, kwnames)) return Value();
  ListObject* heap = as_list(args[0]);
  if (heap->size == 0) return raise(ts, IndexError_type, "index out of range");
  Value top = heap->items[0];
  heap->items[0] = args[1];
  if (!sift_up(ts, heap, 0, max_heap)) return Value();
  return top;
}

NATIVE_FN(heapreplace) { (void)self; return replace(ts, args, kwnames, "heapreplace", false); }
NATIVE_FN(heapreplace_max) { (void)self; return replace(ts, args, kwnames, "_heapreplace_max", true); }

NATIVE_FN(heappushpop) {
  (void)self;
  if (!two_arguments(ts, "heappushpop", args, kwnames)) return Value();
  ListObject* heap = as_list(args[0]);
  Value item = args[1];
  if (heap->size == 0) return item;
  int less = rich_compare_bool(ts, heap->items[0], item, kLt);
  if (less < 0) return Value();
  if (!less) return item;
  if (heap->size == 0) return raise(ts, IndexError_type, "index out of range");
  Value top = heap->items[0];
  heap->items[0] = item;
  if (!sift_up(ts, heap, 0, false)) return Value();
  return top;
}

Value heapify_list(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, const char* qualname,
                   bool max_heap) {
  if (!native::one_arg(ts, qualname, args, kwnames) || !list_argument(ts, qualname + 7, args[0], false))
    return Value();
  ListObject* heap = as_list(args[0]);
  for (int64_t i = heap->size / 2 - 1; i >= 0; i--)
    if (!sift_up(ts, heap, i, max_heap)) return Value();
  return None();
}

NATIVE_FN(heapify) { (void)self; return heapify_list(ts, args, kwnames, "_heapq.heapify", false); }
NATIVE_FN(heapify_max) { (void)self; return heapify_list(ts, args, kwnames, "_heapq._heapify_max", true); }

const MethodDef kHeapqFunctions[] = {
    {"heappush", heappush},       {"heappop", heappop},         {"heapify", heapify},
    {"heapreplace", heapreplace}, {"heappushpop", heappushpop}, {"_heappop_max", heappop_max},
    {"_heapify_max", heapify_max}, {"_heapreplace_max", heapreplace_max},
};

}  // namespace

ModuleObject* create_heapq_module(ThreadState& ts) {
  ModuleObject* m = make_module(ts, "_heapq");
  add_module_functions(ts, m, kHeapqFunctions);
  return m;
}

}  // namespace minipy
