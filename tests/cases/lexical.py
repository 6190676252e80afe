# Lexical structure: comments, backslash continuation, implicit joining, semicolons, blank lines, indentation styles.
x = 1 + \
    2 + \
    3
print(x)  # trailing comment
# a full-line comment

y = (1 +
     2   # comment inside brackets
     + 3)
print(y)
z = [
    1,
    2,
    3,   # trailing comma
]
print(z)
d = {
    "a": 1,
    "b": 2
}
print(d)
a = 1; b = 2; c = a + b; print(c)
if a: print("one-line if")
for i in range(2): print("one-line for", i)
while a < 3: a += 1
print(a)
def f(x): return x * 2
print(f(21))
if True:
        deeply = "eight spaces"
        if deeply:
          print(deeply, "then two")
def g(
    p,
    q=2,
):
    return p + q
print(g(
    1,
))
total = sum([
    1, 2, 3,
    4, 5, 6,
])
print(total)
s = "string with # not a comment"
print(s)
t = """triple
# not a comment either"""
print(t)
print(1 if x else 2, x if not y else y)
	
print("a line with only a tab above")
