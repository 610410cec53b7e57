// What the UI edits, one description a kind: devices, and the children of a device by object
// class (the name the REST API and the device JSON use), with the attributes of their forms.
// The list and the form (entry-list.js, entry-form.js) are built from these alone.
// Field types: see entry-values.js.
const AVAILABILITY = ['ONLINE', 'NEARLINE', 'OFFLINE', 'UNAVAILABLE'];

export const DEVICE = { title: 'Devices', rdn: 'dicomDeviceName', columns: ['dicomDeviceName'], fields: [
  ['dicomDeviceName', 'text'], ['dicomDescription', 'text'], ['dicomInstalled', 'bool'], ['dicomManufacturer', 'text'],
  ['dicomManufacturerModelName', 'text'], ['dicomSoftwareVersion', 'multi'], ['dicomPrimaryDeviceType', 'multi'],
  ['dicomStationName', 'text'], ['dicomInstitutionName', 'multi']] };

/** The transfer capabilities of an AE, edited as rows of its form. */
export const TRANSFER_CAPABILITY = { title: 'Transfer capabilities', rdn: 'cn', fields: [
  ['cn', 'text'], ['dicomSOPClass', 'text'], ['dicomTransferRole', 'enum', ['SCP', 'SCU']], ['dicomTransferSyntax', 'multi']] };

/** An export rule's attributes: the device's rules have their own page, an AE's are rows of its form. */
const EXPORT_RULE_FIELDS = [
  ['cn', 'text'], ['dcmEntity', 'enum', ['Patient', 'Study', 'Series', 'Instance']], ['dcmExporterID', 'multi'],
  ['dcmProperty', 'multi'], ['dcmSchedule', 'multi'], ['dcmDuration', 'text'], ['dicomDeviceName', 'text'],
  ['dcmExportReoccurredInstances', 'enum', ['NEVER', 'ALWAYS', 'REPLACE']]];
export const AE_EXPORT_RULE = { title: 'Export rules of this AE', rdn: 'cn', fields: EXPORT_RULE_FIELDS };

export const KINDS = {
  dicomNetworkConnection: { title: 'Connections', rdn: 'cn', columns: ['cn', 'dicomHostname', 'dicomPort', 'dcmProtocol'], fields: [
    ['cn', 'text'], ['dicomHostname', 'text'], ['dicomPort', 'number'],
    ['dcmProtocol', 'enum', ['DICOM', 'HL7', 'HTTP', 'SYSLOG_TLS', 'SYSLOG_UDP']], ['dcmBindAddress', 'text'],
    ['dicomTLSCipherSuite', 'multi'], ['dcmTLSProtocol', 'multi'], ['dicomInstalled', 'bool'], ['dcmTCPNoDelay', 'bool'],
    ['dcmTCPConnectTimeout', 'number'], ['dcmResponseTimeout', 'number'], ['dcmIdleTimeout', 'number']] },
  dicomNetworkAE: { title: 'Application entities', rdn: 'dicomAETitle', columns: ['dicomAETitle', 'dicomDescription', 'dicomNetworkConnectionReference'], fields: [
    ['dicomAETitle', 'text'], ['dicomDescription', 'text'], ['dicomNetworkConnectionReference', 'multi'],
    ['dicomAssociationAcceptor', 'bool'], ['dicomAssociationInitiator', 'bool'], ['dicomInstalled', 'bool'],
    ['dcmAcceptedCallingAETitle', 'multi'], ['dcmOtherAETitle', 'multi'], ['dcmPreferredTransferSyntax', 'multi'],
    ['dcmObjectStorageID', 'multi'], ['dicomTransferCapability', 'rows', TRANSFER_CAPABILITY],
    ['dcmExportRule', 'rows', AE_EXPORT_RULE]] },
  dcmWebApp: { title: 'Web applications', rdn: 'dcmWebAppName', columns: ['dcmWebAppName', 'dcmWebServicePath', 'dcmWebServiceClass'], fields: [
    ['dcmWebAppName', 'text'], ['dicomDescription', 'text'], ['dcmWebServicePath', 'text'], ['dcmWebServiceClass', 'multi'],
    ['dicomAETitle', 'text'], ['dicomNetworkConnectionReference', 'multi'], ['dcmKeycloakClientID', 'text'],
    ['dcmProperty', 'multi'], ['dicomInstalled', 'bool']] },
  dcmStorage: { title: 'Storage', rdn: 'dcmStorageID', columns: ['dcmStorageID', 'dcmURI', 'dcmInstanceAvailability'], fields: [
    ['dcmStorageID', 'text'], ['dcmURI', 'text'], ['dicomDescription', 'text'], ['dcmDigestAlgorithm', 'text'],
    ['dcmInstanceAvailability', 'enum', AVAILABILITY], ['dcmStoragePathFormat', 'text'],
    ['dcmOnStoragePathAlreadyExists', 'enum', ['RANDOM_PATH', 'NOOP', 'FAILURE']], ['dcmReadOnly', 'bool'],
    ['dcmProperty', 'multi']] },
  dcmQueue: { title: 'Queues', rdn: 'dcmQueueName', columns: ['dcmQueueName', 'dcmMaxRetries', 'dcmSchedule'], fields: [
    ['dcmQueueName', 'text'], ['dicomDescription', 'text'], ['dicomInstalled', 'bool'], ['dcmMaxTasksParallel', 'number'],
    ['dcmMaxRetries', 'number'], ['dcmRetryDelay', 'text'], ['dcmRetryDelayMultiplier', 'number'], ['dcmMaxRetryDelay', 'text'],
    ['dcmRetryOnWarning', 'bool'], ['dcmSchedule', 'multi'], ['dcmPurgeQueueMessageCompletedDelay', 'text']] },
  dcmExporter: { title: 'Exporters', rdn: 'dcmExporterID', columns: ['dcmExporterID', 'dcmURI', 'dcmQueueName', 'dcmSchedule'], fields: [
    ['dcmExporterID', 'text'], ['dcmURI', 'text'], ['dcmQueueName', 'text'], ['dicomAETitle', 'text'],
    ['dicomDescription', 'text'], ['dcmSchedule', 'multi'], ['dcmProperty', 'multi'],
    ['dcmInstanceAvailability', 'enum', AVAILABILITY]] },
  dcmExportRule: { title: 'Export rules', rdn: 'cn', columns: ['cn', 'dcmEntity', 'dcmExporterID', 'dcmProperty'],
    fields: EXPORT_RULE_FIELDS },
};

/** 'Application entities' -> 'application entity', for Add buttons and links. */
export const singular = (title) => title.toLowerCase().replace(/ of this .*$/, '').replace(/ies$/, 'y').replace(/s$/, '');

export const show = (v) => (Array.isArray(v) ? v.join(', ') : v === undefined ? '' : String(v));
