"""Short texts for the unit tests; their Frog output is frozen in fixtures/frog/.

Change a text here and run ``python tests/letters/make_fixtures.py`` to freeze it again.
"""

from pathlib import Path

OUDEGRACHT = (
    "De Oudegracht is het sfeervolle hart van de stad. In de middeleeuwen was het hier een "
    "drukte van belang met de aan- en afvoer van goederen. Nu is het een prachtige plek om te "
    "winkelen en te lunchen of te dineren in de oude stadskastelen."
)

STANDARD_V3 = (
    (
        Path(__file__).resolve().parents[2]
        / "doenvermogen/letters/data/herinnering_huurachterstand_2.txt"
    )
    .read_text(encoding="utf-8")
    .replace("Bel mij dan.", "Bel mij dan op 030 123 45 67.")
)

TEXTS: dict[str, str] = {
    "oudegracht": OUDEGRACHT,
    "passive_worden": "De rekening wordt door de gemeente verstuurd.",
    "passive_zijn": "De brief is gisteren verstuurd.",
    "perfect_zijn": "Ik ben gisteren naar het loket gekomen.",
    "perfect_zijn_verhuisd": "Mijn buurvrouw is vorige maand verhuisd.",
    "perfect_hebben": "Wij hebben de brief gisteren verstuurd.",
    "long_17": (
        "Wij willen graag met u praten over de rekening van de gemeente en over een goede regeling."
    ),
    "long_23": (
        "Wij willen graag met u praten over de rekening van de gemeente en over de "
        "mogelijkheden om die samen met de mensen van het wijkteam in kleine stappen te regelen."
    ),
    "short": "Wij willen graag met u praten.",
    "two_subclauses": "Als u niet kunt betalen omdat u geen geld heeft, kunt u ons bellen.",
    "one_subclause": "Bel ons als u vragen heeft.",
    "officialese": "Indien u vragen heeft, dient u contact met ons op te nemen.",
    "plain": "Heeft u vragen? Bel ons gerust.",
    "difficult": "Daarnaast rekenen wij invorderingsrente.",
    "easy_word": "Daarnaast rekenen wij extra kosten.",
    "name": "Meneer Vanderzwaluwenburg woont in Zandstad.",
    "threat": "Betaalt u het bedrag niet, dan sturen wij de deurwaarder.",
    "threat_with_way_out": (
        "Wij willen voorkomen dat er een deurwaarder komt. Bel ons, dan maken we samen een "
        "betalingsregeling."
    ),
    "negative_vergeet": "Vergeet niet uw paspoort mee te nemen.",
    "positive_neem_mee": "Neem uw paspoort mee.",
    "negative_te_laat": "Kom niet te laat.",
    "positive_op_tijd": "Kom op tijd.",
    "action_no_date": "U moet het formulier opsturen.",
    "action_with_date": "Stuur het formulier vóór 1 april naar ons op.",
    "contact_phone": "Heeft u vragen? Bel ons op 030 123 45 67.",
    "contact_mail": "Heeft u vragen? Mail naar hulp@zandstad.nl.",
    "signed_department": (
        "Wij helpen u graag.\n\nMet vriendelijke groet,\n\nAfdeling Belastingen\nGemeente Zandstad"
    ),
    "signed_person": (
        "Wij helpen u graag.\n\nMet vriendelijke groet,\n\nSara de Vries\nAfdeling Belastingen"
    ),
    "mixed_address": "U krijgt een brief van ons. Je moet hem goed lezen.",
    "formal_address": "U krijgt een brief van ons. U moet hem goed lezen.",
    "shouting": "LET OP: betaal op tijd!",
    "acronym": "Uw BSN staat bovenaan de brief.",
    # Rewrite suggestions per hard sentence (tests/letters_web/test_letter_suggestions.py).
    # The first version of the demo's harsh reminder (tests/letters_web/test_letter_suggestions.py).
    "advice_door_ons": (Path(__file__).parent / "fixtures" / "advice_door_ons.txt").read_text(
        encoding="utf-8"
    ),
    # A passive whose finding spans two verb groups (test_letter_suggestions.py).
    "advice_passive_far": (
        "Uit onze administratie is gebleken dat de huur over de maand mei ondanks eerdere "
        "herinneringen nog niet door ons is ontvangen, waardoor er een achterstand van € 640 "
        "bestaat."
    ),
    "advice_split": (
        "Wij hebben besloten om uw aanvraag voor bijzondere bijstand voor de kosten van een nieuwe "
        "wasmachine niet toe te kennen omdat uit de gegevens die u heeft aangeleverd blijkt dat uw "
        "inkomen boven de geldende norm ligt."
    ),
    "advice_passive_agent": (
        "Uw aanvraag voor een tegemoetkoming in de kosten van de kinderopvang is op 3 maart door "
        "de afdeling Werk en Inkomen afgewezen."
    ),
    "advice_passive_we": "Uw huurtoeslag wordt per 1 mei stopgezet.",
    "advice_distance": (
        "Wij zullen de vordering na het verstrijken van de termijn die in de vorige brief aan u is "
        "genoemd aan de deurwaarder overdragen."
    ),
    "advice_nominal": (
        "De vaststelling van de hoogte van de tegemoetkoming vindt plaats na ontvangst van de "
        "stukken."
    ),
    # A third version of the demo's standard letter, saved in the editor (browser test).
    "standard_v3": STANDARD_V3,
    # Frog's known mis-tags and mis-attachments, on ordinary sentences (test_frog_repairs.py).
    "frogfix_te_infinitive": (
        "Wij vragen u de rekening voor 1 juli 2026 te betalen. Wij verzoeken u het bedrag "
        "uiterlijk op 30 juni 2026 over te maken. Ik vraag je de sleutels op 2 januari 2027 "
        "terug te geven. Wij verzoeken u het formulier uiterlijk op 15 maart 2026 in te vullen. "
        "Hij heeft de plicht de huur te betalen. De school vraagt u het strookje op 3 oktober "
        "mee te geven."
    ),
    "frogfix_participle": (
        "Uw betaling hebben wij nog niet ontvangen. Uw aanvraag hebben wij in goede orde "
        "ontvangen. Op dinsdag hebben wij vergaderingen. De stukken zijn gisteren verzonden."
    ),
    "frogfix_imperative": (
        "Bel ons als u vragen hebt. Dhr Jansen komt morgen langs. Bel de huisarts bij koorts."
        "\n\nTel 020 123 45 67"
    ),
    "frogfix_modal": (
        "U moet de huur uiterlijk op 1 mei betalen. Let op: u moet de huur voor 1 mei betalen. "
        "Wij kunnen niet zeggen wat zij doen. Als u moet verhuizen, kunnen wij helpen."
    ),
    "frogfix_subclause": (
        "Als wij uw betaling niet op tijd ontvangen, sturen wij een herinnering. Zodra wij uw "
        "papieren ontvangen, nemen wij een besluit. Als u de brief hebt ontvangen, belt u ons. "
        "Wij hebben uw brief ontvangen en wij bellen u morgen."
    ),
    "frogfix_uiterlijk": (
        "Het uiterlijk van het huis is niet belangrijk. U moet de papieren uiterlijk vrijdag "
        "inleveren."
    ),
}
