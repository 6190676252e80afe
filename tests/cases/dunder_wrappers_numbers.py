# The slot dunders of int, float and bool called by name, with NotImplemented for foreign operands.
cases = [
    '(1).__add__(2)', '(1).__radd__(2.0)', '(1.0).__radd__(2)', '(5).__rdivmod__(17)', '(5).__divmod__(1.5)',
    '(5).__divmod__(3)', '(1.5).__rdivmod__(4)', '(2).__rpow__(3, 5)', '(2).__pow__(10, 7)', '(1).__pow__(2, None)',
    '(2.0).__pow__(2)', '(3).__rtruediv__(1)', '(3).__rsub__(10)', '(3).__rlshift__(1)', '(64).__rrshift__(1)',
    '(1.5).__rfloordiv__(4)', '(1.5).__rmod__(4)', '(6).__rand__(3)', '(6).__ror__(3)', '(6).__rxor__(3)',
    '(3).__rmul__(4)', '(3).__rfloordiv__(10)', '(3).__rmod__(10)', '(3).__rmod__("x")', '(3).__radd__("x")',
    'True.__rand__(False)', 'True.__and__(1)', 'True.__ror__(0)', 'True.__rxor__(True)', 'True.__add__(True)',
    '(1).__index__()', '(2.5).__int__()', '(1).__float__()', '(0).__bool__()', '(0.0).__bool__()', '(5).__invert__()',
    '(-5).__abs__()', '(5.5).__neg__()', '(-2).__pos__()', '(2**70).__neg__()', 'int.__add__(True, 2)',
    'float.__rsub__(1.5, 4)', 'int.__neg__(1.0)', 'int.__neg__()', '(1).__add__(x=1)', '(1).__neg__(2)',
    '(1).__add__()', '(1).__pow__(2, 3, 4)', '(1).__pow__()', '(2.0).__pow__(2, 3)', '(1).__truediv__(0)',
    '(1).__rtruediv__(0)', '(1.0).__rmod__(0)', 'int.__radd__', 'float.__mul__',
]
for e in cases:
    try:
        print(e, '->', repr(eval(e)))
    except Exception as x:
        print(e, '!!', type(x).__name__, x)
