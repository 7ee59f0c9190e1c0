// Sample business data for `--seed-demo`: a small events platform to call with a key.
import type { Keyward } from "./domain/keyward.js";

export async function seedDemoData({ records }: Keyward): Promise<boolean> {
  if ((await records.list("events", { limit: 1 })).items.length > 0) {
    return false;
  }
  const conference = await records.create("events", {
    name: "Keyward Conf 2027",
    starts_at: "2027-05-12T09:00:00.000Z",
    ends_at: "2027-05-13T17:00:00.000Z",
    venue: "Lisbon Congress Centre",
    capacity: 800,
    status: "published",
  });
  await records.create("events", {
    name: "Integrations Meetup",
    starts_at: "2027-02-03T18:00:00.000Z",
    ends_at: "2027-02-03T21:00:00.000Z",
    venue: "Online",
    capacity: 200,
    status: "published",
  });
  await records.create("events", { name: "Internal offsite", starts_at: "2027-09-01T09:00:00.000Z", status: "draft" });
  await records.create("sessions", {
    event_id: conference.id,
    title: "Least privilege for integrations",
    starts_at: "2027-05-12T10:00:00.000Z",
    room: "A",
    speaker: "Ada Lovelace",
  });
  await records.create("sessions", {
    event_id: conference.id,
    title: "Keys as infrastructure code",
    starts_at: "2027-05-12T11:00:00.000Z",
    room: "B",
    speaker: "Grace Hopper",
  });
  const people = [];
  for (const [first_name, last_name, company] of [
    ["Ada", "Lovelace", "Analytical Engines"],
    ["Grace", "Hopper", "Navy"],
    ["Alan", "Turing", "Bletchley"],
    ["Edsger", "Dijkstra", "TH Eindhoven"],
  ] as const) {
    people.push(
      await records.create("people", {
        first_name,
        last_name,
        company,
        email: `${first_name.toLowerCase()}@example.org`,
        phone: "+351 210 000 000",
        date_of_birth: "1990-01-01",
      }),
    );
  }
  for (const person of people) {
    await records.create("attendees", {
      event_id: conference.id,
      person_id: person.id,
      status: "registered",
      badge_name: String(person.first_name),
    });
  }
  await records.create("invoices", {
    person_id: people[0]?.id,
    amount_cents: 49900,
    currency: "EUR",
    status: "issued",
    issued_at: "2027-01-10T00:00:00.000Z",
    due_at: "2027-02-10T00:00:00.000Z",
  });
  await records.create("documents", {
    title: "Venue floor plan",
    content_type: "text/plain",
    size_bytes: 26,
    created_at: "2027-01-05T00:00:00.000Z",
    content_base64: Buffer.from("Hall A, Hall B, Foyer, Bar").toString("base64"),
  });
  return true;
}
