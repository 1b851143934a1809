#!/bin/bash
# End-to-end test of examples/cluster/slurm-array.sh on a real single-node Slurm (npm run test:cluster).
# Installs Debian's slurm-wlm and munge if missing (needs root and apt), starts munged, slurmctld and
# slurmd with a private configuration (proctrack/linuxproc, task/none, no cgroups, nothing written
# under /etc/slurm), adapts the array script to a small comparison the way docs/CLUSTER.md says,
# submits it, kills one running task, resubmits only that shard, and checks that the merge is
# byte-identical to a single run in the files docs/CLUSTER.md names. Stops the cluster on exit,
# whatever happened. Prints how long each phase took.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CLI="$ROOT/dist/bin/thuiszit.js"
SHARDS=4
KILLED=2
COMMAND_ARGS=(--scenarios baseline casusregisseur --replications 12 --seed 5)
BYTE_IDENTICAL=(comparison.json comparison.csv care-waits.vl.json costs.vl.json counts-over-time.vl.json differences.vl.json escalations.vl.json weeks-in-stage.vl.json weeks-to-offer.vl.json)

started=$(date +%s)
phase() { echo "test-cluster: [$(( $(date +%s) - started )) s] $*"; }
fail() { echo "test-cluster: FAILED: $*" >&2; exit 1; }

if [ "$(id -u)" != 0 ]; then fail "run as root: it installs Debian packages and starts the Slurm daemons"; fi
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  phase "installing slurm-wlm and munge"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi
[ -f "$CLI" ] || (cd "$ROOT" && npm run build >/dev/null)
phase "slurm $(slurmctld -V | awk '{print $2}'), node $(node --version)"

WORK="$(mktemp -d /tmp/thuiszit-slurm-XXXXXX)"
STATE="$WORK/state"
mkdir -p "$STATE/ctld" "$STATE/d" "$STATE/munge" "$WORK/run"
export SLURM_CONF="$WORK/slurm.conf"
HOST="$(hostname -s)"
CPUS="$(nproc)"

# The daemons run in the foreground as children of this script, so it can stop them and reap them.
DAEMONS=()
stop_cluster() {
  local status=$?
  if [ "${#DAEMONS[@]}" -gt 0 ]; then
    kill "${DAEMONS[@]}" 2>/dev/null || true
    wait "${DAEMONS[@]}" 2>/dev/null || true
  fi
  if [ "$status" = 0 ]; then rm -rf "$WORK"; else echo "test-cluster: logs and outputs kept in $WORK" >&2; fi
  phase "cluster stopped"
}
trap stop_cluster EXIT

# munge: a private key and socket, so a munged of the host (if any) is left alone.
dd if=/dev/urandom bs=1 count=1024 of="$STATE/munge/munge.key" status=none
chmod 0400 "$STATE/munge/munge.key"
MUNGE_SOCKET="$STATE/munge/munge.socket"
munged --foreground --force --key-file="$STATE/munge/munge.key" --socket="$MUNGE_SOCKET" \
  --pid-file="$STATE/munged.pid" --log-file="$STATE/munged.log" --seed-file="$STATE/munge/munge.seed" 2>>"$STATE/munged.log" &
DAEMONS+=($!)
for _ in $(seq 50); do [ -S "$MUNGE_SOCKET" ] && break; sleep 0.1; done

cat > "$SLURM_CONF" <<EOF
ClusterName=thuiszit-test
SlurmctldHost=$HOST
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$MUNGE_SOCKET
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
StateSaveLocation=$STATE/ctld
SlurmdSpoolDir=$STATE/d
SlurmctldPidFile=$STATE/slurmctld.pid
SlurmdPidFile=$STATE/slurmd.pid
SlurmctldLogFile=$STATE/slurmctld.log
SlurmdLogFile=$STATE/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
MinJobAge=3600
NodeName=$HOST CPUs=$CPUS RealMemory=8192 State=UNKNOWN
PartitionName=test Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
EOF

slurmctld -D -i -f "$SLURM_CONF" 2>>"$STATE/slurmctld.log" &
DAEMONS+=($!)
slurmd -D -f "$SLURM_CONF" 2>>"$STATE/slurmd.log" &
DAEMONS+=($!)
for _ in $(seq 100); do
  if sinfo -h -o %t 2>/dev/null | grep -q idle; then break; fi
  sleep 0.2
done
sinfo -h -o %t | grep -q idle || fail "the node did not become idle: $(sinfo 2>&1)"
phase "cluster up ($CPUS CPUs)"

