// Files read back from disk (plans, report input) are checked with zod; a refusal names each field
// by its path in the file, what was wrong, and stops after a few so the message stays one screen.
import type { z } from 'zod';

const shown = 5;

export function zodProblems(error: z.ZodError): string {
  const problems = error.issues.map((issue) => {
    const where = issue.path.length === 0 ? '(the whole file)' : issue.path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`)).join('');
    return `${where}: ${issue.message}`;
  });
  const more = problems.length > shown ? `; and ${problems.length - shown} more` : '';
  return problems.slice(0, shown).join('; ') + more;
}
