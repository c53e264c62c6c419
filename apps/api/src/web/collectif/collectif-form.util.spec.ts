import {
  ANNOTATION_MAX_LENGTH,
  pageNumber,
  readOrganisationId,
  readPickForm,
  readSharing,
} from './collectif-form.util';

describe('collectif forms', () => {
  const id = '3f2b8c1e-5a4d-4c1b-9e7f-2a6b0c8d9e10';

  it('reads an organisation id pasted with spaces, line breaks and capitals', () => {
    expect(
      readOrganisationId({ structure: `  ${id.toUpperCase().replace('-5A4D', '-\n5A4D')} ` }),
    ).toEqual({ typed: `  ${id.toUpperCase().replace('-5A4D', '-\n5A4D')} `, id });
  });

  it('keeps what was typed but no id when it is not one', () => {
    expect(readOrganisationId({ structure: 'EPN de Thiers' })).toEqual({
      typed: 'EPN de Thiers',
      id: null,
    });
    expect(readOrganisationId({})).toEqual({ typed: '', id: null });
  });

  it('refuses an annotation over 2 000 characters and keeps it whole to show it back', () => {
    const long = 'a'.repeat(ANNOTATION_MAX_LENGTH + 1);
    const { form, error } = readPickForm({ annotation: long }, 'annotation-x');
    expect(form.annotation).toBe(long);
    expect(error).toEqual({
      field: 'annotation-x',
      message: expect.stringMatching(/^L’annotation compte 2\s001 caractères : 2 000 au plus\.$/),
    });
  });

  it('reads the joint-bid checkbox and a trimmed annotation', () => {
    expect(
      readPickForm({ annotation: ' Convient aux EPN ', candidatureCommune: 'oui' }, 'a'),
    ).toEqual({ form: { annotation: 'Convient aux EPN', jointBid: true }, error: null });
    expect(readPickForm({}, 'a').form).toEqual({ annotation: '', jointBid: false });
  });

  it('shares only what is ticked', () => {
    expect(readSharing({ partageSuivis: 'oui', partageNotes: 'non' })).toEqual({
      shareFollows: true,
      shareStatuses: false,
      shareNotes: false,
    });
  });

  it('reads a page number, page 1 for anything else', () => {
    expect(pageNumber('3')).toBe(3);
    expect(pageNumber('-2')).toBe(1);
    expect(pageNumber('abc')).toBe(1);
    expect(pageNumber(undefined)).toBe(1);
  });
});
