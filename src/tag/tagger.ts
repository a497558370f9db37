// The tagger: taxonomy terms, context, priors, item kind and learned weights → relevance, goals, evidence.
import { existsSync } from 'node:fs';
import type { ItemKind, Lang } from '../model.js';
import { createAnalyzer, guessLang, tokenize, type Analyzer, type FieldTokens, type Token } from './analyze.js';
import { assessJoint } from './joint.js';
import { inferKind } from './kind.js';
import { compileTerms, type CompiledTerm, type Matcher, type TokenMatches, type WordMatch } from './match.js';
import { applyPrimaryModel, primaryModelFor, tell, type PrimaryModel } from './primary-model.js';
import type { Evidence, GoalId, LearnedWeights, ScopeConditional, TagInput, TagResult, Taxonomy, TermDef } from './types.js';

/** Options for createTagger. */
export interface TaggerOptions {
  /** Word analysis; default Voikko when installed, else Snowball. */
  analyzer?: Analyzer;
  /** Weights learned from reviewer decisions (see learn.ts); must come from the same analyzer. */
  learned?: LearnedWeights | null;
  /** Clock for joint-response deadlines. */
  now?: () => Date;
  /** The primary-goal model (primary-model.ts); default the shipped one when it fits the taxonomy, null: the rules alone. */
  primary?: PrimaryModel | null;
}

/** Tags one item (`tokens`: its title's and summary's, when the caller has them); pure apart from its caches. */
export type Tagger = (input: TagInput, tokens?: FieldTokens) => TagResult;

type Field = 'title' | 'summary';

/** The rule-based reading of an item, before learned weights and thresholds. */
export interface ItemReading {
  lang: Lang;
  kind: ItemKind | null;
  rule: Record<GoalId, number>;
  evidence: Evidence[];
  anchored: boolean;
  /** Learning features: analyzer key per word → best field factor. */
  features: Map<string, number>;
  /** Goals of the title's subject (the head of a phrase whose modifier speaks for another goal). */
  about: GoalId[];
  /** Goals the title's first goal word names by a topic term (not an actor): a headline names its matter first. */
  first: GoalId[];
  /** Goals of the title's doer: its first goal words when they are actors ending in one not in the genitive (who acts). */
  doer: GoalId[];
  /** Title words of a doer named by the welfare area or its organ (topic words, not actors), or of a forum before a
   * headline's colon (whose goals are no doer's: a forum acts on its own matters too): who, not what about. */
  doerWords: ReadonlySet<string>;
  /** Title words that name a place (a fire station) in a place case, or in the genitive before another goal's word: where or
   * whose another matter is, not what about. */
  placeWords: ReadonlySet<string>;
  /** Goals the anchor terms name before a title's colon or dash, when it has one: the headline's own subject. */
  headline: GoalId[];
  /** Title words only after a title's colon or dash: what the headline's subject touches. */
  tail: ReadonlySet<string>;
  /** Points each goal's own anchor terms earn in the title, less its negative terms in the title (before scopes). */
  title: Record<GoalId, number>;
  /** Points of each goal's own topic terms (not actors, not context words below a topic term's weight). */
  topic: Record<GoalId, number>;
  /** The share of its score the scope rules leave the item (1 when no scope applies); learned weights keep it too. */
  scale: number;
  /** Goals of a cooperation the title names (police, border guard or defence forces with the rescue services). */
  cooperation: GoalId[];
  /** The goal whose money the title's budget is (a welfare area's budget, plan or statement): it alone is listed. */
  budget: GoalId | null;
}

/** The parts of a tagger that learn.ts also needs. */
export interface TaggerCore {
  taxonomy: Taxonomy;
  analyzer: Analyzer;
  read(input: TagInput, tokens?: FieldTokens): ItemReading;
  /** The result; with `primary`, the model chooses the main goal among those listed (see primary-model.ts). */
  finish(input: TagInput, reading: ItemReading, learned: LearnedWeights | null, primary?: PrimaryModel | null): TagResult;
}

const round = (n: number): number => Math.round(n * 100) / 100;
/** A topic term weighs at least this much in the taxonomy (valtakunnallinen, resurssi and the like say little). */
const MIN_TOPIC_WEIGHT = 0.7;
/** Topic points a goal needs before the item's actor terms count for it. */
const MIN_TOPIC = 1.5;
/** A title topic term below this weight names an occasion, not a subject, in a cooperation's title (an act: 3.5, a fire inspection: 3). */
const OCCASION = 3;
/**
 * The primary-goal model's probability at which its choice puts the rules' former lead to the further-goal test: a choice
 * near an even split is a coin toss between two goals the item names, and both stay listed. The shipped model's own
 * margin (feeds/primary-model.json's options.margin) is 0.6 since session 57, so a choice it makes always reaches this;
 * SURE still holds should a model with a lower margin be fitted.
 */
const SURE = 0.6;
/** What a budget word in a welfare area's budget title weighs for the reform, as an investment plan does. */
const MONEY = 2;
/** The subtopic whose context words a title-only statute's title may name as its subject (see score). */
const STATUTE_SUBJECT = 'preparedness';

