/** DynamoDB items of work programmes: one item per programme under its unit, its items inline (a programme has tens of items). */
import { getRecord, queryPrefix } from '../../lib/adapters/items.js'
import { ENTITY, SCHEMA_VERSION, keys } from '../../../shared/table/keys.js'
import { programmeOwnerOf, type Programme } from '../../../shared/programmes/contracts.js'

export const programmeItem = (p: Programme) => ({ ...keys.programme(p.unitId, p.programmeId), entity: ENTITY.programme, schemaVersion: SCHEMA_VERSION, ...p })

export const programmeStore = {
  get: (id: string) => getRecord<Programme>(keys.programme(programmeOwnerOf(id), id)),
  ofUnit: (unitId: string) => queryPrefix<Programme>(keys.programmesOf(unitId)),
}
