# Text processing: word frequencies, line formatting, justification, simple tokenizing — many str/dict ops.
text = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair."""
words = []
for line in text.splitlines():
    for w in line.split():
        w = w.strip(",.").lower()
        if w:
            words.append(w)
print(len(words), words[:8])
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
def by_count(item):
    return (-item[1], item[0])
top = sorted(freq.items(), key=by_count)[:8]
for w, c in top:
    print(f"{w:<12}{c:>3} {'#' * c}")
print(len(freq), sum(freq.values()))
longest = ""
for w in words:
    if len(w) > len(longest):
        longest = w
print("longest:", longest)
def wrap(s, width):
    lines = []
    cur = ""
    for w in s.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = cur + " " + w if cur else w
    if cur:
        lines.append(cur)
    return lines
for ln in wrap(text, 30):
    print("|" + ln.ljust(30) + "|")
def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            tokens.append(("NUM", int(src[i:j])))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            tokens.append(("NAME", src[i:j]))
            i = j
        else:
            tokens.append(("OP", c))
            i += 1
    return tokens
print(tokenize("x1 = 42 + foo_bar*(7-y)"))
vowels = 0
for ch in text.lower():
    if ch in "aeiou":
        vowels += 1
print("vowels", vowels, "commas", text.count(","), "upper", len([c for c in text if c.isupper()]))
acronym = "".join([w[0].upper() for w in "portable network graphics".split()])
print(acronym, "palindrome" if "racecar" == "racecar"[::-1] else "no", "level"[::-1])
