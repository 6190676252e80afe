// The buffer protocol's registry and helpers (see buffer.h), and bytes as the simplest exporter: immutable, so
// its exports need no counting.
#include "vm/objects/buffer.h"
#include "vm/objects/type_init.h"

#include <array>

namespace minipy {

namespace {

struct Exporter {
  Type* type;
  GetBufferFn get;
  ReleaseBufferFn release;
};
// A handful of builtin exporters; a type's subclasses find their base's row through the MRO.
std::array<Exporter, 8> exporters;
size_t exporter_count = 0;

const Exporter* exporter_of(Type* t) {
  for (size_t i = 0; i < exporter_count; i++)
    if (t == exporters[i].type) return &exporters[i];
  if (!(t->flags & kTypeHeap)) return nullptr;
  for (size_t i = 0; i < exporter_count; i++)
    if (is_subtype(t, exporters[i].type)) return &exporters[i];
  return nullptr;
}

bool bytes_get_buffer(ThreadState&, Value obj, BufferView* view) {
  auto* b = static_cast<BytesObject*>(obj.as_object());
  view->data = b->data;
  view->length = b->size;
  return true;
}
void bytes_release_buffer(Value) {}

}  // namespace

int64_t BufferView::stride(int dim) const {
  if (strides) return strides[dim];
  int64_t s = itemsize;
  for (int d = ndim - 1; d > dim; d--) s *= extent(d);
  return s;
}

bool BufferView::c_contiguous() const {
  if (!strides || length == 0) return true;
  int64_t expected = itemsize;
  for (int d = ndim - 1; d >= 0; d--) {
    if (extent(d) > 1 && strides[d] != expected) return false;
    expected *= extent(d);
  }
  return true;
}

bool BufferView::f_contiguous() const {
  if (length == 0) return true;
  if (ndim <= 1) return c_contiguous();
  int64_t expected = itemsize;
  for (int d = 0; d < ndim; d++) {
    if (extent(d) > 1 && stride(d) != expected) return false;
    expected *= extent(d);
  }
  return true;
}

void register_buffer_type(Type& type, GetBufferFn get, ReleaseBufferFn release) {
  if (exporter_count < exporters.size()) exporters[exporter_count++] = {&type, get, release};
}

bool has_buffer(Value v) { return v.is_object() && exporter_of(v.as_object()->type); }

bool get_buffer(ThreadState& ts, Value obj, BufferView* view) {
  const Exporter* e = obj.is_object() ? exporter_of(obj.as_object()->type) : nullptr;
  if (!e) {
    raise_fmt(ts, TypeError_type, "a bytes-like object is required, not '{}'", type_name(obj));
    return false;
  }
  *view = BufferView{};
  if (!e->get(ts, obj, view)) return false;
  view->exporter = obj;
  view->release = e->release;
  return true;
}

void release_buffer(BufferView* view) {
  if (!view->exporter) return;
  view->release(view->exporter);
  view->exporter = Value();
}

bool BufferLease::acquire(ThreadState& ts, Value obj) {
  if (!get_buffer(ts, obj, &view)) return false;
  if (!view.c_contiguous()) {
    release_buffer(&view);
    raise(ts, BufferError_type, "memoryview: underlying buffer is not C-contiguous");
    return false;
  }
  return true;
}

std::string gather_bytes(const BufferView& v) {
  if (v.c_contiguous()) return std::string(v.bytes());
  std::string out;
  out.reserve(static_cast<size_t>(v.length));
  for_each_buffer_item(v, [&](const char* p) {
    out.append(p, static_cast<size_t>(v.itemsize));
    return true;
  });
  return out;
}

bool buffer_bytes(ThreadState& ts, Value obj, std::string* out) {
  BufferView view;
  if (!get_buffer(ts, obj, &view)) return false;
  *out = gather_bytes(view);
  release_buffer(&view);
  return true;
}

void init_bytes_buffer(ThreadState&) { register_buffer_type(bytes_type, bytes_get_buffer, bytes_release_buffer); }

}  // namespace minipy
