import { useEffect, useRef } from 'react';
import type { LogLevel } from '../../../shared/domain';

export interface LogViewLine {
  time: string;
  level: LogLevel;
  message: string;
}

/** A run's log; follows the tail while the operator has not scrolled up. */
export function LogView({ lines, label, empty }: { lines: LogViewLine[]; label: string; empty?: string }) {
  const ref = useRef<HTMLOListElement>(null);
  const pinned = useRef(true);
  useEffect(() => {
    const el = ref.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [lines]);
  return (
    <ol
      ref={ref}
      className="log"
      aria-label={label}
      tabIndex={0}
      onScroll={(e) => {
        const el = e.currentTarget;
        pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
      }}
    >
      {lines.length === 0 && <li className="log-empty">{empty ?? 'No log lines yet.'}</li>}
      {lines.map((l, i) => (
        <li key={i} className={`log-line log-${l.level}`}>
          <time className="log-time">{l.time.slice(11, 23) || l.time}</time>
          <span className="log-level">{l.level}</span>
          <span className="log-message">{l.message}</span>
        </li>
      ))}
    </ol>
  );
}
