# typing: generics, NamedTuple, TypedDict, runtime-checkable protocols, unions and their reprs, get_args/get_origin,
# get_type_hints, NewType, overload, subscription errors.
from typing import (Any, Callable, ClassVar, Dict, Final, Generic, Iterable, List, Literal, NamedTuple, Optional,
                    Protocol, Tuple, TypedDict, TypeVar, Union, cast, get_args, get_origin, get_type_hints, overload,
                    runtime_checkable, NewType, Annotated, Sequence, Mapping, TYPE_CHECKING, no_type_check)
import typing
T = TypeVar("T")
K = TypeVar("K", bound=str)
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
s = Stack[int](); s.push(3); print(s.pop(), Stack[int], Stack.__parameters__, T, K.__bound__)
class Point(NamedTuple):
    x: int
    y: int = 0
    def norm(self) -> int: return abs(self.x) + abs(self.y)
p = Point(3, -4); print(p, p.norm(), p._replace(y=1), Point._fields, Point.__annotations__, p._asdict())
class Movie(TypedDict, total=False):
    title: str
    year: int
m: Movie = {"title": "Up"}; print(m, sorted(Movie.__required_keys__), sorted(Movie.__optional_keys__))
@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closable), isinstance(1, Closable))
print(Optional[int], Union[int, str], Union[int, None] == Optional[int], List[Dict[str, int]], Tuple[int, ...])
print(Callable[[int, str], bool], Literal["a", 1], get_args(Dict[str, List[int]]), get_origin(List[int]))
print(get_args(Callable[[int], str]), get_origin(Union[int, str]), Annotated[int, "meta"], ClassVar[int], Final[str])
UserId = NewType("UserId", int); print(UserId(5), UserId, UserId.__supertype__)
def f(a: int, b: "str" = "x") -> Optional[List[int]]: return None
print(get_type_hints(f), f.__annotations__)
print(cast(int, "not checked"), TYPE_CHECKING, typing.Any, int | None, list[int] | None)
@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x): return x
print(g(3), g("s"))
try:
    Stack[int, str]
except TypeError as e:
    print("TypeError:", e)
try:
    Union[int]()
except TypeError as e:
    print("TypeError:", e)
class Base(Generic[T]): pass
class Derived(Base[int]): pass
print(Derived.__orig_bases__, Derived.__mro__[1:3], typing.get_origin(Base[int]))
print(isinstance([], typing.Iterable), issubclass(dict, typing.Mapping), typing.Sequence[int])
