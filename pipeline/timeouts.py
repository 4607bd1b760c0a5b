"""A per-article time limit, so one pathological input cannot stall a worker.

Two mechanisms, because neither is enough alone:

* :func:`time_limit` arms ``SIGALRM`` (``signal.setitimer``) around one stage call and
  raises :class:`ArticleTimeout` inside it when the time is up. Signals only work in a
  process's main thread (worker processes run their batches there; Dask worker threads
  do not), and Python delivers them between bytecodes, so a single C call (one huge
  regex match) finishes before the alarm is seen.
* the cooperative check in ``pipeline.stages.run_stages``: each stage's time is added
  to the document, which is stopped (error ``timeout``) once the total passes the limit.

``ArticleTimeout`` derives from ``BaseException`` so an extractor's ``except Exception``
cannot swallow it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["ArticleTimeout", "alarm_available", "alarm_scope", "time_limit"]

# How many ``alarm_scope`` blocks of the main thread are open (each holds our handler).
_scopes = 0


class ArticleTimeout(BaseException):
    """Raised inside a stage when the article's time is up."""


def alarm_available() -> bool:
    """True where ``SIGALRM`` can interrupt this thread (POSIX, main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _raise_timeout(signum: int, frame: FrameType | None) -> None:
    raise ArticleTimeout


@contextmanager
def alarm_scope() -> Iterator[None]:
    """Keep the ``SIGALRM`` handler installed for every ``time_limit`` inside the block.

    ``run_stages`` sets a limit around each stage call of each article; swapping the
    handler in and out each time (``signal.signal`` twice) costs more than the timer
    itself. Inside a scope ``time_limit`` only arms and disarms the timer. The previous
    handler is restored when the block ends. A no-op where signals are not available.
    """
    global _scopes
    if not alarm_available():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    _scopes += 1
    try:
        yield
    finally:
        _scopes -= 1
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in the body after ``seconds`` (no-op for None / <= 0 / no signals).

    The previous ``SIGALRM`` handler is restored afterwards. The caller must catch
    ``ArticleTimeout`` around the whole ``with`` statement: the alarm may fire while the
    block is being left.
    """
    if seconds is None or seconds <= 0 or not alarm_available():
        yield
        return
    if _scopes:  # our handler is already in place (alarm_scope)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        return
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous)
