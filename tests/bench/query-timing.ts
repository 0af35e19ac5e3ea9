import type { BenchQuery } from './queries.js';
import { timeIt } from './report.js';

/** Each query's time, in order, and the slowest query's text. */
export interface QueryTimes {
  times: number[];
  slowest: string;
}

export async function timeQueries(queries: BenchQuery[], run: (query: BenchQuery) => Promise<unknown>): Promise<QueryTimes> {
  const times: number[] = [];
  for (const query of queries) times.push(await timeIt(() => run(query)));
  return withSlowest(queries, times);
}

/** Each query asked of both, the one to answer first alternating from query to query. */
export async function timeAlternating(
  queries: BenchQuery[],
  ours: (query: BenchQuery) => Promise<unknown>,
  theirs: ((query: BenchQuery) => Promise<unknown>) | null,
): Promise<{ ours: QueryTimes; theirs: QueryTimes | null }> {
  const times = { ours: [] as number[], theirs: [] as number[] };
  for (const [i, query] of queries.entries()) {
    const runs = [['ours', ours], ['theirs', theirs]] as const;
    for (const [who, run] of i % 2 === 0 ? runs : [...runs].reverse()) {
      if (run) times[who].push(await timeIt(() => run(query)));
    }
  }
  return { ours: withSlowest(queries, times.ours), theirs: theirs ? withSlowest(queries, times.theirs) : null };
}

function withSlowest(queries: BenchQuery[], times: number[]): QueryTimes {
  const worst = times.indexOf(Math.max(...times));
  return { times, slowest: queries[worst]?.text ?? '' };
}

