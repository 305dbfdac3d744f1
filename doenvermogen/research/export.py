"""The anonymised export: a CSV of measurements plus a codebook, zipped.

What leaves: a random research id per client per study, the instrument, the moment (pre/post),
the month (YYYY-MM; a quarter or "*" when fewer than 5 participants share it), who filled it in,
the kind of trajectory ("*" when fewer than 5 participants share it), every item's answer and the
score. What never leaves: names, contact data, client or trajectory ids, exact dates, free text.
Only participants with an active research consent are exported.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter
from dataclasses import dataclass

from doenvermogen.core.db_router import reports
from doenvermogen.research.models import Measurement, Study
from doenvermogen.research.selectors import consented_participants

MIN_CELL = 5
SUPPRESSED = "*"
FIXED = [
    "research_id",
    "instrument",
    "instrument_version",
    "moment",
    "month",
    "filled_by",
    "trajectory_kind",
    "score",
]


@dataclass
class Export:
    data_csv: str
    codebook_csv: str
    client_ids: list[int]
    rows: int

    def zip_bytes(self, study: Study) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr(f"study-{study.pk}-data.csv", self.data_csv)
            z.writestr(f"study-{study.pk}-codebook.csv", self.codebook_csv)
        return buffer.getvalue()


def _quarter(month: str) -> str:
    year, m = month.split("-")
    return f"{year}-Q{(int(m) - 1) // 3 + 1}"


def _coarsen(values: list[str], people: list[str]) -> list[str]:
    """Months shared by fewer than MIN_CELL participants become quarters, then "*"."""

    def distinct_people(keys):
        seen: dict[str, set[str]] = {}
        for key, person in zip(keys, people, strict=True):
            seen.setdefault(key, set()).add(person)
        return {k: len(v) for k, v in seen.items()}

    month_n = distinct_people(values)
    step = [v if month_n[v] >= MIN_CELL else _quarter(v) for v in values]
    step_n = distinct_people(step)
    return [v if step_n[v] >= MIN_CELL else SUPPRESSED for v in step]


def _suppress(values: list[str], people: list[str]) -> list[str]:
    seen: dict[str, set[str]] = {}
    for v, p in zip(values, people, strict=True):
        seen.setdefault(v, set()).add(p)
    return [v if len(seen[v]) >= MIN_CELL else SUPPRESSED for v in values]


def _measurements(participant_ids: list[int]) -> list[tuple]:
    # One flat query (no per-row model or JSON definition decoding: the instruments are known).
    return list(
        Measurement.objects.filter(participant_id__in=participant_ids)
        .order_by("participant__research_id", "instrument__code", "moment")
        .values_list(
            "participant__research_id",
            "participant__client_id",
            "instrument_id",
            "moment",
            "taken_at",
            "filled_by",
            "trajectory__kind",
            "score",
            "answers",
        )
    )


def build_export(study: Study) -> Export:
    instruments = list(study.instruments.all())
    item_columns = [
        (inst, item["code"], f"{inst.code}__{item['code']}")
        for inst in instruments
        for item in inst.definition["items"]
    ]
    by_id = {inst.pk: inst for inst in instruments}
    # Who has consent now: on the primary (a withdrawal counts at once). The measurements, the
    # heavy part, from the read replica when there is one (tier 3, doenvermogen.core.db_router).
    participant_ids = list(consented_participants(study).values_list("pk", flat=True))
    with reports():
        measurements = _measurements(participant_ids)
    people = [m[0] for m in measurements]
    months = _coarsen([m[4].strftime("%Y-%m") for m in measurements], people)
    kinds = _suppress([m[6] for m in measurements], people)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(FIXED + [c for _, _, c in item_columns])
    for m, month, kind in zip(measurements, months, kinds, strict=True):
        research_id, _client, instrument_id, moment, _at, filled_by, _kind, score, answers = m
        instrument = by_id[instrument_id]
        row = [
            research_id,
            instrument.code,
            instrument.version,
            moment,
            month,
            filled_by,
            kind,
            f"{score:g}",
        ]
        for inst, item_code, _col in item_columns:
            row.append(answers.get(item_code, "") if inst.pk == instrument_id else "")
        writer.writerow(row)
    return Export(
        data_csv=out.getvalue(),
        codebook_csv=codebook(study, instruments, item_columns, Counter(people)),
        client_ids=sorted({m[1] for m in measurements}),
        rows=len(measurements),
    )


def codebook(study, instruments, item_columns, people: Counter) -> str:
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["variable", "description", "values"])
    w.writerow(
        [
            "research_id",
            "Willekeurige onderzoekscode, vast per cliënt per studie; niet "
            "af te leiden uit een cliëntnummer.",
            "R + 8 tekens",
        ]
    )
    w.writerow(["instrument", "Code van het instrument", "; ".join(i.code for i in instruments)])
    w.writerow(["instrument_version", "Versie van het instrument", "geheel getal"])
    w.writerow(["moment", "Voormeting of nameting", "pre = voormeting; post = nameting"])
    w.writerow(
        [
            "month",
            "Maand van invullen (grover bij kleine aantallen)",
            f"JJJJ-MM; JJJJ-Qn als minder dan {MIN_CELL} deelnemers die maand delen; "
            f"{SUPPRESSED} = onderdrukt",
        ]
    )
    w.writerow(
        ["filled_by", "Wie vulde in", "client = cliënt zelf; professional = met de professional"]
    )
    w.writerow(
        [
            "trajectory_kind",
            "Soort traject",
            f"debt_counselling, neighbourhood_team, youth_health_care, work_and_income, "
            f"other; {SUPPRESSED} = minder dan {MIN_CELL} deelnemers",
        ]
    )
    w.writerow(
        [
            "score",
            "Totaalscore van het instrument (na omkeren van items)",
            "; ".join(
                f"{i.code}: {i.definition['scoring']['method']}, hoger = "
                f"{'beter' if i.definition.get('higher_is') == 'better' else 'slechter'}"
                for i in instruments
            ),
        ]
    )
    for inst, item_code, column in item_columns:
        item = next(it for it in inst.definition["items"] if it["code"] == item_code)
        scale = inst.definition["scales"][item["scale"]]
        labels = "; ".join(
            f"{k} = {v['nl']}"
            for k, v in sorted(scale["labels"].items(), key=lambda kv: int(kv[0]))
        )
        values = f"{scale['min']}–{scale['max']}" + (f" ({labels})" if labels else "")
        if item["reverse"]:
            values += "; omgekeerd gescoord"
        w.writerow([column, item["text"]["nl"], values])
    w.writerow(
        [
            "(niet opgenomen)",
            "Namen, contactgegevens, cliënt- en trajectnummers, exacte "
            "datums en vrije tekst worden nooit geëxporteerd.",
            "",
        ]
    )
    return out.getvalue()
