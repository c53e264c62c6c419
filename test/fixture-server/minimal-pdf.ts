// Characters WinAnsiEncoding cannot carry are spelled out; Helvetica covers the rest of Latin-1.
const WIN_ANSI_FALLBACK: Record<string, string> = {
  '’': "'",
  '‘': "'",
  œ: 'oe',
  Œ: 'OE',
  '…': '...',
  '–': '-',
  '—': '-',
  '€': 'EUR',
  '\u202f': ' ',
};

function pdfString(line: string): string {
  const latin = line.replace(/[^\x00-\xff]/g, (c) => WIN_ANSI_FALLBACK[c] ?? '?');
  return `(${latin.replace(/[\\()]/g, (m) => `\\${m}`)})`;
}

/**
 * A tiny valid one-page PDF holding the given lines as real text (Helvetica, WinAnsi), so
 * PDF text extraction is tested on a document a PDF reader would open.
 */
export function minimalPdf(lines: string[]): Buffer {
  const content = `BT /F1 10 Tf 50 800 Td 13 TL ${lines.map((l) => `${pdfString(l)} '`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
