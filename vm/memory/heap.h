// The garbage-collected heap: a non-moving mark-sweep collector. Reference cycles cost nothing extra, and the
// interpreter loop never touches reference counts.
//
// Allocation: objects up to kMaxSmallSize bytes come from size-classed free lists carved out of 64 KiB pages
// (aligned, so any address maps to its page with a mask); bigger objects get a dedicated "large page".
// A slot is allocated exactly when its Object::type is non-null.
//
// Roots: everything the Interpreter and ThreadState hold (modules, builtins, interned strings, the frame stack,
// the pending exception, ...), the builtin types, explicitly registered roots (RootScope / Rooted), and —
// conservatively — every word on the native C++ stack that points into an allocated slot. The conservative scan
// is what lets native code keep Values in plain local variables across calls that may run Python code and
// collect; values kept in malloc'd memory (std::vector<Value> ...) must be registered explicitly.
//
// Finalizers (PEP 442): objects whose type has a `del` slot are registered when allocated. After marking, the
// unreachable ones not yet finalized are queued and resurrected (marked with all they reach) for this cycle;
// the interpreter runs the queue at a safe point after the collection (run_pending_finalizers). Weak references
// to objects still unreachable after that are cleared in the same collection, and their callbacks queued too.
//
// When: allocation only counts bytes; once the budget is spent it raises a flag, and the interpreter loop
// collects at its next safe point (function entry, backward jump) or gc.collect() runs it directly.
#pragma once
#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "vm/object.h"

namespace minipy {

class Heap;

// weakref.ref's layout; the heap clears `referent` when it dies (the reference itself does not keep it alive).
struct WeakReference : Object {
  Object* referent;  // nullptr once cleared
  Value callback;    // null when none
  int64_t hash;      // -1 until computed
};

// Visits the references of one object during marking.
class Tracer {
 public:
  explicit Tracer(Heap& heap) : heap_(heap) {}
  inline void visit(Value v);
  void visit(Object* o) { if (o) visit(Value(o)); }
  // Long ranges (a list of a million strs) prefetch the object kAhead items on: each visit reads and writes the
  // object's header, a cache miss apiece in a big heap, and the misses then overlap instead of queueing.
  void visit_range(const Value* begin, const Value* end) {
    constexpr ptrdiff_t kAhead = 8;
    const Value* p = begin;
    if (end - begin > kAhead) {
      for (; p < end - kAhead; p++) {
        if (p[kAhead].is_object()) __builtin_prefetch(p[kAhead].as_object(), 1);
        visit(*p);
      }
    }
    for (; p < end; p++) visit(*p);
  }
  // For memory that may hold stale words (value-stack areas): only words pointing at live slots count.
  void visit_conservative(const void* begin, const void* end);

 private:
  Heap& heap_;
};

// How the finalization order walk treats an object's references (see Heap::mark_in_finalization_order).
enum class ObjectShape { kOther, kInstance, kDict, kSequence };
struct FinalizeOrder {
  std::span<const Value> roots;                 // in the order their finalizable objects should be queued
  ObjectShape (*shape)(const Object*) = nullptr;
};

struct HeapStats {
  uint64_t collections = 0;
  uint64_t live_bytes = 0;       // after the last collection
  uint64_t allocated_bytes = 0;  // currently allocated (objects + accounted external memory)
  uint64_t freed_objects = 0;    // total over all collections
  uint64_t unreachable = 0;      // objects found unreachable by the last collection (freed or finalized)
};

class Heap {
 public:
  static constexpr size_t kPageSize = 64 * 1024;
  static constexpr size_t kMaxSmallSize = 4096;  // bigger objects get a page of their own

  Heap();
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  // Allocates `size` zeroed bytes with Object::type set to `type`. Never fails (aborts when out of memory).
  Object* allocate(Type* type, size_t size);
  template <class T>
  T* allocate(Type* type, size_t size = sizeof(T)) {
    return static_cast<T*>(allocate(type, size));
  }

  // Memory an object owns outside the heap (list item arrays, dict tables, big int limbs), so that the
  // collection budget reflects it. Call with a negative delta when freeing.
  void account_external(int64_t delta) {
    bytes_since_gc_ += delta > 0 ? delta : 0;
    external_since_gc_ += delta > 0 ? delta : 0;
    external_bytes_ += delta;
  }

  // A collection is due when the objects allocated since the last one reach the budget, or objects and external
  // memory together reach it but at least kBufferBudget (heap.cpp): a small heap's budget is sized for young
  // objects, which a collection reclaims while they are still cached; malloc'd buffers (a sort's list copies)
  // are reused by malloc without it, and counting them against that budget tripled sort_lists' collections.
  bool collection_due() const {
    return (bytes_since_gc_ - external_since_gc_ >= budget_ || bytes_since_gc_ >= buffer_budget_ || stress_) &&
           enabled_;
  }
  // Runs a full collection. `root_marker` marks the interpreter's roots (called once per collection).
  using RootMarker = void (*)(void* context, Tracer& tracer);
  // `order`: values whose unreachable finalizable objects should be finalized first (exit), and how to walk them.
  void collect(RootMarker root_marker, void* context, const FinalizeOrder& order = {});

  void set_enabled(bool enabled) { enabled_ = enabled; }
  bool enabled() const { return enabled_; }
  void set_stress(bool stress) { stress_ = stress; }  // collect at every safe point (tests)
  bool stress() const { return stress_; }
  const HeapStats& stats() const { return stats_; }

  // The conservative scan covers the native stack between the collector's own frame and this address.
  void set_stack_base(const void* base) { stack_base_ = base; }

