"""MemNav sim-bridge, Python side: the wire protocol (standard library + numpy), a threaded TCP
server that hosts any ``SimulatorBackend``, a numpy grid-world backend and a Habitat-Sim backend.

Entry points:
    python -m memnav_bridge.gridworld --port 5555
    python -m memnav_bridge.habitat --scene X.glb --port 5555 [--gpu-device-id -1]
"""

from .protocol import CURRENT_VERSION

__version__ = "0.1.0"
PROTOCOL_VERSION = str(CURRENT_VERSION)
