/**
 * English → Vietnamese query terms for the embedded engine, whose retrieval
 * is lexical: an English question ("What must units finish by April 2025?")
 * finds Vietnamese passages through these folded equivalents. Data, extended
 * as the evaluation shows gaps; Bedrock's multilingual embeddings do not need it.
 */
export const GLOSSARY: Readonly<Record<string, readonly string[]>> = {
  directive: ['chi', 'thi'], resolution: ['nghi', 'quyet'], decision: ['quyet', 'dinh'], regulation: ['quy', 'dinh'],
  conclusion: ['ket', 'luan'], plan: ['ke', 'hoach'], programme: ['chuong', 'trinh'], program: ['chuong', 'trinh'],
  report: ['bao', 'cao'], guidance: ['huong', 'dan'], notice: ['thong', 'bao'], letter: ['cong', 'van'],
  issued: ['ban', 'hanh'], issue: ['ban', 'hanh'], dated: ['ngay'], date: ['ngay'], day: ['ngay'],
  unit: ['don', 'vi'], units: ['don', 'vi'], agency: ['co', 'quan'], agencies: ['co', 'quan'], party: ['dang'],
  committee: ['uy'], city: ['thanh', 'pho'], ward: ['phuong'], commune: ['xa'], office: ['van', 'phong'],
  finish: ['hoan', 'thanh'], complete: ['hoan', 'thanh'], completed: ['hoan', 'thanh'], deadline: ['thoi', 'han'],
  digital: ['so'], transformation: ['chuyen', 'doi'], digitise: ['so', 'hoa'], digitize: ['so', 'hoa'], digitisation: ['so', 'hoa'],
  digitization: ['so', 'hoa'], records: ['ho', 'so'], record: ['ho', 'so'], archives: ['luu', 'tru'], archive: ['luu', 'tru'],
  clerical: ['van', 'thu'], signature: ['chu', 'ky'], signatures: ['chu', 'ky'], electronic: ['dien', 'tu'],
  training: ['dao', 'tao'], train: ['dao', 'tao'], staff: ['can', 'bo'], cadres: ['can', 'bo'], members: ['dang', 'vien'],
  member: ['dang', 'vien'], quarterly: ['quy'], monthly: ['hang', 'thang'], yearly: ['hang', 'nam'],
  responsible: ['chu', 'tri'], lead: ['chu', 'tri'], monitor: ['theo', 'doi'], implement: ['thuc', 'hien'], implementation: ['trien', 'khai'],
  meetings: ['hop'], meeting: ['hop'], paperless: ['khong', 'giay'], science: ['khoa', 'hoc'], technology: ['cong', 'nghe'],
  innovation: ['doi', 'moi', 'sang', 'tao'], data: ['du', 'lieu'], security: ['an', 'toan'], information: ['thong', 'tin'],
  january: ['thang', '1'], february: ['thang', '2'], march: ['thang', '3'], april: ['thang', '4'],
  june: ['thang', '6'], july: ['thang', '7'], august: ['thang', '8'], september: ['thang', '9'], october: ['thang', '10'],
  november: ['thang', '11'], december: ['thang', '12'], year: ['nam'], month: ['thang'],
  // Office documents (issue 14): budgets, meetings, reports, decisions, procedures.
  budget: ['kinh', 'phi'], funding: ['kinh', 'phi'], cost: ['kinh', 'phi'], costs: ['kinh', 'phi'], money: ['kinh', 'phi'],
  disbursed: ['giai', 'ngan'], equipment: ['thiet', 'bi'], buying: ['mua', 'sam'], purchase: ['mua', 'sam'], total: ['tong'],
  conference: ['hoi', 'nghi'], review: ['so', 'ket'], quarter: ['quy'], chairs: ['chu', 'tri'], chair: ['chu', 'tri'], chaired: ['chu', 'tri'],
  held: ['to', 'chuc'], venue: ['dia', 'diem'], place: ['dia', 'diem'], delegates: ['dai', 'bieu'], documents: ['van', 'ban'], document: ['van', 'ban'],
  outgoing: ['van', 'ban', 'di'], signed: ['ky'], sign: ['ky'], signer: ['ky'], digitally: ['ky', 'so'], whole: ['ca'],
  admitted: ['ket', 'nap'], new: ['moi'], collectives: ['tap', 'the'], collective: ['tap', 'the'], individuals: ['ca', 'nhan'],
  certificates: ['giay', 'khen'], certificate: ['giay', 'khen'], merit: ['khen'], commendation: ['khen', 'thuong'], award: ['thuong'], reward: ['thuong'],
  procedures: ['thu', 'tuc'], procedure: ['thu', 'tuc'], steps: ['buoc'], transferring: ['chuyen', 'sinh', 'hoat'], transfer: ['chuyen', 'sinh', 'hoat'],
  membership: ['dang', 'vien'], working: ['to', 'cong', 'tac'], group: ['to'], leads: ['to', 'truong'], leader: ['to', 'truong'], reviewing: ['ra', 'soat'],
  effect: ['hieu', 'luc'], citizens: ['cong', 'dan'], citizen: ['cong', 'dan'], reception: ['tiep', 'cong', 'dan'], phone: ['dien', 'thoai'],
  number: ['so'], registering: ['dang', 'ky'], register: ['dang', 'ky'], secretary: ['bi', 'thu'], inspection: ['kiem', 'tra'], supervision: ['giam', 'sat'],
  fire: ['chay'], drill: ['dien', 'tap'], classes: ['lop'], skills: ['ky', 'nang'], updated: ['cap', 'nhat'], updating: ['cap', 'nhat'],
  hanoi: ['ha', 'noi'], room: ['phong'], operation: ['van', 'hanh'], share: ['ty', 'le'], rate: ['ty', 'le'], target: ['muc', 'tieu'], goal: ['muc', 'tieu'],
}
