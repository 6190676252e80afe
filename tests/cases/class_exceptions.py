class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"missing {key}")
        self.key = key


class WithStr(Exception):
    def __str__(self):
        return "custom str"


class Quiet(ValueError):
    def __init__(self):
        pass


for exc in (AppError("a", 1), NotFound("k"), WithStr("ignored"), Quiet()):
    try:
        raise exc
    except AppError as e:
        print("AppError branch", type(e).__name__, e, e.args)
    except Exception as e:
        print("Exception branch", type(e).__name__, repr(str(e)), e.args, isinstance(e, ValueError))

try:
    raise NotFound
except TypeError as e:
    print("TypeError:", e)

try:
    try:
        raise NotFound("x")
    except NotFound as e:
        raise AppError("wrapped") from e
except AppError as e:
    print(e, "caused by", repr(e.__cause__), e.__cause__.key)

e = NotFound("z")
e.extra = 5
print(e.extra, e.key, vars(e) == {"key": "z", "extra": 5}, repr(e))
print(issubclass(NotFound, Exception), NotFound.__mro__[1:3])


class Base(Exception):
    def __init__(self, code, msg):
        self.code = code
        super().__init__(code, msg)


try:
    raise Base(404, "nope")
except Base as err:
    print(err, err.code, err.args)
