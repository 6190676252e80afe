# Nested comprehensions whose inner scope reads the outer loop variable (needs cells: tier 2).
print([[r * c for c in range(4)] for r in range(3)])
print([n for n in range(2, 50) if [d for d in range(2, n) if n % d == 0] == []])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([[row[i] for row in matrix] for i in range(3)])
def scaled(values, k):
    return [v * k for v in values]
print(scaled([1, 2, 3], 10))
