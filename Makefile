# Two commands: `make serve` and `make test`. Each sets up everything it needs first.
PYTHON ?= python3
VENV   := .venv
export NO_MKDOCS_2_WARNING := 1 # Material prints an end-of-life banner on every build; the README covers it
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | cksum | cut -d' ' -f1)
# axe-core (accessibility tests) and lighthouse (bench), pinned in package-lock.json
NODE_STAMP := node_modules/.installed

.PHONY: serve build test offline bench clean browser java

serve: $(STAMP)  ## serve English and Welsh at http://127.0.0.1:8000, rebuilding on every edit
	$(PY) tools/serve.py

build: $(STAMP)  ## build site/ strictly; a failed build leaves the old site/ untouched
	$(PY) tools/build.py --site-dir site

offline: build  ## the built site as a zip to open from disk or a shared drive: dist/social-care-toolkit.zip
	$(PY) tools/offline.py --site-dir site --output dist/social-care-toolkit.zip

test: $(STAMP) browser java $(NODE_STAMP)  ## the whole suite, browser tests included (and real nginx and Apache)
	tools/ensure-servers.sh
	tools/ensure-debian-package.sh soffice libreoffice-writer-nogui  # the .docx the report saves is opened with it
	node --experimental-detect-module --test tests/js/
	$(PY) -m pytest

browser:
	tools/ensure-debian-package.sh chromium chromium fonts-liberation

java:  ## Java for the W3C Nu Html Checker (tests/site/test_valid_html.py)
	tools/ensure-debian-package.sh java default-jre-headless

bench: $(STAMP) browser $(NODE_STAMP)  ## build time, page weight and Lighthouse against plain Material, as one table
	$(PY) bench/run.py
	$(PY) bench/worksheet_bench.py
	$(PY) bench/team_bench.py
	$(PY) bench/report_bench.py

.PHONY: engine-check bench-quick

engine-check: $(STAMP)  ## build the English site with Zensical and with ProperDocs too, and report page by page what differs (not part of make test)
	$(PY) bench/engine_check.py

bench-quick: $(STAMP) browser $(NODE_STAMP)  ## the benchmark tables at 1x and 10x content, once each, no test-suite run
	$(PY) bench/run.py --quick

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .  # the project itself, editable
	rm -f $(VENV)/.installed-*
	touch $@

clean:
	rm -rf site server-config .site-build-* $(VENV) .pytest_cache .cache/jinja