/** Build the reusable core: compiled terms and caches for one taxonomy and analyzer. */
export function createTaggerCore(taxonomy: Taxonomy, options: TaggerOptions = {}): TaggerCore {
  const analyzer = options.analyzer ?? createAnalyzer();
  const matcher: Matcher = compileTerms(taxonomy.terms, analyzer);
  const scopeMatcher: Matcher | null = taxonomy.scopeTerms.length ? compileTerms(taxonomy.scopeTerms, analyzer) : null;
  const goalIds = taxonomy.goals.map((g) => g.id);
  const actorTexts = new Set(taxonomy.terms.filter((t) => t.actor).map((t) => t.text));
  const occasionTexts = new Set(taxonomy.terms.filter((t) => t.occasion).map((t) => t.text));
  const organTexts = new Set(taxonomy.terms.filter((t) => t.organ).map((t) => t.text));
  const now = options.now ?? (() => new Date());
  const factor: Record<Field, number> = { title: taxonomy.fields.title, summary: taxonomy.fields.summary };
  const alone = (factor.title + factor.summary) / factor.title;

  // Scratch space of read(), reused from item to item (read runs to its end before it is called again): most of an
  // item's garbage was these per-token arrays and sets.
  const perToken: TokenMatches[] = [];
  const scopePer: TokenMatches[] = [];
  let covered = new Uint8Array(64);
  const titleGoals: ReadonlySet<GoalId>[] = [];
  const headGoals: ReadonlySet<GoalId>[] = [];
  const alsoGoals: ReadonlySet<GoalId>[] = [];
  const byActor: boolean[] = [];
  // The goal owning a budget term at each title word (talousarvio, bokslut), or null.
  const budgetAt: (CompiledTerm | null)[] = [];
  // Whether a title word names the welfare area or its organ by a topic word (hyvinvointialue, lautakunta, nämnd).
  const organAt: boolean[] = [];
  // Whether a title word names a hazard that is an occasion (maastopalo, skogsbrand): never a head.
  const occasionAt: boolean[] = [];
  // The goal of a place term (a fire station) at each title word not in a place case, or null: in the genitive before
  // another goal's word it is whose ("Paloasemien varavoima"), as in a place case it is where.
  const placeAt: (GoalId | null)[] = [];
  const weakOnly: boolean[] = [];
  const ends: boolean[] = [];
  // Where each token of a field ends in its text (see tokenEnds), found once per field and only when a rule reads what
  // follows a token (the title's colon or dash, a denial's sentence end); `endsOf` is the tokens they are of.
  let endAt = new Int32Array(64);
  let endsOf: Token[] | null = null;
  const endsIn = (text: string, tokens: Token[]): Int32Array => {
    if (endsOf !== tokens) {
      if (endAt.length < tokens.length) endAt = new Int32Array(2 * tokens.length);
      tokenEnds(text, tokens, endAt);
      endsOf = tokens;
    }
    return endAt;
  };
  // Title phrases of anchor terms: where each starts and the goal that owns it (a headline names its goal by a phrase too).
  const phraseStart: number[] = [];
  const phraseOwner: GoalId[] = [];
  let phrases = 0;
  // Best field per matched term (a term counts once per item), with the words that matched, in the order first found.
  const hitTerms: CompiledTerm[] = [];
  const hitField: Field[] = [];
  const hitMatch: string[] = [];
  // Where each hit's words start in its field's tokens, and how many they are.
  const hitWord: number[] = [];
  const hitLen: number[] = [];
  let summaryTokens: readonly Token[] = NO_TOKENS;
  // How many of the hit and phrase lists' entries are this item's: the lists are overwritten, not emptied (length = 0
  // gives up their store, and each item would grow a new one); nothing reads past the count.
  let hits = 0;
  const hitAt = new Int32Array(matcher.terms.length).fill(-1);
  // A taxonomy term's learning feature names its place in the taxonomy (sub-topic, goals and weights, actor or not), not
  // its text: the Finnish and the Swedish term of one thing (paloasema, brandstation) are one feature, so a reviewer's
  // decision on one language's item teaches its twin in the other, with which it shares no stem.
  const termFeature = matcher.terms.map((t) => termFeatureKey(t.def));
  const scopeKey = scopeMatcher ? scopeMatcher.terms.map((t) => `${t.def.scope!.id}:${t.def.scope!.role}`) : [];
  const scopeKeys = taxonomy.scopes.map((sc) => [`${sc.id}:when`, `${sc.id}:unless`, `${sc.id}:apart`] as const);
  // Each scope's conditional words (the taxonomy's `conditional`), by scope id.
  const conditionals = new Map<string, ScopeConditional>();
  for (const sc of taxonomy.scopes) if (sc.conditional !== null) conditionals.set(sc.id, sc.conditional);
  const zero: Record<GoalId, number> = Object.fromEntries(goalIds.map((g) => [g, 0]));
  const anchorSum: Record<GoalId, number> = { ...zero };
  // The goal sets of title words, shared: a word's set is the one reached by adding its goals in the order found (as a
  // new set per word was, the order kept), so each combination is made once per tagger rather than for every title word.
  const grown = new Map<ReadonlySet<GoalId>, Map<GoalId, ReadonlySet<GoalId>>>();
  const withGoal = (set: ReadonlySet<GoalId>, goal: GoalId): ReadonlySet<GoalId> => {
    if (set.has(goal)) return set;
    let next = grown.get(set);
    if (!next) grown.set(set, (next = new Map()));
    let out = next.get(goal);
    if (!out) next.set(goal, (out = new Set([...set, goal])));
    return out;
  };
  const note = (term: CompiledTerm, field: Field, match: string, word: number, len: number): void => {
    const at = hitAt[term.index];
    if (at < 0) {
      hitAt[term.index] = hits;
      hitTerms[hits] = term;
      hitField[hits] = field;
      hitMatch[hits] = match;
      hitWord[hits] = word;
      hitLen[hits] = len;
      hits++;
    } else if (hitField[at] === 'summary' && field === 'title') {
      hitField[at] = field;
      hitMatch[at] = match;
      hitWord[at] = word;
      hitLen[at] = len;
    }
  };

  // What readTitle finds in a title, read back by read() (reset for each item).
  let about: GoalId[] = [];
  let first: GoalId[] = [];
  let doer: GoalId[] = [];
  let doerWords: ReadonlySet<string> = NONE;
  let placeWords: Set<string> | null = null;
  // The word a title opens with when it names where a change starts ("Pelastajasta päivystäjäksi"), or null.
  let originWords: Set<string> | null = null;
  let tail: ReadonlySet<string> = NONE;
  let headline: GoalId[] = [];
  let budget: GoalId | null = null;
  // Whether the title's budget word is a deal (buying: see TermDef.deal).
  let deal = false;

  // read() is split into the parts below so that V8 optimises each on its own: compiled whole, it was the largest
  // optimising compile of a crawl (bench/HISTORY.md, session 35). Each part runs once per field or item.
  // Per-item loops here index their arrays (and a Set or Map is walked by forEach) rather than use for-of or array
  // destructuring: each of those compiles with the iterator's try/finally, which made these functions the largest of
  // a crawl's optimising compiles (bench/HISTORY.md, session 47).
  function read(input: TagInput, words?: FieldTokens): ItemReading {
    const title = input.title ?? '';
    const summary = input.summary ?? '';
    const lang: Lang = input.lang ?? guessLang(`${title} ${summary}`);
    const kind = input.kind ?? inferKind(title);
    summaryTokens = NO_TOKENS;
    for (let h = 0; h < hits; h++) hitAt[hitTerms[h].index] = -1;
    hits = 0;
    phrases = 0;
    // Each field's tokens with the words it denies (see deniedIn), or null: the scopes read both.
    const fieldTokens: [Field, Token[], Uint8Array | null][] = [];
    const features = new Map<string, number>();
    about = [];
    first = [];
    doer = [];
    doerWords = NONE;
    placeWords = null;
    originWords = null;
    tail = NONE;
    headline = [];
    budget = null;
    deal = false;
    endsOf = null;
    for (let fi = 0; fi < 2; fi++) {
      const field: Field = fi === 0 ? 'title' : 'summary';
      const text = fi === 0 ? title : summary;
      if (!text) continue;
      const tokens: Token[] = words?.[field] ?? tokenize(text);
      const denied = deniedIn(text, tokens, lang, endsIn, fi === 0 || !ownBudget(fieldTokens.length > 0 && fieldTokens[0][0] === 'title' ? fieldTokens[0][1].length : 0));
      fieldTokens.push([field, tokens, denied]);
      if (fi === 1) summaryTokens = tokens;
      matchField(tokens, field, lang, features, denied);
      if (fi === 0) readTitle(text, tokens, lang);
    }
    const reading = score(input, lang, kind, features);
    // Only items with some score can be scoped; most items have none, so their words are not looked up again.
    if (scopeMatcher && anyPositive(goalIds, reading.rule)) applyScopes(reading, fieldTokens, scopeMatcher);
    return reading;
  }

  /** Whether the title names, by a topic term, a matter of another goal than that of a fire station it names as where. */
  function placesMatter(): boolean {
    for (let h = 0; h < hits; h++) {
      const place = hitTerms[h];
      if (hitField[h] !== 'title' || place.def.place !== true || !placeWords!.has(hitMatch[h])) continue;
      for (let o = 0; o < hits; o++) {
        const t = hitTerms[o];
        if (hitField[o] === 'title' && (t.def.rule === 'anchor' || t.def.rule === 'context') && !t.def.actor && t.def.place !== true && t.owner !== place.owner && t.own >= MIN_TOPIC_WEIGHT) return true;
      }
    }
    return false;
  }

  /** Match a field's tokens against the taxonomy: phrases, then single words (noted as hits; title words' goals kept). */
  function matchField(tokens: Token[], field: Field, lang: Lang, features: Map<string, number>, denied: Uint8Array | null): void {
    const n = tokens.length;
    // Overwritten, not emptied (length = 0 gives up the array's store, and every field would grow a new one): nothing
    // reads past n.
    for (let i = 0; i < n; i++) perToken[i] = matcher.matchToken(tokens[i], lang);
    // What a title or summary says its matter does not touch is no evidence of it (see deniedIn); the words stay learning features.
    if (denied !== null) for (let i = 0; i < n; i++) if (denied[i] === 1) perToken[i] = { single: NO_WORDS, phraseWords: NO_WORDS, features: perToken[i].features };
    if (covered.length < n) covered = new Uint8Array(2 * n);
    else covered.fill(0, 0, n);
    const fi = field === 'title' ? 0 : 1;
    if (fi === 0) for (let i = 0; i < n; i++) {
      budgetAt[i] = null;
      organAt[i] = false;
      occasionAt[i] = false;
      placeAt[i] = null;
    }
    // Phrases: consecutive tokens matching the phrase's words in order.
    for (let i = 0; i < n; i++) {
      const phraseWords = perToken[i].phraseWords;
      for (let p = 0; p < phraseWords.length; p++) {
        const pw = phraseWords[p];
        if (pw.word !== 0) continue;
        const len = pw.term.words.length;
        let ok = i + len <= n;
        for (let k = 1; k < len && ok; k++) ok = hasWord(perToken[i + k].phraseWords, pw.term, k);
        if (!ok) continue;
        note(pw.term, field, phraseText(tokens, i, len), i, len);
        if (fi === 0 && pw.term.def.budget === true) budgetAt[i] ??= pw.term;
        if (fi === 0 && pw.term.def.rule === 'anchor') {
          phraseStart[phrases] = i;
          phraseOwner[phrases] = pw.term.owner;
          phrases++;
        }
        for (let k = 0; k < len; k++) covered[i + k] = 1;
      }
    }
    // Goals each title word speaks for, to find what the title is about (see `about` below); a set only when a word has some.
    const isTitle = fi === 0;
    const f = factor[field];
    for (let i = 0; i < n; i++) {
      const m = perToken[i];
      let spoken = NONE;
      let head = NONE;
      let alsoAt = NONE;
      let weak = true;
      for (let si = 0; si < m.single.length; si++) {
        const s = m.single[si];
        const rule = s.term.def.rule;
        // A phrase hides the single-word terms inside it (kansallinen riskiarvio vs riskiarvio).
        if (covered[i] === 1 && rule !== 'false-friend') continue;
        note(s.term, field, tokens[i].text, i, 1);
        if (!isTitle) continue;
        // A fire station named as where ("ensihoitoyksikkö sijoitetaan paloasemalle") names no subject of the title.
        if (s.term.def.place === true && namedAsWhere(tokens, i, 1, lang)) {
          (placeWords ??= new Set()).add(tokens[i].text);
          continue;
        }
        if (s.term.def.place === true) placeAt[i] ??= s.term.owner;
        if (s.term.def.budget === true) budgetAt[i] ??= s.term;
        if (s.term.def.organ === true) organAt[i] = true;
        // The goal whose sub-topic owns the term (not its `also` goals): ensihoito speaks for the reform.
        if (rule === 'anchor' || rule === 'context') spoken = withGoal(spoken, s.term.owner);
        if (rule === 'anchor' || s.term.own >= MIN_TOPIC_WEIGHT) weak = false;
        // The goals a topic term lends a share to (väestönsuojelu and hätäkeskus also speak for services): a generic
        // head of such a goal (kehittämisohjelma, lisämääräraha, henkilöstövaje) stays inside the modifier's topic.
        // A hazard (a forest fire) is when or where the title's matter happens, never its head, first name or headline:
        // "Hätäkeskuslaitos varautuu maastopalokesään" is the emergency centres' preparedness, "rescEU-reservin
        // metsäpalolentokoneet" the EU reserve. It still says whose a head is ("maastopalon evakuointi"), its points
        // still count, and they lead a title that names nothing else.
        if (s.term.def.occasion === true) occasionAt[i] = true;
        else if (rule === 'anchor') {
          for (let a = 0; a < s.term.also.length; a++) alsoAt = withGoal(alsoAt, s.term.also[a]);
          head = withGoal(head, s.term.owner);
        }
      }
      if (isTitle) {
        byActor[i] = m.single.length > 0 && allActors(m.single);
        weakOnly[i] = weak;
        titleGoals[i] = spoken;
        headGoals[i] = head;
        alsoGoals[i] = alsoAt;
      }
      for (let k = 0; k < m.features.length; k++) {
        const key = m.features[k];
        if ((features.get(key) ?? 0) < f) features.set(key, f);
      }
    }
  }

  /** What a title is about, first names, and names before a colon or dash (sets about, first, headline, tail). */
  function readTitle(text: string, tokens: Token[], lang: Lang): void {
    const n = tokens.length;
    // Finnish and Swedish noun phrases end in their head: in "pelastuslaitosten kyberturvallisuus" or
    // "pelastuslaitoksen ensihoitopalvelu" the first word says whose, the second what. A title word followed by
    // one that speaks for exactly one other goal names the item's subject; the last such pair wins. A head that
    // several goals share (rahoitus: "pelastustoimen rahoitus", "hyvinvointialueiden rahoitus") says nothing.
    // Swedish also puts a head first and its what after av: "räddningsväsendets anskaffningar av informationssystem"
    // is "pelastustoimen tietojärjestelmien hankinnat", so a goal-less word and av between the two are passed over.
    // A colon or a dash ends a headline's part: "Pelastustoimen tietojärjestelmäohjelma: valvonnan …" pairs no words across it.
    let cut = -1;
    if (/:|\s[–—-]\s/.test(text)) {
      const end = endsIn(text, tokens);
      ends.length = 0;
      for (let k = 0; k < n; k++) ends.push(end[k] >= 0 && /^(?::|\s+[–—-]\s)/.test(text.slice(end[k], end[k] + 4)));
      cut = ends.indexOf(true);
    }
    let firstWord = -1;
    for (let k = 0; k < n && firstWord < 0; k++) if (headGoals[k].size > 0) firstWord = k;
    if (firstWord >= 0 && !byActor[firstWord]) first = [...headGoals[firstWord]];
    // A title that opens with actors ending in one not in the genitive opens with who acts ("Pelastuslaitos laati …",
    // "Aluehallitus hyväksyi …", "Pelastuslaitosten kumppanuusverkosto: …"); one in the genitive says whose matter
    // follows ("Pelastuslaitosten rahoitus", "Räddningsverkens cyberövning").
    // The doer opens the title, alone or after one other doer ("Kunnat ja pelastuslaitos sopivat …"); an actor later in
    // it is whose ("Räcker finansieringen av räddningsväsendet?").
    const opens = firstWord === 0 || (firstWord === 2 && /^(?:ja|och)$/.test(tokens[1].lower));
    // The welfare area and its organs are named by topic words too (hyvinvointialue, lautakunta, nämnd: the reform's
    // words); such a name is the doer only before a decision verb: "Hyvinvointialueen turvallisuuslautakunta hyväksyi
    // pelastuslaitoksen valvontasuunnitelman" is the rescue department's supervision plan, "Välfärdsområdet beslutade:
    // räddningsverkets brandsyner …" its fire inspections; its words then vouch for no goal of their own.
    const acts = (k: number): boolean => byActor[k] || organAt[k];
    if (opens && acts(firstWord)) {
      let last = firstWord;
      while (last + 1 < n && acts(last + 1)) last++;
      let organ = false;
      for (let k = firstWord; k <= last; k++) if (!byActor[k]) organ = true;
      const whose = (lang === 'sv' ? SV_GENITIVE : FI_GENITIVE).test(tokens[last].lower);
      const decides = !organ || (last + 1 < n && DECIDES.test(tokens[last + 1].lower));
      // A meeting decides as its organ does: "Aluevaltuuston kokous: pelastuslaitoksen palvelutaso … hyväksyttiin".
      const meets = whose && last + 1 < n && MEETS.test(tokens[last + 1].lower);
      if ((decides && !whose) || meets) {
        const who = new Set<GoalId>();
        for (let k = firstWord; k <= last; k++) headGoals[k].forEach((g) => who.add(g));
        doer = [...who];
        if (organ || meets) {
          first = [];
          const words = new Set<string>();
          for (let k = firstWord; k <= (meets ? last + 1 : last); k++) words.add(tokens[k].text);
          doerWords = words;
        }
      }
    }
    // A forum named before a headline's colon or dash is who meets, as an organ's meeting is: "Pelastustoimen ja
    // sisäministeriön yhteistyöfoorumi: painopisteenä kyberharjoitukset" is the cyber exercises, "Samarbetsgruppen för
    // räddningsväsendet och beredskapen: jämförelsen av servicenivåbesluten …" the service levels. Its words vouch for no goal.
    // The forum is the part's head: its last word, or in Swedish its first too ("Samarbetsforumet för …").
    if (cut >= 0 && doerWords.size === 0 && (FORUM.test(tokens[cut].lower) || (lang === 'sv' && FORUM.test(tokens[0].lower)))) {
      const words = new Set<string>();
      for (let k = 0; k <= cut; k++) words.add(tokens[k].text);
      doerWords = words;
      first = [];
    }
    // A budget word names whose money the title is about, unless an actor of another goal says whose budget it is:
    // "Pelastuslaitoksen talousarvio", "Pelastuslaitoksen paloasemaverkkoselvitys ja investointiohjelma" and "budgeten för
    // räddningsverket" are the rescue department's own.
    let at = -1;
    for (let k = 0; k < n && at < 0; k++) if (budgetAt[k] !== null) at = k;
    if (at >= 0) {
      const owner = budgetAt[at]!.owner;
      const whose = (k: number): boolean =>
        k >= 0 && byActor[k] && !headGoals[k].has(owner) && (lang === 'sv' ? SV_GENITIVE : FI_GENITIVE).test(tokens[k].lower);
      const and = at >= 3 && /^(?:ja|och)$/.test(tokens[at - 1].lower);
      const own = whose(at - 1) || (and && whose(at - 3)) || (lang === 'sv' && tokens[at + 1]?.lower === 'för' && at + 2 < n && byActor[at + 2] && !headGoals[at + 2].has(owner));
      if (!own) {
        budget = owner;
        deal = budgetAt[at]!.def.deal === true;
      }
    }
    if (cut >= 0) {
      // The doer's words before the colon say who decided, not what ("Hyvinvointialue päätti: pelastuslaitoksen …").
      const named = new Set<GoalId>();
      for (let k = 0; k <= cut; k++) if (!doerWords.has(tokens[k].text)) headGoals[k].forEach((g) => named.add(g));
      for (let k = 0; k < phrases; k++) if (phraseStart[k] <= cut && !doerWords.has(tokens[phraseStart[k]].text)) named.add(phraseOwner[k]);
      headline = [...named];
      // Plain loops: the chained slice/map/filter here made V8 recompile the whole function (bench:peer profile).
      const before = new Set<string>();
      for (let k = 0; k <= cut; k++) before.add(tokens[k].text);
      const after = new Set<string>();
      for (let k = cut + 1; k < n; k++) if (!before.has(tokens[k].text)) after.add(tokens[k].text);
      tail = after;
    }
    for (let i = 0; i + 1 < n; i++) {
      if (titleGoals[i].size === 0) continue;
      const j = lang === 'sv' && titleGoals[i + 1].size === 0 && tokens[i + 2]?.lower === 'av' ? i + 3 : i + 1;
      if (cut >= 0 && endsWithin(ends, i, j)) continue;
      // A comma between the two lists them ("tilannekuva hätäkeskuksen, ensihoidon ja pelastustoiminnan välille"): no
      // word of a list modifies the next.
      if (listed(text, tokens, i)) continue;
      // An actor says who, not what: "sote-uudistuksen pelastustoimen siirtymäsäännökset" is not about the rescue services.
      if (j >= n || titleGoals[j].size !== 1 || byActor[j] || occasionAt[j]) continue;
      // A Finnish word in a place case is where, not what: in "Pelastuslaitos ja poliisi harjoittelivat yhteistoimintaa
      // suuronnettomuudessa" or "Puolustusvoimien virka-apu maastopaloissa" the accident is where the cooperation is.
      if (lang === 'fi' && PLACE_CASE.test(tokens[j].lower)) continue;
      // Nor is a word in the illative whose: in "Suomi tarjoaa EU:n valmiusreserviin metsäpalojen maasammutusyksikön"
      // the reserve is where the unit goes, not whose forest fires (a modifier is a genitive or a compound's part).
      if (lang === 'fi' && ILLATIVE.test(tokens[i].lower)) continue;
      // A head that speaks only by a weak context word (järjestäminen, valvonta, koulutus: below a topic term's weight)
      // says how, not what: "nuohouksen järjestäminen" is sweeping, the rescue act's matter, not the reform's organising;
      // and since round thirty-five after any word, an actor or a weak one too: "kuntien valmiuspäälliköiden
      // täydennyskoulutus" is the preparedness managers' training, not the services' (koulutus), and "Pelastuslaitosten
      // omavalvontamalli" the self-monitoring model, not the reform's supervision (valvonta). A head of a topic's weight
      // still names the subject ("Hyvinvointialueen valmiussuunnitelma" is preparedness).
      if (weakOnly[j]) continue;
      // A Finnish genitive before another goal word modifies that word, and is no head of the one before it: in
      // "varautuminen hyvinvointialueen häiriötilanteisiin" the welfare area says whose disruptions (round forty-four).
      if (lang === 'fi' && j + 1 < n && titleGoals[j + 1].size > 0 && !(cut >= 0 && ends[j]) && FI_GENITIVE.test(tokens[j].lower) && !ILLATIVE.test(tokens[j].lower)) continue;
      // A head in the Finnish illative named by a context word alone is where the matter goes, not what it is: "häirinnän
      // vaikutuksista pelastusyksiköiden ohjaukseen" is the units' dispatch the jamming reaches, no steering of the welfare
      // areas (round forty-four, eval-2028-23). An anchor keeps its head there ("siirto hyvinvointialueisiin").
      if (lang === 'fi' && headGoals[j].size === 0 && ILLATIVE.test(tokens[j].lower)) continue;
      const head = titleGoals[j].values().next().value as GoalId;
      if (headGoals[j].size === 0 && alsoGoals[i].has(head)) continue;
      if (!titleGoals[i].has(head)) about = [head];
    }
    if (about.length === 0) about = whoseShared(tokens, n, lang);
    // A place in the genitive before a word of another goal alone is whose that matter is, as in a place case it is where:
    // "Paloasemien varavoima kuntoon" and "kuuden paloaseman varavoimakoneisiin" are the backup power (round thirty-six);
    // so is one before a word of no goal in a title about another goal: "Pelastuslaitoksen varavoimahankinta turvaa
    // paloasemien toiminnan" is the backup power alone (round thirty-eight). It still says whose the head is above (the
    // pair names the head's goal as the subject).
    for (let i = 0; i + 1 < n; i++) {
      const owner = placeAt[i];
      if (owner === null || !(lang === 'sv' ? SV_GENITIVE : FI_GENITIVE).test(tokens[i].lower)) continue;
      const next = titleGoals[i + 1];
      const ofOther = next.size === 1 && !next.has(owner) && !byActor[i + 1] && !weakOnly[i + 1];
      const ofNone = next.size === 0 && about.length === 1 && about[0] !== owner;
      if (ofOther || ofNone) (placeWords ??= new Set()).add(tokens[i].text);
    }
    // "Pelastajasta päivystäjäksi: …", "Pelastajasta hätäkeskukseen: …": a title opening with a Finnish word in the elative
    // before one in the translative or illative opens with where a change starts (from what, to what), not with what it is
    // about (round thirty-eight). Only at the start: "lausuntoja pelastuslaista syyskuuhun mennessä" is about the act.
    if (lang !== 'sv' && n > 1 && ELATIVE.test(tokens[0].lower) && (TRANSLATIVE.test(tokens[1].lower) || ILLATIVE.test(tokens[1].lower))) {
      originWords = new Set([tokens[0].text]);
    }
  }

  /**
   * Whether the title names whose its budget is by an anchor of the budget's own goal ("Aluevaltuusto hyväksyi
   * talousarvion"): the welfare area's budget, in which what stays as it was is still its money (see deniedIn).
   */
  function ownBudget(n: number): boolean {
    if (budget === null) return false;
    for (let i = 0; i < n; i++) if (headGoals[i].has(budget)) return true;
    return false;
  }

  /**
   * A head several goals share (rahoitus, finansiering) after the title's first goal word, an actor in the genitive, is
   * that actor's matter ("pelastustoimen rahoitus": the rescue services' funding) when the title's other goals are named
   * only where it is decided: in a Finnish phrase that ends in a place case ("hyvinvointialueiden sopeutusohjelmissa",
   * "… rahoituslain uudistuksessa") or after a Swedish i ("i välfärdsområdenas anpassningsprogram"). Round forty-five
   * (eval-2028-23 qg064, eval-2028-17 qa109: written questions on the rescue services' funding in the welfare areas').
   */
  function whoseShared(tokens: Token[], n: number, lang: Lang): GoalId[] {
    let i = 0;
    while (i < n && titleGoals[i].size === 0) i++;
    const j = i + 1;
    if (j >= n || !byActor[i] || headGoals[i].size !== 1 || !(lang === 'sv' ? SV_GENITIVE : FI_GENITIVE).test(tokens[i].lower)) return [];
    const g = headGoals[i].values().next().value as GoalId;
    if (titleGoals[j].size < 2 || !titleGoals[j].has(g)) return [];
    // The other goals' words after the head, and where they are said to be.
    let last = -1;
    for (let k = j + 1; k < n; k++) if (titleGoals[k].size > 0) last = k;
    if (last < 0) return [];
    if (lang === 'sv') {
      let at = -1;
      for (let k = j + 1; k < n && at < 0; k++) if (tokens[k].lower === 'i') at = k;
      if (at < 0) return [];
      for (let k = j + 1; k < at; k++) if (titleGoals[k].size > 0) return [];
      return [g];
    }
    if (!PLACE_CASE.test(tokens[last].lower)) return [];
    // The place-case word's modifiers before it, genitives all, back to the first goal word after the head.
    let k = last - 1;
    while (k > j && FI_GENITIVE.test(tokens[k].lower)) k--;
    for (let m = j + 1; m <= k; m++) if (titleGoals[m].size > 0) return [];
    return [g];
  }

  /** Whether a comma follows title word `i`. */
  function listed(text: string, tokens: Token[], i: number): boolean {
    if (text.indexOf(',') < 0) return false;
    const end = endsIn(text, tokens)[i];
    return end >= 0 && text.charCodeAt(end) === 44;
  }

  /**
   * How a learned feature reads to a reviewer: a taxonomy term's feature is keyed by its place in the taxonomy (so that
   * paloasema and brandstation are one), but the item page names the term as this item has it ("term:paloasema").
   */
  function featureLabel(key: string): string {
    if (!key.startsWith('term:')) return key;
    const texts: string[] = [];
    for (let h = 0; h < hits; h++) {
      const text = hitTerms[h].def.text;
      if (termFeature[hitTerms[h].index] === key && !texts.includes(text)) texts.push(text);
    }
    return texts.length ? `term:${texts.join(' / ')}` : key;
  }

  /** The reading's points and evidence from the terms noted, actors' points lent, and priors (before scopes). */
  function score(input: TagInput, lang: Lang, kind: ItemKind | null, features: Map<string, number>): ItemReading {
    // A title that is all the item says (its source's items are titles alone: a Finlex statute as the crawl stores it),
    // with no summary, weighs as the title's and the summary's words together (round forty-eight: "Lag om statsunderstöd
    // för välfärdsområdenas löneharmonisering").
    const lone = input.titleOnly === true && (input.summary ?? '').trim() === '';
    const rule: Record<GoalId, number> = { ...zero };
    const evidence: Evidence[] = [];
    // An item is anchored when some goal keeps anchor evidence after its negative terms: a welfare area named
    // in a hospital's news is cancelled by the health-care terms and does not turn context words into evidence.
    for (let gi = 0; gi < goalIds.length; gi++) anchorSum[goalIds[gi]] = 0;
    // A budget of the welfare area the item names (an anchor of the budget's goal, its organs too) that funds another
    // goal's matter (an anchor of it: the rescue department, a fire station) is the reform's money: the health care it
    // funds does not cancel the welfare area, and its budget word weighs as an investment plan's. A budget that names
    // only care is the welfare area's care ("Hyvinvointialueen talousarvio: sosiaali- ja terveyspalveluista säästetään").
    let money: GoalId | null = null;
    if (budget !== null) {
      let ownerNamed = false;
      let otherNamed = false;
      for (let h = 0; h < hits; h++) {
        if (hitTerms[h].def.rule !== 'anchor') continue;
        if (hitTerms[h].owner === budget) ownerNamed = true;
        // A deal (buying) is the welfare area's property only when it deals in a place (a fire station, its plot): the
        // rescue department buying fire engines is the services' equipment (round thirty-nine).
        else if (!deal || hitTerms[h].def.place === true) otherNamed = true;
      }
      // A budget published by the welfare area itself (its feed, a prior of the budget's goal) names its owner too: the
      // council's "tilläggsanslag" for a fire station's repair is the welfare area's money.
      for (let pi = 0; pi < taxonomy.priors.length; pi++) {
        const p = taxonomy.priors[pi];
        if (p.source !== null && input.source === p.source && (p.goals[budget] ?? 0) > 0) ownerNamed = true;
      }
      if (ownerNamed && otherNamed) money = budget;
    }
    for (let h = 0; h < hits; h++) {
      const term = hitTerms[h];
      if (term.def.rule !== 'anchor' && term.def.rule !== 'negative') continue;
      if (money !== null && cancels(term, money)) continue;
      const sign = term.def.rule === 'negative' ? -1 : 1;
      const f = factor[hitField[h]];
      for (let e = 0; e < term.goals.length; e++) anchorSum[term.goals[e][0]] += sign * term.goals[e][1] * f;
      if (term.def.rule !== 'anchor') continue;
      // Taxonomy terms are learning features too: reviewers can tune a term's weight without editing the file.
      if ((features.get(termFeature[term.index]) ?? 0) < f) features.set(termFeature[term.index], f);
    }
    let anchored = false;
    for (let gi = 0; gi < goalIds.length; gi++) if (anchorSum[goalIds[gi]] > 0) anchored = true;
    // A place is where only when the title names another goal's matter by a topic term to happen there ("Ensihoitoyksikkö
    // sijoitetaan paloasemalle"); "Rokotuspiste avataan vanhalle paloasemalle" names none and keeps the fire station's goal.
    if (placeWords !== null && !placesMatter()) placeWords = null;
    if (originWords !== null) placeWords = placeWords === null ? originWords : new Set([...placeWords, ...originWords]);
    const titleScore: Record<GoalId, number> = { ...zero };
    // Points of each goal's own topic terms (not actors, not weak context words), and the actors' evidence.
    const topic: Record<GoalId, number> = { ...zero };
    const actors: { goal: GoalId; points: number; title: number; evidence: Evidence }[] = [];
    let whereHits: number[] | null = null;
    for (let h = 0; h < hits; h++) {
      const term = hitTerms[h];
      const def = term.def;
      const field = hitField[h];
      const match = hitMatch[h];
      const f = factor[field] * (lone && field === 'title' ? alone : 1);
      if (def.rule === 'false-friend') {
        evidence.push({ rule: 'false-friend', term: def.text, field, match, goals: {} });
        continue;
      }
      // A statute's title that is all the item says names its subject: a preparedness word there is the state's
      // preparedness law, not a bank's or a hospital's own planning, and counts without a rescue word (round fifty-two:
      // "Valtioneuvoston asetus evakuoitujen henkilöiden rekisteröinnistä"). Other context words stay context there.
      if (def.rule === 'context' && !anchored && !(lone && field === 'title' && def.subtopic === STATUTE_SUBJECT)) continue;
      if (money !== null && cancels(term, money)) continue;
      const sign = def.rule === 'negative' ? -1 : 1;
      const owner = term.owner;
      const own = term.own;
      const inTitle = field === 'title' && def.rule === 'anchor' ? own : 0;
      titleScore[owner] += inTitle;
      // A title goal counts only with the title points left after its negative terms: a cancelled anchor names nothing
      // ("Hyvinvointialueen sairaala": the health-care term cancels the welfare area).
      if (field === 'title' && def.rule === 'negative') for (let e = 0; e < term.goals.length; e++) titleScore[term.goals[e][0]] -= term.goals[e][1];
      // A place says where, as an actor says who: its points go where an actor's go (below).
      const place = def.place === true && field === 'title' && placeWords !== null && placeWords.has(match);
      if (def.rule !== 'negative' && !def.actor && !place && own >= MIN_TOPIC_WEIGHT) {
        topic[owner] += own * f;
        if (field === 'summary') (whereHits ??= []).push(h);
      }
      const goals: Record<GoalId, number> = {};
      for (let e = 0; e < term.goals.length; e++) {
        const g = term.goals[e][0];
        const w = def.budget === true && g === money && field === 'title' ? Math.max(term.goals[e][1], MONEY) : term.goals[e][1];
        goals[g] = round(sign * w * f);
        rule[g] += sign * w * f;
      }
      const kindOf: Evidence['rule'] = def.rule === 'anchor' ? (term.words.length > 1 ? 'phrase' : 'term') : def.rule;
      const e: Evidence = { rule: kindOf, term: def.text, field, match, goals };
      evidence.push(e);
      if ((def.actor || place) && def.rule === 'anchor' && term.goals.length === 1) actors.push({ goal: owner, points: own * f, title: inTitle, evidence: e });
    }
    // Actor terms say who acts, topic terms what about: "Cybersäkerheten inom räddningsväsendet" is internal security
    // done by the rescue services. An actor whose goal has no topic of its own in the item lends its points to the
    // goal whose topic terms are strongest (the first such goal on a tie), so relevance stays and the topic decides the
    // goal. Less than one topic term's weight of its own goal is no topic: a context word in the summary ("financed in
    // the state budget") does not keep an actor with its goal ("Virve 2.0 -päätelaitteiden jakelu pelastuslaitoksille").
    // A topic word the summary names as where (namedAsWhere: a Finnish place case or the illative, a Swedish place
    // preposition before it) is where the actor's matter happens, not a topic to lend to: "kielletään akkujen lataaminen
    // porrashuoneissa ja väestönsuojissa" is the rescue department's fire-safety rule, the shelter the place it covers
    // (round forty-five, eval-2028-24).
    const lending: Record<GoalId, number> = { ...topic };
    if (actors.length > 0 && whereHits !== null) {
      for (let wi = 0; wi < whereHits.length; wi++) {
        const h = whereHits[wi];
        const term = hitTerms[h];
        if (!lendsActor(term, actors) || !namedAsWhere(summaryTokens, hitWord[h], hitLen[h], lang)) continue;
        lending[term.owner] -= term.own * factor.summary;
      }
    }
    let lendTo: GoalId | undefined;
    for (let gi = 0; gi < goalIds.length; gi++) {
      const g = goalIds[gi];
      if (lending[g] >= MIN_TOPIC && (lendTo === undefined || lending[g] > lending[lendTo])) lendTo = g;
    }
    for (let ai = 0; ai < actors.length; ai++) {
      const a = actors[ai];
      if (lendTo === undefined || topic[a.goal] >= MIN_TOPIC_WEIGHT || lendTo === a.goal) continue;
      rule[a.goal] -= a.points;
      rule[lendTo] += a.points;
      titleScore[a.goal] -= a.title;
      titleScore[lendTo] += a.title;
      a.evidence.goals = { [lendTo]: round(a.points) };
    }
    let organisation: string | null = null;
    for (let pi = 0; pi < taxonomy.priors.length; pi++) {
      const p = taxonomy.priors[pi];
      const bySource = p.source !== null && input.source === p.source;
      const byOrg = p.organisation !== null && (organisation ??= (input.organisation ?? '').toLowerCase()).includes(p.organisation);
      if (!bySource && !byOrg) continue;
      if (p.requiresEvidence && !anchored) continue;
      for (const g in p.goals) rule[g] += p.goals[g];
      evidence.push({ rule: 'prior', term: p.label, field: bySource ? 'source' : 'organisation', goals: { ...p.goals } });
    }
    return { lang, kind, rule, evidence, anchored, features, about, first, doer, doerWords, placeWords: placeWords ?? NONE, headline, tail, title: titleScore, topic, scale: 1, cooperation: [], budget: money };
  }

  /**
   * Scope rules: an item of a kind outside the strategy (incident news, policing, welfare-area care) keeps
   * only a share of its score unless it also names what would bring it in (legislation, rescue services, …).
   */
  function applyScopes(reading: ItemReading, fieldTokens: [Field, Token[], Uint8Array | null][], scopeMatcher: Matcher): void {
    const { lang, rule, evidence, cooperation } = reading;
    const titleScore = reading.title;
    let scale = 1;
    const scopeHits = new Map<string, ScopeHit>();
    for (let fi = 0; fi < fieldTokens.length; fi++) findScopes(scopeMatcher, fieldTokens[fi][1], fieldTokens[fi][2], fieldTokens[fi][0], lang, scopeHits, scopeKey, scopePer, conditionals);
    const joint: [GoalId, number][] = [];
    for (let si = 0; si < taxonomy.scopes.length; si++) {
      const sc = taxonomy.scopes[si];
      const when = scopeHits.get(scopeKeys[si][0]);
      const unless = scopeHits.get(scopeKeys[si][1]);
      if (when === undefined) continue;
      // A title-only scope (the ministry and the partnership network): only the two named in the title name their
      // cooperation (round thirty-nine); either in the summary is a mention.
      if (sc.titleOnly && (when.field !== 'title' || unless?.field !== 'title')) continue;
      if (unless !== undefined && (!sc.byField || factor[unless.field] >= factor[when.field])) {
        const together = Object.entries(sc.together);
        if (together.length === 0) continue;
        // Named apart, not together: "Poliisin, Rajavartiolaitoksen ja pelastustoimen määrärahat" lists each one's money, as
        // prominently as the rescue services are named; the scope is lifted, but no cooperation is named.
        const apart = scopeHits.get(scopeKeys[si][2]);
        if (apart !== undefined && factor[apart.field] >= factor[unless.field]) {
          evidence.push({ rule: 'scope', term: `${sc.id} apart: ${apart.match}`, field: apart.field, match: when.match, goals: {} });
          continue;
        }
        // A scope that only names a cooperation (factor 1: the EU civil protection mechanism) names it from the title
        // alone: the mechanism is the title's subject, and the rescue services anywhere in the item who take part.
        const inTitle = when.field === 'title' && (unless.field === 'title' || sc.factor === 1);
        for (let ti = 0; ti < together.length; ti++) {
          const g = together[ti][0];
          const w = together[ti][1];
          joint.push([g, w]);
          // Police and rescue services named together in the title: the title is about their cooperation.
          if (inTitle) titleScore[g] += w;
        }
        if (inTitle && reading.about.length === 0) reading.about = together.map((t) => t[0]);
        if (inTitle) cooperation.push(...together.map((t) => t[0]));
        evidence.push({ rule: 'scope', term: `${sc.id} + ${unless.match}`, field: unless.field, match: when.match, goals: { ...sc.together } });
        continue;
      }
      // A scope of factor 1 only names a cooperation: without its unless terms it does nothing.
      if (sc.factor === 1) continue;
      for (let gi = 0; gi < goalIds.length; gi++) if (rule[goalIds[gi]] > 0) rule[goalIds[gi]] *= sc.factor;
      scale *= sc.factor;
      evidence.push({ rule: 'scope', term: `${sc.id} ×${sc.factor}`, field: when.field, match: when.match, goals: {} });
    }
    // Cooperation points keep the share other scopes leave: police and rescue services at a fire are still incident news.
    for (let ji = 0; ji < joint.length; ji++) rule[joint[ji][0]] += joint[ji][1] * scale;
    reading.scale = scale;
  }

  function finish(input: TagInput, reading: ItemReading, learned: LearnedWeights | null, primary?: PrimaryModel | null): TagResult {
    const scores: Record<GoalId, number> = { ...reading.rule };
    const evidence = [...reading.evidence];
    // Goals the learned weights raise on an item where the rules have topic evidence for them (see `choose` below).
    let raised: ReadonlySet<GoalId> = NONE;
    let taught: ReadonlySet<GoalId> = NONE;
    if (learned && learned.analyzer === analyzer.name) {
      const up = new Set<GoalId>();
      const clears = new Set<GoalId>();
      raised = up;
      taught = clears;
      const contrib: { key: string; goals: Record<GoalId, number>; size: number }[] = [];
      const delta: Record<GoalId, number> = {};
      const lifts = liftsOf(learned, reading);
      reading.features.forEach((f, key) => {
        const w = learned.weights[key];
        if (!w || (lifts && !lifts.has(key))) return;
        const goals: Record<GoalId, number> = {};
        let size = 0;
        for (const g in w) {
          if (!(g in scores)) continue;
          const v = w[g];
          delta[g] = (delta[g] ?? 0) + v * f;
          goals[g] = round(v * f);
          size += Math.abs(v * f);
        }
        if (size >= 0.05) contrib.push({ key, goals, size });
      });
      // Learned weights may move a goal's score only so far: the rules keep the last word on items they are sure of,
      // and an item the scope rules put mostly out of scope keeps the same share of what was learned.
      const lead = leadingGoal(reading.rule);
      const out = ruledOut(reading);
      for (const g in delta) {
        const d = delta[g];
        const shift = learnedShift(d, learned, g === lead, out) * reading.scale;
        scores[g] += shift;
        if (shift <= 0 || !(reading.rule[g] > 0) || !(reading.topic[g] > 0)) continue;
        up.add(g);
        if (shift >= taxonomy.thresholds.relevant) clears.add(g);
      }
      contrib.sort((a, b) => b.size - a.size);
      for (let ci = 0; ci < contrib.length && ci < 5; ci++) evidence.push({ rule: 'learned', term: featureLabel(contrib[ci].key), goals: contrib[ci].goals });
    }
    const kindFactor = reading.kind ? (taxonomy.kinds[reading.kind] ?? 1) : 1;
    if (kindFactor !== 1 && reading.kind) {
      // A multiplier, not points: the term says by how much.
      evidence.push({ rule: 'kind', term: `${reading.kind} ×${kindFactor}`, goals: {} });
    }
    for (let gi = 0; gi < goalIds.length; gi++) {
      const g = goalIds[gi];
      scores[g] = round(Math.max(0, scores[g] * (scores[g] > 0 ? kindFactor : 1)));
    }
    const th = taxonomy.thresholds;
    const ruled = (g: GoalId): number => Math.max(0, reading.rule[g] * (reading.rule[g] > 0 ? kindFactor : 1));
    let ruleTop = -Infinity;
    for (let gi = 0; gi < goalIds.length; gi++) ruleTop = Math.max(ruleTop, ruled(goalIds[gi]));
    // A goal the rules list stays listed unless its own learned weights lower it: learning that raises another
    // goal does not push it off by the ratio (a reviewer's confirmed second goal must not cost an unseen item its main one).
    const keptByRules = (s: Record<GoalId, number>, g: GoalId): boolean => ruled(g) >= th.goalRatio * ruleTop && s[g] >= round(ruled(g));
    // Evidence of a term or phrase of `g`'s own (its first goal) that is not an actor: what the item is about.
    const topicTermOf = (e: Evidence, g: GoalId): boolean =>
      (e.rule === 'term' || e.rule === 'phrase') && !actorTexts.has(e.term) && firstKey(e.goals) === g;
    // Whether the title names `g` by hazards alone (maastopalo, skogsbrand): the occasion of another matter, no subject.
    const occasionOnly = (g: GoalId): boolean => {
      let own = false;
      for (let ei = 0; ei < reading.evidence.length; ei++) {
        const e = reading.evidence[ei];
        if (e.field !== 'title' || e.rule !== 'term' || firstKey(e.goals) !== g || actorTexts.has(e.term)) continue;
        if (!occasionTexts.has(e.term)) return false;
        own = true;
      }
      return own;
    };
    // A goal the rules leave out of the list on an item they find relevant under another (`learning.listed`) is listed by
    // learning, or made the title's subject, only when what was learned for it alone would make an item relevant
    // (`learning.names`), whatever the title names: words that made other items relevant under a goal do not say that an
    // item the rules find about another goal is about that one too. Learned weights that merely lift it past the goal bar
    // name nothing (eval-2028-27's qk066: the welfare areas' words, taught to the reform by reform items the rules missed,
    // on a decree on the welfare areas' preparedness planning that the rules find internal security's). It may still lead
    // by its score.
    const addedByLearning = (g: GoalId, learning: Learning): boolean =>
      learning.listed.length > 0 && !learning.listed.includes(g) && !learning.names.has(g);
    const choose = (s: Record<GoalId, number>, allowed: (g: GoalId) => boolean, learning: Learning): { ranked: GoalId[]; goals: GoalId[]; moved?: GoalId; top: number } => {
      // `allowed` says which goals may lead or be listed; whether the item is relevant, and whether its leading goal is
      // named by actors alone, are read from every goal (after learning, as before it: a goal the rules do not list
      // still carries the item, "Pelastustoimen tietojärjestelmien hankinnat" by its actor).
      const all = byScore(goalIds, s);
      const ranked = all.filter(allowed);
      // What the title is about leads, when it is relevant on its own: the item mentions the rest.
      // Without such a phrase, a title whose anchor terms name one goal alone is about that goal ("Hyvinvointialueiden
      // rahoitus …" whose summary mentions the rescue services' costs), when that goal is relevant on its own.
      const relevantGoals = ranked.filter((g) => s[g] >= th.relevant);
      // A title that names several goals, one by a topic term first and the others only through actors ("Välfärdsområdets
      // budget: räddningsväsendets anslag"), is about the first: the actors say whose matter it touches. An actor named
      // first is whose matter the title is ("Pelastuslaitosten rahoitus: sisäministeriö esittää korvamerkintää").
      const named0 = relevantGoals.filter((g) => reading.title[g] > 0 && !occasionOnly(g));
      // A place the title names as where (a fire station, a contract brigade) is no topic of its goal there: "Koskelan
      // paloasemalle sijoitetaan ensivasteyksikkö" is about the first response (round thirty-five).
      const topical = named0.filter((g) =>
        reading.evidence.some((e) => e.field === 'title' && (e.rule === 'scope' ? (e.goals[g] ?? 0) > 0 : topicTermOf(e, g) && !whoOrWhere(reading, e))),
      );
      const titled = named0.length > 1 && topical.length === 1 && reading.first.includes(topical[0]) ? topical : named0;
      // A leading goal that only an actor names, outside the title ("Aluevaltuusto hyväksyi talousarvion" whose summary
      // says the rescue department's appropriations stay), is who the item mentions: the one goal the title names leads
      // even below the threshold.
      // A hazard is no such name: "Sisäministeriön riskiarviossa nousevat esiin … laajat metsäpalot" is the risk assessment's.
      const named = ranked.filter((g) => s[g] > 0 && reading.title[g] > 0 && !occasionOnly(g));
      // A goal reviewers' words raise is named by more than its actors (eval-2028-19's qc119: fire stations in an investment
      // plan, which reviewers taught to the reform, do not hand the plan to services).
      const onlyActor = (g: GoalId): boolean =>
        !(reading.title[g] > 0) && !raised.has(g) && !reading.evidence.some((e) => topicTermOf(e, g));
      // A title phrase whose head speaks for a goal after an actor of the leading goal ("Pelastustoimen
      // tietojärjestelmien hankinnat": whose, then what) is about the head's goal even below the threshold, when the
      // title names the leading goal by actors alone and the head's goal has a topic's points (1.5, as for lending).
      const actorsOnly = (g: GoalId): boolean => {
        const inTitle = reading.evidence.filter((e) => e.field === 'title' && e.rule !== 'scope' && (e.goals[g] ?? 0) > 0);
        // A context word the title shares with another goal says whose money, not what about: "EU:s finansiering för
        // räddningsverkens beredskap mot skogsbränder" names the rescue services by their actor alone (finansiering
        // speaks for the reform as well), so the preparedness after the actor leads.
        const shared = (e: Evidence): boolean =>
          e.rule === 'context' &&
          reading.evidence.some((o) => o.field === 'title' && o.match === e.match && Object.entries(o.goals).some(([h, w]) => h !== g && w > 0));
        return inTitle.some((e) => actorTexts.has(e.term)) && inTitle.every((e) => actorTexts.has(e.term) || shared(e));
      };
      // Without such a phrase, a headline whose part before the colon or dash names one relevant goal is about it
      // ("EU:n pelastuspalvelumekanismin rahoituskausi: pelastuslaitosten maastopalokyky"): the rest says what it touches.
      const headline = reading.headline.length === 1 && relevantGoals.includes(reading.headline[0]) ? reading.headline[0] : undefined;
      // A title that opens with its doer is about what the doer acts on: the one other relevant goal its title words name
      // with a topic's weight ("Pelastuslaitos laati kunnille mallin evakuointisuunnitelmaksi" is evacuation planning,
      // "Aluehallitus hyväksyi …" whatever it approved). The doer's points still count for relevance; they decide no goal.
      const acted = reading.doer.length > 0 || reading.doerWords.size > 0 ? actedOn(reading, relevantGoals, actorTexts) : undefined;
      const subject =
        reading.about.filter((g) => relevantGoals.includes(g) || (s[g] >= MIN_TOPIC && actorsOnly(all[0]))).sort((a, b) => s[b] - s[a])[0] ??
        headline ??
        acted ??
        (titled.length === 1 ? titled[0] : named.length === 1 && onlyActor(all[0]) ? named[0] : undefined);
      const moved = reading.budget !== null && ranked.includes(reading.budget) && s[reading.budget] > 0
        ? (reading.budget !== ranked[0] ? reading.budget : undefined)
        : subject !== undefined && subject !== ranked[0] && !addedByLearning(subject, learning) ? subject : undefined;
      if (moved !== undefined) {
        ranked.splice(ranked.indexOf(moved), 1);
        ranked.unshift(moved);
      }
      const top = s[all[0]];
      return { ranked, goals: further(s, ranked, top, learning), moved, top };
    };
    // Which goals are listed, `ranked[0]` leading (the rules' choice, or the primary-goal model's: see below), from the
    // scores `s` whose top is `top`.
    const further = (s: Record<GoalId, number>, ranked: GoalId[], top: number, learning: Learning): GoalId[] => {
      if (top < th.relevant) return [];
      // A welfare area's budget is its money alone: the fire stations it builds and the care it funds are what it buys.
      if (reading.budget !== null && ranked[0] === reading.budget) return [reading.budget];
      // A further goal the title says nothing of is what the item mentions, not what it is about (police and rescue
      // services meeting anywhere in the item is a cooperation the scope rule vouches for). A title word that speaks for
      // the leading goal as well (rahoitus in "Hyvinvointialueiden rahoitus …") says nothing for a further one.
      // One title word names one thing: a word that holds a term of the leading goal ("paloasemakiinteistöjen kauppa":
      // property, the reform's matter, of fire stations) vouches for no further goal through another term inside it.
      const leadEv = reading.evidence.filter((e) => e.field === 'title' && e.rule !== 'scope' && (e.goals[ranked[0]] ?? 0) > 0);
      const lead = new Set(leadEv.map((e) => e.term));
      // A headline whose part before the colon or dash names the leading goal by a goal's full share says what the item is
      // about; a context word only after it is what that touches and vouches for no further goal: "Pelastustoimen
      // tietojärjestelmäohjelma: seuraava vaihe palvelutasoseurantaan" is the information systems programme alone.
      const leadsHeadline = reading.tail.size > 0 && leadEv.some((e) => e.match !== undefined && !reading.tail.has(e.match) && (e.goals[ranked[0]] ?? 0) >= th.goal);
      const leadWords = new Set(leadEv.map((e) => e.match));
      // An actor (pelastuslaitos: who acts) and a weak context word (below a topic term's weight: sisäministeriö,
      // johtaminen) name who or how, not a subject, and vouch for no further goal ("Pelastuslain uudistus etenee:
      // sisäministeriö asetti työryhmän" is services; "Virve 2.0 -päätelaitteiden jakelu pelastuslaitoksille" is
      // internal security). Nor does the share a leading goal's title term lends another goal (hätäkeskus lends services 1:
      // "Hätäkeskustietojärjestelmä ERICAn päivitys viivästyy" is internal security whatever the summary says of the rescue
      // departments' readiness), unless the share is a goal's own (the shelter's, below).
      // A context word of a further goal in the title is the leading goal's matter when a title term of the leading goal
      // lends that goal a share and the title names it by no term of its own, not even an actor: "Hallitus esittää
      // lisärahoitusta hätäkeskusten henkilöstöön" is the emergency centres' money and staff (hätäkeskus lends services 1),
      // "lisärahoitusta pelastustoimelle" the rescue services' funding.
      const lentContext = (g: GoalId): boolean =>
        leadEv.some((e) => (e.rule === 'term' || e.rule === 'phrase') && firstKey(e.goals) === ranked[0] && (e.goals[g] ?? 0) > 0) &&
        !reading.evidence.some((e) => e.field === 'title' && (e.rule === 'term' || e.rule === 'phrase') && firstKey(e.goals) === g);
      // A title about a cooperation (police, border guard or defence forces with the rescue services) names what they
      // cooperate at by a topic term (a forest fire, an oil spill, a major accident: below an act's or supervision's
      // weight) as where it happens, not as a further subject: "Rajavartiolaitos ja pelastuslaitokset harjoittelivat
      // öljyntorjuntaa" is the authorities' cooperation alone; "Meripelastuslain muutos" or a fire inspection still names one.
      const cooperating = reading.cooperation.includes(ranked[0]);
      // A hazard of another goal (a forest fire) in the title is the occasion of the leading goal's matter, not a further
      // subject: "Kansallinen riskiarvio: metsäpalot nousivat kärkeen" is the risk assessment alone.
      const occasion = (e: Evidence): boolean => e.field === 'title' && occasionTexts.has(e.term) && firstKey(e.goals) !== ranked[0];
      // A further goal the title names by the welfare area or its organ alone (hyvinvointialue, lautakunta, nämnd: no other
      // word of that goal, not even one the leading goal shares) is whose or where the leading goal's matter is, not a
      // matter of its own: "Turvallisuusverkon palvelut laajenevat hyvinvointialueiden kriittisiin järjestelmiin" is the
      // security network alone (round thirty-six); "pelastustoimen rahoitus hyvinvointialueilla" still names the reform's
      // funding.
      const organOnly = (g: GoalId): boolean => {
        let organ = false;
        for (let ei = 0; ei < reading.evidence.length; ei++) {
          const e = reading.evidence[ei];
          if (e.field !== 'title' || e.rule === 'scope' || !((e.goals[g] ?? 0) > 0)) continue;
          if (!organTexts.has(e.term)) return false;
          organ = true;
        }
        return organ;
      };
      const inTitle = (g: GoalId): boolean => {
        if (learning.names.has(g)) return true;
        const organ = organOnly(g);
        return reading.evidence.some(
          (e) =>
            (e.field === 'title' || e.rule === 'scope') &&
            (e.goals[g] ?? 0) > 0 &&
            !actorTexts.has(e.term) &&
            !(e.field === 'title' && organ) &&
            !(e.field === 'title' && whoOrWhere(reading, e)) &&
            !(e.field === 'title' && e.match !== undefined && leadWords.has(e.match) && !((e.goals[ranked[0]] ?? 0) > 0)) &&
            !(e.rule === 'context' && e.field === 'title' && e.match !== undefined && reading.tail.has(e.match) && leadsHeadline) &&
            !(e.rule === 'context' && (lead.has(e.term) || (e.goals[g] ?? 0) < MIN_TOPIC_WEIGHT * factor.title || lentContext(g))) &&
            !(e.field === 'title' && firstKey(e.goals) === ranked[0] && (e.goals[g] ?? 0) < th.goal) &&
            !occasion(e) &&
            !(cooperating && e.field === 'title' && (e.rule === 'term' || e.rule === 'phrase') && (e.goals[g] ?? 0) < OCCASION * factor.title),
        );
      };
      // A title term that lends a further goal a goal's full share names both whatever the leading goal's points: the
      // shelter of "Skyldigheten att bygga skyddsrum ses över" is civil protection and a building the rescue act regulates.
      const namedInTitle = (g: GoalId): boolean =>
        reading.evidence.some(
          (e) => e.field === 'title' && (e.rule === 'term' || e.rule === 'phrase') && firstKey(e.goals) !== g && (e.goals[g] ?? 0) >= th.goal,
        );
      return ranked.filter((g, i) => i === 0 || (s[g] >= th.goal && (s[g] >= th.goalRatio * top || keptByRules(s, g) || namedInTitle(g)) && reading.rule[g] > 0 && inTitle(g) && !addedByLearning(g, learning)));
    };
    // On an item the rules find relevant, learned weights may reorder and drop the goals the rules list, and bring in
    // only a goal the rules have topic evidence for (a topic term of its own: an actor says who acts, not what about)
    // and the weights raise past the floor: a reviewer's goal reaches unseen items only through the rules' own
    // evidence. Such a goal is listed beside the rules' own goals, or made the title's subject, only when what was learned
    // for it alone would make an item relevant (`taught`, see `addedByLearning`): weights that merely raise it name
    // nothing, whatever the title names; on an item the rules find nothing in, a goal the title does not name asks the
    // same. (Before, learning could bring in no goal at all, so a primary goal the rules left out of the list could never
    // come back on an unreviewed item, however many reviewers had put it there.)
    const byRules = learned ? choose(Object.fromEntries(goalIds.map((g) => [g, round(ruled(g))])), () => true, RULES_ALONE) : null;
    const learning: Learning = { listed: byRules ? byRules.goals : [], names: taught };
    const allowedGoal = (g: GoalId): boolean => !byRules || byRules.goals.length === 0 || byRules.goals.includes(g) || raised.has(g);
    const { ranked, goals, moved, top } = choose(scores, allowedGoal, learning);
    if (moved !== undefined) evidence.push({ rule: 'about', term: moved, field: 'title', goals: {} });
    const relevant = goals.length > 0;
    const result: TagResult = {
      ...(input.id !== undefined ? { id: input.id } : {}),
      relevant,
      goals,
      primary: relevant ? ranked[0] : null,
      scores,
      evidence,
      kind: reading.kind,
      joint: { candidate: false, score: 0, reason: '' },
      taxonomyVersion: taxonomy.version,
    };
    // The model reads the scores after learned weights and reorders the goals the rules list (see below for the one it may drop).
    const choice = { p: 0 };
    if (primary) applyPrimaryModel(primary, taxonomy, reading, result, undefined, choice);
    // The model's primary, when the model is sure of it (SURE) and the title names it by topic words of its own (not
    // actors, not a context word another goal shares: a topic's points, 1.5, of words of a topic term's weight), is what
    // the item is about: the goal the rules led with only by its points (an actor in the title, its words in the summary)
    // then faces the further-goal test against the model's choice, as any further goal does. "Pysyvä yhteistyörakenne
    // sovittu: sisäministeriö ja pelastuslaitosten verkosto …" whose summary lists service-level matters is the cooperation
    // structure alone (round thirty-six). A goal the rules chose as the title's subject (`moved`) stays, and no goal the
    // rules did not list comes in.
    const lead = result.primary;
    // A context word another goal's term shares (rahoitus) says nothing of whose matter it is.
    const shared = (e: Evidence, g: GoalId): boolean =>
      e.rule === 'context' && reading.evidence.some((o) => o !== e && o.field === 'title' && o.match === e.match && firstKey(o.goals) !== g);
    const titleNames = (g: GoalId): boolean => {
      let points = 0;
      for (let ei = 0; ei < reading.evidence.length; ei++) {
        const e = reading.evidence[ei];
        const word = e.field === 'title' && (e.rule === 'term' || e.rule === 'phrase' || e.rule === 'context') && !actorTexts.has(e.term) && firstKey(e.goals) === g;
        if (word && e.goals[g] >= MIN_TOPIC_WEIGHT * factor.title && !shared(e, g)) points += e.goals[g];
      }
      return points >= MIN_TOPIC * factor.title;
    };
    // So does a former lead the title names by a hazard alone (round forty-one): "Kaksi suomalaista maastopalomoduulia EU:n
    // reserviin" is the EU reserve's, the forest fire its occasion, as round thirty-one reads a hazard in the rules' own choice.
    if (lead !== null && lead !== ranked[0] && choice.p >= SURE && result.goals.length > 1 && (titleNames(lead) || occasionOnly(ranked[0]))) {
      // The further-goal test again, the model's choice leading (it is among the goals the rules list, so in `ranked`).
      const again = further(scores, [lead, ...ranked.filter((g) => g !== lead)], top, learning);
      result.goals = result.goals.filter((g) => g === moved || again.includes(g));
    }
    result.joint = assessJoint(input, result, taxonomy, now());
    return result;
  }

  return { taxonomy, analyzer, read, finish };
}

