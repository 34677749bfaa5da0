"""Progress as a fraction, stages of it, and files written under a temporary name."""

from __future__ import annotations

import threading

import pytest

from ita_desktop.core import progress


class Stop(Exception):
    pass


def test_in_percent_reports_each_whole_percent_once():
    seen = []
    report = progress.in_percent(lambda percent, text: seen.append((percent, text)), "กำลังบันทึก")
    for fraction in (0.0, 0.001, 0.5, 0.504, 0.4, 1.0, 1.2):
        report(fraction)
    assert seen == [(0, "กำลังบันทึก"), (50, "กำลังบันทึก"), (100, "กำลังบันทึก")]


def test_parts_monotonic_and_counter():
    seen = []
    first, second = progress.part(seen.append, 0.0, 0.25), progress.part(seen.append, 0.25, 1.0)
    first(0.5)
    second(0.5)
    assert seen == [0.125, 0.625]
    seen.clear()
    forward = progress.monotonic(seen.append)
    for fraction in (0.2, 0.1, 0.3, 0.3):
        forward(fraction)
    assert seen == [0.2, 0.3]
    seen.clear()
    counter = progress.Counter(seen.append, 4)
    for _ in range(5):
        counter.step()
    assert seen == [0.25, 0.5, 0.75, 1.0, 1.0]


def test_reporting_sets_the_progress_of_this_thread_only():
    seen, other = [], []
    with progress.reporting(seen.append):
        progress.resolve(None)(0.5)
        thread = threading.Thread(target=lambda: other.append(progress.current()))
        thread.start()
        thread.join()
    assert seen == [0.5] and other == [None] and progress.current() is None


def test_atomic_target_renames_only_when_complete(tmp_path):
    target = tmp_path / "รายงาน.pdf"
    with progress.atomic_target(target) as tmp:
        assert tmp.parent == tmp_path and tmp.suffix == ".pdf" and tmp != target
        tmp.write_text("ฉบับใหม่", encoding="utf-8")
        assert not target.exists()
    assert target.read_text(encoding="utf-8") == "ฉบับใหม่"
    with pytest.raises(Stop):
        with progress.atomic_target(target) as tmp:
            tmp.write_text("ครึ่งเดียว", encoding="utf-8")
            raise Stop
    assert target.read_text(encoding="utf-8") == "ฉบับใหม่"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_write_atomically_names_the_clerks_file_in_a_write_error(tmp_path):
    target = tmp_path / "ไม่มีโฟลเดอร์" / "รายงาน.pdf"
    with pytest.raises(OSError) as caught:
        progress.write_atomically(lambda path: path.write_bytes(b"x"), target, lambda f: None)
    assert caught.value.filename == str(target)
