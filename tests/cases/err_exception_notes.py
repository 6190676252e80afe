# add_note and how the notes print after the message of an uncaught exception.
e = ValueError('x')
print(e.add_note('first'), e.__notes__)
try:
    e.add_note(3)
except TypeError as t:
    print(t)
e.add_note('two\nlines')
try:
    raise e
except ValueError as caught:
    print(caught.__notes__)
raise e
