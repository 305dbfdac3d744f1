"""Locust scenario: professionals, team leads and clients on one doenvermogen server.

Run through ``benchmarks/loadtest.py`` (``make loadtest``), which starts gunicorn on loopback,
makes the client links this scenario uses and writes the figures. The accounts come from
``manage.py bench_data`` (password ``bench-wachtwoord``); ``LOADTEST_CLIENT_LINKS`` names a file
with one personal-link path per line.
"""

from __future__ import annotations

import os
import random
import re

from locust import HttpUser, between, task

PASSWORD = "bench-wachtwoord"
TEAMS = int(os.environ.get("LOADTEST_TEAMS", "50"))
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TRAJECTORY = re.compile(r'href="/trajectories/(\d+)/"')
with open(os.environ.get("LOADTEST_CLIENT_LINKS", "/dev/null"), encoding="utf-8") as _file:
    LINKS = [line.strip() for line in _file if line.strip()]


class _Staff(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    email = ""

    def on_start(self) -> None:
        page = self.client.get("/accounts/login/", name="sign-in page")
        found = CSRF.search(page.text)
        token = found.group(1) if found else self.client.cookies.get("csrftoken", "")
        with self.client.post(
            "/accounts/login/",
            {"username": self.email, "password": PASSWORD, "csrfmiddlewaretoken": token},
            headers={"Referer": f"{self.host}/accounts/login/"},
            name="sign in",
            catch_response=True,
        ) as response:
            if "/accounts/login/" in response.url:
                response.failure(f"sign-in failed for {self.email}")
        self.trajectories: list[str] = []


class Professional(_Staff):
    weight = 10

    def on_start(self) -> None:
        team = random.randrange(TEAMS)
        self.email = f"pro{team:03d}-{random.randrange(5)}@bench.invalid"
        super().on_start()
        self.my_clients()

    @task(4)
    def my_clients(self) -> None:
        page = random.choice(["", "?page=2", "?page=3"])
        with self.client.get(f"/clients/{page}", name="my clients", catch_response=True) as r:
            found = TRAJECTORY.findall(r.text)
            if found:
                self.trajectories = found

    @task(1)
    def search(self) -> None:
        self.client.get(
            f"/clients/?q={random.choice(['noor', 'karel', 'mila', '0123', 'eva 00'])}",
            name="my clients: search",
        )

    @task(4)
    def trajectory(self) -> None:
        if self.trajectories:
            pk = random.choice(self.trajectories)
            self.client.get(f"/trajectories/{pk}/", name="trajectory page")

    @task(1)
    def psychoeducation(self) -> None:
        if self.trajectories:
            pk = random.choice(self.trajectories)
            self.client.get(f"/trajectories/{pk}/psychoeducation/", name="psycho-education")


class TeamLead(_Staff):
    weight = 2

    def on_start(self) -> None:
        self.email = f"lead{random.randrange(TEAMS):03d}@bench.invalid"
        super().on_start()

    @task(2)
    def team_meeting(self) -> None:
        self.client.get("/psychoeducation/team-meeting/", name="team meeting")

    @task(1)
    def my_clients(self) -> None:
        self.client.get("/clients/", name="my clients")


class ClientOnPhone(HttpUser):
    weight = 8 if LINKS else 0
    wait_time = between(2, 5)

    def on_start(self) -> None:
        if LINKS:
            self.client.get(random.choice(LINKS), name="personal link")

    @task
    def my_page(self) -> None:
        self.client.get("/me/", name="client's own page")

    @task
    def static(self) -> None:
        self.client.get("/static/ui/dv.css", name="static css")
