"""One path for a call and a drill, with no window: the window, the consoles, replay and the demo drive it."""

from game.session.call import CallSession, TurnResult
from game.session.drill import CallStore, DrillSession, TakenCall

__all__ = ["CallSession", "CallStore", "DrillSession", "TakenCall", "TurnResult"]
