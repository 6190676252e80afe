# Conway's game of life on a small torus: nested lists, modulo indexing, string rendering, generations.
W = 12
H = 8
grid = []
for r in range(H):
    grid.append([0] * W)
for r, c in [(1, 2), (2, 3), (3, 1), (3, 2), (3, 3), (5, 8), (5, 9), (5, 10)]:
    grid[r][c] = 1
def neighbours(g, r, c):
    n = 0
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if dr == 0 and dc == 0:
                continue
            n += g[(r + dr) % H][(c + dc) % W]
    return n
def step(g):
    new = []
    for r in range(H):
        row = []
        for c in range(W):
            n = neighbours(g, r, c)
            if g[r][c] == 1:
                row.append(1 if n == 2 or n == 3 else 0)
            else:
                row.append(1 if n == 3 else 0)
        new.append(row)
    return new
def render(g):
    lines = []
    for row in g:
        line = ""
        for cell in row:
            line += "#" if cell else "."
        lines.append(line)
    return "\n".join(lines)
for gen in range(6):
    alive = 0
    for row in grid:
        alive += sum(row)
    print(f"generation {gen}: {alive} alive")
    print(render(grid))
    grid = step(grid)
history = []
for gen in range(40):
    key = render(grid)
    if key in history:
        print("repeat after", gen, "steps, period", len(history) - history.index(key))
        break
    history.append(key)
    grid = step(grid)
else:
    print("no repeat in 40 steps")
