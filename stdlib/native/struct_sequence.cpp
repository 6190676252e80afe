// Struct sequences (see struct_sequence.h): the one implementation os.stat_result, os.terminal_size,
// os.uname_result and time.struct_time share.
#include "stdlib/native/struct_sequence.h"

#include "vm/objects/heap_type.h"

namespace minipy {

namespace {

// A field property's getter: bound to the item's index, called with the instance.
Value item_getter(ThreadState& ts, Value index, std::span<const Value> args, TupleObject*) {
  if (args.empty() || !is_tuple(args[0])) return raise(ts, TypeError_type, "descriptor needs a struct sequence");
  auto* t = static_cast<TupleObject*>(args[0].as_object());
  int64_t i = index.as_small_int();
  return i < t->size ? t->items[i] : None();
}
const MethodDef kItemGetter{"item", item_getter};

// __repr__: "module.name(field=value, ...)" over the visible items.
Value struct_repr(ThreadState& ts, Value self, std::span<const Value>, TupleObject*) {
  Type* type = type_of(self);
  Value names = type_lookup(type, intern(ts, "_visible_fields"));
  Value module = type->module;
  auto* items = static_cast<TupleObject*>(self.as_object());
  std::string out = fmt::format("{}.{}(", module && is_str(module) ? as_str(module)->view() : "", type->name->view());
  auto* fields = names && is_tuple(names) ? static_cast<TupleObject*>(names.as_object()) : nullptr;
  for (int64_t i = 0; i < items->size; i++) {
    Value r = py_repr(ts, items->items[i]);
    if (!r) return r;
    out += fmt::format("{}{}={}", i ? ", " : "", fields && i < fields->size ? as_str(fields->items[i])->view() : "?",
                       as_str(r)->view());
  }
  out += ')';
  return Value(make_str(ts, out));
}
const MethodDef kRepr{"__repr__", struct_repr};

}  // namespace

Value make_struct_sequence_type(ThreadState& ts, std::string_view module, std::string_view name,
                                std::span<const char* const> visible, size_t named) {
  DictObject* ns = make_dict(ts);
  Value ns_value(ns);
  dict_set_str_new(ts, ns, ts.interp->names.module, Value(make_str(ts, module)));
  std::vector<Value> names;
  for (const char* field : visible) names.push_back(Value(intern(ts, field)));
  dict_set_str_new(ts, ns, intern(ts, "_visible_fields"), Value(minipy::make_tuple(ts, names)));
  dict_set_str_new(ts, ns, intern(ts, "n_sequence_fields"), make_int(ts, static_cast<int64_t>(visible.size())));
  dict_set_str_new(ts, ns, intern(ts, "n_unnamed_fields"), make_int(ts, static_cast<int64_t>(visible.size() - named)));
  for (size_t i = 0; i < named; i++) {
    auto* p = ts.alloc<PropertyObject>(&property_type);
    p->fget = make_native_function(ts, &kItemGetter, Value::small_int(static_cast<int64_t>(i)));
    p->fset = p->fdel = p->doc = None();
    dict_set_str_new(ts, ns, intern(ts, visible[i]), Value(p));
  }
  // A method descriptor owned by tuple applies to every struct sequence.
  auto* repr = ts.alloc<MethodDescriptorObject>(&method_descriptor_type);
  repr->owner = &tuple_type;
  repr->def = &kRepr;
  dict_set_str_new(ts, ns, ts.interp->names.repr, Value(repr));
  Value base(&tuple_type);
  return make_heap_type(ts, &type_type, make_str(ts, name), minipy::make_tuple(ts, std::span<const Value>(&base, 1)), ns, {}, nullptr);
}

Value make_struct_sequence(ThreadState& ts, Value type, std::span<const Value> values,
                           std::span<const char* const> extra_names) {
  size_t visible = values.size() - extra_names.size();
  Value items(minipy::make_tuple(ts, values.subspan(0, visible)));
  Value self = make_subtype_instance(ts, as_type(type), items);
  if (!self || extra_names.empty()) return self;
  DictObject** slot = instance_dict_slot(self);
  if (!slot) return self;
  if (!*slot) *slot = make_dict(ts);
  for (size_t i = 0; i < extra_names.size(); i++) dict_set_str_new(ts, *slot, intern(ts, extra_names[i]), values[visible + i]);
  return self;
}

}  // namespace minipy
