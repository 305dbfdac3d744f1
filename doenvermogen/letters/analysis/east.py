"""EAST report: is the letter Easy, Attractive, Social and Timely (Makkelijk, Aantrekkelijk,
Sociaal, Tijdig)?

Each part says what the letter already does well and gives concrete advice, tied to the
findings and to the advice of the theme session on stress-sensitive working: a personal
note, concrete instructions, the wanted behaviour said positively, how to prevent a sanction,
a norm that others already do it, a clear date.

Lives here: `EastPart` and `east_report()`. Not here: the findings themselves.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .findings import Finding, has_contact, rules

PARTS = ("easy", "attractive", "social", "timely")

_NORM = re.compile(
    r"\b(?:de\s+meeste|veel|bijna\s+alle|\d+\s+van\s+de\s+\d+|\d+\s*(?:%|procent))\s+"
    r"(?:mensen|inwoners|ouders|huurders|klanten|bewoners|gezinnen)\b",
    re.IGNORECASE,
)
_STEPS = re.compile(r"^\s*(?:[-•*–]|\d{1,2}[.)]|stap\s+\d)", re.IGNORECASE | re.MULTILINE)
_GENERIC_SALUTATION = re.compile(
    r"^\s*(?:geachte\s+(?:heer\s*/\s*mevrouw|heer\s+of\s+mevrouw|mevrouw\s*/\s*heer|"
    r"meneer\s*/\s*mevrouw|bewoner|relatie|klant|debiteur)|l\.s\.|aan\s+de\s+bewoners)",
    re.IGNORECASE | re.MULTILINE,
)


_REMINDER = re.compile(r"\b(?:sms|herinnering\s+sturen|agenda|app\b|whatsapp)", re.IGNORECASE)


def _action_requests(text: str) -> int:
    """How many lines ask the reader to do something."""
    pattern = rules().action_request
    return sum(1 for line in text.split("\n") if pattern.search(line))


def _asks_early(text: str) -> bool:
    """The request comes in the first three lines of running text (after the salutation)."""
    lines = [line for line in text.split("\n") if line.strip()]
    body = [line for line in lines if line.rstrip().endswith((".", "?", "!"))][:3]
    pattern = rules().action_request
    return any(pattern.search(line) or rules().deadline.search(line) for line in body)


@dataclass
class EastPart:
    """One EAST part: ok or not, what already works, and advice."""

    ok: bool
    advice: list[str] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)

    def to_dict(self, detail: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"ok": self.ok, "advice": list(self.advice)}
        if detail:
            out["strengths"] = list(self.strengths)
        return out


def east_report(text: str, findings: list[Finding], lint_level: int | None) -> dict[str, EastPart]:
    """Build the EAST report from the text, its findings and its LiNT-II level."""
    codes = Counter(f.code for f in findings)
    serious = {f.code for f in findings if f.severity == "problem"}

    easy = EastPart(ok=True)
    if lint_level is not None and lint_level > 2:
        easy.ok = False
        easy.advice.append(
            f"De brief heeft LiNT-niveau {lint_level}. Schrijf eenvoudiger: korte zinnen, "
            "gewone woorden, één boodschap per zin (doel: niveau 1 of 2)."
        )
    elif lint_level is not None:
        easy.strengths.append(f"De brief is goed leesbaar (LiNT-niveau {lint_level}).")
    if codes["long_sentence"] or codes["subordinate_clauses"]:
        easy.ok = easy.ok and "long_sentence" not in serious
        easy.advice.append("Maak lange zinnen korter en zet elke bijzin in een eigen zin.")
    if codes["officialese"] or codes["difficult_word"]:
        if codes["officialese"] > 2:
            easy.ok = False
        easy.advice.append(
            "Vervang ambtelijke en moeilijke woorden door gewone woorden (zie de suggesties)."
        )
    if codes["passive"] > 2:
        easy.advice.append("Zeg wie iets doet: schrijf \u201cwij\u201d en \u201cu\u201d.")
    requests = _action_requests(text)
    if _STEPS.search(text):
        easy.strengths.append("De brief geeft stappen om te volgen.")
    elif requests >= 2:
        easy.advice.append(
            "Geef concrete instructies in kleine stappen, bijvoorbeeld een genummerd lijstje: "
            "wat moet iemand doen, en hoe (een antwoordformulier of retourenvelop helpt)."
        )

    attractive = EastPart(ok=True)
    if codes["threat_without_way_out"]:
        attractive.ok = False
        attractive.advice.append(
            "Angst werkt niet zonder uitweg. Zeg bij elke sanctie hoe iemand die kan "
            "voorkomen en welke hulp er is."
        )
    if codes["negative_framing"]:
        attractive.ok = False
        attractive.advice.append(
            "Zeg wat iemand wel moet doen, niet wat hij niet moet doen "
            "(\u201cdenk aan\u201d in plaats van \u201cvergeet niet\u201d)."
        )
    if codes["shouting"]:
        attractive.ok = False
        attractive.advice.append(
            "Laat hoofdletters en uitroeptekens weg. Trek de aandacht met de plaats in de brief: "
            "het belangrijkste bovenaan."
        )
    if _GENERIC_SALUTATION.search(text):
        attractive.ok = False
        attractive.advice.append(
            "Spreek iemand aan met de naam en geef een persoonlijke noot bij standaardinformatie."
        )
    if attractive.ok:
        attractive.strengths.append("De toon is rustig en positief.")
    if requests and not _asks_early(text):
        attractive.advice.append(
            "Zet de belangrijkste boodschap en wat iemand moet doen bovenaan de brief."
        )

    social = EastPart(ok=True)
    if codes["missing_sender_name"]:
        social.ok = False
        social.advice.append(
            "Onderteken met de naam van een persoon, zodat iemand weet met wie hij te maken heeft."
        )
    else:
        social.strengths.append("De brief is ondertekend door een persoon.")
    if not has_contact(text):
        social.ok = False
        social.advice.append(
            "Vul de brief aan met persoonlijk contact: een telefoonnummer en e-mailadres van "
            "iemand die helpt."
        )
    else:
        social.strengths.append("Er staat een telefoonnummer of e-mailadres in.")
    if codes["inconsistent_address"]:
        social.ok = False
        social.advice.append("Spreek de lezer steeds op dezelfde manier aan (u of je).")
    if _NORM.search(text):
        social.strengths.append("De brief noemt wat anderen al doen.")
    elif codes["threat_without_way_out"] or codes["negative_framing"]:
        social.advice.append(
            "Noem een norm of voorbeeld: \u201cDe meeste mensen in uw wijk regelen dit binnen "
            "een week.\u201d"
        )
    money_or_sanction = "€" in text or rules().sanctions.search(text)
    if money_or_sanction and not rules().help.search(text) and not rules().way_out.search(text):
        social.advice.append("Bied hulp aan, en zeg bij wie iemand terecht kan.")

    timely = EastPart(ok=True)
    if codes["missing_deadline"]:
        timely.ok = False
        timely.advice.append(
            "Noem een duidelijke datum met de dag erbij: \u201cvóór vrijdag 14 maart\u201d."
        )
    elif rules().deadline.search(text):
        timely.strengths.append("De brief noemt een datum of termijn.")
    if codes["threat_without_way_out"]:
        timely.ok = False
        timely.advice.append(
            "Bij een zware sanctie: zeg helder wat iemand vóór welke datum kan doen om die "
            "te voorkomen."
        )
    if codes["threat_without_way_out"] and not _REMINDER.search(text):
        timely.advice.append(
            "Help iemand herinneren: bied een herinnering aan (sms, agenda) of stuur de brief "
            "op een moment dat iemand kan handelen."
        )

    return {"easy": easy, "attractive": attractive, "social": social, "timely": timely}
