import { BadRequestException } from '@nestjs/common';
import { insaneDate, insaneText, SaneInputPipe } from './sane-input.pipe';

describe('SaneInputPipe', () => {
  const pipe = new SaneInputPipe();
  const refusal = (value: unknown, data = 'input'): string[] => {
    try {
      pipe.transform(value, { type: 'body', data });
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(BadRequestException);
      return ((error as BadRequestException).getResponse() as { message: string[] }).message;
    }
  };

  it('names every field holding a NUL, a lone surrogate or a date outside 1900-2200', () => {
    expect(
      refusal({ text: 'a\u0000', reporter: { email: 'x\udc00@y.id' }, tags: ['ok', '\ud800'], from: new Date('0000-01-01T00:00:00Z') }),
    ).toEqual([
      'input.text contains a NUL character (\\u0000), which text cannot hold',
      'input.reporter.email contains a lone surrogate (half of a UTF-16 pair), which is not text',
      'input.tags[1] contains a lone surrogate (half of a UTF-16 pair), which is not text',
      'input.from must lie between 1900 and 2200',
    ]);
  });

  it('passes ordinary text (emoji pairs included), ordinary dates, and injected values untouched', () => {
    const input = { text: 'Banjir di Pura 🙏, air setinggi lutut', at: new Date('2026-12-02T00:00:00Z'), n: 3, none: null };
    expect(pipe.transform(input, { type: 'body', data: 'input' })).toBe(input);
    expect(pipe.transform({ text: '\u0000' }, { type: 'custom' })).toEqual({ text: '\u0000' });
  });

  it('the rules alone', () => {
    expect(insaneText('ok')).toBeNull();
    expect(insaneDate(new Date('2199-12-31T23:59:59Z'))).toBeNull();
    expect(insaneDate(new Date('2200-01-01T00:00:00Z'))).toMatch(/1900 and 2200/);
    expect(insaneDate(new Date('x'))).toBe('is not a date');
  });
});
