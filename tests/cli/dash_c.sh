# -c CODE: runs code from the argument; errors report File "<string>".
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
run_both -c 'print(1 + 1)'
same_all "-c print"
run_both -c 'x = [i * i for i in range(5)]
print(x, sum(x))'
same_all "-c multi-line"
run_both -c 'pass'
same_all "-c pass"
run_both -c ''
same_all "-c empty"
run_both -c '1/0'
same_all "-c ZeroDivisionError"
run_both -c 'def f():
    return g()
f()'
same_all "-c NameError in a function"
run_both -c 'x = ('
same_all "-c SyntaxError"
run_both -c '  print(1)'
same_all "-c IndentationError"
run_both -c
same_all "-c without an argument"
finish
