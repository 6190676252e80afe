# KeyError at module level: the message is the repr of the key.
ages = {"ann": 31, "bob": 27}
print(ages["ann"])
print(ages["carl"])
