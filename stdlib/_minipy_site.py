"""What CPython's site module gives an interactive session, for minipy's REPL.

CPython imports site at every start-up; minipy does not (it adds no site-packages to sys.path, and its start-up
stays far below CPython's). So a script sees minipy's plain builtins, and the REPL calls interactive() once,
before its first prompt, to get what a python3.11 prompt has: exit/quit objects whose repr says how to leave,
copyright/credits/license, help() (pydoc), Tab completion through rlcompleter, and the history kept in
~/.python_history between sessions -- the same file python3.11 uses, so a learner's history follows them.
"""

import builtins
import sys


def _install_builtins():
    # The objects come from Lib's own _sitebuiltins, so their reprs and behaviour are CPython's. Without a host
    # Lib the prompt keeps minipy's plain exit() and quit().
    try:
        import os
        import _sitebuiltins
    except ImportError:
        return

    eof = "Ctrl-D (i.e. EOF)"
    builtins.quit = _sitebuiltins.Quitter("quit", eof)
    builtins.exit = _sitebuiltins.Quitter("exit", eof)
    builtins.copyright = _sitebuiltins._Printer("copyright", sys.copyright)
    builtins.credits = _sitebuiltins._Printer(
        "credits",
        "    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n"
        "    for supporting Python development.  See www.python.org for more information.",
    )
    # license() pages the LICENSE file of the Lib in use, as CPython's does.
    lib_dir = os.path.dirname(os.__file__)
    builtins.license = _sitebuiltins._Printer(
        "license",
        "See https://www.python.org/psf/license/",
        ["LICENSE.txt", "LICENSE"],
        [os.path.join(lib_dir, os.pardir), lib_dir, os.curdir],
    )
    builtins.help = _sitebuiltins._Helper()


def _enable_readline():
    # Tab completes names and attributes (rlcompleter installs its completer on import); the user's inputrc
    # is read after binding Tab so that it can rebind it.
    try:
        import readline
        import rlcompleter  # noqa: F401  (sets the completer)
    except ImportError:
        return
    import atexit
    import os

    readline.parse_and_bind("tab: complete")
    try:
        readline.read_init_file()
    except OSError:
        pass
    # A PYTHONSTARTUP file may have loaded a history already: then it also decides where it is saved.
    if readline.get_current_history_length() != 0:
        return
    history = os.path.join(os.path.expanduser("~"), ".python_history")
    try:
        readline.read_history_file(history)
    except OSError:
        pass

    def save_history():
        try:
            readline.write_history_file(history)
        except OSError:
            pass  # a read-only home: the session's history is simply not kept

    atexit.register(save_history)


def install_builtins():
    """The builtins site adds (called by the REPL before its first prompt)."""
    _install_builtins()


def run_interactive_hook():
    """CPython's sys.__interactivehook__ step: a hook the user installed (say, in PYTHONSTARTUP) runs instead of
    the default one, which enables completion and the history file (not under -I, as CPython)."""
    hook = getattr(sys, "__interactivehook__", None)
    if hook is not None:
        hook()
    elif not sys.flags.isolated:
        _enable_readline()
