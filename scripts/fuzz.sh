#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ and runs each for a bounded time.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]      (default 60; `make fuzz`)
#
# The library and its dependencies are compiled with coverage instrumentation
# and AddressSanitizer into .build/fuzz; each target is then linked by swiftc
# (a SwiftPM executable cannot carry libFuzzer's `main`). Inputs that found new
# coverage collect in .build/fuzz/corpus/<target>; a crash leaves
# .build/fuzz/crash-* and stops the run with a non-zero exit.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-60}
# libFuzzer and AddressSanitizer print the stack; Swift's own backtracer would stall on it.
export SWIFT_BACKTRACE=enable=no
BUILD=.build/fuzz
swift build --build-path "$BUILD" --target HienMauKit -Xswiftc -enable-testing \
  -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address
# The library's objects by its current sources (a deleted source leaves its object behind).
objects=$(find Sources/HienMauKit -name '*.swift' -exec basename {} \; | sort \
  | sed "s|^|$BUILD/debug/HienMauKit.build/|; s|\$|.o|")
objects="$objects $(find "$BUILD/debug/Yams.build" "$BUILD/debug/CYaml.build" "$BUILD/debug/ZIPFoundation.build" -name '*.o' | sort)"
status=0
for source in ${FUZZ_TARGETS:-Fuzz/*Fuzz.swift}; do
  name=$(basename "$source" .swift)
  swiftc -sanitize=fuzzer,address -parse-as-library -g "$source" -I "$BUILD/debug/Modules" \
    -Xcc -fmodule-map-file="$BUILD/checkouts/Yams/Sources/CYaml/include/module.modulemap" \
    -Xcc -fmodule-map-file=Sources/CCmark/module.modulemap -Xcc -fmodule-map-file=Sources/CLibXML2/module.modulemap \
    -Xcc -fmodule-map-file=Sources/CVips/module.modulemap $(pkg-config --cflags-only-I vips | sed 's/-I/-Xcc -I/g') \
    -Xcc -fmodule-map-file="$BUILD/checkouts/ZIPFoundation/Sources/CZLib/module.modulemap" \
    $(pkg-config --cflags-only-I libxml-2.0 | sed 's/-I/-Xcc -I/g') \
    $objects $(pkg-config --libs libcmark libxml-2.0 zlib vips) -o "$BUILD/$name" 2> >(grep -v "Cannot export local symbol" >&2)
  corpus="$BUILD/corpus/$name"
  mkdir -p "$corpus"
  # Seeds: the sample site's own inputs and past findings (Fuzz/seeds/<target>);
  # the CSV target also starts from csv-spectrum, vendored for the tests.
  seeds=(Fuzz/seeds/"$name")
  if [ "$name" = DonationCSVFuzz ]; then seeds+=(Tests/HienMauKitTests/Fixtures/csv-spectrum/csvs); fi
  # The workbook target starts from the fixture workbooks (.xlsx and .ods), kept apart from their JSON.
  if [ "$name" = WorkbookFuzz ]; then
    mkdir -p "$BUILD/seeds-workbook" && cp Tests/HienMauKitTests/Fixtures/workbooks/*.xlsx \
      Tests/HienMauKitTests/Fixtures/workbooks/*.ods Tests/HienMauKitTests/Fixtures/awards/*.xlsx \
      Tests/HienMauKitTests/Fixtures/awards/*.ods "$BUILD/seeds-workbook/"
    seeds+=("$BUILD/seeds-workbook")
  fi
  echo "== $name for ${SECONDS_PER_TARGET}s"
  # ZIPFoundation's Archive(url:) keeps the 27-byte C path Foundation hands it
  # (FileManager.fileSystemRepresentation): once per workbook opened, not ours to free.
  leaks=1; if [ "$name" = WorkbookFuzz ]; then leaks=0; fi
  ASAN_OPTIONS="detect_leaks=$leaks" "$BUILD/$name" "$corpus" "${seeds[@]}" -max_total_time="$SECONDS_PER_TARGET" -max_len=$([ "$name" = WorkbookFuzz ] && echo 262144 || echo 65536) \
    -artifact_prefix="$BUILD/crash-$name-" -print_final_stats=1 > "$BUILD/$name.log" 2>&1 || status=1
  grep -E "Precondition|Fatal error|ERROR: |SUMMARY|^Done|stat::(number_of_executed_units|new_units_added|peak_rss)" \
    "$BUILD/$name.log" || true
done
exit $status
