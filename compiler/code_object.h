// A CPython 3.11 code object as plain data: what the assembler produces, what marshal writes into a .pyc and
// reads back, and what the VM turns into its runtime code object. Field order and meaning follow marshal's
// layout of a 3.11 code object (see ../shared/reference/cpython311.md §4).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "compiler/constant.h"

namespace minipy {

// co_flags bits.
enum CodeFlags : int32_t {
  CO_OPTIMIZED = 0x1,
  CO_NEWLOCALS = 0x2,
  CO_VARARGS = 0x4,
  CO_VARKEYWORDS = 0x8,
  CO_NESTED = 0x10,
  CO_GENERATOR = 0x20,
  CO_NOFREE = 0x40,
  CO_COROUTINE = 0x80,
  CO_ITERABLE_COROUTINE = 0x100,
  CO_ASYNC_GENERATOR = 0x200,
};

// co_localspluskinds bits.
enum LocalKind : uint8_t {
  CO_FAST_HIDDEN = 0x10,
  CO_FAST_LOCAL = 0x20,
  CO_FAST_CELL = 0x40,
  CO_FAST_FREE = 0x80,
};

struct CodeObject {
  int32_t argcount = 0;
  int32_t posonlyargcount = 0;
  int32_t kwonlyargcount = 0;
  int32_t stacksize = 0;
  int32_t flags = 0;
  std::string code;                          // co_code: 2-byte code units, CACHE entries included (zeroed)
  std::vector<ConstRef> consts;              // co_consts
  std::vector<std::string> names;            // co_names
  std::vector<std::string> localsplusnames;  // arguments first, in parameter order, then locals, cells, frees
  std::string localspluskinds;               // one LocalKind byte per localsplusnames entry
  std::string filename;
  std::string name;
  std::string qualname;
  int32_t firstlineno = 1;
  std::string linetable;                     // co_linetable (the 3.11 location table)
  std::string exceptiontable;                // co_exceptiontable
  // True for the compiler's own output, and once the VM's bytecode checks have passed on code read from bytes
  // (a pyc, marshal.loads): the checks then run once per code object, however often it is loaded.
  mutable bool verified = false;

  int nlocalsplus() const { return static_cast<int>(localsplusnames.size()); }
};

}  // namespace minipy
