"""A small grid world with the full simulator API and no dependency beyond numpy, so the Python
server's wire code runs for real anywhere (the cross-language conformance suite uses it)."""

from .backend import GridWorldBackend

__all__ = ["GridWorldBackend"]
