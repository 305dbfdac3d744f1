"""Twenty realistic letters, each harsh and stress-sensitive: the rewrite must read easier
and must never threaten without a way out."""

from __future__ import annotations

import pytest

from tests.letters.conftest import LETTERS_DIR

PAIRS = sorted(p.name.removesuffix("_harsh.txt") for p in LETTERS_DIR.glob("*_harsh.txt"))


def test_at_least_twenty_pairs() -> None:
    assert len(PAIRS) >= 20
    for name in PAIRS:
        assert (LETTERS_DIR / f"{name}_calm.txt").exists()


@pytest.fixture(scope="module")
def reports(check):  # type: ignore[no-untyped-def]
    out = {}
    for name in PAIRS:
        out[name] = tuple(
            check((LETTERS_DIR / f"{name}_{kind}.txt").read_text(encoding="utf-8"))
            for kind in ("harsh", "calm")
        )
    return out


@pytest.mark.parametrize("name", PAIRS)
def test_calm_version_reads_easier(reports, name: str) -> None:  # type: ignore[no-untyped-def]
    harsh, calm = reports[name]
    # LiNT-II: a lower score is easier to read.
    assert calm.readability.lint_score < harsh.readability.lint_score
    assert calm.readability.lint_level <= 2
    assert calm.readability.flesch_douma > harsh.readability.flesch_douma


@pytest.mark.parametrize("name", PAIRS)
def test_calm_version_has_no_threat_and_is_personal(reports, name: str) -> None:  # type: ignore[no-untyped-def]
    harsh, calm = reports[name]
    calm_codes = {f.code for f in calm.findings}
    assert "threat_without_way_out" not in calm_codes
    assert not calm_codes & {"missing_contact", "missing_sender_name", "missing_deadline"}
    assert calm.east["social"].ok and calm.east["timely"].ok
    assert len(calm.findings) < len(harsh.findings)


def test_harsh_versions_get_the_stress_findings(reports) -> None:  # type: ignore[no-untyped-def]
    threats = sum(
        any(f.code == "threat_without_way_out" for f in harsh.findings)
        for harsh, _ in reports.values()
    )
    assert threats >= 14
    for harsh, _ in reports.values():
        codes = {f.code for f in harsh.findings}
        assert "missing_sender_name" in codes
        assert "officialese" in codes
