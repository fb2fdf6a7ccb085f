/**
 * Vietnamese folding for search: "Chuyển đổi số" → "chuyen doi so".
 * Combining marks go away with NFD; đ/Đ has no decomposition and is mapped by hand.
 */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim()
}

/** Normalises a header cell from an office spreadsheet: "Tên đơn vị (*)" → "ten don vi". */
export function normaliseHeader(text: string): string {
  return fold(text).replace(/\(.*?\)/g, '').replace(/[^a-z0-9]+/g, ' ').trim()
}
