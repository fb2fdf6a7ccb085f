/**
 * The notification centre (issue 17): one list per user of every module's
 * events — what arrives, what is due, what was decided — read or unread, and
 * per kind the user's choice of channels (in the app, by email). Web push is
 * not built yet (README: what is left).
 */
import { z } from 'zod'

/** Every kind a module notifies of, grouped for the preferences page. */
export const NOTIFICATION_KINDS = {
  'document.arrived': { group: 'arrives', vi: 'Văn bản đến (từ hệ thống hoặc qua thư điện tử)', en: 'Incoming documents (from the platform or by mail)' },
  'document.overdue': { group: 'due', vi: 'Văn bản quá hạn xử lý', en: 'Documents past their deadline' },
  'mail.refused': { group: 'arrives', vi: 'Thư gửi đến địa chỉ công vụ bị từ chối', en: 'Mail to the official address refused' },
  'task.due': { group: 'due', vi: 'Nhiệm vụ sắp đến hạn', en: 'Tasks nearly due' },
  'task.overdue': { group: 'due', vi: 'Nhiệm vụ quá hạn', en: 'Overdue tasks' },
  'reorganisation.awaiting': { group: 'due', vi: 'Đề nghị sắp xếp đơn vị chờ phê duyệt', en: 'Reorganisations awaiting approval' },
  'transfer.step': { group: 'decided', vi: 'Chuyển sinh hoạt đảng: bước cần xử lý, kết quả', en: 'Party transfers: steps to take, outcomes' },
  'comment.step': { group: 'decided', vi: 'Nhận xét đảng viên nơi cư trú', en: 'Residence comments on members' },
  'case.deadline': { group: 'due', vi: 'Vụ việc khiếu nại, tố cáo sắp đến hạn, quá hạn', en: 'Complaint and denunciation cases nearly due, overdue' },
  'datarequest.received': { group: 'arrives', vi: 'Yêu cầu số liệu gửi đến đơn vị', en: 'Data requests to the unit' },
  'datarequest.reminder': { group: 'due', vi: 'Nhắc gửi số liệu', en: 'Reminders to answer a data request' },
} as const
export type NotificationKind = keyof typeof NOTIFICATION_KINDS
export const NOTIFICATION_KIND_IDS = Object.keys(NOTIFICATION_KINDS) as [NotificationKind, ...NotificationKind[]]
export const notificationKind = z.enum(NOTIFICATION_KIND_IDS)

export interface Notification {
  notificationId: string
  userId: string
  kind: NotificationKind
  title: string
  text: string
  /** Where in the app it leads (a path of the SPA). */
  link?: string
  at: string
  readAt?: string
}

export const ChannelChoice = z.strictObject({ inApp: z.boolean(), email: z.boolean() })
export type ChannelChoice = z.infer<typeof ChannelChoice>
/** Until a user chooses: in the app and by email (the mails the platform sent before the centre existed keep coming). */
export const DEFAULT_CHOICE: ChannelChoice = { inApp: true, email: true }

export const NotificationPreferences = z.strictObject({
  kinds: z.partialRecord(notificationKind, ChannelChoice),
})
export type NotificationPreferences = z.infer<typeof NotificationPreferences>

export const ListNotificationsQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
})
export const NotificationIdParams = z.strictObject({ notificationId: z.string().min(1).max(80).regex(/^[\w.-]+$/) })

export interface NotificationList { items: Notification[]; unread: number }
