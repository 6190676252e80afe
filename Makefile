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

.PHONY: all deps configure build test demo bench clean

all: build

deps:
	@.ci/install-deps

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

configure: $(BUILD)/CMakeCache.txt

build: deps configure
	cmake --build $(BUILD) -j $(JOBS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@tests/tools/fidelity $(MINIPY) | head -n 1

demo: build
	@examples/cache_tour/run-demo $(MINIPY)

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
