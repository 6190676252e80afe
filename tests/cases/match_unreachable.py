# A capture pattern before other cases: CPython refuses it at compile time.
def classify(x):
    match x:
        case 0:
            return "zero"
        case other:
            return "other"
        case 1:
            return "one"

print(classify(1))
