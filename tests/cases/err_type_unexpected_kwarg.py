# TypeError: unexpected keyword argument.
def pair(a, b=2):
    return (a, b)
def call():
    return pair(1, c=3)
call()
