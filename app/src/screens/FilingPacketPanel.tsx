import { useEffect, useState } from "react";
import type { Api, Resource } from "../api";
import { ActionFeedback, formatDateTime, Section } from "../components";
import { display } from "../codes";
import { outputs } from "../model";
import { useAction } from "../useAction";
import type { CaseContext } from "./CaseScreen";

/** A filing packet as the case lists it: its title (the filing letter's), identifier, size and when it was assembled. */
function describePacket(bundle: Resource): string {
  const index = bundle.entry?.[0]?.resource;
  return `${index?.title ?? "Filing packet"} — ${bundle.entry?.length ?? 0} resources, identifier ${bundle.identifier?.value ?? "?"}, assembled ${formatDateTime(bundle.timestamp)}`;
}

/**
 * The filing packet of a signed filing letter ($assemble-filing: the letter, the decisions it answers, the map and the
 * evidence as one document Bundle), and the filing packets the case holds.
 *
 * @param busy the case is being read again (after a signature): the panel is about to change, so it waits
 */
export function FilingPacketPanel({ api, context, pathway, signed, busy }: { api: Api; context: CaseContext; pathway: string; signed: boolean; busy: boolean }) {
  const { task } = context;
  const [packets, setPackets] = useState<Resource[]>([]);
  const action = useAction();
  const stored = outputs(task, "filing-packet").join(" ");

  useEffect(() => {
    if (stored) {
      action.run("Loading the filing packets", async () =>
        setPackets(await Promise.all(stored.split(" ").map((reference) => api.read(reference.replace(/\/_history\/.*$/, ""))))),
      );
    }
  }, [stored]);

  async function assemble() {
    const parameters = { resourceType: "Parameters", parameter: [{ name: "pathway", valueCode: pathway }] };
    const built = await action.run("Assembling the filing packet and validating it", () => api.operation(`Task/${task.id}/$assemble-filing`, parameters));
    if (built) {
      setPackets([built, ...packets.filter((packet) => packet.id !== built.id)]);
      await context.reload();
    }
  }

  return (
    <Section
      title="Filing packet"
      actions={
        <button type="button" onClick={assemble} disabled={action.running || busy || !signed}>
          Assemble filing packet
        </button>
      }
    >
      {!signed && <p>The {display("pathway", pathway)} letter must be signed before its packet is assembled.</p>}
      <ActionFeedback action={action} />
      <h3>Filing packets on this case</h3>
      {packets.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className="filing-packets" aria-label="Filing packets on this case">
          {packets.map((packet) => (
            <li key={packet.id}>{describePacket(packet)}</li>
          ))}
        </ul>
      )}
    </Section>
  );
}
