// What native code calls to warn (CPython's PyErr_WarnEx, whose home is Python/_warnings.c as ours is
// stdlib/native/_warnings.cpp): the warning goes through Lib's `warnings` module, so its filters, -W and
// `warnings.catch_warnings` apply as they do to a warning raised from Python code.
#pragma once
#include <string_view>

#include "vm/runtime.h"

namespace minipy {

// warnings.warn(message, category, stacklevel): stacklevel 1 names the Python code that called the native
// function. False with an exception pending when a filter turned the warning into an error (or warnings could
// not be imported): the caller must then fail too.
[[nodiscard]] bool warn(ThreadState& ts, Type& category, std::string_view message, int stacklevel = 1);

}  // namespace minipy
