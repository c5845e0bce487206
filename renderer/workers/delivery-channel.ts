/** The channel on which bulk writes hand their records to a notebook's model workers. */
import type { DeliveryInbox, InputDelivery } from '../../src/db/input-deliveries'

function channelName(notebookId: string): string {
  return `carnet-model-inputs:${notebookId}`
}

/** Posts a delivery to every model worker of the notebook; call once the write has committed. */
export function deliverInputs(notebookId: string, delivery: InputDelivery): void {
  const channel = new BroadcastChannel(channelName(notebookId))
  try {
    channel.postMessage(delivery)
  } finally {
    channel.close()
  }
}

/** Puts every delivery to the notebook's model workers in `inbox`, until closed. */
export function receiveDeliveries(notebookId: string, inbox: DeliveryInbox): { close(): void } {
  const channel = new BroadcastChannel(channelName(notebookId))
  channel.onmessage = (event: MessageEvent<InputDelivery>) => inbox.receive(event.data)
  return channel
}
