import { minimalPdf } from '../../../../test/fixture-server';
import { extractPdfText, PdfTextError } from './pdf-text.extractor';

describe(extractPdfText.name, () => {
  it('extracts the text of a PDF règlement, accents included', async () => {
    const text = await extractPdfText(
      minimalPdf(["Règlement de l'appel", 'Date limite de dépôt : 1er mars 2027 à 12h']),
    );
    expect(text).toContain("Règlement de l'appel");
    expect(text).toContain('Date limite de dépôt : 1er mars 2027 à 12h');
  });

  it('refuses what is not a PDF, and a PDF over the size cap', async () => {
    await expect(extractPdfText(Buffer.from('<html>oops</html>'))).rejects.toThrow(PdfTextError);
    await expect(extractPdfText(minimalPdf(['x']), { maxBytes: 10 })).rejects.toThrow(
      /exceeds the 10-byte cap/,
    );
  });
});
