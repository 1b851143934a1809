#!/bin/bash
# Sobol sensitivity analysis of thuiszit as a Slurm array job: 32 tasks, each running one
# deterministic shard of the same plan into a shared results directory, and one merge job that
# starts only when every task has succeeded. See docs/CLUSTER.md.
#
# Submit from the checkout (after `npm ci && npm run build`), on a file system all nodes share:
#   sbatch examples/cluster/slurm-array.sh
# After a failed, timed-out or pre-empted task, submit the whole array again with --resume: shards
# that finished skip all their items, the others run only what is missing.
#   sbatch examples/cluster/slurm-array.sh --resume
#
# The shard index is Slurm's 0-based SLURM_ARRAY_TASK_ID and the count is SLURM_ARRAY_TASK_COUNT,
# so the range must stay 0-(N-1) with step 1: change 31 and the count follows.
#
#SBATCH --job-name=thuiszit-sensitivity
#SBATCH --array=0-31
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=1
#SBATCH --time=02:00:00
#SBATCH --output=thuiszit-sensitivity-%A_%a.out

set -euo pipefail

# The first task queues the merge before doing its own share, so a failure of that share cannot
# leave the run without one. afterok on the array job id waits for every task of the array; if a
# task fails, the merge stays pending (DependencyNeverSatisfied): scancel it and resubmit with --resume.
if [ "$SLURM_ARRAY_TASK_ID" = "$SLURM_ARRAY_TASK_MIN" ]; then
  sbatch --job-name=thuiszit-merge --dependency="afterok:$SLURM_ARRAY_JOB_ID" \
    --output=thuiszit-merge-%j.out \
    --wrap "npx thuiszit merge results/ --out merged/"
fi

npx thuiszit sensitivity --scenario baseline --param care.ggz.capacity=2:8 --method sobol --samples 256 \
  --shard "$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT" --out results/ "$@"
