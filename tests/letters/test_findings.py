"""One test per finding code: it fires on a small example and stays quiet on the rewrite."""

from __future__ import annotations

import pytest

from doenvermogen.letters.analysis import CODES
from tests.letters.fixture_texts import TEXTS


def codes(report) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.code for f in report.findings]


@pytest.mark.parametrize(
    ("code", "fires", "quiet"),
    [
        ("passive", "passive_worden", "perfect_hebben"),
        ("passive", "passive_zijn", "perfect_zijn"),
        ("passive", "passive_zijn", "perfect_zijn_verhuisd"),
        ("long_sentence", "long_17", "short"),
        ("subordinate_clauses", "two_subclauses", "one_subclause"),
        ("officialese", "officialese", "plain"),
        ("difficult_word", "difficult", "easy_word"),
        ("threat_without_way_out", "threat", "threat_with_way_out"),
        ("negative_framing", "negative_vergeet", "positive_neem_mee"),
        ("negative_framing", "negative_te_laat", "positive_op_tijd"),
        ("missing_deadline", "action_no_date", "action_with_date"),
        ("missing_contact", "plain", "contact_phone"),
        ("missing_contact", "plain", "contact_mail"),
        ("missing_sender_name", "signed_department", "signed_person"),
        ("inconsistent_address", "mixed_address", "formal_address"),
        ("shouting", "shouting", "acronym"),
    ],
)
def test_fires_and_stays_quiet(check, code: str, fires: str, quiet: str) -> None:  # type: ignore[no-untyped-def]
    assert code in codes(check(TEXTS[fires]))
    assert code not in codes(check(TEXTS[quiet]))


def test_every_code_is_tested() -> None:
    import inspect

    source = (
        inspect.getsource(test_fires_and_stays_quiet.__wrapped__)
        if hasattr(test_fires_and_stays_quiet, "__wrapped__")
        else ""
    )
    del source
    tested = {
        "passive",
        "long_sentence",
        "subordinate_clauses",
        "officialese",
        "difficult_word",
        "threat_without_way_out",
        "negative_framing",
        "missing_deadline",
        "missing_contact",
        "missing_sender_name",
        "inconsistent_address",
        "shouting",
    }
    assert tested == set(CODES)


def test_findings_point_at_the_right_text(check) -> None:  # type: ignore[no-untyped-def]
    text = TEXTS["officialese"]
    report = check(text)
    spans = {text[f.start : f.end].lower() for f in report.findings if f.code == "officialese"}
    assert {"indien u", "dient u"} <= spans
    first = next(f for f in report.findings if f.code == "officialese")
    assert first.sentence_index == 0
    assert "als" in first.suggestion


def test_long_sentence_severity(check) -> None:  # type: ignore[no-untyped-def]
    warn = [f for f in check(TEXTS["long_17"]).findings if f.code == "long_sentence"]
    flag = [f for f in check(TEXTS["long_23"]).findings if f.code == "long_sentence"]
    assert [f.severity for f in warn] == ["warning"]
    assert [f.severity for f in flag] == ["problem"]


def test_difficult_word_ignores_names(check) -> None:  # type: ignore[no-untyped-def]
    assert "difficult_word" not in codes(check(TEXTS["name"]))


def test_difficult_word_gives_alternative(check) -> None:  # type: ignore[no-untyped-def]
    report = check(TEXTS["difficult"])
    [found] = [f for f in report.findings if f.code == "difficult_word"]
    assert "extra kosten" in found.suggestion


def test_passive_span_covers_auxiliary_and_participle(check) -> None:  # type: ignore[no-untyped-def]
    text = TEXTS["passive_worden"]
    [finding] = [f for f in check(text).findings if f.code == "passive"]
    assert text[finding.start : finding.end].startswith("wordt")
    assert text[finding.start : finding.end].endswith("verstuurd")


def test_negative_framing_suggests_positive(check) -> None:  # type: ignore[no-untyped-def]
    [finding] = [
        f for f in check(TEXTS["negative_vergeet"]).findings if f.code == "negative_framing"
    ]
    assert "Denk aan" in finding.suggestion
    [finding] = [
        f for f in check(TEXTS["negative_te_laat"]).findings if f.code == "negative_framing"
    ]
    assert "op tijd" in finding.suggestion


def test_letter_level_findings_have_no_span(check) -> None:  # type: ignore[no-untyped-def]
    [finding] = [f for f in check(TEXTS["plain"]).findings if f.code == "missing_contact"]
    assert finding.start is None and finding.end is None and finding.sentence_index is None


def test_messages_are_dutch_and_short(check) -> None:  # type: ignore[no-untyped-def]
    report = check(TEXTS["threat"])
    for f in report.findings:
        assert f.message and len(f.message) < 300
        assert f.severity in ("hint", "warning", "problem")


def test_east_report(check) -> None:  # type: ignore[no-untyped-def]
    harsh = check(TEXTS["threat"])
    assert not harsh.east["attractive"].ok
    assert any("uitweg" in a for a in harsh.east["attractive"].advice)
    assert not harsh.east["social"].ok
    assert set(harsh.to_dict()["east"]) == {"easy", "attractive", "social", "timely"}


@pytest.mark.parametrize(
    "text",
    [
        "Bel gratis 0800-0543.",
        "Bel 088 - 898 92 94.",
        "Bel (033) 460 12 00.",
        "Bel +31 (0)20 123 45 67.",
        "Bel 0031 20 123 45 67.",
        "Bel 06-12345678.",
        "Bel 14 030.",
        "Bel 0900 123 45 67.",
        "Kijk op www.zandstad.nl/parkeren.",
        "Kijk op https://zandstad.nl.",
        "Mail naar hulp@zandstad.nl.",
    ],
)
def test_dutch_contact_formats_count(text: str) -> None:
    from doenvermogen.letters.analysis.findings import has_contact

    assert has_contact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Maak het over op NL91 ABNA 0417 1643 00.",
        "Uw klantnummer is 2026-04417.",
        "Uw aanvraagnummer is 2026-PK-04417.",
        "Het bedrag is € 1.250,00 en de rente € 3,10.",
        "Op 14 maart 2026 om 10.00 uur.",
    ],
)
def test_iban_and_reference_numbers_are_no_contact(text: str) -> None:
    from doenvermogen.letters.analysis.findings import has_contact

    assert not has_contact(text)
