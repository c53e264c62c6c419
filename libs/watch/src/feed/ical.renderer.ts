import { StoredDeadline } from '@app/persistence';
import { addDays } from '@app/common';
import { itemText } from './feed-item.presenter';
import { FeedItem, FeedMeta } from './feed-item.types';

const PARIS_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values. */
export function escapeIcalText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

/** RFC 5545 §3.1: lines longer than 75 octets are folded, never inside a UTF-8 character. */
export function foldIcalLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compactDate = (isoDate: string) => isoDate.replace(/-/g, '');
const utcStamp = (instant: Date) =>
  instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** The deadline rounds of a call; a call known only by its next deadline has one round. */
function rounds(item: FeedItem): StoredDeadline[] {
  if (item.deadlines.length) return item.deadlines;
  return item.nextDeadline ? [{ date: item.nextDeadline }] : [];
}

function eventLines(item: FeedItem, deadline: StoredDeadline, round: number): string[] {
  const time = /^(\d{2}):(\d{2})/.exec(deadline.time ?? '');
  const when = time
    ? [
        `DTSTART;TZID=Europe/Paris:${compactDate(deadline.date)}T${time[1]}${time[2]}00`,
        'DURATION:PT1H',
      ]
    : [
        `DTSTART;VALUE=DATE:${compactDate(deadline.date)}`,
        `DTEND;VALUE=DATE:${compactDate(addDays(deadline.date, 1))}`,
      ];
  const label = deadline.label ? ` (${deadline.label})` : '';
  const alarm = (days: number) => [
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `TRIGGER:-P${days}D`,
    `DESCRIPTION:${escapeIcalText(`Date limite dans ${days} jours : ${item.title}`)}`,
    'END:VALARM',
  ];
  return [
    'BEGIN:VEVENT',
    // Stable per call and deadline round: a moved deadline updates the same event.
    `UID:${item.callId}-r${round}@vigie`,
    `SEQUENCE:${item.revision}`,
    `DTSTAMP:${utcStamp(item.callUpdatedAt)}`,
    `LAST-MODIFIED:${utcStamp(item.callUpdatedAt)}`,
    ...when,
    `SUMMARY:${escapeIcalText(`Date limite${label} : ${item.title}`)}`,
    `DESCRIPTION:${escapeIcalText(`${itemText(item)}\n\n${item.url}`)}`,
    `URL:${item.url}`,
    'TRANSP:TRANSPARENT',
    ...alarm(14),
    ...alarm(3),
    'END:VEVENT',
  ];
}

/** iCalendar (RFC 5545): one event per deadline, with alarms 14 and 3 days before. */
export function renderIcal(meta: FeedMeta, items: readonly FeedItem[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Vigie//Veille des appels a projets//FR',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcalText(meta.title)}`,
    'X-WR-TIMEZONE:Europe/Paris',
    ...PARIS_VTIMEZONE,
    ...items.flatMap((item) =>
      rounds(item).flatMap((deadline, round) => eventLines(item, deadline, round)),
    ),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldIcalLine).join('\r\n')}\r\n`;
}
