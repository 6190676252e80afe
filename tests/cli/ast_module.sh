# minipy -m ast with Lib's options, against python3.11: positions (-a), another indent, the three parse modes,
# a file with non-ASCII text (UTF-8 byte columns), and a syntax error (compared from the error's own lines on).
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
cat >prog.py <<'PY'
def greet(name: str = "wörld") -> str:
    """Say hello."""
    return f"héllo {name!r:>10}" if name else None

class Box(object if True else int, metaclass=type):
    pass

match greet():
    case {"k": [1, *rest]} | str(x) if x:
        print(rest, x)
    case _:
        pass
async def main():
    async with a as b, c:
        await b
    return [y async for y in b]
x: int = lambda *a, k=1, **kw: (yield)
PY
run_both -B -m ast -a prog.py
same_all "ast -a"
run_both -B -m ast --indent 1 --include-attributes prog.py
same_all "ast --indent 1 --include-attributes"
printf '1 + 2 * -x' >expr.txt
run_both -B -m ast --mode eval expr.txt
same_all "ast --mode eval"
printf 'x = 1\n' >single.txt
run_both -B -m ast --mode single single.txt
same_all "ast --mode single"
printf 'x = (1,\ny = 2\n' >bad.py
run_both -B -m ast bad.py
same "ast of a syntax error" rc
[[ $(tail -n 4 m.err) == "$(tail -n 4 p.err)" ]] || fail "ast of a syntax error: $(tail -n 4 m.err)"
finish
