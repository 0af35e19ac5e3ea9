import type { Clip } from '../../api.js';

/** One export format as pieces written in order: begin, items with `between` them, end. */
export interface ExportWriter {
  begin: string;
  item(clip: Clip): string;
  between: string;
  end(count: number): string;
}
