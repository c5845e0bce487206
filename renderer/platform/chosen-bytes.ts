/** The bytes of a chosen file (`ChosenFile`), read if the platform gave the file itself. */
export async function chosenBytes({ bytes }: { bytes: Uint8Array | Blob }): Promise<Uint8Array> {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(await bytes.arrayBuffer())
}
