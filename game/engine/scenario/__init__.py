"""Scenario files: the format, reading with positions, validation, archetype defaults."""

from game.engine.scenario.library import Loaded, ScenarioError, load_all, load_file, load_scenario
from game.engine.scenario.located_yaml import Problem
from game.engine.scenario.models import Scenario

__all__ = ["Loaded", "Problem", "Scenario", "ScenarioError", "load_all", "load_file", "load_scenario"]
