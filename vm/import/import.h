// The import system's entry points for the rest of minipy (the CLI, builtins, native modules). The files of
// vm/import/ share more through import_internal.h; this header is what the outside may call.
#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vm/runtime.h"

namespace minipy {

// IMPORT_NAME: `import name` / `from name import ...` executed in `frame` (its globals give the package for
// relative imports), as __import__(name, globals, None, fromlist, level). Null with an exception pending.
Value import_name(ThreadState& ts, Frame* frame, Value name, Value fromlist, Value level);
// IMPORT_FROM: attribute `name` of `module`, falling back to the submodule in sys.modules (circular imports).
Value import_from(ThreadState& ts, Value module, StrObject* name);
// IMPORT_STAR: binds `module`'s public names (its __all__, else names without a leading underscore) in `frame`.
[[nodiscard]] bool import_star(ThreadState& ts, Frame* frame, Value module);
// builtins.__import__(name, globals=None, locals=None, fromlist=(), level=0).
Value builtin_import(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames);
// `-m NAME`: runs module `requested` (or a package's __main__) as __main__, as runpy._run_module_as_main.
// Null with `error` set when the module cannot be found (printed by the caller in CPython's words), or with the
// module's own exception pending. `alter_argv` false keeps sys.argv[0] as given (runpy's alter_argv=False, used
// when a directory or zip file holding __main__.py is the script).
Value run_module_as_main(ThreadState& ts, const std::string& requested, std::string* error, bool alter_argv = true);

// sys.path at start-up: `first_entry` (the script's directory, '' for -c and stdin, none with -P / -I), the
// PYTHONPATH directories unless -E / -I, minipy's own stdlib/, then the host CPython's Lib. Also settles
// config.host_lib.
void init_sys_path(ThreadState& ts, const std::optional<std::string>& first_entry);

// The host CPython's Lib directory for `config` (what init_sys_path settles config.host_lib to).
std::string resolve_host_lib(const RuntimeConfig& config);

// The per-user mirror tree for caches of host Lib modules ($XDG_CACHE_HOME/minipy, else ~/.cache/minipy),
// kept in `config`; empty when no home directory is known.
const std::string& lib_cache_root(RuntimeConfig& config);

// The -v / -X explain_cache detail for a module that was not found: the directories `entries` searched, and
// a note when there is no host Lib.
std::string where_imports_looked(const RuntimeConfig& config, const std::vector<std::string>& entries);

}  // namespace minipy
