// The two halves of the native _weakref module: references (weakref.cpp) and proxies (weakref_proxy.cpp).
#pragma once
#include "stdlib/native/native_type.h"

namespace minipy {

extern Type weakref_ref_type;

// A new weak reference (or proxy) of `type` to `referent`, with `callback` (null or None: none), registered with
// the heap so it is cleared when the referent dies.
WeakReference* new_weakref(ThreadState& ts, Type* type, Object* referent, Value callback);
// Whether weakref.ref accepts `v`.
bool weakrefable(ThreadState& ts, Value v);
// The `del` slot of references and proxies: calls the callback with the dead reference.
void ref_del(ThreadState& ts, Object* self);
// The finalize slot of references and proxies: forgets a swept reference.
void forget_weakref(Object* self);
// Defines ProxyType and CallableProxyType (once per interpreter) and adds them and proxy() to module `m`.
void add_proxy_types(ThreadState& ts, ModuleObject* m);

// Gives weakref.ref (weakref_ref_type) its slots and methods: the interpreter makes it at start-up, before any
// module, because the heap clears references during every collection.
void init_weakref_type(ThreadState& ts);

}  // namespace minipy
