// The backend's refusals sorted onto the rows they were about, so that a message stays beside
// its row when rows move afterwards. Holding and reading them is as in a cooperation plan.
import type { IpcError } from '../../lib/api';
import { sortIssues, type Messages } from '../../lib/errors';
import type { PlanErrors } from '../cooperation-plans/planErrors';
import { channelLine, type DisseminationForm } from './disseminationForm';
import { rowPath } from './disseminationPaths';

/** Parts of the plan the editor shows; a message about anything else (`city`) is a general one. */
const SHOWN = ['summary', 'practices'];

const CHANNEL = /^practices\.(\d+)\.channels\.(\d+)(?:\.|$)/;

/**
 * The message as shown beside the channels box: which line it is about, since the box shows
 * every channel and the backend counts them without the blank lines.
 */
function located(field: string, message: string, sent: DisseminationForm): string {
  const m = CHANNEL.exec(field);
  if (!m) return message;
  const line = channelLine(sent.practices[Number(m[1])]?.channels ?? '', Number(m[2]));
  return line === null ? message : `Line ${line}: ${message}`;
}

export function disseminationErrors(err: IpcError, sent: DisseminationForm): PlanErrors {
  const fields: Messages = {};
  const issues = err.issues.map((i) => (i.field === null ? i : { ...i, message: located(i.field, i.message, sent) }));
  const general = sortIssues({ ...err, issues }, (field) => {
    const path = rowPath(field, sent);
    if (path === null || !SHOWN.includes(path.split('.')[0] ?? '')) return null;
    return (fields[path] ??= []);
  });
  return { fields, general };
}
