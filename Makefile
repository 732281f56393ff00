# The two commands that matter: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run serve serve-cluster bench test screenshots install browser-deps migrate demo lint format messages clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --no-input

demo: migrate
	$(PY) manage.py load_demo

run: demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# The production setup on this machine: production settings, hashed static files served by
# whitenoise, gunicorn with 2 workers and a background task worker, on SQLite or DATABASE_URL. Plain HTTP, so secure
# cookies and the HTTPS redirect are off; a throwaway SECRET_KEY unless one is set.
SERVE_ENV = DJANGO_SETTINGS_MODULE=jindu.settings.production \
	SECRET_KEY=$${SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0 \
	SECURE_HSTS_SECONDS=0 SERVE_MEDIA=$${SERVE_MEDIA:-1} \
	EMAIL_BACKEND=$${EMAIL_BACKEND:-django.core.mail.backends.filebased.EmailBackend} \
	EMAIL_FILE_PATH=$${EMAIL_FILE_PATH:-$(CURDIR)/.cache/mail}

serve: demo
	$(SERVE_ENV) $(PY) manage.py collectstatic --no-input --verbosity 0
	trap 'kill 0' EXIT; \
	$(SERVE_ENV) $(PY) manage.py db_worker & \
	$(SCHEDULER) & \
	$(SERVE_ENV) $(VENV)/bin/gunicorn -c deploy/gunicorn.py jindu.wsgi:application --bind 127.0.0.1:$(PORT)

# What cron does in production (docs/deploy.md), every minute while `make serve` runs: a page
# scheduled for June 26 00:00 goes live at 00:00 here too.
SCHEDULER = while true; do $(SERVE_ENV) $(PY) manage.py publish_scheduled >/dev/null; \
	$(SERVE_ENV) $(PY) manage.py recover_imports --verbosity 0; sleep 60; done

# Varnish (Debian's varnish) on PORT in front of two app servers (gunicorn on APP_PORTS),
# and the task worker: the production shape on one machine (docs/deploy.md). They share the
# database and, with REDIS_URL, Redis; without it the file caches of this machine.
APP_PORTS ?= 8001 8002
serve-cluster: demo
	$(SERVE_ENV) $(PY) manage.py collectstatic --no-input --verbosity 0
	$(PY) deploy/varnish/backends.py $(VENV)/cluster.vcl $(foreach port,$(APP_PORTS),127.0.0.1:$(port))
	trap 'kill 0' EXIT; \
	export FRONTEND_CACHE_PURGE_URL=http://127.0.0.1:$(PORT) TRUSTED_PROXIES=127.0.0.1,::1; \
	$(SERVE_ENV) $(PY) manage.py db_worker & \
	$(SCHEDULER) & \
	$(foreach port,$(APP_PORTS),$(SERVE_ENV) $(VENV)/bin/gunicorn -c deploy/gunicorn.py jindu.wsgi:application --bind 127.0.0.1:$(port) & ) \
	varnishd -F -j none -a 127.0.0.1:$(PORT) -f $(CURDIR)/$(VENV)/cluster.vcl -n $(CURDIR)/$(VENV)/varnish -s malloc,256m

# Benchmarks (docs/benchmarks.md): production settings, on a database of their own; set
# DATABASE_URL to run them on PostgreSQL. BENCH_ARGS="--events 2000,20000" for a quick run.
BENCH_ENV = $(SERVE_ENV) LOG_LEVEL=ERROR \
	DATABASE_URL=$${DATABASE_URL:-sqlite:///$(CURDIR)/.venv/bench.sqlite3}

bench: install
	$(BENCH_ENV) $(PY) manage.py migrate --no-input --verbosity 0
	$(BENCH_ENV) $(PY) manage.py collectstatic --no-input --verbosity 0
	$(BENCH_ENV) $(PY) -m tests.bench $(BENCH_ARGS)

# What the tests need beyond Python, from Debian when running as root (otherwise it says
# what to install): Chromium and a Chinese font for the browser tests, Varnish for the
# cluster test, wrk for `make bench`, LibreOffice (headless) to open the exports, poppler and
# zbar to read generated PDFs and their QR codes; and the Nu HTML Checker (vnu-jar from npm, run by
# Java). Tests whose tool is missing skip with a one-line reason.
VNU_VERSION := 26.9.27
DEBIAN_TOOLS := chromium fonts-wqy-microhei varnish wrk libreoffice-calc-nogui poppler-utils zbar-tools
browser-deps: install
	@missing=""; for tool in /usr/bin/chromium /usr/sbin/varnishd /usr/bin/wrk /usr/bin/soffice /usr/bin/pdftoppm /usr/bin/zbarimg; do \
		[ -x $$tool ] || missing=1; done; fc-list :lang=zh | grep -q . || missing=1; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEBIAN_TOOLS) >/dev/null; \
		else echo "Missing: sudo apt-get install $(DEBIAN_TOOLS)"; fi; fi
	@if [ ! -f $(VENV)/vnu/node_modules/vnu-jar/build/dist/vnu.jar ]; then \
		npm install --silent --no-audit --no-fund --prefix $(VENV)/vnu vnu-jar@$(VNU_VERSION); fi

# The whole suite, browser and cluster tests included: it installs what they need first.
# The tests that need no browser run in TEST_WORKERS processes (pytest-xdist, each with its
# own test database and caches); then the browser tests, and the others that use the real
# site they start (marked real_site), in two processes sharing that one site: the page
# checks in one, everything that changes the site in the other (tests/conftest.py).
TEST_WORKERS ?= 2
test: install browser-deps
	$(PY) -m pytest -m "not browser and not real_site" -n $(TEST_WORKERS) $(PYTEST_ARGS)
	$(PY) -m pytest -m "browser or real_site" -n 2 --dist loadgroup $(PYTEST_ARGS)

# The README's pictures, from the browser journeys, into docs/screenshots.
screenshots: install browser-deps
	SCREENSHOTS=$(CURDIR)/docs/screenshots $(PY) -m pytest tests/test_browser_journeys.py tests/test_browser_reader.py \
		tests/test_browser_feedback.py

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Regenerate the gettext catalogues after changing user-facing strings, then edit
# site/locale/zh_Hans/LC_MESSAGES/django.po and run `make messages` again to compile.
messages: install
	$(PY) manage.py makemessages -l zh_Hans -l en --ignore=.venv --ignore=tests --no-obsolete
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3
