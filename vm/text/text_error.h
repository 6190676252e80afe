// The text engine's error value. The text functions are pure C++ and know nothing of VM objects, so instead of
// raising they return a TextError naming the Python exception class and CPython's exact message; the VM turns
// it into a real exception.
#pragma once
#include <string>
#include <utility>
#include <variant>

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

// A value or the error that prevented it. Cheap to test with ok(); value() and error() only on the right side.
template <class T>
class [[nodiscard]] TextResult {
 public:
  TextResult(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit on purpose
  TextResult(TextError error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT
  bool ok() const { return state_.index() == 0; }
  const T& value() const& { return std::get<0>(state_); }
  T& value() & { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const TextError& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, TextError> state_;
};

}  // namespace minipy::text
