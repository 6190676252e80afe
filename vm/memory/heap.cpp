// The collector's implementation (heap.h describes the model): page and size-class allocation, marking from the roots
// with an explicit stack, the conservative scan of the native stack and registers, PEP 442 finalization order,
// weak-reference clearing, and the sweep that rebuilds the free lists. Nothing here knows a Python type beyond the
// `trace`, `finalize` and `del` slots every type provides.
#include "vm/memory/heap.h"

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

#include <sys/mman.h>
#if defined(MINIPY_SANITIZE)
#include <sanitizer/lsan_interface.h>
#endif

namespace minipy {

// Every page starts with this header; slots follow at kFirstSlot.
struct Heap::Page {
  uint32_t slot_size;   // 0 for a large page
  uint32_t slot_count;  // 1 for a large page
  size_t total_size;    // bytes of the whole page allocation
  // Slots [0, threaded) have been on the free list (free or allocated, type says which); the rest were never
  // touched, so the kernel has not even mapped their memory yet. Every loop over slots stops here.
  uint32_t threaded;
};

namespace {
constexpr size_t kFirstSlot = 64;  // header, rounded to a cache line
constexpr size_t kHugePageSize = 2 << 20;  // x86-64's transparent huge page (see take_small_page)
constexpr size_t size_class(size_t size) { return (size + 15) / 16; }
// Fresh slots are put on the free list this many bytes at a time: start-up uses a few slots of many size
// classes, and threading a whole 64 KiB page per class faulted in memory nothing used.
constexpr uint32_t kThreadChunkBytes = 4096;

// A free slot keeps type == nullptr (so it never looks allocated) and links the next free slot here.
Object*& next_free(Object* slot) { return *reinterpret_cast<Object**>(reinterpret_cast<char*>(slot) + 8); }

// The allocation between two collections while the live heap is small (see next_budget), before it is scaled by
// the share that survives. Young garbage is then reclaimed while its memory is still in the cache and resident
// memory stays near the live size: with 2 MiB for everything, raytrace, oo_sim and nbody (whose Vecs, ranges and
// iterators die at once) peaked 2 to 4 MB above CPython (12.9 MB against 8.8 MB for raytrace; 9.5 MB now), for
// about 1% fewer instructions. Imports, where most of what is allocated survives, get more through the scaling
// (next_budget); the first collection comes after kFirstBudget (start-up itself allocates about half of it).
constexpr int64_t kMinBudget = 512 << 10;
constexpr int64_t kFirstBudget = 1 << 20;
// The least allocation of objects and external memory together between two collections (see collection_due).
constexpr int64_t kBufferBudget = 2 << 20;
// The epoch referents() traces under: never a collection's (collect() skips it), so no object carries it.
constexpr uint32_t kProbeEpoch = UINT32_MAX;
// Out of line and cold, so that Heap::mark's own code stays as it was but for one compare.
__attribute__((noinline, cold)) void record_referent(std::vector<Object*>* sink, Object* o) { sink->push_back(o); }
__attribute__((noinline)) void push_growing(std::vector<Object*>& stack, Object* o) { stack.push_back(o); }
}  // namespace

Heap::Heap() : budget_(kFirstBudget), buffer_budget_(kBufferBudget) {}

Heap::~Heap() {
  // Finalize everything before freeing anything: an instance's type may be a heap type on another page.
  for (Page* page : pages_) {
    char* base = reinterpret_cast<char*>(page);
    for (uint32_t i = 0; i < page->threaded; i++) {
      auto* o = reinterpret_cast<Object*>(base + kFirstSlot + size_t{i} * page->slot_size);
      if (o->type && o->type->finalize) o->type->finalize(o);
    }
  }
  for (Page* page : pages_)
    if (page->slot_size == 0) std::free(page);
  for (void* reservation : reservations_) {
#if defined(MINIPY_SANITIZE)
    __lsan_unregister_root_region(reservation, kReservationSize);
#endif
    munmap(reservation, kReservationSize);
  }
}

// Small pages come from 4 MiB reservations mapped straight from the kernel, 64 KiB aligned, handed out in
// address order. aligned_alloc(64 KiB) from malloc's arena left a free gap beside almost every page (glibc
// over-allocates to align, then frees the slack), which small mallocs later touched: about a tenth more
// resident memory than the pages themselves. Untouched parts of a reservation cost no memory.
//
// Reservations after the first are aligned to 2 MiB and asked to be backed by transparent huge pages: a heap that
// grows past 4 MiB (word counting builds ~100 MB of strs) otherwise takes a page fault per 4 KiB it first
// touches, and on this kind of virtual machine the faults cost as much as the rest of the memory manager
// (Heap::new_page's first touches plus the kernel's fault path were 30% of word counting's time). A process
// that stays in its first reservation (start-up, most scripts) keeps small pages and its small footprint.
void* Heap::take_small_page() {
  if (carve_next_ == carve_end_) {
    bool huge = !reservations_.empty();
    size_t alignment = huge ? kHugePageSize : kPageSize;
    size_t length = kReservationSize + alignment;
    void* raw = mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) throw std::bad_alloc();  // MemoryError at the nearest boundary
    auto begin = reinterpret_cast<uintptr_t>(raw);
    uintptr_t aligned = (begin + alignment - 1) & ~(uintptr_t{alignment} - 1);
    // Give the unaligned head and the tail beyond the reservation back.
    if (aligned > begin) munmap(raw, aligned - begin);
    if (begin + length > aligned + kReservationSize)
      munmap(reinterpret_cast<void*>(aligned + kReservationSize), begin + length - aligned - kReservationSize);
    carve_next_ = reinterpret_cast<char*>(aligned);
    carve_end_ = carve_next_ + kReservationSize;
#if defined(MADV_HUGEPAGE)
    // Advice only: without transparent huge pages (or with them off) the kernel ignores it.
    if (huge) madvise(carve_next_, kReservationSize, MADV_HUGEPAGE);
#endif
    reservations_.push_back(carve_next_);
#if defined(MINIPY_SANITIZE)
    // LeakSanitizer scans malloc'd blocks, stacks and globals, never mmap'd memory: without this root region a
    // table an object keeps in malloc'd memory (a dict's entries, a list's items) looks leaked whenever the
    // interpreter outlives the check (the fuzz replay keeps one for the whole process).
    __lsan_register_root_region(carve_next_, kReservationSize);
#endif
  }
  void* page = carve_next_;
  carve_next_ += kPageSize;
  return page;
}

