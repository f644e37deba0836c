let last = 0;

/**
 * A number larger than every one handed out before, in this process. Statuses carry one so the
 * renderer can drop an answer that arrives after a newer event about the same thing.
 */
export function nextRevision(): number {
  last += 1;
  return last;
}
