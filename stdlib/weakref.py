"""Weak references (a subset of CPython's weakref module): ref / ReferenceType, proxy / ProxyType /
CallableProxyType, getweakrefcount and getweakrefs. It stands in for Lib's weakref.py until that imports
(WeakValueDictionary, WeakKeyDictionary, WeakSet and finalize come with it)."""

from _weakref import (ref, ReferenceType, proxy, ProxyType, CallableProxyType, getweakrefcount, getweakrefs)

ProxyTypes = (ProxyType, CallableProxyType)

__all__ = ["ref", "ReferenceType", "proxy", "ProxyType", "CallableProxyType", "ProxyTypes", "getweakrefcount",
           "getweakrefs"]
