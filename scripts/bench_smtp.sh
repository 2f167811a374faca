#!/usr/bin/env bash
# SMTP figure of issue 4: our SMTP server against Postfix's smtp-sink, both
# fed by the same client, `smtp-source -s 20 -l 2048 -m 20000` (20 parallel
# sessions, 2 KiB messages, one message per connection), alternating, in
# one run on this machine. Budget: ours ingests >= 1x smtp-sink's rate.
#
#   scripts/bench_smtp.sh BUILD/tests/bench/smtp/smtp_ingest_server [ARGS]
#
# ROUNDS=5 (medians reported), MESSAGES=20000. Besides messages per second
# it prints each server's CPU time per message (user + system, from /proc),
# which other processes on the machine disturb much less than the rate.
# ARGS go to our server: --threads N (default 1, like smtp-sink's single
# thread; SmtpServer's own default is 2); --sink to only count
# messages, as smtp-sink does (by default every message is decoded and
# stored in the MailService, as when served).
#
# Builds and installs nothing. Needs the benchmark binary (a Release build
# with -DTIERSIM_BUILD_BENCHMARKS=ON) and Postfix's test tools
# (`DEBIAN_FRONTEND=noninteractive apt-get install -y postfix`, "No
# configuration"; the Postfix daemon is not used). Loopback only.
set -euo pipefail

server=${1:?usage: scripts/bench_smtp.sh PATH/TO/smtp_ingest_server [ARGS]}
shift
server_args=("$@")
ROUNDS=${ROUNDS:-5}
MESSAGES=${MESSAGES:-20000}
export PATH="$PATH:/usr/sbin:/usr/lib/postfix/sbin"
for tool in smtp-source smtp-sink python3; do
  command -v "$tool" >/dev/null || {
    echo "bench_smtp: $tool not found (apt-get install -y postfix)" >&2
    exit 2
  }
done
[[ -x "$server" ]] || { echo "bench_smtp: $server is not executable" >&2; exit 2; }

tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_for_port() {  # PORT
  for _ in $(seq 100); do
    python3 -c "import socket,sys; s=socket.socket(); sys.exit(s.connect_ex(('127.0.0.1', $1)))" \
      && return 0
    sleep 0.05
  done
  echo "bench_smtp: nothing listens on 127.0.0.1:$1" >&2
  exit 1
}

# Sends MESSAGES messages to PORT; prints messages per second.
drive() {  # PORT
  local start end
  start=$(date +%s.%N)
  smtp-source -s 20 -l 2048 -m "$MESSAGES" "127.0.0.1:$1"
  end=$(date +%s.%N)
  python3 -c "print(f'{$MESSAGES / ($end - $start):.0f}')"
}

stop() {  # PID
  kill "$1"
  wait "$1" 2>/dev/null || true
}

ticks=$(getconf CLK_TCK)
# CPU microseconds per message used so far by PID (user + system).
cpu_per_message() {  # PID
  awk -v t="$ticks" -v m="$MESSAGES" '{printf "%.0f", ($14 + $15) / t * 1e6 / m}' \
    "/proc/$1/stat"
}

sink_rates=()
ours_rates=()
sink_cpu=()
ours_cpu=()
for round in $(seq "$ROUNDS"); do
  port=$(free_port)
  # smtp-sink must drop root privileges (-u); backlog as deep as ours.
  smtp-sink -u nobody "127.0.0.1:$port" 1024 &
  sink_pid=$!
  pids+=("$sink_pid")
  wait_for_port "$port"
  sink_rates+=("$(drive "$port")")
  sink_cpu+=("$(cpu_per_message "$sink_pid")")
  stop "$sink_pid"

  "$server" --port 0 "${server_args[@]}" >"$tmp/ours.out" &
  ours_pid=$!
  pids+=("$ours_pid")
  for _ in $(seq 200); do
    grep -q "listening on" "$tmp/ours.out" && break
    sleep 0.05
  done
  port=$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$tmp/ours.out")
  if [[ -z "$port" ]]; then
    echo "bench_smtp: the server did not start:" >&2
    cat "$tmp/ours.out" >&2
    exit 1
  fi
  ours_rates+=("$(drive "$port")")
  ours_cpu+=("$(cpu_per_message "$ours_pid")")
  stop "$ours_pid"
  accepted=$(sed -n 's/^accepted \([0-9]*\) messages$/\1/p' "$tmp/ours.out")
  if [[ "$accepted" != "$MESSAGES" ]]; then
    echo "bench_smtp: our server accepted ${accepted:-?} of $MESSAGES" >&2
    exit 1
  fi
  echo "round $round: smtp-sink ${sink_rates[-1]} msg/s (${sink_cpu[-1]} us CPU/msg)," \
    "tiersim ${ours_rates[-1]} msg/s (${ours_cpu[-1]} us CPU/msg)"
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
sink=$(median "${sink_rates[@]}")
ours=$(median "${ours_rates[@]}")
mode="tiersim ${server_args[*]:-(decode+store)}"
[[ " ${server_args[*]} " == *" --threads "* ]] || mode+=", 1 thread"
echo "smtp-source -s 20 -l 2048 -m $MESSAGES, median of $ROUNDS rounds:"
printf '  %-36s %6s msg/s  %4s us CPU/msg\n' "smtp-sink" "$sink" \
  "$(median "${sink_cpu[@]}")" "$mode" "$ours" "$(median "${ours_cpu[@]}")"
python3 -c "print(f'  ratio {$ours / $sink:.2f}x (budget >= 1x)')"
