// The tagger: taxonomy terms, context, priors, item kind and learned weights → relevance, goals, evidence.
import type { ItemKind, Lang } from '../model.js';
import { createAnalyzer, guessLang, tokenize, type Analyzer, type FieldTokens, type Token } from './analyze.js';
import { assessJoint } from './joint.js';
import { inferKind } from './kind.js';
import { compileTerms, type CompiledTerm, type Matcher } from './match.js';
import type { Evidence, GoalId, LearnedWeights, TagInput, TagResult, Taxonomy } from './types.js';

/** Options for createTagger. */
export interface TaggerOptions {
  /** Word analysis; default Voikko when installed, else Snowball. */
  analyzer?: Analyzer;
  /** Weights learned from reviewer decisions (see learn.ts); must come from the same analyzer. */
  learned?: LearnedWeights | null;
  /** Clock for joint-response deadlines. */
  now?: () => Date;
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
  /** Goals the anchor terms name before a title's colon or dash, when it has one: the headline's own subject. */
  headline: GoalId[];
  /** Points each goal's own anchor terms earn in the title, less its negative terms in the title (before scopes). */
  title: Record<GoalId, number>;
  /** Points of each goal's own topic terms (not actors, not context words below a topic term's weight). */
  topic: Record<GoalId, number>;
  /** The share of its score the scope rules leave the item (1 when no scope applies); learned weights keep it too. */
  scale: number;
}

/** The parts of a tagger that learn.ts also needs. */
export interface TaggerCore {
  taxonomy: Taxonomy;
  analyzer: Analyzer;
  read(input: TagInput, tokens?: FieldTokens): ItemReading;
  finish(input: TagInput, reading: ItemReading, learned: LearnedWeights | null): TagResult;
}

const round = (n: number): number => Math.round(n * 100) / 100;
/** A topic term weighs at least this much in the taxonomy (valtakunnallinen, resurssi and the like say little). */
const MIN_TOPIC_WEIGHT = 0.7;
/** Topic points a goal needs before the item's actor terms count for it. */
const MIN_TOPIC = 1.5;

