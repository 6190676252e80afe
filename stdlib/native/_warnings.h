// What native code calls to warn (CPython's PyErr_WarnEx and PyErr_WarnExplicit, whose home is
// Python/_warnings.c as ours is stdlib/native/_warnings.cpp): the same filters, registries, -W options and
// `warnings.catch_warnings` apply as to a warning raised from Python code.
#pragma once
#include <string_view>

#include "vm/runtime.h"

namespace minipy {

// warnings.warn(message, category, stacklevel): stacklevel 1 names the Python code that called the native
// function. False with an exception pending when a filter turned the warning into an error (or warnings could
// not be imported): the caller must then fail too.
[[nodiscard]] bool warn(ThreadState& ts, Type& category, std::string_view message, int stacklevel = 1);

// warnings.warn_explicit(message, category, filename, lineno) with no module (the file name stands for it) and
// no registry, as CPython's compiler issues a SyntaxWarning. False with an exception pending when a filter
// turned the warning into an error.
[[nodiscard]] bool warn_explicit(ThreadState& ts, Type& category, std::string_view message,
                                 std::string_view filename, int lineno);

}  // namespace minipy
