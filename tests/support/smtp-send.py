"""Sends one mail with Python's smtplib (a real SMTP client) to the embedded platform's SMTP server.

Reads JSON on stdin: {port, mailFrom, rcpt: [..], headers: {..}, text, attachments: [{name, type, b64}]} or {port, mailFrom, rcpt, raw_b64}.
Prints JSON: {"ok": true} or {"ok": false, "code": <SMTP code>, "message": <the server's answer>}.
"""
import base64, json, smtplib, sys
from email.message import EmailMessage

spec = json.load(sys.stdin)
if 'raw_b64' in spec:
    body = base64.b64decode(spec['raw_b64'])
else:
    msg = EmailMessage()
    for name, value in spec.get('headers', {}).items():
        msg[name] = value
    msg.set_content(spec.get('text', ''))
    for a in spec.get('attachments', []):
        maintype, subtype = a['type'].split('/', 1)
        msg.add_attachment(base64.b64decode(a['b64']), maintype=maintype, subtype=subtype, filename=a['name'])
    body = msg.as_bytes()
try:
    with smtplib.SMTP('127.0.0.1', spec['port'], timeout=120) as s:
        s.sendmail(spec['mailFrom'], spec['rcpt'], body)
    print(json.dumps({'ok': True}))
except smtplib.SMTPResponseException as e:
    print(json.dumps({'ok': False, 'code': e.smtp_code, 'message': e.smtp_error.decode('utf-8', 'replace')}))
except smtplib.SMTPRecipientsRefused as e:
    code, message = list(e.recipients.values())[0]
    print(json.dumps({'ok': False, 'code': code, 'message': message.decode('utf-8', 'replace')}))
