# A script and an imported module declaring a codec minipy's front end does not decode itself (cp1251): both run
# as under python3.11, the import writes its cache, and a SyntaxError in such a file shows the decoded line.
source "$(dirname "$0")/../tools/cli_lib.sh" "$@"
printf '# -*- coding: cp1251 -*-\nx = "\xcf\xb3\xf2\xee\xed"\nprint(x, len(x))\n' >m1251.py
run_both m1251.py
same_all "cp1251 script"
printf 'import m1251\nprint(m1251.x.upper())\n' >main.py
run_both main.py
same_all "importing a cp1251 module"
printf '# -*- coding: cp1251 -*-\nx = "\xcf\xb3" +\n' >bad.py
run_both bad.py
same_all "SyntaxError in a cp1251 script"
finish
