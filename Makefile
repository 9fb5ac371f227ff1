# Thin wrappers over scripts/ and CMake. See README.md.
BUILD ?= build
DB ?= var/jianbao.db
LISTEN ?= 127.0.0.1:8080

.PHONY: all setup build server web run test bench clean

all: build

setup:
	@scripts/setup

server:
	@scripts/build-server $(BUILD)

web:
	@scripts/build-web

build: setup server web

run: build
	@scripts/run $(BUILD)/jianbao $(DB) $(LISTEN)

test: build
	@scripts/test $(BUILD)

bench: build
	@scripts/bench $(BUILD)

clean:
	rm -rf $(BUILD) web/dist
