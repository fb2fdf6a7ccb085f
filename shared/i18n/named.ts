/** A label in both languages of the platform (Vietnamese first). */
export interface Named { readonly vi: string; readonly en: string }