const NONE: ReadonlySet<string> = new Set();

/**
 * What learning may add to the goals of one item: `listed`, the goals the rules alone list on it (empty for the rules' own
 * reading, or when the rules list none), and `names`, the goals what was learned for them alone would make relevant.
 */
interface Learning {
  listed: readonly GoalId[];
  names: ReadonlySet<GoalId>;
}
/** The rules' own reading: learning adds nothing. */
const RULES_ALONE: Learning = { listed: [], names: NONE };
const NO_WORDS: WordMatch[] = [];
/** An item without a summary: none of its words (shared, not made per item). */
const NO_TOKENS: readonly Token[] = [];

/**
 * A denial in Finnish (ei vaikuta, ilman vaikutusta, ei koske, ei käsittele; in a clause "ettei (muutos) vaikuta", "eivät
 * koske") or Swedish (påverkar inte, gäller inte, utan att beröra; in a clause "att ändringen inte påverkar").
 */
const DENIES_FI = /^(?:vaikut|koske|käsittel|muuta$)/;
// In any tense (round forty-four): "Förhandlingarna gällde inte räddningsverket" as "gäller inte".
const DENIES_SV = /^(?:påverka|berör|gäll(?:er|de)|behandla)/;
const MAY_DENY = /(?:^|[^\p{L}])(?:ei|eikä|ettei|eivät|ilman|inte|ej|inga|utan|ennallaan|mukais(?:ina|et|ia)|tasolla|oförändrade?|oförändrat|proposition(?:en)?|stilla|ulkopuolelle|utanför)(?!\p{L})/iu;
/**
 * Staying as it is (pysyy ennallaan, säilyvät esityksen mukaisina, förblir oförändrade, står stilla), said of what precedes
 * it: in the present or conditional only, as a budget or a plan says it. In the past (pysyi ennallaan, förblev oförändrat)
 * it is a statistic, still about what it counts ("rakennuspalojen määrä pysyi ennallaan").
 */
