# Argument-count and keyword errors of the new builtin methods name the method as CPython does.
for e in ['b"a".upper(1)','b"a".isalpha(x=1)','(1.5).__floor__(1)','(1).__trunc__(2)','(1).bit_count(1)','(1.5).hex(1)','b"a".hex(1,2,3)', 'b"a".__bytes__(1)', '(1).__getnewargs__(1)', '"a".__getnewargs__(2)']:
  try: print(e, '->', repr(eval(e)))
  except Exception as x: print(e, '!!', type(x).__name__, x)
