# diplomat: PostgreSQL extension (PGXS)
#
#   make demo        install dependencies, build, install, run the demo on a
#                    throwaway cluster (DOC=file.txt PUBLISHED=2024-01-13 for
#                    your own text)
#   make demo-shell  psql on the demo database (make cluster-stop after)
#   make test        install dependencies, build, install, run every suite
#                    (TESTS="regress docs" for some of them)
#   make             build only; make install to install into PostgreSQL
#   make eval        accuracy on the development sets (needs ../shared)
#   make eval-sample a random sample of events or topics to judge by hand
#   make eval-misses the development sentences the coder misses (after make eval)
#   make bench       benchmarks against to_tsvector/GIN (needs ../shared)
#   make bench-scale-out   a coordinator and two shards against one server

EXTENSION   = diplomat
EXTVERSION  = 0.2

PG_MAJOR   ?= 15
PG_CONFIG  ?= $(shell test -x /usr/lib/postgresql/$(PG_MAJOR)/bin/pg_config && \
                echo /usr/lib/postgresql/$(PG_MAJOR)/bin/pg_config || echo pg_config)

GENERATED_SRCS = src/engine/dip_tables.c src/engine/dip_segment_words.c
ENGINE_SRCS = $(sort $(filter-out $(GENERATED_SRCS),$(wildcard src/engine/*.c))) \
              $(GENERATED_SRCS)
GLUE_SRCS   = $(sort $(wildcard src/pg/*.c))
OBJS        = $(ENGINE_SRCS:.c=.o) $(GLUE_SRCS:.c=.o)
MODULE_big  = diplomat

SQL_PARTS   = $(sort $(wildcard src/sql/*.sql))
SQL_POST    = $(sort $(wildcard src/sql/post/*.sql))
DATA_FILES  = $(sort $(wildcard data/*/*.tsv))
# upgrade scripts: src/sql/upgrade/diplomat--A--B.sql (see the header of
# the newest one for how to add a change)
UPGRADES    = $(notdir $(wildcard src/sql/upgrade/diplomat--*--*.sql))
DATA_built  = diplomat--$(EXTVERSION).sql $(UPGRADES)
EXTRA_CLEAN = $(GENERATED_SRCS) build tools/sql-lists tools/gen-data-sql test/engine/test_engine test/engine/test_engine.asan test/engine/fuzz_engine.asan

REGRESS     = $(patsubst sql/%.sql,%,$(sort $(wildcard sql/*.sql)))
REGRESS_OPTS = --inputdir=. --outputdir=build/regress
# multi-session tests (specs/*.spec, expected/*.out), run by pg_isolation_regress
ISOLATION   = $(patsubst specs/%.spec,%,$(sort $(wildcard specs/*.spec)))
ISOLATION_OPTS = --load-extension=diplomat --outputdir=build/isolation

WARN        = -Wall -Wextra -Werror -Wno-unused-parameter -Wno-sign-compare \
              -Wno-missing-field-initializers -Wno-cast-function-type
PG_CPPFLAGS = -Isrc/engine -Isrc/pg
PG_CFLAGS   = $(WARN)
SHLIB_LINK  = -licui18n -licuuc -licudata -lm

# no LLVM bitcode: JIT inlining of these functions is not worth the build time
override with_llvm = no

PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
# on a fresh machine the README's commands install the dependencies first
ifeq ($(PGXS),)
ifneq ($(filter demo demo-shell test bench setup deps,$(MAKECMDGOALS)),)
DEPS_STATUS := $(shell sh tools/deps.sh >&2; echo $$?)
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
endif
endif
ifeq ($(PGXS),)
$(error $(PG_CONFIG) not found or not working: install the build dependencies (sh tools/deps.sh, as root), or set PG_CONFIG to the pg_config of PostgreSQL 15 or later)
endif
include $(PGXS)

# The engine is plain C: it must build without PostgreSQL's headers.
ENGINE_CFLAGS = -std=c99 -D_POSIX_C_SOURCE=200809L -O2 -g -fPIC -Wall -Wextra -Werror \
                -Wno-unused-parameter -Isrc/engine
src/engine/%.o: src/engine/%.c src/engine/*.h
	$(CC) $(ENGINE_CFLAGS) -c -o $@ $<

src/engine/dip_tables.c: tools/gen-tables.sh data/cameo/codes.tsv data/cameo/iso3166.tsv data/cameo/iso3166-3.tsv \
                         data/cameo/countries.tsv data/cameo/successions.tsv data/cameo/plover.tsv
	sh tools/gen-tables.sh data/cameo > $@.tmp && mv $@.tmp $@

src/engine/dip_segment_words.c: tools/gen-segment-words.sh data/segment/*.tsv data/lexicon/words.tsv
	sh tools/gen-segment-words.sh data > $@.tmp && mv $@.tmp $@

$(GLUE_SRCS:.c=.o): src/pg/*.h src/engine/*.h

# the SQL script, with the lists the engine defines filled in (sql-lists)
tools/sql-lists: tools/sql-lists.c src/engine/*.h
	$(CC) -std=c99 -O -Wall -Wextra -Werror -Isrc/engine -o $@ tools/sql-lists.c

# the builtin dictionary rows, read by the loader the engine tests share
tools/gen-data-sql: tools/gen-data-sql.c tools/dictdata.c tools/dictdata.h
	$(CC) -std=c99 -D_POSIX_C_SOURCE=200809L -O -Wall -Wextra -Werror -Itools -o $@ tools/gen-data-sql.c tools/dictdata.c

diplomat--$(EXTVERSION).sql: $(SQL_PARTS) $(SQL_POST) $(DATA_FILES) tools/gen-data-sql tools/sql-lists
	{ ./tools/sql-lists $(SQL_PARTS); ./tools/gen-data-sql data; cat $(SQL_POST); } > $@.tmp && mv $@.tmp $@

# An upgrade to the current version also replaces the builtin dictionary
# rows with the current data files and recreates the triggers; upgrades
# between older versions are copied as they are.
diplomat--%--$(EXTVERSION).sql: src/sql/upgrade/diplomat--%--$(EXTVERSION).sql src/sql/upgrade/builtin/*.sql \
		$(SQL_POST) $(DATA_FILES) tools/gen-data-sql tools/sql-lists
	{ ./tools/sql-lists $< src/sql/upgrade/builtin/before.sql; ./tools/gen-data-sql data; \
	  cat src/sql/upgrade/builtin/after.sql $(SQL_POST); } > $@.tmp && mv $@.tmp $@

diplomat--%.sql: src/sql/upgrade/diplomat--%.sql
	cp $< $@

# ---------------------------------------------------------------------
# Engine unit tests, built with AddressSanitizer and UBSan
# ---------------------------------------------------------------------
ENGINE_TEST_FLAGS = -std=c99 -D_POSIX_C_SOURCE=200809L -g -O1 -Wall -Wextra -Werror \
                    -Wno-unused-parameter -Isrc/engine -Itools \
                    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
ENGINE_TEST_SRCS = $(ENGINE_SRCS) test/engine/test_engine.c test/engine/tsv.c tools/dictdata.c

test/engine/test_engine.asan: $(ENGINE_TEST_SRCS) src/engine/*.h test/engine/*.h tools/dictdata.h
	$(CC) $(ENGINE_TEST_FLAGS) -o $@ $(ENGINE_TEST_SRCS) -licuuc -licudata -lm

ENGINE_FUZZ_SRCS = $(ENGINE_SRCS) test/engine/fuzz_engine.c test/engine/tsv.c tools/dictdata.c

test/engine/fuzz_engine.asan: $(ENGINE_FUZZ_SRCS) src/engine/*.h test/engine/*.h tools/dictdata.h
	$(CC) $(ENGINE_TEST_FLAGS) -o $@ $(ENGINE_FUZZ_SRCS) -licuuc -licudata -lm

.PHONY: deps setup install-writable demo demo-shell test engine-test cluster-start cluster-stop cluster-destroy eval eval-sample eval-misses bench bench-scale-out bench-longdoc fuzz

deps:
	@sh tools/deps.sh

# make install writes into PostgreSQL's directories: say so before it fails
install-writable:
	@for d in '$(DESTDIR)$(pkglibdir)' '$(DESTDIR)$(datadir)/extension'; do \
	  if [ ! -w "$$d" ]; then \
	    echo "make: cannot install the extension into $$d (no write access as $$(id -un))" >&2; \
	    echo "  to fix: run as root (sudo make ...), or set PG_CONFIG to the pg_config of a PostgreSQL you own" >&2; \
	    exit 1; \
	  fi; \
	done

# dependencies, build and install: what demo, demo-shell, test and bench need
setup:
	@sh tools/deps.sh
	@$(MAKE) -s all
	@$(MAKE) -s install-writable
	@$(MAKE) -s install

engine-test: test/engine/test_engine.asan test/engine/fuzz_engine.asan
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ./test/engine/test_engine.asan data
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ./test/engine/fuzz_engine.asan data 3000

# a longer randomised run: make fuzz FUZZ_ITERATIONS=200000 FUZZ_SEED=7
FUZZ_ITERATIONS ?= 50000
FUZZ_SEED ?= 1
fuzz: test/engine/fuzz_engine.asan
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ./test/engine/fuzz_engine.asan data $(FUZZ_ITERATIONS) $(FUZZ_SEED)

cluster-start:
	@sh tools/cluster.sh start

cluster-stop:
	@sh tools/cluster.sh stop

cluster-destroy:
	@sh tools/cluster.sh destroy

# make demo DOC=story.txt PUBLISHED=2024-01-13: your own text, dated
demo: setup
	@DOC='$(DOC)' PUBLISHED='$(PUBLISHED)' sh tools/demo.sh

demo-shell: setup
	@sh tools/demo.sh --shell

test: setup
	@sh tools/run-tests.sh $(TESTS)

eval:
	@sh eval/run.sh

# a fixed-seed random sample to judge by hand: make eval-sample KIND=events SEED=7
KIND ?= events
SEED ?= 1
N ?= 40
eval-sample:
	@sh eval/sample.sh $(KIND) $(SEED) $(N)

# the development sentences the coder misses, after make eval
eval-misses:
	@sh eval/dev-misses.sh

bench: setup
	@sh bench/run.sh

bench-scale-out: setup
	@sh bench/scale-out.sh

bench-longdoc: setup
	@sh bench/longdoc.sh
