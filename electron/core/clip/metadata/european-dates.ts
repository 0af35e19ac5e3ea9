import { strict as german } from 'chrono-node/de';
import { strict as spanish } from 'chrono-node/es';
import { strict as french } from 'chrono-node/fr';
import { strict as italian } from 'chrono-node/it';
import { strict as dutch } from 'chrono-node/nl';
import { strict as portuguese } from 'chrono-node/pt';

const PARSERS = [german, spanish, french, italian, dutch, portuguese];
/** Characters a dateline may carry besides its date: a comma, `às`, `Uhr`, a pipe. */
const SLACK_CHARS = 6;

/**
 * Whether a line is a date written out in German, Spanish, French, Italian, Dutch or Portuguese,
 * with the year, month and day (`segunda-feira, 22 de janeiro de 2018 às 0:13`, `02 Ago 2017`,
 * `22. Januar 2018, 10:15 Uhr`): a dateline, not a sentence that gives a date.
 */
export function isEuropeanDateLine(line: string): boolean {
  const length = line.replace(/\s+/g, '').length;
  return PARSERS.some((parser) =>
    parser.parse(line).some(({ start, text }) =>
      start.isCertain('year') && start.isCertain('month') && start.isCertain('day') && length - text.replace(/\s+/g, '').length <= SLACK_CHARS));
}
