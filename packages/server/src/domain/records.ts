// The sample business API's data (events, people, …). Access checks happen before these run.
import type { Context } from "./context.js";
import { notFound } from "./errors.js";
import { newId } from "./ids.js";
import type { BusinessRecord, ResourceName } from "./types.js";

const ID_PREFIX: Record<ResourceName, string> = {
  events: "evt",
  sessions: "ses",
  attendees: "att",
  people: "per",
  invoices: "inv",
  documents: "doc",
};

/** Business rule of the sample platform: checking in stamps the time unless one is given. */
function withCheckIn(resource: ResourceName, patch: Record<string, unknown>, now: Date): Record<string, unknown> {
  if (resource === "attendees" && patch.status === "checked_in" && patch.checked_in_at === undefined) {
    return { ...patch, checked_in_at: now.toISOString() };
  }
  return patch;
}

export function recordService({ store, clock }: Context) {
  return {
    list(resource: ResourceName, query: { after?: string; limit: number }) {
      return store.read.records(resource).list(query);
    },

    async get(resource: ResourceName, id: string) {
      const record = await store.read.records(resource).get(id);
      if (!record) {
        throw notFound(resource.replace(/s$/, ""), id);
      }
      return record;
    },

    async create(resource: ResourceName, input: Record<string, unknown>): Promise<BusinessRecord> {
      const record: BusinessRecord = { ...withCheckIn(resource, input, clock()), id: newId(ID_PREFIX[resource]) };
      await store.transaction((tx) => tx.records(resource).put(record));
      return record;
    },

    async update(resource: ResourceName, id: string, patch: Record<string, unknown>): Promise<BusinessRecord> {
      return store.transaction(async (tx) => {
        const current = await tx.records(resource).get(id);
        if (!current) {
          throw notFound(resource.replace(/s$/, ""), id);
        }
        const next = { ...current, ...withCheckIn(resource, patch, clock()), id };
        await tx.records(resource).put(next);
        return next;
      });
    },

    async delete(resource: ResourceName, id: string): Promise<void> {
      await store.transaction(async (tx) => {
        if (!(await tx.records(resource).get(id))) {
          throw notFound(resource.replace(/s$/, ""), id);
        }
        await tx.records(resource).delete(id);
      });
    },

    /** A document's bytes (the sample keeps them in the record, outside the catalog's fields). */
    async download(id: string): Promise<Buffer> {
      const record = await this.get("documents", id);
      return Buffer.from(typeof record.content_base64 === "string" ? record.content_base64 : "", "base64");
    },
  };
}
