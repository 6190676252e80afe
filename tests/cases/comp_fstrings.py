# f-strings: nested format specs, =, conversions.
name, width, value = "pi", 10, 3.14159
print(f"{name!r:>{width}}|{value:.{2}f}|{value:{width}.3}|")
print(f"{value=}", f"{name = }", f"{width*2=:>6}", f"{name=!s}")
print(f"{'é'!a} {'x'!r} {3!s} {[1, 'a']!r}")
print(f"{{literal}} {width:#x} {width:08b} {-width:+d} {1234567:,} {0.25:%}")
print(f"{'left':<8}|{'mid':^9}|{'right':>7}|{'fill':*^10}")
items = ["a", "b"]
print(f"{len(items)} items: {', '.join(items)}", f"{items[0].upper()}{items[-1]*3}")
nested = f"{f'{width:>{width//2}}':>8}"
print(repr(nested))
print(f"{3.0:g} {1e20:g} {12.5:e} {255:X} {'s':3}|", f"{True!r:>6}", f"{None}")
d = {"k": [1, 2]}
print(f"{d['k'][1] + 1}", f"{(lambda v: v * 2)(4)}", f"""{'multi'
}""")