// Makes free slots of class `cls` available: the next chunk of the class's newest page if it has untouched
// slots left (only the newest page of a class can: a page is made when the previous one is used up; growing_
// remembers it), else a new page's first chunk. Returns the page the slots came from.
Heap::Page* Heap::new_page(size_t cls) {
  Page* page = growing_[cls];
  if (!page) {
    void* mem = take_small_page();
    // Only the header is cleared here: allocate() clears each slot as it hands it out, and a free slot needs
    // only type == nullptr and its free-list link, both written when its chunk is threaded.
    std::memset(mem, 0, kFirstSlot);
    page = static_cast<Page*>(mem);
    page->slot_size = static_cast<uint32_t>(cls * 16);
    page->slot_count = static_cast<uint32_t>((kPageSize - kFirstSlot) / page->slot_size);
    page->total_size = kPageSize;
    page->threaded = 0;
    pages_.push_back(page);
    page_of_unit_[reinterpret_cast<uintptr_t>(mem)] = page;
    note_page_span(reinterpret_cast<uintptr_t>(mem), kPageSize);
    growing_[cls] = page;
  }
  // Thread the next chunk onto the free list in address order.
  uint32_t chunk = std::max<uint32_t>(1, kThreadChunkBytes / page->slot_size);
  uint32_t end = std::min(page->slot_count, page->threaded + chunk);
  char* base = reinterpret_cast<char*>(page) + kFirstSlot;
  for (uint32_t i = end; i-- > page->threaded;) {
    auto* slot = reinterpret_cast<Object*>(base + size_t{i} * page->slot_size);
    slot->type = nullptr;
    next_free(slot) = free_lists_[cls];
    free_lists_[cls] = slot;
  }
  page->threaded = end;
  if (end == page->slot_count) growing_[cls] = nullptr;  // small pages are never freed, so the pointer stays valid
  return page;
}

