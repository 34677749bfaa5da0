"""PyInstaller entry of both programs; imports the package absolutely (a frozen script has no parent package).

The name it was started by picks the program: ``ita-cli`` (on Linux a symbolic link to the one
executable, on Windows a console executable of its own) runs the command line, anything else the GUI.
"""
import os
import sys


def _started_as_cli() -> bool:
    names = (sys.argv[0] if sys.argv else "", sys.executable)
    return any(os.path.basename(n).lower().startswith("ita-cli") for n in names)


def _bundled_libthai() -> None:
    """Point the bundled libthai (Linux) at its bundled dictionary, unless the PC says otherwise."""
    folder = os.path.join(getattr(sys, "_MEIPASS", ""), "libthai")
    if getattr(sys, "frozen", False) and os.path.isfile(os.path.join(folder, "thbrk.tri")):
        os.environ.setdefault("LIBTHAI_DICTDIR", folder)


if __name__ == "__main__":
    _bundled_libthai()
    if _started_as_cli():
        from ita_desktop.cli.main import main as cli_main

        cli_main()
    else:
        from ita_desktop.app import main as gui_main

        sys.exit(gui_main())
