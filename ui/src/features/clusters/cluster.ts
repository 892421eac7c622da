import { NEW_RECORD_ID } from '../../lib/api';
import type { City, Cluster, ClusterMember, Id, IpcError, Person } from '../../lib/api';
import { baseField } from '../../lib/errors';

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

/** People for a manager select, by name. */
export function peopleByName(people: readonly Person[]): Person[] {
  return [...people].sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

export type Messages = Record<string, string[]>;

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

function push(into: Messages, field: string, message: string) {
  const list = into[field] ?? [];
  if (!list.includes(message)) list.push(message);
  into[field] = list;
}

/**
 * Sorts a rejected save's issues: `members.2.city` goes to the member that was third in `sent`
 * (by its city, since members move while the person edits), `manager` to the cluster; anything
 * else is general so no message is lost.
 */
export function clusterErrors(err: IpcError, sent: Pick<Cluster, 'members'>): ClusterErrors {
  const out: ClusterErrors = { cluster: {}, members: {}, general: [] };
  const general = (m: string) => {
    if (!out.general.includes(m)) out.general.push(m);
  };
  const add = (field: string | null, message: string) => {
    if (field === null) return general(message);
    const member = /^members[.[](\d+)\]?\.(\w+)/.exec(field);
    if (member) {
      const city = sent.members[Number(member[1])]?.city;
      const sub = member[2] as string;
      if (city === undefined || !(MEMBER_FIELDS as readonly string[]).includes(sub)) return general(message);
      push((out.members[city] ??= {}), sub, message);
      return;
    }
    const base = baseField(field);
    if ((CLUSTER_FIELDS as readonly string[]).includes(base)) push(out.cluster, base, message);
    else general(message);
  };
  if (err.issues.length === 0) add(err.field, err.message);
  else for (const i of err.issues) add(i.field, i.message);
  return out;
}

/** The messages of one field joined for display, or null. */
export function message(messages: Messages | undefined, field: string): string | null {
  const list = messages?.[field];
  return list && list.length > 0 ? list.join(' ') : null;
}

/** A city as a member line names it: "Gwangju (광주)". */
export function cityLabel(city: City | undefined): string {
  if (!city) return 'Unknown city';
  return city.local_name && city.local_name !== city.name ? `${city.name} (${city.local_name})` : city.name;
}
