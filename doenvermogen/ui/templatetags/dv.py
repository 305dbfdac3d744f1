"""Template helpers: render form widgets with NL Design System (Utrecht) classes."""

from __future__ import annotations

from django import forms, template

register = template.Library()

_CLASSES = {
    forms.Textarea: "utrecht-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.RadioSelect: "",
    forms.CheckboxSelectMultiple: "",
}


@register.simple_tag
def dv_widget(field, extra_class: str = "") -> str:
    """The field's widget with Utrecht classes and ARIA links to its description and errors."""
    widget = field.field.widget
    css = next(
        (c for cls, c in _CLASSES.items() if isinstance(widget, cls)),
        "utrecht-textbox utrecht-textbox--html-input",
    )
    attrs = {"class": f"{css} {extra_class}".strip()}
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-help")
    if field.errors:
        described.append(f"{field.auto_id}-error")
        attrs["aria-invalid"] = "true"
        attrs["class"] += " utrecht-textbox--invalid" if "textbox" in css else ""
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.field.required and not isinstance(widget, forms.CheckboxInput):
        attrs["required"] = True
    return field.as_widget(attrs=attrs)


@register.filter
def is_checkbox(field) -> bool:
    return isinstance(field.field.widget, forms.CheckboxInput)


@register.filter
def is_multiple_choice(field) -> bool:
    return isinstance(field.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple)


@register.filter
def sections_below(sections: list, order: int) -> list:
    """The rendered page sections with an order below ``order`` (what matters today first)."""
    return [s for s in sections if s.get("order", 0) < int(order)]


@register.filter
def sections_from(sections: list, order: int) -> list:
    """The rendered page sections with an order of ``order`` or more (folded further down)."""
    return [s for s in sections if s.get("order", 0) >= int(order)]
