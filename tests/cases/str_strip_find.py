# strip family, find/index/rfind/count, replace, startswith/endswith.
s = "   hello world   "
print("[" + s.strip() + "]", "[" + s.lstrip() + "]", "[" + s.rstrip() + "]")
print("xxhixx".strip("x"), "abcHIcba".strip("abc"), "\t\n hi \r\n".strip(), "..a..".lstrip("."), "..a..".rstrip("."))
t = "abracadabra"
print(t.find("a"), t.find("bra"), t.find("z"), t.find("a", 1), t.find("a", 1, 3), t.rfind("a"), t.rfind("bra"))
print(t.index("c"), t.rindex("a"), t.count("a"), t.count("bra"), t.count(""), t.count("a", 4))
print(t.replace("a", "A"), t.replace("a", "A", 2), t.replace("bra", ""), t.replace("", "-"), t.replace("zz", "y"))
print(t.startswith("abra"), t.startswith("bra"), t.startswith("bra", 1), t.endswith("abra"), t.endswith("cad", 0, 7))
print(t.startswith(("x", "ab")), t.endswith(("q", "ra")))
print("aaa".replace("a", "aa"), "hello".replace("l", "L", 1))
print("hello" in "say hello", "bye" in "say hello", "" in "abc", "lo w" not in "hello world")
print("x".center(7, "*"), "ab".ljust(5, "."), "ab".rjust(5), "42".zfill(5), "-42".zfill(6), "abc".center(2))
print("Hello World".swapcase(), "hello world".title(), "hELLO".capitalize())
path = "/usr/local/lib/python3.11/site.py"
i = path.rfind("/")
print(path[:i], path[i + 1:], path[path.find(".") + 1:])
print("a-b-c".removeprefix("a-"), "a-b-c".removesuffix("-c"), "abc".removeprefix("x"))
print("tab\there".expandtabs(4))
