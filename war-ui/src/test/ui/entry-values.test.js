import { describe, expect, test } from 'vitest';
import { entryOf, fieldFor, textOf, valueOf } from '../../main/ui/js/entry-values.js';
import { KINDS, DEVICE } from '../../main/ui/js/kinds.js';

const AE = KINDS.dicomNetworkAE;

describe('entryOf', () => {
  test('turns form texts into the JSON the REST API takes', () => {
    const { body, errors } = entryOf(KINDS.dicomNetworkConnection, {
      cn: ' dicom ', dicomHostname: 'localhost', dicomPort: '11112', dicomInstalled: 'TRUE', dcmTLSProtocol: 'TLSv1.2\n\nTLSv1.3\n',
    });
    expect(errors).toEqual({});
    expect(body).toEqual({ cn: 'dicom', dicomHostname: 'localhost', dicomPort: 11112, dicomInstalled: true,
      dcmTLSProtocol: ['TLSv1.2', 'TLSv1.3'] });
  });

  test('keeps what the form does not show and drops what was emptied', () => {
    const original = { dcmExporterID: 'X', dcmURI: 'dicom:A', dcmQueueName: 'Export1', dcmProperty: ['bearer-token=******'], other: 1 };
    const texts = { dcmExporterID: 'X', dcmURI: 'dicom:B', dcmQueueName: '', dcmProperty: 'bearer-token=******' };
    const { body } = entryOf(KINDS.dcmExporter, texts, original);
    expect(body).toEqual({ dcmExporterID: 'X', dcmURI: 'dicom:B', dcmProperty: ['bearer-token=******'], other: 1 });
  });

  test('refuses what cannot be sent, by field', () => {
    const { errors } = entryOf(KINDS.dcmQueue, { dcmQueueName: '', dcmMaxRetries: 'ten', dcmRetryDelayMultiplier: '2.5' });
    expect(errors).toEqual({ dcmQueueName: 'required', dcmMaxRetries: "'ten' is not a whole number",
      dcmRetryDelayMultiplier: "'2.5' is not a whole number" });
    expect(entryOf(AE, { dicomAETitle: 'A', dcmExportRule: '[{' }).errors.dcmExportRule).toMatch(/^not valid JSON/);
  });

  test('transfer capabilities as rows: blank rows skipped, a row without cn refused', () => {
    const row = (cn, role) => ({ texts: { cn, dicomSOPClass: '1.2.840.10008.1.1', dicomTransferRole: role, dicomTransferSyntax: '1.2.840.10008.1.2' } });
    const blank = { texts: { cn: '', dicomSOPClass: '', dicomTransferRole: '', dicomTransferSyntax: '' } };
    const ok = entryOf(AE, { dicomAETitle: 'A', dicomTransferCapability: [row('Echo SCP', 'SCP'), blank] });
    expect(ok.errors).toEqual({});
    expect(ok.body.dicomTransferCapability).toEqual([{ cn: 'Echo SCP', dicomSOPClass: '1.2.840.10008.1.1',
      dicomTransferRole: 'SCP', dicomTransferSyntax: ['1.2.840.10008.1.2'] }]);
    expect(entryOf(AE, { dicomAETitle: 'A', dicomTransferCapability: [row('', 'SCU')] }).errors)
      .toEqual({ dicomTransferCapability: 'cn: required' });
    expect(entryOf(AE, { dicomAETitle: 'A', dicomTransferCapability: [] }).body.dicomTransferCapability).toBeUndefined();
  });

  test('a device needs its name', () => {
    expect(entryOf(DEVICE, { dicomDeviceName: ' ' }).errors).toEqual({ dicomDeviceName: 'required' });
  });
});

test('textOf and valueOf agree', () => {
  for (const [type, value] of [['bool', false], ['number', 104], ['multi', ['a', 'b']], ['json', [{ cn: 'x' }]], ['text', 'y']]) {
    expect(valueOf(type, textOf(type, value))).toEqual(value);
  }
  expect(() => valueOf('bool', 'yes')).toThrow("'yes' is not TRUE or FALSE");
});

test('a server error about a nested attribute is shown beside the rows it belongs to', () => {
  expect(fieldFor(AE, 'dicomSOPClass')).toBe('dicomTransferCapability');
  expect(fieldFor(AE, 'dicomAETitle')).toBe('dicomAETitle');
  expect(fieldFor(AE, 'nothing')).toBeNull();
  expect(fieldFor(AE, '')).toBeNull();
});
