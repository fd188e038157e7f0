# The two commands of the README. Everything else is in scripts/.
.PHONY: run test setup build console bench clean

run: setup build console
	./scripts/run.sh

test:
	./scripts/test.sh

setup:
	./scripts/setup.sh

build:
	./scripts/build.sh

console:
	./scripts/build_console.sh

bench:
	./scripts/setup.sh --bench
	./scripts/build.sh
	./bench/http_load.sh

clean:
	rm -rf build build-asan web/dist
