# Two commands matter: `make run` and `make test`. Both create .venv when it is missing or stale.
PY      ?= python3
VENV    ?= .venv
STAMP   := $(VENV)/.installed-$(shell sha256sum requirements.txt | cut -c1-16)
CLUSTER := $(VENV)/.cluster-$(shell sha256sum requirements-cluster.txt | cut -c1-16)
PORT    ?= 8501
ADDRESS ?= localhost

.PHONY: run test test-fast bench bench-browser bench-screen venv browser clean

venv: $(STAMP)

# Stale is decided by the hash of requirements.txt alone (the stamp's name), never by file times, and an existing
# venv is updated in place: the Makefile never deletes a directory it did not create.
$(STAMP):
	@if ! [ -x $(VENV)/bin/python ]; then $(PY) -m venv $(VENV) && touch $(VENV)/.made-by-tilpass; fi
	$(VENV)/bin/pip install -q --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

# The optional cluster extra (Dask), for screening on a cluster; the tests use it, the app never does.
$(CLUSTER): | $(STAMP)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r requirements-cluster.txt
	touch $(CLUSTER)

run: $(STAMP)
	$(VENV)/bin/streamlit run app.py --server.port $(PORT) --server.address $(ADDRESS)

# Debian's Chromium drives the browser tests; Playwright's own browser download is never used.
browser:
	@if ! [ -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	  else echo "Browser tests need /usr/bin/chromium: sudo apt-get install chromium"; fi; \
	fi

test: $(STAMP) $(CLUSTER) browser
	$(VENV)/bin/python -m pytest -q -ra

test-fast: $(STAMP)
	$(VENV)/bin/python -m pytest -q -m "not browser"

bench: $(STAMP)
	$(VENV)/bin/python -m bench

# What a person waits for in Chromium: the app against a minimal Streamlit page, both served by `streamlit run`.
bench-browser: $(STAMP) browser
	$(VENV)/bin/python -m bench.browser_timing

bench-screen: $(STAMP) $(CLUSTER)
	$(VENV)/bin/python -m bench.screen

clean:
	@if [ -f $(VENV)/.made-by-tilpass ]; then rm -rf $(VENV); fi
	rm -rf .pytest_cache test-artifacts
