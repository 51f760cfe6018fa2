# Two commands for a fresh machine:
#   make demo   installs everything into .venv and runs the whole pipeline on the demo corpus
#   make test   installs everything into .venv and runs the test suite
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
DEMO   ?= demo-werkmap
# Where pip looks for torch. Empty = the default index (right here, where only PyPI is reachable).
# On a normal Linux machine pip's default torch is the large CUDA build; get the CPU wheel with
#   make demo TORCH_INDEX=https://download.pytorch.org/whl/cpu
TORCH_INDEX ?=
# A demo passphrase for the demo corpus only; real work sets its own NARRATIEF_PASSPHRASE.
DEMO_PASSPHRASE ?= demo-wachtwoord-niet-voor-echte-data

.PHONY: install demo test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# torch first, pinned, from TORCH_INDEX when set (see above), so the project install reuses it.
$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet torch==2.13.0 $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX))
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed

demo: install
	NARRATIEF_PASSPHRASE="$${NARRATIEF_PASSPHRASE:-$(DEMO_PASSPHRASE)}" $(BIN)/narratief demo $(DEMO)

test: install
	$(BIN)/python -m pytest -q

# The leak-check and report benchmarks measure the demo workspace, so the demo runs first.
bench: demo
	export NARRATIEF_PASSPHRASE="$${NARRATIEF_PASSPHRASE:-$(DEMO_PASSPHRASE)}"; \
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) $(DEMO)
