// The native `mmap` module, as CPython 3.11's mmapmodule.c on Linux: mmap.mmap over a file descriptor or anonymous
// memory (flags/prot or access, offset), its file-like methods (read, read_byte, readline, write, write_byte,
// seek, tell, size, find, rfind, flush, move, resize, madvise, close, closed), indexing and slice assignment,
// the buffer protocol (memoryview, bytes, re over a map), the context manager, and the constants.
//
// Left out: nothing of the Linux API. Iteration copies the bytes first (each item a 1-byte bytes, as CPython's).
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "vm/objects/buffer.h"

namespace minipy {

namespace {

enum Access { kAccessDefault, kAccessRead, kAccessWrite, kAccessCopy };

// The mapping is outside the collected heap, like a file descriptor: the object owns it and unmaps it when closed or
// when the collector sweeps it (finalize_mmap).
struct MmapObject : Object {
  char* data;       // null once closed
  int64_t size;
  int64_t pos;
  int64_t offset;
  int64_t exports;  // live buffer exports: closing and resizing are refused meanwhile
  int fd;           // a dup of the mapped file's descriptor, -1 for anonymous memory, -2 once closed
  int access;
};

Type mmap_type;

MmapObject* as_mmap(Value v) { return static_cast<MmapObject*>(v.as_object()); }

// The map of `self`, or null with "mmap closed or invalid".
// Every method checks this first, since a closed map's `data` is gone; CPython's CHECK_VALID uses the same message.
MmapObject* valid(ThreadState& ts, Value self) {
  MmapObject* m = as_mmap(self);
  if (m->fd == -2) return raise(ts, ValueError_type, "mmap closed or invalid"), nullptr;
  return m;
}

// Refuses changes to a read-only map.
[[nodiscard]] bool writable(ThreadState& ts, MmapObject* m) {
  if (m->access == kAccessRead) return raise(ts, TypeError_type, "mmap can't modify a readonly memory map."), false;
  return true;
}

// The descriptor is a dup of the caller's, taken at creation, so closing the map never closes the Python file object's
// descriptor and resize() can still ftruncate the file after the original is closed.
void release_map(MmapObject* m) {
  if (m->data && m->size > 0) munmap(m->data, static_cast<size_t>(m->size));
  if (m->fd >= 0) close(m->fd);
  m->data = nullptr;
  m->fd = -2;  // closed
}

void finalize_mmap(Object* self) {
  auto* m = static_cast<MmapObject*>(self);
  if (m->fd != -2) release_map(m);
}

// mmap(fileno, length, flags=MAP_SHARED, prot=PROT_WRITE|PROT_READ, access=ACCESS_DEFAULT, offset=0)
Value new_mmap(ThreadState& ts, Type* type, std::span<const Value> args, TupleObject* kwnames) {
  Value v[6];
  if (!native::parse_args(ts, "mmap", args, kwnames, {"fileno", "length", "flags", "prot", "access", "offset"}, 2, 0, v))
    return Value();
  int64_t fileno, length, flags = MAP_SHARED, prot = PROT_WRITE | PROT_READ, access = kAccessDefault, offset = 0;
  if (!index_to_int64(ts, v[0], &fileno) || !index_to_int64(ts, v[1], &length) ||
      (v[2] && !index_to_int64(ts, v[2], &flags)) || (v[3] && !index_to_int64(ts, v[3], &prot)) ||
      (v[4] && !index_to_int64(ts, v[4], &access)) || (v[5] && !index_to_int64(ts, v[5], &offset)))
    return Value();
  if (length < 0) return raise(ts, OverflowError_type, "memory mapped length must be positive");
  if (offset < 0) return raise(ts, OverflowError_type, "memory mapped offset must be positive");
  // access= is an alternative to flags/prot, so explicit non-default values of both are refused, as mmapmodule.c does
  // (it compares against the defaults too, so passing the defaults explicitly is allowed).
  if (access != kAccessDefault && (flags != MAP_SHARED || prot != (PROT_WRITE | PROT_READ)))
    return raise(ts, ValueError_type, "mmap can't specify both access and flags, prot.");
  switch (access) {
    case kAccessRead: flags = MAP_SHARED; prot = PROT_READ; break;
    case kAccessWrite: flags = MAP_SHARED; prot = PROT_READ | PROT_WRITE; break;
    case kAccessCopy: flags = MAP_PRIVATE; prot = PROT_READ | PROT_WRITE; break;
    case kAccessDefault:
      // A map without PROT_WRITE is read-only, as CPython infers.
      if ((prot & PROT_READ) && !(prot & PROT_WRITE)) access = kAccessRead;
      break;
    default: return raise(ts, ValueError_type, "mmap invalid access parameter.");
  }
  int fd = -1;
  if (fileno != -1) {
    struct stat st;
    // Only regular files have a size to check against: length 0 means "the whole file from offset", and a map beyond
    // the end is refused before mmap(2) would create one that faults with SIGBUS on access.
    if (fstat(static_cast<int>(fileno), &st) == 0 && S_ISREG(st.st_mode)) {
      if (length == 0) {
        if (st.st_size == 0) return raise(ts, ValueError_type, "cannot mmap an empty file");
        if (offset >= st.st_size) return raise(ts, ValueError_type, "mmap offset is greater than file size");
        length = st.st_size - offset;
      } else if (offset > st.st_size || st.st_size - offset < length) {
        return raise(ts, ValueError_type, "mmap length is greater than file size");
      }
    }
    fd = dup(static_cast<int>(fileno));
    if (fd < 0) return raise_os_error(ts, errno);
  } else {
    flags |= MAP_ANONYMOUS;
  }
  void* data = mmap(nullptr, static_cast<size_t>(length), static_cast<int>(prot), static_cast<int>(flags), fd, offset);
  if (data == MAP_FAILED) {
    int err = errno;
    if (fd >= 0) close(fd);
    return raise_os_error(ts, err);
  }
  auto* m = alloc_instance<MmapObject>(ts, type);
  m->data = static_cast<char*>(data);
  m->size = length;
  m->offset = offset;
  m->fd = fd;
  m->access = static_cast<int>(access);
  return Value(m);
}

// An optional size argument: None or missing is "the rest" (-1).
[[nodiscard]] bool optional_size(ThreadState& ts, Value v, int64_t* out) {
  *out = -1;
  return !v || is_none(v) || index_to_int64(ts, v, out);
}

NATIVE_FN(mmap_close) {
  if (!native::no_args(ts, "mmap.close", args, kwnames)) return Value();
  MmapObject* m = as_mmap(self);
  // A memoryview that is garbage still counts until collected (exports_ended collects once to see).
  if (!exports_ended(ts, &m->exports)) return raise(ts, BufferError_type, "cannot close exported pointers exist");
  if (m->fd != -2) release_map(m);
  return None();
}
NATIVE_FN(mmap_closed) { return Bool(as_mmap(args[0])->fd == -2); }

// Reads and the position never go past size; a position moved beyond the end by seek() reads as empty.
NATIVE_FN(mmap_read) {
  Value v[1];
  if (!native::parse_args(ts, "read", args, kwnames, {""}, 0, 1, v)) return Value();
  MmapObject* m = valid(ts, self);
  int64_t n;
  if (!m || !optional_size(ts, v[0], &n)) return Value();
  int64_t left = m->pos < m->size ? m->size - m->pos : 0;
  if (n < 0 || n > left) n = left;
  Value out = make_bytes(ts, std::string_view(m->data + m->pos, static_cast<size_t>(n)));
  m->pos += n;
  return out;
}
NATIVE_FN(mmap_read_byte) {
  if (!native::no_args(ts, "mmap.read_byte", args, kwnames)) return Value();
  MmapObject* m = valid(ts, self);
  if (!m) return Value();
  if (m->pos >= m->size) return raise(ts, ValueError_type, "read byte out of range");
  return make_int(ts, static_cast<unsigned char>(m->data[m->pos++]));
}
NATIVE_FN(mmap_readline) {
  if (!native::no_args(ts, "mmap.readline", args, kwnames)) return Value();
  MmapObject* m = valid(ts, self);
  if (!m) return Value();
  int64_t start = std::min(m->pos, m->size), end = start;
  while (end < m->size && m->data[end] != '\n') end++;
  if (end < m->size) end++;
  m->pos = end;
  return make_bytes(ts, std::string_view(m->data + start, static_cast<size_t>(end - start)));
}
NATIVE_FN(mmap_write) {
  Value v[1];
  if (!native::parse_args(ts, "write", args, kwnames, {""}, 1, 1, v)) return Value();
  MmapObject* m = valid(ts, self);
  std::string_view data;
  if (!m || !native::bytes_like(ts, v[0], &data) || !writable(ts, m)) return Value();
  if (m->pos > m->size || m->size - m->pos < static_cast<int64_t>(data.size()))
    return raise(ts, ValueError_type, "data out of range");
  std::memmove(m->data + m->pos, data.data(), data.size());
  m->pos += static_cast<int64_t>(data.size());
  return make_int(ts, static_cast<int64_t>(data.size()));
}
NATIVE_FN(mmap_write_byte) {
  Value v[1];
  if (!native::parse_args(ts, "write_byte", args, kwnames, {""}, 1, 1, v)) return Value();
  MmapObject* m = valid(ts, self);
  int64_t byte;
  if (!m || !index_to_int64(ts, v[0], &byte) || !writable(ts, m)) return Value();
  if (byte < 0 || byte > 255) return raise(ts, OverflowError_type, "unsigned byte integer is out of range");
  if (m->pos >= m->size) return raise(ts, ValueError_type, "write byte out of range");
  m->data[m->pos++] = static_cast<char>(byte);
  return None();
}
NATIVE_FN(mmap_seek) {
  Value v[2];
  if (!native::parse_args(ts, "seek", args, kwnames, {"", ""}, 1, 2, v)) return Value();
  MmapObject* m = valid(ts, self);
  int64_t distance, whence = 0;
  if (!m || !index_to_int64(ts, v[0], &distance) || (v[1] && !index_to_int64(ts, v[1], &whence))) return Value();
  int64_t base = whence == 0 ? 0 : whence == 1 ? m->pos : whence == 2 ? m->size : -1;
  if (base < 0) return raise(ts, ValueError_type, "unknown seek type");
  int64_t target = base + distance;
  if (target < 0 || target > m->size) return raise(ts, ValueError_type, "seek out of range");
  m->pos = target;
  return None();
}
NATIVE_FN(mmap_tell) {
  if (!native::no_args(ts, "mmap.tell", args, kwnames)) return Value();
  MmapObject* m = valid(ts, self);
  return m ? make_int(ts, m->pos) : Value();
}
NATIVE_FN(mmap_size) {
  if (!native::no_args(ts, "mmap.size", args, kwnames)) return Value();
  MmapObject* m = valid(ts, self);
  if (!m) return Value();
  // As CPython's: the file's size; an anonymous map has no file, so fstat(-1) fails with EBADF.
  struct stat st;
  if (fstat(m->fd, &st) != 0) return raise_os_error(ts, errno);
  return make_int(ts, st.st_size);
}

// find(sub, start=tell(), end=len) and rfind: negative bounds count from the end.
template <bool Reverse>
NATIVE_FN(mmap_find) {
  Value v[3];
  if (!native::parse_args(ts, Reverse ? "rfind" : "find", args, kwnames, {"", "", ""}, 1, 3, v)) return Value();
  MmapObject* m = valid(ts, self);
  std::string_view needle;
  if (!m || !native::bytes_like(ts, v[0], &needle)) return Value();
  int64_t start = m->pos, end = m->size;
  if ((v[1] && !index_to_int64(ts, v[1], &start)) || (v[2] && !index_to_int64(ts, v[2], &end))) return Value();
  auto clamp = [&](int64_t i) {
    if (i < 0) i += m->size;
    return std::clamp<int64_t>(i, 0, m->size);
  };
  start = clamp(start);
  end = clamp(end);
  if (end - start < static_cast<int64_t>(needle.size())) return make_int(ts, -1);
  std::string_view hay(m->data + start, static_cast<size_t>(end - start));
  size_t at = Reverse ? hay.rfind(needle) : hay.find(needle);
  return make_int(ts, at == std::string_view::npos ? -1 : start + static_cast<int64_t>(at));
}

NATIVE_FN(mmap_flush) {
  Value v[2];
  if (!native::parse_args(ts, "flush", args, kwnames, {"", ""}, 0, 2, v)) return Value();
  MmapObject* m = valid(ts, self);
  int64_t offset = 0, size = m ? m->size : 0;
  if (!m || (v[0] && !index_to_int64(ts, v[0], &offset)) || (v[1] && !index_to_int64(ts, v[1], &size))) return Value();
  if (size < 0 || offset < 0 || m->size - offset < size) return raise(ts, ValueError_type, "flush values out of range");
  if (m->access == kAccessRead || m->access == kAccessCopy || size == 0) return None();
  if (msync(m->data + offset, static_cast<size_t>(size), MS_SYNC) != 0) return raise_os_error(ts, errno);
  return None();
}

NATIVE_FN(mmap_move) {
  Value v[3];
  if (!native::parse_args(ts, "move", args, kwnames, {"", "", ""}, 3, 3, v)) return Value();
  MmapObject* m = valid(ts, self);
  int64_t dest, src, count;
  if (!m || !index_to_int64(ts, v[0], &dest) || !index_to_int64(ts, v[1], &src) || !index_to_int64(ts, v[2], &count) ||
      !writable(ts, m))
    return Value();
  if (dest < 0 || src < 0 || count < 0 || m->size - dest < count || m->size - src < count)
    return raise(ts, ValueError_type, "source, destination, or count out of range");
  std::memmove(m->data + dest, m->data + src, static_cast<size_t>(count));
  return None();
}

// resize(newsize): the file grows or shrinks with the map.
NATIVE_FN(mmap_resize) {
  Value v[1];
  if (!native::parse_args(ts, "resize", args, kwnames, {""}, 1, 1, v)) return Value();
  MmapObject* m = valid(ts, self);
  int64_t new_size;
  if (!m || !index_to_int64(ts, v[0], &new_size)) return Value();
  if (m->access == kAccessRead || m->access == kAccessCopy)
    return raise(ts, TypeError_type, "mmap can't resize a readonly or copy-on-write memory map.");
  if (!exports_ended(ts, &m->exports))
    return raise(ts, BufferError_type, "mmap can't resize with extant buffers exported.");
  if (new_size < 0 || INT64_MAX - new_size < m->offset) return raise(ts, ValueError_type, "new size out of range");
  if (m->fd >= 0 && ftruncate(m->fd, m->offset + new_size) != 0) return raise_os_error(ts, errno);
  void* data = mremap(m->data, static_cast<size_t>(m->size), static_cast<size_t>(new_size), MREMAP_MAYMOVE);
  if (data == MAP_FAILED) return raise_os_error(ts, errno);
  m->data = static_cast<char*>(data);
  m->size = new_size;
  if (m->pos > new_size) m->pos = new_size;
  return None();
}

NATIVE_FN(mmap_madvise) {
  Value v[3];
  if (!native::parse_args(ts, "madvise", args, kwnames, {"", "", ""}, 1, 3, v)) return Value();
  MmapObject* m = valid(ts, self);
  int64_t option, start = 0, length = -1;
  if (!m || !index_to_int64(ts, v[0], &option) || (v[1] && !index_to_int64(ts, v[1], &start)) ||
      (v[2] && !index_to_int64(ts, v[2], &length)))
    return Value();
  if (start < 0 || start >= m->size) return raise(ts, ValueError_type, "madvise start out of bounds");
  if (length < 0 && v[2]) return raise(ts, ValueError_type, "madvise length invalid");
  if (INT64_MAX - start < length) return raise(ts, OverflowError_type, "madvise length too large");
  if (length < 0 || m->size - start < length) length = m->size - start;
  if (madvise(m->data + start, static_cast<size_t>(length), static_cast<int>(option)) != 0)
    return raise_os_error(ts, errno);
  return None();
}

NATIVE_FN(mmap_enter) {
  if (!native::no_args(ts, "mmap.__enter__", args, kwnames)) return Value();
  return valid(ts, self) ? self : Value();
}
NATIVE_FN(mmap_exit) {
  (void)args, (void)kwnames;
  MmapObject* m = as_mmap(self);
  // A memoryview that is garbage still counts until collected (exports_ended collects once to see).
  if (!exports_ended(ts, &m->exports)) return raise(ts, BufferError_type, "cannot close exported pointers exist");
  if (m->fd != -2) release_map(m);
  return None();
}

// "<mmap.mmap closed=False, access=ACCESS_DEFAULT, length=N, pos=N, offset=N>" (a subclass shows its own name).
Value mmap_repr(ThreadState& ts, Value self) {
  MmapObject* m = as_mmap(self);
  Type* t = type_of(self);
  std::string_view name = (t->flags & kTypeHeap) || !t->c_name ? t->name->view() : std::string_view(t->c_name);
  if (m->fd == -2) return Value(make_str(ts, fmt::format("<{} closed=True>", name)));
  static constexpr const char* kAccessNames[] = {"ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE", "ACCESS_COPY"};
  return Value(make_str(ts, fmt::format("<{} closed=False, access={}, length={}, pos={}, offset={}>", name,
                                        kAccessNames[m->access], m->size, m->pos, m->offset)));
}

int64_t mmap_len(ThreadState& ts, Value self) {
  MmapObject* m = valid(ts, self);
  return m ? m->size : -1;
}

// m[i] is an int, m[a:b:c] bytes.
Value mmap_getitem(ThreadState& ts, Value self, Value key) {
  MmapObject* m = valid(ts, self);
  if (!m) return Value();
  if (type_of(key) == &slice_type) {
    int64_t start, stop, step, count;
    if (!slice_indices(ts, static_cast<SliceObject*>(key.as_object()), m->size, &start, &stop, &step, &count))
      return Value();
    std::string out;
    for (int64_t i = 0, at = start; i < count; i++, at += step) out.push_back(m->data[at]);
    return make_bytes(ts, out);
  }
  int64_t index;
  if (!sequence_index(ts, key, m->size, &index, "mmap index out of range")) return Value();
  return make_int(ts, static_cast<unsigned char>(m->data[index]));
}

bool mmap_setitem(ThreadState& ts, Value self, Value key, Value value) {
  MmapObject* m = valid(ts, self);
  if (!m) return false;
  if (!value) return raise(ts, TypeError_type, "mmap doesn't support item deletion"), false;
  if (!writable(ts, m)) return false;
  if (type_of(key) == &slice_type) {
    int64_t start, stop, step, count;
    if (!slice_indices(ts, static_cast<SliceObject*>(key.as_object()), m->size, &start, &stop, &step, &count))
      return false;
    std::string_view data;
    if (!native::bytes_like(ts, value, &data)) return false;
    if (static_cast<int64_t>(data.size()) != count)
      return raise(ts, IndexError_type, "mmap slice assignment is wrong size"), false;
    for (int64_t i = 0, at = start; i < count; i++, at += step) m->data[at] = data[static_cast<size_t>(i)];
    return true;
  }
  int64_t index, byte;
  if (!sequence_index(ts, key, m->size, &index, "mmap index out of range")) return false;
  if (!is_int(value)) return raise(ts, TypeError_type, "mmap item value must be an int"), false;
  if (!int_to_int64(value, &byte) || byte < 0 || byte > 255)
    return raise(ts, ValueError_type, "mmap item value must be in range(0, 256)"), false;
  m->data[index] = static_cast<char>(byte);
  return true;
}

// Iteration yields 1-byte bytes objects (the sequence protocol's items), over a copy of the map.
Value mmap_iter(ThreadState& ts, Value self) {
  MmapObject* m = valid(ts, self);
  if (!m) return Value();
  ListObject* items = make_list(ts, 0);
  for (int64_t i = 0; i < m->size; i++)
    if (!list_append(ts, items, make_bytes(ts, std::string_view(m->data + i, 1)))) return Value();
  return get_iter(ts, Value(items));
}

bool get_mmap_buffer(ThreadState& ts, Value obj, BufferView* view) {
  MmapObject* m = valid(ts, obj);
  if (!m) return false;
  view->data = m->data;
  view->length = m->size;
  view->readonly = m->access == kAccessRead;
  m->exports++;
  return true;
}
void release_mmap_buffer(Value obj) { as_mmap(obj)->exports--; }

const MethodDef kMethods[] = {
    {"close", mmap_close},         {"find", mmap_find<false>},   {"rfind", mmap_find<true>},
    {"flush", mmap_flush},         {"madvise", mmap_madvise},    {"move", mmap_move},
    {"read", mmap_read},           {"read_byte", mmap_read_byte}, {"readline", mmap_readline},
    {"resize", mmap_resize},       {"seek", mmap_seek},          {"size", mmap_size},
    {"tell", mmap_tell},           {"write", mmap_write},        {"write_byte", mmap_write_byte},
    {"__enter__", mmap_enter},     {"__exit__", mmap_exit}};
const MethodDef kClosed = {"closed", mmap_closed};

}  // namespace

ModuleObject* create_mmap_module(ThreadState& ts) {
  if (!native::native_type_ready(mmap_type)) {
    native::init_native_type(ts, mmap_type, "mmap", "mmap", sizeof(MmapObject), true);
    mmap_type.new_instance = new_mmap;
    mmap_type.finalize = finalize_mmap;
    mmap_type.repr = mmap_repr;
    mmap_type.length = mmap_len;
    mmap_type.getitem = mmap_getitem;
    mmap_type.setitem = mmap_setitem;
    mmap_type.iter = mmap_iter;
    add_methods(ts, mmap_type, kMethods);
    add_native_property(ts, mmap_type, &kClosed, nullptr);
    register_buffer_type(mmap_type, get_mmap_buffer, release_mmap_buffer);
    allow_weak_references(mmap_type);
    native::complete_native_type(ts, mmap_type);
    add_native_new(ts, mmap_type);  // mmap.__new__(Subclass, ...) from a subclass's __new__
  }
  ModuleObject* m = make_module(ts, "mmap");
  add_module_value(ts, m, "mmap", Value(&mmap_type));
  add_module_value(ts, m, "error", Value(&OSError_type));
  long page = sysconf(_SC_PAGESIZE);
  const std::pair<const char*, int64_t> constants[] = {
      {"PAGESIZE", page}, {"ALLOCATIONGRANULARITY", page}, {"ACCESS_DEFAULT", kAccessDefault},
      {"ACCESS_READ", kAccessRead}, {"ACCESS_WRITE", kAccessWrite}, {"ACCESS_COPY", kAccessCopy},
      {"MAP_SHARED", MAP_SHARED}, {"MAP_PRIVATE", MAP_PRIVATE}, {"MAP_ANON", MAP_ANONYMOUS},
      {"MAP_ANONYMOUS", MAP_ANONYMOUS}, {"MAP_DENYWRITE", MAP_DENYWRITE}, {"MAP_EXECUTABLE", MAP_EXECUTABLE},
      {"MAP_POPULATE", MAP_POPULATE}, {"MAP_STACK", MAP_STACK}, {"PROT_READ", PROT_READ}, {"PROT_WRITE", PROT_WRITE},
      {"PROT_EXEC", PROT_EXEC}, {"MADV_NORMAL", MADV_NORMAL}, {"MADV_RANDOM", MADV_RANDOM},
      {"MADV_SEQUENTIAL", MADV_SEQUENTIAL}, {"MADV_WILLNEED", MADV_WILLNEED}, {"MADV_DONTNEED", MADV_DONTNEED},
      {"MADV_FREE", MADV_FREE}, {"MADV_REMOVE", MADV_REMOVE}, {"MADV_DONTFORK", MADV_DONTFORK},
      {"MADV_DOFORK", MADV_DOFORK}, {"MADV_HWPOISON", MADV_HWPOISON}, {"MADV_MERGEABLE", MADV_MERGEABLE},
      {"MADV_UNMERGEABLE", MADV_UNMERGEABLE}, {"MADV_HUGEPAGE", MADV_HUGEPAGE}, {"MADV_NOHUGEPAGE", MADV_NOHUGEPAGE},
      {"MADV_DONTDUMP", MADV_DONTDUMP}, {"MADV_DODUMP", MADV_DODUMP}};
  for (const auto& [name, value] : constants) add_module_value(ts, m, name, make_int(ts, value));
  return m;
}

}  // namespace minipy
