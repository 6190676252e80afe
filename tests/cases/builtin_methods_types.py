# type.mro/__subclasses__/__instancecheck__/__subclasscheck__/__call__, __doc__, str.maketrans/translate.
class A: pass
class B(A): pass
class C(A): pass
print(A.__subclasses__(), A.mro(), type.mro(B), B.__subclasses__())
print(int.__instancecheck__(True), A.__subclasscheck__(B), A.__instancecheck__(3), object.__subclasscheck__(int))
for e in ['A.__subclasscheck__(3)', 'A.mro(1)', 'type.__call__(A).__class__.__name__', 'type.__call__(int, "12")',
          'len.__call__([1, 2])', '(lambda x: x + 1).__call__(2)', 'type(str.join.__doc__)', 'type(int.__doc__)',
          'type(ValueError.__doc__)', 'type((1).__doc__)', "'__doc__' in dir(int)", 'str.maketrans("ab", "xy")',
          'str.maketrans("ab", "xy", "c")', 'str.maketrans({"a": "1", 98: None})', 'str.maketrans({"ab": 1})',
          'str.maketrans({1.5: 1})', 'str.maketrans("a")', 'str.maketrans("ab", "x")', 'str.maketrans(1, "x")',
          '"abcabc".translate(str.maketrans("ab", "xy", "c"))', '"héllo".translate({ord("é"): "e", ord("l"): "L"})',
          '"abc".translate({97: 0x1F600})', '"abc".translate({97: 1.5})', '"abc".translate({97: -1})',
          '"abc".translate([ "x", None])', '"abc".translate("xyz")', 'slice(1, 5).indices(3)']:
    try:
        print(e, '->', repr(eval(e)))
    except Exception as x:
        print(e, '!!', type(x).__name__, x)
print(type.__prepare__("A", ()), type.__prepare__("A", (), x=1))
