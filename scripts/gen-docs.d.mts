// Types of scripts/gen-docs.mjs for test/docs/generated.test.ts.
/** Every generated page: path (from the repository root) → its text. Reads the built dist/. */
export function generatedPages(): Promise<Map<string, string>>;
/** Generated pages on disk that no command produces any more. */
export function strayCommandPages(pages: Map<string, string>): string[];
