// What building and sending digests needs from the application context: the database, goal labels, search, settings.
import type { AppContext } from '../app/context.js';
import { taxonomyLabels } from '../app/goal-labels.js';
import { sourceNames } from '../store/index.js';
import { createAnalyzer, type Analyzer } from '../tag/analyze.js';
import { searchQuery } from '../tag/index-terms.js';
import { mailConfig, type MailConfig } from './config.js';
import type { DigestEnv } from './deliver.js';

/** The digest's environment over an open context (settings from the environment unless given). */
export function digestEnv(ctx: Pick<AppContext, 'db' | 'tagStage' | 'feedsDir'>, config: MailConfig = mailConfig()): DigestEnv {
  let analyzer: Analyzer | null = null;
  const matches = new Map<string, string | null>();
  return {
    db: ctx.db, config, labels: taxonomyLabels(ctx).goals,
    sourceNames: (lang) => sourceNames(ctx.db, lang),
    searchMatch: (text) => {
      if (!matches.has(text)) matches.set(text, searchQuery(text, (analyzer ??= ctx.tagStage?.analyzer ?? createAnalyzer())));
      return matches.get(text)!;
    },
  };
}
