# Lib's inspect, dataclasses, pprint, tokenize, linecache, argparse and logging on minipy (they need _ast).
import argparse
import dataclasses
import inspect
import io
import linecache
import logging
import pprint
import sys
import tokenize


def sample(a, b: int = 2, *args, c, d="x", **kw) -> str:
    """Sample docstring."""
    return f"{a}{b}"


print(inspect.signature(sample))
print(list(inspect.signature(sample).parameters))
print(inspect.getdoc(sample), inspect.isfunction(sample), inspect.isclass(int), inspect.ismodule(sys))
print(inspect.getsource(sample).splitlines()[0])
print(inspect.getfullargspec(sample).args, inspect.getfullargspec(sample).kwonlyargs)
print(inspect.signature(lambda x, /, y=1: None))
print(inspect.getmodule(sample).__name__)
print([name for name, _ in inspect.getmembers(dataclasses, inspect.isfunction)][:5])


@dataclasses.dataclass(order=True)
class Point:
    x: int
    y: int = 0
    tags: list = dataclasses.field(default_factory=list)


@dataclasses.dataclass(frozen=True)
class Frozen:
    name: str


p = Point(1, 2)
print(p, p == Point(1, 2), p < Point(2, 0), dataclasses.asdict(p), dataclasses.astuple(p))
print([f.name for f in dataclasses.fields(Point)], dataclasses.replace(p, y=5))
print(inspect.signature(Point))
try:
    Frozen("a").name = "b"
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError", e)
print(hash(Frozen("a")) == hash(Frozen("a")))

data = {"name": "minipy", "versions": list(range(12)), "nested": {"a": [1, 2, {"b": "c" * 30}], "z": None}}
pprint.pprint(data, width=40)
print(pprint.pformat(list(range(30)), compact=True, width=50))

source = "def f(x):\n    return x + 1  # comment\n"
for tok in tokenize.generate_tokens(io.StringIO(source).readline):
    print(tokenize.tok_name[tok.type], repr(tok.string), tok.start, tok.end)

print(repr(linecache.getline(linecache.__file__, 1)))

parser = argparse.ArgumentParser(prog="demo", description="A demo parser.")
parser.add_argument("files", nargs="*")
parser.add_argument("-v", "--verbose", action="count", default=0)
parser.add_argument("--mode", choices=["fast", "slow"], default="fast")
print(parser.parse_args(["a.py", "-vv", "--mode", "slow"]))
print(parser.format_help())
try:
    parser.parse_args(["--mode", "other"])
except SystemExit as e:
    print("exit", e.code)

logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
log = logging.getLogger("demo")
log.debug("hidden")
log.info("shown %d", 1)
log.warning("careful")
try:
    1 / 0
except ZeroDivisionError:
    log.exception("failed")
