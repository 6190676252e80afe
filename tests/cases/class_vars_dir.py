class A: 'doc'; x=1
class B(A): pass
class E(Exception): pass
class L(list): pass
class F(E): pass
class N: pass
for c in (A,B,E,L,F,N): print(list(vars(c)))
print(dir(A()))
print(dir(B))
a = A()
a.q = 1
print(a.__dict__, A().__weakref__, vars(a), a.__sizeof__() > 0, a.__getstate__())
print(object.__subclasshook__(), A.__subclasshook__())
