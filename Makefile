# EveryDoor: two commands do all set-up on a fresh Debian machine.
#   make demo   installs what it needs, then serves the demo at http://127.0.0.1:8000
#   make test   installs what it needs, then runs the whole test suite (browser tests too)

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages: Chromium for browser tests, Noto fonts for every script we show,
# espeak-ng and opus-tools for read-aloud audio, Pango for PDF forms, gettext to compile translations,
# poppler-utils so tests can read the PDFs back.
DEBIAN_PACKAGES := chromium fonts-noto-core fonts-noto-extra fonts-noto-cjk espeak-ng opus-tools \
	libpango-1.0-0 libpangoft2-1.0-0 gettext poppler-utils
LANGUAGE_CODES := $(shell sed -n 's/.*"code": "\([a-z-]*\)".*/\1/p' everydoor/languages/data/languages.json | grep -v '^en$$')
DEV_ENV := DEBUG=1 EVERYDOOR_HTTPS=0
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: demo test test-sqlite test-postgres lint system-packages messages translations production bench

demo: system-packages $(VENV)/installed translations
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py load_demo
	$(DEV_ENV) $(BIN)/python manage.py load_content
	# Made-up journeys, so the equity dashboard has something to show.
	$(DEV_ENV) $(BIN)/python manage.py make_synthetic_journeys --events 100000 --if-empty
	# A task worker runs beside the web server, as in production; both stop together.
	$(DEV_ENV) $(BIN)/python manage.py db_worker --interval 1 & worker=$$!; \
	trap 'kill $$worker' EXIT INT TERM; \
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

test: system-packages $(VENV)/installed translations lint test-sqlite

test-sqlite:
	$(DEV_ENV) $(BIN)/python manage.py makemigrations --check --dry-run > /dev/null
	$(BIN)/python -m pytest -q

test-postgres: system-packages $(VENV)/installed translations
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/python -m pytest -q

lint: $(VENV)/installed
	$(BIN)/ruff check everydoor bench

# The benchmarks print tables (page weight; questionnaires per second, directory search
# latency, inbound messages per second with a fault run, and equity dashboard queries with
# ten million events, on PostgreSQL).
bench: system-packages $(VENV)/installed translations
	@command -v wrk >/dev/null || $(SUDO) apt-get install -y -qq --no-install-recommends wrk
	$(BIN)/python bench/page_weight.py
	$(BIN)/python bench/screening.py --server $(dir $(POSTGRES_URL))postgres
	$(BIN)/python bench/directory.py --server $(dir $(POSTGRES_URL))postgres
	$(BIN)/python bench/channels.py --server $(dir $(POSTGRES_URL))postgres
	$(BIN)/python bench/equity.py --server $(dir $(POSTGRES_URL))postgres

system-packages:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:" $$missing; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(VENV)/installed: requirements.lock pyproject.toml
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.lock
	touch $@

# Compile the interface translations (.po -> .mo).
translations: $(VENV)/installed
	$(DEV_ENV) $(BIN)/python manage.py compilemessages --verbosity 0 --ignore .venv

# Regenerate the .po files after changing interface strings in code or templates.
messages: $(VENV)/installed
	$(DEV_ENV) $(BIN)/python manage.py makemessages --no-location --no-obsolete \
		-i .venv -i staticfiles -i media $(addprefix -l ,$(subst zh-hant,zh_Hant,$(LANGUAGE_CODES)))
	$(DEV_ENV) $(BIN)/python manage.py tidy_catalogues

production: $(VENV)/installed translations
	bin/production
