"""Builds a ``habitat_sim.Configuration`` from the bridge's agent and sensor settings.

The action amounts are the ones announced in the hello (``AgentConfig``): move_forward in metres,
turns and looks in degrees, so what the client reads in the capabilities is what the simulator does.
``habitat_sim`` is passed in (the real module on a user's machine, a recording stand-in in tests);
nothing here imports it.

NOT RUN AGAINST REAL HABITAT-SIM HERE: habitat-sim cannot be installed on the project's machines.
The calls follow habitat-sim's public Python API (0.3.x); pytest checks the mapping with a fake module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from ..api import AgentConfig, SensorSpec

# GOAT-Bench's Stretch camera looks at most 60 degrees up or down (the embedded simulator agrees).
LOOK_LIMIT_DEG = 60.0


@dataclass(frozen=True)
class HabitatSettings:
    scene: str
    dataset_config: Optional[str] = None
    gpu_device_id: int = 0  # -1 renders on the CPU (habitat-sim >= 0.3.2 built with EGL/CPU support)
    seed: int = 0
    semantic_sensor: bool = True
    agent: AgentConfig = AgentConfig()
    sensor: SensorSpec = SensorSpec()


def sensor_specs(habitat_sim: Any, settings: HabitatSettings) -> list:
    """RGB, depth and (optionally) semantic pinhole cameras at the camera height, sharing one resolution and hfov."""
    kinds = [("rgb", habitat_sim.SensorType.COLOR), ("depth", habitat_sim.SensorType.DEPTH)]
    if settings.semantic_sensor:
        kinds.append(("semantic", habitat_sim.SensorType.SEMANTIC))
    specs = []
    for uuid, sensor_type in kinds:
        spec = habitat_sim.CameraSensorSpec()
        spec.uuid = uuid
        spec.sensor_type = sensor_type
        spec.sensor_subtype = habitat_sim.SensorSubType.PINHOLE
        spec.resolution = [settings.sensor.height, settings.sensor.width]
        spec.position = [0.0, settings.agent.camera_height_m, 0.0]
        spec.hfov = settings.sensor.hfov_deg
        specs.append(spec)
    return specs


def action_space(habitat_sim: Any, agent: AgentConfig) -> dict:
    """The bridge's physical actions as habitat ActionSpecs (stop and subtask_stop never reach habitat)."""
    agent_module = habitat_sim.agent
    actuation = agent_module.ActuationSpec

    def look(name: str):
        # constraint: the furthest the camera may pitch, in degrees
        return agent_module.ActionSpec(name, actuation(amount=agent.look_deg, constraint=LOOK_LIMIT_DEG))

    return {
        "move_forward": agent_module.ActionSpec("move_forward", actuation(amount=agent.forward_step_m)),
        "turn_left": agent_module.ActionSpec("turn_left", actuation(amount=agent.turn_deg)),
        "turn_right": agent_module.ActionSpec("turn_right", actuation(amount=agent.turn_deg)),
        "look_up": look("look_up"),
        "look_down": look("look_down"),
    }


def build_configuration(habitat_sim: Any, settings: HabitatSettings) -> Any:
    sim_cfg = habitat_sim.SimulatorConfiguration()
    sim_cfg.scene_id = settings.scene
    if settings.dataset_config:
        sim_cfg.scene_dataset_config_file = settings.dataset_config
    sim_cfg.gpu_device_id = settings.gpu_device_id
    sim_cfg.random_seed = settings.seed
    sim_cfg.enable_physics = False
    sim_cfg.allow_sliding = False  # GOAT-Bench: a blocked step leaves the agent where it was
    sim_cfg.load_semantic_mesh = settings.semantic_sensor

    agent_cfg = habitat_sim.agent.AgentConfiguration()
    agent_cfg.height = settings.agent.height_m
    agent_cfg.radius = settings.agent.radius_m
    agent_cfg.sensor_specifications = sensor_specs(habitat_sim, settings)
    agent_cfg.action_space = action_space(habitat_sim, settings.agent)
    return habitat_sim.Configuration(sim_cfg, [agent_cfg])


def navmesh_settings(habitat_sim: Any, agent: AgentConfig) -> Any:
    """Settings for recomputing a navmesh sized for the agent, when the scene ships none."""
    settings = habitat_sim.nav.NavMeshSettings()
    settings.set_defaults()
    settings.agent_radius = agent.radius_m
    settings.agent_height = agent.height_m
    return settings
