// A matter's stages in words people read: Finnish, and Swedish for Swedish pages and digests. The one place the web
// view, the mail and the CLI take them from (the CLI speaks Finnish).
import type { MatterStage } from '../link/stage.js';
import type { Lang } from '../model.js';

export const STAGE_NAMES: Record<Lang, Record<MatterStage, string>> = {
  fi: {
    preparation: 'valmistelu',
    'statement-round': 'lausuntokierros',
    'government-proposal': 'hallituksen esitys',
    committee: 'valiokuntakäsittely',
    'parliament-reply': 'eduskunnan vastaus',
    'statute-published': 'säädös julkaistu',
    'in-force': 'voimassa',
  },
  sv: {
    preparation: 'beredning',
    'statement-round': 'remissrunda',
    'government-proposal': 'regeringens proposition',
    committee: 'utskottsbehandling',
    'parliament-reply': 'riksdagens svar',
    'statute-published': 'författningen publicerad',
    'in-force': 'i kraft',
  },
};

/** A stage's name in `lang`; a value that is no known stage is shown as it is, nothing as null. */
export const stageName = (stage: string | null | undefined, lang: Lang = 'fi'): string | null =>
  stage ? (STAGE_NAMES[lang][stage as MatterStage] ?? stage) : null;
