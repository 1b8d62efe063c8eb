"""Voice for the call: persona voices, playback, the microphone, recognition and tone of voice.

Each part sits behind a small interface with a real backend and a fallback chosen once at start-up
(``open_voices``, ``open_player``, ``open_mic``, ``open_recognizer`` / ``RecognitionWorker``); a
fallback carries a one-line ``notice`` and keeps the game going in text or silent mode. Modules are
imported on demand so the engine, the console and the tests never load audio libraries they do not use.
"""
