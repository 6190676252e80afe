// The import system's entry points for the rest of minipy (the CLI, builtins, native modules). The files of
// vm/import/ share more through import_internal.h; this header is what the outside may call.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vm/runtime.h"

namespace minipy {

// sys.path at start-up: `first_entry` (the script's directory, '' for -c and stdin, none with -P / -I), the
// PYTHONPATH directories unless -E / -I, minipy's own stdlib/, then the host CPython's Lib. Also settles
// config.host_lib.
void init_sys_path(ThreadState& ts, const std::optional<std::string>& first_entry);

// The per-user mirror tree for caches of host Lib modules ($XDG_CACHE_HOME/minipy, else ~/.cache/minipy),
// kept in `config`; empty when no home directory is known.
const std::string& lib_cache_root(RuntimeConfig& config);

// The -v / -X explain_cache detail for a module that was not found: the directories `entries` searched, and
// a note when there is no host Lib.
std::string where_imports_looked(const RuntimeConfig& config, const std::vector<std::string>& entries);

}  // namespace minipy
