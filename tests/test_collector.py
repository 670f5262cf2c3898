"""The cycle collector is paused only for the block, and resumes even when the block fails."""

from __future__ import annotations

import gc

import pytest
from vanban.build import collector


def test_paused_block_and_resume_on_error():
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector.paused():
        raise ValueError("lỗi")
    assert gc.isenabled()


def test_a_paused_block_inside_another_keeps_the_outer_pause():
    with collector.paused():
        with collector.paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_settle_and_release_move_objects_out_of_and_back_into_collections():
    kept = [[index] for index in range(100)]
    try:
        collector.settle()
        assert gc.get_freeze_count() >= len(kept)
    finally:
        collector.release()
    assert gc.get_freeze_count() == 0
