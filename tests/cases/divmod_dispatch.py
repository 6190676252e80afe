# divmod() dispatches like a binary operator: a right operand whose type is a subclass of the left's and overrides
# __rdivmod__ goes first; float divmod by zero has its own message.

class A(int):
    def __divmod__(self, other):
        return 'A.__divmod__'
    def __rdivmod__(self, other):
        return 'A.__rdivmod__'

class B(A):
    pass

class C(A):
    def __rdivmod__(self, other):
        return 'C.__rdivmod__'

class D(int):
    def __rdivmod__(self, other):
        return NotImplemented

class F(float):
    def __rdivmod__(self, other):
        return 'F.__rdivmod__'

class OnlyR:
    def __rdivmod__(self, other):
        return ('OnlyR', other)

print(divmod(1, A(2)), divmod(A(2), 1), divmod(7, D(2)), divmod(D(7), 2))
print(divmod(A(1), B(2)), divmod(A(1), C(2)), divmod(B(1), C(2)))
print(divmod(1.0, F(2)), divmod(1, F(2)), divmod(F(7), 2))
print(divmod(3, OnlyR()), divmod(3.5, OnlyR()))
print(A(7).__rdivmod__(2), int.__rdivmod__(A(7), 2), int.__divmod__(A(7), 2))

# The same subclass-first rule for the operators, for comparison.
class M(int):
    def __radd__(self, other):
        return 'M.__radd__'
    def __rfloordiv__(self, other):
        return 'M.__rfloordiv__'
print(1 + M(2), 1 // M(2), M(2) + 1)

for expr in ('divmod(1.0, 0.0)', 'divmod(1, 0.0)', 'divmod(1.0, 0)', 'divmod(-0.0, 0.0)', 'divmod(2**2000, 0.0)',
             'divmod(0.0, 2**2000)', 'divmod(1, 0)', 'divmod(1.5, 2**2000)', 'divmod(2**2000, 1.5)',
             'divmod(1.0, "a")', 'divmod("a", 1.0)', 'divmod(1j, 1)', '1.0 // 0.0', '1.0 % 0.0',
             'divmod(float("inf"), 1.0)', 'divmod(-7.5, 2.0)', 'divmod(7.5, -2.0)'):
    try:
        print(expr, '->', eval(expr))
    except Exception as e:
        print(expr, '->', type(e).__name__, e)
