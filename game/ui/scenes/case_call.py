"""A case's call: the same call scene, met as the case leaves the debtor, and leading to the case note.

The persona's scenario is played as the case engine meets it on the chosen day (the balance left, the
starting mood the time and the last calls give, the file's last entries); when the call is over the
trainee writes the note instead of reading a call scorecard (the case scorecard scores every call).
"""

from __future__ import annotations

from game.cases.timing import parse_local
from game.ui import routes
from game.ui.case_run import CaseRun
from game.ui.scene import Kit
from game.ui.scenes.call import CallScene


class CaseCallScene(CallScene):
    """A call of a case; Enter at its end opens the note form."""

    name = "case_call"

    def __init__(self, kit: Kit, run: CaseRun, at: str) -> None:
        attempt = run.attempt(parse_local(at))
        super().__init__(kit, attempt.met, run.seed + attempt.index)
        self.run = run
        self.at = at

    def to_scorecard(self) -> None:
        """The call is over: write the case note (the record as it stands, however the call ended)."""
        self.leaving = True
        self.swap(routes.CaseNote(self.run, self.at, self.record()))


@routes.opens(routes.CaseCall)
def _open(kit: Kit, route: routes.CaseCall) -> CaseCallScene:
    return CaseCallScene(kit, route.run, route.at)
