"""The browser benchmark's table (bench/browser_timing.markdown) and the values it types: what docs/benchmarks.md
records is what was measured, with a before column only when another checkout was timed."""
from __future__ import annotations

from bench.browser_timing import markdown, typed_rises

ROW = {"what": "language switch", "app": 0.505, "page": 0.158, "ratio": 0.505 / 0.158, "app_kib": 13.2,
       "page_kib": 0.6, "app_cpu": 0.267, "page_cpu": 0.070}


def test_the_table_has_the_apps_time_ratio_bytes_and_cpu_in_norwegian_numbers():
    lines = markdown([ROW]).splitlines()
    assert lines[0].startswith("| interaction, in the browser | the app | minimal page | ratio |")
    assert lines[2] == "| language switch | 505 ms | 158 ms | 3,20× | 13 / 1 KiB | 267 / 70 ms |"


def test_with_a_checkout_timed_against_it_each_cell_reads_before_then_after():
    row = {**ROW, "before": 0.544, "before_ratio": 0.544 / 0.158, "before_kib": 18.0, "before_cpu": 0.316}
    lines = markdown([row]).splitlines()
    assert "the app before → after" in lines[0]
    assert lines[2] == ("| language switch | 544 → 505 ms | 158 ms | 3,44× → 3,20× | 18 → 13 / 1 KiB | "
                        "316 → 267 / 70 ms |")


def test_the_rises_typed_are_new_in_every_round_and_never_the_examples_own():
    typed = [rise for k in range(50) for rise in typed_rises(k)]
    assert len(set(typed)) == len(typed) and 350 not in typed and all(rise % 2 for rise in typed)
