# try/except/else/finally with return, break and continue inside finally.
def ret_in_finally():
    try:
        return "try"
    finally:
        return "finally"


def ret_overrides_exception():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


def order(flag):
    log = []
    try:
        log.append("try")
        if flag:
            raise KeyError(flag)
    except KeyError as e:
        log.append(f"except {e}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log


print(ret_in_finally(), ret_overrides_exception())
print(order(None), order("k"))


def loop_control():
    out = []
    for i in range(6):
        try:
            if i == 1:
                continue
            if i == 4:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out


print(loop_control())


def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return i


print(break_in_finally())


def continue_in_finally():
    n = 0
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            n += 1
            continue
    return n


print(continue_in_finally())


def return_value_kept():
    x = 1
    try:
        return x
    finally:
        x = 2


print(return_value_kept())


def nested():
    log = []
    try:
        try:
            raise TypeError("inner")
        except ValueError:
            log.append("wrong handler")
        finally:
            log.append("inner finally")
    except TypeError as e:
        log.append(f"outer caught {e}")
    finally:
        log.append("outer finally")
    return log


print(nested())


def while_finally():
    i = 0
    while True:
        try:
            i += 1
            if i > 3:
                return i
        finally:
            print("tick", i)


print(while_finally())
