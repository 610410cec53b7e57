import { describe, expect, test } from 'vitest';
import { entryOf, fieldFor, rowNameOf, textOf, valueOf } from '../../main/ui/js/entry-values.js';
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

  test('an AE\'s export rules as rows of the same fields as the device\'s rules', () => {
    const rule = { texts: { cn: 'To PACS', dcmEntity: 'Study', dcmExporterID: 'PACS\nARCHIVE2', dcmProperty: 'Modality=CT',
      dcmSchedule: 'hour=18-6 dayOfWeek=*', dcmDuration: 'PT5M', dicomDeviceName: '', dcmExportReoccurredInstances: '' } };
    const kept = { cn: 'Old', dcmEntity: 'Series', dcmExporterID: ['X'], dicomDescription: 'kept' };
    const old = { original: kept, texts: { cn: 'Old', dcmEntity: 'Series', dcmExporterID: 'X' } };
    const { body, errors } = entryOf(AE, { dicomAETitle: 'A', dcmExportRule: [rule, old] });
    expect(errors).toEqual({});
    expect(body.dcmExportRule).toEqual([{ cn: 'To PACS', dcmEntity: 'Study', dcmExporterID: ['PACS', 'ARCHIVE2'],
      dcmProperty: ['Modality=CT'], dcmSchedule: ['hour=18-6 dayOfWeek=*'], dcmDuration: 'PT5M' }, kept]);
    expect(AE.fields.find(([a]) => a === 'dcmExportRule')[2].fields.map((f) => f[0]))
      .toEqual(KINDS.dcmExportRule.fields.map((f) => f[0]));
    expect(entryOf(AE, { dicomAETitle: 'A', dcmExportRule: [{ texts: { cn: '', dcmEntity: 'Study' } }] }).errors)
      .toEqual({ dcmExportRule: 'cn: required' });
  });

  test('a device needs its name', () => {
    expect(entryOf(DEVICE, { dicomDeviceName: ' ' }).errors).toEqual({ dicomDeviceName: 'required' });
  });
});

test('textOf and valueOf agree', () => {
  for (const [type, value] of [['bool', false], ['number', 104], ['multi', ['a', 'b']], ['text', 'y']]) {
    expect(valueOf(type, textOf(type, value))).toEqual(value);
  }
  expect(() => valueOf('bool', 'yes')).toThrow("'yes' is not TRUE or FALSE");
});

test('a server error about a nested attribute is shown beside the rows it belongs to', () => {
  const aeDn = 'dicomAETitle=A,dicomDeviceName=dcm4chee-arc,cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org';
  const rowNames = { dicomTransferCapability: ['Echo SCP', ''], dcmExportRule: ['To PACS, nightly'] };
  // cn and dcmProperty are attributes of both kinds of rows: the DN's cn tells which rows
  expect(fieldFor(AE, 'cn', 'cn=To PACS\\, nightly,' + aeDn, rowNames)).toBe('dcmExportRule');
  expect(fieldFor(AE, 'dcmSchedule', 'cn=To PACS\\2C nightly,' + aeDn, rowNames)).toBe('dcmExportRule');
  expect(fieldFor(AE, 'cn', 'cn=Echo SCP,' + aeDn, rowNames)).toBe('dicomTransferCapability');
  expect(fieldFor(AE, 'dcmExportRule', '', rowNames)).toBe('dcmExportRule');
  expect(fieldFor(AE, 'dicomDescription', aeDn, rowNames)).toBe('dicomDescription');
  expect(fieldFor(KINDS.dcmExportRule, 'dcmSchedule', 'cn=R,dicomDeviceName=d')).toBe('dcmSchedule');
  expect(fieldFor(AE, 'dicomSOPClass')).toBe('dicomTransferCapability');
  expect(fieldFor(AE, 'dicomAETitle')).toBe('dicomAETitle');
  expect(fieldFor(AE, 'nothing')).toBeNull();
  expect(fieldFor(AE, '')).toBeNull();
});

test('rowNameOf reads the cn of a nested entry\'s DN, escapes undone', () => {
  expect(rowNameOf('cn=Echo SCP,dicomAETitle=A,dc=org')).toBe('Echo SCP');
  expect(rowNameOf('cn=a\\,b\\\\c\\2Bd,dicomAETitle=A')).toBe('a,b\\c+d');
  expect(rowNameOf('dicomAETitle=A,dc=org')).toBeNull();
  expect(rowNameOf('')).toBeNull();
  expect(rowNameOf(undefined)).toBeNull();
});
