# minipy's two commands: `make demo` and `make test`. Both install missing Debian packages first (as root),
# configure and build with CMake. SANITIZE=1 builds with ASan+UBSan into build-asan/.
SANITIZE ?=
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
ifeq ($(SANITIZE),1)
BUILD ?= build-asan
CMAKE_FLAGS += -DMINIPY_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
else
BUILD ?= build
CMAKE_FLAGS += -DCMAKE_BUILD_TYPE=Release
endif
MINIPY := $(BUILD)/minipy
PREFIX ?= /usr/local

.PHONY: all deps configure build minipy test demo install bench clean

all: build

deps:
	@.ci/install-deps

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

configure: $(BUILD)/CMakeCache.txt

build: deps configure
	cmake --build $(BUILD) -j $(JOBS)

# Only the interpreter (no unit tests): what `make demo` and `make install` need.
minipy: deps configure
	cmake --build $(BUILD) -j $(JOBS) --target minipy

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@tests/tools/fidelity $(MINIPY) | head -n 1

demo: minipy
	@examples/cache_tour/run-demo $(MINIPY)

# PREFIX/bin/minipy and its own modules in PREFIX/lib/minipy/stdlib (found there relative to the binary),
# precompiled so that users who cannot write there still get cached imports. The Lib it uses stays the host's.
install: minipy
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/minipy/stdlib
	install -m 755 $(MINIPY) $(DESTDIR)$(PREFIX)/bin/minipy
	install -m 644 stdlib/*.py $(DESTDIR)$(PREFIX)/lib/minipy/stdlib/
	$(DESTDIR)$(PREFIX)/bin/minipy -m compileall -q $(DESTDIR)$(PREFIX)/lib/minipy/stdlib

bench: build
	@bench/run $(MINIPY)

clean:
	rm -rf build build-asan

# Every differential case with a collection at every safe point (tests/tools/gcstress): slow, not in `make test`.
.PHONY: gcstress
gcstress: build
	@tests/tools/gcstress $(MINIPY)

# Coverage-guided fuzzing (tests/fuzz/): libFuzzer + ASan/UBSan with clang in build-fuzz/, each target
# FUZZ_SECONDS of wall time. The suite's fuzz.* tests replay the committed findings in every build.
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz: deps
	@tests/fuzz/run_fuzz $(FUZZ_SECONDS)

# CPython's own Lib/test modules on minipy, one table row each (not part of `make test`; takes minutes).
.PHONY: libtest
libtest: build
	@tests/tools/libtest $(MINIPY) $(MODULES)
