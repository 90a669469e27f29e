/** Temporary stand-in until the full reader lands (another engineer is writing it). */
export function parseScore(t: string, dc: boolean): number | undefined {
  const s = t.trim(); if (!(dc ? /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/ : /^[+-]?(\d+(\.\d*)?|\.\d+)$/).test(s)) return undefined; return Number(s.replace(',', '.'));
}
export function describeNumberProblem(t: string, _dc: boolean): string { return `"${t}" is not a number`; }
