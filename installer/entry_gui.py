"""PyInstaller entry of ita-desktop: imports the package absolutely (a script has no parent package)."""
import sys

from ita_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
