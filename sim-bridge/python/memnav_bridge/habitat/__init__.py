"""The Habitat-Sim backend. Importing this package does not import habitat_sim; the backend takes
the module as an argument, and ``python -m memnav_bridge.habitat`` imports it at start-up.

Written against habitat-sim's public API; NOT run against a real habitat-sim on the project's
machines (it cannot be installed there). pytest checks the mapping with a fake module.
"""

from .backend import HabitatBackend
from .config import HabitatSettings

__all__ = ["HabitatBackend", "HabitatSettings"]
