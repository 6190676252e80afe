# await outside an async function.
def fetch():
    return 1

def main():
    value = await fetch()
    print(value)

main()
