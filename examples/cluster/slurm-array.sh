#!/bin/bash
# Sobol sensitivity analysis of thuiszit as a Slurm array job: 32 tasks, each running one
# deterministic shard of the same plan into a shared results directory, and one merge job that
# starts only when every task of the submission has succeeded. See docs/CLUSTER.md.
#
# Submit from the checkout (after `npm ci && npm run build`), on a file system all nodes share:
#   sbatch examples/cluster/slurm-array.sh            (add --report for report.html)
# After a failed, timed-out or pre-empted task, resubmit only that task's shard; the finished shards
# are left alone, and the new submission queues its own merge:
#   sbatch --array=7 examples/cluster/slurm-array.sh --resume        (or --array=3,7,12)
# Every task passes --resume anyway, so a requeued task keeps the items it had stored.
#
# To run another command: change COMMAND and ARGS below, and the command name in --job-name and
# --output; to change the number of shards: SHARDS and --array=0-(SHARDS-1) together.
#
#SBATCH --job-name=thuiszit-sensitivity
#SBATCH --array=0-31
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=1
#SBATCH --mem=1G
#SBATCH --time=02:00:00
#SBATCH --output=thuiszit-sensitivity-%A_%a.out

set -euo pipefail

# The size of the full --array range above. Not SLURM_ARRAY_TASK_COUNT: a resubmission of one shard
# (--array=7) has a count of 1, and shard 7/1 does not exist.
SHARDS=32
COMMAND=sensitivity
ARGS=(--scenario baseline --param care.ggz.capacity=2:8 --method sobol --samples 256)
RESULTS=results/
MERGED=merged/
# The checkout's own build, by path: `npx thuiszit` outside the checkout would fetch whatever package
# of that name the registry holds. sbatch runs a copy of this script, so the checkout is found from
# the folder it was submitted from unless THUISZIT_HOME says otherwise.
THUISZIT_HOME="${THUISZIT_HOME:-${SLURM_SUBMIT_DIR:-$PWD}}"
CLI="$THUISZIT_HOME/dist/bin/thuiszit.js"
MERGE_TIME=00:30:00
MERGE_MEM=4G

if [ ! -f "$CLI" ]; then
  echo "slurm-array.sh: no built CLI at $CLI; submit from the checkout after npm ci && npm run build, or set THUISZIT_HOME" >&2
  exit 2
fi
if [ "$SLURM_ARRAY_TASK_ID" -ge "$SHARDS" ]; then
  echo "slurm-array.sh: task $SLURM_ARRAY_TASK_ID is outside 0-$((SHARDS - 1)); --array and SHARDS disagree" >&2
  exit 2
fi

# Options given after the script name (--report, ...) go to every task, which passes --resume
# once in any case; the merge gets --report when the tasks had it.
TASK_OPTIONS=()
MERGE_OPTIONS=()
for option in "$@"; do
  if [ "$option" != "--resume" ]; then TASK_OPTIONS+=("$option"); fi
  if [ "$option" = "--report" ]; then MERGE_OPTIONS+=(--report); fi
done

# The lowest task of this submission queues the merge, once (not again when Slurm requeues it),
# before its own share, so a failure of that share cannot leave the submission without one. afterok
# waits for every task of this array job; if one fails, --kill-on-invalid-dep removes the merge
# instead of leaving it pending forever. The merge refuses to run while any shard is missing.
if [ "$SLURM_ARRAY_TASK_ID" = "$SLURM_ARRAY_TASK_MIN" ] && [ "${SLURM_RESTART_COUNT:-0}" = 0 ]; then
  MERGE_COMMAND="$(printf '%q ' node "$CLI" merge "$RESULTS" --out "$MERGED" "${MERGE_OPTIONS[@]}")"
  sbatch --job-name="thuiszit-$COMMAND-merge" --output="thuiszit-$COMMAND-merge-%j.out" \
    --dependency="afterok:$SLURM_ARRAY_JOB_ID" --kill-on-invalid-dep=yes \
    --ntasks=1 --cpus-per-task=1 --time="$MERGE_TIME" --mem="$MERGE_MEM" \
    --wrap "${MERGE_COMMAND% }"
fi

node "$CLI" "$COMMAND" "${ARGS[@]}" \
  --shard "$SLURM_ARRAY_TASK_ID/$SHARDS" --workers "${SLURM_CPUS_PER_TASK:-1}" --out "$RESULTS" --resume "${TASK_OPTIONS[@]}"
