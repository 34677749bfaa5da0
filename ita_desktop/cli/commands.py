"""The list of sub-commands. Each module has ``register(subparsers)`` setting ``handler``."""

from . import (
    cmd_analysis,
    cmd_audit,
    cmd_backup,
    cmd_demo,
    cmd_export,
    cmd_import,
    cmd_memo,
    cmd_offices,
    cmd_overview,
    cmd_package,
    cmd_report,
    cmd_restore,
    cmd_scores,
)

ALL = [cmd_demo, cmd_offices, cmd_scores, cmd_import, cmd_export, cmd_memo, cmd_report, cmd_analysis, cmd_backup,
       cmd_restore, cmd_audit, cmd_package, cmd_overview]
