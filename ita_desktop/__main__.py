import sys

from ita_desktop.app import main

sys.exit(main())