Object* Heap::allocate(Type* type, size_t size) {
  if (size > kMaxSmallSize) return allocate_large(type, size);
  size_t cls = size_class(size < 16 ? 16 : size);
  Object* slot = free_lists_[cls];
  if (!slot) {
    new_page(cls);
    slot = free_lists_[cls];
  }
  free_lists_[cls] = next_free(slot);
  std::memset(static_cast<void*>(slot), 0, cls * 16);
  slot->type = type;
  bytes_since_gc_ += static_cast<int64_t>(cls * 16);
  object_bytes_ += static_cast<int64_t>(cls * 16);
  if (finalizer_types_) [[unlikely]] register_if_finalizable(slot);
  return slot;
}

Object* Heap::allocate_large(Type* type, size_t size) {
  // A request no machine can satisfy is refused before the size arithmetic below can wrap.
  if (size > (size_t{1} << 47)) throw std::bad_alloc();
  size_t total = (kFirstSlot + size + kPageSize - 1) / kPageSize * kPageSize;
  void* mem = std::aligned_alloc(kPageSize, total);
  if (!mem) throw std::bad_alloc();  // MemoryError at the nearest boundary (vm/memory/out_of_memory.h)
  std::memset(mem, 0, kFirstSlot + size);
  auto* page = static_cast<Page*>(mem);
  page->slot_size = 0;
  page->slot_count = 1;
  page->threaded = 1;
  page->total_size = total;
  pages_.push_back(page);
  for (size_t off = 0; off < total; off += kPageSize) page_of_unit_[reinterpret_cast<uintptr_t>(mem) + off] = page;
  note_page_span(reinterpret_cast<uintptr_t>(mem), total);
  auto* o = reinterpret_cast<Object*>(static_cast<char*>(mem) + kFirstSlot);
  o->type = type;
  bytes_since_gc_ += static_cast<int64_t>(total);
  object_bytes_ += static_cast<int64_t>(total);
  if (finalizer_types_) [[unlikely]] register_if_finalizable(o);
  return o;
}

Object* Heap::find_object(uintptr_t word) const {
  // Most words the conservative scan reads are return addresses, stack addresses and small ints: outside every
  // page, rejected without the hash lookup (a fifth of a small heap's collection).
  if ((word & 7) || word - pages_low_ >= pages_high_ - pages_low_) return nullptr;
  auto it = page_of_unit_.find(word & ~(uintptr_t{kPageSize} - 1));
  if (it == page_of_unit_.end()) return nullptr;
  Page* page = it->second;
  uintptr_t first = reinterpret_cast<uintptr_t>(page) + kFirstSlot;
  if (word < first) return nullptr;
  Object* o;
  if (page->slot_size == 0) {
    if (word >= reinterpret_cast<uintptr_t>(page) + page->total_size) return nullptr;
    o = reinterpret_cast<Object*>(first);
  } else {
    uintptr_t index = (word - first) / page->slot_size;
    if (index >= page->threaded) return nullptr;
    o = reinterpret_cast<Object*>(first + index * page->slot_size);
  }
  return o->type ? o : nullptr;
}