const STAYS_FI = /^(?:pysy(?:y|vät|isi|isivät)|säily(?:y|vät|isi|isivät))$/;
const STAYS_SV = /^(?:förblir|är|hålls|står)$/;
/** Being as the government proposed (ovat hallituksen esityksen mukaiset; följer regeringens proposition): a committee's report
 * leaving the proposal's figures as they were, in the present or conditional. */
const AS_PROPOSED_FI = /^(?:on|ovat|olisi|olisivat)$/;
/** Changes none (ei esitetä muutoksia, ei tehdä muutoksia; inga ändringar föreslås, görs inga ändringar): what they would
 * touch is left as it is. */
const CHANGES_FI = /^(?:esitetä|ehdoteta|tehdä)$/;
const CHANGES_SV = /^(?:föreslås|görs)$/;
/** Supervision (valvonta, tillsyn) as a word of its own: after ilman or utan, a thing left unattended. */
const UNATTENDED = /^(?:valvonta|valvontaa|tillsyn)$/;
/** Left out (rajattiin ulkopuolelle, on jätetty ulkopuolelle, lämnades utanför, har avgränsats utanför): in any tense. */
const LEFT_FI = /^(?:rajat(?:aan|tiin|tu|taisiin)|jätet(?:ään|tiin|ty)|jää|jäävät|jäi|jäivät)$/;
const LEFT_SV = /^(?:lämna(?:s|des|ts)|avgränsa(?:s|des|ts)|hålls|hölls)$/;

