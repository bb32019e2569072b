# Parity — build, test and run targets. `make test` is what CI runs.
SWIFT ?= swift
BUILD_FLAGS ?=

.PHONY: build test release clean deps demo soak soak-build soak-kills soak-fuzz

build:
	$(SWIFT) build $(BUILD_FLAGS)

# Builds everything (the CLI too: tests run the binary) and runs every test, the integration
# tests included: they start throwaway PostgreSQL clusters and fail loudly if they cannot.
test: build
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	SWIFT=$(SWIFT) scripts/run-tests.sh $(BUILD_FLAGS)

# The whole story on a throwaway PostgreSQL: installs missing system packages when run as root
# (otherwise prints the apt command), builds, and runs `parity demo` (DEMO_FLAGS: --keep, --days N, ...).
DEMO_FLAGS ?=
demo: deps build
	.build/debug/parity demo $(DEMO_FLAGS)

release:
	$(SWIFT) build -c release $(BUILD_FLAGS)

# Installs the system packages Parity needs (as root), or prints the command to run.
deps:
	@scripts/install-deps.sh

clean:
	rm -rf .build

# Benchmarks (release build; they start and remove their own PostgreSQL). Figures go to
# Benchmarks/out/*.jsonl and are recorded by hand in Benchmarks/RESULTS.md.
BENCH_ROWS ?= 1000000
BENCH_SMALL_TRANSACTIONS ?= 200000
BENCH_CLOSE_ROWS ?= 1000000
BENCH_LAG_SECONDS ?= 60
BENCH_LAG_TPS ?= 3000

.PHONY: bench bench-build bench-capture bench-lag bench-close bench-close-large bench-close-random bench-close-postgres monthly-png

# Renders the sample monthly close report with headless Chromium (apt-get install chromium) to the
# image the README shows; look at it after changing the HTML report.
monthly-png: build
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	PARITY_SAMPLE_HTML=$(CURDIR)/.build/monthly-sample.html $(SWIFT) test --skip-build --disable-xctest $(BUILD_FLAGS) \
		--filter 'MonthlyFormatsTests/writeSample'
	scripts/render-png.sh .build/monthly-sample.html docs/images/monthly-report.png 1200 2150

bench: bench-capture bench-lag bench-close bench-close-large bench-close-postgres

bench-build:
	$(SWIFT) build -c release --product parity $(BUILD_FLAGS)
	$(SWIFT) build -c release --product parity-bench $(BUILD_FLAGS)
	mkdir -p Benchmarks/out

# Capture vs pg_recvlogical on the same WAL, into the SQLite store, then into a PostgreSQL store on a cluster of its own.
bench-capture: bench-build
	.build/release/parity-bench .build/release/parity Benchmarks/out/capture.jsonl $(BENCH_ROWS) $(BENCH_SMALL_TRANSACTIONS)

# Live commit-to-durable lag: pgbench at BENCH_LAG_TPS on each database for BENCH_LAG_SECONDS.
bench-lag: bench-build
	.build/release/parity-bench lag .build/release/parity Benchmarks/out/lag.jsonl $(BENCH_LAG_SECONDS) $(BENCH_LAG_TPS)

# Cycle close and baseline vs data-diff (installed into Benchmarks/out/venv on first run), then
# `parity verify --sources` on the same pair, with capture running and 9 drifts planted behind its back.
bench-close: bench-build
	.build/release/parity-bench close .build/release/parity Benchmarks/out/close.jsonl $(BENCH_CLOSE_ROWS)

# Issue 4's close: 1M keys changed on each side of a 10M-row pair (every 10th row), 1% of them planted
# differences (3,333 of each kind); also the 10M baseline against data-diff, and issue 23's verify of the
# 10M pair against data-diff's full diff in the same run. About 6 minutes here.
bench-close-large: bench-build
	.build/release/parity-bench close .build/release/parity Benchmarks/out/close-10m.jsonl 10000000 10 3333

# Issue 26's close: the 10M-row pair of bench-close-large with the SQLite store (baseline, changed close) and data-diff,
# then on a fresh pair with the PostgreSQL store, in a throwaway cluster of its own tuned as a store (StoreCluster.swift),
# closed by BENCH_WORKERS `parity worker` processes: baseline, the changed close (from due to recorded) and each
# worker's peak RSS. No verify.
BENCH_WORKERS ?= 2
bench-close-postgres: bench-build
	.build/release/parity-bench close-postgres .build/release/parity Benchmarks/out/close-postgres-10m.jsonl 10000000 10 3333 $(BENCH_WORKERS)

# The same with the shared updates logged in random key order, as many writers on random keys would write
# them (the default order, the table's, is nearly key order). Not part of `make bench`; about 6 minutes.
bench-close-random: bench-build
	.build/release/parity-bench close .build/release/parity Benchmarks/out/close-10m-random.jsonl 10000000 10 3333 random

# The proof at scale (issue 30), not part of `make test`; figures are recorded by hand in Benchmarks/RESULTS.md.
# soak-kills: pgbench (TPC-B-like, and 1 transaction in 100 a streamed bulk insert) on two throwaway clusters while
# `parity capture` is SIGKILLed SOAK_KILLS times at random moments, then the store is compared row by row with both
# sources and its change counts with theirs (SOAK_SEED replays the kill delays; the loop is bounded to SOAK_MINUTES;
# SOAK_STORE=postgres captures into a PostgreSQL store on a third throwaway cluster instead of the SQLite file).
# soak-fuzz: the pgoutput decoder and transaction assembler under libFuzzer and AddressSanitizer for
# SOAK_FUZZ_INPUTS inputs seeded from the captured fixtures, bounded to SOAK_FUZZ_MINUTES.
SOAK_KILLS ?= 100
SOAK_FUZZ_INPUTS ?= 10000000
SOAK_FUZZ_MINUTES ?= 120
SOAK_MINUTES ?= 45
SOAK_PGBENCH_SCALE ?= 1
SOAK_PGBENCH_CLIENTS ?= 4
SOAK_PGBENCH_RATE ?= 200
SOAK_BULK_ROWS ?= 3000
SOAK_SEED ?=
SOAK_STORE ?= sqlite

soak: soak-kills soak-fuzz

soak-build:
	$(SWIFT) build -c release --product parity $(BUILD_FLAGS)
	$(SWIFT) build -c release --product parity-soak $(BUILD_FLAGS)

soak-kills: soak-build
	.build/release/parity-soak kills .build/release/parity --kills $(SOAK_KILLS) --minutes $(SOAK_MINUTES) \
		--scale $(SOAK_PGBENCH_SCALE) --clients $(SOAK_PGBENCH_CLIENTS) --rate $(SOAK_PGBENCH_RATE) \
		--bulk-rows $(SOAK_BULK_ROWS) --store $(SOAK_STORE) $(if $(SOAK_SEED),--seed $(SOAK_SEED))

soak-fuzz: soak-build
	rm -rf .build/soak-fuzz/seeds
	.build/release/parity-soak seeds Tests/LogicalReplicationTests/Fixtures .build/soak-fuzz/seeds
	scripts/soak-fuzz.sh .build/soak-fuzz/seeds $(SOAK_FUZZ_INPUTS) $(SOAK_FUZZ_MINUTES)