void Heap::mark(Object* o) {
  uint32_t epoch = epoch_;
  // referents() traces under the probe epoch: collect what the trace slot visits, mark nothing. Testing the epoch
  // (loaded here anyway) instead of the sink keeps marking at its former instruction count but one compare.
  if (epoch == kProbeEpoch) [[unlikely]] return record_referent(referent_sink_, o);
  o->gc_epoch = epoch;
  Type* type = o->type;
  if (!type->trace && !type->del) {
    // A leaf (a str, a float, a bytes): nothing to trace but its type, so it skips the mark stack. A list of a
    // million strs is then one push, not a million.
    if (type->gc_epoch != epoch_) mark(type);
    return;
  }
  // Growing the stack is out of line: inlined, its code made every call save six registers.
  if (mark_stack_.size() == mark_stack_.capacity()) [[unlikely]] return push_growing(mark_stack_, o);
  mark_stack_.push_back(o);
}

void Tracer::visit_conservative(const void* begin, const void* end) {
  auto* p = static_cast<const uintptr_t*>(begin);
  auto* e = static_cast<const uintptr_t*>(end);
  for (; p < e; p++) {
    if (Object* o = heap_.find_object(*p)) visit(o);
  }
}

void Heap::drain_mark_stack() {
  Tracer tracer(*this);
  while (!mark_stack_.empty()) {
    Object* o = mark_stack_.back();
    mark_stack_.pop_back();
    tracer.visit(o->type);
    if (o->type->trace) o->type->trace(o, tracer);
  }
}

// Reads the whole native stack as words, including the poisoned red zones ASan puts between locals. The
// attribute is unconditional: GCC announces ASan with __SANITIZE_ADDRESS__ but clang (the fuzz build) does not,
// and both accept it without a sanitizer.
__attribute__((no_sanitize_address)) __attribute__((noinline)) void Heap::scan_native_stack() {
  if (!stack_base_ || precise_only_) return;
  // Spill callee-saved registers into this frame so values held only in registers are seen too.
  std::jmp_buf registers;
  setjmp(registers);
  const void* top = __builtin_frame_address(0);
  Tracer tracer(*this);
  auto lo = reinterpret_cast<uintptr_t>(top) & ~uintptr_t{7};
  auto hi = reinterpret_cast<uintptr_t>(stack_base_);
  stack_bytes_scanned_ = static_cast<int64_t>(hi - lo);
  for (uintptr_t p = lo; p < hi; p += 8) {
    uintptr_t word = *reinterpret_cast<const uintptr_t*>(p);
    if (Object* o = find_object(word)) tracer.visit(o);
  }
  auto* r = reinterpret_cast<const uintptr_t*>(&registers);
  for (size_t i = 0; i < sizeof registers / 8; i++)
    if (Object* o = find_object(r[i])) tracer.visit(o);
}

void Heap::sweep() {
  for (auto& head : free_lists_) head = nullptr;
  int64_t live = 0;
  std::vector<Page*> kept;
  kept.reserve(pages_.size());
  std::vector<Page*> dead_large;
  for (Page* page : pages_) {
    char* base = reinterpret_cast<char*>(page) + kFirstSlot;
    if (page->slot_size == 0) {
      auto* o = reinterpret_cast<Object*>(base);
      if (o->gc_epoch != epoch_) {
        if (o->type->finalize) o->type->finalize(o);
        for (size_t off = 0; off < page->total_size; off += kPageSize)
          page_of_unit_.erase(reinterpret_cast<uintptr_t>(page) + off);
        stats_.freed_objects++;
        // Freed after the sweep: a dead instance swept later may still read its (dead) heap type's slots.
        dead_large.push_back(page);
        continue;
      }
      live += static_cast<int64_t>(page->total_size);
      kept.push_back(page);
      continue;
    }
    size_t cls = page->slot_size / 16;
    // Build the free list back to front so allocation proceeds in address order.
    for (uint32_t i = page->threaded; i-- > 0;) {
      auto* o = reinterpret_cast<Object*>(base + size_t{i} * page->slot_size);
      if (o->type) {
        if (o->gc_epoch == epoch_) {
          live += page->slot_size;
          continue;
        }
        if (o->type->finalize) o->type->finalize(o);
        o->type = nullptr;
        stats_.freed_objects++;
      }
      next_free(o) = free_lists_[cls];
      free_lists_[cls] = o;
    }
    kept.push_back(page);
  }
  pages_.swap(kept);
  for (Page* page : dead_large) std::free(page);
  object_bytes_ = live;
}

