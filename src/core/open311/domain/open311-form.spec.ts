import { readOpen311Form, single } from './open311-form';

describe('readOpen311Form', () => {
  it('reads flat form keys, attribute brackets and list markers', () => {
    const form = readOpen311Form({
      service_code: 'JALAN_RUSAK',
      'attribute[DEPTH]': '30',
      'attribute[SIGNS][]': ['A', 'B'],
      'media_url[]': ['https://x.example/1.jpg', 'https://x.example/2.jpg'],
    });
    expect(form.problems).toEqual([]);
    expect(form.fields.get('service_code')).toEqual(['JALAN_RUSAK']);
    expect(form.fields.get('media_url')).toHaveLength(2);
    expect(form.attributes).toEqual({ DEPTH: ['30'], SIGNS: ['A', 'B'] });
  });

  it('reads JSON bodies with nested attributes and numbers', () => {
    const form = readOpen311Form({ lat: -8.45, long: 115.35, attribute: { DEPTH: 30, SIGNS: ['A'] } });
    expect(form.problems).toEqual([]);
    expect(form.fields.get('lat')).toEqual(['-8.45']);
    expect(form.attributes).toEqual({ DEPTH: ['30'], SIGNS: ['A'] });
  });

  it('names what it cannot read', () => {
    expect(readOpen311Form('text').problems).toHaveLength(1);
    expect(readOpen311Form([1, 2]).problems).toHaveLength(1);
    expect(readOpen311Form({ description: { nested: true } }).problems).toEqual(['description must be text']);
    expect(readOpen311Form({ description: 'a\u0000b' }).problems[0]).toMatch(/^description contains a NUL/);
  });

  it('takes single values and refuses two different ones', () => {
    const problems: string[] = [];
    const form = readOpen311Form({ email: ['a@x.org', 'b@x.org'], phone: ' 0812 ', first_name: '' });
    expect(single(form, 'email', 254, problems)).toBeNull();
    expect(single(form, 'phone', 32, problems)).toBe('0812');
    expect(single(form, 'first_name', 100, problems)).toBeNull();
    expect(problems).toEqual(['email takes one value']);
  });
});
