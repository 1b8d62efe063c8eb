"""A child Python process that owns one audio engine, spoken to by messages over its stdin and stdout.

Voices and recognisers run outside the game's process: pocketsphinx holds the GIL while it decodes,
pyttsx3 prints to stdout and can hang in ``runAndWait``, and a hung child can simply be killed. The
child is started as ``python -m <module>``, so it never re-imports the game's main script (the trap
of multiprocessing's spawn start), and it works the same on every platform. Messages are pickled
with a length prefix; a reader thread in the parent turns them into a queue the game loop polls.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from typing import IO, Any

_HEADER = struct.Struct("<I")


def _write(stream: IO[bytes], message: Any) -> None:
    payload = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(payload)) + payload)
    stream.flush()


def _read(stream: IO[bytes]) -> Any:
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise EOFError
    (size,) = _HEADER.unpack(header)
    payload = stream.read(size)
    if len(payload) < size:
        raise EOFError
    return pickle.loads(payload)


class WorkerProcess:
    """The parent's end: ``send`` never waits for the child, ``poll`` never blocks."""

    def __init__(self, module: str) -> None:
        self._messages: queue.Queue[Any] = queue.Queue()
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self._process = subprocess.Popen(
            [sys.executable, "-m", module],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        self._outbox: queue.Queue[Any] = queue.Queue()
        self._broken = False
        self._reader = threading.Thread(target=self._read_all, name=f"{module} reader", daemon=True)
        self._reader.start()
        self._writer = threading.Thread(target=self._write_all, name=f"{module} writer", daemon=True)
        self._writer.start()

    def _read_all(self) -> None:
        assert self._process.stdout is not None
        try:
            while True:
                self._messages.put(_read(self._process.stdout))
        except (EOFError, OSError, pickle.UnpicklingError):
            self._messages.put(EOFError())

    def _write_all(self) -> None:
        """Messages go out on their own thread: a child busy in a call that holds its GIL (pocketsphinx
        loading a model) stops reading, and the pipe fills, but the game loop never waits for it."""
        assert self._process.stdin is not None
        while (message := self._outbox.get()) is not None:
            try:
                _write(self._process.stdin, message)
            except (BrokenPipeError, OSError, ValueError):
                self._broken = True
                return

    @property
    def alive(self) -> bool:
        return self._process.poll() is None

    def send(self, message: Any) -> bool:
        """Send one message; False when the child is gone."""
        if not self.alive or self._broken or self._process.stdin is None:
            return False
        self._outbox.put(message)
        return True

    def poll(self, timeout: float = 0.0) -> list[Any]:
        """Messages received so far (waiting up to ``timeout`` for the first); an ``EOFError`` instance
        marks the end of the child."""
        out: list[Any] = []
        try:
            out.append(self._messages.get(timeout=timeout) if timeout > 0 else self._messages.get_nowait())
            while True:
                out.append(self._messages.get_nowait())
        except queue.Empty:
            pass
        return out

    def close(self, grace: float = 2.0) -> None:
        """Ask the child to stop, then make sure it has."""
        self.send(("stop",))
        self._outbox.put(None)
        self._writer.join(timeout=grace)
        if self._process.stdin is not None:
            with contextlib.suppress(OSError):
                self._process.stdin.close()
        try:
            self._process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        """End a child that stopped answering."""
        self._process.kill()
        self._process.wait(timeout=5)


def child_messages() -> tuple[Iterator[Any], Callable[[Any], None]]:
    """The child's end: incoming messages and a reply function. Anything the engine prints to
    stdout afterwards goes to the null device instead of into the message stream."""
    replies = os.fdopen(os.dup(1), "wb")
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the child
    incoming = sys.stdin.buffer

    def messages() -> Iterator[Any]:
        while True:
            try:
                message = _read(incoming)
            except (EOFError, OSError):
                return
            if message[0] == "stop":
                return
            yield message

    def reply(message: Any) -> None:
        _write(replies, message)

    return messages(), reply
