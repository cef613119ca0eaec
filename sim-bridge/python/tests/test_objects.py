"""The Python objects write exactly the fields PROTOCOL.md section 8 lists, read from the document
itself, so a field added to the protocol fails here until the Python side sends it too."""

import re
from pathlib import Path

import numpy as np
import pytest

from memnav_bridge.api import (AgentConfig, Capabilities, EpisodeSpec, EpisodeStatus, Goal, Observation, Pose,
                               SceneInfo, SceneObject, SensorSpec, SubtaskOutcome)

PROTOCOL_MD = Path(__file__).resolve().parents[2] / "PROTOCOL.md"


def documented_fields():
    text = PROTOCOL_MD.read_text(encoding="utf-8")
    section = text[text.index("## 8. Shared objects"):text.index("## 9. Methods")]
    blocks = re.findall(r"```text\n(.*?)```", section, re.S)
    fields = {}
    for block in blocks:
        name = None
        for line in block.splitlines():
            head = re.match(r"^([A-Za-z]+)\s+\{", line)
            if head:
                name = head.group(1)
                fields[name] = set()
            if name is not None and not line.startswith(" " * 2 + "(") and not re.match(r"^blob ", line):
                code = line.split("//", 1)[0]
                fields[name] |= set(re.findall(r'"([a-z_]+)":', code))
    return fields


GOAL = Goal("image", "chair", "the chair in this picture", 4, np.zeros((2, 3, 3), np.uint8))
OUTCOME = SubtaskOutcome(0, GOAL, True, 0.5, 2.0, 4.0, 17, 0.3, False, True)
STATUS = EpisodeStatus(1, 3, 0, False, OUTCOME)

EXAMPLES = {
    "Pose": Pose((1.0, 0.0, 2.0), 0.5).to_json(),
    "AgentConfig": AgentConfig().to_json(),
    "SensorSpec": SensorSpec().to_json(),
    "Capabilities": Capabilities("x", AgentConfig(), SensorSpec()).to_json("1.0"),
    "Goal": GOAL.to_json(),
    "EpisodeSpec": EpisodeSpec("e", "s", 7, Pose((0.0, 0.0, 0.0), 0.0), (GOAL,)).to_json(),
    "SceneObject": SceneObject(4, "chair", None, (1.0, 0.4, 2.0), (0.5, 0.9, 0.5)).to_json(),
    "SceneInfo": SceneInfo("s", ()).to_json(),
    "SubtaskOutcome": OUTCOME.to_json(),
    "EpisodeStatus": STATUS.to_json(),
    "ObservationFields": Observation(3, Pose((0.0, 0.0, 0.0), 0.0), False, STATUS, np.zeros((2, 2, 3), np.uint8),
                                     np.zeros((2, 2), np.float32)).fields_json(),
}


def test_every_documented_object_has_an_example():
    assert set(documented_fields()) == set(EXAMPLES)


def written_fields(obj: dict) -> set:
    """Top-level keys plus those of objects the document spells out inline (a goal's image)."""
    keys = set(obj)
    if isinstance(obj.get("image"), dict):
        keys |= set(obj["image"])
    return keys


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_objects_write_exactly_the_documented_fields(name):
    assert written_fields(EXAMPLES[name]) == documented_fields()[name]


def test_a_goal_image_is_base64_of_rgb_rows_and_other_goals_have_none():
    image = GOAL.to_json()["image"]
    assert (image["width"], image["height"]) == (3, 2) and len(image["data"]) == 24  # 18 bytes in base64
    assert Goal("object", "chair", "find a chair").to_json()["image"] is None
