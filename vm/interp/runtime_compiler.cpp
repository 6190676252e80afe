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
                      const char* fn, bool text, int future_flags, int optimize = -1,
                      IncompleteInputFlags incomplete = {}) {
  ast::ParseMode m;
  if (!parse_mode(ts, mode, fn, &m)) return Value();
  if (optimize < 0) optimize = ts.interp->config.optimize;
  SyntaxWarnings warnings;
  CompileResult result = compile_source(
      source, filename, m,
      {optimize, text ? SourceOrigin::Text : SourceOrigin::String, incomplete, future_flags}, warnings);
  return code_of(ts, result, warnings);
}

// compile()'s flags (CPython's PyCF_* and the CO_FUTURE_* bits a caller may pass on): the obsolete CO_NESTED,
// PyCF_DONT_IMPLY_DEDENT, ONLY_AST, TYPE_COMMENTS, ALLOW_TOP_LEVEL_AWAIT, ALLOW_INCOMPLETE_INPUT, the futures.
constexpr int64_t kOnlyAst = 0x400, kTypeComments = 0x1000, kDontImplyDedent = 0x200, kAllowIncompleteInput = 0x4000;
constexpr int64_t kFutureFlags = 0x1fe0000, kKnownCompileFlags = 0x10 | 0x200 | 0x400 | 0x1000 | 0x2000 | 0x4000 | kFutureFlags;

// The CO_FUTURE_* bits of the running code, which compile() (unless told not to), exec() and eval() pass on.
int inherited_future_flags(ThreadState& ts) {
  Frame* caller = ts.current_frame;
  return caller && caller->code ? static_cast<int>(caller->code->flags & kFutureFlags) : 0;
}

// An argument CPython converts to a C int.
bool c_int_arg(ThreadState& ts, Value v, int64_t* out) {
  static constexpr const char* kTooLarge = "Python int too large to convert to C int";
  if (!index_to_int64(ts, v, out, kTooLarge)) return false;
  if (*out < INT32_MIN || *out > INT32_MAX) return raise(ts, OverflowError_type, kTooLarge), false;
  return true;
}

// compile()'s filename as CPython's PyUnicode_FSDecoder takes it: a str, bytes (decoded as file names are), what
// an os.PathLike's __fspath__() gives, or (deprecated) another bytes-like object's bytes.
Value filename_arg(ThreadState& ts, Value v) {
  Value given = v;
  bool bytes = v.is_object() && is_subtype(type_of(v), &bytes_type);
  if (!is_str(v) && !bytes) {
    Value fspath = get_attr_optional(ts, Value(type_of(v)), intern(ts, "__fspath__"));
    if (fspath) {
      v = call(ts, fspath, std::span<const Value>(&given, 1));
      if (!v) return v;
      bytes = v.is_object() && is_subtype(type_of(v), &bytes_type);
      if (!is_str(v) && !bytes)
        return raise_fmt(ts, TypeError_type, "expected {}.__fspath__() to return str or bytes, not {}",
                         type_name(given), type_name(v));
    } else if (ts.current_exception) {
      return Value();
    } else if (has_buffer(v)) {
      std::string data;
      if (!warn(ts, DeprecationWarning_type,
                fmt::format("path should be string, bytes, or os.PathLike, not {}", type_name(v))) ||
          !buffer_bytes(ts, v, &data))
        return Value();
      v = make_bytes(ts, data);
      bytes = true;
    } else {
      return raise_fmt(ts, TypeError_type, "expected str, bytes or os.PathLike object, not {}", type_name(v));
    }
  }
  if (bytes) v = decode_bytes(ts, static_cast<BytesObject*>(v.as_object())->view(), "utf-8", "surrogateescape");
  if (!v) return v;
  if (as_str(v)->view().find('\0') != std::string_view::npos)
    return raise(ts, ValueError_type, "embedded null character");
  return v;
}

