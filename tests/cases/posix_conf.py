# os.sysconf, os.confstr, os.pathconf, os.fpathconf and their name tables (platform.libc_ver() reads confstr).
import os, platform
print(platform.libc_ver(), platform.platform().endswith(platform.libc_ver()[0] + platform.libc_ver()[1]))
print(os.sysconf("SC_PAGESIZE") == os.sysconf(os.sysconf_names["SC_PAGE_SIZE"]), os.sysconf("SC_NPROCESSORS_ONLN") == os.cpu_count())
print(len(os.sysconf_names), len(os.confstr_names), len(os.pathconf_names), os.confstr("CS_PATH"))
for call in ['os.fpathconf("/", "PC_NAME_MAX")', 'os.fpathconf(0, "PC_NAME_MAX") > 0', 'os.fpathconf(fd=0, name=1)', 'os.pathconf(path="/", name="PC_NAME_MAX") > 0', 'os.pathconf("/nonexist", "PC_NAME_MAX")', 'os.pathconf("/", 10**10)', 'os.sysconf("nope")', 'os.sysconf(1.5)', 'os.sysconf(-5)', 'os.confstr(-5)', 'os.confstr(name=2)', 'os.pathconf(b"/", "PC_PIPE_BUF") > 0', 'os.fpathconf(open("/dev/null"), "PC_NAME_MAX") > 0', 'os.pathconf(0, "PC_NAME_MAX") > 0', 'os.pathconf(None, 3)', 'os.fpathconf(-1, 3)', 'os.sysconf()', 'os.sysconf(1, 2)', 'os.pathconf("/")', 'os.confstr("CS_GNU_LIBC_VERSION").split()[0]', 'os.sysconf("SC_ARG_MAX") > 0', 'os.pathconf("/tmp", "PC_NAME_MAX") > 0']:
    try: print(call, '->', eval(call))
    except Exception as e: print(call, '->', type(e).__name__, e)
