// What other native modules need to know of `_thread` (stdlib/native/thread.cpp).
#pragma once
#include <cstdint>

namespace minipy {

// The identifier of minipy's one interpreter thread: what _thread.get_ident() and threading.get_ident() return,
// and the only thread signal.pthread_kill() can reach.
inline constexpr int64_t kMainThreadIdent = 1;

}  // namespace minipy
