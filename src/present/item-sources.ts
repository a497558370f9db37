/** Every source carrying an item (see ItemRow.sources), the first stored first; a row built by hand names its own. */
export const itemSources = (r: { source: string; sources?: string[] }): string[] => r.sources ?? [r.source];