Value b_compile(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  static const char* const names[] = {"source", "filename", "mode", "flags", "dont_inherit", "optimize",
                                      "_feature_version"};
  Value a[std::size(names)];
  if (!native::parse_args(ts, "compile", args, kwnames, names, 3, 0, a, 6)) return Value();
  Value source = a[0], filename = filename_arg(ts, a[1]), mode = a[2];
  if (!filename) return Value();
  if (!is_str(mode))
    return raise_fmt(ts, TypeError_type, "compile() argument 'mode' must be str, not {}", type_name(mode));
  int64_t flags = 0, dont_inherit = 0, optimize = -1, feature_version = -1;
  if ((a[3] && !c_int_arg(ts, a[3], &flags)) || (a[4] && !c_int_arg(ts, a[4], &dont_inherit)) ||
      (a[5] && !c_int_arg(ts, a[5], &optimize)) || (a[6] && !c_int_arg(ts, a[6], &feature_version)))
    return Value();
  if (flags & ~kKnownCompileFlags) return raise(ts, ValueError_type, "compile(): unrecognised flags");
  if (optimize < -1 || optimize > 2) return raise(ts, ValueError_type, "compile(): invalid optimize value");
  int future_flags = static_cast<int>(flags & kFutureFlags) | (dont_inherit ? 0 : inherited_future_flags(ts));
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
    CompileOptions options{level};
    options.future_flags = future_flags;
    CompileResult result = compile_ast(*module, arena, as_str(filename)->view(), {}, options, warnings);
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
    if (feature_version < 0 || feature_version > kLatestFeatureVersion) feature_version = kLatestFeatureVersion;
    return pyast::parse_to_python(ts, text, as_str(filename)->view(), m, flags & kTypeComments,
                                  static_cast<int>(feature_version), is_str(source));
  }
  IncompleteInputFlags incomplete{(flags & kAllowIncompleteInput) != 0, (flags & kDontImplyDedent) != 0};
  return compile_to_code(ts, text, as_str(filename)->view(), as_str(mode)->view(), "compile", is_str(source),
                         future_flags, static_cast<int>(optimize), incomplete);
}

// CPython's PyMapping_Check: the type has __getitem__.
bool is_mapping(ThreadState& ts, Value v) { return bool(type_lookup(type_of(v), intern(ts, "__getitem__"))); }

// The namespaces exec()/eval() run in: given ones, or the caller's; checked as CPython 3.11 checks them.
bool namespaces(ThreadState& ts, Value g, Value l, bool is_eval, DictObject** globals, Value* locals) {
  if (is_eval) {
    if (!is_none(l) && !is_mapping(ts, l)) return raise(ts, TypeError_type, "locals must be a mapping"), false;
    if (!is_none(g) && !is_dict(g)) {
      raise(ts, TypeError_type,
            is_mapping(ts, g) ? "globals must be a real dict; try eval(expr, {}, mapping)" : "globals must be a dict");
      return false;
    }
  }
  if (is_none(g)) {
    Frame* caller = ts.current_frame;
    g = Value(caller->globals);
    if (is_none(l)) {
      if (caller->locals) {
        l = caller->locals;
      } else {
        Value locals_fn = dict_get_str(ts.interp->builtins, intern(ts, "locals"));
        l = locals_fn ? call(ts, locals_fn, {}) : g;
        if (!l) return false;
      }
    }
  } else if (is_none(l)) {
    l = g;
  }
  if (!is_eval) {
    if (!is_dict(g)) return raise_fmt(ts, TypeError_type, "exec() globals must be a dict, not {}", type_name(g)), false;
    if (!is_mapping(ts, l))
      return raise_fmt(ts, TypeError_type, "locals must be a mapping or None, not {}", type_name(l)), false;
  }
  *globals = static_cast<DictObject*>(g.as_object());
  *locals = l;
  return true;
}

