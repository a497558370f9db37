// The joint-response board's statuses in words people read: Finnish for the workbench and e-mails, Swedish for
// Swedish-speaking recipients. The one place both the web view and the digest take them from.
import type { BoardStatus } from '../store/board.js';
import type { Lang } from '../model.js';

export const BOARD_STATUS_LABELS: Record<Lang, Record<BoardStatus, string>> = {
  fi: { new: 'uusi', review: 'käsittelyssä', drafting: 'vastausta valmistellaan', submitted: 'vastaus lähetetty', closed: 'suljettu', 'no-response': 'ei vastata' },
  sv: { new: 'ny', review: 'under behandling', drafting: 'svar bereds', submitted: 'svar skickat', closed: 'avslutad', 'no-response': 'besvaras inte' },
};
