"""`manage.py geldrust check FILE [--format json|text]`: check a household from a JSON file.

FILE holds one household (the API's JSON) or a list of them; ``-`` reads standard input.
Bad input prints the Dutch message(s) and exits with status 2; nothing is stored.
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from doenvermogen.geldrust import services
from doenvermogen.geldrust.rules import HouseholdError
from doenvermogen.geldrust.rules.format import euro

STATUS = {"likely_yes": "waarschijnlijk wel", "maybe": "misschien", "no": "waarschijnlijk niet"}


class Command(BaseCommand):
    help = "Geldrust: check which income support a household may be missing."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        check = sub.add_parser("check", help="Check the household(s) in a JSON file.")
        check.add_argument("file", help="JSON file, or - for standard input")
        check.add_argument("--format", choices=["json", "text"], default="text")

    def handle(self, *args, action: str, file: str, format: str, **options):
        try:
            text = sys.stdin.read() if file == "-" else open(file, encoding="utf-8").read()  # noqa: SIM115
        except OSError as error:
            raise CommandError(f"Kan het bestand niet lezen: {error.strerror}.") from error
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise CommandError(f"Dit is geen geldige JSON (regel {error.lineno}).") from error
        households = data if isinstance(data, list) else [data]
        results, failed = [], False
        for household in households:
            try:
                results.append(services.money_check_run(household=household).as_dict())
            except HouseholdError as error:
                failed = True
                results.append(
                    {"error": {"message": " ".join(error.messages), "details": error.messages}}
                )
        if format == "json":
            out = results if isinstance(data, list) else results[0]
            self.stdout.write(json.dumps(out, ensure_ascii=False, indent=2))
        else:
            for result in results:
                self.stdout.write(self._text(result))
        if failed:
            sys.exit(2)

    def _text(self, result: dict) -> str:
        if "error" in result:
            return "Niet berekend: " + result["error"]["message"]
        lines = [f"Geldcheck {result['year']}"]
        for scheme in result["schemes"]:
            amount = scheme["amount_month"]
            money = f" – {euro(amount)} per maand" if amount else ""
            lines.append(f"- {scheme['name']}: {STATUS[scheme['status']]}{money}")
        lines.append(f"Samen misschien {euro(result['total_month'])} per maand.")
        return "\n".join(lines)
