// The words of the e-mails: Finnish, and Swedish for Swedish-speaking recipients.
import type { BoardStatus } from '../store/board.js';
import { BOARD_STATUS_LABELS } from '../present/board-status.js';
import type { Lang } from '../model.js';

export interface Words {
  networkSubject: string;
  personalSubject: string;
  networkHeading: string;
  personalHeading: string;
  period: string;
  respond: string;
  respondNone: string;
  deadline: string;
  internalDeadline: string;
  owner: string;
  noOwner: string;
  status: string;
  statuses: Record<BoardStatus, string>;
  notOnBoard: string;
  moved: string;
  newItems: string;
  nothingNew: string;
  open: string;
  more: string;
  /** `more` after a count of one (Finnish takes the singular: "1 muu", not "1 muuta"). */
  moreOne: string;
  matter: string;
  footer: string;
  unsubscribe: string;
  preview: string;
  /** The subject's prefix of a test sent from the digest page. */
  test: string;
}

export const WORDS: Record<Lang, Words> = {
  fi: {
    networkSubject: 'Lakivahti: verkoston viikkokatsaus',
    personalSubject: 'Lakivahti: uutta seuraamissasi asioissa',
    networkHeading: 'Kumppanuusverkoston viikkokatsaus',
    personalHeading: 'Uutta seuraamissasi asioissa',
    period: 'Ajalta',
    respond: 'Vaatii yhteistä vastausta',
    respondNone: 'Ei avoimia lausuntokierroksia, jotka vaatisivat yhteistä vastausta.',
    deadline: 'määräaika',
    internalDeadline: 'sisäinen määräaika',
    owner: 'vastuuhenkilö',
    noOwner: 'ei vastuuhenkilöä',
    status: 'tila',
    statuses: BOARD_STATUS_LABELS.fi,
    notOnBoard: 'ei vielä yhteisvastaustaululla',
    moved: 'Mikä liikkui',
    newItems: 'Uudet asiakirjat tavoitteittain',
    nothingNew: 'Ei mitään uutta tältä ajalta.',
    open: 'Avaa Lakivahdissa',
    more: 'muuta – kaikki Lakivahdissa',
    moreOne: 'muu – kaikki Lakivahdissa',
    matter: 'asia',
    footer: 'Tämän viestin lähetti Lakivahti, pelastuslaitosten kumppanuusverkoston lainsäädäntöseuranta.',
    unsubscribe: 'Peru tämä tilaus',
    preview: 'ESIKATSELU – ei lähetetty',
    test: 'Testi',
  },
  sv: {
    networkSubject: 'Lakivahti: nätverkets veckosammandrag',
    personalSubject: 'Lakivahti: nytt i det du följer',
    networkHeading: 'Partnerskapsnätverkets veckosammandrag',
    personalHeading: 'Nytt i det du följer',
    period: 'Period',
    respond: 'Kräver ett gemensamt svar',
    respondNone: 'Inga öppna remissrundor som kräver ett gemensamt svar.',
    deadline: 'remisstid',
    internalDeadline: 'intern tidsfrist',
    owner: 'ansvarsperson',
    noOwner: 'ingen ansvarsperson',
    status: 'status',
    statuses: BOARD_STATUS_LABELS.sv,
    notOnBoard: 'ännu inte på tavlan för gemensamma svar',
    moved: 'Vad som rörde sig',
    newItems: 'Nytt per mål',
    nothingNew: 'Inget nytt under perioden.',
    open: 'Öppna i Lakivahti',
    more: 'till – alla i Lakivahti',
    moreOne: 'till – alla i Lakivahti',
    matter: 'ärende',
    footer: 'Detta meddelande skickades av Lakivahti, räddningsverkens partnerskapsnätverks lagstiftningsbevakning.',
    unsubscribe: 'Avsluta denna prenumeration',
    preview: 'FÖRHANDSVISNING – inte skickad',
    test: 'Test',
  },
};
