"""The benchmark scripts still run and print their figures (the figures are not judged here)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

PERF = Path(__file__).parent / "perf"


def test_engine_benchmark_prints_json_figures():
    result = subprocess.run(
        [sys.executable, str(PERF / "bench_engine.py"), "--quick"], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert {"story_600_words_ms", "megabyte_ms", "cli_process_ms"} <= set(figures)
    assert figures["issues_in_story"] > 0


def test_window_benchmark_prints_json_figures():
    result = subprocess.run(
        [sys.executable, str(PERF / "bench_window.py"), "--quick"], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["story_words"] >= 10_000
    assert figures["keystroke_to_underlines_ms"]["samples"] > 0
    assert {"longest_event_loop_block_ms", "start_to_ready_ms"} <= set(figures)


def test_window_benchmark_with_languagetool_prints_its_figures_too():
    result = subprocess.run(
        [sys.executable, str(PERF / "bench_window.py"), "--quick", "--languagetool"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["languagetool_requests"] > 0
    assert figures["keystroke_to_underlines_ms"]["samples"] > 0


def test_changes_benchmark_prints_json_figures():
    result = subprocess.run(
        [sys.executable, str(PERF / "bench_changes.py"), "--quick"], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["find_changes_ms"]["100_words_retyped"]["changes"] >= 100
    assert figures["window"]["story_words"] >= 10_000 and figures["window"]["by_fixes"] > 0
    assert {"show_changes_tab_ms", "export_html_ms", "recovery_copy_ms"} <= set(figures["window"])


def test_hard_text_benchmark_prints_json_figures():
    from tests.hard_texts import HARD_TEXTS

    result = subprocess.run(
        [sys.executable, str(PERF / "bench_hard_texts.py"), "--quick"], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert set(figures["texts"]) == set(HARD_TEXTS)
    ((slowest, entry),) = figures["slowest"].items()
    assert slowest in HARD_TEXTS and entry["cli_with_start_s_per_mb"] > 0 and "cli_s_per_mb" in entry
    assert figures["cli_start_s"] > 0 and figures["runs"] == 1


def test_command_line_grammar_benchmark_prints_both_calls():
    from tests.grammar.recorded_languagetool import RECORDINGS

    if not RECORDINGS.is_dir():
        pytest.skip("the recorded LanguageTool answers (shared/languagetool beside the repository) are not here")
    result = subprocess.run(
        [sys.executable, str(PERF / "bench_cli_grammar.py"), "--runs", "1"], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["first_call_ms"]["runs"] and figures["second_call_ms"]["runs"]
    assert figures["first_call_says_starting"] is True


def test_window_benchmark_runs_with_the_find_bar_open():
    result = subprocess.run(
        [sys.executable, str(PERF / "bench_window.py"), "--quick", "--find", "the"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["find_bar"]["query"] == "the" and "1,34" in figures["find_bar"]["count"]  # 1,340 before the typing
