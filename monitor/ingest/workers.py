"""Worker processes fed from one queue of calls: ``Workers(count, initializer).submit(function, *args)``.

A child is ``python -c`` over two pipes: pickled calls in on its stdin, pickled results (or the exception
raised) out on a copy of its stdout, each message its length then its bytes. Not ``multiprocessing``: its
spawned workers share their queues through named semaphores, and a named semaphore needs multiprocessing's
resource tracker, a third process (12.8 MB RSS, ~5 % of a cold `run --once`'s peak) that lives as long as
the pool and only ever unlinks names left behind by a parent killed outright. Pipes leave no names; a child
whose parent is gone reads the end of its stdin and exits.

A child that dies costs only the call it was running (``WorkerDied``); the next call starts another.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import IO, Any

from monitor.ingest.heap import trim_heap

# The child's program: the parent's import path first (its own first message), then ``serve``.
_BOOT = (
    "import pickle, sys; i = sys.stdin.buffer; sys.path[:] = pickle.loads(i.read(int.from_bytes(i.read(8), 'little')));"
    "from monitor.ingest.workers import serve; serve()"
)


class WorkerDied(Exception):
    """The worker process running a call exited (killed, out of memory, crashed) before it answered."""


class _Child:
    """One worker process; calls one at a time (its ``Workers`` thread's)."""

    def __init__(self, initializer: Callable[..., None], initargs: tuple[Any, ...]):
        self.process = subprocess.Popen([sys.executable, "-c", _BOOT], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self._send(list(sys.path))
        self._send((initializer, initargs))

    def call(self, function: Callable[..., Any], args: tuple[Any, ...]) -> Any:
        """``function(*args)`` in the child; raises what it raised there, or ``WorkerDied``."""
        self._send((function, args))
        try:
            raised, value = pickle.loads(_received(self._pipe(self.process.stdout)))
        except (EOFError, OSError) as exc:
            self.stop()
            raise WorkerDied(f"worker process {self.process.pid} exited") from exc
        if raised:
            raise value
        return value

    def _send(self, message: object) -> None:
        data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)  # whole first: a call unpicklable sends nothing
        try:
            _sent(self._pipe(self.process.stdin), data)
        except OSError as exc:  # a broken pipe: the child is gone
            self.stop()
            raise WorkerDied(f"worker process {self.process.pid} exited") from exc

    @staticmethod
    def _pipe(pipe: IO[bytes] | None) -> IO[bytes]:
        assert pipe is not None  # both pipes are opened by Popen
        return pipe

    def stop(self) -> None:
        """Close its stdin (it exits after the call it runs, if any) and wait for it; safe to call twice."""
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):
                    pipe.close()
        self.process.wait()


class Workers:
    """Up to ``count`` worker processes, each started by its thread on its first call, each running
    ``initializer(*initargs)`` first. Thread-safe ``submit``; ``shutdown`` as ``concurrent.futures``'s."""

    def __init__(self, count: int, initializer: Callable[..., None], initargs: tuple[Any, ...] = ()):
        self._init = (initializer, initargs)
        self._calls: queue.SimpleQueue[tuple[Future[Any], Callable[..., Any], tuple[Any, ...]] | None] = (
            queue.SimpleQueue()
        )
        self._children: list[_Child] = []  # those running now (``pids``)
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._serve, daemon=True) for _ in range(max(1, count))]
        for thread in self._threads:
            thread.start()

    def submit(self, function: Callable[..., Any], *args: Any) -> Future[Any]:
        future: Future[Any] = Future()
        self._calls.put((future, function, args))
        return future

    def pids(self) -> list[int]:
        """The worker processes running now."""
        with self._lock:
            return [child.process.pid for child in self._children]

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        """Stop each worker after the calls queued (or, with ``cancel_futures``, after the one it runs)."""
        if cancel_futures:
            while True:
                try:
                    call = self._calls.get_nowait()
                except queue.Empty:
                    break
                if call is not None:
                    call[0].cancel()
        for _ in self._threads:
            self._calls.put(None)
        if wait:
            for thread in self._threads:
                thread.join()

    def _serve(self) -> None:
        child: _Child | None = None
        try:
            while (call := self._calls.get()) is not None:
                future, function, args = call
                if not future.set_running_or_notify_cancel():
                    continue
                try:
                    child = child or self._started()
                    future.set_result(child.call(function, args))
                except WorkerDied as exc:
                    self._forget(child)
                    child = None
                    future.set_exception(exc)
                except BaseException as exc:  # raised in the child, or by pickling the call: the caller's
                    future.set_exception(exc)
        finally:
            if child is not None:
                child.stop()
                self._forget(child)

    def _started(self) -> _Child:
        child = _Child(*self._init)
        with self._lock:
            self._children.append(child)
        return child

    def _forget(self, child: _Child | None) -> None:
        with self._lock:
            if child in self._children:
                self._children.remove(child)


def serve() -> None:
    """A worker process's loop (``_BOOT``): run its initializer, then each call until its stdin ends."""
    calls = sys.stdin.buffer
    results = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # what a library prints goes to stderr, not into a result
    initializer, initargs = pickle.loads(_received(calls))
    initializer(*initargs)
    while True:
        try:
            message = _received(calls)
        except EOFError:  # the parent closed it, or is gone
            return
        try:
            function, args = pickle.loads(message)  # a function this process cannot import raises here
            answer: tuple[bool, Any] = (False, function(*args))
        except Exception as exc:
            answer = (True, exc)
        try:
            data = pickle.dumps(answer, pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # an unpicklable result or exception: say so, not die
            data = pickle.dumps((True, TypeError(f"the worker's answer could not be pickled: {exc!r}")))
        try:
            _sent(results, data)
        except BrokenPipeError:  # the parent is gone
            return
        del message, data, answer
        # The call's body, parse and answer are freed now, scattered through the C heap: its free pages go back
        # (~0.3 ms). Measured on a worker that read 60 newsroom feeds: 80 MB RSS without, ~72 with.
        trim_heap()


def _sent(pipe: IO[bytes], data: bytes) -> None:
    pipe.write(len(data).to_bytes(8, "little"))
    pipe.write(data)
    pipe.flush()


def _received(pipe: IO[bytes]) -> bytes:
    """The next message's bytes, read whole (one allocation of its size); EOFError at the pipe's end."""
    size = int.from_bytes(_exactly(pipe, 8), "little")
    return _exactly(pipe, size)


def _exactly(pipe: IO[bytes], size: int) -> bytes:
    data = pipe.read(size)
    if len(data) < size:
        raise EOFError("the other end of the pipe closed")
    return data
