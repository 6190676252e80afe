// Expands stdlib/native/modules.def into the registry table the import system searches.
#include "stdlib/native/registry.h"

namespace minipy {

// Each module's file defines its create function; declaring them from the table keeps one list.
#define NATIVE_MODULE(name, create_function) ModuleObject* create_function(ThreadState& ts);
#include "stdlib/native/modules.def"

namespace {

constexpr NativeModule kNativeModules[] = {
#define NATIVE_MODULE(name, create_function) {name, create_function},
#include "stdlib/native/modules.def"
};

}  // namespace

const NativeModule* find_native_module(std::string_view name) {
  for (const NativeModule& module : kNativeModules)
    if (module.name == name) return &module;
  return nullptr;
}

std::span<const NativeModule> native_modules() { return kNativeModules; }

}  // namespace minipy
