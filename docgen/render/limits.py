"""The bounds on what a template may make docgen do: memory, time, and the size of a .docx.

A firm's template is code docgen runs. The sandbox already keeps it from reaching files or Python
internals; these bounds keep it from exhausting the machine (a CI runner, a lawyer's laptop):

- **sizes** inside the sandbox (:func:`check_size` and the checks before ``*``, ``**``, ``+``,
  ``%``, ``str.format``, the growing string methods and filters): no string or list of more than
  :data:`MAX_SIZE` characters or items, no ``range`` of more than :data:`MAX_RANGE` numbers, no
  whole number of more than :data:`MAX_INT_BITS` bits, no rendered part of more than
  :data:`MAX_OUTPUT` characters;
- **time**: a document's rendering stops after :func:`render_timeout` seconds (default
  :data:`RENDER_TIMEOUT`, or ``DOCGEN_RENDER_TIMEOUT``);
- **the .docx zip** (:mod:`docgen.render.archive`): :data:`MAX_ENTRIES` parts, none declaring more
  than :data:`MAX_ENTRY_SIZE` bytes, :data:`MAX_TOTAL_SIZE` in all, and no part larger than
  :data:`RATIO_FLOOR` bytes that expands more than :data:`MAX_RATIO` times.

Each limit is far above what any filing needs (a filing is some tens of kilobytes); crossing one is
a broken template (exit 3) with a message saying which limit and where.
"""

from __future__ import annotations

import ctypes
import os
import threading
import time
from typing import Any

from docgen.errors import InvalidRequestError

MAX_SIZE = 10_000_000
"""Characters of a string, items of a list, that a template may build."""
MAX_RANGE = 10_000
"""Numbers a ``range()`` in a template may count (Jinja's own sandbox allows 100,000)."""
MAX_INT_BITS = 100_000
"""Bits of a whole number a template may compute with ``**`` (about 30,000 digits)."""
MAX_OUTPUT = 50_000_000
"""Characters one rendered part (``word/document.xml``, a text document) may have."""
RENDER_TIMEOUT = 60.0
"""Seconds one document may take to render unless ``DOCGEN_RENDER_TIMEOUT`` says."""

MAX_TEMPLATE_FILE = 20_000_000
"""Bytes of a text (.md) template file."""
MAX_ENTRIES = 5_000
"""Parts of a .docx template."""
MAX_ENTRY_SIZE = 100_000_000
"""Bytes one part of a .docx template may declare (uncompressed)."""
MAX_TOTAL_SIZE = 250_000_000
"""Bytes all the parts of a .docx template may declare together (uncompressed)."""
MAX_RATIO = 200
"""How many times a large part may expand (Word's XML: 5–30 times; a zip bomb: about 1,000)."""
RATIO_FLOOR = 1_000_000
"""Parts smaller than this (uncompressed) are not held to :data:`MAX_RATIO`."""


class TemplateLimitError(Exception):
    """A template crossed one of the limits; the message says which, in words for its author."""


class RenderTimeout(TemplateLimitError):
    """Raised inside the rendering thread when a document takes longer than the time limit."""


def render_timeout() -> float:
    """Seconds a document may take: ``DOCGEN_RENDER_TIMEOUT`` or :data:`RENDER_TIMEOUT`."""
    value = os.environ.get("DOCGEN_RENDER_TIMEOUT", "").strip()
    if not value:
        return RENDER_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not seconds > 0 or seconds != seconds or seconds == float("inf"):
        raise InvalidRequestError(
            f"DOCGEN_RENDER_TIMEOUT must be a number of seconds greater than 0, not `{value}`"
        )
    return seconds


def number(value: int) -> str:
    return f"{value:,}"


_SIZED = (str, bytes, list, tuple, dict, set, frozenset)


def check_size(value: Any, what: str = "value") -> Any:
    """``value`` itself, unless it is a string or collection larger than :data:`MAX_SIZE`."""
    if isinstance(value, _SIZED):
        size = len(value)
        if size > MAX_SIZE:
            raise TemplateLimitError(too_big(what, size))
    return value


def too_big(what: str, size: int) -> str:
    unit = "characters" if what in ("string", "text") else "items"
    return (
        f"the template builds a {what} of {number(size)} {unit}; a template may build at most "
        f"{number(MAX_SIZE)}"
    )


def sized(value: Any) -> int | None:
    """The length of a string, list or tuple (what ``*`` and ``+`` repeat), else None."""
    return len(value) if isinstance(value, (str, list, tuple)) else None


def kind(value: Any) -> str:
    return "string" if isinstance(value, str) else "list"


def check_repeat(sequence: Any, times: Any) -> None:
    """Before ``sequence * times``."""
    size = sized(sequence)
    if size is not None and isinstance(times, int) and size * max(times, 0) > MAX_SIZE:
        raise TemplateLimitError(too_big(kind(sequence), size * times))


def check_power(base: Any, exponent: Any) -> None:
    """Before ``base ** exponent`` on whole numbers."""
    if not (isinstance(base, int) and isinstance(exponent, int)) or exponent <= 0:
        return
    bits = max(abs(base).bit_length() - 1, 0) * exponent
    if abs(base) > 1 and bits > MAX_INT_BITS:
        raise TemplateLimitError(
            f"the template computes {base} ** {exponent}, a number of about {number(bits)} bits; "
            f"a template may compute numbers of at most {number(MAX_INT_BITS)} bits"
        )


