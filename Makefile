# doenvermogen — the two commands: `make run` (demo on SQLite) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= doenvermogen.settings.dev
export SITE_URL ?= http://$(HOST):$(PORT)
IDP_PORT ?= 9100
export DEMO_IDP_ISSUER ?= http://$(HOST):$(IDP_PORT)/o
# The demo's test identity provider (test-only code, tests/sso/idp): `make run` starts it in the
# background; `make idp` alone starts only the provider.
IDP_ENV = DV_IDP_REDIRECT_URIS=http://$(HOST):$(PORT)/sso/callback/ \
  DV_IDP_LOGOUT_URIS=http://$(HOST):$(PORT)/accounts/login/
IDP_ARGS = tests/sso/idp/demo_users.json var/idp.sqlite3

.PHONY: run idp test test-only venv system-deps system-deps-test messages css lint format bench bench-data loadtest clean doctor

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,rq,server]'
	touch $@

venv: $(VENV)/.installed

system-deps:
	scripts/install_system_deps.sh run

system-deps-test:
	scripts/install_system_deps.sh test

# Do the tools work (Frog, WeasyPrint, Chromium, msgfmt), does the database answer, is the mail
# directory writable, have the worker and the repair sweep recorded a recent heartbeat?
doctor: venv
	$(PY) manage.py doctor --browser

messages: venv
	$(PY) manage.py compilemessages -v0 --ignore '.venv/*' --ignore 'node_modules/*'

# Installs everything, migrates SQLite (var/doenvermogen.sqlite3), loads demo data, starts the
# background worker (with the reminders' repair sweep every 5 minutes), the letter checker's
# analysis pool (one Frog, var/letters-pool.sock), the demo's test identity provider (IDP_PORT,
# switched off in the app until the administrator switches it on) and the web server, and
# prints the address and the demo logins.
run: venv system-deps messages
	mkdir -p var
	$(PY) manage.py migrate -v0
	$(PY) manage.py load_catalogues
	$(PY) manage.py load_demo_data
	@echo ""
	@echo "doenvermogen runs at http://$(HOST):$(PORT)/  (stop with Ctrl+C)"
	@echo "E-mails are written to var/mail/."
	@echo "The test identity provider runs at $(DEMO_IDP_ISSUER) (var/idp.log): switch it on in"
	@echo "the app as the administrator to sign in through it (docs/admin.md, 'The demo's local"
	@echo "identity provider')."
	@$(IDP_ENV) $(PY) -m tests.sso.idp.run $(IDP_PORT) $(IDP_ARGS) > var/idp.log 2>&1 & \
	  idp=$$!; \
	  $(PY) manage.py db_worker --no-startup-delay & \
	  worker=$$!; \
	  $(PY) manage.py reminders_dispatch --loop 300 > var/reminders_dispatch.log 2>&1 & \
	  repair=$$!; \
	  $(PY) manage.py privacy_retention --loop 3600 > var/privacy_retention.log 2>&1 & \
	  retention=$$!; \
	  $(PY) -m doenvermogen.letters.analysis serve --address $(CURDIR)/var/letters-pool.sock \
	    > var/letters-pool.log 2>&1 & \
	  pool=$$!; trap "kill $$idp $$worker $$repair $$retention $$pool 2>/dev/null" EXIT INT TERM; \
	  $(PY) manage.py runserver $(HOST):$(PORT) --noreload

# Installs everything (Chromium and Frog from Debian when missing) and runs the whole suite.
# SQLite by default; PostgreSQL when DATABASE_URL is set.
test: venv system-deps-test messages test-only

test-only:
	DJANGO_SETTINGS_MODULE=doenvermogen.settings.test $(PY) -m pytest -q $(PYTEST_ARGS)

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	DJANGO_SETTINGS_MODULE=doenvermogen.settings.test $(PY) manage.py makemigrations --check --dry-run -v0

format: venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Rebuild the NL Design System CSS subset and htmx from npm (committed results; needs node/npm).
css:
	npm install --no-audit --no-fund
	$(PY) scripts/build_css.py
	cp node_modules/htmx.org/dist/htmx.min.js doenvermogen/ui/static/ui/vendor/htmx.min.js

bench: venv
	$(PY) benchmarks/run_all.py

# Grow a PostgreSQL database to a municipality's caseload (BENCH_DB, default: database "bench").
BENCH_DB ?= postgres://postgres@127.0.0.1:5432/bench
bench-data: venv
	DATABASE_URL=$(BENCH_DB) $(PY) manage.py migrate -v0
	DATABASE_URL=$(BENCH_DB) $(PY) manage.py load_catalogues
	DATABASE_URL=$(BENCH_DB) $(PY) manage.py load_demo_data
	DATABASE_URL=$(BENCH_DB) $(PY) manage.py bench_data --clients $${CLIENTS:-100000} --log-rows $${LOG_ROWS:-10000000}

# locust (20 users, 2 minutes) against gunicorn with production settings on BENCH_DB.
loadtest: venv
	$(PY) -m pip install -q -e '.[bench]'
	$(PY) benchmarks/loadtest.py --database $(BENCH_DB) --users $${USERS:-20} --seconds $${SECONDS_:-120} --label "$${LABEL:-loadtest}"

clean:
	rm -rf $(VENV) var node_modules

# The demo's local test identity provider (single sign-on for Fatima, DigiD for Noor): a
# django-oauth-toolkit OpenID Connect provider on IDP_PORT. `make run` starts it too; this target
# starts only the provider (e.g. next to a server started otherwise). Switch it on in the app as
# the administrator (Sign-in). Not for production. See docs/admin.md.
idp: venv
	mkdir -p var
	$(IDP_ENV) $(PY) -m tests.sso.idp.run $(IDP_PORT) $(IDP_ARGS)
