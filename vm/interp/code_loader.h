// The VM's half of loading code: a pyc body read straight into runtime objects (VmPycLoader), and the way back
// to a complete compiler CodeObject for the few uses that need one (marshal.dumps, code.replace, ==).
//
// Why this half lives in vm/: cache/ decides whether a pyc may be used and owns the marshal reader, but it may
// not name a VM object (the build refuses a vm/ include there). So the reader is a template over a builder
// (cache/marshal_read.h) and the cache's decisions call a loader interface (cache/get_code.h PycBodyLoader);
// this file supplies the builder of VM objects and the loader that runs it.
#pragma once
#include <string>

#include "cache/get_code.h"
#include "vm/runtime.h"

namespace minipy {

// Loads a pyc body into VM objects in one pass: strs interned as they are read, constants made as Values, each
// code object verified (when asked) as soon as its fields are read and before its CodeObj exists.
class VmPycLoader final : public PycBodyLoader {
 public:
  explicit VmPycLoader(ThreadState& ts) : ts_(ts) {}
  Result<LoadedBody, BodyLoadFailure> load(std::span<const uint8_t> body, bool verify,
                                           const std::string* filename) override;
  // The module code of the last successful load. The loader lives on the native stack of whoever imports, so
  // the collector's conservative scan keeps this object alive until the caller holds it.
  CodeObj* code = nullptr;

 private:
  ThreadState& ts_;
};

// The compiler-shaped source of `code` with every field filled. Code the VM loaded from a pyc keeps its
// constants, names and local names only as VM objects (the loader never made their compiler form); they are
// converted here the first time something asks (marshal.dumps, code.replace, ==). Null with an exception
// pending when a constant cannot be converted.
const CodeObject* complete_code_source(ThreadState& ts, CodeObj* code);

}  // namespace minipy
