"""Rewrite suggestions per hard sentence (issue 11 item 4): the rules on frozen Frog output, and
the editor showing them next to the sentence, with links both ways and the copy button."""

from __future__ import annotations

import pytest
from django.urls import reverse

from doenvermogen.letters import services
from doenvermogen.letters.analysis import FrozenAnalyzer, build_report, prepare_letter
from doenvermogen.letters.analysis.analyzers import assemble
from doenvermogen.letters.suggestions import active_we, sentence_advice, split_point, verb_for
from tests.letters.conftest import FROG_DIR
from tests.letters.fixture_texts import TEXTS


@pytest.fixture(scope="module")
def frozen():
    return FrozenAnalyzer(FROG_DIR)


def advise(frozen, name):  # type: ignore[no-untyped-def]
    prepared = prepare_letter(TEXTS[name])
    analyzed = assemble(prepared.text, prepared.pieces, frozen.analyze_segments(prepared.segments))
    report = build_report(analyzed)
    return report, analyzed, sentence_advice(report, analyzed)


def test_a_long_sentence_is_split_at_its_conjunction(frozen):
    report, analyzed, advice = advise(frozen, "advice_split")
    assert len(advice) == 1 and advice[0].level >= 3 and advice[0].words == 37
    tip = advice[0].suggestions[0]
    assert tip.startswith("Deze zin heeft 37 woorden: maak er twee zinnen van.")
    assert "Zet een punt vóór „omdat”" in tip
    # The split point is the real "omdat" of the sentence.
    assert report.text[advice[0].split_at : advice[0].split_at + 5] == "omdat"
    token, kind = split_point(analyzed.sentences[0], report.text)
    assert (token.word, kind) == ("omdat", "subordinator")
    assert "… de kosten van een nieuwe wasmachine niet toe te kennen.”" in tip


def test_plain_words_come_from_the_list(frozen):
    _report, _analyzed, advice = advise(frozen, "advice_split")
    assert "Vervang „bijzondere bijstand” door „extra geld voor bijzondere kosten”." in (
        advice[0].suggestions
    )


def test_passive_with_a_named_doer_starts_with_that_doer(frozen):
    _report, _analyzed, advice = advise(frozen, "advice_passive_agent")
    passive = next(s for s in advice[0].suggestions if "lijdende vorm" in s)
    assert "„de afdeling Werk en Inkomen”" in passive
    assert "„afwijzen”" in passive
    assert "laat „door de afdeling Werk en Inkomen” weg" in passive


def test_passive_without_a_doer_suggests_we_and_splits_a_separable_verb(frozen):
    _report, _analyzed, advice = advise(frozen, "advice_passive_we")
    assert any("„Wij zetten … stop”" in s for s in advice[0].suggestions)
    assert active_we("versturen", "verstuurd") == "Wij versturen …"
    assert active_we("terugbetalen", "terugbetaald") == "Wij terugbetalen …"  # no "ge": as is
    assert active_we("afwijzen", "afgewezen") == "Wij wijzen … af"


def test_words_far_apart_and_nominalisations(frozen):
    _report, _analyzed, advice = advise(frozen, "advice_nominal")
    tips = advice[0].suggestions
    assert any(s.startswith("„vaststelling” en „vindt” horen bij elkaar") for s in tips)
    assert any("Schrijf het werkwoord: „vaststellen”" in s for s in tips)
    assert verb_for("betaling") == "betalen"
    assert verb_for("woning") is None  # a thing, not an action
    assert verb_for("registratie") == "registreren"


def test_only_hard_scored_sentences_get_advice(frozen):
    report, _analyzed, advice = advise(frozen, "standard_v3")
    hard = {s.index for s in report.readability.sentences if s.scored and (s.lint_level or 0) >= 3}
    assert {a.index for a in advice} == hard and hard
    # A sentence hard by a rare word gets that word named.
    assert any(
        "„huurdernummer” is een woord dat weinig voorkomt" in s for s in advice[0].suggestions
    )
    _r, _a, easy = advise(frozen, "short")
    assert easy == []


class _Frozen(FrozenAnalyzer):
    name = "frog-frozen"

    def __init__(self) -> None:
        super().__init__(FROG_DIR)


@pytest.mark.django_db
def test_the_editor_shows_the_tips_under_the_letter_with_links_both_ways(
    client, world, settings, monkeypatch
):
    settings.LETTERS_ANALYZER = "simple"
    monkeypatch.setattr(services, "SimpleAnalyzer", _Frozen)
    client.force_login(world.pro_a)
    body = client.post(reverse("letters:check"), {"text": TEXTS["advice_split"]}).content.decode()
    assert 'id="advice-heading"' in body
    assert "Moeilijke zinnen: zo maak je ze makkelijker" in body
    index = 0
    assert f'<span class="dv-sentence dv-sentence--4" id="s{index}">' in body
    assert f'href="#tip{index}"' in body and f'id="tip{index}"' in body
    assert f'href="#s{index}"' in body
    assert "Zet een punt vóór „omdat”" in body
    assert 'data-copy-from="id_text"' in body and "Kopieer de tekst" in body
    assert "letters/copy.js" in body


def test_a_doer_before_the_verbs_in_a_subordinate_clause_becomes_the_subject(frozen):
    prepared = prepare_letter(TEXTS["advice_door_ons"])
    analyzed = assemble(prepared.text, prepared.pieces, frozen.analyze_segments(prepared.segments))
    advice = sentence_advice(build_report(analyzed), analyzed)
    first = advice[0].suggestions  # "… nog niet door ons is ontvangen, waardoor …"
    passive = next(s for s in first if s.startswith("„is ontvangen” is lijdende vorm"))
    assert "„Wij” + werkwoord" in passive and "laat „door ons” weg" in passive
    assert any("Zet een punt vóór „waardoor”" in s for s in first)


def test_a_passive_spanning_two_verb_groups_quotes_its_own_verbs(frozen):
    prepared = prepare_letter(TEXTS["advice_passive_far"])
    analyzed = assemble(prepared.text, prepared.pieces, frozen.analyze_segments(prepared.segments))
    [advice] = sentence_advice(build_report(analyzed), analyzed)
    passive = [s for s in advice.suggestions if "lijdende vorm" in s]
    assert passive and passive[0].startswith("„is ontvangen” is lijdende vorm"), passive
    assert not any("gebleken" in s for s in passive)
