/** snapshots/: the public door of snapshot tracking — union history, change feed, reporting lag. */
export { parseSnapshotDate, monthOfDate } from './snapshot-date.js';
export { releaseSharedContent } from './record-hash.js';
export { hasSnapshots } from './derive-history.js';
export { updateChanges, CHANGE_KINDS, type ChangeKind, type ChangeUpdate } from './change-events.js';
export { listChanges, parseKinds, CHANGE_COLUMNS, type ChangesQuery, type ChangeRow } from './changes-query.js';
export { postChanges, type WebhookResult } from './webhook.js';
export { completenessCurve, nowcastHires, PROVISIONAL_BELOW, type CompletenessCurve, type CompletenessPoint, type NowcastRow, type NowcastResult, type NowcastOptions } from './nowcast.js';
