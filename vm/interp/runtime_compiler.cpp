// The compiler at run time: compile(), exec(), eval(), and the co_* attributes of code objects.
#include "compiler/compile.h"
#include "compiler/linetable.h"
#include "compiler/parse.h"
#include "stdlib/native/_warnings.h"
#include "stdlib/native/native_support.h"
#include "vm/cli/run.h"
#include "vm/interp/builtins.h"
#include "vm/objects/buffer.h"
#include "vm/objects/bytearray.h"
#include "vm/objects/code.h"
#include "vm/objects/codecs.h"
#include "stdlib/native/_ast.h"
#include "stdlib/native/native_type.h"
#include "vm/runtime.h"

namespace minipy {

bool issue_compile_warnings(ThreadState& ts, const SyntaxWarnings& issued) {
  for (const SyntaxWarning& w : issued) {
    Type& category = w.deprecation ? DeprecationWarning_type : SyntaxWarning_type;
    if (warn_explicit(ts, category, w.message, w.filename, w.lineno)) continue;
    if (!exception_matches(ts.current_exception, &category)) return false;
    ts.current_exception = Value();
    if (w.as_error) {
      SyntaxError error = *w.as_error;
      error.filename = w.filename;
      if (w.error_text_from_file) use_program_text(error);
      raise_syntax_error(ts, error);
      // The parser's error pass still tokenizes the rest of the source, with its warnings.
      if (w.from_tokenizer) return false;
      Value raised = ts.current_exception;
      ts.current_exception = Value();
      std::vector<SyntaxWarning> rest;
      for (const SyntaxWarning* later = &w + 1; later != issued.data() + issued.size(); ++later)
        if (later->from_tokenizer) rest.push_back(*later);
      if (issue_compile_warnings(ts, rest)) ts.current_exception = raised;
      return false;
    }
    SyntaxError error;
    error.message = w.message;
    error.filename = w.filename;
    error.lineno = w.lineno;
    error.offset = w.col_offset + 1;  // 0 (None) when unknown
    error.end_lineno = w.end_lineno;
    error.end_offset = w.end_col_offset + 1;
    use_program_text(error);  // CPython's compiler_error reads the line from the file
    raise_syntax_error(ts, error);
    return false;
  }
  return true;
}

namespace {

CodeObj* as_code(Value v) { return static_cast<CodeObj*>(v.as_object()); }

bool parse_mode(ThreadState& ts, std::string_view mode, const char* fn, ast::ParseMode* out) {
  if (mode == "exec") *out = ast::ParseMode::Exec;
  else if (mode == "eval") *out = ast::ParseMode::Eval;
  else if (mode == "single") *out = ast::ParseMode::Single;
  else return raise_fmt(ts, ValueError_type, "{}() mode must be 'exec', 'eval' or 'single'", fn), false;
  return true;
}

// The code object of a compiler result, or its SyntaxError raised; the compile's `warnings` are issued first
// (CPython issues them as it meets them, so also before an error; one the filters make an error wins).
Value code_of(ThreadState& ts, const CompileResult& result, const SyntaxWarnings& warnings) {
  if (!issue_compile_warnings(ts, warnings)) return Value();
  if (!result.ok()) return raise_syntax_error(ts, result.error());
  CodeObj* code = load_code(ts, result.value());
  return code ? Value(code) : Value();
}

// compile(source, filename, mode) -> a code object, or a pending SyntaxError.
// `text`: the source was a str (its coding line is ignored), not bytes.
Value compile_to_code(ThreadState& ts, std::string_view source, std::string_view filename, std::string_view mode,
                      const char* fn, bool text, int optimize = -1) {
  ast::ParseMode m;
  if (!parse_mode(ts, mode, fn, &m)) return Value();
  if (optimize < 0) optimize = ts.interp->config.optimize;
  SyntaxWarnings warnings;
  CompileResult result =
      compile_source(source, filename, m, {optimize, text ? SourceOrigin::Text : SourceOrigin::String}, warnings);
  return code_of(ts, result, warnings);
}

// compile()'s flags (CPython's PyCF_* and the CO_FUTURE_* bits a caller may pass on).
constexpr int64_t kOnlyAst = 0x400, kTypeComments = 0x1000, kKnownCompileFlags = 0x400 | 0x800 | 0x1000 | 0x2000 | 0x4000 | 0x3fe0000;

Value b_compile(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  static const char* const names[] = {"source", "filename", "mode", "flags", "dont_inherit", "optimize",
                                      "_feature_version"};
  Value a[std::size(names)];
  if (!native::parse_args(ts, "compile", args, kwnames, names, 3, 0, a, 6)) return Value();
  Value source = a[0], filename = a[1], mode = a[2];
  int64_t flags = 0, optimize = -1;
  if (a[3] && !index_to_int64(ts, a[3], &flags)) return Value();
  if (a[5] && !index_to_int64(ts, a[5], &optimize)) return Value();
  if (flags & ~kKnownCompileFlags) return raise(ts, ValueError_type, "compile(): unrecognised flags");
  if (optimize < -1 || optimize > 2) return raise(ts, ValueError_type, "compile(): invalid optimize value");
  if (type_of(filename) == &bytes_type) filename = Value(make_str(ts, static_cast<BytesObject*>(filename.as_object())->view()));
  if (!is_str(filename) || !is_str(mode)) return raise(ts, TypeError_type, "compile() arg 2 and 3 must be str");
  if (as_str(mode)->view() == "func_type") {  // a signature type comment's grammar: only to an AST
    if (!(flags & kOnlyAst)) return raise(ts, ValueError_type, "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
    if (pyast::is_ast_object(ts, source)) return source;
    std::string_view text;
    if (is_str(source)) text = as_str(source)->view();
    else if (type_of(source) == &bytes_type) text = static_cast<BytesObject*>(source.as_object())->view();
    else return raise(ts, TypeError_type, "compile() arg 1 must be a string, bytes or AST object");
    return pyast::parse_func_type(ts, text, as_str(filename)->view());
  }
  ast::ParseMode m;
  if (!parse_mode(ts, as_str(mode)->view(), "compile", &m)) return Value();
  if (pyast::is_ast_object(ts, source)) {
    if (flags & kOnlyAst) return source;  // an AST passed through unchanged, as CPython does
    ast::Arena arena;
    ast::Module* module = pyast::module_from_python(ts, source, m, arena);
    if (!module) return Value();
    int level = optimize < 0 ? ts.interp->config.optimize : static_cast<int>(optimize);
    SyntaxWarnings warnings;
    CompileResult result = compile_ast(*module, arena, as_str(filename)->view(), {}, {level}, warnings);
    return code_of(ts, result, warnings);
  }
  std::string_view text;
  std::string copied;  // the bytes of a bytearray or memoryview source (any buffer, as CPython takes)
  if (is_str(source)) {
    text = as_str(source)->view();
  } else if (type_of(source) == &bytes_type) {
    text = static_cast<BytesObject*>(source.as_object())->view();
  } else if (type_of(source) == &memoryview_type || is_bytearray(source)) {
    if (!buffer_bytes(ts, source, &copied)) return Value();
    text = copied;
  } else {
    return raise(ts, TypeError_type, "compile() arg 1 must be a string, bytes or AST object");
  }
  if (flags & kOnlyAst) {
    // _feature_version counts only for an AST, as in CPython; a negative one means the current grammar.
    int64_t feature_version = -1;
    if (a[6] && !index_to_int64(ts, a[6], &feature_version)) return Value();
    if (feature_version < 0 || feature_version > kLatestFeatureVersion) feature_version = kLatestFeatureVersion;
    return pyast::parse_to_python(ts, text, as_str(filename)->view(), m, flags & kTypeComments,
                                  static_cast<int>(feature_version), is_str(source));
  }
  return compile_to_code(ts, text, as_str(filename)->view(), as_str(mode)->view(), "compile", is_str(source),
                         static_cast<int>(optimize));
}

// The namespaces exec()/eval() run in: given ones, or the caller's.
bool namespaces(ThreadState& ts, std::span<const Value> args, size_t n, TupleObject* kwnames, const char* fn,
                DictObject** globals, Value* locals) {
  Value g = n > 1 ? args[1] : keyword_arg(ts, args, kwnames, "globals");
  Value l = n > 2 ? args[2] : keyword_arg(ts, args, kwnames, "locals");
  if (g && !is_none(g)) {
    if (!is_dict(g)) {
      raise_fmt(ts, TypeError_type, "{}() globals must be a dict, not {}", fn, type_name(g));
      return false;
    }
    *globals = static_cast<DictObject*>(g.as_object());
    *locals = l && !is_none(l) ? l : g;
    return true;
  }
  Frame* caller = ts.current_frame;
  *globals = caller->globals;
  if (l && !is_none(l)) {
    *locals = l;
  } else if (caller->locals) {
    *locals = caller->locals;
  } else {
    Value locals_fn = dict_get_str(ts.interp->builtins, intern(ts, "locals"));
    *locals = locals_fn ? call(ts, locals_fn, {}) : Value(caller->globals);
    if (!*locals) return false;
  }
  return true;
}

Value exec_or_eval(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, bool is_eval) {
  const char* fn = is_eval ? "eval" : "exec";
  size_t n = positional_count(args, kwnames);
  if (n < 1) return raise_fmt(ts, TypeError_type, "{} expected at least 1 argument, got 0", fn);
  DictObject* globals;
  Value locals;
  if (!namespaces(ts, args, n, kwnames, fn, &globals, &locals)) return Value();
  Value code = args[0];
  if (type_of(code) != &code_type) {
    std::string_view text;
    std::string copied;  // a bytearray's or memoryview's bytes
    if (is_str(code)) text = as_str(code)->view();
    else if (type_of(code) == &bytes_type) text = static_cast<BytesObject*>(code.as_object())->view();
    else if (type_of(code) == &memoryview_type || is_bytearray(code)) {
      if (!buffer_bytes(ts, code, &copied)) return Value();
      text = copied;
    }
    else if (is_eval) return raise(ts, TypeError_type, "eval() arg 1 must be a string, bytes or code object");
    else return raise_fmt(ts, TypeError_type, "exec() arg 1 must be a string, bytes or code object");
    std::string stripped(text);
    if (is_eval) {  // eval() ignores leading spaces and tabs
      size_t b = stripped.find_first_not_of(" \t");
      stripped = b == std::string::npos ? "" : stripped.substr(b);
    }
    code = compile_to_code(ts, stripped, "<string>", is_eval ? "eval" : "exec", fn, is_str(args[0]));
    if (!code) return code;
  }
  if (as_code(code)->nfrees > 0)
    return raise_fmt(ts, TypeError_type, "code object passed to {}() may not contain free variables", fn);
  Value r = eval_code(ts, as_code(code), globals, locals);
  if (!r) return r;
  return is_eval ? r : None();
}

Value b_exec(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  return exec_or_eval(ts, args, kwnames, false);
}
Value b_eval(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  return exec_or_eval(ts, args, kwnames, true);
}

const MethodDef compiler_builtins[] = {{"compile", b_compile}, {"exec", b_exec}, {"eval", b_eval}};

// ---- code object attributes --------------------------------------------------------------------------------
#define CODE_GETTER(name, expr)                                                         \
  Value name(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {      \
    CodeObj* c = as_code(self);                                                          \
    (void)ts;                                                                            \
    return expr;                                                                         \
  }
CODE_GETTER(co_name, Value(c->name))
CODE_GETTER(co_qualname, Value(c->qualname))
CODE_GETTER(co_filename, Value(c->filename))
CODE_GETTER(co_firstlineno, make_int(ts, c->firstlineno))
CODE_GETTER(co_argcount, make_int(ts, c->argcount))
CODE_GETTER(co_posonlyargcount, make_int(ts, c->posonlyargcount))
CODE_GETTER(co_kwonlyargcount, make_int(ts, c->kwonlyargcount))
CODE_GETTER(co_stacksize, make_int(ts, c->stacksize))
CODE_GETTER(co_flags, make_int(ts, c->flags))
CODE_GETTER(co_nlocals, make_int(ts, c->nlocals))
CODE_GETTER(co_consts, Value(c->consts))
CODE_GETTER(co_names, Value(c->names))
CODE_GETTER(co_code, make_bytes(ts, c->src().code))
CODE_GETTER(co_linetable, make_bytes(ts, c->src().linetable))
CODE_GETTER(co_exceptiontable, make_bytes(ts, c->src().exceptiontable))

// Names of the locals of one kind (co_varnames, co_cellvars, co_freevars).
Value names_of_kind(ThreadState& ts, CodeObj* c, uint8_t kind, uint8_t exclude) {
  ListObject* l = make_list(ts, 0);
  for (int i = 0; i < c->nlocalsplus; i++) {
    uint8_t k = c->localspluskinds[i];
    if ((k & kind) && !(k & exclude) && !list_append(ts, l, c->localsplusnames->items[i])) return Value();
  }
  return list_to_tuple(ts, l);
}
CODE_GETTER(co_varnames, names_of_kind(ts, c, CO_FAST_LOCAL, 0))
CODE_GETTER(co_cellvars, names_of_kind(ts, c, CO_FAST_CELL, 0))
CODE_GETTER(co_freevars, names_of_kind(ts, c, CO_FAST_FREE, 0))

Value int_or_none(ThreadState& ts, int v) { return v < 0 ? None() : make_int(ts, v); }

// co_lines(): (start, end, line) per location-table entry (byte offsets; line None where there is none), and
// co_positions(): (line, end line, column, end column) per code unit. Both iterate over a list built at once.
Value code_lines(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "co_lines", kwnames) || !check_arg_count(ts, "code.co_lines", args.size(), 0, 0)) return Value();
  CodeObj* c = as_code(self);
  auto ranges = decode_location_table(c->src().linetable, c->firstlineno);
  ListObject* out = make_list(ts, 0);
  for (const LocationRange& r : ranges ? *ranges : std::vector<LocationRange>{}) {
    if (r.start == r.end) continue;
    Value item[3] = {make_int(ts, 2 * r.start), make_int(ts, 2 * r.end), int_or_none(ts, r.pos.lineno)};
    if (!list_append(ts, out, Value(minipy::make_tuple(ts, item)))) return Value();
  }
  return get_iter(ts, Value(out));
}
Value code_positions(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!no_keywords(ts, "co_positions", kwnames) || !check_arg_count(ts, "code.co_positions", args.size(), 0, 0))
    return Value();
  CodeObj* c = as_code(self);
  auto ranges = decode_location_table(c->src().linetable, c->firstlineno);
  ListObject* out = make_list(ts, 0);
  for (const LocationRange& r : ranges ? *ranges : std::vector<LocationRange>{}) {
    const SourcePosition& p = r.pos;
    bool none = p.lineno < 0;
    for (int unit = r.start; unit < r.end; unit++) {
      Value item[4] = {int_or_none(ts, p.lineno), int_or_none(ts, none ? -1 : p.end_lineno),
                       int_or_none(ts, none ? -1 : p.col_offset), int_or_none(ts, none ? -1 : p.end_col_offset)};
      if (!list_append(ts, out, Value(minipy::make_tuple(ts, item)))) return Value();
    }
  }
  return get_iter(ts, Value(out));
}

// The compiler's decoder for a source whose coding line names an encoding it does not decode itself
// (compiler/parse.h): the whole source through the codecs, as CPython's tokenizer decodes it. A pending
// exception of the caller is kept aside meanwhile.
bool decode_source(void* context, std::string_view encoding, std::string_view source, std::string* out,
                   std::string* error) {
  ThreadState& ts = *static_cast<ThreadState*>(context);
  Value pending = ts.current_exception;
  ts.current_exception = Value();
  Value text = decode_bytes(ts, source, encoding, "strict");
  if (text && is_str(text)) {
    *out = std::string(as_str(text)->view());
    ts.current_exception = pending;
    return true;
  }
  Value exc = ts.current_exception;
  ts.current_exception = Value();
  if (!exc || exception_matches(exc, &LookupError_type)) {
    *error = "unknown encoding: " + std::string(encoding);
  } else {
    Value message = py_str(ts, exc);
    *error = message && is_str(message) ? std::string(as_str(message)->view()) : "unknown encoding";
    ts.current_exception = Value();
  }
  ts.current_exception = pending;
  return false;
}

}  // namespace

