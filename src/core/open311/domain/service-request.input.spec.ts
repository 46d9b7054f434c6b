import { readOpen311Form } from './open311-form';
import { mediaTypeOf, readServiceRequest } from './service-request.input';

const read = (body: Record<string, unknown>): ReturnType<typeof readServiceRequest> => readServiceRequest(readOpen311Form(body));

describe('readServiceRequest', () => {
  it('reads what FixMyStreet sends', () => {
    const { input, problems } = read({
      service_code: 'JALAN_RUSAK', lat: '-8.4545', long: '115.3551', deviceid: 'fms-1', last_name: '-', first_name: 'Ayu',
      'media_url[]': ['https://fms.example/photo/1.jpeg', 'https://fms.example/photo/2.jpeg'], description: 'Lubang besar',
    });
    expect(problems).toEqual([]);
    expect(input).toMatchObject({ serviceCode: 'JALAN_RUSAK', latitude: -8.4545, longitude: 115.3551, deviceId: 'fms-1', lastName: null, firstName: 'Ayu' });
    expect(input?.mediaUrls).toHaveLength(2);
  });

  it('gives every problem at once', () => {
    const { input, problems } = read({ lat: '91', long: 'east', description: 'x'.repeat(4001), email: 'nope', media_url: 'ftp://x' });
    expect(input).toBeNull();
    expect(problems).toEqual(expect.arrayContaining([
      'service_code is required',
      'lat must be between -90 and 90',
      'long must be a decimal number of degrees (WGS84)',
      'email is not an e-mail address',
      'description is longer than 4,000 characters',
    ]));
    expect(problems.some((p) => p.startsWith('media_url'))).toBe(true);
  });

  it('needs a location', () => {
    expect(read({ service_code: 'JALAN_RUSAK' }).problems).toEqual(['a location is required: lat and long, or address_string']);
    expect(read({ service_code: 'JALAN_RUSAK', lat: '-8.4' }).problems).toEqual(['lat and long go together: send both, or address_string']);
    expect(read({ service_code: 'JALAN_RUSAK', address_string: 'Jl. Merdeka 1, Bangli' }).problems).toEqual([]);
    expect(read({ service_code: 'JALAN_RUSAK', address_id: '#NOTPINPOINTED#' }).problems[0]).toMatch(/address_id is not supported/);
  });

  it('guesses media types from extensions', () => {
    expect(mediaTypeOf('https://x.example/a/1.JPG?s=2')).toBe('image/jpeg');
    expect(mediaTypeOf('https://x.example/photo?id=1')).toBe('application/octet-stream');
  });
});
