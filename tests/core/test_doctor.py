"""`manage.py doctor` and the tool proofs of scripts/install_system_deps.sh: plain messages for
what is broken, heartbeats of the worker and the repair sweep."""

from __future__ import annotations

import datetime
import io
import os
import stat
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from doenvermogen.core import doctor
from doenvermogen.core.heartbeat import SWEEP, WORKER, heartbeat_age, heartbeat_record
from doenvermogen.core.models import Heartbeat
from doenvermogen.reminders.management.commands.reminders_dispatch import sweep_once


def _fake_tool(tmp_path: Path, name: str, script: str) -> None:
    exe = tmp_path / name
    exe.write_text("#!/bin/sh\n" + script + "\n")
    exe.chmod(exe.stat().st_mode | stat.S_IEXEC)


def test_frog_without_uctodata_says_so(tmp_path, monkeypatch):
    # What Frog prints when the Debian package uctodata (its tokenizer rules) is missing.
    _fake_tool(tmp_path, "frog", 'echo "frog-:Initialization failed for: [tokenizer]" >&2; exit 1')
    monkeypatch.setenv("PATH", str(tmp_path))
    result = doctor.check_frog()
    assert result.failed
    assert "uctodata" in result.message


def test_missing_tools_are_named_with_their_package(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing on the path
    for check, package in [
        (doctor.check_msgfmt, "gettext"),
        (doctor.check_frog, "frog"),
        (doctor.check_chromium, "chromium"),
        (doctor.check_pdftoppm, "poppler-utils"),
    ]:
        result = check()
        assert result.failed, check
        assert package in result.message


def test_a_frog_that_answers_nonsense_fails(tmp_path, monkeypatch):
    _fake_tool(tmp_path, "frog", 'echo "hello"')
    monkeypatch.setenv("PATH", str(tmp_path))
    result = doctor.check_frog()
    assert result.failed and "did not analyse" in result.message


def test_the_real_tools_work_on_this_machine():
    """What the install script proves: each installed tool does its job (not just exists)."""
    results = doctor.run_checks(
        [doctor.check_msgfmt, doctor.check_weasyprint, doctor.check_pdftoppm], out=io.StringIO()
    )
    assert [r.status for r in results] == [doctor.OK] * 3, results


@pytest.mark.django_db
def test_doctor_fails_when_the_worker_stopped_beating():
    heartbeat_record(name=WORKER)
    heartbeat_record(name=SWEEP)
    out = io.StringIO()
    call_command("doctor", "--skip-tools", stdout=out)
    assert "worker" in out.getvalue() and "All 4 checks pass." in out.getvalue()

    Heartbeat.objects.filter(name=WORKER).update(
        beat_at=timezone.now() - datetime.timedelta(hours=2)
    )
    with pytest.raises(CommandError, match="task worker last showed it was alive 120 minutes"):
        call_command("doctor", "--skip-tools", stdout=io.StringIO())


@pytest.mark.django_db
def test_doctor_checks_the_mail_directory(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    with (
        override_settings(
            EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
            EMAIL_FILE_PATH=str(blocked / "mail"),
        ),
        pytest.raises(CommandError, match="Cannot write e-mails"),
    ):
        call_command("doctor", "--skip-tools", stdout=io.StringIO())
    smtp = override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=9,  # discard: nothing listens
    )
    with smtp, pytest.raises(CommandError, match="SMTP server 127.0.0.1:9 does not answer"):
        call_command("doctor", "--skip-tools", stdout=io.StringIO())


@pytest.mark.django_db
def test_the_repair_sweep_records_both_heartbeats():
    # Test settings run tasks immediately: the worker's heartbeat task runs at once.
    assert heartbeat_age(name=WORKER) is None
    sweep_once()
    assert heartbeat_age(name=SWEEP) < datetime.timedelta(seconds=5)
    assert heartbeat_age(name=WORKER) < datetime.timedelta(seconds=5)


def test_the_install_script_names_uctodata():
    script = (
        Path(__file__).resolve().parents[2] / "scripts" / "install_system_deps.sh"
    ).read_text()
    assert "uctodata" in script and "doenvermogen.core.doctor" in script
    assert os.access(
        Path(__file__).resolve().parents[2] / "scripts" / "install_system_deps.sh", os.X_OK
    )
