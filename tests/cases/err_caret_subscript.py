# A failing subscript: ~ under the container, ^ under the brackets; nested subscripts mark the failing one.
config = {"server": {"port": 8080}, "users": ["ann", "bob"]}


def lookup(section, key):
    value = config[section][key]
    return value


print(lookup("server", "port"))
print(config["users"][1])
print(lookup("server", "host"))
