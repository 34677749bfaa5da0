import gc
import threading

from ita_desktop.core.gcpause import collector_paused


def test_collector_is_off_inside_and_back_on_after_nested_and_concurrent_pauses():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
        inside, release = threading.Event(), threading.Event()

        def other():
            with collector_paused():
                inside.set()
                release.wait(5)

        thread = threading.Thread(target=other)
        thread.start()
        inside.wait(5)
    assert not gc.isenabled()  # the other thread's pause still holds
    release.set()
    thread.join()
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
