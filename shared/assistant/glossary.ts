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
}
