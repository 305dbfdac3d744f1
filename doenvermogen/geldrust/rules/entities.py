"""The two OpenFisca entities: a person, and the household they live in (adults, children and
housemates: medebewoners who are not a partner or a child)."""

from __future__ import annotations

from openfisca_core.entities import build_entity

Household = build_entity(
    key="household",
    plural="households",
    label="Huishouden",
    roles=[
        {"key": "adult", "plural": "adults", "label": "Volwassene", "max": 2},
        {"key": "child", "plural": "children", "label": "Kind"},
        {"key": "housemate", "plural": "housemates", "label": "Medebewoner"},
    ],
)

Person = build_entity(key="person", plural="persons", label="Persoon", is_person=True)

entities = [Household, Person]
