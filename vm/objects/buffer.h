// The buffer protocol: how native code reads (and writes) the bytes of an object without knowing its type —
// CPython's Py_buffer / PyObject_GetBuffer, cut down to what minipy's exporters need. bytes, bytearray and
// memoryview export buffers; array.array can adopt the protocol with one register_buffer_type() call.
//
// An exporter fills a BufferView describing its memory (data pointer, item format and size, shape and strides)
// and counts the export when its memory could move: a bytearray refuses to resize while any export is live
// ("BufferError: Existing exports of data: object cannot be re-sized"), exactly as CPython does. Every
// successful get_buffer() is paired with one release_buffer() (BufferLease does it on scope exit).
//
// Lifetime: the view does not keep the exporter alive; its holder must (a memoryview keeps it in a traced slot,
// a native function has it in its arguments). A memoryview that is collected without release() gives its export
// back from its finalize slot. That runs during the sweep, possibly after its exporter was swept too, so an
// exporter's `release` must only touch fields stored inside the object (the heap keeps a dead object's memory
// until the sweep ends and frees nothing it links from there): a counter, never malloc'd memory.
#pragma once
#include <cstdint>
#include <string_view>

#include "vm/runtime.h"

namespace minipy {

// CPython's PyBUF_MAX_NDIM.
inline constexpr int kMaxBufferDims = 64;

struct BufferView {
  char* data = nullptr;       // the first byte of item [0, 0, ...]
  int64_t length = 0;         // bytes: itemsize * product(shape)
  int64_t itemsize = 1;
  const char* format = "B";   // struct-module format of one item (NUL-terminated; owned by the exporter)
  bool readonly = true;
  int ndim = 1;
  // `ndim` extents and byte strides, owned by the exporter; nullptr means one dimension of length/itemsize
  // items, C-contiguous.
  const int64_t* shape = nullptr;
  const int64_t* strides = nullptr;
  Value exporter;             // the object whose release() ends this export
  void (*release)(Value) = nullptr;  // its exporter's release function (kept: finalizers must not look it up)

  int64_t extent(int dim) const { return shape ? shape[dim] : length / itemsize; }
  int64_t stride(int dim) const;
  bool c_contiguous() const;
  bool f_contiguous() const;
  std::string_view bytes() const { return {data, static_cast<size_t>(length)}; }  // if c_contiguous()
};

// An exporter's two functions. `get` fills *view for `obj` (and counts the export if the exporter must stay
// unresizable while it lasts); false with an exception pending if it cannot export. `release` undoes one get.
using GetBufferFn = bool (*)(ThreadState& ts, Value obj, BufferView* view);
using ReleaseBufferFn = void (*)(Value obj);
// Makes instances of `type` (and of its subclasses) exporters. A handful of types call this at start-up.
void register_buffer_type(Type& type, GetBufferFn get, ReleaseBufferFn release);

// Whether `v` supports the buffer protocol (PyObject_CheckBuffer).
bool has_buffer(Value v);
// Fills *view from `obj`; TypeError "a bytes-like object is required, not 'T'" when it is no exporter.
[[nodiscard]] bool get_buffer(ThreadState& ts, Value obj, BufferView* view);
// Ends the export `view` came from (a no-op for an empty view).
void release_buffer(BufferView* view);

// Whether an exporter with `*exports` live exports may change size now. A memoryview that became garbage still
// counts until the collector finalizes it, so a nonzero count first runs one collection and looks again
// (CPython's refcounting ends such views at once). Exporters that refuse resizing (bytearray, array) ask this.
[[nodiscard]] inline bool exports_ended(ThreadState& ts, const int64_t* exports) {
  if (*exports > 0) ts.interp->collect_garbage();
  return *exports == 0;
}

// A view held for the duration of a native function: released on scope exit (never across the eval loop).
class BufferLease {
 public:
  BufferLease() = default;
  BufferLease(const BufferLease&) = delete;
  BufferLease& operator=(const BufferLease&) = delete;
  ~BufferLease() { release_buffer(&view); }
  // get_buffer, then C-contiguity as a bytes-like argument needs ("BufferError: ... not C-contiguous").
  [[nodiscard]] bool acquire(ThreadState& ts, Value obj);
  std::string_view bytes() const { return view.bytes(); }
  BufferView view;
};

// Calls visit(pointer) for every item of `v` in C (row-major) order; stops early when visit returns false.
template <class Visit>
bool for_each_buffer_item(const BufferView& v, Visit visit) {
  if (v.ndim == 0) return visit(v.data);
  int64_t index[kMaxBufferDims] = {};
  for (int d = 0; d < v.ndim; d++)
    if (v.extent(d) == 0) return true;
  while (true) {
    const char* p = v.data;
    for (int d = 0; d < v.ndim; d++) p += index[d] * v.stride(d);
    if (!visit(p)) return false;
    int d = v.ndim - 1;
    while (d >= 0 && ++index[d] == v.extent(d)) index[d--] = 0;
    if (d < 0) return true;
  }
}

// The bytes of `v`'s items in C order (a copy; for non-contiguous views too).
std::string gather_bytes(const BufferView& v);

// The bytes of a bytes-like argument copied out (for callers that run Python code while using them).
[[nodiscard]] bool buffer_bytes(ThreadState& ts, Value obj, std::string* out);

// ---- memoryview ---------------------------------------------------------------------------------------------
extern Type memoryview_type;
// memoryview(obj)
Value make_memoryview(ThreadState& ts, Value obj);

}  // namespace minipy
