/** DynamoDB refuses items over 400 KB; stay clear of it with room for attribute-name overhead. */
export const MAX_ITEM_BYTES = 380_000;

/**
 * Fails early, with a message naming the item, when an item would be too large. The JSON size
 * over-estimates DynamoDB's (numbers are stored more compactly than their text), so an item that
 * passes here fits.
 */
export function assertItemFits(item: Record<string, unknown>, what: string): void {
  const bytes = Buffer.byteLength(JSON.stringify(item), 'utf8');
  if (bytes > MAX_ITEM_BYTES) {
    throw new Error(`${what} is ${bytes} bytes, over the ${MAX_ITEM_BYTES}-byte item budget`);
  }
}
