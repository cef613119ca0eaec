# Makes `memnav_bridge` importable when pytest runs from the repository root
# (/usr/bin/python3 -m pytest sim-bridge/python): pytest puts this folder on sys.path.