# The array script adapted as docs/CLUSTER.md describes: SHARDS with --array, COMMAND and ARGS with
# the job and log names.
cd "$WORK/run"
sed -e "s/^SHARDS=.*/SHARDS=$SHARDS/" -e "s/^#SBATCH --array=.*/#SBATCH --array=0-$((SHARDS - 1))/" \
  -e "s/^COMMAND=.*/COMMAND=compare/" -e "s/^ARGS=.*/ARGS=(${COMMAND_ARGS[*]})/" \
  -e "s/thuiszit-sensitivity/thuiszit-compare/g" -e "s/^#SBATCH --mem=.*/#SBATCH --mem=512M/" \
  "$ROOT/examples/cluster/slurm-array.sh" > array.sh
export THUISZIT_HOME="$ROOT"

job_state() { scontrol show job -o "$1" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | head -1 | cut -d= -f2; }
merge_jobs() { scontrol show job -o 2>/dev/null | grep 'JobName=thuiszit-compare-merge' | grep -o '^JobId=[0-9]*' | cut -d= -f2 || true; }
wait_for_empty_queue() {
  for _ in $(seq 1500); do
    if [ -z "$(squeue -h -o %i)" ]; then return 0; fi
    sleep 0.2
  done
  fail "jobs still queued after 300 s: $(squeue)"
}

first=$(sbatch --parsable array.sh --report)
phase "submitted array job $first (shards 0-$((SHARDS - 1)))"
# Killed as soon as Slurm reports it running: node's start-up alone outlasts the polling interval,
# so the task cannot have finished its shard, however fast the machine.
for _ in $(seq 6000); do
  [ "$(job_state "${first}_$KILLED")" = RUNNING ] && break
  sleep 0.05
done
[ "$(job_state "${first}_$KILLED")" = RUNNING ] || fail "task $KILLED never ran: $(squeue)"
scancel --signal=KILL --full "${first}_$KILLED"
phase "killed task $KILLED while it ran"
wait_for_empty_queue
killed_state="$(job_state "${first}_$KILLED")"
[ "$killed_state" != COMPLETED ] || fail "task $KILLED completed before it was killed; make the shards longer"
first_merge="$(merge_jobs)"
[ -n "$first_merge" ] || fail "the array queued no merge"
merge_state="$(job_state "$first_merge")"
[ "$merge_state" = CANCELLED ] || fail "the first merge should be removed (kill-on-invalid-dep), it is $merge_state"
[ ! -e merged ] || fail "merged/ exists although a shard was killed"
total=$(( 2 * 12 ))
# Results are append-only JSON-lines logs, one per process; a line cut off by the kill does not count.
logs=results/.thuiszit-work/results
stored=$(cat "$logs"/*.jsonl 2>/dev/null | grep -c '^{"id":.*}$' || true)
[ "$stored" -lt "$total" ] || fail "all $total items are stored although task $KILLED was killed"
phase "task $KILLED ended $killed_state; the first merge $first_merge was $merge_state; no merged/; $stored of $total items stored"
# Every stored log, with its content hash: the resubmission must leave them all alone (it writes a log of its own).
stored_before="$(cd "$logs" && sha256sum -- *.jsonl | sort)"

second=$(sbatch --parsable --array="$KILLED" array.sh --resume --report)
phase "resubmitted shard $KILLED only, as array job $second"
wait_for_empty_queue
[ "$(job_state "${second}_$KILLED")" = COMPLETED ] || fail "the resubmitted task ended $(job_state "${second}_$KILLED"): $(cat thuiszit-compare-"${second}"_"$KILLED".out)"
second_merge="$(merge_jobs | grep -v "^$first_merge\$" || true)"
[ "$(job_state "$second_merge")" = COMPLETED ] || fail "the second merge ended $(job_state "$second_merge"): $(cat thuiszit-compare-merge-"$second_merge".out 2>&1)"
rewritten="$(comm -23 <(echo "$stored_before") <(cd "$logs" 2>/dev/null && sha256sum -- *.jsonl | sort))"
[ -z "$rewritten" ] || fail "the resubmission rewrote stored items: $rewritten"
phase "shard $KILLED and merge $second_merge completed; the $stored items stored before were kept"
grep -q "merged" "thuiszit-compare-merge-$second_merge.out" || fail "the merge log thuiszit-compare-merge-$second_merge.out does not report the merge"

node "$CLI" compare "${COMMAND_ARGS[@]}" --workers "$CPUS" --quiet --report --out single >/dev/null
for file in "${BYTE_IDENTICAL[@]}"; do
  cmp "single/$file" "merged/$file" || fail "merged/$file differs from the single run's"
done
phase "merge byte-identical to a single run in ${#BYTE_IDENTICAL[@]} files: ${BYTE_IDENTICAL[*]}"
echo "test-cluster: PASSED"
