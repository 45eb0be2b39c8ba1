/**
 * normalize/ — the one public door for value normalization: messy dates into partial dates
 * (more to come: text cleanup, dedupe of people).
 */
export {
  comparePartialDates,
  endsBeforeStart,
  parseDateRange,
  parseMessyDate,
  type DateError,
  type DateRange,
  type MessyDate,
} from './messy-date.js';
export { foldWord, isOngoingWord, monthOfName } from './month-names.js';
