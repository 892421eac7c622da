import { NEW_RECORD_ID } from '../../lib/api';
import type { City, Cluster, ClusterMember, Id, IpcError } from '../../lib/api';
import { baseField, sortIssues, type Messages } from '../../lib/errors';
import { UNKNOWN_CITY } from '../../lib/names';

/**
 * A city's priorities as typed: one a line, or separated by commas (also the full-width and
 * ideographic ones CJK keyboards give), most important first. Empty items are dropped; the
 * backend tidies the rest.
 */
export function parsePriorities(text: string): string[] {
  return text
    .split(/[\n\r,，、]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Priorities as the text box shows them: one a line. */
export function prioritiesText(priorities: readonly string[]): string {
  return priorities.join('\n');
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * What to keep in a priorities box when the cluster's stored priorities arrive: the text as
 * typed while it still says the same thing (so a trailing comma or new line being typed is not
 * eaten), else the stored priorities.
 */
export function reconcilePriorities(draft: string, stored: readonly string[]): string {
  return sameList(parsePriorities(draft), stored) ? draft : prioritiesText(stored);
}

/**
 * A theme that has no cluster yet starts from this; saving it creates the cluster, and the
 * backend gives it its id.
 */
export function draftCluster(theme: string): Cluster {
  return { id: NEW_RECORD_ID, theme, manager: null, members: [], sample: false };
}

/** The stored cluster of a theme, or a draft for it. */
export function clusterForTheme(clusters: readonly Cluster[], theme: string): Cluster {
  return clusters.find((c) => c.theme === theme) ?? draftCluster(theme);
}

/**
 * Whether a cluster list may replace what a card shows. Lists are numbered as they are
 * requested; one requested before the card's last save finished may have been read before that
 * save, so it would put back what was typed since.
 */
export function listIsNewer(listSeq: number, savedAt: number): boolean {
  return listSeq > savedAt;
}

/** Cities that can still join: not members yet, by name. */
export function availableCities(cities: readonly City[], members: readonly ClusterMember[]): City[] {
  const taken = new Set(members.map((m) => m.city));
  return cities.filter((c) => !taken.has(c.id)).sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

export function addMember(members: readonly ClusterMember[], city: Id): ClusterMember[] {
  if (members.some((m) => m.city === city)) return [...members];
  return [...members, { city, priorities: [] }];
}

export function removeMember(members: readonly ClusterMember[], city: Id): ClusterMember[] {
  return members.filter((m) => m.city !== city);
}

export interface ClusterErrors {
  /** `manager`, `theme` */
  cluster: Messages;
  /** By member city id, then `city` or `priorities`. */
  members: Record<Id, Messages>;
  general: string[];
}

export const NO_CLUSTER_ERRORS: ClusterErrors = Object.freeze({
  cluster: {},
  members: {},
  general: [],
}) as ClusterErrors;

const CLUSTER_FIELDS = ['manager', 'theme'] as const;
const MEMBER_FIELDS = ['city', 'priorities'] as const;

/**
 * Sorts a rejected save's issues: `members.2.city` goes to the member that was third in `sent`
 * (by its city, since members move while the person edits), `manager` to the cluster; anything
 * else is general so no message is lost.
 */
export function clusterErrors(err: IpcError, sent: Pick<Cluster, 'members'>): ClusterErrors {
  const cluster: Messages = {};
  const members: Record<Id, Messages> = {};
  const general = sortIssues(err, (field) => {
    const member = /^members[.[](\d+)\]?\.(\w+)/.exec(field);
    if (member) {
      const city = sent.members[Number(member[1])]?.city;
      const sub = member[2] as string;
      if (city === undefined || !(MEMBER_FIELDS as readonly string[]).includes(sub)) return null;
      return ((members[city] ??= {})[sub] ??= []);
    }
    const base = baseField(field);
    return (CLUSTER_FIELDS as readonly string[]).includes(base) ? (cluster[base] ??= []) : null;
  });
  return { cluster, members, general };
}

/** A city as a member line names it: "Gwangju (광주)". */
export function cityLabel(city: City | undefined): string {
  if (!city) return UNKNOWN_CITY;
  return city.local_name && city.local_name !== city.name ? `${city.name} (${city.local_name})` : city.name;
}
