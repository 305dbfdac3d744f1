"""Build the subset of the NL Design System Utrecht component CSS that our pages use.

Input: node_modules/@utrecht/component-library-css/dist/index.css (npm, EUPL-1.2; `make css`).
Output: doenvermogen/ui/static/ui/vendor/utrecht-subset.css, with only the rules whose selectors
name components in COMPONENTS, so a client page stays small. Run again after changing COMPONENTS.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "node_modules" / "@utrecht" / "component-library-css"
OUT = ROOT / "doenvermogen" / "ui" / "static" / "ui" / "vendor" / "utrecht-subset.css"

COMPONENTS = {
    "alert",
    "badge-status",
    "body",
    "button",
    "button-group",
    "checkbox",
    "data-list",
    "document",
    "form-field",
    "form-field-description",
    "form-field-error-message",
    "form-fieldset",
    "form-label",
    "heading-1",
    "heading-2",
    "heading-3",
    "heading-4",
    "link",
    "link-list",
    "nav-bar",
    "nav-list",
    "ordered-list",
    "page",
    "page-body",
    "page-content",
    "page-footer",
    "page-header",
    "paragraph",
    "radio-button",
    "root",
    "select",
    "separator",
    "skip-link",
    "table",
    "table-container",
    "textarea",
    "textbox",
    "unordered-list",
}


def split_rules(css: str) -> list[str]:
    """Top-level rules and at-rule blocks, by brace depth (the bundle has no braces in strings)."""
    rules, depth, start = [], 0, 0
    for i, ch in enumerate(css):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                rules.append(css[start : i + 1].strip())
                start = i + 1
    return rules


def keep(rule: str) -> bool:
    if rule.startswith("@"):
        inner = rule[rule.index("{") + 1 : -1]
        return any(keep(r) for r in split_rules(inner))
    selector = rule[: rule.index("{")]
    names = set(
        re.findall(
            r"\.utrecht-([a-z0-9-]+?)(?:--[a-z0-9-]+|__[a-z0-9-]+)?(?=[\s,.:>\[)+~]|$)", selector
        )
    )
    return bool(names) and names <= COMPONENTS


def main() -> int:
    css = (PKG / "dist" / "index.css").read_text(encoding="utf-8")
    version = json.loads((PKG / "package.json").read_text())["version"]
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    kept = []
    for rule in split_rules(css):
        if rule.startswith("@"):
            head, inner = rule[: rule.index("{")], rule[rule.index("{") + 1 : -1]
            sub = [r for r in split_rules(inner) if keep(r)]
            if sub:
                kept.append(head + "{" + "".join(sub) + "}")
        elif keep(rule):
            kept.append(rule)
    header = (
        f"/* Subset of @utrecht/component-library-css {version} (NL Design System, EUPL-1.2,"
        " see LICENSE-utrecht.md). Built by scripts/build_css.py; do not edit. */\n"
    )
    OUT.write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    (OUT.parent / "LICENSE-utrecht.md").write_text(
        (PKG / "LICENSE.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    tokens = sorted(set(re.findall(r"var\((--utrecht-[a-z0-9-]+)", "".join(kept))))
    print(
        f"{OUT.relative_to(ROOT)}: {len(kept)} rules, {OUT.stat().st_size} bytes, "
        f"{len(tokens)} tokens",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
