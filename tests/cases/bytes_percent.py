# bytes % args: %s/%b, %r/%a, %c, numbers, mappings with bytes keys and the errors.
for e in ['b"%s" % "a"','b"%5s|%-4b|%.1s" % (b"ab", b"c", b"xyz")','b"%r %a" % ("\xe9", b"x")','b"%c%c" % (65, b"B")','b"%c" % 256','b"%c" % "a"','b"%d %x %05.1f" % (3, 255, 2.25)','b"%(k)s" % {b"k": b"v"}','b"%s" % (1,2)','b"%s" % 5', 'b"%%" % ()', 'b"\\xff%s\\xfe" % b"\\x80"', 'b"%s %s" % (b"a",)', 'b"%s" % (b"a", b"b")', 'b"%i|%5.2e" % (True, 12.5)', '"%b" % 1', 'b"%4c|" % 200', 'b"x" % ()']:
  try: print(e, '->', repr(eval(e)))
  except Exception as x: print(e, '!!', type(x).__name__, x)
class B:
    def __bytes__(self): return b'BB'
print(b'%s' % B(), bytes(B()))
