# tollgate: two commands set up a fresh Debian 12 machine.
#   make demo   installs what is missing, builds in Release, lints and traces the sample batch
#   make test   installs what is missing, builds, runs every test through ctest
# Variables: BUILD_DIR (default build), SANITIZE (e.g. address,undefined), SPECS (peer suites
# for conformance-dates, default ../shared/peer-specs).

BUILD_DIR ?= build
SANITIZE ?=
TOLLGATE := $(BUILD_DIR)/tollgate

# Debian packages the build and the tests need.
DEBIAN_PACKAGES := cmake ninja-build g++ pkg-config libboost-dev libyaml-cpp-dev \
  nlohmann-json3-dev libfmt-dev libcli11-dev libeigen3-dev libgumbo-dev libsimdjson-dev \
  doctest-dev python3

SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: all deps build demo test clean format bench conformance-dates

all: build

deps:
	@missing=$$(for p in $(DEBIAN_PACKAGES); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DTOLLGATE_SANITIZE=$(SANITIZE)
	cmake --build $(BUILD_DIR)

demo: build
	@echo "== tollgate lint fixtures/sample (findings are expected: the batch has planted errors)"
	$(TOLLGATE) lint --fail-on never fixtures/sample
	@echo
	@echo "== tollgate trace fixtures/sample"
	$(TOLLGATE) trace fixtures/sample

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure

# The date cases of the peers' suites, read from SPECS at run time:
#   make conformance-dates SPECS=../shared/peer-specs
SPECS ?= ../shared/peer-specs
conformance-dates: build
	$(TOLLGATE) conformance dates $(SPECS)

# make bench CORPUS=batch.jsonl [TRUTH=truth.jsonl]: a corpus from
# shared/bench/make-corpus (with --truth for the recall line).
bench: build
	@test -n "$(CORPUS)" || { echo "usage: make bench CORPUS=FILE [TRUTH=FILE]"; exit 2; }
	bench/run-bench $(TOLLGATE) $(CORPUS) $(TRUTH)

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp')

clean:
	rm -rf $(BUILD_DIR)
