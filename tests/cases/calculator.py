# A small expression calculator: tokenizer, recursive-descent parser to nested tuples, evaluator, printer.
def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        c = src[i]
        if c == " ":
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(("num", float(text) if "." in text else int(text)))
            i = j
        elif c.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j += 1
            tokens.append(("name", src[i:j]))
            i = j
        elif src[i:i + 2] == "**":
            tokens.append(("op", "**"))
            i += 2
        else:
            tokens.append(("op", c))
            i += 1
    tokens.append(("end", None))
    return tokens
pos = 0
toks = []
def peek():
    return toks[pos]
def advance():
    global pos
    tok = toks[pos]
    pos += 1
    return tok
def parse(src):
    global pos, toks
    toks = tokenize(src)
    pos = 0
    tree = parse_sum()
    assert peek()[0] == "end", "trailing input"
    return tree
def parse_sum():
    left = parse_product()
    while peek() in [("op", "+"), ("op", "-")]:
        op = advance()[1]
        left = (op, left, parse_product())
    return left
def parse_product():
    left = parse_power()
    while peek() in [("op", "*"), ("op", "/"), ("op", "%")]:
        op = advance()[1]
        left = (op, left, parse_power())
    return left
def parse_power():
    base = parse_unary()
    if peek() == ("op", "**"):
        advance()
        return ("**", base, parse_power())
    return base
def parse_unary():
    if peek() == ("op", "-"):
        advance()
        return ("neg", parse_unary())
    return parse_atom()
def parse_atom():
    kind, value = advance()
    if kind == "num":
        return ("num", value)
    if kind == "name":
        if peek() == ("op", "("):
            advance()
            arg = parse_sum()
            advance()
            return ("call", value, arg)
        return ("var", value)
    if value == "(":
        inner = parse_sum()
        advance()
        return inner
    return ("error", value)
variables = {"x": 3, "y": 4.5, "big": 2 ** 70}
def evaluate(node):
    kind = node[0]
    if kind == "num":
        return node[1]
    if kind == "var":
        return variables[node[1]]
    if kind == "neg":
        return -evaluate(node[1])
    if kind == "call":
        arg = evaluate(node[2])
        if node[1] == "abs":
            return abs(arg)
        if node[1] == "sq":
            return arg * arg
        return round(arg)
    a = evaluate(node[1])
    b = evaluate(node[2])
    if kind == "+":
        return a + b
    if kind == "-":
        return a - b
    if kind == "*":
        return a * b
    if kind == "/":
        return a / b
    if kind == "%":
        return a % b
    return a ** b
def show(node):
    kind = node[0]
    if kind == "num":
        return repr(node[1])
    if kind == "var":
        return node[1]
    if kind == "neg":
        return "(-" + show(node[1]) + ")"
    if kind == "call":
        return node[1] + "(" + show(node[2]) + ")"
    return "(" + show(node[1]) + " " + kind + " " + show(node[2]) + ")"
for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "-2 ** 2", "x * y - 1", "10 / 4", "7 % 3 + -7 % 3",
            "abs(-5) + sq(x)", "big * big + 1", "round(2.5) + round(3.5)", "1.5 * (2 - 0.5) / 3", "((((x))))"]:
    tree = parse(src)
    print(f"{src:<24} {show(tree):<36} = {evaluate(tree)!r}")
