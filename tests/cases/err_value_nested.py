# ValueError raised by a builtin deep inside calls: list.index of a missing item.
def position(seq, item):
    return seq.index(item)
def positions(seq, items):
    result = []
    for it in items:
        result.append(position(seq, it))
    return result
print(positions([5, 6, 7], [7, 5]))
print(positions([5, 6, 7], [6, 9]))
