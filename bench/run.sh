#!/usr/bin/env bash
# certreg's benchmark. Usage:
#   bench/run.sh [--n 10000] [--store sqlite|postgres [--jdbc-url URL]] [--label NAME] [--duration S] ...
#     (--store postgres without --jdbc-url: a throwaway PostgreSQL 15 cluster for the run, bench/pg.py)
#   bench/run.sh mqtt [--n 10000] [--seconds 10] [--label NAME]   (the device endpoint: bench/mqtt_bench.py)
#   bench/run.sh import [--n 20000] [--runs 2] [--label NAME]       (certreg import: bench/import_bench.py)
#   bench/run.sh moto [--n 2000] [--duration 5] [--label NAME]       (certreg beside moto_server: bench/moto_bench.py)
#   bench/run.sh floors [--n 2000] [--label NAME]    (certreg beside Jetty alone and the bare SDK: bench/floors.py)
# Builds the runnable jars when asked (--build) or when missing, then runs bench/bench.py, which writes
# bench/results/<label>-<store>-<n>.{json,md} and redraws bench/results/page-latency.svg. Needs wrk
# (apt-get install wrk) and python3. See BENCHMARKS.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build=false
args=()
for arg in "$@"; do
    if [ "$arg" = "--build" ]; then build=true; else args+=("$arg"); fi
done
if $build || [ ! -f "$root/bench/target/certreg-bench.jar" ] || [ ! -f "$root/cli/target/certreg.jar" ]; then
    (cd "$root" && ./mvnw -B -ntp -q -DskipTests -pl cli,bench -am package) >&2
fi
if [ "${args[0]-}" = "mqtt" ]; then
    exec python3 "$root/bench/mqtt_bench.py" "${args[@]:1}"
fi
if [ "${args[0]-}" = "import" ]; then
    exec python3 "$root/bench/import_bench.py" "${args[@]:1}"
fi
if [ "${args[0]-}" = "floors" ]; then
    exec python3 "$root/bench/floors.py" "${args[@]:1}"
fi
if [ "${args[0]-}" = "moto" ]; then
    exec python3 "$root/bench/moto_bench.py" "${args[@]:1}"
fi
exec python3 "$root/bench/bench.py" "${args[@]+"${args[@]}"}"
