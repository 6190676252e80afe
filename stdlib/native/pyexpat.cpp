// The native `pyexpat` module, as CPython 3.11's pyexpat.c: ParserCreate and the pyexpat.xmlparser type (Parse,
// ParseFile, the 22 handler attributes, buffer_text/buffer_size/buffer_used, ordered_attributes,
// specified_attributes, namespace_prefixes, intern, the Error* and Current* positions, SetBase/GetBase,
// GetInputContext, ExternalEntityParserCreate, SetParamEntityParsing, UseForeignDTD), ExpatError (code, lineno,
// offset), ErrorString, the `pyexpat.errors` and `pyexpat.model` submodules, version_info/EXPAT_VERSION/features.
// This is what xml.parsers.expat, xml.etree.ElementTree, xml.dom.minidom, xml.sax and plistlib stand on.
//
// As zlib, it wraps the system's library (Debian's libexpat1-dev, static in a static minipy): CPython's own
// module is a thin layer over this same expat, and the module's contract is expat's exact behaviour (which
// documents are well-formed, every error code and position). The C callbacks are in pyexpat_handlers.cpp.
//
// Left out: expat_CAPI (only C accelerators use it; minipy's ElementTree is Lib's pure-Python one); a nested
// Parse() from inside a handler raises RuntimeError (CPython lets expat re-enter itself).
#include "stdlib/native/pyexpat.h"

#include <array>
#include <climits>
#include <utility>

#include "stdlib/native/native_support.h"
#include "vm/objects/bytearray.h"
#include "stdlib/native/native_type.h"