def check_width(width: Any, what: str) -> None:
    """Before a padding or repetition of ``width`` (``center(width)``, ``'%*s'``)."""
    if isinstance(width, int) and width > MAX_SIZE:
        raise TemplateLimitError(
            f"the template asks for {what} of {number(width)} characters; "
            f"a template may build at most {number(MAX_SIZE)}"
        )


class time_limit:
    """Raise :class:`RenderTimeout` in this thread if the block runs longer than ``seconds``
    (default :func:`render_timeout`), or :class:`TemplateLimitError` if the process grows by more
    than :data:`MAX_RENDER_MEMORY` bytes meanwhile.

    The process's one watchdog thread raises the exception in this thread between two Python
    instructions, so it stops any template loop, in any thread, without signals.
    """

    def __init__(self, seconds: float | None = None) -> None:
        self.seconds = render_timeout() if seconds is None else seconds

    def __enter__(self) -> None:
        self.watch = _Watch(threading.get_ident(), self.seconds)
        _WATCHDOG.add(self.watch)

    def __exit__(self, *exc: object) -> None:
        _WATCHDOG.remove(self.watch)


MAX_RENDER_MEMORY = 1 << 30
"""Bytes the process may grow by while one document renders (a filing needs a few megabytes)."""
POLL = 0.025
"""Seconds between two looks of the watchdog at the clock and the process's memory."""


def resident_memory() -> int | None:
    """The process's resident memory in bytes (Linux), else its peak (elsewhere), else None."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    try:
        import resource
        import sys

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024
    except (ImportError, OSError, ValueError):
        return None


class _Watch:
    """One block under a time limit: its thread, deadline and the memory when it began."""

    def __init__(self, thread: int, seconds: float) -> None:
        self.thread, self.seconds = thread, seconds
        self.deadline = time.monotonic() + seconds
        self.memory: int | None = None  # taken by the watchdog at its first look
        self.fired = False


class _Watchdog:
    """One thread per process looks at every running :class:`_Watch` every :data:`POLL` s (and
    sleeps while there is none), so a time limit costs a lock, not a thread, per document."""

    def __init__(self) -> None:
        self.lock = threading.Condition()
        self.watches: dict[int, _Watch] = {}
        self.pid: int | None = None

    def add(self, watch: _Watch) -> None:
        with self.lock:
            if self.pid != os.getpid():  # first use, or a forked child: it has no watchdog
                self.pid, self.watches = os.getpid(), {}
                threading.Thread(target=self.run, name="docgen-render-limit", daemon=True).start()
            self.watches[id(watch)] = watch
            self.lock.notify()

    def remove(self, watch: _Watch) -> None:
        try:
            with self.lock:
                self.watches.pop(id(watch), None)
                fired = watch.fired
            if fired:  # the block finished although the watchdog fired: drop what is pending
                _raise_in(watch.thread, None)
        except TemplateLimitError:  # delivered while stopping: the block had finished anyway
            pass

    def run(self) -> None:
        while True:
            with self.lock:
                while not self.watches:
                    self.lock.wait()
                self.lock.wait(POLL)
                if self.watches:
                    self.look(list(self.watches.values()))

    def look(self, watches: list[_Watch]) -> None:
        now, memory = time.monotonic(), resident_memory()
        for watch in watches:
            if watch.fired:
                continue
            if watch.memory is None:
                watch.memory = memory
            grown = memory - watch.memory if memory and watch.memory else 0
            if now >= watch.deadline:
                watch.fired = True
                _raise_in(watch.thread, _timeout_class(watch.seconds))
            elif grown > MAX_RENDER_MEMORY:
                watch.fired = True
                _raise_in(watch.thread, _memory_class(grown))


_WATCHDOG = _Watchdog()
if hasattr(os, "register_at_fork"):  # a child has no watchdog thread, and its lock may be held
    os.register_at_fork(after_in_child=lambda: _WATCHDOG.__init__())  # type: ignore[misc]


def _timeout_class(seconds: float) -> type[TemplateLimitError]:
    message = (
        f"the template took longer than {seconds:g} s to render one document and was stopped "
        "(a loop that does not end, or far too much work); allow more time with "
        "DOCGEN_RENDER_TIMEOUT=SECONDS"
    )
    return type("RenderTimeout", (RenderTimeout,), {"__init__": _fixed_message(message)})


def _memory_class(grown: int) -> type[TemplateLimitError]:
    message = (
        f"the template made docgen use {grown // 2**20:,} MB more memory while rendering one "
        f"document and was stopped; a document may take at most {MAX_RENDER_MEMORY // 2**20:,} MB"
    )
    return type("TemplateLimitError", (TemplateLimitError,), {"__init__": _fixed_message(message)})


def _fixed_message(message: str) -> Any:
    def init(self: TemplateLimitError, *args: object) -> None:
        TemplateLimitError.__init__(self, message)

    return init


def _raise_in(thread: int, exception: type[BaseException] | None) -> None:
    """Raise ``exception`` in ``thread`` at its next instruction (None: cancel a pending one)."""
    setter = getattr(getattr(ctypes, "pythonapi", None), "PyThreadState_SetAsyncExc", None)
    if setter is None:  # not CPython: no time limit
        return
    target = ctypes.py_object(exception) if exception is not None else None
    setter(ctypes.c_ulong(thread), target)
