"""The list of sub-commands. Each module has ``register(subparsers)`` setting ``handler``."""

from . import cmd_backup, cmd_demo, cmd_export, cmd_import, cmd_memo, cmd_offices, cmd_scores

ALL = [cmd_demo, cmd_offices, cmd_scores, cmd_import, cmd_export, cmd_memo, cmd_backup]
from . import cmd_overview; ALL.append(cmd_overview)  # noqa: E402,E702  (issue 14: ita-cli overview)
