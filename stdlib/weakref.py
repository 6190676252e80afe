"""Weak references (a subset of CPython's weakref module): ref / ReferenceType and getweakrefcount."""

from _weakref import ref, ReferenceType, getweakrefcount

__all__ = ["ref", "ReferenceType", "getweakrefcount"]