/**
 * The words of a title or summary after a denial, to the end of its sentence or of a headline's part (1 at each), or null
 * when it has none: what the item says it leaves alone is no evidence of its matter. "Sotningsskyldigheterna preciseras –
 * ändringen påverkar inte välfärdsområdenas finansiering" is sweeping alone (round thirty-five, then for the title's goals
 * only), "Katsaus ei käsittele pelastustointa" no rescue-services item (round thirty-eight: summaries too, and no points).
 * So are the words of a clause before its verb of staying as it is (round forty-three, see staysAt): "Pelastustoimen ja
 * hätäkeskusten määrärahat pysyvät ennallaan" in a state budget leaves the rescue services alone. Not when `stays` is
 * false: a summary under a title naming the welfare area's own budget (see ownBudget).
 */
function deniedIn(text: string, tokens: Token[], lang: Lang, endsIn: (text: string, tokens: Token[]) => Int32Array, stays: boolean): Uint8Array | null {
  // Most summaries have no word of a denial: they are not scanned word by word.
  if (!MAY_DENY.test(text)) return null;
  let out: Uint8Array | null = null;
  const n = tokens.length;
  for (let k = 1; k < n; k++) {
    const w = tokens[k].lower;
    let from = -1;
    if (lang !== 'sv' && DENIES_FI.test(w) && (/^(?:ei|eikä|ettei|eivät|ilman)$/.test(tokens[k - 1].lower) || (k >= 2 && tokens[k - 2].lower === 'ettei'))) from = k + 1;
    else if (lang === 'sv' && DENIES_SV.test(w) && k + 1 < n && /^(?:inte|ej)$/.test(tokens[k + 1].lower)) from = k + 2;
    else if (lang === 'sv' && DENIES_SV.test(w) && /^(?:inte|ej)$/.test(tokens[k - 1].lower)) from = k + 1;
    else if (lang === 'sv' && DENIES_SV.test(w) && k >= 2 && tokens[k - 1].lower === 'att' && tokens[k - 2].lower === 'utan') from = k + 1;
    // No changes proposed (round forty-six): "Inga ändringar föreslås i räddningslagens bestämmelser" leaves the act alone.
    else if (lang === 'sv' && CHANGES_SV.test(w) && k >= 2 && tokens[k - 1].lower === 'ändringar' && tokens[k - 2].lower === 'inga') from = k + 1;
    // Without supervision (ilman valvontaa, utan tillsyn: a candle left burning unattended) is no supervision (round
    // forty-four): the word alone is denied.
    if (from < 0 && UNATTENDED.test(w) && tokens[k - 1].lower === (lang === 'sv' ? 'utan' : 'ilman')) {
      out ??= new Uint8Array(n);
      out[k] = 1;
      continue;
    }
    if (from < 0) {
      const to = stays ? staysAt(tokens, k, lang) : -1;
      if (to < 0) continue;
      // The span starts after the last word before it followed by . ; : ! ? , or a spaced dash.
      const end = endsIn(text, tokens);
      let start = 0;
      for (let j = to - 1; j >= 0; j--) if (end[j] >= 0 && /^(?:[.;:!?,]|\s[–—-]\s)/.test(text.slice(end[j], end[j] + 3))) { start = j + 1; break; }
      out ??= new Uint8Array(n);
      for (let j = start; j < to; j++) out[j] = 1;
      continue;
    }
    if (from >= n) continue;
    // The span ends at the first word followed by . ; : ! ? or a spaced dash.
    const end = endsIn(text, tokens);
    out ??= new Uint8Array(n);
    for (let j = from; j < n; j++) {
      out[j] = 1;
      if (end[j] >= 0 && /^(?:[.;:!?]|\s[–—-]\s)/.test(text.slice(end[j], end[j] + 3))) break;
    }
  }
  return out;
}

