// The one result shape outside the VM (compiler/, cache/, vm/text/): a value, or the error that prevented it.
//
// Inside the VM a failure is a pending Python exception; outside it there is no thread state to hold one, so a
// fallible function returns its failure in its signature instead. One template for all of them means a reader
// learns the shape once (ok(), value(), error()), and [[nodiscard]] makes a dropped failure a compiler warning
// rather than a silently ignored path. The error type is a parameter because each stage reports what its caller
// needs: a SyntaxError with its location, a pyc rejection with importlib's kind and message, a text error with the
// Python exception class to raise; the plain Failure (message and byte offset) serves the rest.
#pragma once
#include <cstddef>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace minipy {

// The plain error: what went wrong and where (a byte offset into the input, 0 when the input has no place).
struct Failure {
  std::string message;
  size_t offset = 0;
};

// The value of a result that has none to carry: Result<Ok> is "succeeded, or here is why not".
struct Ok {};

// A value of type T, or an error of type E. value() and error() only on the matching side (checked with ok()).
template <class T, class E = Failure>
class [[nodiscard]] Result {
  static_assert(!std::is_same_v<T, E>, "a result's value and error types must differ");

 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit, `return value;`
  Result(E error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT: implicit, `return error;`

  bool ok() const { return state_.index() == 0; }
  const T& value() const& { return std::get<0>(state_); }
  T& value() & { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const E& error() const& { return std::get<1>(state_); }
  E& error() & { return std::get<1>(state_); }
  E&& error() && { return std::get<1>(std::move(state_)); }

 private:
  std::variant<T, E> state_;
};

}  // namespace minipy
