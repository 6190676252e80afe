// The native `_ast` module (CPython's Python/Python-ast.c): the AST base class, one class per row of
// _ast_nodes.def (with _fields, _attributes, __match_args__, __doc__ and None defaults for optional fields) and the
// PyCF_* flags. Trees come from minipy's own parser (_ast_to_python.cpp) and go back to its compiler
// (_ast_from_python.cpp); type comments (PyCF_TYPE_COMMENTS) and the 'func_type' mode are _ast_type_comments.cpp's.
#include "stdlib/native/_ast.h"

#include "compiler/parse.h"
#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"
#include "vm/cli/run.h"
#include "vm/objects/heap_type.h"

namespace minipy {

namespace pyast {

namespace {

// The table's rows as written, before their signatures are parsed.
struct Row {
  const char* name;
  const char* base;  // the sum of a constructor; nullptr for sums and products
  bool is_sum;
  const char* fields;
  const char* attributes;
};
constexpr Row kRows[] = {
#define AST_SUM(name, attributes) {#name, nullptr, true, "", attributes},
#define AST_CONSTRUCTOR(name, sum, fields) {#name, #sum, false, fields, ""},
#define AST_PRODUCT(name, fields, attributes) {#name, nullptr, false, fields, attributes},
#include "stdlib/native/_ast_nodes.def"
};
static_assert(std::size(kRows) == kNodeClassCount);

ClassInfo classes[kNodeClassCount];
Value ast_class;  // AST itself
bool classes_ready = false;

constexpr int kPyCFOnlyAst = 0x400, kPyCFTypeComments = 0x1000, kPyCFAllowTopLevelAwait = 0x2000;

NodeClass class_named(std::string_view name) {
  for (size_t i = 0; i < kNodeClassCount; i++)
    if (name == kRows[i].name) return static_cast<NodeClass>(i);
  return NodeClass::kCount;
}

// "expr* targets, expr value" -> field descriptions.
std::vector<FieldInfo> parse_signature(ThreadState& ts, std::string_view sig) {
  std::vector<FieldInfo> out;
  while (!sig.empty()) {
    size_t comma = sig.find(", ");
    std::string_view one = sig.substr(0, comma);
    sig = comma == std::string_view::npos ? std::string_view() : sig.substr(comma + 2);
    size_t space = one.find(' ');
    std::string_view type = one.substr(0, space), name = one.substr(space + 1);
    FieldInfo f{intern(ts, name), FieldType::Node, NodeClass::kCount, Quantifier::One};
    if (type.back() == '*' || type.back() == '?') {
      f.quantifier = type.back() == '*' ? Quantifier::List : Quantifier::Optional;
      type.remove_suffix(1);
    }
    if (type == "identifier") f.type = FieldType::Identifier;
    else if (type == "string") f.type = FieldType::String;
    else if (type == "int") f.type = FieldType::Int;
    else if (type == "constant") f.type = FieldType::Constant;
    else f.node_class = class_named(type);
    out.push_back(f);
  }
  return out;
}

// __doc__ as CPython writes it: "Name(sig)" for a class with fields, "Name" without, and for a sum
// "sum = A(...)\n    | B(...)" (or "sum = A | B" when no constructor has fields).
std::string class_doc(size_t index) {
  const Row& row = kRows[index];
  auto one = [](const Row& r) { return *r.fields ? fmt::format("{}({})", r.name, r.fields) : std::string(r.name); };
  if (!row.is_sum) return one(row);
  bool simple = true;
  for (size_t i = index + 1; i < kNodeClassCount && kRows[i].base; i++) simple &= !*kRows[i].fields;
  std::string doc = fmt::format("{} = ", row.name);
  std::string separator = simple ? " | " : "\n" + std::string(std::string_view(row.name).size() + 1, ' ') + "| ";
  for (size_t i = index + 1; i < kNodeClassCount && kRows[i].base; i++) {
    if (i > index + 1) doc += separator;
    doc += one(kRows[i]);
  }
  return doc;
}

Value names_tuple(ThreadState& ts, const std::vector<FieldInfo>& fields) {
  TupleObject* t = make_tuple(ts, static_cast<int64_t>(fields.size()));
  for (size_t i = 0; i < fields.size(); i++) t->items[i] = Value(fields[i].name);
  return Value(t);
}

// AST.__init__(self, *args, **kwargs): positional arguments fill _fields in order, keywords set attributes.
Value ast_init(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  size_t positional = positional_count(args, kwnames);
  Value fields = get_attr_optional(ts, Value(type_of(self)), intern(ts, "_fields"));
  if (!fields && ts.current_exception) return Value();
  int64_t count = 0;
  if (fields) {
    count = py_len(ts, fields);
    if (count < 0) return Value();
  }
  if (static_cast<int64_t>(positional) > count)
    return raise_fmt(ts, TypeError_type, "{} constructor takes at most {} positional argument{}",
                     type_of(self)->name->view(), count, count == 1 ? "" : "s");
  for (size_t i = 0; i < positional; i++) {
    Value name = get_item(ts, fields, make_int(ts, static_cast<int64_t>(i)));
    if (!name) return Value();
    if (!is_str(name)) return raise(ts, TypeError_type, "attribute name must be string");
    if (!set_attr(ts, self, as_str(name), args[i])) return Value();
  }
  for (size_t i = positional; i < args.size(); i++) {
    StrObject* key = as_str(kwnames->items[i - positional]);
    // A keyword naming a field that a positional argument already filled.
    for (size_t k = 0; k < positional; k++) {
      Value name = get_item(ts, fields, make_int(ts, static_cast<int64_t>(k)));
      if (!name) return Value();
      if (is_str(name) && str_equal(as_str(name), key))
        return raise_fmt(ts, TypeError_type, "{} got multiple values for argument '{}'", type_of(self)->name->view(),
                         key->view());
    }
    if (!set_attr(ts, self, key, args[i])) return Value();
  }
  return None();
}

// AST.__new__(cls, *args, **kwargs): a bare instance whatever the arguments (CPython's PyType_GenericNew);
// __init__ reads them. Lib's deprecated ast.Num and friends call it with their arguments.
Value ast_new(ThreadState& ts, Value, std::span<const Value> args, TupleObject* kwnames) {
  if (positional_count(args, kwnames) < 1 || !args[0].is_object() || !is_subtype(type_of(args[0]), &type_type))
    return raise(ts, TypeError_type, "AST.__new__(X): X is not a type object");
  return object_new(ts, static_cast<Type*>(args[0].as_object()), {}, nullptr);
}
const MethodDef kAstNew = {"__new__", ast_new, kMethodStatic};

// AST.__reduce__: (type, (), instance dict), so copy and pickle rebuild nodes.
Value ast_reduce(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!native::no_args(ts, "__reduce__", args, kwnames)) return Value();
  Value dict = get_attr_optional(ts, self, intern(ts, "__dict__"));
  if (!dict && ts.current_exception) return Value();
  Value empty(make_tuple(ts, 0));
  if (dict) {
    Value items[3] = {Value(type_of(self)), empty, dict};
    return Value(make_tuple(ts, items));
  }
  Value items[2] = {Value(type_of(self)), empty};
  return Value(make_tuple(ts, items));
}

// __init__ is a slot wrapper, as CPython's (inspect.signature takes the classes for builtins).
const MethodDef kAstMethods[] = {{"__init__", ast_init, kMethodSlotWrapper}, {"__reduce__", ast_reduce}};

// type(name, (base,), namespace) with __module__ 'ast', as CPython's make_type does.
Value make_class(ThreadState& ts, std::string_view name, Value base, DictObject* ns) {
  dict_set_str_new(ts, ns, intern(ts, "__module__"), Value(intern(ts, "ast")));
  Value bases_items[1] = {base};
  TupleObject* bases = base ? make_tuple(ts, bases_items) : make_tuple(ts, 0);
  return make_heap_type(ts, &type_type, intern(ts, name), bases, ns, {}, nullptr);
}

bool make_classes(ThreadState& ts) {
  DictObject* ns = make_dict(ts);
  Value empty(make_tuple(ts, 0));
  dict_set_str_new(ts, ns, intern(ts, "_fields"), empty);
  dict_set_str_new(ts, ns, intern(ts, "__match_args__"), empty);
  dict_set_str_new(ts, ns, intern(ts, "_attributes"), empty);
  ast_class = make_class(ts, "AST", Value(), ns);
  if (!ast_class) return false;
  register_root(ts, &ast_class);
  Type* ast_type = static_cast<Type*>(ast_class.as_object());
  // AST.__new__ is a builtin method bound to AST, as a builtin class's (CPython's tp_new wrapper).
  add_methods(ts, *ast_type, std::span<const MethodDef>(&kAstNew, 1));
  add_methods(ts, *ast_type, kAstMethods);
  update_heap_type_slots(ts, ast_type);
  bump_type_version(ts, ast_type);

  for (size_t i = 0; i < kNodeClassCount; i++) {
    const Row& row = kRows[i];
    ClassInfo& info = classes[i];
    info.name = row.name;
    info.is_sum = row.is_sum;
    info.base = row.base ? class_named(row.base) : NodeClass::kCount;
    info.fields = parse_signature(ts, row.fields);
    info.attributes = parse_signature(ts, row.attributes);
    DictObject* d = make_dict(ts);
    Value field_names = names_tuple(ts, info.fields);
    dict_set_str_new(ts, d, intern(ts, "_fields"), field_names);
    dict_set_str_new(ts, d, intern(ts, "__match_args__"), field_names);
    // Sums and products carry _attributes; constructors inherit their sum's.
    if (!row.base) dict_set_str_new(ts, d, intern(ts, "_attributes"), names_tuple(ts, info.attributes));
    for (const auto* list : {&info.fields, &info.attributes})
      for (const FieldInfo& f : *list)
        if (f.quantifier == Quantifier::Optional) dict_set_str_new(ts, d, f.name, None());
    dict_set_str_new(ts, d, intern(ts, "__doc__"), Value(make_str(ts, class_doc(i))));
    Value base = row.base ? classes[static_cast<size_t>(info.base)].cls : ast_class;
    info.cls = make_class(ts, row.name, base, d);
    if (!info.cls) return false;
    register_root(ts, &info.cls);
  }
  // The shared instances of field-less constructors of attribute-less sums (Load, Add, Eq, ...).
  for (ClassInfo& info : classes) {
    if (info.base == NodeClass::kCount || !info.fields.empty()) continue;
    if (!classes[static_cast<size_t>(info.base)].attributes.empty()) continue;
    info.singleton = object_new(ts, static_cast<Type*>(info.cls.as_object()), {}, nullptr);
    if (!info.singleton) return false;
    register_root(ts, &info.singleton);
  }
  return true;
}

}  // namespace

bool ensure_classes(ThreadState& ts) {
  if (classes_ready) return true;
  if (!make_classes(ts)) return false;
  classes_ready = true;
  return true;
}

const ClassInfo& class_info(NodeClass c) { return classes[static_cast<size_t>(c)]; }
Value ast_base_class() { return ast_class; }

int is_node(ThreadState& ts, Value v, NodeClass c) {
  int result = 0;
  if (!is_instance(ts, v, class_info(c).cls, &result)) return -1;
  return result;
}

bool is_ast_object(ThreadState& ts, Value v) {
  if (!classes_ready) return false;
  int result = 0;
  if (!is_instance(ts, v, ast_class, &result)) {
    ts.current_exception = Value();
    return false;
  }
  return result == 1;
}

Value parse_to_python(ThreadState& ts, std::string_view source, std::string_view filename, ast::ParseMode mode,
                      bool type_comments, int feature_version, bool text) {
  if (!ensure_classes(ts)) return Value();
  ast::Arena arena;
  ParseResult parsed =
      parse(source, filename, mode, arena, feature_version, text ? SourceOrigin::Text : SourceOrigin::String);
  if (!parsed.module) return raise_syntax_error(ts, parsed.error ? *parsed.error : SyntaxError{});
  if (!type_comments || mode == ast::ParseMode::Eval) return module_to_python(ts, *parsed.module);
  TypeComments found;
  SyntaxError error;
  if (!collect_type_comments(source, filename, *parsed.module, &found, &error)) return raise_syntax_error(ts, error);
  return module_to_python(ts, *parsed.module, &found);
}

}  // namespace pyast

ModuleObject* create__ast_module(ThreadState& ts) {
  if (!pyast::ensure_classes(ts)) return nullptr;
  ModuleObject* m = make_module(ts, "_ast");
  add_module_value(ts, m, "AST", pyast::ast_class);
  for (const pyast::ClassInfo& info : pyast::classes) add_module_value(ts, m, info.name, info.cls);
  add_module_value(ts, m, "PyCF_ONLY_AST", make_int(ts, pyast::kPyCFOnlyAst));
  add_module_value(ts, m, "PyCF_TYPE_COMMENTS", make_int(ts, pyast::kPyCFTypeComments));
  add_module_value(ts, m, "PyCF_ALLOW_TOP_LEVEL_AWAIT", make_int(ts, pyast::kPyCFAllowTopLevelAwait));
  return m;
}

}  // namespace minipy
