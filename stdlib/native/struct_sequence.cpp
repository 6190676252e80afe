// Struct sequences (see struct_sequence.h): the one implementation os.stat_result, os.terminal_size,
// os.uname_result, time.struct_time, signal.struct_siginfo and sys's info tuples share, after CPython's
// Objects/structseq.c.
//
// Layout: a class deriving from tuple whose tuple part holds the visible items; the hidden fields (st_atime as a
// float, tm_zone, ...) live in the instance's attribute dict, which the class does not show (no __dict__
// attribute, so vars() refuses as CPython's). Each named field is a read-only property whose getter is bound to
// (index, name): indexes below n_sequence_fields read the tuple, the others the hidden store. Those properties
// are also where the type keeps its field names, so there is no second list of them to keep in step.
//
// As in CPython: the classes cannot be subclassed, their instances take no new attributes, the constructor is
// __new__(sequence, dict=None) with CPython's checks and messages, and __reduce__ gives (type, (visible, hidden
// dict)). sys.flags and sys.version_info cannot be instantiated at all.
#include "stdlib/native/struct_sequence.h"

#include <string>
#include <vector>

#include "vm/objects/abstract.h"
#include "vm/objects/heap_type.h"

namespace minipy {

namespace {

// The getter's binding: (index, name).
int64_t field_index(Value binding) { return static_cast<TupleObject*>(binding.as_object())->items[0].as_small_int(); }
StrObject* field_name(Value binding) { return as_str(static_cast<TupleObject*>(binding.as_object())->items[1]); }

// A field property's getter, called with the instance.
Value field_getter(ThreadState& ts, Value binding, std::span<const Value> args, TupleObject*) {
  if (args.empty() || !is_tuple(args[0])) return raise(ts, TypeError_type, "descriptor needs a struct sequence");
  auto* items = static_cast<TupleObject*>(args[0].as_object());
  int64_t i = field_index(binding);
  if (i < items->size) return items->items[i];
  DictObject** hidden = instance_dict_slot(args[0]);
  Value v = hidden && *hidden ? dict_get_str(*hidden, field_name(binding)) : Value();
  return v ? v : None();
}
const MethodDef kFieldGetter{"field", field_getter};

// The type's field names by index (n_fields of them; the unnamed visible fields stay null), read back from the
// field properties in its dict.
std::vector<StrObject*> field_names(ThreadState& ts, Type* type) {
  Value n_fields = dict_get_str(type->dict, intern(ts, "n_fields"));
  std::vector<StrObject*> names(n_fields && n_fields.is_small_int() ? static_cast<size_t>(n_fields.as_small_int()) : 0);
  int64_t pos = 0;
  Value key, value;
  while (dict_next(type->dict, &pos, &key, &value)) {
    if (type_of(value) != &property_type) continue;
    Value getter = static_cast<PropertyObject*>(value.as_object())->fget;
    if (!getter.is_object() || type_of(getter) != &native_function_type) continue;
    auto* fn = static_cast<NativeFunctionObject*>(getter.as_object());
    if (fn->def != &kFieldGetter) continue;
    auto index = static_cast<size_t>(field_index(fn->self));
    if (index < names.size()) names[index] = field_name(fn->self);
  }
  return names;
}

int64_t type_count(ThreadState& ts, Type* type, const char* name) {
  Value v = dict_get_str(type->dict, intern(ts, name));
  return v && v.is_small_int() ? v.as_small_int() : 0;
}

// CPython's tp_name: "os.stat_result".
std::string type_full_name(Type* type) { return qualified_name(type->module, type->name->view()); }

// __repr__: "module.name(field=value, ...)" over the visible items. As CPython's, an unnamed visible item shows the
// name of the named field at its position in the list of all named fields (os.stat_result's integer st_atime).
Value struct_repr(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  Type* type = type_of(self);
  std::vector<StrObject*> names = field_names(ts, type);
  std::vector<StrObject*> named;
  for (StrObject* name : names)
    if (name) named.push_back(name);
  auto* items = static_cast<TupleObject*>(self.as_object());
  std::string out = type_full_name(type) + "(";
  for (int64_t i = 0; i < items->size; i++) {
    Value r = py_repr(ts, items->items[i]);
    if (!r) return r;
    auto index = static_cast<size_t>(i);
    out += fmt::format("{}{}={}", i ? ", " : "", index < named.size() ? named[index]->view() : "?", as_str(r)->view());
  }
  out += ')';
  return Value(make_str(ts, out));
}
const MethodDef kRepr{"__repr__", struct_repr};

// __reduce__: (type, (visible items, {hidden name: value})).
Value struct_reduce(ThreadState& ts, Value self, std::span<const Value> args, TupleObject* kwnames) {
  if (!check_positional_args(ts, "__reduce__", args, kwnames, 0, 0)) return Value();
  Type* type = type_of(self);
  std::vector<StrObject*> names = field_names(ts, type);
  auto* items = static_cast<TupleObject*>(self.as_object());
  DictObject* hidden = make_dict(ts);
  Value hidden_value(hidden);
  DictObject** store = instance_dict_slot(self);
  for (size_t i = static_cast<size_t>(items->size); i < names.size(); i++) {
    if (!names[i]) continue;
    Value v = store && *store ? dict_get_str(*store, names[i]) : Value();
    if (!dict_set_str(ts, hidden, names[i], v ? v : None())) return Value();
  }
  Value visible = Value(minipy::make_tuple(ts, items->span()));
  Value state[2] = {visible, hidden_value};
  Value result[2] = {Value(type), Value(minipy::make_tuple(ts, state))};
  return Value(minipy::make_tuple(ts, result));
}
const MethodDef kReduce{"__reduce__", struct_reduce};

// Instances take no attributes: their fields are read-only ("readonly attribute"), anything else does not exist.
bool struct_setattr(ThreadState& ts, Value self, StrObject* name, Value) {
  Value attr = type_lookup(type_of(self), name);
  if (attr && type_of(attr) == &property_type) return raise(ts, AttributeError_type, "readonly attribute"), false;
  raise_attribute_error(ts, self, name,
                        fmt::format("'{}' object has no attribute '{}'", type_full_name(type_of(self)), name->view()));
  return false;
}

// An instance of `type` from its n_sequence_fields visible `items` and the hidden values by index (null: None).
Value new_instance(ThreadState& ts, Type* type, std::span<const Value> items, const std::vector<Value>& hidden) {
  Value self = make_subtype_instance(ts, type, Value(minipy::make_tuple(ts, items)));
  if (!self || hidden.empty()) return self;
  std::vector<StrObject*> names = field_names(ts, type);
  DictObject** slot = instance_dict_slot(self);
  if (!slot) return self;
  if (!*slot) *slot = make_dict(ts);
  for (size_t i = 0; i < hidden.size(); i++) {
    size_t index = items.size() + i;
    if (index < names.size() && names[index])
      dict_set_str_new(ts, *slot, names[index], hidden[i] ? hidden[i] : None());
  }
  return self;
}

// OWNER.__new__(cls, sequence, dict=None), as CPython's structseq_new (bound to OWNER, the struct-sequence class).
Value struct_new(ThreadState& ts, Value owner_value, std::span<const Value> args, TupleObject* kwnames) {
  Type* owner = as_type(owner_value);
  std::string owner_name = type_full_name(owner);
  size_t npos = positional_count(args, kwnames);
  if (npos == 0) return raise_fmt(ts, TypeError_type, "{}.__new__(): not enough arguments", owner_name);
  if (!is_type(args[0]))
    return raise_fmt(ts, TypeError_type, "{}.__new__(X): X is not a type object ({})", owner_name, type_name(args[0]));
  Type* cls = as_type(args[0]);
  if (!is_subtype(cls, owner))
    return raise_fmt(ts, TypeError_type, "{}.__new__({}): {} is not a subtype of {}", owner_name, type_full_name(cls),
                     type_full_name(cls), owner_name);
  Value parsed[2] = {};
  size_t given = args.size() - 1;
  if (given > 2) return raise_fmt(ts, TypeError_type, "structseq() takes at most 2 arguments ({} given)", given);
  for (size_t i = 1; i < npos; i++) parsed[i - 1] = args[i];
  for (int64_t k = 0; kwnames && k < kwnames->size; k++) {
    std::string_view key = as_str(kwnames->items[k])->view();
    size_t slot = key == "sequence" ? 0 : key == "dict" ? 1 : 2;
    if (slot == 2) return raise_fmt(ts, TypeError_type, "'{}' is an invalid keyword argument for structseq()", key);
    if (parsed[slot])
      return raise_fmt(ts, TypeError_type, "argument for structseq() given by name ('{}') and position ({})", key,
                       slot + 1);
    parsed[slot] = args[npos + static_cast<size_t>(k)];
  }
  if (!parsed[0]) return raise(ts, TypeError_type, "structseq() missing required argument 'sequence' (pos 1)");
  // PySequence_Fast: any iterable, its items taken at once.
  Value list = sequence_to_list(ts, parsed[0]);
  if (!list) {
    if (!exception_matches(ts.current_exception, &TypeError_type)) return list;
    ts.current_exception = Value();
    return raise(ts, TypeError_type, "constructor requires a sequence");
  }
  Value dict = parsed[1];  // None is refused too, as CPython's
  if (dict && !is_dict(dict))
    return raise_fmt(ts, TypeError_type, "{}() takes a dict as second arg, if any", type_full_name(cls));
  auto* seq = static_cast<ListObject*>(list.as_object());
  int64_t min_len = type_count(ts, cls, "n_sequence_fields"), max_len = type_count(ts, cls, "n_fields");
  if (seq->size < min_len || seq->size > max_len) {
    const char* bound = min_len == max_len ? "a" : seq->size < min_len ? "an at least" : "an at most";
    return raise_fmt(ts, TypeError_type, "{}() takes {} {}-sequence ({}-sequence given)", type_full_name(cls), bound,
                     seq->size < min_len ? min_len : max_len, seq->size);
  }
  // Hidden fields: from the sequence when it is long enough, else from the dict by name, else None.
  std::vector<StrObject*> names = field_names(ts, cls);
  std::vector<Value> hidden;
  for (int64_t i = min_len; i < max_len; i++) {
    Value v = i < seq->size ? seq->items[i] : Value();
    auto index = static_cast<size_t>(i);
    if (!v && dict && index < names.size() && names[index]) {
      v = dict_get(ts, static_cast<DictObject*>(dict.as_object()), Value(names[index]));
      if (!v && ts.current_exception) return Value();
    }
    hidden.push_back(v);
  }
  // os.stat_result's rule (its statresult_new): a hidden field still None takes the unnamed visible item at its
  // position among the named fields, so st_atime defaults to the integer time.
  std::vector<StrObject*> named;
  for (StrObject* name : names)
    if (name) named.push_back(name);
  for (int64_t i = 0; i < min_len; i++) {
    auto index = static_cast<size_t>(i);
    if (names.size() <= index || names[index] || index >= named.size()) continue;
    for (size_t h = 0; h < hidden.size(); h++) {
      size_t field = static_cast<size_t>(min_len) + h;
      if (field < names.size() && names[field] == named[index] && (!hidden[h] || is_none(hidden[h])))
        hidden[h] = seq->items[i];
    }
  }
  return new_instance(ts, cls, std::span<const Value>(seq->items, static_cast<size_t>(min_len)), hidden);
}
const MethodDef kNew{"__new__", struct_new};

// The constructor of the types Python code may not call (sys.flags, sys.version_info).
Value struct_no_new(ThreadState& ts, Value owner, std::span<const Value>, TupleObject*) {
  return raise_fmt(ts, TypeError_type, "cannot create '{}' instances", type_full_name(as_type(owner)));
}
const MethodDef kNoNew{"__new__", struct_no_new};

// Adds a read-only field property `name` for item `index`.
void add_field(ThreadState& ts, DictObject* ns, size_t index, const char* name) {
  StrObject* key = intern(ts, name);
  Value binding[2] = {make_int(ts, static_cast<int64_t>(index)), Value(key)};
  auto* p = ts.alloc<PropertyObject>(&property_type);
  p->fget = make_native_function(ts, &kFieldGetter, Value(minipy::make_tuple(ts, binding)));
  p->fset = p->fdel = p->doc = None();
  dict_set_str_new(ts, ns, key, Value(p));
}

}  // namespace

Value make_struct_sequence_type(ThreadState& ts, std::string_view module, std::string_view name,
                                std::span<const char* const> visible, size_t named,
                                std::span<const char* const> hidden, bool instantiable) {
  DictObject* ns = make_dict(ts);
  Value ns_value(ns);
  dict_set_str_new(ts, ns, ts.interp->names.module, Value(make_str(ts, module)));
  auto count = [&](size_t n) { return make_int(ts, static_cast<int64_t>(n)); };
  dict_set_str_new(ts, ns, intern(ts, "n_sequence_fields"), count(visible.size()));
  dict_set_str_new(ts, ns, intern(ts, "n_fields"), count(visible.size() + hidden.size()));
  dict_set_str_new(ts, ns, intern(ts, "n_unnamed_fields"), count(visible.size() - named));
  std::vector<Value> match_args;
  for (size_t i = 0; i < named; i++) {
    add_field(ts, ns, i, visible[i]);
    match_args.push_back(Value(intern(ts, visible[i])));
  }
  for (size_t i = 0; i < hidden.size(); i++) add_field(ts, ns, visible.size() + i, hidden[i]);
  dict_set_str_new(ts, ns, intern(ts, "__match_args__"), Value(minipy::make_tuple(ts, match_args)));
  // Method descriptors owned by tuple apply to every struct sequence.
  for (const MethodDef* def : {&kRepr, &kReduce}) {
    auto* method = ts.alloc<MethodDescriptorObject>(&method_descriptor_type);
    method->owner = &tuple_type;
    method->def = def;
    dict_set_str_new(ts, ns, intern(ts, def->name), Value(method));
  }
  Value base(&tuple_type);
  Value type_value = make_heap_type(ts, &type_type, make_str(ts, name),
                                    minipy::make_tuple(ts, std::span<const Value>(&base, 1)), ns, {}, nullptr);
  if (!type_value) return type_value;
  Type* type = as_type(type_value);
  // The hidden store is the instance dict, which the class does not show.
  if (dict_del(ts, type->dict, Value(ts.interp->names.dict)) < 0) return Value();
  type->flags &= ~kTypeBaseType;
  dict_set_str_new(ts, type->dict, ts.interp->names.new_,
                   make_native_function(ts, instantiable ? &kNew : &kNoNew, type_value));
  update_heap_type_slots(ts, type);
  type->setattr = struct_setattr;  // after update_heap_type_slots, which would put the generic one back
  bump_type_version(ts, type);
  return type_value;
}

Value make_struct_sequence(ThreadState& ts, Value type, std::span<const Value> values) {
  Type* t = as_type(type);
  auto visible = static_cast<size_t>(type_count(ts, t, "n_sequence_fields"));
  std::vector<Value> hidden(values.begin() + static_cast<ptrdiff_t>(std::min(visible, values.size())), values.end());
  return new_instance(ts, t, values.first(std::min(visible, values.size())), hidden);
}

}  // namespace minipy
