# Student-style text cleaning with `re`: normalise, tokenise, count, extract, substitute.
import re

text = """It was the best of times, it was the worst of times!
It was the age of wisdom... it was the age of foolishness?
Contact: alice@example.com, bob.smith@mail.example.org; call 555-123-4567 or (555) 987-6543.
"""

clean = re.sub(r"[^\w\s]", "", text.lower())
clean = re.sub(r"\s+", " ", clean).strip()
print(clean)

words = re.findall(r"[a-z']+", text.lower())
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
print(len(words), top)

print(re.findall(r"[\w.]+@[\w.]+\.\w+", text))
print(re.findall(r"\(?(\d{3})\)?[ -](\d{3})-(\d{4})", text))
print([m.group(0) for m in re.finditer(r"\b\w{7,}\b", text)])
print([(m.start(), m.end()) for m in re.finditer(r"times", text)])

print(re.split(r"[,;.!?]+\s*", "one, two;three.  four!five"))
print(re.split(r"(\s)", "a b  c"), re.split(r"\s+", "  lead and trail  "), re.split(r"x*", "axbc"))
print(re.split(r"\d", "a1b2c3", maxsplit=2))

print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "user@host admin@site"))
print(re.sub(r"(?P<first>\w+) (?P<last>\w+)", r"\g<last>, \g<first>", "Ada Lovelace"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "3 apples and 12 pears"))
print(re.subn(r"o", "0", "foo boo zoo", count=4))
print(re.sub(r"^", "> ", "line one\nline two", flags=re.MULTILINE))
print(re.sub("a|", "-", "banana"))
print(re.sub(r"(a)|b", r"[\1]", "ab"))
print(re.sub(r"\s+$", "", "trailing   \n"))

print(re.escape("3.14 (approx) [x] a+b*c? ^$ {}|\\"))
for candidate in ["2024-01-31", "2024-1-31", "31/01/2024"]:
    print(candidate, bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", candidate)))

pattern = re.compile(r"(?P<key>\w+)\s*=\s*(?P<value>[^;]*)")
config = "name = minipy; version=3.11 ; empty= ;"
for m in pattern.finditer(config):
    print(m.group("key"), repr(m.group("value").strip()), m.span(), m.groupdict())
print(pattern.sub(lambda m: m["key"].upper(), config))

title = "the quick brown fox"
print(re.sub(r"\b[a-z]", lambda m: m.group().upper(), title))
print(re.sub(r"(\w)(\w*)", r"\2\1ay", "pig latin words"))
print(" ".join(w for w in re.split(r"\W+", "Hello, World! Hello again.") if w))

data = "temp=21.5C hum=40% temp=19.0C wind=12km/h temp=-3.5C"
temps = [float(t) for t in re.findall(r"temp=(-?\d+\.\d+)C", data)]
print(temps, sum(temps) / len(temps))

print(re.findall(r"\d+", "ünïcödé 123 ٤٥٦ 7"))
print(re.findall(r"(?a)\d+", "ünïcödé 123 ٤٥٦ 7"))
print(re.findall(rb"\w+", b"bytes and b'ytes' 42"))
print(re.sub(rb"(\d+)", rb"<\1>", b"a1b22"))
