/** The households form the data requests' consolidation test and bench send: a total of two parts, a percentage, an amount. */
import type { Indicator } from '../../shared/datarequests/contracts.js'

export const HOUSEHOLD_FORM: Indicator[] = [
  { code: '1', name: 'Tổng số hộ', unit: 'hộ', type: 'integer', optional: false, totalOf: ['1.1', '1.2'] },
  { code: '1.1', name: 'Hộ có cáp quang', unit: 'hộ', type: 'integer', optional: false },
  { code: '1.2', name: 'Hộ chưa có cáp quang', unit: 'hộ', type: 'integer', optional: false },
  { code: '2', name: 'Tỷ lệ thanh toán số', unit: '%', type: 'percent', optional: false },
  { code: '3', name: 'Vốn đầu tư', unit: 'tỷ đồng', type: 'number', optional: false },
]
