# CaseDesk: the two commands a newcomer needs are `make run` and `make test`; both set up everything.
SHELL := /bin/bash
.DEFAULT_GOAL := build

# Debian packages the project needs to build, run and test (PLATFORM.md lists what each is for).
PACKAGES := build-essential cmake ninja-build pkg-config ccache clang-format clang-tidy \
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n \
  libqt6opengl6-dev qt6-websockets-dev qt6-httpserver-dev qt6-charts-dev qt6-svg-dev libgl-dev libxkbcommon-dev \
  libqt6sql6-psql libsqlcipher-dev sqlcipher libpoppler-qt6-dev qpdf poppler-utils \
  qtkeychain-qt6-dev gnome-keyring dbus libsecret-1-0 libsecret-tools libsodium-dev \
  libtesseract-dev tesseract-ocr tesseract-ocr-deu tesseract-ocr-eng imagemagick sane-utils libsane-dev \
  xvfb xauth x11-utils openssl curl postgresql-15

# CI builds with -Werror; everyone else without, so a new compiler warning does not stop a clerk's build.
PRESET ?= $(if $(CI),ci,dev)
BUILD_DIR := build
JOBS ?= $(shell nproc)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps configure build run test test-asan bench format translations clean

deps:
	@missing=$$(dpkg-query -W -f='$${Package} $${Status}\n' $(PACKAGES) 2>/dev/null | awk '$$NF!="installed"{print $$1}'; \
	  for p in $(PACKAGES); do dpkg-query -W -f='$${Package}\n' $$p >/dev/null 2>&1 || echo $$p; done); \
	missing=$$(echo $$missing | tr ' ' '\n' | sort -u | tr '\n' ' '); \
	if [ -n "$${missing// /}" ]; then \
	  echo "Installing: $$missing"; \
	  $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi

$(BUILD_DIR)/build.ninja: | deps
	cmake --preset $(PRESET)

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build --preset $(PRESET) -j $(JOBS)

# Starts a private PostgreSQL cluster (made once, reused), the server with the demo data and the client connected
# to it; closing the client stops the rest (app/casedesk-run/casedesk-run.sh).
run: build
	$(BUILD_DIR)/bin/casedesk-run

test: build
	ctest --preset $(PRESET) -j $(JOBS)

test-asan: deps
	cmake --preset asan
	cmake --build --preset asan -j $(JOBS)
	ctest --preset asan -j $(JOBS)

bench: build
	$(BUILD_DIR)/bin/casedesk-bench workflow
	$(BUILD_DIR)/bin/casedesk-bench forms
	$(BUILD_DIR)/bin/casedesk-bench store --cases 100000
	$(BUILD_DIR)/bin/casedesk-bench server
	$(BUILD_DIR)/bin/casedesk-bench sync

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

# Refreshes translations/*.ts from the sources (lupdate).
translations: configure
	cmake --build --preset $(PRESET) --target update_translations

clean:
	rm -rf $(BUILD_DIR) build-asan
