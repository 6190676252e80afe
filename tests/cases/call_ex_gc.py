# f(*args, **kwargs) forwarding while the callee runs Python code that allocates (a decorator wrapper calling
# an lru_cache'd function whose key hashing runs __hash__): the argument list CALL_FUNCTION_EX builds must stay
# alive for the whole call (minipy once lost it to a collection and passed garbage as `self`).
import functools


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        junk = [str(i) for i in range(20)]
        return hash(self.v)

    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v


class Form:
    def __init__(self, name):
        self.name = name


cached = functools.lru_cache()(lambda self, key, tag="": (self.name, key.v, tag))


def forward(*args, **kwds):
    return cached(*args, **kwds)


form = Form("U")
results = [forward(form, Key(i % 5), tag="t" * (i % 2)) for i in range(60)]
print(results[:6], len(set(results)), cached.cache_info())
