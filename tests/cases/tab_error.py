# TabError: inconsistent use of tabs and spaces.
print("never runs")
if True:
	x = 1
        y = 2
