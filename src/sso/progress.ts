/**
 * The one status line `login` keeps while it waits, on a terminal only: "Waiting for approval...
 * 9:41 left", redrawn in place every second (carriage return + erase line), with the polling
 * interval once a SlowDown raised it, and erased at the end. On a pipe it draws nothing at all.
 */
import type { OutStream } from '../deps.js';

const ERASE = '\r\x1b[2K';

export function formatLeft(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  if (s >= 100 * 3600) return 'more than 99 hours';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export class ProgressLine {
  private timer: NodeJS.Timeout | undefined;
  private shown = false;
  private label = '';
  private deadlineMs = 0;
  private note = '';

  constructor(
    private readonly out: OutStream,
    private readonly now: () => Date,
  ) {}

  get enabled(): boolean {
    return this.out.isTTY;
  }

  /** Shows (or updates) the line; starts the 1 s redraw the first time. */
  show(label: string, deadlineMs: number, note = ''): void {
    if (!this.enabled) return;
    this.label = label;
    this.deadlineMs = deadlineMs;
    this.note = note;
    this.draw();
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.draw(), 1000);
      this.timer.unref();
    }
  }

  private draw(): void {
    const note = this.note === '' ? '' : ` (${this.note})`;
    let text = `${this.label} ${formatLeft(this.deadlineMs - this.now().getTime())} left${note}`;
    const width = this.out.columns;
    if (width !== undefined && width > 1 && text.length > width - 1) text = text.slice(0, width - 1);
    this.out.write(ERASE + text);
    this.shown = true;
  }

  /** Stops redrawing and erases the line (before anything else is printed). */
  clear(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    if (this.shown) this.out.write(ERASE);
    this.shown = false;
  }
}
