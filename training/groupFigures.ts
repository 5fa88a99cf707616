/**
 * Mean and worst of one figure over the held-out style groups, printed by every bench the same way:
 * over all groups (comparable with earlier figures) and over the groups no shipped model was trained
 * on (training/fonts.ts UNSEEN_GROUPS), the figures that say how a new hand reads.
 */
import { GROUPS_THE_SHIPPED_MODEL_SAW, UNSEEN_GROUPS, type StyleGroup } from './fonts';

export interface GroupValue {
  readonly group: string;
  readonly value: number;
}

export interface GroupSummary {
  readonly mean: number;
  readonly worst: GroupValue;
}

/** Mean and worst value; `higherIsWorse` for error rates, not for accuracies. */
export function summarise(values: readonly GroupValue[], higherIsWorse: boolean): GroupSummary {
  if (values.length === 0) throw new Error('No groups to summarise.');
  const worst = values.reduce((w, v) => ((higherIsWorse ? v.value > w.value : v.value < w.value) ? v : w));
  return { mean: values.reduce((s, v) => s + v.value, 0) / values.length, worst };
}

/** Whether no shipped model was trained on the group's families. */
export function isUnseen(group: string): boolean {
  return (UNSEEN_GROUPS as readonly string[]).includes(group);
}

/** Only the rows of groups no shipped model was trained on. */
export function unseenOnly<T extends { readonly group: string }>(rows: readonly T[]): T[] {
  return rows.filter((r) => isUnseen(r.group));
}

/** The group's name as benches print it: '(seen)' marks one the shipped model's chain was trained on. */
export function groupLabel(group: string): string {
  return (GROUPS_THE_SHIPPED_MODEL_SAW as readonly string[]).includes(group as StyleGroup) ? `${group} (seen)` : group;
}
