// Finds the generated rows of builtin_docs.inc (gen/gen_text_signatures.py): keys are sorted, so a lookup is a
// binary search over the rodata table, and nothing is built at start-up.
#include "stdlib/native/builtin_docs.h"

#include <algorithm>
#include <iterator>
#include <string>

#include "vm/objects/method_wrapper.h"

namespace minipy {

namespace {

using namespace std::literals;
constexpr BuiltinDoc kRows[] = {
#include "builtin_docs/builtin_docs.inc"
};

Value text_value(ThreadState& ts, std::string_view text, bool ascii) {
  if (!text.data()) return None();
  return Value(ascii ? make_str_known(ts, text, static_cast<int64_t>(text.size()), true) : make_str(ts, text));
}

const BuiltinDoc* find_row(std::string_view key) {
  const BuiltinDoc* end = std::end(kRows);
  const BuiltinDoc* it = std::lower_bound(std::begin(kRows), end, key,
                                          [](const BuiltinDoc& row, std::string_view k) { return row.key < k; });
  return it != end && it->key == key ? it : nullptr;
}

std::string_view tp_name(const Type* t) { return t->c_name ? std::string_view(t->c_name) : t->name->view(); }

// A method is documented where CPython defines it, which may be a base of the class minipy defines it on: the
// first builtin class of the MRO with a row wins, as attribute lookup would find CPython's method.
const BuiltinDoc* find_method_row(const Type* owner, std::string_view name) {
  std::string key;
  auto try_class = [&](const Type* t) -> const BuiltinDoc* {
    if (t->flags & kTypeHeap) return nullptr;
    key.assign(tp_name(t)).append(".").append(name);
    return find_row(key);
  };
  if (!owner->mro) return try_class(owner);
  for (int64_t i = 0; i < owner->mro->size; i++)
    if (const BuiltinDoc* row = try_class(static_cast<const Type*>(owner->mro->items[i].as_object()))) return row;
  return nullptr;
}

}  // namespace

Value signature_value(ThreadState& ts, const BuiltinDoc& row) { return text_value(ts, row.signature, row.ascii); }
Value doc_value(ThreadState& ts, const BuiltinDoc& row) { return text_value(ts, row.doc, row.ascii); }

const BuiltinDoc* builtin_method_doc(const Type* owner, std::string_view name) { return find_method_row(owner, name); }

const BuiltinDoc* builtin_callable_doc(Value callable) {
  Type* kind = type_of(callable);
  if (kind == &method_descriptor_type || kind == &classmethod_descriptor_type) {
    auto* d = static_cast<MethodDescriptorObject*>(callable.as_object());
    return find_method_row(d->owner, d->def->name);
  }
  if (kind != &native_function_type) return nullptr;
  auto* f = static_cast<NativeFunctionObject*>(callable.as_object());
  Value receiver = f->self;
  auto module_row = [f]() -> const BuiltinDoc* {
    if (!f->module || !is_str(f->module)) return nullptr;
    std::string key(as_str(f->module)->view());
    return find_row(key.append(".").append(f->def->name));
  };
  if (!receiver || type_of(receiver) == &module_type) return module_row();
  // Class and static methods (dict.fromkeys, str.maketrans, T.__new__) are bound to their class.
  bool bound_to_class = (f->def->flags & (kMethodClass | kMethodStatic)) && is_type(receiver);
  if (const BuiltinDoc* row = find_method_row(bound_to_class ? as_type(receiver) : type_of(receiver), f->def->name))
    return row;
  // A module function bound to some object of its own (sys.unraisablehook keeps its argument type there).
  return module_row();
}

const BuiltinDoc* builtin_type_doc(const Type* t) { return t->flags & kTypeHeap ? nullptr : find_row(tp_name(t)); }

bool give_builtin_type_doc(ThreadState& ts, Type& t) {
  if ((t.doc && !is_none(t.doc)) || dict_get_str(t.dict, ts.interp->names.doc)) return false;
  const BuiltinDoc* row = builtin_type_doc(&t);
  if (!row || !row->doc.data()) return false;
  t.doc = doc_value(ts, *row);
  dict_set_str_new(ts, t.dict, ts.interp->names.doc, t.doc);
  return true;
}

// CPython's find_signature and skip_signature: the doc starts with the name's last dotted part and "(", and
// ")\n--\n\n" ends the signature before any blank line.
std::optional<std::string_view> text_signature_in_doc(std::string_view name, std::string_view doc) {
  if (size_t dot = name.rfind('.'); dot != std::string_view::npos) name.remove_prefix(dot + 1);
  if (!doc.starts_with(name) || doc.substr(name.size(), 1) != "(") return std::nullopt;
  constexpr std::string_view kEnd = ")\n--\n\n";
  for (size_t i = name.size(); i < doc.size(); i++) {
    if (doc.substr(i, kEnd.size()) == kEnd) return doc.substr(name.size(), i + 1 - name.size());
    if (doc[i] == '\n' && i + 1 < doc.size() && doc[i + 1] == '\n') break;
  }
  return std::nullopt;
}

}  // namespace minipy
