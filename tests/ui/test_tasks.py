"""Background tasks stay alive until their results reached the GUI thread, then are let go there."""

import gc
import threading
import weakref

from ita_desktop.ui import tasks


def test_a_task_is_held_while_it_runs_and_let_go_on_the_gui_thread_after(qtbot, monkeypatch):
    monkeypatch.setattr(tasks, "RELEASE_AFTER_MS", 50)
    go, results, freed_on = threading.Event(), [], []
    task = tasks.start(lambda progress: (go.wait(5), 42)[1], on_done=results.append)
    ref = weakref.ref(task)
    del task
    gc.collect()
    assert ref() is not None and ref() in tasks._running  # running: held although nobody else holds it
    go.set()
    qtbot.waitUntil(lambda: results == [42], timeout=5000)
    qtbot.waitUntil(lambda: ref() is None, timeout=5000)  # let go after it reported
    assert not any(t is None for t in tasks._running)


def test_a_failed_task_is_let_go_too(qtbot, monkeypatch):
    monkeypatch.setattr(tasks, "RELEASE_AFTER_MS", 50)
    # (pytest keeps logged records, and with them the traceback's frames that hold the task)
    monkeypatch.setattr(tasks.log, "exception", lambda *args, **kwargs: None)
    errors = []

    def fail(progress):
        raise ValueError("x")

    ref = weakref.ref(tasks.start(fail, on_error=lambda exc: errors.append(str(exc))))  # (a kept exception keeps its frames)
    qtbot.waitUntil(lambda: len(errors) == 1 and ref() is None, timeout=5000)
