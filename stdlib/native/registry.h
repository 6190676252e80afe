// The registry of native modules (rows in stdlib/native/modules.def): what `import NAME` finds before it
// searches sys.path, as CPython's BuiltinImporter does.
#pragma once
#include <span>
#include <string_view>

#include "vm/runtime.h"

namespace minipy {

// One native module: its import name and the function that creates its module object (null with a pending
// exception when that fails).
struct NativeModule {
  std::string_view name;
  ModuleObject* (*create)(ThreadState&);
};

// The native module called `name`, or null when there is none.
const NativeModule* find_native_module(std::string_view name);
// Every native module, in the table's order (for sys.builtin_module_names).
std::span<const NativeModule> native_modules();

}  // namespace minipy