/**
 * Where a clause saying its subject stays as it is or is left out has its verb (the span denied is the words before it), or
 * -1: token `k` ends the predicate (ennallaan, esityksen mukaisina, edellisvuoden tasolla; oförändrade, som i
 * propositionen, står stilla; ulkopuolelle, utanför), with the verb at most three words before it.
 */
function staysAt(tokens: Token[], k: number, lang: Lang): number {
  const w = tokens[k].lower;
  const fi = lang !== 'sv';
  // Changes none, after what they would touch (round forty-six): "Pelastuslain säännöksiin ei esitetä muutoksia", "I de
  // övriga anslagen görs inga ändringar"; the span ends before the denial.
  if (fi ? w === 'muutoksia' && k >= 2 && CHANGES_FI.test(tokens[k - 1].lower) && tokens[k - 2].lower === 'ei' : w === 'ändringar' && k >= 2 && tokens[k - 1].lower === 'inga' && CHANGES_SV.test(tokens[k - 2].lower)) return k - 2;
  // As the government proposed (round forty-six): "Pelastustoimen määrärahat ovat hallituksen esityksen mukaiset", "Anslagen
  // för räddningsväsendet följer regeringens proposition".
  if (fi && /^mukais(?:et|ia)$/.test(w) && tokens[k - 1].lower === 'esityksen') {
    for (let j = k - 2; j >= Math.max(0, k - 4); j--) if (AS_PROPOSED_FI.test(tokens[j].lower)) return j;
    return -1;
  }
  if (!fi && (w === 'propositionen' || w === 'proposition')) {
    const j = tokens[k - 1].lower === 'följer' ? k - 1 : k >= 2 && tokens[k - 1].lower === 'regeringens' && tokens[k - 2].lower === 'följer' ? k - 2 : -1;
    if (j >= 0) return j;
  }
  const left = fi ? w === 'ulkopuolelle' : w === 'utanför';
  const ends = left || (fi
    ? w === 'ennallaan' || (w === 'mukaisina' && tokens[k - 1].lower === 'esityksen') || (w === 'tasolla' && tokens[k - 1].lower === 'edellisvuoden')
    : /^oförändrad[et]?$/.test(w) || (w === 'propositionen' && k >= 2 && tokens[k - 1].lower === 'i' && tokens[k - 2].lower === 'som') || (w === 'stilla' && tokens[k - 1].lower === 'står'));
  if (!ends) return -1;
  const verb = left ? (fi ? LEFT_FI : LEFT_SV) : fi ? STAYS_FI : STAYS_SV;
  for (let j = k - 1; j >= Math.max(0, k - 4); j--) if (verb.test(tokens[j].lower)) return j;
  return -1;
}

