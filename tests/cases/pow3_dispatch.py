# pow(a, b, mod) dispatches as CPython's ternary_op: the power slots of a and b (b's first for an overriding
# subclass), then the modulus's; a class's __pow__(other, mod) is called only for the left operand (three-argument
# power never uses __rpow__); float refuses any modulus, complex says 'complex modulo'.
def t(label, f):
    try: print(label, '->', repr(f()))
    except Exception as e: print(label, '->', type(e).__name__, e)
class A(int):
    def __pow__(self, o, m=None): return ('A.pow', m)
    def __rpow__(self, o, m=None): return ('A.rpow', m)
class B:
    def __pow__(self, o, m=None): return ('B.pow', m)
    def __rpow__(self, o, m=None): return ('B.rpow', m)
class F(float):
    def __rpow__(self, o, m=None): return ('F.rpow', m)
t('2**A', lambda: 2 ** A(3))
t('pow(2,A)', lambda: pow(2, A(3)))
t('pow(2,A,5)', lambda: pow(2, A(3), 5))
t('pow(A,2,5)', lambda: pow(A(3), 2, 5))
t('pow(B,2,5)', lambda: pow(B(), 2, 5))
t('pow(2,B,5)', lambda: pow(2, B(), 5))
t('pow(2,2,B)', lambda: pow(2, 2, B()))
t('pow(2.0,F)', lambda: pow(2.0, F(3)))
t('pow(2,F)', lambda: pow(2, F(3)))
t('pow(2,3,A)', lambda: pow(2, 3, A(5)))
t('pow(2,3,None)', lambda: pow(2, 3, None))
t('pow(2.0,3,5)', lambda: pow(2.0, 3, 5))
t('pow(2,3,5.0)', lambda: pow(2, 3, 5.0))
t('pow("a",3,5)', lambda: pow("a", 3, 5))
t('pow(1j,3,5)', lambda: pow(1j, 3, 5))
t('pow(2,1j,5)', lambda: pow(2, 1j, 5))
t('divmod(B,1)', lambda: divmod(B(), 1))
class P:
    def __pow__(self, o): return 'P.pow2'
t('pow(P,2,5)', lambda: pow(P(), 2, 5))
t('pow(P,2)', lambda: pow(P(), 2))
t('A.__pow__ int', lambda: int.__pow__(2, 3, 5))
t('int.__rpow__ mod', lambda: int.__rpow__(3, 2, 5))
class C:
    def __rpow__(self, o, m=None): return 'C.rpow'
t('pow(C,2,5)', lambda: pow(C(), 2, 5))
t('pow(2,C,5)', lambda: pow(2, C(), 5))
t('pow(2,C)', lambda: pow(2, C()))
class Mod:
    def __pow__(self, o, m=None): return ('Mod.pow', m)
t('pow(2,3,Mod)', lambda: pow(2, 3, Mod()))
t('pow(2.0,3,Mod)', lambda: pow(2.0, 3, Mod()))
class I(int): pass
t('pow(I,2,5)', lambda: pow(I(3), 2, 5))
t('pow(2,I,5)', lambda: pow(2, I(3), 5))
t('pow(True,2,5)', lambda: pow(True, 2, 5))
t('pow(2,-1,5)', lambda: pow(2, -1, 5))
t('pow(2,3,0)', lambda: pow(2, 3, 0))
class FP(float):
    def __pow__(self, o, m=None): return ('FP.pow', m)
t('pow(FP,2,5)', lambda: pow(FP(1), 2, 5))
t('pow(2,FP,5)', lambda: pow(2, FP(1), 5))
t('A.__pow__ mod', lambda: A(3).__pow__(2, 5))
t('int.__pow__ A', lambda: int.__pow__(A(3), 2, 5))
