"""Helper processes of the build: started with `spawn`, ended outright when the build is done."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def start_pool(most: int, initializer=None, initargs: tuple = ()) -> ProcessPoolExecutor:
    # spawn, not fork: a forked copy of a process whose vl-convert engine already runs deadlocks,
    # and a fresh process does not inherit the main process's half-finished state
    return ProcessPoolExecutor(most, mp_context=multiprocessing.get_context("spawn"),
                               initializer=initializer, initargs=initargs)


def end_pool(pool: ProcessPoolExecutor) -> None:
    """Stop the pool's processes now, without waiting for them to finish on their own.

    Nothing is left in them to save, and a worker shutting its JavaScript engine down takes about
    a second (Python 3.14 has terminate_workers() for this). The list is taken before shutdown(),
    which forgets it.
    """
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        process.terminate()
    # With its processes gone, the pool's own thread finishes at once; waiting for it means it
    # has released its semaphores before the command ends its process (see cli.run).
    pool.shutdown(wait=True, cancel_futures=True)
    for process in processes:
        process.join()
