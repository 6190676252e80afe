# ord, chr, hex, oct, bin including negatives and big values; the literal forms they print.
for c in "Az09 ~é€😀\n":
    print(repr(c), ord(c), chr(ord(c)) == c, hex(ord(c)))
print(chr(65), chr(97), chr(48), chr(32), chr(0x20AC), chr(0x10FFFF) == "\U0010ffff", repr(chr(9)))
for n in [0, 1, 7, 8, 15, 16, 255, 256, -1, -255, 1023, 2 ** 32, -(2 ** 40)]:
    print(n, hex(n), oct(n), bin(n))
print(hex(0xDEADBEEF), oct(0o17), bin(0b1011), 0x10, 0o10, 0b10)
print("".join([chr(ord("a") + i) for i in range(26)]))
print([ord(c) - ord("0") for c in "31415"], sum([ord(c) for c in "checksum"]))
caesar = ""
for ch in "Hello, World!":
    if "a" <= ch <= "z":
        caesar += chr((ord(ch) - ord("a") + 13) % 26 + ord("a"))
    elif "A" <= ch <= "Z":
        caesar += chr((ord(ch) - ord("A") + 13) % 26 + ord("A"))
    else:
        caesar += ch
print(caesar)
print(format(255, "x"), format(255, "#010b"), "%x" % 3054, hex(int("10" * 20, 2)))
