"""Warm the classifier of a call's language before the call, so the trainee's first line is not the slow one.

The window warms English when it opens; a Chinese call also needs the Chinese lexicon and the word
segmenter (about half a second), loaded on the job thread while the trainee reads the briefing.
"""

from __future__ import annotations

from game.engine.understand.reader import prepare
from game.ui.jobs import Jobs

READY_JOB = "understanding_ready"


def warm_understanding(jobs: Jobs, language: str) -> None:
    """Load ``language``'s classifier off the loop (English is loaded when the window opens)."""
    if language != "en":
        jobs.submit(READY_JOB, lambda: prepare(language))
