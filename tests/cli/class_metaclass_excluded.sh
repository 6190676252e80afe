# Metaclasses other than type are outside minipy's subset (language-subset.md): defining a class with one
# stops with a clear NotImplementedError, never a wrong answer; metaclass=type is ordinary.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
cat >meta.py <<'PY'
class Meta(type):
    pass


class Plain(metaclass=type):
    x = 1


print("metaclass=type", Plain.x)


class WithMeta(metaclass=Meta):
    pass
PY
run_both meta.py
expect_rc "custom metaclass" 1
grep -q '^metaclass=type 1$' m.out || fail "metaclass=type: stdout was '$(cat m.out)'"
grep -q '^NotImplementedError: .*metaclass' m.err || fail "custom metaclass: no clear error: $(cat m.err)"
finish