// gc.DEBUG_SAVEALL: everything still unmarked after finalizable objects were resurrected is appended to `out`
// (in heap order) and marked with all it reaches, so the sweep frees nothing. It runs before weak references are
// cleared: a reference that is part of the saved garbage keeps its referent, which is saved too.
void Heap::keep_unreachable(std::vector<Object*>& out) {
  size_t first = out.size();
  for (Page* page : pages_) {
    char* base = reinterpret_cast<char*>(page) + kFirstSlot;
    for (uint32_t i = 0; i < page->threaded; i++) {
      auto* o = reinterpret_cast<Object*>(base + size_t{i} * page->slot_size);  // a large page: i == 0 only
      if (o->type && o->gc_epoch != epoch_) out.push_back(o);
    }
  }
  for (size_t i = first; i < out.size(); i++)
    if (out[i]->gc_epoch != epoch_) mark(out[i]);
  drain_mark_stack();
}

void Heap::for_each_object(void (*fn)(void* context, Object* o), void* context) const {
  // By index, and over the pages that exist now: `fn` may allocate (new pages, more slots threaded).
  size_t page_count = pages_.size();
  for (size_t p = 0; p < page_count; p++) {
    Page* page = pages_[p];
    char* base = reinterpret_cast<char*>(page) + kFirstSlot;
    uint32_t threaded = page->threaded;
    for (uint32_t i = 0; i < threaded; i++) {
      auto* o = reinterpret_cast<Object*>(base + size_t{i} * page->slot_size);
      if (o->type) fn(context, o);
    }
  }
}

// Runs o's trace slot with mark() diverted into `out`. The epoch is set to one no object carries, so that the
// Tracer's "already marked" test passes every reference on to mark(); no object's mark changes.
void Heap::referents(Object* o, std::vector<Object*>& out) {
  if (collecting_ || referent_sink_) return;
  if (o->type->flags & kTypeHeap) out.push_back(o->type);
  if (!o->type->trace) return;
  uint32_t saved_epoch = epoch_;
  epoch_ = kProbeEpoch;
  referent_sink_ = &out;
  Tracer tracer(*this);
  o->type->trace(o, tracer);
  referent_sink_ = nullptr;
  epoch_ = saved_epoch;
}

namespace {
bool needs_del(const Object* o) { return o->type->del && !(o->gc_flags & kGcFinalized); }
constexpr uint16_t kGcDelCandidate = 1u << 15;  // unreachable and due for finalization (this collection only)
}  // namespace

