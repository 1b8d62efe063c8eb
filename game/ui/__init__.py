"""The game window: pygame-ce scenes over the engine and scoring (see ``game.ui.app``).

pygame prints a greeting on import; the window's messages are the only ones a trainee should see.
"""

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
