"""Run a function over a stream of items in worker processes, results in input order.

Ingest reads its sources one by one (a JSON Lines file of 100k articles is never held in
memory), so work goes out as the items come and at most ``window`` items are in flight.
Workers are forked where the platform allows it, so they start with the parent's modules and
loaded tables (the gazetteer, the lexicons) instead of building them again. They ignore
Ctrl-C (the parent handles it and stops them) and exit on their own if the parent is killed.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from crossref.errors import CrossrefError

In = TypeVar("In")
Out = TypeVar("Out")

WINDOW_PER_WORKER = 32
"""Items in flight per worker: enough to keep each busy while the parent stores results."""

WORKER_NICENESS = 10
"""How much lower the workers' CPU priority is than the parent's. The parent's work (storing
and grouping, in input order) cannot be shared out, so when workers and parent want more CPUs
than there are, the parent goes first: on two cores with two workers a 10k ingest took 138 s
instead of 156–170 s."""


def default_workers() -> int:
    """The CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def ordered_map(
    func: Callable[[In], Out],
    items: Iterable[In],
    *,
    workers: int,
    initializer: Callable[[], None] | None = None,
    window: int | None = None,
) -> Iterator[Out]:
    """``map(func, items)`` over ``workers`` processes (in this process when ``workers`` is 1).

    ``func`` must be a module-level function. ``initializer`` runs in the parent before the
    workers start (and so, forked, they inherit what it loaded). Raises CrossrefError if a
    worker dies.
    """
    if initializer is not None:
        initializer()
    if workers <= 1:
        yield from map(func, items)
        return
    window = window or workers * WINDOW_PER_WORKER
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    executor = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_worker_setup, initargs=(os.getpid(),)
    )
    pending: deque[Future[Out]] = deque()
    try:
        for item in items:
            pending.append(executor.submit(func, item))
            if len(pending) >= window:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())
    finally:
        for future in pending:
            future.cancel()
        executor.shutdown(wait=True, cancel_futures=True)


def _result(future: Future[Out]) -> Out:
    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise CrossrefError(
            "a worker process died (out of memory or killed?); what was stored before is kept. "
            "Try again, or with --workers 1"
        ) from exc


def _worker_setup(parent: int) -> None:
    if hasattr(os, "nice"):
        os.nice(WORKER_NICENESS)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the pool on Ctrl-C
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent was killed (kill -9 leaves no one to stop it) exits."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)