// Marks breadth-first from `root` (the mark stack serves as a FIFO queue), queueing the finalization candidates
// in the order they are reached. That is close to the order CPython's collector finalizes module globals at
// exit: the globals in dict order, then what they hold, one level at a time. An instance's attribute dict adds
// no level, and list and tuple items come last first, as CPython's deallocation reaches them.
void Heap::mark_in_finalization_order(Object* root, const FinalizeOrder& hints) {
  Tracer tracer(*this);
  auto queue_candidates = [&](size_t from) {
    for (size_t i = from; i < mark_stack_.size(); i++) {
      Object* o = mark_stack_[i];
      if (!(o->gc_flags & kGcDelCandidate)) continue;
      o->gc_flags &= static_cast<uint16_t>(~kGcDelCandidate);
      pending_.push_back(o);
    }
  };
  size_t first = mark_stack_.size();
  mark(root);
  queue_candidates(first);
  for (size_t next = first; next < mark_stack_.size(); next++) {
    Object* o = mark_stack_[next];
    size_t before = mark_stack_.size();
    tracer.visit(o->type);
    if (o->type->trace) o->type->trace(o, tracer);
    ObjectShape shape = hints.shape ? hints.shape(o) : ObjectShape::kOther;
    if (shape == ObjectShape::kSequence) {
      std::reverse(mark_stack_.begin() + static_cast<ptrdiff_t>(before), mark_stack_.end());
    } else if (shape == ObjectShape::kInstance) {
      size_t end = mark_stack_.size();
      for (size_t i = before; i < end; i++) {
        Object* child = mark_stack_[i];
        if (hints.shape(child) == ObjectShape::kDict && child->type->trace) child->type->trace(child, tracer);
      }
    }
    queue_candidates(before);
  }
  mark_stack_.resize(first);
}

// PEP 442: unreachable objects with a pending finalizer live on until it has run; so does everything they reach.
// Those reachable from `hints.roots` are queued first (see mark_in_finalization_order), the others in
// registration order.
void Heap::resurrect_finalizable(const FinalizeOrder& hints) {
  size_t kept = 0;
  std::vector<Object*> unreachable;
  for (Object* o : finalizable_) {
    if (o->gc_epoch == epoch_) {
      finalizable_[kept++] = o;
    } else if (needs_del(o)) {
      o->gc_flags |= kGcDelCandidate;
      unreachable.push_back(o);
    }
  }
  finalizable_.resize(kept);
  if (unreachable.empty()) return;
  for (Value v : hints.roots) {
    if (!v.is_object() || v.as_object()->gc_epoch == epoch_ || (v.as_object()->gc_flags & kGcStatic)) continue;
    mark_in_finalization_order(v.as_object(), hints);
  }
  for (Object* o : unreachable) {
    if (!(o->gc_flags & kGcDelCandidate)) continue;
    o->gc_flags &= static_cast<uint16_t>(~kGcDelCandidate);
    pending_.push_back(o);
    if (o->gc_epoch != epoch_) mark(o);
  }
  drain_mark_stack();
}

// Weak references to objects about to be swept are cleared. As in CPython's collector, only references that were
// reachable before finalizable objects were resurrected call their callbacks: a reference that is itself part
// of the garbage is cleared silently.
void Heap::clear_dead_weakrefs(const std::vector<bool>& reachable) {
  size_t kept = 0;
  for (size_t i = 0; i < weakrefs_.size(); i++) {
    WeakReference* r = weakrefs_[i];
    if (r->gc_epoch != epoch_ || !r->referent) continue;
    if (r->referent->gc_epoch == epoch_ || (r->referent->gc_flags & kGcStatic)) {
      weakrefs_[kept++] = r;
      continue;
    }
    r->referent = nullptr;
    if (r->callback && reachable[i]) pending_.push_back(r);
  }
  weakrefs_.resize(kept);
}

