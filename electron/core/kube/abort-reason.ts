// The reason every abort in core gives. An abort without one makes a new AbortError, and an error
// keeps its stack's frames (with the objects they ran on) until someone reads its stack: a stream
// stopped from deep in a subscription's close kept that subscription, and with it every row it had
// indexed, alive for as long as the aborted request lingered (the bench saw 40 MB of 30,000 rows).
// One error made once, at load, holds nothing.
export const ABORTED = new DOMException('stopped by Portolan', 'AbortError');