void init_runtime_compiler(ThreadState& ts) {
  set_source_decoder(decode_source, &ts);
  DictObject* b = ts.interp->builtins;
  for (const MethodDef& def : compiler_builtins)
    dict_set_str_new(ts, b, intern(ts, def.name), make_native_function(ts, &def, Value(), Value(intern(ts, "builtins"))));
  static const MethodDef getters[] = {
      {"co_name", co_name},         {"co_qualname", co_qualname},       {"co_filename", co_filename},
      {"co_firstlineno", co_firstlineno}, {"co_argcount", co_argcount}, {"co_posonlyargcount", co_posonlyargcount},
      {"co_kwonlyargcount", co_kwonlyargcount}, {"co_stacksize", co_stacksize}, {"co_flags", co_flags},
      {"co_nlocals", co_nlocals},   {"co_consts", co_consts},           {"co_names", co_names},
      {"co_code", co_code},         {"co_linetable", co_linetable},     {"co_exceptiontable", co_exceptiontable},
      {"co_varnames", co_varnames}, {"co_cellvars", co_cellvars},       {"co_freevars", co_freevars},
  };
  add_getsets(ts, code_type, getters);
  static const MethodDef methods[] = {{"co_lines", code_lines}, {"co_positions", code_positions}};
  add_methods(ts, code_type, methods);
  init_code_methods(ts);  // vm/objects/code.cpp: replace, _varname_from_oparg, ==, hash
}

}  // namespace minipy
