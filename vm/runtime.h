// The runtime API every part of the VM uses: the Interpreter (heap, interned names, builtins, modules), object
// constructors, and the abstract object protocol (repr, hash, compare, arithmetic, attributes, items, iteration,
// calls) — the equivalent of CPython's abstract.c / object.c, with the error convention of DEVELOPERS.md.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vm/errors/errors.h"
#include "vm/memory/heap.h"
#include "vm/objects/intern_table.h"
#include "vm/objects/objects.h"
#include "vm/interp/thread_state.h"

namespace minipy {

namespace text {
struct TextError;
}
// Raises the Python exception a text-engine function reported (vm/text/text_error.h).
Value raise_text_error(ThreadState& ts, const text::TextError& error);

// Names the VM looks up by identity: interned once at start-up. (first: C++ member, second: Python text)
#define MINIPY_NAMES(X)                                                                                     \
  X(init, "__init__") X(new_, "__new__") X(repr, "__repr__") X(str, "__str__") X(hash, "__hash__")       \
  X(eq, "__eq__") X(ne, "__ne__") X(lt, "__lt__") X(le, "__le__") X(gt, "__gt__") X(ge, "__ge__")           \
  X(bool_, "__bool__") X(len, "__len__") X(iter, "__iter__") X(next, "__next__") X(getitem, "__getitem__") \
  X(setitem, "__setitem__") X(delitem, "__delitem__") X(contains, "__contains__") X(call, "__call__")     \
  X(getattr, "__getattr__") X(getattribute, "__getattribute__") X(setattr, "__setattr__")                \
  X(delattr, "__delattr__") X(get, "__get__") X(set, "__set__") X(delete_, "__delete__")                  \
  X(enter, "__enter__") X(exit, "__exit__") X(name, "__name__") X(qualname, "__qualname__")              \
  X(module, "__module__") X(doc, "__doc__") X(dict, "__dict__") X(class_, "__class__")                   \
  X(builtins, "__builtins__") X(main, "__main__") X(file, "__file__") X(cached, "__cached__")             \
  X(package, "__package__") X(spec, "__spec__") X(loader, "__loader__") X(all, "__all__")                \
  X(neg, "__neg__") X(pos, "__pos__") X(abs, "__abs__") X(invert, "__invert__") X(index, "__index__")     \
  X(int_, "__int__") X(float_, "__float__") X(format, "__format__") X(round, "__round__")                \
  X(reversed, "__reversed__") X(missing, "__missing__") X(mro, "__mro__") X(bases, "__bases__")           \
  X(init_subclass, "__init_subclass__") X(set_name, "__set_name__") X(classcell, "__classcell__")        \
  X(build_class, "__build_class__") X(import, "__import__") X(path, "__path__") X(debug, "__debug__")    \
  X(annotations, "__annotations__") X(slots, "__slots__") X(traceback, "__traceback__")                  \
  X(cause, "__cause__") X(context, "__context__") X(empty, "") X(lambda, "<lambda>")                     \
  X(module_code, "<module>") X(print, "print") X(args, "args") X(code, "code") X(value, "value") \
  X(stdout_, "stdout") X(stdin_, "stdin") X(write, "write") X(flush, "flush") X(readline, "readline")

struct Names {
#define X(member, text) StrObject* member;
  MINIPY_NAMES(X)
#undef X
};

// Command-line and environment settings that affect the runtime (sys.flags, caching).
struct RuntimeConfig {
  int optimize = 0;
  int verbose = 0;
  bool dont_write_bytecode = false;
  bool ignore_environment = false;
  bool isolated = false;
  bool safe_path = false;
  std::string pycache_prefix;
  std::string cache_tag = "minipy-311";
  std::string check_hash_based_pycs = "default";
  // The host CPython's Lib directory, used in place and never written to (empty: none), and the per-user
  // mirror tree where the caches of its modules go (empty: none). vm/import/import_paths.cpp sets both.
  std::string host_lib;
  std::string lib_cache_root;
  bool explain_cache = false;
  bool unbuffered = false;  // -u / PYTHONUNBUFFERED: sys.stdout and sys.stderr write through
  bool import_time = false;
  std::string program_name = "minipy";
  std::vector<std::string> argv;
  std::vector<std::string> orig_argv;  // the whole command line (sys.orig_argv)
  // sys.warnoptions in CPython's order, lowest precedence first (-X dev, PYTHONWARNINGS, -W, -b): Lib's
  // warnings module turns each into a filter when it is imported, and the start-up imports it when any is set.
  std::vector<std::string> warnoptions;
  bool dev_mode = false;              // -X dev / PYTHONDEVMODE
  int bytes_warning = 0;              // -b, -bb
};

struct Interpreter {
  Interpreter();
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  Heap heap;
  ThreadState thread;
  RuntimeConfig config;
  Names names{};
  InternTable interned;
  DictObject* builtins = nullptr;        // the builtins module's dict
  ModuleObject* builtins_module = nullptr;
  DictObject* modules = nullptr;         // sys.modules
  ModuleObject* sys_module = nullptr;
  Value empty_tuple;
  Value small_strs[128];                 // one-character ASCII strings
  std::vector<Object*> repr_stack;       // containers being repr()'d, to print [...] for cycles

