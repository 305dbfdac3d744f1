"""Instruments as data (validation with Dutch errors, scoring with reverse items) and the paired
statistics against values computed by hand."""

from __future__ import annotations

import math

import pytest

from doenvermogen.research import instruments
from doenvermogen.research.catalogues import DATA
from doenvermogen.research.stats import paired_summary


def _grip():
    return instruments.load_text((DATA / "grip_scale.yaml").read_text(encoding="utf-8"))


def test_shipped_instruments_are_valid():
    grip = _grip()
    assert len(grip["items"]) == 6 and sum(i["reverse"] for i in grip["items"]) == 2
    thermo = instruments.load_text((DATA / "stress_thermometer.yaml").read_text(encoding="utf-8"))
    assert thermo["scales"]["zero_ten"] == {
        "min": 0,
        "max": 10,
        "labels": {
            0: {"nl": "Geen stress", "en": "No stress"},
            10: {"nl": "Heel veel stress", "en": "A lot of stress"},
        },
    }


def test_score_mirrors_reverse_items():
    grip = _grip()
    codes = [i["code"] for i in grip["items"]]
    # items 3 and 6 are reversed on 1–5: 4 → 2 and 4 → 2; mean of 2,2,2,3,2,2 = 13/6
    assert grip_score(grip, codes, [2, 2, 4, 3, 2, 4]) == pytest.approx(13 / 6, abs=1e-4)
    assert grip_score(grip, codes, [5, 5, 1, 5, 5, 1]) == 5.0
    with pytest.raises(ValueError):
        grip_score(grip, codes, [6, 5, 1, 5, 5, 1])
    with pytest.raises(ValueError):
        instruments.score(grip, {codes[0]: 3})


def grip_score(definition, codes, values):
    return instruments.score(definition, dict(zip(codes, values, strict=True)))


@pytest.mark.parametrize(
    ("text", "filename", "expected"),
    [
        ("code: [oops", "x.yaml", "geen geldige YAML"),
        ("{", "x.json", "geen geldige JSON (regel 1"),
        ("- a\n- b", "x.yaml", "één instrument"),
        (
            "code: Hoofdletters\nname: x\nscales: {s: {min: 1, max: 5}}\nitems: [{code: a1, "
            "text: A, scale: s}]",
            "x.yaml",
            "'code' ontbreekt of is ongeldig",
        ),
        (
            "code: abc\nname: Abc\nscales: {s: {min: 5, max: 1}}\nitems: [{code: a1, text: A, "
            "scale: s}]",
            "x.yaml",
            "min kleiner dan max",
        ),
        (
            "code: abc\nname: Abc\nscales: {s: {min: 1, max: 5}}\nitems: [{code: a1, text: A, "
            "scale: t}]",
            "x.yaml",
            "de schaal 't' bestaat niet",
        ),
        (
            "code: abc\nname: Abc\nscales: {s: {min: 1, max: 5}}\nitems: [{code: a1, text: A, "
            "scale: s}, {code: a1, text: B, scale: s}]",
            "x.yaml",
            "komt twee keer voor",
        ),
        (
            "code: abc\nname: Abc\nscales: {s: {min: 1, max: 5, labels: {9: x}}}\nitems: "
            "[{code: a1, text: A, scale: s}]",
            "x.yaml",
            "label 9 ligt buiten 1 tot 5",
        ),
        (
            "code: abc\nname: Abc\nscales: {s: {min: 1, max: 5}}\nitems: [{code: a1, text: A, "
            "scale: s}]\nscoring: {method: median}",
            "x.yaml",
            "'scoring.method'",
        ),
        ("code: abc\nscales: {s: {min: 1, max: 5}}\nitems: []", "x.yaml", "'items' ontbreekt"),
    ],
)
def test_bad_definitions_get_clear_dutch_errors(text, filename, expected):
    with pytest.raises(instruments.InstrumentError) as exc:
        instruments.load_text(text, filename=filename)
    assert any(expected in m for m in exc.value.messages), exc.value.messages


def test_json_instrument_loads():
    text = (
        '{"code": "kort", "name": {"nl": "Kort"}, "scales": {"s": {"min": 0, "max": 4}}, '
        '"items": [{"code": "k1", "text": "Vraag", "scale": "s", "reverse": true}], '
        '"scoring": {"method": "sum"}}'
    )
    definition = instruments.load_text(text, filename="kort.json")
    assert instruments.score(definition, {"k1": 1}) == 3.0


def test_paired_summary_against_hand_computed_values():
    # differences −1 … −5: mean −3, sd √2.5, se √0.5, t(0.975, 4) = 2.776445
    s = paired_summary([5, 6, 7, 8, 9], [4, 4, 4, 4, 4])
    assert s.shown and s.n == 5
    assert s.mean_pre == 7 and s.mean_post == 4 and s.mean_change == -3
    assert s.sd_change == pytest.approx(math.sqrt(2.5))
    half = 2.776445 * math.sqrt(0.5)
    assert s.ci_low == pytest.approx(-3 - half, abs=1e-5)
    assert s.ci_high == pytest.approx(-3 + half, abs=1e-5)
    assert s.cohen_dz == pytest.approx(-3 / math.sqrt(2.5))  # −1.8974
    # Wilcoxon: all five ranks negative, W = 0; exact two-sided p = 2 / 2⁵
    assert s.wilcoxon_statistic == 0 and s.wilcoxon_p == pytest.approx(0.0625)


def test_paired_summary_with_a_zero_and_ties():
    # differences −3, −1, −3, 0, −4: mean −2.2, var 10.8/4. Wilcoxon drops the zero: n = 4,
    # all ranks negative, W = 0; SciPy's default is the exact null distribution for n ≤ 50:
    # two-sided p = 2 · P(W ≤ 0) = 2 / 2⁴ = 0.125.
    s = paired_summary([8, 7, 9, 6, 8], [5, 6, 6, 6, 4])
    assert s.mean_change == pytest.approx(-2.2)
    assert s.sd_change == pytest.approx(math.sqrt(2.7))
    assert s.cohen_dz == pytest.approx(-2.2 / math.sqrt(2.7))
    half = 2.776445 * math.sqrt(2.7 / 5)
    assert (s.ci_low, s.ci_high) == pytest.approx((-2.2 - half, -2.2 + half), abs=1e-5)
    assert s.wilcoxon_statistic == 0 and s.wilcoxon_p == pytest.approx(0.125)


def test_fewer_than_five_pairs_give_no_figures():
    s = paired_summary([5, 6, 7, 8], [4, 4, 4, 4])
    assert not s.shown and s.n == 4 and s.mean_change is None