/** Build the reusable core: compiled terms and caches for one taxonomy and analyzer. */
export function createTaggerCore(taxonomy: Taxonomy, options: TaggerOptions = {}): TaggerCore {
  const analyzer = options.analyzer ?? createAnalyzer();
  const matcher: Matcher = compileTerms(taxonomy.terms, analyzer);
  const scopeMatcher: Matcher | null = taxonomy.scopeTerms.length ? compileTerms(taxonomy.scopeTerms, analyzer) : null;
  const goalIds = taxonomy.goals.map((g) => g.id);
  const actorTexts = new Set(taxonomy.terms.filter((t) => t.actor).map((t) => t.text));
  const now = options.now ?? (() => new Date());
  const factor: Record<Field, number> = { title: taxonomy.fields.title, summary: taxonomy.fields.summary };

  function read(input: TagInput, words?: FieldTokens): ItemReading {
    const title = input.title ?? '';
    const summary = input.summary ?? '';
    const lang: Lang = input.lang ?? guessLang(`${title} ${summary}`);
    const kind = input.kind ?? inferKind(title);
    // Best field per matched term (a term counts once per item), with the words that matched.
    const hits = new Map<CompiledTerm, { field: Field; match: string }>();
    // Scope terms found, per scope and role, with the first word that put the item in the scope and its best field.
    const scopeHits = new Map<string, ScopeHit>();
    const fieldTokens: [Field, Token[]][] = [];
    const features = new Map<string, number>();
    let about: GoalId[] = [];
    let first: GoalId[] = [];
    let headline: GoalId[] = [];
    const note = (term: CompiledTerm, field: Field, match: string): void => {
      const prev = hits.get(term);
      if (!prev || (prev.field === 'summary' && field === 'title')) hits.set(term, { field, match });
    };
    for (const field of ['title', 'summary'] as Field[]) {
      const text = field === 'title' ? title : summary;
      if (!text) continue;
      const tokens: Token[] = words?.[field] ?? tokenize(text);
      fieldTokens.push([field, tokens]);
      const perToken = tokens.map((t) => matcher.matchToken(t, lang));
      const covered = new Set<number>();
      // Phrases: consecutive tokens matching the phrase's words in order.
      perToken.forEach((m, i) => {
        if (m.phraseWords.length === 0) return;
        for (const pw of m.phraseWords) {
          if (pw.word !== 0) continue;
          const n = pw.term.words.length;
          let ok = i + n <= tokens.length;
          for (let k = 1; k < n && ok; k++) ok = perToken[i + k].phraseWords.some((x) => x.term === pw.term && x.word === k);
          if (!ok) continue;
          note(pw.term, field, tokens.slice(i, i + n).map((t) => t.text).join(' '));
          for (let k = 0; k < n; k++) covered.add(i + k);
        }
      });
      // Goals each title word speaks for, to find what the title is about (see `about` below).
      const titleGoals: Set<GoalId>[] = [];
      const headGoals: Set<GoalId>[] = [];
      const alsoGoals: Set<GoalId>[] = [];
      const byActor: boolean[] = [];
      perToken.forEach((m, i) => {
        const spoken = new Set<GoalId>();
        const head = new Set<GoalId>();
        const alsoAt = new Set<GoalId>();
        byActor.push(m.single.length > 0 && m.single.every((s) => s.term.def.actor === true));
        for (const s of m.single) {
          // A phrase hides the single-word terms inside it (kansallinen riskiarvio vs riskiarvio).
          if (covered.has(i) && s.term.def.rule !== 'false-friend') continue;
          note(s.term, field, tokens[i].text);
          // The goal whose sub-topic owns the term (not its `also` goals): ensihoito speaks for the reform.
          if (s.term.def.rule === 'anchor' || s.term.def.rule === 'context') spoken.add(Object.keys(s.term.def.goals)[0]);
          // The goals a topic term lends a share to (väestönsuojelu and hätäkeskus also speak for services): a generic
          // head of such a goal (kehittämisohjelma, lisämääräraha, henkilöstövaje) stays inside the modifier's topic.
          if (s.term.def.rule === 'anchor') for (const g of Object.keys(s.term.def.goals).slice(1)) alsoAt.add(g);
          if (s.term.def.rule === 'anchor') head.add(Object.keys(s.term.def.goals)[0]);
        }
        titleGoals.push(spoken);
        headGoals.push(head);
        alsoGoals.push(alsoAt);
        for (const key of m.features) if ((features.get(key) ?? 0) < factor[field]) features.set(key, factor[field]);
      });
      // Finnish and Swedish noun phrases end in their head: in "pelastuslaitosten kyberturvallisuus" or
      // "pelastuslaitoksen ensihoitopalvelu" the first word says whose, the second what. A title word followed by
      // one that speaks for exactly one other goal names the item's subject; the last such pair wins. A head that
      // several goals share (rahoitus: "pelastustoimen rahoitus", "hyvinvointialueiden rahoitus") says nothing.
      // Swedish also puts a head first and its what after av: "räddningsväsendets anskaffningar av informationssystem"
      // is "pelastustoimen tietojärjestelmien hankinnat", so a goal-less word and av between the two are passed over.
      if (field === 'title') {
        // A colon or a dash ends a headline's part: "Pelastustoimen tietojärjestelmäohjelma: valvonnan …" pairs no words across it.
        const ends = tokens.map(() => false);
        if (/:|\s[–—-]\s/.test(text)) {
          for (let k = 0, pos = 0; k < tokens.length; k++) {
            const at = text.indexOf(tokens[k].text, pos);
            if (at < 0) continue;
            pos = at + tokens[k].text.length;
            ends[k] = /^(?::|\s+[–—-]\s)/.test(text.slice(pos, pos + 4));
          }
        }
        const firstWord = headGoals.findIndex((h) => h.size > 0);
        if (firstWord >= 0 && !byActor[firstWord]) first = [...headGoals[firstWord]];
        const cut = ends.indexOf(true);
        if (cut >= 0) headline = [...new Set(headGoals.slice(0, cut + 1).flatMap((h) => [...h]))];
        for (let i = 0; i + 1 < titleGoals.length; i++) {
          if (titleGoals[i].size === 0) continue;
          const j = lang === 'sv' && titleGoals[i + 1].size === 0 && tokens[i + 2]?.lower === 'av' ? i + 3 : i + 1;
          if (cut >= 0 && ends.slice(i, j).some(Boolean)) continue;
          // An actor says who, not what: "sote-uudistuksen pelastustoimen siirtymäsäännökset" is not about the rescue services.
          if (j >= titleGoals.length || titleGoals[j].size !== 1 || byActor[j]) continue;
          const [head] = titleGoals[j];
          if (headGoals[j].size === 0 && alsoGoals[i].has(head)) continue;
          if (!titleGoals[i].has(head)) about = [head];
        }
      }
    }

    const rule: Record<GoalId, number> = Object.fromEntries(goalIds.map((g) => [g, 0]));
    const evidence: Evidence[] = [];
    // An item is anchored when some goal keeps anchor evidence after its negative terms: a welfare area named
    // in a hospital's news is cancelled by the health-care terms and does not turn context words into evidence.
    const anchorSum: Record<GoalId, number> = Object.fromEntries(goalIds.map((g) => [g, 0]));
    for (const [term, h] of hits) {
      if (term.def.rule !== 'anchor' && term.def.rule !== 'negative') continue;
      const sign = term.def.rule === 'negative' ? -1 : 1;
      for (const [g, w] of Object.entries(term.def.goals)) anchorSum[g] += sign * w * factor[h.field];
      if (term.def.rule !== 'anchor') continue;
      // Taxonomy terms are learning features too: reviewers can tune a term's weight without editing the file.
      features.set(`term:${term.def.text}`, factor[h.field]);
    }
    const anchored = goalIds.some((g) => anchorSum[g] > 0);
    const titleScore: Record<GoalId, number> = Object.fromEntries(goalIds.map((g) => [g, 0]));
    // Points of each goal's own topic terms (not actors, not weak context words), and the actors' evidence.
    const topic: Record<GoalId, number> = Object.fromEntries(goalIds.map((g) => [g, 0]));
    const actors: { goal: GoalId; points: number; title: number; evidence: Evidence }[] = [];
    for (const [term, h] of hits) {
      const def = term.def;
      const f = factor[h.field];
      if (def.rule === 'false-friend') {
        evidence.push({ rule: 'false-friend', term: def.text, field: h.field, match: h.match, goals: {} });
        continue;
      }
      if (def.rule === 'context' && !anchored) continue;
      const sign = def.rule === 'negative' ? -1 : 1;
      const [owner, own] = Object.entries(def.goals)[0];
      const inTitle = h.field === 'title' && def.rule === 'anchor' ? own : 0;
      titleScore[owner] += inTitle;
      // A title goal counts only with the title points left after its negative terms: a cancelled anchor names nothing
      // ("Hyvinvointialueen sairaala": the health-care term cancels the welfare area).
      if (h.field === 'title' && def.rule === 'negative') for (const [g, w] of Object.entries(def.goals)) titleScore[g] -= w;
      if (def.rule !== 'negative' && !def.actor && own >= MIN_TOPIC_WEIGHT) topic[owner] += own * f;
      const goals: Record<GoalId, number> = {};
      for (const [g, w] of Object.entries(def.goals)) {
        goals[g] = round(sign * w * f);
        rule[g] += sign * w * f;
      }
      const kindOf: Evidence['rule'] = def.rule === 'anchor' ? (term.words.length > 1 ? 'phrase' : 'term') : def.rule;
      const e: Evidence = { rule: kindOf, term: def.text, field: h.field, match: h.match, goals };
      evidence.push(e);
      if (def.actor && def.rule === 'anchor' && Object.keys(def.goals).length === 1) actors.push({ goal: owner, points: own * f, title: inTitle, evidence: e });
    }
    // Actor terms say who acts, topic terms what about: "Cybersäkerheten inom räddningsväsendet" is internal security
    // done by the rescue services. An actor whose goal has no topic of its own in the item lends its points to the
    // goal whose topic terms are strongest, so relevance stays and the topic decides the goal. Less than one topic
    // term's weight of its own goal is no topic: a context word in the summary ("financed in the state budget") does not
    // keep an actor with its goal ("Virve 2.0 -päätelaitteiden jakelu pelastuslaitoksille").
    const lendTo = goalIds.filter((g) => topic[g] >= MIN_TOPIC).sort((a, b) => topic[b] - topic[a])[0];
    for (const a of actors) {
      if (lendTo === undefined || topic[a.goal] >= MIN_TOPIC_WEIGHT || lendTo === a.goal) continue;
      rule[a.goal] -= a.points;
      rule[lendTo] += a.points;
      titleScore[a.goal] -= a.title;
      titleScore[lendTo] += a.title;
      a.evidence.goals = { [lendTo]: round(a.points) };
    }
    for (const p of taxonomy.priors) {
      const bySource = p.source !== null && input.source === p.source;
      const byOrg = p.organisation !== null && (input.organisation ?? '').toLowerCase().includes(p.organisation);
      if (!bySource && !byOrg) continue;
      if (p.requiresEvidence && !anchored) continue;
      for (const [g, w] of Object.entries(p.goals)) rule[g] += w;
      evidence.push({ rule: 'prior', term: p.label, field: bySource ? 'source' : 'organisation', goals: { ...p.goals } });
    }
    // Scope rules: an item of a kind outside the strategy (incident news, policing, welfare-area care) keeps
    // only a share of its score unless it also names what would bring it in (legislation, rescue services, …).
    // Only items with some score can be scoped; most items have none, so their words are not looked up again.
    if (scopeMatcher && goalIds.some((g) => rule[g] > 0)) for (const [field, tokens] of fieldTokens) findScopes(scopeMatcher, tokens, field, lang, scopeHits);
    let scale = 1;
    const joint: [GoalId, number][] = [];
    for (const sc of taxonomy.scopes) {
      const when = scopeHits.get(`${sc.id}:when`);
      const unless = scopeHits.get(`${sc.id}:unless`);
      if (when === undefined) continue;
      if (unless !== undefined && (!sc.byField || factor[unless.field] >= factor[when.field])) {
        const together = Object.entries(sc.together);
        if (together.length === 0) continue;
        const inTitle = when.field === 'title' && unless.field === 'title';
        for (const [g, w] of together) {
          joint.push([g, w]);
          // Police and rescue services named together in the title: the title is about their cooperation.
          if (inTitle) titleScore[g] += w;
        }
        if (inTitle && about.length === 0) about = together.map(([g]) => g);
        evidence.push({ rule: 'scope', term: `${sc.id} + ${unless.match}`, field: unless.field, match: when.match, goals: { ...sc.together } });
        continue;
      }
      for (const g of goalIds) if (rule[g] > 0) rule[g] *= sc.factor;
      scale *= sc.factor;
      evidence.push({ rule: 'scope', term: `${sc.id} ×${sc.factor}`, field: when.field, match: when.match, goals: {} });
    }
    // Cooperation points keep the share other scopes leave: police and rescue services at a fire are still incident news.
    for (const [g, w] of joint) rule[g] += w * scale;
    return { lang, kind, rule, evidence, anchored, features, about, first, headline, title: titleScore, topic, scale };
  }

  function finish(input: TagInput, reading: ItemReading, learned: LearnedWeights | null): TagResult {
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
      for (const [key, f] of reading.features) {
        const w = learned.weights[key];
        if (!w || (lifts && !lifts.has(key))) continue;
        const goals: Record<GoalId, number> = {};
        let size = 0;
        for (const [g, v] of Object.entries(w)) {
          if (!(g in scores)) continue;
          delta[g] = (delta[g] ?? 0) + v * f;
          goals[g] = round(v * f);
          size += Math.abs(v * f);
        }
        if (size >= 0.05) contrib.push({ key, goals, size });
      }
      // Learned weights may move a goal's score only so far: the rules keep the last word on items they are sure of,
      // and an item the scope rules put mostly out of scope keeps the same share of what was learned.
      for (const [g, d] of Object.entries(delta)) {
        const shift = learnedShift(d, learned) * reading.scale;
        scores[g] += shift;
        if (shift <= 0 || !(reading.rule[g] > 0) || !(reading.topic[g] > 0)) continue;
        up.add(g);
        if (shift >= taxonomy.thresholds.relevant) clears.add(g);
      }
      contrib.sort((a, b) => b.size - a.size);
      for (const c of contrib.slice(0, 5)) evidence.push({ rule: 'learned', term: c.key, goals: c.goals });
    }
    const kindFactor = reading.kind ? (taxonomy.kinds[reading.kind] ?? 1) : 1;
    if (kindFactor !== 1 && reading.kind) {
      // A multiplier, not points: the term says by how much.
      evidence.push({ rule: 'kind', term: `${reading.kind} ×${kindFactor}`, goals: {} });
    }
    for (const g of goalIds) scores[g] = round(Math.max(0, scores[g] * (scores[g] > 0 ? kindFactor : 1)));
    const th = taxonomy.thresholds;
    const ruled = (g: GoalId): number => Math.max(0, reading.rule[g] * (reading.rule[g] > 0 ? kindFactor : 1));
    const ruleTop = Math.max(...goalIds.map(ruled));
    // A goal the rules list stays listed unless its own learned weights lower it: learning that raises another
    // goal does not push it off by the ratio (a reviewer's confirmed second goal must not cost an unseen item its main one).
    const keptByRules = (s: Record<GoalId, number>, g: GoalId): boolean => ruled(g) >= th.goalRatio * ruleTop && s[g] >= round(ruled(g));
    // Evidence of a term or phrase of `g`'s own (its first goal) that is not an actor: what the item is about.
    const topicTermOf = (e: Evidence, g: GoalId): boolean =>
      (e.rule === 'term' || e.rule === 'phrase') && !actorTexts.has(e.term) && Object.keys(e.goals)[0] === g;
    const choose = (s: Record<GoalId, number>, allowed: (g: GoalId) => boolean, learnedNames: ReadonlySet<GoalId>): { ranked: GoalId[]; goals: GoalId[]; moved?: GoalId } => {
      // `allowed` says which goals may lead or be listed; whether the item is relevant, and whether its leading goal is
      // named by actors alone, are read from every goal (after learning, as before it: a goal the rules do not list
      // still carries the item, "Pelastustoimen tietojärjestelmien hankinnat" by its actor).
      const all = [...goalIds].sort((a, b) => s[b] - s[a]);
      const ranked = all.filter(allowed);
      // What the title is about leads, when it is relevant on its own: the item mentions the rest.
      // Without such a phrase, a title whose anchor terms name one goal alone is about that goal ("Hyvinvointialueiden
      // rahoitus …" whose summary mentions the rescue services' costs), when that goal is relevant on its own.
      const relevantGoals = ranked.filter((g) => s[g] >= th.relevant);
      // A title that names several goals, one by a topic term first and the others only through actors ("Välfärdsområdets
      // budget: räddningsväsendets anslag"), is about the first: the actors say whose matter it touches. An actor named
      // first is whose matter the title is ("Pelastuslaitosten rahoitus: sisäministeriö esittää korvamerkintää").
      const named0 = relevantGoals.filter((g) => reading.title[g] > 0);
      const topical = named0.filter((g) =>
        reading.evidence.some((e) => e.field === 'title' && (e.rule === 'scope' ? (e.goals[g] ?? 0) > 0 : topicTermOf(e, g))),
      );
      const titled = named0.length > 1 && topical.length === 1 && reading.first.includes(topical[0]) ? topical : named0;
      // A leading goal that only an actor names, outside the title ("Aluevaltuusto hyväksyi talousarvion" whose summary
      // says the rescue department's appropriations stay), is who the item mentions: the one goal the title names leads
      // even below the threshold.
      const named = ranked.filter((g) => s[g] > 0 && reading.title[g] > 0);
      const onlyActor = (g: GoalId): boolean =>
        !(reading.title[g] > 0) && !reading.evidence.some((e) => topicTermOf(e, g));
      // A title phrase whose head speaks for a goal after an actor of the leading goal ("Pelastustoimen
      // tietojärjestelmien hankinnat": whose, then what) is about the head's goal even below the threshold, when the
      // title names the leading goal by actors alone and the head's goal has a topic's points (1.5, as for lending).
      const actorsOnly = (g: GoalId): boolean => {
        const inTitle = reading.evidence.filter((e) => e.field === 'title' && e.rule !== 'scope' && (e.goals[g] ?? 0) > 0);
        return inTitle.length > 0 && inTitle.every((e) => actorTexts.has(e.term));
      };
      // Without such a phrase, a headline whose part before the colon or dash names one relevant goal is about it
      // ("EU:n pelastuspalvelumekanismin rahoituskausi: pelastuslaitosten maastopalokyky"): the rest says what it touches.
      const headline = reading.headline.length === 1 && relevantGoals.includes(reading.headline[0]) ? reading.headline[0] : undefined;
      const subject =
        reading.about.filter((g) => relevantGoals.includes(g) || (s[g] >= MIN_TOPIC && actorsOnly(all[0]))).sort((a, b) => s[b] - s[a])[0] ??
        headline ??
        (titled.length === 1 ? titled[0] : named.length === 1 && onlyActor(all[0]) ? named[0] : undefined);
      const moved = subject !== undefined && subject !== ranked[0] ? subject : undefined;
      if (moved !== undefined) {
        ranked.splice(ranked.indexOf(moved), 1);
        ranked.unshift(moved);
      }
      const top = s[all[0]];
      if (top < th.relevant) return { ranked, goals: [], moved };
      // A further goal the title says nothing of is what the item mentions, not what it is about (police and rescue
      // services meeting anywhere in the item is a cooperation the scope rule vouches for). A title word that speaks for
      // the leading goal as well (rahoitus in "Hyvinvointialueiden rahoitus …") says nothing for a further one.
      // One title word names one thing: a word that holds a term of the leading goal ("paloasemakiinteistöjen kauppa":
      // property, the reform's matter, of fire stations) vouches for no further goal through another term inside it.
      const leadEv = reading.evidence.filter((e) => e.field === 'title' && e.rule !== 'scope' && (e.goals[ranked[0]] ?? 0) > 0);
      const lead = new Set(leadEv.map((e) => e.term));
      const leadWords = new Set(leadEv.map((e) => e.match));
      // An actor (pelastuslaitos: who acts) and a weak context word (below a topic term's weight: sisäministeriö,
      // johtaminen) name who or how, not a subject, and vouch for no further goal ("Pelastuslain uudistus etenee:
      // sisäministeriö asetti työryhmän" is services; "Virve 2.0 -päätelaitteiden jakelu pelastuslaitoksille" is
      // internal security).
      const inTitle = (g: GoalId): boolean =>
        learnedNames.has(g) ||
        reading.evidence.some(
          (e) =>
            (e.field === 'title' || e.rule === 'scope') &&
            (e.goals[g] ?? 0) > 0 &&
            !actorTexts.has(e.term) &&
            !(e.field === 'title' && e.match !== undefined && leadWords.has(e.match) && !((e.goals[ranked[0]] ?? 0) > 0)) &&
            !(e.rule === 'context' && (lead.has(e.term) || (e.goals[g] ?? 0) < MIN_TOPIC_WEIGHT * factor.title)),
        );
      // A title term that lends a further goal a goal's full share names both whatever the leading goal's points: the
      // shelter of "Skyldigheten att bygga skyddsrum ses över" is civil protection and a building the rescue act regulates.
      const namedInTitle = (g: GoalId): boolean =>
        reading.evidence.some(
          (e) => e.field === 'title' && (e.rule === 'term' || e.rule === 'phrase') && Object.keys(e.goals)[0] !== g && (e.goals[g] ?? 0) >= th.goal,
        );
      const goals = ranked.filter((g, i) => i === 0 || (s[g] >= th.goal && (s[g] >= th.goalRatio * top || keptByRules(s, g) || namedInTitle(g)) && reading.rule[g] > 0 && inTitle(g)));
      return { ranked, goals, moved };
    };
    // On an item the rules find relevant, learned weights may reorder and drop the goals the rules list, and bring in
    // only a goal the rules have topic evidence for (a topic term of its own: an actor says who acts, not what about)
    // and the weights raise past the floor: a reviewer's goal reaches unseen items only through the rules' own
    // evidence. Such a goal the title does not name is listed beside the leading one only when what was learned for it
    // alone would make an item relevant (`taught`): weights that merely raise it name nothing. (Before, learning could
    // bring in no goal at all, so a primary goal the rules left out of the list could never come back on an unreviewed
    // item, however many reviewers had put it there.)
    const byRules = learned ? choose(Object.fromEntries(goalIds.map((g) => [g, round(ruled(g))])), () => true, NONE) : null;
    const { ranked, goals, moved } = choose(
      scores,
      (g) => !byRules || byRules.goals.length === 0 || byRules.goals.includes(g) || raised.has(g),
      taught,
    );
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
    result.joint = assessJoint(input, result, taxonomy, now());
    return result;
  }

  return { taxonomy, analyzer, read, finish };
}

