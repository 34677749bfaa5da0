"""PyInstaller entry of ita-cli: imports the package absolutely (a script has no parent package)."""
from ita_desktop.cli.main import main

if __name__ == "__main__":
    main()
