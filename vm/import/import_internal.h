// Shared between the import system's files (vm/import/*.cpp) and the native modules that expose it
// (stdlib/native/importlib.cpp, marshal.cpp). The split mirrors importlib: import.cpp is _bootstrap (the import
// statement, sys.modules, packages, the registry of native modules), import_finder.cpp the path-based finder
// (FileFinder), import_cache.cpp the seam to cache/get_code.cpp (SourceFileLoader.get_code: the __pycache__
// decisions live there, VM-free), import_bootstrap.cpp the ModuleSpec and loader types, import_paths.cpp sys.path
// and the host Lib, import_runpy.cpp `-m NAME`.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/code_object.h"
#include "vm/runtime.h"

namespace minipy {

// What the path finder found for one module name.
struct FoundModule {
  enum class Kind { None, Native, Source, Sourceless, Namespace } kind = Kind::None;
  std::string origin;                          // the file (source or pyc); empty for native and namespace
  bool is_package = false;
  std::vector<std::string> search_locations;   // __path__ for packages
};

// Looks for `fullname` (its last component) in the directories `path_entries` as CPython's FileFinder does:
// a package directory with __init__.py / __init__.pyc first, then NAME.py, then NAME.pyc; directories with
// neither become namespace package portions. Prints the finder's -v lines.
FoundModule find_in_path(ThreadState& ts, std::string_view fullname, const std::vector<std::string>& path_entries);

// The VM code for module `fullname` whose source is `source_path`, read from its cache in one pass when the
// cache is fresh and valid, else compiled (and the cache rewritten). Null with a pending exception
// (SyntaxError, OSError).
CodeObj* get_source_code(ThreadState& ts, std::string_view fullname, const std::string& source_path);
// The VM code in a legacy pyc `pyc_path` with no source beside it. Null with ImportError / EOFError pending.
CodeObj* get_sourceless_code(ThreadState& ts, std::string_view fullname, const std::string& pyc_path);
// The __cached__ value for source `source_path` under the current settings; empty when there is none.
std::string cached_path_for(ThreadState& ts, const std::string& source_path);


// -v output: "# " + message on stderr when the verbosity is at least `level` (import lines have no "# ").
void verbose_message(ThreadState& ts, int level, std::string_view message);
// -X explain_cache output: "NAME: message" on stderr.
void explain(ThreadState& ts, std::string_view fullname, std::string_view message);

// The module holding the ModuleSpec and loader types (created on first use, kept in
// sys.modules['_frozen_importlib_external']).
ModuleObject* bootstrap_module(ThreadState& ts);
// A loader object describing where module `name` comes from (`path`: its file; unused for namespaces).
Value make_loader(ThreadState& ts, FoundModule::Kind kind, std::string_view name, std::string_view path);
// A ModuleSpec for module `name` loaded by `loader`; `parent` is the package relative imports start from.
Value make_spec(ThreadState& ts, std::string_view name, Value loader, std::string_view parent);

// _find_and_load for the absolute module name `name`: sys.modules first, else find, load and bind it on its
// parent. Null with ImportError/ModuleNotFoundError (or the module's own exception) pending.
Value find_and_load(ThreadState& ts, const std::string& name);
// Loads the source file `path` as module `name` (sys.modules, spec, loader and cache as for any source module),
// bypassing the finder: how CPython Lib's importlib._bootstrap and _bootstrap_external, which CPython freezes,
// come into minipy. Null with the module's exception pending.
Value load_source_module(ThreadState& ts, const std::string& name, const std::string& path);
// The ModuleSpec (and its loader) the import statement gives what the finder found for `name`: origin, cached
// and submodule_search_locations set as _bootstrap_external's spec_from_file_location sets them. `path_list`
// receives the package's __path__ list (null for modules), `cached` the __cached__ path (empty when none).
Value spec_for_found(ThreadState& ts, const std::string& name, const FoundModule& found, Value* path_list,
                     std::string* cached);
// What an import of `name` returns once its loader (`loader`, for the -v line) ran: sys.modules[name] as it is
// now (KeyError when the body deleted it).
Value module_after_load(ThreadState& ts, const std::string& name, Value loader);
// The str items of a list/tuple (sys.path, __path__); others are skipped as the path finder skips them.
[[nodiscard]] bool string_items(ThreadState& ts, Value sequence, std::vector<std::string>* out);

// sys.meta_path's finders (stdlib/native/importlib_finders.cpp). The import statement runs its own native search
// while sys.meta_path holds only the three default finders; when a program has added finders of its own, it
// asks them in sys.meta_path order. Returns the module a program's finder found and loaded; null with no
// exception when the native search should go on (no program finder, or a default finder that owns `name` comes
// first); null with an exception pending when a finder or its loader failed. `parent_module` is null for
// top-level names.
Value import_with_program_finders(ThreadState& ts, const std::string& name, Value parent_module);
// CPython's _bootstrap._find_spec: asks each finder on sys.meta_path for `name` (`path`: the parent package's
// __path__, or None); the first spec found, or None.
Value find_spec_on_meta_path(ThreadState& ts, const std::string& name, Value path);
// importlib.util.module_from_spec(spec): loader.create_module(spec) or a new module, with _init_module_attrs's
// dunders from the spec.
Value module_from_spec(ThreadState& ts, Value spec);
// The native finder class BuiltinImporter, FrozenImporter or PathFinder called `name` (null for other names).
Type* native_finder_type(std::string_view name);
// Gives native module `module` (called `name`) the __spec__ (origin 'built-in'), __loader__ (BuiltinImporter) and
// __package__ CPython's builtin modules have, unless it already has a spec. False with an exception pending.
[[nodiscard]] bool describe_native_module(ThreadState& ts, Value module, std::string_view name);
// Fills the empty sys.meta_path with BuiltinImporter, FrozenImporter and PathFinder (at start-up).
void install_default_finders(ThreadState& ts);

// importlib.reload: finds `module` again and re-runs its current code in its own namespace.
Value reload_module(ThreadState& ts, Value module);


}  // namespace minipy
