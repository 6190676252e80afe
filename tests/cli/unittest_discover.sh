# minipy -m unittest: Lib's unittest discovers and runs a test directory with CPython's output shape — progress
# characters (. F E s x u), failure and error reports with their tracebacks, the summary line and exit status —
# and runs named tests verbosely. Only the elapsed time in "Ran N tests in T" is normalised.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
mkdir -p tests
: >tests/__init__.py
cat >tests/test_alpha.py <<'PY'
import unittest

class Alpha(unittest.TestCase):
    def test_ok(self):
        self.assertEqual(1 + 1, 2)

    def test_fail(self):
        self.assertEqual([1, 2], [1, 3])

    def test_error(self):
        {}["missing"]

    @unittest.skip("not today")
    def test_skip(self):
        pass

    @unittest.expectedFailure
    def test_xfail(self):
        self.assertTrue(False)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass

    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)
PY
cat >tests/test_beta.py <<'PY'
import unittest

class Beta(unittest.TestCase):
    def setUp(self):
        self.items = [3, 1, 2]

    def test_sorted(self):
        """Sorting works."""
        self.assertEqual(sorted(self.items), [1, 2, 3])

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError):
            1 / 0

    def test_in(self):
        self.assertIn(4, self.items, "four is missing")

    def test_dict(self):
        self.assertDictEqual({"a": 1, "b": [1, 2]}, {"a": 1, "b": [1, 3]})
PY
mkdir -p good
cat >good/test_good.py <<'PY'
import unittest

class Good(unittest.TestCase):
    def test_one(self):
        self.assertTrue(True)

    def test_two(self):
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
PY

elapsed() { sed -i -E 's/^(Ran [0-9]+ tests?) in [0-9.]+s$/\1 in Ts/' m.err p.err; }

run_both -B -m unittest discover -s tests
elapsed
same_all "unittest discover with failures"

run_both -B -m unittest -v tests.test_beta
elapsed
same_all "unittest -v of one module"

run_both -B -m unittest discover -s good
elapsed
same_all "unittest discover, all passing"

run_both -B -m unittest tests.test_alpha.Alpha.test_ok tests.test_beta.Beta.test_sorted
elapsed
same_all "unittest of named test methods"

# A start directory that does not exist: the ImportError's traceback ends the run (its frames above Lib's differ:
# CPython's runpy is Python code, minipy's is native), so the exit status and the error line are compared.
run_both -B -m unittest discover -s nothing_here
same "unittest discover of a missing directory" rc
[[ $(tail -n 1 m.err) == "$(tail -n 1 p.err)" ]] || fail "missing start directory: $(tail -n 1 m.err)"
finish
