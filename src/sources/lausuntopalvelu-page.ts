// Lausuntopalvelu's human "Participation" page: the only place the distribution list ("Jakelu")
// and who has already answered ("UsersWhoAnswered" JSON in a script) are published.
import * as cheerio from '../parse/cheerio.js';

/** What one participation page says about a statement request. */
export interface Participation {
  distribution: string[];
  answered: string[];
  /** "Lausuntopyynnön diaarinumero: VN/…", for requests whose OData RegisterNumber is null. */
  registerNumber: string | null;
}

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();
const unique = (names: string[]): string[] => [...new Set(names.map(clean).filter(Boolean))];

/** Read a participation page; throws an Error naming what is missing when the layout is not recognised. */
export function readParticipation(html: string): Participation {
  const $ = cheerio.load(html);
  // The list is a table after an <h5>Jakelu:</h5> heading inside #listOfRespondentsSettingsBody
  // (shape as kuosaton/lausuntobotti parses it); fall back to the whole accordion body.
  const heading = $('h1,h2,h3,h4,h5,h6').filter((_, el) => /^jakelu:?$/i.test(clean($(el).text()))).first();
  let cells = heading.nextUntil('h1,h2,h3,h4,h5,h6').find('td').toArray();
  if (!cells.length) cells = $('#listOfRespondentsSettingsBody td').toArray();
  const distribution = unique(cells.map((el) => $(el).text()));

  const answeredJson = embeddedArray(html, '"UsersWhoAnswered":');
  if (answeredJson === null && !heading.length)
    throw new Error('the page has neither a "Jakelu" list nor UsersWhoAnswered data (layout changed?)');
  let users: unknown = [];
  if (answeredJson !== null) {
    try {
      users = JSON.parse(answeredJson);
    } catch {
      throw new Error('the UsersWhoAnswered data is not valid JSON');
    }
  }
  // Only organisations are kept: a private person's DisplayName is not ours to store.
  const answered = unique(
    (Array.isArray(users) ? users : []).map((u) =>
      typeof (u as { Organization?: unknown })?.Organization === 'string' ? (u as { Organization: string }).Organization : '',
    ),
  );
  const reg = /diaarinumero:\s*([A-ZÅÄÖ]{2,6}[/-][\w/.-]*\d)/i.exec($('body').text());
  return { distribution, answered, registerNumber: reg ? reg[1] : null };
}

/** The JSON array that follows `marker` in the page, found by bracket matching (strings respected). */
function embeddedArray(text: string, marker: string): string | null {
  const at = text.indexOf(marker);
  if (at < 0) return null;
  const start = text.indexOf('[', at + marker.length);
  if (start < 0 || text.slice(at + marker.length, start).trim()) return null;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && --depth === 0) return text.slice(start, i + 1);
  }
  return null;
}