/**
 * Where each token ends in `text`, into `out` (-1 for a token not found there: it moves nothing on), found in one pass from
 * the text's start: what follows a token (a headline's colon or dash, a sentence's end) is read from there.
 */
function tokenEnds(text: string, tokens: Token[], out: Int32Array): void {
  for (let k = 0, pos = 0; k < tokens.length; k++) {
    const at = text.indexOf(tokens[k].text, pos);
    if (at < 0) {
      out[k] = -1;
      continue;
    }
    pos = at + tokens[k].text.length;
    out[k] = pos;
  }
}

/** An evidence's first goal (its term's own), as Object.keys(goals)[0] gives it, without the list of keys. */
function firstKey(goals: Record<GoalId, number>): GoalId | undefined {
  for (const g in goals) return g;
  return undefined;
}

/** Finnish genitive endings (-n, not the nominative -nen of viranomainen) and the Swedish genitive -s: whose, not who. */
const FI_GENITIVE = /(?<!ne)n$/;
const SV_GENITIVE = /s$/;
/** An organ's meeting (kokous, möte): in the genitive before it, the organ is who decides. */
const MEETS = /^(?:kokou|möte)/;
/**
 * A forum (a cooperation forum, an advisory board, a cooperation group, a strategy day, the ministry's steering talks with
 * the rescue departments: ohjauskeskustelu, styrningssamtal): who meets, not what about. Not the welfare areas' steering
 * negotiations (ohjausneuvottelut, styrförhandlingar), the reform's own procedure whatever rescue matter they raise.
 */
const FORUM = /(?:foorumi|neuvottelukunta|yhteistyöryhmä|strategiapäivä|ohjauskeskustelu|forum|delegation|samarbetsgrupp|strategidag|styrningssamtal|styrsamtal)/;
/** Verbs of a decision (approved, decided, handled, proposed, confirmed): what the welfare area's organ does to a matter. */
const DECIDES = /^(?:hyväksy|päät|käsitel|käsittel|esit|vahvist|linjas|godkän|beslut|beslöt|behandla|föreslå|föreslog|fastställ)/;

/** Whether a title match is the doer's words (the welfare area's organ deciding) or a place's: who or where, not what about. */
function whoOrWhere(reading: ItemReading, e: Evidence): boolean {
  if (e.match === undefined) return false;
  return reading.doerWords.has(e.match) || reading.placeWords.has(e.match);
}

/**
 * The relevant goal the title's words other than its doer name, with a topic's weight, when they name one goal alone and it
 * is not the doer's. A word that speaks for the doer's goal as well is the doer's own matter: "Aluevaltuusto hyväksyi
 * talousarvion" and "Välfärdsområdesfullmäktige godkände räddningsverkets budget" are the welfare area's budget
 * (talousarvio and budget speak for both goals), so the doer's goal leads when the title names nothing else.
 */
function actedOn(reading: ItemReading, relevantGoals: GoalId[], actorTexts: ReadonlySet<string>): GoalId | undefined {
  const named = new Set<GoalId>();
  let own: GoalId | undefined;
  const title = reading.evidence.filter(
    (e) => e.field === 'title' && (e.rule === 'term' || e.rule === 'phrase' || e.rule === 'context') && !actorTexts.has(e.term) && !whoOrWhere(reading, e),
  );
  for (const e of title) {
    const owner = firstKey(e.goals);
    if (owner === undefined || (e.goals[owner] ?? 0) < MIN_TOPIC_WEIGHT) continue;
    const shared = title.find((o) => o !== e && o.match === e.match && reading.doer.some((g) => g !== owner && (o.goals[g] ?? 0) > 0));
    if (shared === undefined) named.add(owner);
    else own ??= reading.doer.find((g) => (shared.goals[g] ?? 0) > 0);
  }
  const [only] = named;
  if (named.size === 0) return own !== undefined && relevantGoals.includes(own) ? own : undefined;
  return named.size === 1 && !reading.doer.includes(only) && relevantGoals.includes(only) ? only : undefined;
}

