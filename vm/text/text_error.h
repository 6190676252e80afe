// The text engine's error value. The text functions are pure C++ and know nothing of VM objects, so instead of
// raising they return a TextError naming the Python exception class and CPython's exact message; the VM turns
// it into a real exception.
#pragma once
#include <string>
#include <utility>
#include <variant>

#include "compiler/result.h"

namespace minipy::text {

struct TextError {
  std::string kind;     // "ValueError", "TypeError", "OverflowError", "IndexError" or "MemoryError"
  std::string message;  // CPython 3.11's message, word for word
};

inline TextError value_error(std::string message) { return {"ValueError", std::move(message)}; }
inline TextError type_error(std::string message) { return {"TypeError", std::move(message)}; }
inline TextError overflow_error(std::string message) { return {"OverflowError", std::move(message)}; }
inline TextError memory_error() { return {"MemoryError", ""}; }

// Widths and precisions that would build a result larger than this fail with MemoryError (as CPython's do
// when the allocation fails) instead of exhausting the process.
inline constexpr int64_t kMaxTextResult = int64_t{1} << 30;

// A value or the TextError that prevented it: the one result shape of code outside the VM (compiler/result.h).
template <class T>
using TextResult = Result<T, TextError>;

}  // namespace minipy::text
