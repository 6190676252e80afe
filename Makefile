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
