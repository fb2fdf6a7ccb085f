/**
 * The mail that carries a password reset code, Vietnamese first then English.
 * The embedded issuer sends it through the mail port; on AWS the user pool's
 * verification message is the same text with Cognito's `{####}` placeholder
 * (infra/constructs/stateful/identity.ts), so both say the same thing.
 */
export function resetCodeMail(code: string, minutes: number): { subject: string; text: string } {
  return {
    subject: 'Mã đặt lại mật khẩu Văn phòng số / Digital Office password reset code',
    text: [
      `Mã đặt lại mật khẩu của bạn là: ${code}`,
      `Mã dùng được một lần trong ${minutes} phút. Nếu bạn không yêu cầu đặt lại mật khẩu, hãy bỏ qua thư này và báo quản trị viên.`,
      '',
      `Your password reset code is: ${code}`,
      `It works once, for ${minutes} minutes. If you did not ask to reset your password, ignore this mail and tell your administrator.`,
    ].join('\n'),
  }
}
