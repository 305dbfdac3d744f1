"""Instruments as data: parse, validate and score a questionnaire definition (no Django imports).

A definition (YAML or JSON) has a ``code``, ``version``, ``name`` ({nl, en}), optional ``intro``,
``higher_is`` ("better" or "worse"), ``scales`` (name → min, max, optional labels), ``items``
(code, text {nl, en}, scale, optional ``reverse``) and ``scoring`` ({method: sum | mean}).
``validate`` returns the definition normalised or raises ``InstrumentError`` with Dutch messages
that say where the problem is. ``score`` turns answers into the instrument's total score (reverse
items mirrored: ``min + max - value``).
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

CODE_RE = re.compile(r"^[a-z][a-z0-9_]{1,59}$")
MAX_ITEMS = 60


class InstrumentError(ValueError):
    """The definition is not usable; ``messages`` are Dutch, one problem each."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


def parse(text: str, *, filename: str = "") -> dict[str, Any]:
    """Read YAML or JSON text into a dict (Dutch errors)."""
    try:
        is_json = filename.lower().endswith(".json")
        data = json.loads(text) if is_json else yaml.safe_load(text)
    except json.JSONDecodeError as exc:
        raise InstrumentError(
            [f"Het bestand is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno})."]
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (regel {mark.line + 1})" if mark else ""
        raise InstrumentError([f"Het bestand is geen geldige YAML{where}."]) from None
    if not isinstance(data, dict):
        raise InstrumentError(["Het bestand moet één instrument beschrijven (code, items, …)."])
    return data


def _text(value: Any, where: str, errors: list[str], *, required: bool = True) -> dict[str, str]:
    if isinstance(value, str):
        value = {"nl": value}
    if not isinstance(value, dict) or (required and not str(value.get("nl", "")).strip()):
        if required:
            errors.append(f"{where}: een Nederlandse tekst ('nl') ontbreekt.")
        return {"nl": "", "en": ""}
    return {"nl": str(value.get("nl", "")).strip(), "en": str(value.get("en", "")).strip()}


def validate(data: dict[str, Any]) -> dict[str, Any]:
    errors: list[str] = []
    code = str(data.get("code", ""))
    if not CODE_RE.match(code):
        errors.append(
            "'code' ontbreekt of is ongeldig: gebruik kleine letters, cijfers en _ "
            "(2 tot 60 tekens, begin met een letter)."
        )
    version = data.get("version", 1)
    if not isinstance(version, int) or version < 1:
        errors.append("'version' moet een heel getal vanaf 1 zijn.")
    name = _text(data.get("name"), "'name'", errors)
    intro = _text(data.get("intro", {}), "'intro'", errors, required=False)
    higher_is = data.get("higher_is", "better")
    if higher_is not in {"better", "worse"}:
        errors.append("'higher_is' moet 'better' of 'worse' zijn.")
    scales: dict[str, dict[str, Any]] = {}
    raw_scales = data.get("scales")
    if not isinstance(raw_scales, dict) or not raw_scales:
        errors.append("'scales' ontbreekt: beschrijf minstens één antwoordschaal (min en max).")
        raw_scales = {}
    for sname, scale in raw_scales.items():
        if not isinstance(scale, dict):
            errors.append(f"Schaal '{sname}': geef 'min' en 'max'.")
            continue
        lo, hi = scale.get("min"), scale.get("max")
        if not isinstance(lo, int) or not isinstance(hi, int) or lo >= hi or hi - lo > 20:
            errors.append(
                f"Schaal '{sname}': 'min' en 'max' moeten hele getallen zijn, min kleiner dan "
                "max, hoogstens 21 antwoorden."
            )
            continue
        labels = {}
        for key, label in (scale.get("labels") or {}).items():
            try:
                value = int(key)
            except (TypeError, ValueError):
                errors.append(f"Schaal '{sname}': label '{key}' is geen getal.")
                continue
            if not lo <= value <= hi:
                errors.append(f"Schaal '{sname}': label {value} ligt buiten {lo} tot {hi}.")
                continue
            labels[value] = _text(label, f"Schaal '{sname}', label {value}", errors)
        scales[str(sname)] = {"min": lo, "max": hi, "labels": labels}
    items = []
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        errors.append("'items' ontbreekt: geef minstens één vraag.")
        raw_items = []
    if len(raw_items) > MAX_ITEMS:
        errors.append(f"Te veel vragen: hoogstens {MAX_ITEMS}.")
    seen: set[str] = set()
    for n, item in enumerate(raw_items, start=1):
        if not isinstance(item, dict):
            errors.append(f"Vraag {n}: geef 'code', 'text' en 'scale'.")
            continue
        icode = str(item.get("code", ""))
        if not CODE_RE.match(icode):
            errors.append(f"Vraag {n}: 'code' ontbreekt of is ongeldig.")
        elif icode in seen:
            errors.append(f"Vraag {n}: de code '{icode}' komt twee keer voor.")
        seen.add(icode)
        text = _text(item.get("text"), f"Vraag {n}", errors)
        scale = str(item.get("scale", ""))
        if scale not in scales and raw_scales:
            errors.append(f"Vraag {n}: de schaal '{scale}' bestaat niet in 'scales'.")
        reverse = item.get("reverse", False)
        if not isinstance(reverse, bool):
            errors.append(f"Vraag {n}: 'reverse' moet true of false zijn.")
        items.append({"code": icode, "text": text, "scale": scale, "reverse": bool(reverse)})
    scoring = data.get("scoring") or {"method": "sum"}
    method = scoring.get("method") if isinstance(scoring, dict) else None
    if method not in {"sum", "mean"}:
        errors.append("'scoring.method' moet 'sum' of 'mean' zijn.")
    if errors:
        raise InstrumentError(errors)
    return {
        "code": code,
        "version": version,
        "name": name,
        "intro": intro,
        "higher_is": higher_is,
        "scales": scales,
        "items": items,
        "scoring": {"method": method},
    }


def load_text(text: str, *, filename: str = "") -> dict[str, Any]:
    return validate(parse(text, filename=filename))


def item_range(definition: dict[str, Any], item_code: str) -> tuple[int, int]:
    for item in definition["items"]:
        if item["code"] == item_code:
            scale = definition["scales"][item["scale"]]
            return scale["min"], scale["max"]
    raise KeyError(item_code)


def score(definition: dict[str, Any], answers: dict[str, int]) -> float:
    """The total score: every item answered and in range (``ValueError`` otherwise)."""
    values = []
    for item in definition["items"]:
        if item["code"] not in answers:
            raise ValueError(f"missing answer for {item['code']}")
        scale = definition["scales"][item["scale"]]
        value = int(answers[item["code"]])
        if not scale["min"] <= value <= scale["max"]:
            raise ValueError(f"answer out of range for {item['code']}")
        if item["reverse"]:
            value = scale["min"] + scale["max"] - value
        values.append(value)
    total = float(sum(values))
    if definition["scoring"]["method"] == "mean":
        total = total / len(values)
    return round(total, 4)
