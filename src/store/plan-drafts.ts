/**
 * Plans an administrator sent to the bot, waiting for Confirm or Cancel (plan_drafts). The parsed
 * plan is stored as JSON and read back through a schema of the import contract (DESIGN.md §6),
 * keeping any optional fields the importer adds.
 */
import { z } from 'zod';
import type { Db } from '../db/index.js';
import type { PlanDraftStatus } from '../db/schema.js';
import type { PlanImport } from '../import/types.js';

const due = z.looseObject({
  kind: z.enum(['date', 'recurring', 'ongoing', 'roadmap', 'none']),
  date: z.string().nullable(),
  rule: z.enum(['yearly', 'quarterly', 'monthly']).nullable(),
  text: z.string(),
  anchor: z
    .object({
      day: z.number().int().min(1).max(31),
      month: z.number().int().min(1).max(12).optional(),
      month_of_period: z.enum(['first', 'middle', 'last']).optional(),
    })
    .optional(),
});

const planImport = z.object({
  document: z.looseObject({ number: z.string(), date: z.string().nullable(), issuer: z.string().nullable() }),
  tasks: z.array(
    z.looseObject({
      ref: z.string(),
      title: z.string(),
      lead: z.array(z.string()),
      support: z.array(z.string()),
      due,
      product: z.string().optional(),
      body: z.string().optional(),
      doubts: z.array(z.enum(['lead', 'due', 'title'])).optional(),
    }),
  ),
});

export interface PlanDraft {
  id: number;
  staffId: number;
  fileName: string;
  fileHash: string;
  status: PlanDraftStatus;
  plan: PlanImport;
}

export async function createPlanDraft(db: Db, draft: { staffId: number; fileName: string; fileHash: string; plan: PlanImport; now: Date }): Promise<number> {
  const row = await db
    .insertInto('plan_drafts')
    .values({ staff_id: draft.staffId, file_name: draft.fileName, file_hash: draft.fileHash, plan: JSON.stringify(draft.plan), created_at: draft.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The draft, locked for the caller's transaction; undefined when absent or its plan no longer reads as a plan. */
export async function lockPlanDraft(db: Db, id: number): Promise<PlanDraft | undefined> {
  const row = await db.selectFrom('plan_drafts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  const plan = planImport.safeParse(row?.plan);
  if (!row || !plan.success) return undefined;
  return { id: row.id, staffId: row.staff_id, fileName: row.file_name, fileHash: row.file_hash, status: row.status, plan: plan.data };
}

export async function setPlanDraftStatus(db: Db, id: number, status: Exclude<PlanDraftStatus, 'pending'>, now: Date): Promise<void> {
  await db.updateTable('plan_drafts').set({ status, decided_at: now }).where('id', '=', id).execute();
}

/** Keeps the office's corrections of a pending draft (the edited plan, with owners on its tasks). */
export async function updatePlanDraft(db: Db, id: number, plan: PlanImport): Promise<void> {
  await db
    .updateTable('plan_drafts')
    .set({ plan: JSON.stringify(plan) })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}
