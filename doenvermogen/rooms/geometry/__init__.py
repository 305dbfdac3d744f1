"""The room geometry engine: plan, checks, suggestions, auto-arrange. No Django in here.

One entry point per job: ``check_plan(plan)`` (report of findings), ``suggest_fixes(plan, report,
catalogue)`` (concrete fixes with the plan after each), ``auto_arrange(plan)`` (a layout that passes
every check, or the reason there is none).
"""

from doenvermogen.rooms.geometry.checks import CODES, Finding, Report, check_plan
from doenvermogen.rooms.geometry.model import (
    CatalogueEntry,
    Item,
    Opening,
    Plan,
    PlanError,
    validate_plan,
)

__all__ = [
    "CODES",
    "CatalogueEntry",
    "Finding",
    "Item",
    "Opening",
    "Plan",
    "PlanError",
    "Report",
    "check_plan",
    "validate_plan",
]
