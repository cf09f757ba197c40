# Krypton top-level build. GNU Make.
#
#   make            build the hypervisor, test guests and tools
#   make check      install build/test dependencies (Debian 12), build, run every test
#   make demo       install dependencies, build, boot Krypton in QEMU with a guest
#   make bench      Krypton against Xen 4.17 under the same QEMU (bench/results/)
#   make format-check   clang-format (Linux style) over all C sources

BUILD   ?= build
HOSTCC  ?= gcc
HOSTCFLAGS ?= -O2 -g -Wall -Wextra -Werror=implicit-function-declaration -std=gnu11
V ?= 0
ifeq ($(V),0)
Q := @
else
Q :=
endif

.PHONY: all deps check demo bench format format-check clean tools unit guests hv
all: hv guests unit tools

deps:
	$(Q)./scripts/deps.sh

include hv/build.mk
include tests/guests/build.mk
include tests/unit/build.mk

# Userspace tool directories each build with their own Makefile
# (targets: all, check, clean) and are listed here.
TOOL_DIRS := $(wildcard tools/*/Makefile)
tools:
	$(Q)for m in $(TOOL_DIRS); do $(MAKE) -s -C $$(dirname $$m) all || exit 1; done

check: deps
	$(Q)$(MAKE) -s all
	$(Q)tests/run-suites.sh

demo: deps
	$(Q)$(MAKE) -s all
	$(Q)scripts/demo.sh

bench: deps
	$(Q)$(MAKE) -s all
	$(Q)scripts/bench.sh

C_SOURCES = $(shell git ls-files '*.c' '*.h' 2>/dev/null)
format:
	$(Q)clang-format -i $(C_SOURCES)
format-check:
	$(Q)clang-format --dry-run --Werror $(C_SOURCES) && echo "PASS: clang-format clean ($(words $(C_SOURCES)) files)"

clean:
	rm -rf $(BUILD)
	$(Q)for m in $(TOOL_DIRS); do $(MAKE) -s -C $$(dirname $$m) clean; done
