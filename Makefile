# tollgate: two commands set up a fresh Debian 12 machine.
#   make demo   installs what is missing, builds in Release, lints and traces the sample batch
#   make test   installs what is missing, builds, runs every test through ctest
#   make conformance SPECS=DIR        the number grammar against peers' test suites (see README)
#   make conformance-dates SPECS=DIR  the date grammar against the peers' date suites
#   make bench CORPUS=FILE [TRUTH=F] [ROUNDS=3]  extract and lint throughput, memory and recall
#   make bench-grammar CORPUS=FILE    the number grammar's speed in MB/s on a JSONL or text corpus
#   make fuzz FUZZ_SECONDS=600        libFuzzer on the grammars (clang), bounded in time
# Variables: BUILD_DIR (default build), SANITIZE (e.g. address,undefined), SPECS (peer suites,
# default ../shared/peer-specs), JOBS (parallel compile jobs for the bench-grammar and fuzz
# builds, default 1).

BUILD_DIR ?= build
SANITIZE ?=
TOLLGATE := $(BUILD_DIR)/tollgate

# Debian packages the build and the tests need.
DEBIAN_PACKAGES := cmake ninja-build g++ pkg-config libboost-dev libyaml-cpp-dev \
  nlohmann-json3-dev libfmt-dev libcli11-dev libeigen3-dev libgumbo-dev libsimdjson-dev \
  libmimalloc-dev doctest-dev python3

BENCH_PACKAGES := libbenchmark-dev
FUZZ_PACKAGES := clang libclang-rt-14-dev

SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

SPECS ?= ../shared/peer-specs
CORPUS ?=
FUZZ_SECONDS ?= 600
JOBS ?= 1
BENCH_DIR ?= build-bench
FUZZ_DIR ?= build-fuzz

.PHONY: all deps build demo test clean format bench conformance conformance-dates bench-grammar fuzz

all: build

# $(call install,PACKAGES): installs those of PACKAGES that are missing.
define install
	@missing=$$(for p in $(1); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call install,$(DEBIAN_PACKAGES))

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
conformance-dates: build
	$(TOLLGATE) conformance dates $(SPECS)

# make bench CORPUS=batch.jsonl [TRUTH=truth.jsonl] [ROUNDS=3]: a corpus from
# shared/bench/make-corpus (with --truth for the recall line); each run keeps
# its fastest of ROUNDS rounds.
ROUNDS ?= 3
bench: build
	@test -n "$(CORPUS)" || { echo "usage: make bench CORPUS=FILE [TRUTH=FILE] [ROUNDS=3]"; exit 2; }
	ROUNDS=$(ROUNDS) bench/run-bench $(TOLLGATE) $(CORPUS) $(TRUTH)

conformance: build
	$(TOLLGATE) conformance numbers $(SPECS)

bench-grammar: deps
	@test -n "$(CORPUS)" || { echo "usage: make bench-grammar CORPUS=FILE (JSONL from shared/bench/make-corpus, or text)"; exit 2; }
	$(call install,$(BENCH_PACKAGES))
	cmake -S . -B $(BENCH_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DTOLLGATE_BENCH=ON -DTOLLGATE_TESTS=OFF
	cmake --build $(BENCH_DIR) -j $(JOBS) --target tollgate_grammar_bench
	$(BENCH_DIR)/tollgate_grammar_bench $(CORPUS)

fuzz: deps
	$(call install,$(FUZZ_PACKAGES))
	cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DTOLLGATE_FUZZ=ON -DTOLLGATE_TESTS=OFF
	cmake --build $(FUZZ_DIR) -j $(JOBS) --target tollgate_grammar_fuzz
	mkdir -p $(FUZZ_DIR)/corpus
	cp fixtures/claims/*.txt fixtures/sample/*.txt $(FUZZ_DIR)/corpus/
	$(FUZZ_DIR)/tollgate_grammar_fuzz -max_total_time=$(FUZZ_SECONDS) -timeout=10 -max_len=2048 \
	  -print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/ $(FUZZ_DIR)/corpus

format:
	clang-format -i $$(git ls-files 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp')

clean:
	rm -rf $(BUILD_DIR) $(BENCH_DIR) $(FUZZ_DIR)
