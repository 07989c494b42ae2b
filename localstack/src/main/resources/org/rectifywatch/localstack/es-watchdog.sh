#!/bin/sh
# Runs Elasticsearch (the command after the pid file) and stops it when the JVM that started it goes away, however
# it went: that JVM holds this script's stdin open, so end of input means it died, even of SIGKILL.
pidfile="$1"
shift
# a background list reads /dev/null, not our stdin: keep the pipe from the JVM on fd 3 for the watcher
exec 3<&0
"$@" </dev/null 3<&- &
es=$!
stop_es() {
    kill -TERM "$es" 2>/dev/null
    if [ -s "$pidfile" ]; then kill -TERM "$(cat "$pidfile")" 2>/dev/null; fi
}
trap 'stop_es; wait "$es"; exit 143' TERM INT
(while IFS= read -r _ <&3; do :; done; kill -TERM $$ 2>/dev/null) &
watcher=$!
exec 3<&-
wait "$es"
code=$?
kill "$watcher" 2>/dev/null
exit "$code"
