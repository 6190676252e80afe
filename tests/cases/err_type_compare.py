# TypeError: ordering comparison between int and str inside sorted().
print(sorted([3, 1, 2]))
print(sorted([3, "1", 2]))
