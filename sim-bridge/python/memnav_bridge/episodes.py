"""Judges the subtasks of a lifelong episode the way the Java embedded simulator does (and
Habitat-Lab's measures): success = subtask_stop within the success distance (geodesic) of a goal
view point; SPL from the subtask's own start; a subtask also ends when its action budget runs out.

Shared by every Python backend so they agree with each other and with the Java side on what
``actions``, ``spl`` and ``last_outcome`` mean.
"""

from __future__ import annotations

from typing import AbstractSet, Callable, List, Optional, Sequence

from .api import EpisodeStatus, Goal, Point, SubtaskOutcome

# distance_to_goal(subtask_index, position) -> geodesic metres to the nearest view point of that goal
GoalDistance = Callable[[int, Point], float]


class EpisodeTracker:
    def __init__(self, goals: Sequence[Goal], distance_to_goal: GoalDistance, success_distance_m: float,
                 max_actions_per_subtask: int, start: Point,
                 goal_instances: Optional[Sequence[AbstractSet[int]]] = None):
        """``goal_instances``: per goal, the instance ids that satisfy it (every instance of the category
        for an object goal, the named one otherwise); a goal overlapping an earlier one is a revisit."""
        if not goals:
            raise ValueError("an episode needs at least one goal")
        self._goals = tuple(goals)
        self._revisits = _revisits(goal_instances) if goal_instances is not None else [False] * len(goals)
        self._distance = distance_to_goal
        self._success_distance = success_distance_m
        self._budget = max_actions_per_subtask
        self._subtask = 0
        self._actions = 0
        self._path_length = 0.0
        self._subtask_start = start
        self._over = False

    @property
    def over(self) -> bool:
        return self._over

    @property
    def subtask(self) -> int:
        """The current subtask (the last one once the episode is over)."""
        return min(self._subtask, len(self._goals) - 1)

    def count_action(self, moved_m: float, position: Point) -> Optional[SubtaskOutcome]:
        """Counts one action (not subtask_stop/stop) and the distance it moved; the outcome if the budget just ran out."""
        self._actions += 1
        self._path_length += moved_m
        if self._actions >= self._budget:
            return self.finish(position, budget_exhausted=True)
        return None

    def finish(self, position: Point, budget_exhausted: bool = False) -> SubtaskOutcome:
        """Judges the current subtask at ``position`` and moves on to the next."""
        index = self._subtask
        final_distance = self._distance(index, position)
        shortest = self._distance(index, self._subtask_start)
        success = not budget_exhausted and final_distance <= self._success_distance
        if not success:
            spl = 0.0
        elif shortest <= 0 and self._path_length <= 0:
            spl = 1.0
        else:
            spl = shortest / max(shortest, self._path_length)
        outcome = SubtaskOutcome(index, self._goals[index], success, spl, shortest, self._path_length, self._actions,
                                 final_distance, budget_exhausted, self._revisits[index])
        self._subtask += 1
        self._actions = 0
        self._path_length = 0.0
        self._subtask_start = position
        if self._subtask >= len(self._goals):
            self._over = True
        return outcome

    def end_episode(self) -> None:
        self._over = True

    def status(self, last_outcome: Optional[SubtaskOutcome]) -> EpisodeStatus:
        return EpisodeStatus(self.subtask, len(self._goals), self._actions, self._over, last_outcome)


def _revisits(goal_instances: Sequence[AbstractSet[int]]) -> List[bool]:
    seen: set = set()
    flags = []
    for instances in goal_instances:
        flags.append(bool(seen & set(instances)))
        seen |= set(instances)
    return flags
