/**
 * The mail Cognito sends with a new account's temporary password (the first
 * administrator made by `npm run admin:create`, and people an administrator
 * adds on AWS), Vietnamese first then English. Cognito fills `{username}`
 * and `{####}` (the pool's invitation message, infra/constructs/stateful/identity.ts);
 * without it the pool sends its English-only default.
 */
export function invitationMail(username: string, temporaryPassword: string, days: number): { subject: string; text: string } {
  return {
    subject: 'Tài khoản Văn phòng số của bạn / Your Digital Office account',
    text: [
      `Tên đăng nhập: ${username}`,
      `Mật khẩu tạm: ${temporaryPassword}`,
      `Mật khẩu tạm dùng được trong ${days} ngày. Ở lần đăng nhập đầu, bạn đặt mật khẩu mới và cài ứng dụng xác thực.`,
      '',
      `Username: ${username}`,
      `Temporary password: ${temporaryPassword}`,
      `The temporary password works for ${days} days. At your first sign-in you choose a new password and set up an authenticator app.`,
    ].join('\n'),
  }
}
