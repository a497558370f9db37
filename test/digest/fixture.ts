// A fixed dataset for the digest's golden files: what the store would hand the builder for one week.
import type { DigestData, DigestItem } from '../../src/store/digests.js';

export const labels = {
  fi: { services: 'Pelastustoimi ja sen rahoitus', 'welfare-reform': 'Sote-uudistus', 'internal-security': 'Sisäinen turvallisuus' },
  sv: { services: 'Räddningsväsendet och dess finansiering', 'welfare-reform': 'Vårdreformen', 'internal-security': 'Inre säkerhet' },
};

const item = (id: number, title: string, goals: string[], extra: Partial<DigestItem> = {}): DigestItem => ({
  id, source: 'sm', title, url: `https://example.fi/${id}`, published: '2026-11-24T08:00:00Z', summary: '', language: 'fi',
  identifiers: [], deadline: null, organisation: 'Sisäministeriö', kind: 'press-release', stage: null, relevant: goals.length > 0,
  goals, primary: goals[0] ?? null, joint: false, reviewedBy: null, matter: null, firstSeenAt: '2026-11-24T08:05:00Z',
  evidence: goals.length ? [{ rule: 'term', term: 'pelastuslaitos', field: 'title', match: 'Pelastuslaitosten', goals: { [goals[0]]: 3 } },
    { rule: 'negative', term: 'messut', field: 'title', match: 'messut', goals: { [goals[0]]: -1 } }] : [],
  ...extra,
});

export const data: DigestData = {
  rounds: [
    { matter: 7, item: 11, title: 'Lausuntopyyntö pelastuslain muuttamisesta <b>', deadline: '2026-12-15', organisation: 'Sisäministeriö',
      goals: ['services'], owner: 'Liisa Lakimies', status: 'drafting', internalDeadline: '2026-12-10' },
    { matter: null, item: 12, title: 'Lausuntopyyntö valmiuslain uudistuksesta', deadline: '2026-12-20', organisation: 'Oikeusministeriö',
      goals: ['internal-security'], owner: null, status: null, internalDeadline: null },
  ],
  events: [
    { id: 31, matter: 7, matterTitle: 'HE 12/2026 vp pelastuslain muuttamisesta', type: 'stage', old: 'statement-round', new: 'government-proposal', at: '2026-11-25T10:00:00Z', goals: ['services'], matterTitleLang: 'fi' },
    { id: 32, matter: 7, matterTitle: 'HE 12/2026 vp pelastuslain muuttamisesta', type: 'deadline', old: '2026-12-08', new: '2026-12-15', at: '2026-11-26T10:00:00Z', goals: ['services'], matterTitleLang: 'fi' },
    { id: 33, matter: 9, matterTitle: 'Tiedote, jolla ei tavoitteita', type: 'stage', old: null, new: 'preparation', at: '2026-11-26T10:00:00Z', goals: [], matterTitleLang: null },
  ],
  items: [
    item(101, 'Pelastuslaitosten rahoitus vuodelle 2027 vahvistettiin', ['services'], { joint: true, deadline: '2026-12-15', matter: 7 }),
    item(102, 'Hyvinvointialueiden talous & sote-uudistuksen seuranta', ['welfare-reform', 'services'], { organisation: 'STM', source: 'stm' }),
    item(103, 'Sisäisen turvallisuuden selonteko', ['internal-security']),
    item(104, 'Ministeri vieraili messuilla', []),
  ],
};
