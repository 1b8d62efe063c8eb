"""The team's results store as the window holds it: handed in (a drill from the command line) or opened
off the frame loop the first time the drills need it. Whoever opened it closes it."""

from __future__ import annotations

from game.store.store import ResultStore


class TeamStore:
    """Holds the results store, or nothing yet; never hands out a half-opened one."""

    def __init__(self, given: ResultStore | None = None) -> None:
        self.store = given
        self.owned = False

    def opened(self, store: ResultStore) -> None:
        """The window opened ``store`` (a background job): keep it, or close it when one is already held."""
        if self.store is not None:
            store.close()
            return
        self.store, self.owned = store, True

    def close(self) -> None:
        if self.store is not None and self.owned:
            self.store.close()
