/** An agency outside the platform (a provincial People's Committee, a ministry…) and where its mail goes: data, kept in the table. */
export interface OutsideAgency {
  agencyId: string
  name: string
  addresses: string[]
}
