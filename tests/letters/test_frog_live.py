"""A few tests against a real, warm Frog (skipped only where Frog is not installed)."""

from __future__ import annotations

import threading

import pytest

from doenvermogen.letters.analysis import AnalyzerError, FrogAnalyzer, FrogProcess, check_letter
from doenvermogen.letters.analysis.analyzers import FrozenAnalyzer, analyze_text
from tests.letters.conftest import FROG_DIR
from tests.letters.fixture_texts import OUDEGRACHT, TEXTS

pytestmark = pytest.mark.frog


def test_live_frog_matches_frozen_output(frog) -> None:  # type: ignore[no-untyped-def]
    frozen = FrozenAnalyzer(FROG_DIR)
    for text in (OUDEGRACHT, TEXTS["passive_zijn"], TEXTS["signed_person"]):
        live = analyze_text(text, frog)
        saved = analyze_text(text, frozen)
        assert [(t.word, t.tag, t.head, t.deprel) for t in live.tokens] == [
            (t.word, t.tag, t.head, t.deprel) for t in saved.tokens
        ]


def test_live_check_letter(frog) -> None:  # type: ignore[no-untyped-def]
    report = check_letter(OUDEGRACHT, analyzer=frog)
    assert report.readability.lint_level == 3
    assert report.sentences == 3


def test_frog_is_thread_safe(frog) -> None:  # type: ignore[no-untyped-def]
    texts = [TEXTS["short"], TEXTS["plain"], TEXTS["passive_worden"], TEXTS["long_17"]] * 2
    results: dict[int, list[str]] = {}

    def work(i: int, text: str) -> None:
        results[i] = [t.word for t in analyze_text(text, frog).tokens]

    threads = [threading.Thread(target=work, args=(i, t)) for i, t in enumerate(texts)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i, text in enumerate(texts):
        assert "".join(results[i]) == "".join(text.split())


def test_frog_restarts_after_it_died(frog) -> None:  # type: ignore[no-untyped-def]
    process = frog.process
    starts = process.starts
    process._child.terminate(force=True)  # simulate a crash
    tokens = analyze_text(TEXTS["short"], frog).tokens
    assert [t.word for t in tokens][:2] == ["Wij", "willen"]
    assert process.starts == starts + 1


def test_control_characters_do_not_disturb_frog(frog) -> None:  # type: ignore[no-untyped-def]
    text = "Betaal op\x03 tijd\x04 alstublieft.\x1a Bel\x15 ons\x7f gerust."
    words = [t.word for t in analyze_text(text, frog).tokens]
    assert "Betaal" in words and "gerust" in words
    assert [t.word for t in analyze_text(TEXTS["short"], frog).tokens][0] == "Wij"


def test_missing_frog_binary_gives_analyzer_error() -> None:
    analyzer = FrogAnalyzer(FrogProcess(executable="frog-bestaat-niet"))
    with pytest.raises(AnalyzerError):
        analyzer.analyze_segments(["Hallo."])