// The allocation allowed before the next collection, from the live heap now (`live`), after the previous one
// (`live_before`) and what was allocated in between (`allocated`, objects and external memory) against the
// larger of the budgets it had (collection_due).
//
// A collection has to come once the garbage made since the last one is about a quarter of the live heap: the
// ratio CPython's collector uses for its full collections, which keeps the heap within about 1.25 times its live
// size (word counting over a large text peaked at 1.9 times CPython's memory with twice the live size as the
// budget). But every collection here is a full one, and a program building a big structure keeps part of what
// it allocates: with a budget of live / 4 and a survival share s, each collection finds the heap only s / 4
// larger than the last one did, so the whole structure is re-marked about 4 / s times while it grows. The
// budget is therefore scaled by the share of the last period's allocation that survived it: live / 4 / (1 - s)
// still leaves at most live / 4 of garbage, and the heap grows by s / (4 (1 - s)) between collections (s = 0.75:
// 75% instead of 19%, half the marking). The share is estimated from growth of the live heap (old objects dying
// only make it look smaller, which errs towards collecting sooner) and capped so that the budget never exceeds
// the live heap. A period that ran far past its budget (`budget`: one native call such as str.split allocating
// tens of megabytes before the next safe point) says nothing about the program's phase: word counting's split
// kept 70% of what it made, and the budget scaled by that let the garbage-only loop after it grow the heap to
// 1.2 times CPython's peak; such a period keeps the plain quarter. External memory (list buffers, dict tables)
// counts as allocation pressure only: finalizers free it without telling the heap, so it cannot be part of the
// live size. A small heap's floor (kMinBudget) is scaled by the square of 1 / (1 - s): short-lived objects keep
// it at 512 KiB, while a phase where most of what is made survives (an import's code and classes; a list being
// built) stretches it up to 16 times, the garbage it leaves staying (1 - s) of it. Scaled once, word counting's
// first loop (s about 0.4) collected twice as often as with the former 2 MiB floor.
namespace {
int64_t next_budget(int64_t live, int64_t live_before, int64_t allocated, int64_t budget) {
  constexpr double kMaxSurvival = 0.75;
  double survival = 0.0;
  if (allocated > 0 && allocated <= 2 * budget && live > live_before)
    survival = std::min(kMaxSurvival, static_cast<double>(live - live_before) / static_cast<double>(allocated));
  double kept = 1.0 - survival;
  return std::max(static_cast<int64_t>(static_cast<double>(live / 4) / kept),
                  static_cast<int64_t>(static_cast<double>(kMinBudget) / (kept * kept)));
}
}  // namespace

void Heap::collect(RootMarker root_marker, void* context, const FinalizeOrder& order) {
  if (collecting_) return;
  collecting_ = true;
  epoch_++;
  if (epoch_ == 0 || epoch_ == kProbeEpoch) epoch_ = 1;  // 0 is what fresh objects carry
  Tracer tracer(*this);
  root_marker(context, tracer);
  for (size_t i = pending_head_; i < pending_.size(); i++) tracer.visit(pending_[i]);
  scan_native_stack();
  drain_mark_stack();
  uint64_t freed_before = stats_.freed_objects;
  size_t pending_before = pending_.size();
  std::vector<bool> weakref_reachable;
  if (!weakrefs_.empty()) {
    weakref_reachable.reserve(weakrefs_.size());
    for (WeakReference* r : weakrefs_) weakref_reachable.push_back(r->gc_epoch == epoch_);
  }
  if (!finalizable_.empty()) resurrect_finalizable(order);
  size_t finalized = pending_.size() - pending_before;
  size_t saved = 0;
  if (save_unreachable) [[unlikely]] {
    size_t before = save_unreachable->size();
    keep_unreachable(*save_unreachable);
    saved = save_unreachable->size() - before;
  }
  if (!weakrefs_.empty()) clear_dead_weakrefs(weakref_reachable);
  sweep();
  stats_.unreachable = stats_.freed_objects - freed_before + finalized + saved;
  stats_.collections++;
  int64_t live_before = static_cast<int64_t>(stats_.live_bytes);
  stats_.live_bytes = static_cast<uint64_t>(object_bytes_);
  // The budget grows with the native stack too: a collection reads all of it, so deep native recursion (a
  // __getattr__ calling getattr under a huge recursion limit) would otherwise make each level's allocations pay
  // for a scan of every level below — quadratic time, where CPython's refcounting has no such cost.
  budget_ = std::max(next_budget(object_bytes_, live_before, bytes_since_gc_, buffer_budget_), stack_bytes_scanned_);
  buffer_budget_ = std::max(budget_, kBufferBudget);
  bytes_since_gc_ = 0;
  external_since_gc_ = 0;
  collecting_ = false;
}

}  // namespace minipy
