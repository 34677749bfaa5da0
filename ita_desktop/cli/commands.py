"""The list of sub-commands. Each module has ``register(subparsers)`` setting ``handler``."""

from . import cmd_backup, cmd_demo, cmd_export, cmd_import, cmd_memo, cmd_offices, cmd_scores
from . import cmd_analysis

ALL = [cmd_demo, cmd_offices, cmd_scores, cmd_import, cmd_export, cmd_memo, cmd_backup]
ALL += [cmd_analysis]