namespace minipy {

using namespace pyexpat;

namespace {

constexpr int64_t kDefaultBufferSize = 8192;  // CPython's buffer_size default
constexpr int kReadSize = 2048;               // ParseFile's read() size (CPython's BUF_SIZE)
constexpr size_t kMaxChunk = size_t{1} << 20;  // Parse() feeds expat at most this much at a time

Type parser_type;
Value expat_error;  // pyexpat.ExpatError (a GC root once created)

ParserObject* as_parser(Value v) { return static_cast<ParserObject*>(v.as_object()); }

void trace_parser(Object* self, Tracer& tracer) {
  auto* p = static_cast<ParserObject*>(self);
  tracer.visit_range(p->handlers, p->handlers + kHandlerCount);
  tracer.visit(p->intern);
  tracer.visit(p->parent);
}

void finalize_parser(Object* self) {
  auto* p = static_cast<ParserObject*>(self);
  if (p->parser) XML_ParserFree(p->parser);
  p->parser = nullptr;
  delete p->text_buffer;
  p->text_buffer = nullptr;
}

ParserObject* new_parser_object(ThreadState& ts) {
  auto* p = ts.alloc<ParserObject>(&parser_type);
  p->ts = &ts;
  p->buffer_size = kDefaultBufferSize;
  return p;
}

// ExpatError for the parser's current error: "MESSAGE: line L, column C" with code, lineno and offset set.
Value raise_expat_error(ThreadState& ts, XML_Parser parser) {
  XML_Error code = XML_GetErrorCode(parser);
  int64_t line = static_cast<int64_t>(XML_GetErrorLineNumber(parser));
  int64_t column = static_cast<int64_t>(XML_GetErrorColumnNumber(parser));
  const char* message = XML_ErrorString(code);
  std::string text = fmt::format("{:.200}: line {}, column {}", message ? message : "", line, column);
  Value arg(make_str(ts, text));
  Value error = new_exception(ts, as_type(expat_error), std::span<const Value>(&arg, 1));
  if (!error) return Value();
  if (!set_attr(ts, error, intern(ts, "code"), make_int(ts, code)) ||
      !set_attr(ts, error, intern(ts, "offset"), make_int(ts, column)) ||
      !set_attr(ts, error, intern(ts, "lineno"), make_int(ts, line)))
    return Value();
  return raise_value(ts, error);
}

// What Parse/ParseFile return for expat's status `status` (CPython's get_parse_result): a handler's exception,
// ExpatError, or 1 once buffered text is delivered.
Value parse_result(ThreadState& ts, ParserObject* p, int status) {
  if (ts.current_exception) return Value();
  if (status == XML_STATUS_ERROR) return raise_expat_error(ts, p->parser);
  if (!flush_text(p)) return Value();
  return make_int(ts, status);
}

// Refuses a nested Parse()/ParseFile() from inside a handler: expat cannot re-enter a running parse.
[[nodiscard]] bool enter_parse(ThreadState& ts, ParserObject* p) {
  if (p->in_parse) return raise(ts, RuntimeError_type, "cannot call Parse() or ParseFile() from a handler"), false;
  p->in_parse = true;
  return true;
}

// xmlparser.Parse(data, isfinal=False, /): data is str (parsed as UTF-8) or bytes-like.
NATIVE_FN(parser_parse) {
  Value v[2];
  if (!native::parse_args(ts, "Parse", args, kwnames, {"", ""}, 1, 2, v)) return Value();
  ParserObject* p = as_parser(self);
  Value data_object = v[0];
  std::string_view data;
  if (is_str(data_object)) {
    data = as_str(data_object)->view();
  } else if (!native::bytes_like(ts, data_object, &data)) {
    return Value();
  }
  int64_t isfinal = 0;
  if (v[1] && !index_to_int64(ts, v[1], &isfinal)) return Value();
  if (!enter_parse(ts, p)) return Value();
  if (is_str(data_object)) XML_SetEncoding(p->parser, "utf-8");
  std::string copy(data);  // a handler may resize the bytearray being parsed
  std::string_view rest(copy);
  int status = XML_STATUS_OK;
  while (rest.size() > kMaxChunk && status != XML_STATUS_ERROR && !ts.current_exception) {
    status = XML_Parse(p->parser, rest.data(), static_cast<int>(kMaxChunk), XML_FALSE);
    rest.remove_prefix(kMaxChunk);
  }
  if (status != XML_STATUS_ERROR && !ts.current_exception)
    status = XML_Parse(p->parser, rest.data(), static_cast<int>(rest.size()), isfinal != 0);
  p->in_parse = false;
  return parse_result(ts, p, status);
}

// xmlparser.ParseFile(file, /): file.read(2048) until it returns nothing.
NATIVE_FN(parser_parse_file) {
  Value v[1];
  if (!native::parse_args(ts, "ParseFile", args, kwnames, {""}, 1, 1, v)) return Value();
  ParserObject* p = as_parser(self);
  Value read = get_attr_optional(ts, v[0], intern(ts, "read"));
  if (!read) {
    if (ts.current_exception) return Value();
    return raise(ts, TypeError_type, "argument must have 'read' attribute");
  }
  if (!enter_parse(ts, p)) return Value();
  int status = XML_STATUS_OK;
  for (;;) {
    Value size = make_int(ts, kReadSize);
    Value chunk = call(ts, read, std::span<const Value>(&size, 1));
    if (!chunk) break;
    std::string_view data;
    Type* t = type_of(chunk);
    if (!(is_subtype(t, &bytes_type) || is_subtype(t, &bytearray_type)) || !native::bytes_like(ts, chunk, &data)) {
      raise_fmt(ts, TypeError_type, "read() did not return a bytes object (type={:.400})", t->c_name);
      break;
    }
    if (data.size() > static_cast<size_t>(kReadSize)) {
      raise_fmt(ts, ValueError_type, "read() returned too much data: {} bytes requested, {} returned", kReadSize,
                data.size());
      break;
    }
    std::string copy(data);
    status = XML_Parse(p->parser, copy.data(), static_cast<int>(copy.size()), copy.empty());
    if (ts.current_exception || status == XML_STATUS_ERROR || copy.empty()) break;
  }
  p->in_parse = false;
  if (ts.current_exception) return Value();
  return parse_result(ts, p, status);
}

// SetBase(base, /), GetBase(), GetInputContext()
NATIVE_FN(parser_set_base) {
  Value v[1];
  if (!native::parse_args(ts, "SetBase", args, kwnames, {""}, 1, 1, v)) return Value();
  if (!is_str(v[0]))
    return raise_fmt(ts, TypeError_type, "SetBase() argument must be str, not {}", type_of(v[0])->c_name);
  if (!XML_SetBase(as_parser(self)->parser, as_str(v[0])->data)) return raise(ts, MemoryError_type, "");
  return None();
}
NATIVE_FN(parser_get_base) {
  if (!native::no_args(ts, "xmlparser.GetBase", args, kwnames)) return Value();
  const XML_Char* base = XML_GetBase(as_parser(self)->parser);
  return base ? Value(make_str(ts, base)) : None();
}
NATIVE_FN(parser_get_input_context) {
  if (!native::no_args(ts, "xmlparser.GetInputContext", args, kwnames)) return Value();
  int offset = 0, size = 0;
  const char* buffer = XML_GetInputContext(as_parser(self)->parser, &offset, &size);
  if (!buffer || offset < 0 || offset > size) return None();
  return make_bytes(ts, std::string_view(buffer + offset, static_cast<size_t>(size - offset)));
}

// A str-or-None argument as a C string (null for None).
[[nodiscard]] bool optional_c_string(ThreadState& ts, const char* fname, const char* what, Value v, const char** out) {
  *out = nullptr;
  if (!v || is_none(v)) return true;
  if (!is_str(v))
    return raise_fmt(ts, TypeError_type, "{}() argument {} must be str or None, not {}", fname, what,
                     type_of(v)->c_name),
           false;
  *out = as_str(v)->data;
  return true;
}

// ExternalEntityParserCreate(context, encoding=None, /): a parser for an external entity, with this parser's
// handlers and settings.
NATIVE_FN(parser_external_entity_parser_create) {
  Value v[2];
  if (!native::parse_args(ts, "ExternalEntityParserCreate", args, kwnames, {"", ""}, 1, 2, v)) return Value();
  const char *context, *encoding;
  if (!optional_c_string(ts, "ExternalEntityParserCreate", "1", v[0], &context) ||
      !optional_c_string(ts, "ExternalEntityParserCreate", "2", v[1], &encoding))
    return Value();
  ParserObject* parent = as_parser(self);
  ParserObject* child = new_parser_object(ts);
  child->parser = XML_ExternalEntityParserCreate(parent->parser, context, encoding);
  if (!child->parser) return raise(ts, MemoryError_type, "");
  child->parent = self;
  child->intern = parent->intern;
  child->ordered_attributes = parent->ordered_attributes;
  child->specified_attributes = parent->specified_attributes;
  child->buffer_size = parent->buffer_size;
  if (parent->text_buffer) child->text_buffer = new std::string;
  install_fixed_callbacks(child);
  for (int i = 0; i < kHandlerCount; i++) {
    child->handlers[i] = parent->handlers[i];
    install_handler(child->parser, i, bool(child->handlers[i]));
  }
  return Value(child);
}

// SetParamEntityParsing(flag, /): expat's answer (0 when refused).
NATIVE_FN(parser_set_param_entity_parsing) {
  Value v[1];
  if (!native::parse_args(ts, "SetParamEntityParsing", args, kwnames, {""}, 1, 1, v)) return Value();
  int64_t flag;
  if (!index_to_int64(ts, v[0], &flag)) return Value();
  if (flag < INT_MIN || flag > INT_MAX) return raise(ts, OverflowError_type, "Python int too large to convert to C int");
  return make_int(ts, XML_SetParamEntityParsing(as_parser(self)->parser, static_cast<XML_ParamEntityParsing>(flag)));
}

// UseForeignDTD(flag=True, /)
NATIVE_FN(parser_use_foreign_dtd) {
  Value v[1];
  if (!native::parse_args(ts, "UseForeignDTD", args, kwnames, {""}, 0, 1, v)) return Value();
  int flag = 1;
  if (v[0] && (flag = py_truth(ts, v[0])) < 0) return Value();
  XML_Error error = XML_UseForeignDTD(as_parser(self)->parser, flag ? XML_TRUE : XML_FALSE);
  if (error != XML_ERROR_NONE) {
    const char* message = XML_ErrorString(error);
    return raise_fmt(ts, *as_type(expat_error), "{}", message ? message : "");
  }
  return None();
}

// ---- attributes ------------------------------------------------------------------------------------------------

// The handler attributes: one getter/setter pair per handler index.
template <int Index>
NATIVE_FN(get_handler) {
  Value h = as_parser(args[0])->handlers[Index];
  return h ? h : None();
}
[[nodiscard]] bool refuse_delete(ThreadState& ts, std::span<const Value> args) {
  if (args.size() >= 2) return true;
  raise(ts, RuntimeError_type, "Cannot delete attribute");
  return false;
}
template <int Index>
NATIVE_FN(set_handler) {
  if (!refuse_delete(ts, args)) return Value();
  ParserObject* p = as_parser(args[0]);
  // Text buffered for the old character data handler goes to it before it is replaced.
  if (Index == kCharacterData && !flush_text(p)) return Value();
  bool on = !is_none(args[1]);
  p->handlers[Index] = on ? args[1] : Value();
  install_handler(p->parser, Index, on);
  return None();
}
template <size_t... I>
constexpr std::array<NativeFn, sizeof...(I)> handler_getters(std::index_sequence<I...>) {
  return {get_handler<I>...};
}
template <size_t... I>
constexpr std::array<NativeFn, sizeof...(I)> handler_setters(std::index_sequence<I...>) {
  return {set_handler<I>...};
}
MethodDef handler_getter_defs[kHandlerCount];
MethodDef handler_setter_defs[kHandlerCount];

// Boolean flags: ordered_attributes, specified_attributes, namespace_prefixes.
template <bool ParserObject::*Flag>
NATIVE_FN(get_flag) {
  return Bool(as_parser(args[0])->*Flag);
}
template <bool ParserObject::*Flag>
NATIVE_FN(set_flag) {
  if (!refuse_delete(ts, args)) return Value();
  int truth = py_truth(ts, args[1]);
  if (truth < 0) return Value();
  ParserObject* p = as_parser(args[0]);
  p->*Flag = truth != 0;
  if (Flag == &ParserObject::namespace_prefixes) XML_SetReturnNSTriplet(p->parser, truth);
  return None();
}

NATIVE_FN(get_buffer_text) { return Bool(as_parser(args[0])->text_buffer != nullptr); }
NATIVE_FN(set_buffer_text) {
  if (!refuse_delete(ts, args)) return Value();
  int truth = py_truth(ts, args[1]);
  if (truth < 0) return Value();
  ParserObject* p = as_parser(args[0]);
  if (truth && !p->text_buffer) {
    p->text_buffer = new std::string;
  } else if (!truth && p->text_buffer) {
    if (!flush_text(p)) return Value();
    delete p->text_buffer;
    p->text_buffer = nullptr;
  }
  return None();
}
NATIVE_FN(get_buffer_size) { return make_int(ts, as_parser(args[0])->buffer_size); }
NATIVE_FN(set_buffer_size) {
  if (!refuse_delete(ts, args)) return Value();
  if (!is_int(args[1])) return raise(ts, TypeError_type, "buffer_size must be an integer");
  int64_t size;
  if (!int_to_int64(args[1], &size) || size > INT_MAX)
    return raise_fmt(ts, ValueError_type, "buffer_size must not be greater than {}", INT_MAX);
  if (size <= 0) return raise(ts, ValueError_type, "buffer_size must be greater than zero");
  ParserObject* p = as_parser(args[0]);
  if (p->text_buffer && size != p->buffer_size && !flush_text(p)) return Value();
  p->buffer_size = size;
  return None();
}
NATIVE_FN(get_buffer_used) {
  ParserObject* p = as_parser(args[0]);
  return make_int(ts, p->text_buffer ? static_cast<int64_t>(p->text_buffer->size()) : 0);
}
NATIVE_FN(get_intern) {
  Value d = as_parser(args[0])->intern;
  return d ? d : None();
}

// The read-only positions: expat's answer for the parser.
template <auto Query>
NATIVE_FN(get_position) {
  return make_int(ts, static_cast<int64_t>(Query(as_parser(args[0])->parser)));
}

const MethodDef kParserMethods[] = {
    {"Parse", parser_parse},
    {"ParseFile", parser_parse_file},
    {"SetBase", parser_set_base},
    {"GetBase", parser_get_base},
    {"GetInputContext", parser_get_input_context},
    {"ExternalEntityParserCreate", parser_external_entity_parser_create},
    {"SetParamEntityParsing", parser_set_param_entity_parsing},
    {"UseForeignDTD", parser_use_foreign_dtd}};

// Settable attributes (getter, setter).
const std::pair<MethodDef, MethodDef> kSettable[] = {
    {{"ordered_attributes", get_flag<&ParserObject::ordered_attributes>},
     {"ordered_attributes", set_flag<&ParserObject::ordered_attributes>}},
    {{"specified_attributes", get_flag<&ParserObject::specified_attributes>},
     {"specified_attributes", set_flag<&ParserObject::specified_attributes>}},
    {{"namespace_prefixes", get_flag<&ParserObject::namespace_prefixes>},
     {"namespace_prefixes", set_flag<&ParserObject::namespace_prefixes>}},
    {{"buffer_text", get_buffer_text}, {"buffer_text", set_buffer_text}},
    {{"buffer_size", get_buffer_size}, {"buffer_size", set_buffer_size}}};

int64_t error_code(XML_Parser parser) { return XML_GetErrorCode(parser); }
int64_t current_line(XML_Parser parser) { return static_cast<int64_t>(XML_GetCurrentLineNumber(parser)); }
int64_t current_column(XML_Parser parser) { return static_cast<int64_t>(XML_GetCurrentColumnNumber(parser)); }
int64_t current_byte(XML_Parser parser) { return static_cast<int64_t>(XML_GetCurrentByteIndex(parser)); }

const MethodDef kReadOnly[] = {
    {"buffer_used", get_buffer_used},
    {"intern", get_intern},
    {"ErrorCode", get_position<error_code>},
    {"ErrorLineNumber", get_position<current_line>},
    {"ErrorColumnNumber", get_position<current_column>},
    {"ErrorByteIndex", get_position<current_byte>},
    {"CurrentLineNumber", get_position<current_line>},
    {"CurrentColumnNumber", get_position<current_column>},
    {"CurrentByteIndex", get_position<current_byte>}};

Value refuse_new(ThreadState& ts, Type*, std::span<const Value>, TupleObject*) {
  return raise(ts, TypeError_type, "cannot create 'pyexpat.xmlparser' instances");
}

// ---- module functions ------------------------------------------------------------------------------------------

// ParserCreate(encoding=None, namespace_separator=None, intern=<a new dict>)
NATIVE_FN(pyexpat_parser_create) {
  Value v[3];
  if (!native::parse_args(ts, "ParserCreate", args, kwnames, {"encoding", "namespace_separator", "intern"}, 0, 0, v))
    return Value();
  const char *encoding, *separator;
  if (!optional_c_string(ts, "ParserCreate", "'encoding'", v[0], &encoding) ||
      !optional_c_string(ts, "ParserCreate", "'namespace_separator'", v[1], &separator))
    return Value();
  if (separator && as_str(v[1])->length > 1)
    return raise(ts, ValueError_type, "namespace_separator must be at most one character, omitted, or None");
  Value intern_dict;
  if (!v[2]) {
    intern_dict = Value(make_dict(ts));
  } else if (!is_none(v[2])) {
    if (!is_dict(v[2])) return raise(ts, TypeError_type, "intern must be a dictionary");
    intern_dict = v[2];
  }
  ParserObject* p = new_parser_object(ts);
  p->intern = intern_dict;
  // A multi-byte separator character is passed as its first byte, as CPython passes its UTF-8 form to expat.
  p->parser = separator ? XML_ParserCreateNS(encoding, separator[0]) : XML_ParserCreate(encoding);
  if (!p->parser) return raise(ts, MemoryError_type, "XML_ParserCreate failed");
  install_fixed_callbacks(p);
  return Value(p);
}

// ErrorString(code, /): expat's message, or None.
NATIVE_FN(pyexpat_error_string) {
  Value v[1];
  if (!native::parse_args(ts, "ErrorString", args, kwnames, {""}, 1, 1, v)) return Value();
  int64_t code;
  if (!index_to_int64(ts, v[0], &code)) return Value();
  if (code < 0 || code > INT_MAX) return None();
  const char* message = XML_ErrorString(static_cast<XML_Error>(code));
  return message ? Value(make_str(ts, message)) : None();
}

const MethodDef kFunctions[] = {{"ParserCreate", pyexpat_parser_create}, {"ErrorString", pyexpat_error_string}};

// The error names in expat's enum order, from XML_ERROR_NO_MEMORY (1): the errors submodule's table.
constexpr const char* kErrorNames[] = {
    "XML_ERROR_NO_MEMORY", "XML_ERROR_SYNTAX", "XML_ERROR_NO_ELEMENTS", "XML_ERROR_INVALID_TOKEN",
    "XML_ERROR_UNCLOSED_TOKEN", "XML_ERROR_PARTIAL_CHAR", "XML_ERROR_TAG_MISMATCH", "XML_ERROR_DUPLICATE_ATTRIBUTE",
    "XML_ERROR_JUNK_AFTER_DOC_ELEMENT", "XML_ERROR_PARAM_ENTITY_REF", "XML_ERROR_UNDEFINED_ENTITY",
    "XML_ERROR_RECURSIVE_ENTITY_REF", "XML_ERROR_ASYNC_ENTITY", "XML_ERROR_BAD_CHAR_REF",
    "XML_ERROR_BINARY_ENTITY_REF", "XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF", "XML_ERROR_MISPLACED_XML_PI",
    "XML_ERROR_UNKNOWN_ENCODING", "XML_ERROR_INCORRECT_ENCODING", "XML_ERROR_UNCLOSED_CDATA_SECTION",
    "XML_ERROR_EXTERNAL_ENTITY_HANDLING", "XML_ERROR_NOT_STANDALONE", "XML_ERROR_UNEXPECTED_STATE",
    "XML_ERROR_ENTITY_DECLARED_IN_PE", "XML_ERROR_FEATURE_REQUIRES_XML_DTD",
    "XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING", "XML_ERROR_UNBOUND_PREFIX", "XML_ERROR_UNDECLARING_PREFIX",
    "XML_ERROR_INCOMPLETE_PE", "XML_ERROR_XML_DECL", "XML_ERROR_TEXT_DECL", "XML_ERROR_PUBLICID",
    "XML_ERROR_SUSPENDED", "XML_ERROR_NOT_SUSPENDED", "XML_ERROR_ABORTED", "XML_ERROR_FINISHED",
    "XML_ERROR_SUSPEND_PE", "XML_ERROR_RESERVED_PREFIX_XML", "XML_ERROR_RESERVED_PREFIX_XMLNS",
    "XML_ERROR_RESERVED_NAMESPACE_URI", "XML_ERROR_INVALID_ARGUMENT", "XML_ERROR_NO_BUFFER",
    "XML_ERROR_AMPLIFICATION_LIMIT_BREACH"};

// A submodule registered in sys.modules as "pyexpat.NAME" (CPython does the same) and set on `m`.
ModuleObject* add_submodule(ThreadState& ts, ModuleObject* m, const char* name, const char* doc) {
  ModuleObject* sub = make_module(ts, fmt::format("pyexpat.{}", name));
  add_module_value(ts, sub, "__doc__", make_str(ts, doc));
  add_module_value(ts, m, name, Value(sub));
  (void)dict_set_str(ts, ts.interp->modules, intern(ts, fmt::format("pyexpat.{}", name)), Value(sub));
  return sub;
}

void ready_types(ThreadState& ts) {
  if (native::native_type_ready(parser_type)) return;
  native::init_native_type(ts, parser_type, "xmlparser", "pyexpat", sizeof(ParserObject), false);
  parser_type.trace = trace_parser;
  parser_type.finalize = finalize_parser;
  parser_type.new_instance = refuse_new;
  add_methods(ts, parser_type, kParserMethods);
  constexpr auto getters = handler_getters(std::make_index_sequence<kHandlerCount>());
  constexpr auto setters = handler_setters(std::make_index_sequence<kHandlerCount>());
  for (int i = 0; i < kHandlerCount; i++) {
    handler_getter_defs[i] = {kHandlerNames[i], getters[i]};
    handler_setter_defs[i] = {kHandlerNames[i], setters[i]};
    add_native_property(ts, parser_type, &handler_getter_defs[i], &handler_setter_defs[i]);
  }
  for (const auto& [getter, setter] : kSettable) add_native_property(ts, parser_type, &getter, &setter);
  for (const MethodDef& getter : kReadOnly) add_native_property(ts, parser_type, &getter, nullptr);
  native::complete_native_type(ts, parser_type);
  expat_error = native::new_exception_class(ts, "xml.parsers.expat", "ExpatError", &Exception_type);
  register_root(ts, &expat_error);
}

}  // namespace

ModuleObject* create_pyexpat_module(ThreadState& ts) {
  ready_types(ts);
  ModuleObject* m = make_module(ts, "pyexpat");
  add_module_functions(ts, m, kFunctions);
  add_module_value(ts, m, "ExpatError", expat_error);
  add_module_value(ts, m, "error", expat_error);
  add_module_value(ts, m, "XMLParserType", Value(&parser_type));
  add_module_value(ts, m, "EXPAT_VERSION", make_str(ts, XML_ExpatVersion()));
  XML_Expat_Version version = XML_ExpatVersionInfo();
  Value parts[3] = {make_int(ts, version.major), make_int(ts, version.minor), make_int(ts, version.micro)};
  add_module_value(ts, m, "version_info", Value(make_tuple(ts, parts)));
  add_module_value(ts, m, "native_encoding", make_str(ts, "UTF-8"));
  ListObject* features = make_list(ts, 0);
  for (const XML_Feature* f = XML_GetFeatureList(); f && f->feature != XML_FEATURE_END; f++) {
    Value pair[2] = {Value(make_str(ts, f->name)), make_int(ts, f->value)};
    (void)list_append(ts, features, Value(make_tuple(ts, pair)));
  }
  add_module_value(ts, m, "features", Value(features));
  add_module_value(ts, m, "XML_PARAM_ENTITY_PARSING_NEVER", make_int(ts, XML_PARAM_ENTITY_PARSING_NEVER));
  add_module_value(ts, m, "XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE",
                   make_int(ts, XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE));
  add_module_value(ts, m, "XML_PARAM_ENTITY_PARSING_ALWAYS", make_int(ts, XML_PARAM_ENTITY_PARSING_ALWAYS));

  // pyexpat.errors: each XML_ERROR_* name is its message; codes maps messages to numbers, messages the reverse.
  ModuleObject* errors = add_submodule(ts, m, "errors", "Constants used to describe error conditions.");
  DictObject* codes = make_dict(ts);
  DictObject* messages = make_dict(ts);
  int code = 1;
  for (const char* name : kErrorNames) {
    const char* text = XML_ErrorString(static_cast<XML_Error>(code));
    Value message(make_str(ts, text ? text : ""));
    Value number = make_int(ts, code++);
    add_module_value(ts, errors, name, message);
    (void)dict_set(ts, codes, message, number);
    (void)dict_set(ts, messages, number, message);
  }
  add_module_value(ts, errors, "codes", Value(codes));
  add_module_value(ts, errors, "messages", Value(messages));

  // pyexpat.model: the content model constants ElementDeclHandler's tuples use.
  ModuleObject* model = add_submodule(ts, m, "model", "Constants used to interpret content model information.");
  const std::pair<const char*, int> model_constants[] = {
      {"XML_CTYPE_EMPTY", XML_CTYPE_EMPTY}, {"XML_CTYPE_ANY", XML_CTYPE_ANY},
      {"XML_CTYPE_MIXED", XML_CTYPE_MIXED}, {"XML_CTYPE_NAME", XML_CTYPE_NAME},
      {"XML_CTYPE_CHOICE", XML_CTYPE_CHOICE}, {"XML_CTYPE_SEQ", XML_CTYPE_SEQ},
      {"XML_CQUANT_NONE", XML_CQUANT_NONE}, {"XML_CQUANT_OPT", XML_CQUANT_OPT},
      {"XML_CQUANT_REP", XML_CQUANT_REP}, {"XML_CQUANT_PLUS", XML_CQUANT_PLUS}};
  for (const auto& [name, value] : model_constants) add_module_value(ts, model, name, make_int(ts, value));
  return m;
}

}  // namespace minipy
