// operator new and delete for the sanitizer build only (MINIPY_SANITIZE with GCC's AddressSanitizer).
//
// Why: minipy turns a refused allocation into MemoryError by catching std::bad_alloc (out_of_memory.h), and a
// C++ container growing to a user-sized request ("x".center(10**12)) refuses through the throwing operator new.
// ASan's own throwing operator new never throws: on a refused request it reports "out of memory" and aborts,
// whatever allocator_may_return_null says. The sanitizer build would then test a different failure path from
// the release build's. These replacements restore the release contract — throw std::bad_alloc — on top of
// ASan's malloc, which still poisons, pads and checks every block, and returns null on refusal when the run
// sets allocator_may_return_null=1 (tests/cli/memory_errors.sh does). What is given up: ASan's check that a
// block from `new` is released with `delete` rather than `free`, which minipy's code does not mix.
//
// Clang's static ASan runtime defines these in the same archive member as the interceptors it needs, so the
// replacement is limited to GCC's shared libasan, where the executable's definitions take precedence.
#if defined(MINIPY_SANITIZE) && defined(__SANITIZE_ADDRESS__) && !defined(__clang__)

#include <cstdlib>
#include <new>

namespace {

void* allocate_or_throw(std::size_t size) {
  // malloc(0) may return null on success; new must return a unique non-null pointer.
  if (void* block = std::malloc(size ? size : 1)) return block;
  throw std::bad_alloc();
}

void* allocate_aligned_or_throw(std::size_t size, std::align_val_t alignment) {
  void* block = nullptr;
  if (posix_memalign(&block, static_cast<std::size_t>(alignment), size ? size : 1) == 0) return block;
  throw std::bad_alloc();
}

void* allocate_aligned_or_null(std::size_t size, std::align_val_t alignment) noexcept {
  void* block = nullptr;
  return posix_memalign(&block, static_cast<std::size_t>(alignment), size ? size : 1) == 0 ? block : nullptr;
}

}  // namespace

void* operator new(std::size_t size) { return allocate_or_throw(size); }
void* operator new[](std::size_t size) { return allocate_or_throw(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return std::malloc(size ? size : 1); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return std::malloc(size ? size : 1); }
void* operator new(std::size_t size, std::align_val_t a) { return allocate_aligned_or_throw(size, a); }
void* operator new[](std::size_t size, std::align_val_t a) { return allocate_aligned_or_throw(size, a); }
void* operator new(std::size_t size, std::align_val_t a, const std::nothrow_t&) noexcept {
  return allocate_aligned_or_null(size, a);
}
void* operator new[](std::size_t size, std::align_val_t a, const std::nothrow_t&) noexcept {
  return allocate_aligned_or_null(size, a);
}

// Every delete releases with free, matching the malloc/posix_memalign above.
void operator delete(void* block) noexcept { std::free(block); }
void operator delete[](void* block) noexcept { std::free(block); }
void operator delete(void* block, std::size_t) noexcept { std::free(block); }
void operator delete[](void* block, std::size_t) noexcept { std::free(block); }
void operator delete(void* block, const std::nothrow_t&) noexcept { std::free(block); }
void operator delete[](void* block, const std::nothrow_t&) noexcept { std::free(block); }
void operator delete(void* block, std::align_val_t) noexcept { std::free(block); }
void operator delete[](void* block, std::align_val_t) noexcept { std::free(block); }
void operator delete(void* block, std::size_t, std::align_val_t) noexcept { std::free(block); }
void operator delete[](void* block, std::size_t, std::align_val_t) noexcept { std::free(block); }
void operator delete(void* block, std::align_val_t, const std::nothrow_t&) noexcept { std::free(block); }
void operator delete[](void* block, std::align_val_t, const std::nothrow_t&) noexcept { std::free(block); }

#endif
