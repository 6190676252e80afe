# An AttributeError a class's __getattr__ raises without naming the attribute gets the name and object on its way
# out of the lookup (CPython's set_attribute_error_context), so the traceback suggests a close name
# (test_exceptions' test_getattr_suggestions_no_args).
class A:
    blech = None

    def __getattr__(self, attr):
        raise AttributeError()


try:
    A().bluch
except AttributeError as e:
    print(e.name, type(e.obj).__name__)


class B:
    blech = None

    def __getattr__(self, attr):
        raise AttributeError("own", name="other", obj=None)


try:
    B().bluch
except AttributeError as e:
    print(e.name, e.obj)
A().bluch