  // If `word` points into an allocated slot, the object in it; else nullptr.
  Object* find_object(uintptr_t word) const;

  // Finalization. A heap type gaining a `del` slot calls note_finalizer_type(), from then on its instances are
  // registered at allocation; objects of builtin types with one (generators) register themselves. Weak
  // references use the slot for their callback: they are queued by the sweep, never registered.
  void note_finalizer_type() { finalizer_types_ = true; }
  void register_finalizable(Object* o) { finalizable_.push_back(o); }
  void register_weakref(WeakReference* r) { weakrefs_.push_back(r); }
  size_t weakref_count(const Object* referent) const {
    size_t n = 0;
    for (const WeakReference* r : weakrefs_) n += r->referent == referent;
    return n;
  }
  // The next object whose `del` slot is due (FIFO), or nullptr.
  Object* pop_pending() {
    if (pending_head_ == pending_.size()) return nullptr;
    Object* o = pending_[pending_head_++];
    if (pending_head_ == pending_.size()) pending_.clear(), pending_head_ = 0;
    return o;
  }
  bool has_pending() const { return pending_head_ < pending_.size(); }
  // Whether a collection could queue anything: objects registered as finalizable or weak references.
  bool may_finalize() const { return !finalizable_.empty() || !weakrefs_.empty(); }
  bool finalizers_running = false;  // set by the runner so that nested safe points do not re-enter it
  // At exit: skip the conservative stack scan (no native frame holds program values any more), so that objects
  // dropped from module globals are found unreachable deterministically.
  void set_precise_roots_only(bool on) { precise_only_ = on; }

  uint32_t epoch() const { return epoch_; }
  void mark(Object* o);  // marks o and queues it for tracing (static objects are traced, never swept)

  // Introspection for the gc module (stdlib/native/gc.cpp): calls fn(context, o) for every allocated object;
  // appends what o's trace slot visits (its type first when it is a heap type) to `out`, duplicates included.
  void for_each_object(void (*fn)(void* context, Object* o), void* context) const;
  void referents(Object* o, std::vector<Object*>& out);
  // gc.DEBUG_SAVEALL: when set, a collection keeps its unreachable objects alive and appends them here.
  std::vector<Object*>* save_unreachable = nullptr;

 private:
  struct Page;
  void register_if_finalizable(Object* o) {
    if (o->type->del && (o->type->flags & kTypeHeap)) finalizable_.push_back(o);
  }
  Page* new_page(size_t size_class);
  void* take_small_page();
  void resurrect_finalizable(const FinalizeOrder& hints);
  void mark_in_finalization_order(Object* root, const FinalizeOrder& hints);
  void clear_dead_weakrefs(const std::vector<bool>& reachable);
  Object* allocate_large(Type* type, size_t size);
  void drain_mark_stack();
  void scan_native_stack();
  void sweep();
  void keep_unreachable(std::vector<Object*>& out);
  std::vector<Object*>* referent_sink_ = nullptr;  // set while referents() traces: mark() collects instead

  static constexpr size_t kReservationSize = 64 * kPageSize;  // small pages are carved from these
  std::vector<Page*> pages_;                             // all pages, small and large
  std::vector<void*> reservations_;                      // mapped, never unmapped before the heap dies
  char* carve_next_ = nullptr;                           // the current reservation's next unused page
  char* carve_end_ = nullptr;
  std::unordered_map<uintptr_t, Page*> page_of_unit_;    // 64 KiB unit -> its page (large pages span several)
  // The address range every page made so far lies in (freed large pages may leave holes): find_object's filter.
  uintptr_t pages_low_ = UINTPTR_MAX;
  uintptr_t pages_high_ = UINTPTR_MAX;
  void note_page_span(uintptr_t begin, size_t size) {
    if (pages_low_ == UINTPTR_MAX) pages_low_ = begin, pages_high_ = begin + size;
    pages_low_ = std::min(pages_low_, begin);
    pages_high_ = std::max(pages_high_, begin + size);
  }
  int64_t stack_bytes_scanned_ = 0;  // the native stack the last collection read (its budget grows with it)
  Object* free_lists_[kMaxSmallSize / 16 + 1] = {};  // intrusive: a free slot's second word links the next
  // Per size class, the page whose untouched tail new_page threads next (nullptr when the class has none): a scan
  // of pages_ for it cost word counting a sixth of its time, a cache and TLB miss per page header.
  Page* growing_[kMaxSmallSize / 16 + 1] = {};
  std::vector<Object*> mark_stack_;
  std::vector<Object*> finalizable_;          // may need finalization when found unreachable
  std::vector<WeakReference*> weakrefs_;      // live, uncleared weak references
  std::vector<Object*> pending_;              // [pending_head_, end): `del` slots to run (roots until then)
  size_t pending_head_ = 0;
  bool finalizer_types_ = false;
  bool precise_only_ = false;
  uint32_t epoch_ = 1;
  int64_t bytes_since_gc_ = 0;     // objects and external memory
  int64_t external_since_gc_ = 0;  // the external part of it
  int64_t buffer_budget_;          // max(budget_, kBufferBudget)
  int64_t budget_;  // kFirstBudget (heap.cpp) until the first collection sizes it from the live heap
  int64_t object_bytes_ = 0;
  int64_t external_bytes_ = 0;
  bool enabled_ = true;
  bool stress_ = false;
  bool collecting_ = false;
  const void* stack_base_ = nullptr;
  HeapStats stats_;
};

inline void Tracer::visit(Value v) {
  if (v.is_object()) {
    Object* o = v.as_object();
    if (o->gc_epoch != heap_.epoch()) heap_.mark(o);
  }
}

}  // namespace minipy
