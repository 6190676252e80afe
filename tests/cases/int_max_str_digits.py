# CPython's int/str conversion limit (CVE-2020-10735; issue #12, item 7): sys.get/set_int_max_str_digits, the
# ValueErrors of str(), int(), formatting and %-formatting past it, and the setter's checks.
import sys
print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits, sys.int_info)
big = 10 ** 5000
for f in [lambda: str(big), lambda: int("1" * 5000), lambda: repr(-big), lambda: f"{big}", lambda: "%d" % big, lambda: format(big, ","), lambda: hex(big)[:6], lambda: int("1" * 4300) > 0]:
    try: print(f())
    except ValueError as e: print("ValueError:", e)
for v in [100, -1, 640, 0, "x"]:
    try:
        sys.set_int_max_str_digits(v); print("set", v, sys.get_int_max_str_digits())
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
sys.set_int_max_str_digits(0)
print(len(str(big)), len(str(int("7" * 6000))))
sys.set_int_max_str_digits(maxdigits=1000)
print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
try: str(10 ** 1000)
except ValueError as e: print(e)
print(len(str(10 ** 999)))
