"""Precision and recall per finding code on the regression corpus (tests/letters/corpus/).

Each letter lists the codes it should get and the phrase each finding must cover; codes not
listed must not fire. A finding matches an expected phrase when their spans overlap; a
letter-level expectation (`[]`) matches any finding of that code. `officialese` and
`difficult_word` are scored for recall only (their lists are long; the corpus names only the
planted words). Run ``python tests/letters/test_corpus.py`` for the table in docs/letters.md.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if __name__ == "__main__":  # pragma: no cover - the table for the docs
    sys.path.insert(0, str(HERE.parent.parent))

from doenvermogen.letters.analysis import CODES, FrozenAnalyzer, check_letter  # noqa: E402
from tests.letters.make_fixtures import corpus_letters  # noqa: E402

RECALL_ONLY = {"officialese", "difficult_word"}
PRECISION_TARGET = 0.95
RECALL_TARGET = 0.90


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(analyzer) -> tuple[Counter, Counter, Counter, list[str]]:  # type: ignore[no-untyped-def]
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    notes: list[str] = []
    for letter in corpus_letters():
        report = check_letter(letter["text"], analyzer=analyzer)
        text = report.text
        expect = letter.get("expect") or {}
        for code in CODES:
            found = [f for f in report.findings if f.code == code]
            phrases = expect.get(code)
            if phrases is None:
                if code not in RECALL_ONLY:
                    fp[code] += len(found)
                    notes += [f"{letter['id']}: unexpected {code} {_quote(text, f)}" for f in found]
                continue
            if not phrases:  # letter-level: any finding of the code
                if found:
                    tp[code] += 1
                    if code not in RECALL_ONLY:
                        fp[code] += len(found) - 1
                else:
                    fn[code] += 1
                    notes.append(f"{letter['id']}: missed {code}")
                continue
            spans = []
            for phrase in phrases:
                at = text.find(phrase)
                assert at >= 0, f"{letter['id']}: phrase {phrase!r} not in the letter"
                spans.append((at, at + len(phrase)))
            placed = [f for f in found if f.start is not None and f.end is not None]
            for phrase, span in zip(phrases, spans, strict=True):
                if any(_overlaps(span, (f.start, f.end)) for f in placed):
                    tp[code] += 1
                else:
                    fn[code] += 1
                    notes.append(f"{letter['id']}: missed {code} {phrase!r}")
            if code not in RECALL_ONLY:
                for f in found:
                    if f.start is None or not any(_overlaps(s, (f.start, f.end)) for s in spans):
                        fp[code] += 1
                        notes.append(f"{letter['id']}: unexpected {code} {_quote(text, f)}")
    return tp, fp, fn, notes


def _quote(text: str, finding) -> str:  # type: ignore[no-untyped-def]
    if finding.start is None:
        return "(letter)"
    return repr(text[finding.start : finding.end][:60])


def table(
    tp: Counter, fp: Counter, fn: Counter
) -> list[tuple[str, int, int, int, float | None, float | None]]:
    rows = []
    for code in CODES:
        p = (
            None
            if code in RECALL_ONLY or not (tp[code] + fp[code])
            else tp[code] / (tp[code] + fp[code])
        )
        r = tp[code] / (tp[code] + fn[code]) if (tp[code] + fn[code]) else None
        rows.append((code, tp[code], fp[code], fn[code], p, r))
    return rows


@pytest.fixture(scope="module")
def results(frozen):  # type: ignore[no-untyped-def]
    return evaluate(frozen)


def test_corpus_has_forty_letters() -> None:
    letters = corpus_letters()
    assert len(letters) >= 40
    assert len({item["id"] for item in letters}) == len(letters)


@pytest.mark.parametrize("code", [c for c in CODES])
def test_precision_and_recall_per_code(results, code: str) -> None:  # type: ignore[no-untyped-def]
    tp, fp, fn, notes = results
    rows = {row[0]: row for row in table(tp, fp, fn)}
    _code, _tp, _fp, _fn, precision, recall = rows[code]
    mine = [n for n in notes if f" {code}" in n]
    if precision is not None:
        assert precision >= PRECISION_TARGET, mine
    if recall is not None:
        assert recall >= RECALL_TARGET, mine


if __name__ == "__main__":  # pragma: no cover
    tp, fp, fn, notes = evaluate(FrozenAnalyzer(HERE / "fixtures" / "frog"))
    print("| code | expected found | false alarms | missed | precision | recall |")
    print("|---|---|---|---|---|---|")
    for code, t, f, n, p, r in table(tp, fp, fn):
        ps = "–" if p is None else f"{p:.2f}"
        rs = "–" if r is None else f"{r:.2f}"
        print(f"| `{code}` | {t} | {f if code not in RECALL_ONLY else '–'} | {n} | {ps} | {rs} |")
    print()
    print("\n".join(notes))


def test_east_advice_only_where_the_letter_lacks_it(frozen) -> None:  # type: ignore[no-untyped-def]
    """Model letters get no advice for what they already do (issue 11: two fixed pieces of
    advice for every letter); a harsh letter still gets the norm and the reminder."""
    letters = {item["id"]: item for item in corpus_letters()}
    fixed = ("Zet de belangrijkste boodschap", "Noem een norm", "Help iemand herinneren")
    for key in ("06_duo_model", "08_uwv_calm", "28_zorgpremie_model", "39_model_full"):
        report = check_letter(letters[key]["text"], analyzer=frozen)
        advice = [a for part in report.east.values() for a in part.advice]
        assert not any(a.startswith(fixed) for a in advice), (key, advice)
    harsh = check_letter(letters["09_huur_harsh"]["text"], analyzer=frozen)
    advice = " ".join(a for part in harsh.east.values() for a in part.advice)
    assert "Noem een norm" in advice and "Help iemand herinneren" in advice