// exec()'s closure= for a code object with free variables: a tuple of exactly that many cells.
bool closure_fits(Value closure, CodeObj* code) {
  if (is_none(closure) || type_of(closure) != &tuple_type) return false;
  auto* cells = static_cast<TupleObject*>(closure.as_object());
  if (cells->size != code->nfrees) return false;
  for (int64_t i = 0; i < cells->size; i++)
    if (type_of(cells->items[i]) != &cell_type) return false;
  return true;
}

// eval(source, globals=None, locals=None, /) and exec(source, globals=None, locals=None, /, *, closure=None).
Value exec_or_eval(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, bool is_eval) {
  const char* fn = is_eval ? "eval" : "exec";
  size_t n = positional_count(args, kwnames);
  Value closure = None();
  // Argument Clinic's order for exec(): the positional count first, then the keywords.
  if (!is_eval && n < 1) return raise(ts, TypeError_type, "exec() takes at least 1 positional argument (0 given)");
  if (kwnames && kwnames->size > 0) {
    if (is_eval) return raise(ts, TypeError_type, "eval() takes no keyword arguments");
    for (int64_t i = 0; i < kwnames->size; i++) {
      std::string_view name = as_str(kwnames->items[i])->view();
      if (name != "closure")
        return raise_fmt(ts, TypeError_type, "'{}' is an invalid keyword argument for exec()", name);
      closure = args[n + static_cast<size_t>(i)];
    }
  }
  // eval() counts its arguments in the older words, exec() (which has a keyword) in the newer.
  if (n < 1 && is_eval) return raise(ts, TypeError_type, "eval expected at least 1 argument, got 0");
  if (n > 3 && is_eval) return raise_fmt(ts, TypeError_type, "eval expected at most 3 arguments, got {}", n);
  if (n > 3) return raise_fmt(ts, TypeError_type, "exec() takes at most 3 positional arguments ({} given)", n);
  DictObject* globals;
  Value locals;
  if (!namespaces(ts, n > 1 ? args[1] : None(), n > 2 ? args[2] : None(), is_eval, &globals, &locals))
    return Value();
  Value code = args[0];
  if (type_of(code) == &code_type) {
    int nfrees = as_code(code)->nfrees;
    if (is_eval && nfrees > 0)
      return raise(ts, TypeError_type, "code object passed to eval() may not contain free variables");
    if (nfrees == 0 && !is_none(closure))
      return raise(ts, TypeError_type, "cannot use a closure with this code object");
    if (nfrees > 0 && !closure_fits(closure, as_code(code)))
      return raise_fmt(ts, TypeError_type, "code object requires a closure of exactly length {}", nfrees);
  } else {
    if (!is_none(closure))
      return raise(ts, TypeError_type, "closure can only be used when source is a code object");
    std::string_view text;
    std::string copied;  // a bytearray's or memoryview's bytes
    if (is_str(code)) text = as_str(code)->view();
    else if (type_of(code) == &bytes_type) text = static_cast<BytesObject*>(code.as_object())->view();
    else if (type_of(code) == &memoryview_type || is_bytearray(code)) {
      if (!buffer_bytes(ts, code, &copied)) return Value();
      text = copied;
    }
    else return raise_fmt(ts, TypeError_type, "{}() arg 1 must be a string, bytes or code object", fn);
    std::string stripped(text);
    if (is_eval) {  // eval() ignores leading spaces and tabs
      size_t b = stripped.find_first_not_of(" \t");
      stripped = b == std::string::npos ? "" : stripped.substr(b);
    }
    code = compile_to_code(ts, stripped, "<string>", is_eval ? "eval" : "exec", fn, is_str(args[0]),
                           inherited_future_flags(ts));
    if (!code) return code;
  }
  TupleObject* cells = is_none(closure) ? nullptr : static_cast<TupleObject*>(closure.as_object());
  Value r = eval_code(ts, as_code(code), globals, locals, cells);
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
