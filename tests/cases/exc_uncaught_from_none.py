# raise ... from None hides the context in the traceback.
def convert(s):
    try:
        return float(s)
    except ValueError:
        raise TypeError("not a number") from None


convert("abc")
