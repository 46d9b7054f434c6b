import { XMLParser } from 'fast-xml-parser';
import { renderList, renderObject } from './open311-document';

const parse = (text: string): any => new XMLParser({ parseTagValue: false, isArray: (name) => ['service', 'attribute', 'value', 'error'].includes(name) }).parse(text);

describe('Open311 documents', () => {
  it('renders lists as spec-shaped XML and as bare JSON arrays', () => {
    const items = [{ service_code: 'JALAN_RUSAK', service_name: 'Jalan <rusak> & berlubang', metadata: true, group: null }];
    const xml = renderList('xml', 'services', 'service', items);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?><services><service>')).toBe(true);
    expect(parse(xml).services.service[0]).toEqual({ service_code: 'JALAN_RUSAK', service_name: 'Jalan <rusak> & berlubang', metadata: 'true', group: '' });
    expect(JSON.parse(renderList('json', 'services', 'service', items))).toEqual(items);
  });

  it('names nested list items as the spec does', () => {
    const definition = { service_code: 'X', attributes: [{ code: 'A', values: [{ key: 'YES', name: 'Ya' }, { key: 'NO', name: 'Tidak' }] }] };
    const parsed = parse(renderObject('xml', 'service_definition', definition));
    expect(parsed.service_definition.attributes.attribute[0].values.value).toEqual([{ key: 'YES', name: 'Ya' }, { key: 'NO', name: 'Tidak' }]);
  });

  it('keeps the XML well-formed whatever the text holds', () => {
    const xml = renderList('xml', 'errors', 'error', [{ code: 400, description: 'bell \u0007 and \uD800 lone' }]);
    expect(parse(xml).errors.error[0].description).toBe('bell  and  lone');
  });
});
