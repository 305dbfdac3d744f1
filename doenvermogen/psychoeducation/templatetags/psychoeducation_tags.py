"""Template tags of psycho-education: the pictogram of a stress effect (our own SVG files).

The pictograms live in ``static/psychoeducation/effects/<code>.svg`` (one per effect of the
standard talk chart, ``anders`` for the client's own words). They are put inline, so they take
the text colour on screen and need no extra request, and WeasyPrint draws them in the PDFs.
"""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.contrib.staticfiles import finders
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

OWN_WORDS = "anders"


@lru_cache(maxsize=64)
def _svg(code: str) -> str:
    path = finders.find(f"psychoeducation/effects/{code}.svg")
    if not path:
        return ""
    with open(path, encoding="utf-8") as file:
        return file.read().strip()


@register.simple_tag
def effect_icon(effect=None, css_class: str = "dv-effect-icon") -> SafeString:
    """Inline SVG for a ``StressEffect`` or a ``RecognisedEffect`` (own words: a pencil).

    Decorative (``aria-hidden``): the effect's words are always next to it.
    """
    code = OWN_WORDS
    stress_effect = getattr(effect, "effect", None) if hasattr(effect, "own_words") else effect
    if stress_effect is not None and not getattr(effect, "own_words", ""):
        code = getattr(stress_effect, "code", "") or OWN_WORDS
    svg = _svg(code) or _svg(OWN_WORDS)
    return mark_safe(  # noqa: S308 - our own static files
        svg.replace("<svg ", f'<svg class="{css_class}" aria-hidden="true" focusable="false" ', 1)
    )
