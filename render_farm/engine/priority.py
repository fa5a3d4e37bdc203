"""Background threads that give way to the encoder.

A render keeps every core busy with libx264's threads. Work that has slack (the film's sound:
mixing, writing the scene WAVs, AAC) runs in threads of lower priority, so it takes the moments
the encoder leaves idle instead of slowing it. On Linux a thread's nice value is its own
(``setpriority`` on its thread id); elsewhere the threads run at normal priority.

A thread started by a lowered thread inherits its priority. OpenCV keeps one pool of worker
threads for the whole process, created by whichever thread first runs a parallel operation: a
lowered thread makes sure that pool exists before lowering itself, so the compositing never
waits on workers that were born lowered.
"""

from __future__ import annotations

import functools
import os
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import cv2
import numpy as np

BACKGROUND_NICE = 10
"""How much lower than the render's own threads: about a tenth of the CPU share when both want
it (Linux CFS weights), while a background thread holding the GIL still gets to run soon."""


@functools.cache
def _start_opencv_pool() -> None:
    """Once per process: a resize this big runs as a parallel loop, which starts the pool."""
    picture = np.zeros((720, 1280), np.uint8)
    cv2.resize(picture, (640, 360), interpolation=cv2.INTER_LINEAR)


def lower_this_thread(nice: int = BACKGROUND_NICE) -> bool:
    """Lower the calling thread's priority (Linux); returns whether it was lowered."""
    if not sys.platform.startswith("linux") or nice <= 0:
        return False
    _start_opencv_pool()
    try:
        current = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), min(19, current + nice))
    except OSError:
        return False
    return True


def background_pool(workers: int, name: str) -> ThreadPoolExecutor:
    """A thread pool whose threads run below the render's priority (see the module's text)."""
    return ThreadPoolExecutor(workers, thread_name_prefix=name, initializer=lower_this_thread)
