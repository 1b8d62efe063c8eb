"""Slow work off the frame loop: a worker thread runs it and reports back with a pygame event.

Saving progress, reloading scenario files and preparing voice lines take from milliseconds to
seconds; the loop must keep drawing at 60 frames a second meanwhile. A finished job posts
``JOB_DONE`` carrying its name and its result (or the error), read by the one input gateway.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

import pygame

JOB_DONE = pygame.event.custom_type()


class Jobs:
    """A single worker thread, so jobs (saves in particular) finish in the order they were given."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="collector-sim-job")
        self._pending: list[Future[Any]] = []

    def submit(self, name: str, work: Callable[[], Any]) -> None:
        def run() -> None:
            try:
                result, error = work(), None
            except Exception as err:  # reported to the scene as an event, never lost
                result, error = None, err
            pygame.event.post(pygame.event.Event(JOB_DONE, name=name, result=result, error=error))

        self._pending = [f for f in self._pending if not f.done()]
        self._pending.append(self._pool.submit(run))

    def settle(self, timeout: float = 10.0) -> None:
        """Wait for every job given so far (tests, and before the window closes)."""
        wait(self._pending, timeout=timeout)
        self._pending = [f for f in self._pending if not f.done()]

    def close(self) -> None:
        self.settle()
        self._pool.shutdown(wait=True)