const NONE: ReadonlySet<string> = new Set();
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

/** What learned weights summing to `delta` on one goal of one item add to its score: nothing below the floor, at most the bound. */
export function learnedShift(delta: number, learned: Pick<LearnedWeights, 'bound' | 'floor'>): number {
  if (Math.abs(delta) < (learned.floor ?? 0)) return 0;
  const bound = learned.bound ?? Infinity;
  return Math.max(-bound, Math.min(bound, delta));
}

/** Create a tagger for a taxonomy: `(item) → {relevant, goals, primary, scores, evidence, joint}`. */
export function createTagger(taxonomy: Taxonomy, options: TaggerOptions = {}): Tagger {
  const core = createTaggerCore(taxonomy, options);
  const learned = options.learned ?? null;
  return (input, tokens) => core.finish(input, core.read(input, tokens), learned);
}

interface ScopeHit {
  match: string;
  field: Field;
}

/** Note which scope terms a field's tokens match (single words and phrases), keyed `scope:role`; the title wins. */
function findScopes(m: Matcher, tokens: Token[], field: Field, lang: Lang, out: Map<string, ScopeHit>): void {
  const per = tokens.map((t) => m.matchToken(t, lang));
  const note = (def: CompiledTerm['def'], match: string): void => {
    const key = `${def.scope!.id}:${def.scope!.role}`;
    const prev = out.get(key);
    if (!prev || (prev.field === 'summary' && field === 'title')) out.set(key, { match, field });
  };
  per.forEach((x, i) => {
    // A word that puts the item in a scope is not also its way out: meripelastustoimi is sea rescue (when), not
    // pelastustoimi (unless), though the two terms overlap in it.
    const whens = x.single.filter((s) => s.term.def.scope!.role === 'when');
    for (const s of x.single) {
      if (s.term.def.scope!.role === 'unless' && whens.some((w) => w.term.def.scope!.id === s.term.def.scope!.id && s.start < w.end && w.start < s.end)) continue;
      note(s.term.def, tokens[i].text);
    }
    for (const pw of x.phraseWords) {
      if (pw.word !== 0) continue;
      const n = pw.term.words.length;
      let ok = i + n <= tokens.length;
      for (let k = 1; k < n && ok; k++) ok = per[i + k].phraseWords.some((y) => y.term === pw.term && y.word === k);
      if (ok) note(pw.term.def, tokens.slice(i, i + n).map((t) => t.text).join(' '));
    }
  });
}
