# Two commands: `make serve` and `make test`. Each sets up everything it needs first.
PYTHON ?= python3
VENV   := .venv
export NO_MKDOCS_2_WARNING := 1 # Material prints an end-of-life banner on every build; the README covers it
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: serve build test offline bench clean browser

serve: $(STAMP)  ## serve at http://127.0.0.1:8000, rebuilding on every edit of content/, macros/, overrides/
	$(PY) -m macros
	$(VENV)/bin/mkdocs serve --strict -a 127.0.0.1:8000

build: $(STAMP)  ## build site/ strictly; a failed build leaves the old site/ untouched
	$(PY) tools/build.py --site-dir site

test: $(STAMP) browser  ## the whole suite, browser tests included
	$(PY) -m pytest

browser:
	tools/ensure-chromium.sh

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

clean:
	rm -rf site .site-build-* $(VENV) .pytest_cache