  // A full collection; `order` lists values whose finalizable objects are queued first (see Heap::collect).
  void collect_garbage(const FinalizeOrder& order = {});
};

// Finalization (vm/finalize.cpp): runs the `del` slots the collector queued (a no-op when nested in one).
void run_pending_finalizers(ThreadState& ts);
// At interpreter exit: module globals (__main__'s first) stop being roots and their finalizers run.
void finalize_at_exit(ThreadState& ts);

// ---- constructors -------------------------------------------------------------------------------------------------
Value make_int_big(ThreadState& ts, int64_t v);  // for values outside the small-int range
inline Value make_int(ThreadState& ts, int64_t v) {
  return Value::fits_small_int(v) ? Value::small_int(v) : make_int_big(ts, v);
}
Value make_int(ThreadState& ts, const BigInt& v);
Value make_float_boxed(ThreadState& ts, double v);
inline Value make_float(ThreadState& ts, double v) {
  Value r;
  return Value::try_flonum(v, &r) ? r : make_float_boxed(ts, v);
}
StrObject* make_str(ThreadState& ts, std::string_view utf8);  // `utf8` must be valid UTF-8
StrObject* make_str_known(ThreadState& ts, std::string_view utf8, int64_t length, bool ascii);
StrObject* intern(ThreadState& ts, std::string_view utf8);
StrObject* intern_str(ThreadState& ts, StrObject* s);
Value make_bytes(ThreadState& ts, std::string_view data);
TupleObject* make_tuple(ThreadState& ts, int64_t size);  // items null until filled
TupleObject* make_tuple(ThreadState& ts, std::span<const Value> items);
ListObject* make_list(ThreadState& ts, int64_t size);    // size nulls, to be filled
ListObject* make_list(ThreadState& ts, std::span<const Value> items);
DictObject* make_dict(ThreadState& ts, int64_t expected = 0);
Value make_native_function(ThreadState& ts, const MethodDef* def, Value self, Value module = Value());
Value make_bound_method(ThreadState& ts, Value func, Value self);
Value make_slice(ThreadState& ts, Value start, Value stop, Value step);
Value make_range(ThreadState& ts, int64_t start, int64_t stop, int64_t step);
Value make_cell(ThreadState& ts, Value contents);
ModuleObject* make_module(ThreadState& ts, std::string_view name);
Value make_set(ThreadState& ts, Type* type);

// ---- ints and floats ------------------------------------------------------------------------------------------
bool is_int(Value v);              // int, bool or an int subclass instance
inline bool is_exact_float(Value v) { return v.is_flonum() || (v.is_object() && v.as_object()->type == &float_type); }
bool is_float(Value v);
// The double of a float value (caller checked is_float).
inline double float_value(Value v) {
  return v.is_flonum() ? v.flonum_value() : static_cast<FloatObject*>(v.as_object())->value;
}
// An int-like value as int64 when it fits; false when big (then use to_bigint).
bool int_to_int64(Value v, int64_t* out);
BigInt to_bigint(Value v);         // caller checked is_int
// __index__: an exact integer for an int-like value, TypeError otherwise. `what` names the operation.
[[nodiscard]] bool index_to_int64(ThreadState& ts, Value v, int64_t* out, const char* overflow_msg = nullptr);
[[nodiscard]] Value number_index(ThreadState& ts, Value v);
// Converts a Python number to double for float arithmetic (int, bool, float); false if not a number.
[[nodiscard]] bool to_double(ThreadState& ts, Value v, double* out, bool* is_number);

// ---- strings ----------------------------------------------------------------------------------------------------
inline bool is_str(Value v) { return v.is_object() && (v.as_object()->type->flags & kTypeStrSubclass); }
inline StrObject* as_str(Value v) { return static_cast<StrObject*>(v.as_object()); }
bool str_equal(const StrObject* a, const StrObject* b);
int64_t str_hash(StrObject* s);
Value str_concat(ThreadState& ts, StrObject* a, StrObject* b);
Value str_from_codepoint(ThreadState& ts, uint32_t cp);
// `s[index]` for an index already normalized to [0, length)
Value str_char_at(ThreadState& ts, StrObject* s, int64_t index);
// Whether `s` is well-formed UTF-8 (no surrogates, no overlong forms).
bool utf8_valid(std::string_view s);

// ---- dicts --------------------------------------------------------------------------------------------------------
// Lookups return null with no exception when the key is absent (and null with an exception on error).
Value dict_get(ThreadState& ts, DictObject* d, Value key);
Value dict_get_str(DictObject* d, StrObject* key);   // key interned or not; never fails
// The entries position of str `key` in `d`, or -1 (inline caches remember positions).
int64_t dict_lookup_str_index(DictObject* d, StrObject* key);
[[nodiscard]] bool dict_set(ThreadState& ts, DictObject* d, Value key, Value value);
[[nodiscard]] bool dict_set_str(ThreadState& ts, DictObject* d, StrObject* key, Value value);
// dict_set_str into a namespace minipy's own code is building (a new module's, type's or instance's dict, whose
// keys are all strs): storing a str key compares it only with strs, which runs no Python code, so it cannot
// fail. Anywhere Python code may have added keys first, use dict_set_str and handle its failure.
void dict_set_str_new(ThreadState& ts, DictObject* d, StrObject* key, Value value);
// Replaces the value of the live entry at position `ix` (an inline cache found the key there).
void dict_store_at(DictObject* d, int64_t ix, Value value);
[[nodiscard]] int dict_del(ThreadState& ts, DictObject* d, Value key);  // 1 deleted, 0 absent (no exception), -1 error
[[nodiscard]] bool dict_update(ThreadState& ts, DictObject* d, Value other);  // mapping or iterable of pairs
[[nodiscard]] bool dict_merge_strict(ThreadState& ts, DictObject* d, Value other, Value func_for_error);  // DICT_MERGE
void dict_clear(ThreadState& ts, DictObject* d);
inline bool is_dict(Value v) { return v.is_object() && (v.as_object()->type->flags & kTypeDictSubclass); }
// Iteration: returns false at the end. `pos` starts at 0.
bool dict_next(DictObject* d, int64_t* pos, Value* key, Value* value);

// ---- lists / tuples -------------------------------------------------------------------------------------------
[[nodiscard]] bool list_append(ThreadState& ts, ListObject* l, Value v);
[[nodiscard]] bool list_extend(ThreadState& ts, ListObject* l, Value iterable);
Value list_to_tuple(ThreadState& ts, ListObject* l);
inline bool is_list(Value v) { return v.is_object() && (v.as_object()->type->flags & kTypeListSubclass); }
inline bool is_tuple(Value v) { return v.is_object() && (v.as_object()->type->flags & kTypeTupleSubclass); }
// A new list from any iterable.
Value sequence_to_list(ThreadState& ts, Value iterable);
// Whether `v` is a list or tuple (or a subclass keeping the builtin __iter__) whose items can be read in place.
bool items_directly(Value v);
// Items of a list or tuple without copying, else fills `storage` (a new list) and returns its items.
[[nodiscard]] bool sequence_items(ThreadState& ts, Value iterable, std::span<Value>* items, Value* storage);
[[nodiscard]] bool set_add(ThreadState& ts, Value set, Value key);
int set_contains(ThreadState& ts, Value set, Value key);

// ---- the object protocol ------------------------------------------------------------------------------------------
[[nodiscard]] Value py_repr(ThreadState& ts, Value v);   // a str
[[nodiscard]] Value py_str(ThreadState& ts, Value v);    // a str
[[nodiscard]] Value py_ascii(ThreadState& ts, Value v);
[[nodiscard]] Value py_format(ThreadState& ts, Value v, Value spec);  // format(v, spec)
[[nodiscard]] int py_truth(ThreadState& ts, Value v);   // 1, 0, -1 error
[[nodiscard]] bool py_hash(ThreadState& ts, Value v, int64_t* out);
[[nodiscard]] Value rich_compare(ThreadState& ts, Value a, Value b, int op);
// A CompareOp applied to two machine numbers (the small-int and flonum fast paths).
template <class T>
bool compare_numbers(T a, T b, int op) {
  switch (op) {
    case kLt: return a < b;
    case kLe: return a <= b;
    case kEq: return a == b;
    case kNe: return a != b;
    case kGt: return a > b;
    default: return a >= b;
  }
}
[[nodiscard]] int rich_compare_bool(ThreadState& ts, Value a, Value b, int op);  // identity implies equality for Eq/Ne
inline int py_eq(ThreadState& ts, Value a, Value b) { return rich_compare_bool(ts, a, b, kEq); }
[[nodiscard]] Value binary_op(ThreadState& ts, Value a, Value b, int op);         // op: BinaryOpIndex or (13 + i) in-place
[[nodiscard]] Value unary_negative(ThreadState& ts, Value v);
[[nodiscard]] Value unary_positive(ThreadState& ts, Value v);
[[nodiscard]] Value unary_invert(ThreadState& ts, Value v);
[[nodiscard]] Value py_abs(ThreadState& ts, Value v);
[[nodiscard]] Value py_pow3(ThreadState& ts, Value a, Value b, Value mod);
[[nodiscard]] Value get_attr(ThreadState& ts, Value obj, StrObject* name);
// Like get_attr but returns null with no exception when the attribute is missing (AttributeError swallowed).
[[nodiscard]] Value get_attr_optional(ThreadState& ts, Value obj, StrObject* name);
[[nodiscard]] bool set_attr(ThreadState& ts, Value obj, StrObject* name, Value value);  // null value: delete
// LOAD_METHOD: sets *method and *self_or_null so that calling method(self, ...) == obj.name(...).
[[nodiscard]] bool get_method(ThreadState& ts, Value obj, StrObject* name, Value* method, bool* unbound);
[[nodiscard]] Value generic_getattr(ThreadState& ts, Value obj, StrObject* name, bool suppress);
[[nodiscard]] bool generic_setattr(ThreadState& ts, Value obj, StrObject* name, Value value);
Value type_lookup(Type* type, StrObject* name);  // through the MRO, no descriptors; null if absent
// Where `obj` keeps its attribute dict (the field may hold nullptr until first use), or nullptr when instances of
// its type have none. Use this rather than Type::dict_offset, which is 0 for kTypeDictAtEnd types.
DictObject** instance_dict_slot_at_end(Object* obj);  // for kTypeDictAtEnd types (builtin_subclass.cpp)
inline DictObject** instance_dict_slot(Value obj) {
  if (!obj.is_object()) return nullptr;
  Object* o = obj.as_object();
  Type* t = o->type;
  if (t->dict_offset) return reinterpret_cast<DictObject**>(reinterpret_cast<char*>(o) + t->dict_offset);
  return (t->flags & kTypeDictAtEnd) ? instance_dict_slot_at_end(o) : nullptr;
}
// A read-only view of `mapping` (class __dict__).
Value make_mappingproxy(ThreadState& ts, Value mapping);
// Type versions (Type::version) come from one global counter, so a version names one type in one state: inline
// caches key on it. New heap types take next_type_version(); bump_type_version gives `t` and every subclass of
// it a new one after a change to t's attributes.
uint64_t next_type_version();
void bump_type_version(ThreadState& ts, Type* t);
[[nodiscard]] Value get_item(ThreadState& ts, Value container, Value key);
[[nodiscard]] bool set_item(ThreadState& ts, Value container, Value key, Value value);
[[nodiscard]] bool del_item(ThreadState& ts, Value container, Value key);
[[nodiscard]] int contains(ThreadState& ts, Value container, Value item);
[[nodiscard]] int64_t py_len(ThreadState& ts, Value v);
[[nodiscard]] Value get_iter(ThreadState& ts, Value v);
[[nodiscard]] Value iter_next(ThreadState& ts, Value iterator);  // null + no exception: exhausted
// iter(callable, sentinel): calls `callable` until it returns something equal to `sentinel`.
Value make_callable_iterator(ThreadState& ts, Value callable, Value sentinel);
[[nodiscard]] Value call(ThreadState& ts, Value callable, std::span<const Value> args, TupleObject* kwnames = nullptr);
[[nodiscard]] Value call_method(ThreadState& ts, Value obj, StrObject* name, std::span<const Value> args);
// How call errors name a callable, as CPython's _PyObject_FunctionStr: "module.qualname()" or "qualname()".
std::string function_description(ThreadState& ts, Value func);
[[nodiscard]] bool is_instance(ThreadState& ts, Value v, Value cls_or_tuple, int* result);
bool is_subtype(Type* a, Type* b);
inline bool is_type(Value v) { return v.is_object() && (v.as_object()->type->flags & kTypeTypeSubclass); }
inline Type* as_type(Value v) { return static_cast<Type*>(v.as_object()); }
// The length an index or slice is resolved against. Resolving may run __index__ (Python code) that resizes a
// mutable container first: such a container passes a pointer to its live size field, read after those calls.
struct SequenceLength {
  SequenceLength(int64_t fixed) : fixed(fixed) {}            // NOLINT: implicit on purpose
  SequenceLength(const int64_t* live) : live(live) {}        // NOLINT
  int64_t get() const { return live ? *live : fixed; }
  int64_t fixed = 0;
  const int64_t* live = nullptr;
};
// Resolves slice indices for a sequence of `length` as PySlice_GetIndicesEx; false on error.
[[nodiscard]] bool slice_indices(ThreadState& ts, SliceObject* slice, SequenceLength length, int64_t* start, int64_t* stop,
                   int64_t* step, int64_t* slicelength);
// Normalizes a sequence index (negative from the end); raises IndexError with `what` ("list index out of range").
[[nodiscard]] bool sequence_index(ThreadState& ts, Value key, SequenceLength length, int64_t* out, const char* what);

// ---- argument checking for native functions --------------------------------------------------------------------
// Fails with CPython's message when kwnames is non-empty: "NAME() takes no keyword arguments".
[[nodiscard]] bool no_keywords(ThreadState& ts, const char* name, TupleObject* kwnames);
// "NAME expected at most N arguments, got M" / "NAME expected at least N arguments, got M" style check.
[[nodiscard]] bool check_arg_count(ThreadState& ts, const char* name, size_t got, size_t min, size_t max);
// no_keywords and check_arg_count together: the preamble of a method that takes `min`..`max` positional arguments.
[[nodiscard]] bool check_positional_args(ThreadState& ts, const char* name, std::span<const Value> args,
                                         TupleObject* kwnames, size_t min, size_t max);
// Splits args into positional and a lookup for keyword values by name. Returns null if absent.
Value keyword_arg(ThreadState& ts, std::span<const Value> args, TupleObject* kwnames, std::string_view name);
inline size_t positional_count(std::span<const Value> args, TupleObject* kwnames) {
  return args.size() - (kwnames ? static_cast<size_t>(kwnames->size) : 0);
}

// ---- the interpreter ---------------------------------------------------------------------------------------------
struct Frame;
[[nodiscard]] Value eval_code(ThreadState& ts, CodeObj* code, DictObject* globals, Value locals,
                              TupleObject* closure = nullptr);
[[nodiscard]] Value call_function(ThreadState& ts, FunctionObject* func, std::span<const Value> args, TupleObject* kwnames);
// The runtime code object for a compiled CodeObject (constants converted, bytecode validated). Null with a
// pending exception (SystemError naming the problem) when the bytecode is not something minipy can run.
CodeObj* load_code(ThreadState& ts, const std::shared_ptr<const CodeObject>& code);
// The Value for compiler/marshal constant `c` (tuples and frozensets converted item by item, code constants
// loaded). Null with a pending exception when a code constant cannot be loaded.
Value constant_to_value(ThreadState& ts, const ConstRef& c);
void init_builtins(ThreadState& ts);
void init_sys(ThreadState& ts);
void init_types(ThreadState& ts);
// Adds methods to a builtin type's dict.
void add_methods(ThreadState& ts, Type& type, std::span<const MethodDef> methods);
// Adds a read-only attribute `name` to a builtin type, computed by `getter` (called with the instance as self).
void add_getset(ThreadState& ts, Type& type, const char* name, NativeFn getter);
// The same for a table of {name, getter} rows, which must have static storage duration (the type keeps pointers).
void add_getsets(ThreadState& ts, Type& type, std::span<const MethodDef> getters);
template <class Member>
struct MemberPointerTraits;
template <class Layout, class T>
struct MemberPointerTraits<T Layout::*> {
  using Owner = Layout;
};
// A getter reading data member `Field` of the instance: its value, or None when it is null. For getset table
// rows such as {"__code__", field_getter<&FunctionObject::code>}.
template <auto Field>
Value field_getter(ThreadState&, Value self, std::span<const Value>, TupleObject*) {
  using Owner = typename MemberPointerTraits<decltype(Field)>::Owner;
  auto v = static_cast<Owner*>(self.as_object())->*Field;
  return v ? Value(v) : None();
}

// Keeps the GC aware of a value stored outside the heap and the native stack (e.g. in a C++ vector).
void register_root(ThreadState& ts, Value* slot);


}  // namespace minipy
