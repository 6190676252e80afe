// The native `_contextvars` module: CPython 3.11's context.c (PEP 567) for minipy's single thread: ContextVar,
// Token, Context and copy_context. A context maps variables to values; CPython shares structure between
// contexts with a HAMT, minipy copies a dict when a variable is set in a context (contexts are small), which
// keeps the same semantics: copy_context() snapshots, set() affects only the current context. Leaves out
// nothing observable except CPython's key/value/item view types (keys()/values()/items() return dict views).
#include "stdlib/native/native_support.h"
#include "stdlib/native/native_type.h"

namespace minipy {

namespace {

// Copy-on-write: a context's dict is never changed in place once created. set() and reset() build a new dict, so a
// Context returned by copy_context() or Context.copy() (which share the dict) keeps its snapshot.
struct ContextObject : Object {
  DictObject* vars;  // variable -> value; replaced (never mutated) once the context may be shared
  Value previous;    // the context that was current when this one was entered
  bool entered;
};

struct ContextVarObject : Object {
  Value name;
  Value default_value;  // null: no default
};

// A Token remembers the context it was made in so reset() can refuse one from another context (asyncio tasks each run
// in their own), and the old value to restore.
struct TokenObject : Object {
  Value context;
  Value var;
  Value old_value;  // null: Token.MISSING
  bool used;
};

Type context_type, context_var_type, token_type, token_missing_type;
Object token_missing;                 // Token.MISSING
Value current_context_root;           // the current Context (a GC root), created on first use

ContextObject* as_context(Value v) { return static_cast<ContextObject*>(v.as_object()); }
ContextVarObject* as_var(Value v) { return static_cast<ContextVarObject*>(v.as_object()); }
TokenObject* as_token(Value v) { return static_cast<TokenObject*>(v.as_object()); }

ContextObject* new_context(ThreadState& ts, DictObject* vars) {
  auto* c = ts.alloc<ContextObject>(&context_type);
  c->vars = vars ? vars : make_dict(ts);
  return c;
}

// The first use creates the thread's base context, as CPython's context_get does lazily.
ContextObject* current_context(ThreadState& ts) {
  if (!current_context_root) current_context_root = Value(new_context(ts, nullptr));
  return as_context(current_context_root);
}

// A copy of `d` (contexts share their dicts, so a change makes a new one).
DictObject* copy_vars(ThreadState& ts, DictObject* d) {
  DictObject* copy = make_dict(ts, d->used);
  if (!dict_update(ts, copy, Value(d))) return nullptr;
  return copy;
}

std::string describe(ThreadState& ts, Value v) {
  Value r = py_repr(ts, v);
  return r ? std::string(as_str(r)->view()) : std::string("?");
}

// ---- ContextVar -------------------------------------------------------------------------------------------------

Value var_new(ThreadState& ts, Type*, std::span<const Value> args, TupleObject* kwnames) {
  // PyArg_ParseTupleAndKeywords("O|$O:ContextVar")'s messages.
  size_t npos = positional_count(args, kwnames);
  if (npos != 1)
    return raise_fmt(ts, TypeError_type, "ContextVar() takes {} 1 positional argument ({} given)",
                     npos ? "at most" : "exactly", npos);
  Value v[2];
  if (!native::parse_args(ts, "ContextVar", args, kwnames, {"name", "default"}, 1, 0, v, 1)) return Value();
  if (!is_str(v[0])) return raise(ts, TypeError_type, "context variable name must be a str");
  auto* var = ts.alloc<ContextVarObject>(&context_var_type);
  var->name = v[0];
  var->default_value = v[1];
  return Value(var);
}

Value var_repr(ThreadState& ts, Value self) {
  ContextVarObject* var = as_var(self);
  std::string text = "<ContextVar name=" + describe(ts, var->name);
  if (var->default_value) text += " default=" + describe(ts, var->default_value);
  text += fmt::format(" at {:#x}>", self.bits());
  return make_str(ts, text);
}

// get([default]): the value in the current context, else the argument, else the variable's default.
// A dict lookup keyed by the ContextVar object itself: its hash is identity-based, so the lookup cannot run Python
// code; the exception check covers only a failed allocation.
NATIVE_FN(var_get) {
  if (!no_keywords(ts, "ContextVar.get", kwnames)) return Value();
  if (args.size() > 1) return raise_fmt(ts, TypeError_type, "get expected at most 1 argument, got {}", args.size());
  Value found = dict_get(ts, current_context(ts)->vars, self);
  if (found) return found;
  if (ts.current_exception) return Value();
  if (!args.empty()) return args[0];
  if (as_var(self)->default_value) return as_var(self)->default_value;
  // CPython raises LookupError with the variable itself as the argument, so the message is the var's repr.
  return raise_value(ts, call(ts, Value(&LookupError_type), std::span<const Value>(&self, 1)));
}

NATIVE_FN(var_set) {
  if (!native::one_arg(ts, "ContextVar.set", args, kwnames)) return Value();
  ContextObject* ctx = current_context(ts);
  Value old = dict_get(ts, ctx->vars, self);
  if (!old && ts.current_exception) return Value();
  DictObject* vars = copy_vars(ts, ctx->vars);
  if (!vars || !dict_set(ts, vars, self, args[0])) return Value();
  ctx->vars = vars;
  auto* token = ts.alloc<TokenObject>(&token_type);
  token->context = Value(ctx);
  token->var = self;
  token->old_value = old;
  return Value(token);
}

// The checks and their order are contextvar_reset's: wrong type, already used, wrong variable, wrong context.
NATIVE_FN(var_reset) {
  if (!native::one_arg(ts, "ContextVar.reset", args, kwnames)) return Value();
  Value t = args[0];
  if (type_of(t) != &token_type)
    return raise_fmt(ts, TypeError_type, "expected an instance of Token, got {}", describe(ts, t));
  TokenObject* token = as_token(t);
  if (token->used) return raise_fmt(ts, RuntimeError_type, "{} has already been used once", describe(ts, t));
  if (token->var != self)
    return raise_fmt(ts, ValueError_type, "{} was created by a different ContextVar", describe(ts, t));
  ContextObject* ctx = current_context(ts);
  if (token->context != Value(ctx))
    return raise_fmt(ts, ValueError_type, "{} was created in a different Context", describe(ts, t));
  token->used = true;
  DictObject* vars = copy_vars(ts, ctx->vars);
  if (!vars) return Value();
  if (token->old_value) {
    if (!dict_set(ts, vars, self, token->old_value)) return Value();
  } else if (dict_del(ts, vars, self) < 0) {
    return Value();
  }
  ctx->vars = vars;
  return None();
}

NATIVE_FN(var_name) { (void)args, (void)kwnames, (void)ts; return as_var(self)->name; }

// ContextVar[T]: a types.GenericAlias.
// ContextVar[int] (PEP 585 style); the alias machinery lives in generic_alias.cpp and is reached through a builtin
// container's __class_getitem__ rather than exposed separately.
NATIVE_FN(var_class_getitem) {
  if (!native::one_arg(ts, "ContextVar.__class_getitem__", args, kwnames)) return Value();
  // The builtin containers' __class_getitem__, bound to this class, makes the types.GenericAlias.
  Value getitem = type_lookup(&list_type, intern(ts, "__class_getitem__"));
  Type* descriptor_type = type_of(getitem);
  Value bound = descriptor_type->descr_get(ts, getitem, Value(), self);
  if (!bound) return Value();
  return call(ts, bound, args);
}

void trace_var(Object* self, Tracer& tracer) {
  auto* var = static_cast<ContextVarObject*>(self);
  tracer.visit(var->name);
  tracer.visit(var->default_value);
}

// ---- Token ------------------------------------------------------------------------------------------------------

Value token_new(ThreadState& ts, Type*, std::span<const Value>, TupleObject*) {
  return raise(ts, RuntimeError_type, "Tokens can only be created by ContextVars");
}

Value token_repr(ThreadState& ts, Value self) {
  TokenObject* token = as_token(self);
  return make_str(ts, fmt::format("<Token{} var={} at {:#x}>", token->used ? " used" : "",
                                  describe(ts, token->var), self.bits()));
}

NATIVE_FN(token_var) { (void)args, (void)kwnames, (void)ts; return as_token(self)->var; }
NATIVE_FN(token_old_value) {
  (void)args, (void)kwnames, (void)ts;
  Value old = as_token(self)->old_value;
  return old ? old : Value(&token_missing);
}

void trace_token(Object* self, Tracer& tracer) {
  auto* token = static_cast<TokenObject*>(self);
  tracer.visit(token->context);
  tracer.visit(token->var);
  tracer.visit(token->old_value);
}

Value missing_repr(ThreadState& ts, Value) { return make_str(ts, "<Token.MISSING>"); }

// ---- Context ----------------------------------------------------------------------------------------------------

// Context() is an empty context, not a copy of the current one (that is copy_context()).
Value context_new(ThreadState& ts, Type*, std::span<const Value> args, TupleObject* kwnames) {
  if (!args.empty() || (kwnames && kwnames->size))
    return raise(ts, TypeError_type, "Context() does not accept any arguments");
  return Value(new_context(ts, nullptr));
}

bool check_var(ThreadState& ts, Value v) {
  if (type_of(v) == &context_var_type) return true;
  raise_fmt(ts, TypeError_type, "a ContextVar key was expected, got {}", describe(ts, v));
  return false;
}

Value context_getitem(ThreadState& ts, Value self, Value key) {
  if (!check_var(ts, key)) return Value();
  Value found = dict_get(ts, as_context(self)->vars, key);
  if (!found && !ts.current_exception) return raise_key_error(ts, key);
  return found;
}

int context_contains(ThreadState& ts, Value self, Value key) {
  if (!check_var(ts, key)) return -1;
  Value found = dict_get(ts, as_context(self)->vars, key);
  if (!found) return ts.current_exception ? -1 : 0;
  return 1;
}

int64_t context_length(ThreadState&, Value self) { return as_context(self)->vars->used; }

Value context_iter(ThreadState& ts, Value self) { return get_iter(ts, Value(as_context(self)->vars)); }

NATIVE_FN(context_get) {
  if (!no_keywords(ts, "Context.get", kwnames)) return Value();
  if (args.empty() || args.size() > 2) {
    const char* bound = args.empty() ? "at least 1 argument" : "at most 2 arguments";
    return raise_fmt(ts, TypeError_type, "get expected {}, got {}", bound, args.size());
  }
  if (!check_var(ts, args[0])) return Value();
  Value found = dict_get(ts, as_context(self)->vars, args[0]);
  if (found || ts.current_exception) return found;
  return args.size() > 1 ? args[1] : None();
}

// keys(), values(), items(): views of the context's current mapping.
Value context_view(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames,
                   const char* method) {
  std::string qualname = std::string("Context.") + method;
  if (!native::no_args(ts, qualname.c_str(), args, kwnames)) return Value();
  return call_method(ts, Value(as_context(self)->vars), intern(ts, method), {});
}
NATIVE_FN(context_keys) { return context_view(ts, self, args, kwnames, "keys"); }
NATIVE_FN(context_values) { return context_view(ts, self, args, kwnames, "values"); }
NATIVE_FN(context_items) { return context_view(ts, self, args, kwnames, "items"); }

NATIVE_FN(context_copy) {
  if (!native::no_args(ts, "Context.copy", args, kwnames)) return Value();
  return Value(new_context(ts, as_context(self)->vars));
}

// run(callable, *args, **kwargs): callable runs with this context current; every change it makes stays here.
// The previous current context is restored after the call whether it returned or raised; a context can be entered only
// once at a time, which is what stops a task from running itself recursively in its own context.
NATIVE_FN(context_run) {
  ContextObject* ctx = as_context(self);
  if (positional_count(args, kwnames) < 1)
    return raise(ts, TypeError_type, "run() missing 1 required positional argument");
  if (ctx->entered)
    return raise_fmt(ts, RuntimeError_type, "cannot enter context: {} is already entered", describe(ts, self));
  ctx->entered = true;
  ctx->previous = Value(current_context(ts));
  current_context_root = self;
  Value result = call(ts, args[0], args.subspan(1), kwnames);
  current_context_root = ctx->previous;
  ctx->previous = Value();
  ctx->entered = false;
  return result;
}

Value context_richcompare(ThreadState& ts, Value self, Value other, int op) {
  if ((op != kEq && op != kNe) || type_of(other) != &context_type) return NotImplemented();
  return rich_compare(ts, Value(as_context(self)->vars), Value(as_context(other)->vars), op);
}

// Contexts compare by content, so they are unhashable, as in CPython.
bool unhashable(ThreadState& ts, Value, int64_t*) {
  raise(ts, TypeError_type, "unhashable type: '_contextvars.Context'");
  return false;
}

void trace_context(Object* self, Tracer& tracer) {
  auto* ctx = static_cast<ContextObject*>(self);
  tracer.visit(ctx->vars);
  tracer.visit(ctx->previous);
}

NATIVE_FN(copy_context) {
  (void)self;
  if (!native::no_args(ts, "_contextvars.copy_context", args, kwnames)) return Value();
  return Value(new_context(ts, current_context(ts)->vars));
}

const MethodDef kVarMethods[] = {
    {"get", var_get}, {"set", var_set}, {"reset", var_reset},
    {"__class_getitem__", var_class_getitem, kMethodClass},
};
const MethodDef kVarGetters[] = {{"name", var_name}};
const MethodDef kTokenGetters[] = {{"var", token_var}, {"old_value", token_old_value}};
const MethodDef kContextMethods[] = {
    {"get", context_get},     {"keys", context_keys}, {"values", context_values},
    {"items", context_items}, {"copy", context_copy}, {"run", context_run},
};
const MethodDef kModuleFunctions[] = {{"copy_context", copy_context}};

void init_contextvar_types(ThreadState& ts) {
  native::init_native_type(ts, context_var_type, "ContextVar", "_contextvars", sizeof(ContextVarObject), false);
  context_var_type.new_instance = var_new;
  context_var_type.repr = var_repr;
  context_var_type.trace = trace_var;
  add_methods(ts, context_var_type, kVarMethods);
  add_getsets(ts, context_var_type, kVarGetters);
  native::complete_native_type(ts, context_var_type);

  native::init_native_type(ts, token_type, "Token", "_contextvars", sizeof(TokenObject), false);
  token_type.new_instance = token_new;
  token_type.repr = token_repr;
  token_type.trace = trace_token;
  add_getsets(ts, token_type, kTokenGetters);
  native::complete_native_type(ts, token_type);
  native::init_native_type(ts, token_missing_type, "Token.MISSING", "_contextvars", sizeof(Object), false);
  token_missing_type.repr = missing_repr;
  native::complete_native_type(ts, token_missing_type);
  token_missing.type = &token_missing_type;
  token_missing.gc_flags = kGcStatic;
  dict_set_str_new(ts, token_type.dict, intern(ts, "MISSING"), Value(&token_missing));

  native::init_native_type(ts, context_type, "Context", "_contextvars", sizeof(ContextObject), false);
  context_type.new_instance = context_new;
  context_type.getitem = context_getitem;
  context_type.contains = context_contains;
  context_type.length = context_length;
  context_type.iter = context_iter;
  context_type.richcompare = context_richcompare;
  context_type.hash = unhashable;
  context_type.trace = trace_context;
  add_methods(ts, context_type, kContextMethods);
  native::complete_native_type(ts, context_type);
  register_root(ts, &current_context_root);
}

}  // namespace

ModuleObject* create_contextvars_module(ThreadState& ts) {
  if (!native::native_type_ready(context_type)) init_contextvar_types(ts);
  ModuleObject* m = make_module(ts, "_contextvars");
  add_module_functions(ts, m, kModuleFunctions);
  add_module_value(ts, m, "ContextVar", Value(static_cast<Object*>(&context_var_type)));
  add_module_value(ts, m, "Token", Value(static_cast<Object*>(&token_type)));
  add_module_value(ts, m, "Context", Value(static_cast<Object*>(&context_type)));
  return m;
}

}  // namespace minipy
