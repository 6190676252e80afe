// The builtin type objects and singletons (static storage: never allocated, never freed), and init_types(),
// which gives each type its name, base, layout and slots before any object exists.
#include "vm/objects/generator.h"
#include "vm/objects/static_type.h"
#include "vm/objects/type_init.h"
#include "vm/runtime.h"

namespace minipy {

#define X(name) Type name##_type;
MINIPY_BUILTIN_TYPES(X)
#undef X

Object none_object, ellipsis_object, not_implemented_object;
BoolObject true_object, false_object;


namespace {

void define(Type& t, const char* name, Type* base, size_t instance_size, uint32_t flags) {
  t.type = &type_type;
  t.gc_flags = kGcStatic;
  t.c_name = name;
  t.base = base;
  t.instance_size = static_cast<uint32_t>(instance_size);
  // The kType*Subclass bits are CPython's Py_TPFLAGS_*_SUBCLASS: inherited from the base so that is_int(), is_str() and
  // the like answer for any subclass with one flag test instead of an MRO walk. Builtin types are immutable (setting an
  // attribute on int is a TypeError), as CPython's static types are.
  t.flags = flags | kTypeImmutable | (base ? base->flags & (kTypeIntSubclass | kTypeFloatSubclass | kTypeStrSubclass |
                                                           kTypeTupleSubclass | kTypeListSubclass | kTypeDictSubclass |
                                                           kTypeTypeSubclass | kTypeExceptionSubclass)
                                           : 0);
}

void define_singleton(Object& o, Type& type) {
  o.type = &type;
  o.gc_flags = kGcStatic;
}

}  // namespace

void init_types(ThreadState& ts) {
  constexpr uint32_t kBase = kTypeBaseType;
  define(object_type, "object", nullptr, sizeof(Object), kBase);
  define(type_type, "type", &object_type, sizeof(Type), kBase | kTypeTypeSubclass);
  define(int_type, "int", &object_type, sizeof(IntObject), kBase | kTypeIntSubclass);
  // No kTypeBaseType flag: like CPython, bool, range, slice, NoneType, function and the iterators cannot be subclassed
  // ("type 'bool' is not an acceptable base type").
  define(bool_type, "bool", &int_type, sizeof(BoolObject), 0);
  define(float_type, "float", &object_type, sizeof(FloatObject), kBase | kTypeFloatSubclass);
  define(str_type, "str", &object_type, sizeof(StrObject), kBase | kTypeStrSubclass);
  define(bytes_type, "bytes", &object_type, sizeof(BytesObject), kBase);
  define(tuple_type, "tuple", &object_type, sizeof(TupleObject), kBase | kTypeTupleSubclass);
  define(list_type, "list", &object_type, sizeof(ListObject), kBase | kTypeListSubclass);
  define(dict_type, "dict", &object_type, sizeof(DictObject), kBase | kTypeDictSubclass);
  define(set_type, "set", &object_type, sizeof(SetObject), kBase);
  define(frozenset_type, "frozenset", &object_type, sizeof(SetObject), kBase);
  define(range_type, "range", &object_type, sizeof(RangeObject), 0);
  define(slice_type, "slice", &object_type, sizeof(SliceObject), 0);
  define(none_type, "NoneType", &object_type, sizeof(Object), 0);
  define(ellipsis_type, "ellipsis", &object_type, sizeof(Object), 0);
  define(not_implemented_type, "NotImplementedType", &object_type, sizeof(Object), 0);
  define(function_type, "function", &object_type, sizeof(FunctionObject), kTypeMethodDescriptor);
  define(code_type, "code", &object_type, sizeof(CodeObj), 0);
  define(native_function_type, "builtin_function_or_method", &object_type, sizeof(NativeFunctionObject), 0);
  define(method_descriptor_type, "method_descriptor", &object_type, sizeof(MethodDescriptorObject),
         kTypeMethodDescriptor);
  define(bound_method_type, "method", &object_type, sizeof(BoundMethodObject), 0);
  define(module_type, "module", &object_type, sizeof(ModuleObject), kBase);
  define(cell_type, "cell", &object_type, sizeof(CellObject), 0);
  define(traceback_type, "traceback", &object_type, sizeof(TracebackObject), 0);
  define(generator_type, "generator", &object_type, sizeof(GeneratorObject), 0);
  define(coroutine_type, "coroutine", &object_type, sizeof(GeneratorObject), 0);
  define(coroutine_wrapper_type, "coroutine_wrapper", &object_type, coroutine_wrapper_size(), 0);
  define(async_generator_type, "async_generator", &object_type, sizeof(GeneratorObject), 0);
  define(async_generator_asend_type, "async_generator_asend", &object_type, async_generator_asend_size(), 0);
  define(async_generator_athrow_type, "async_generator_athrow", &object_type, async_generator_athrow_size(), 0);
  define(async_generator_wrapped_value_type, "async_generator_wrapped_value", &object_type,
         async_generator_wrapped_value_size(), 0);
  define(list_iterator_type, "list_iterator", &object_type, sizeof(SeqIterObject), 0);
  define(list_reverseiterator_type, "list_reverseiterator", &object_type, sizeof(ReversedObject), 0);
  define(tuple_iterator_type, "tuple_iterator", &object_type, sizeof(SeqIterObject), 0);
  // As CPython 3.11: an ASCII string's iterator has a type of its own (indexing bytes directly).
  define(str_iterator_type, "str_iterator", &object_type, sizeof(SeqIterObject), 0);
  define(str_ascii_iterator_type, "str_ascii_iterator", &object_type, sizeof(SeqIterObject), 0);
  define(range_iterator_type, "range_iterator", &object_type, sizeof(RangeIterObject), 0);
  define(dict_keyiterator_type, "dict_keyiterator", &object_type, sizeof(DictIterObject), 0);
  define(dict_valueiterator_type, "dict_valueiterator", &object_type, sizeof(DictIterObject), 0);
  define(dict_itemiterator_type, "dict_itemiterator", &object_type, sizeof(DictIterObject), 0);
  define(dict_reversekeyiterator_type, "dict_reversekeyiterator", &object_type, sizeof(DictIterObject), 0);
  define(dict_reversevalueiterator_type, "dict_reversevalueiterator", &object_type, sizeof(DictIterObject), 0);
  define(dict_reverseitemiterator_type, "dict_reverseitemiterator", &object_type, sizeof(DictIterObject), 0);
  define(dict_keys_type, "dict_keys", &object_type, sizeof(DictViewObject), 0);
  define(dict_values_type, "dict_values", &object_type, sizeof(DictViewObject), 0);
  define(dict_items_type, "dict_items", &object_type, sizeof(DictViewObject), 0);
  define(set_iterator_type, "set_iterator", &object_type, sizeof(SetIterObject), 0);
  define(enumerate_type, "enumerate", &object_type, sizeof(EnumerateObject), kBase);
  define(zip_type, "zip", &object_type, sizeof(ZipObject), kBase);
  define(reversed_type, "reversed", &object_type, sizeof(ReversedObject), kBase);
  define(map_type, "map", &object_type, sizeof(MapObject), kBase);
  define(filter_type, "filter", &object_type, sizeof(MapObject), kBase);
  define(iterator_type, "iterator", &object_type, sizeof(SeqIterObject), 0);
  define(callable_iterator_type, "callable_iterator", &object_type, sizeof(CallIterObject), 0);
  define(property_type, "property", &object_type, sizeof(PropertyObject), kBase);
  define(staticmethod_type, "staticmethod", &object_type, sizeof(PropertyObject), kBase);
  define(classmethod_type, "classmethod", &object_type, sizeof(PropertyObject), kBase);
  define(super_type, "super", &object_type, sizeof(PropertyObject), kBase);
  define(mappingproxy_type, "mappingproxy", &object_type, sizeof(Object) + sizeof(Value), 0);

  define_singleton(none_object, none_type);
  define_singleton(ellipsis_object, ellipsis_type);
  define_singleton(not_implemented_object, not_implemented_type);
  define_singleton(true_object, bool_type);
  define_singleton(false_object, bool_type);
  // True and False carry their integer value: bool subclasses int, so True + 1 == 2 reads it.
  true_object.value = 1;
  false_object.value = 0;

  init_exception_types();

  // Names, dicts and MROs need the heap; slots are plain pointers.
#define X(name) init_static_type(ts, name##_type);
  MINIPY_BUILTIN_TYPES(X)
#undef X
#define X(name, base) init_static_type(ts, name##_type);
  MINIPY_EXCEPTION_TYPES(X)
#undef X

  // Then each kind's slots and methods, in the one list's order (type_init.h says why order matters).
#define X(name) init_##name(ts);
  MINIPY_TYPE_INITIALISERS(X)
#undef X
}

}  // namespace minipy