/** Whether a negative term takes points from `goal` (the health care a welfare area's budget funds cancels nothing of it). */
function cancels(term: CompiledTerm, goal: GoalId): boolean {
  if (term.def.rule !== 'negative') return false;
  for (let e = 0; e < term.goals.length; e++) if (term.goals[e][0] === goal) return true;
  return false;
}

/** Finnish elative endings (-sta, -stä: from, or of what) and translative (-ksi: into what). */
const ELATIVE = /st[aä]$/;
const TRANSLATIVE = /ksi$/;

/** Finnish inessive and adessive endings (-ssa, -lla …): a word in them says where or with what, not what about. */
const PLACE_CASE = /(?:ss|ll)[aä]$/;

/**
 * Finnish illative endings the genitive never has (-iin, -oon, -seen, -siin, -ahan …): the word says where to and modifies no
 * word after it. Not -een or -aan: alueen, hankkeen and maan are genitives.
 */
const ILLATIVE = /(?:iin|oon|öön|seen|siin|([aeiouyäö])\1h\1n)$/;

/** Goals best first (a stable sort: equal scores keep their order), without the sort's work array. */
/** Whether some goal has points. */
function anyPositive(goalIds: GoalId[], rule: Record<GoalId, number>): boolean {
  for (const g of goalIds) if (rule[g] > 0) return true;
  return false;
}

function byScore(goals: GoalId[], s: Record<GoalId, number>): GoalId[] {
  const out = goals.slice();
  for (let i = 1; i < out.length; i++) {
    const g = out[i];
    let j = i - 1;
    for (; j >= 0 && s[out[j]] < s[g]; j--) out[j + 1] = out[j];
    out[j + 1] = g;
  }
  return out;
}
/**
 * On an item in which the rules find no evidence for any goal, only learned features no reviewer rejected may act
 * (LearnedWeights.lifts), and only when the item holds a learned one that many reviewed relevant items share: reviewers teach a
 * new kind of item through its own words, not through words that happened to come with their corrections.
 * Null: every feature may act.
 */
export function liftsOf(learned: Pick<LearnedWeights, 'lifts' | 'liftSupport' | 'weights'>, reading: Pick<ItemReading, 'rule' | 'features'>): ReadonlySet<string> | null {
  const lifts = learned.lifts;
  if (!lifts || Object.values(reading.rule).some((v) => v > 0)) return null;
  const strong = learned.liftSupport ?? 0;
  let found = false;
  const allowed = new Set<string>();
  for (const f of reading.features.keys()) {
    const n = lifts[f];
    if (n === undefined) continue;
    allowed.add(f);
    // The word of the kind must itself have been learned (a shared word like anvisning, learned nothing, lifts nothing).
    if (n >= strong && learned.weights[f] !== undefined) found = true;
  }
  return found ? allowed : NONE;
}

/** A taxonomy term's learning feature: `term:` its sub-topic, goals with weights, and `:actor` for an actor term. */
export function termFeatureKey(term: TermDef): string {
  return `term:${term.subtopic ?? '-'}:${Object.entries(term.goals).map(([g, w]) => `${g}=${w}`).join(',')}${term.actor ? ':actor' : ''}`;
}

/**
 * Whether the rules ruled an item out rather than finding too little in it: its title's negative terms cancel the
 * anchors there and no goal keeps one (a welfare area's elderly-care network, a hospital: its care, not the strategy's
 * matter), as a scope puts incident news out. Learning may lower such an item's goals but never raise them: reviewers'
 * words may strengthen weak evidence, not overturn the rules' "not ours" (eval-2028-10's b153: aluevaltuusto, taught
 * by two reviewed reform items, made the council's elderly-care network the reform's). A title that keeps another
 * goal's anchor (fire stations beside health stations in a property strategy) is ours; only its goal is in question.
 */
export function ruledOut(reading: Pick<ItemReading, 'title'>): boolean {
  const t = Object.values(reading.title);
  return t.some((v) => v < 0) && !t.some((v) => v > 0);
}

/** The goal the rules score highest on an item (null when none has points): what learning may confirm with less. */
export function leadingGoal(rule: Record<GoalId, number>): GoalId | null {
  let lead: GoalId | null = null;
  for (const g in rule) if (rule[g] > 0 && (lead === null || rule[g] > rule[lead])) lead = g;
  return lead;
}

/**
 * What learned weights summing to `delta` on one goal of one item add to its score: nothing below the floor (the lower
 * `leadFloor` when they raise the goal the rules lead with), at most the bound, and nothing upward on an item the rules
 * ruled out (`closed`, see `ruledOut`).
 */
export function learnedShift(delta: number, learned: Pick<LearnedWeights, 'bound' | 'floor' | 'leadFloor'>, lead = false, closed = false): number {
  if (closed && delta > 0) return 0;
  const floor = learned.floor ?? 0;
  if (Math.abs(delta) < (lead && delta > 0 ? Math.min(floor, learned.leadFloor ?? floor) : floor)) return 0;
  const bound = learned.bound ?? Infinity;
  return Math.max(-bound, Math.min(bound, delta));
}

/** Create a tagger for a taxonomy: `(item) → {relevant, goals, primary, scores, evidence, joint}`. */
export function createTagger(taxonomy: Taxonomy, options: TaggerOptions = {}): Tagger {
  const core = createTaggerCore(taxonomy, options);
  const learned = options.learned ?? null;
  let primary = options.primary;
  if (primary === undefined) {
    const found = primaryModelFor(taxonomy, core.analyzer.name);
    primary = found.model;
    // A taxonomy read from a file (a user's own, or the shipped one before a refit) is told why; a test's is not.
    if (!primary && existsSync(taxonomy.file)) tell(`${taxonomy.file}: ${found.reason}`);
  }
  return (input, tokens) => core.finish(input, core.read(input, tokens), learned, primary);
}

interface ScopeHit {
  match: string;
  field: Field;
}

/** Whether a token's phrase words hold word `k` of `term`. */
function hasWord(phraseWords: WordMatch[], term: CompiledTerm, k: number): boolean {
  for (const x of phraseWords) if (x.term === term && x.word === k) return true;
  return false;
}

/** The words of a phrase as written, `n` tokens from `i`, space-separated. */
function phraseText(tokens: Token[], i: number, n: number): string {
  let text = tokens[i].text;
  for (let k = 1; k < n; k++) text += ` ${tokens[i + k].text}`;
  return text;
}

/**
 * Finnish place cases (at, to, from, in: -lla, -lle, -lta, -ssa) and Swedish place prepositions (i, vid, på, till, från):
 * where, not what about; since round thirty-five also with (med), who: "Avtalen om första insats med avtalsbrandkårerna".
 * Not av: by, but also of ("utbildningen av avtalsbrandkårerna" is the brigades' training).
 */
const FI_PLACE = /(?:ll[aä]|lle|lt[aä]|ss[aä])$/;
const SV_PLACE = /^(?:i|vid|på|till|från|med)$/;

/**
 * Whether the `len` words from `i` are named as where: the last in a Finnish place case or the illative (where to:
 * "Ensivasteyksiköitä lisätään … sopimuspalokuntiin"), or a Swedish place preposition up to three words before the first
 * ("vid tre nya brandstationer", "i trapphus och skyddsrum"). One reading for the title's place terms and the summary's
 * topic words (session 55: the title's and the summary's readings, made one, moved no dev item with either analyzer).
 */
function namedAsWhere(tokens: readonly Token[], i: number, len: number, lang: Lang): boolean {
  if (lang !== 'sv') {
    const last = tokens[i + len - 1].lower;
    return FI_PLACE.test(last) || ILLATIVE.test(last);
  }
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) if (SV_PLACE.test(tokens[k].lower)) return true;
  return false;
}

/** Whether `term` lends a share to the goal of one of the item's actors (väestönsuoja to services, a rescue actor's goal). */
function lendsActor(term: CompiledTerm, actors: readonly { goal: GoalId }[]): boolean {
  for (let e = 0; e < term.goals.length; e++) {
    if (term.goals[e][0] === term.owner || !(term.goals[e][1] > 0)) continue;
    for (let a = 0; a < actors.length; a++) if (actors[a].goal === term.goals[e][0]) return true;
  }
  return false;
}

/** Whether every single-word match is an actor term. */
function allActors(single: WordMatch[]): boolean {
  for (const s of single) if (s.term.def.actor !== true) return false;
  return true;
}

/** Whether a headline's part ends at a token from `i` up to (not including) `j`. */
function endsWithin(ends: boolean[], i: number, j: number): boolean {
  for (let k = i; k < j && k < ends.length; k++) if (ends[k]) return true;
  return false;
}

/**
 * Note which scope terms a field's tokens match (single words and phrases), keyed `scope:role` (`keys`, per term
 * index); the title wins. `per` is scratch space for the tokens' matches.
 */
function findScopes(m: Matcher, tokens: Token[], denied: Uint8Array | null, field: Field, lang: Lang, out: Map<string, ScopeHit>, keys: string[], per: TokenMatches[], conditionals: ReadonlyMap<string, ScopeConditional>): void {
  const note = (term: CompiledTerm, match: string): void => {
    const key = keys[term.index];
    const prev = out.get(key);
    if (!prev || (prev.field === 'summary' && field === 'title')) out.set(key, { match, field });
  };
  const n = tokens.length;
  // Overwritten, not emptied (see matchField): nothing reads past n.
  for (let i = 0; i < n; i++) per[i] = m.matchToken(tokens[i], lang);
  for (let i = 0; i < n; i++) {
    // What the item says it leaves alone (see deniedIn) neither puts it in a scope nor takes it out (round forty-four):
    // "muutosneuvottelut koskevat hallintoa – pelastuslaitos rajattiin ulkopuolelle" stays the welfare area's staff
    // negotiations; a rescue-act item whose summary says the welfare areas' funding act stays unchanged is no welfare-area news.
    if (denied !== null && denied[i] === 1) continue;
    const x = per[i];
    for (const s of x.single) {
      // A word that puts the item in a scope is not also its way out: meripelastustoimi is sea rescue (when), not
      // pelastustoimi (unless), though the two terms overlap in it.
      if (s.term.def.scope!.role === 'unless' && insideWhen(x.single, s)) continue;
      // A when word under its scope's condition ("jos konesali vaurioituu", "om datacentralen skadas") tells of no call-out.
      if (s.term.def.scope!.role === 'when') {
        const c = conditionals.get(s.term.def.scope!.id);
        if (c !== undefined && conditionalAt(c, tokens, i)) continue;
      }
      note(s.term, tokens[i].text);
    }
    for (const pw of x.phraseWords) {
      if (pw.word !== 0) continue;
      const len = pw.term.words.length;
      let ok = i + len <= n;
      for (let k = 1; k < len && ok; k++) ok = hasWord(per[i + k].phraseWords, pw.term, k);
      if (ok) note(pw.term, phraseText(tokens, i, len));
    }
  }
}

/**
 * Whether token `i` is said under a condition (round forty-seven): one of the scope's conditional words (the taxonomy's
 * `conditional`) at most `within` words before it, or exactly `at` words before it for a word with `at`.
 */
function conditionalAt(c: ScopeConditional, tokens: Token[], i: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - c.within); j--) {
    const w = tokens[j].lower;
    for (let k = 0; k < c.words.length; k++) if (c.words[k].word === w && (c.words[k].at === null || j === i - c.words[k].at!)) return true;
  }
  return false;
}

/** Whether an unless-match overlaps a when-match of the same scope in the same word. */
function insideWhen(single: WordMatch[], s: WordMatch): boolean {
  for (const w of single) {
    if (w.term.def.scope!.role === 'when' && w.term.def.scope!.id === s.term.def.scope!.id && s.start < w.end && w.start < s.end) return true;
  }
  return false;
}
