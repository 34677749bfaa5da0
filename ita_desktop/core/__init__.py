"""Pure domain logic. Must not import Qt or SQLAlchemy (checked by tests/core/test_layers.py)."""
