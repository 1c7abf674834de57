import type { Clock } from '../../src/core/ports.js';

/** A clock the test moves by hand; it never moves on its own. */
export class FakeClock implements Clock {
  constructor(private current = new Date('2026-03-01T08:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
