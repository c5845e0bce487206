/** The channel on which bulk writes hand their records to a notebook's model workers. */
import type { DeliveryInbox, InputDelivery } from '../../src/db/input-deliveries'

function channelName(notebookId: string): string {
  return `carnet-model-inputs:${notebookId}`
}

/** A delivery, announced first: the announcement is small and arrives at once. */
type DeliveryMessage = { announce: string } | InputDelivery

/**
 * Posts a delivery to every model worker of the notebook; call once the write has committed.
 * Messages on a channel arrive in the order posted.
 */
export function deliverInputs(notebookId: string, delivery: InputDelivery): void {
  const channel = new BroadcastChannel(channelName(notebookId))
  try {
    channel.postMessage({ announce: delivery.id } satisfies DeliveryMessage)
    channel.postMessage(delivery satisfies DeliveryMessage)
  } finally {
    channel.close()
  }
}

/** Puts every delivery to the notebook's model workers in `inbox`, until closed. */
export function receiveDeliveries(notebookId: string, inbox: DeliveryInbox): { close(): void } {
  const channel = new BroadcastChannel(channelName(notebookId))
  channel.onmessage = ({ data }: MessageEvent<DeliveryMessage>) => {
    if ('announce' in data) inbox.announce(data.announce)
    else inbox.receive(data)
  }
  return channel
}
