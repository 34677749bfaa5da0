"""Errors that carry a Thai message meant for the user."""


class UserError(Exception):
    """Bad input or a refused action. ``str(error)`` is a Thai message that says where and what."""


class ConflictError(UserError):
    """Someone else changed the row meanwhile; the screen should reload."""
