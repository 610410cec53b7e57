// The web UI end to end in Debian's headless chromium, driven by playwright-core (no browser
// download). Run by org.arca.it.ui.UiIT, which gives the settings below as environment variables,
// checks LDAP afterwards and cleans up. Prints one JSON line of findings; exits 1 on a failed step.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const env = (k) => { if (!process.env[k]) throw new Error('missing ' + k); return process.env[k]; };
const UI = env('ARCA_UI');                 // http://127.0.0.1:8080/dcm4chee-arc/ui2/
const SHOTS = env('ARCA_SCREENSHOTS');
const FILES = env('ARCA_UPLOAD').split(':'); // two DICOM files of one fresh study
const STUDY = env('ARCA_STUDY');
const CONNECTION = 'cn=dicom,dicomDeviceName=dcm4chee-arc,cn=Devices,cn=DICOM Configuration,dc=dcm4che,dc=org';
mkdirSync(SHOTS, { recursive: true });
const found = {};
const step = (name) => { process.stderr.write('e2e: ' + name + '\n'); };

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
page.setDefaultTimeout(30000);
const elsewhere = new Set(); // every request must go to the archive itself
page.on('request', (r) => { const u = new URL(r.url()); if (u.origin !== new URL(UI).origin && u.protocol !== 'data:') elsewhere.add(u.origin); });
const shot = (name) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
const device = UI + '#/devices/dcm4chee-arc';

async function signIn(user, password) {
  await page.goto(UI + '#/signin');
  await page.fill('#signin-user', user);
  await page.fill('#signin-password', password);
  await shot('signin-' + user);
  await page.press('#signin-password', 'Enter'); // the keyboard is enough
  await page.waitForSelector('#nav:not([hidden])');
}

async function fillForm(values) {
  for (const [attr, v] of Object.entries(values)) {
    const el = page.locator('#f-' + attr);
    if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(v);
    else await el.fill(v);
  }
}

async function add(kind, values, shotName) {
  await page.goto(device);
  await page.click('#add-' + kind);
  await page.waitForSelector('#entry-form');
  await fillForm(values);
  await shot(shotName);
  await page.click('#save');
  await page.waitForSelector('#h-' + kind);
}

try {
  step('sign in as admin');
  await signIn('admin', env('ARCA_ADMIN_PASSWORD'));
  await page.goto(UI + '#/devices');
  await page.waitForSelector('a[href="#/devices/dcm4chee-arc"]');
  await shot('devices');

  step('add an exporter with a schedule');
  await add('dcmExporter', { dcmExporterID: 'UI-NIGHTLY', dcmURI: 'dicom:STORESCP', dcmQueueName: 'Export3',
    dicomAETitle: 'DCM4CHEE', dcmSchedule: 'hour=18-6 dayOfWeek=*' }, 'exporter-form');
  found.exporterRow = await page.locator('td', { hasText: 'UI-NIGHTLY' }).count();

  step('add the S3 storage descriptor of seed 000');
  await add('dcmStorage', { dcmStorageID: 'ui-amazon-s3', dcmURI: 'jclouds:aws-s3:https://arca-ui-bucket',
    dcmDigestAlgorithm: 'MD5', dcmInstanceAvailability: 'ONLINE', dcmProperty: ['container=arca-ui-bucket',
      'jclouds.s3.virtual-host-buckets=true', 'credential=ui-secret-key', 'identity=ui-access-key',
      'jclouds.strip-expect-header=true', 'containerExists=true', 'jclouds.relax-hostname=true'].join('\n') }, 'storage-form');
  found.storageRow = await page.locator('td', { hasText: 'ui-amazon-s3' }).count();
  found.secretShown = (await page.content()).includes('ui-secret-key');

  step('add a file storage and an exporter to it, to export to');
  await add('dcmStorage', { dcmStorageID: 'ui-copy', dcmURI: env('ARCA_COPY_URI') }, 'storage-file-form');
  await add('dcmExporter', { dcmExporterID: 'UI-COPY', dcmURI: 'storage:ui-copy', dcmQueueName: 'Export2' }, 'exporter-copy-form');
  await shot('device');

  step('add an AE with a transfer capability, as a row of its form, by keyboard');
  await page.goto(device);
  await page.click('#add-dicomNetworkAE');
  await page.waitForSelector('#entry-form');
  await fillForm({ dicomAETitle: 'UI-AE', dicomDescription: 'added by the UI test', dicomNetworkConnectionReference: CONNECTION,
    dicomAssociationAcceptor: 'TRUE' });
  await page.focus('#add-row-dicomTransferCapability');
  await page.keyboard.press('Enter'); // a new row, its first field focused
  await page.keyboard.type('UI Echo SCP');
  await page.fill('#f-dicomTransferCapability-0-dicomSOPClass', '1.2.840.10008.1.1');
  await page.selectOption('#f-dicomTransferCapability-0-dicomTransferRole', 'SCP');
  await page.fill('#f-dicomTransferCapability-0-dicomTransferSyntax', '1.2.840.10008.1.2\n1.2.840.10008.1.2.1');
  await shot('ae-form');
  await page.click('#save');
  await page.waitForSelector('#h-dicomNetworkAE');
  found.aeRow = await page.locator('#h-dicomNetworkAE + a + table td', { hasText: 'UI-AE' }).count();

  step('a transfer capability without a transfer syntax: the server says so beside the rows');
  await page.goto(device + '/dicomNetworkAE/edit/UI-AE');
  await page.waitForSelector('#f-dicomTransferCapability-0-cn');
  await page.click('#add-row-dicomTransferCapability');
  await page.fill('#f-dicomTransferCapability-1-cn', 'UI Broken');
  await page.fill('#f-dicomTransferCapability-1-dicomSOPClass', '1.2.840.10008.1.1');
  await page.selectOption('#f-dicomTransferCapability-1-dicomTransferRole', 'SCU');
  await page.click('#save');
  await page.waitForFunction(() => document.getElementById('e-dicomTransferCapability').textContent.length > 0);
  found.rowError = await page.textContent('#e-dicomTransferCapability');
  found.rowFocused = await page.evaluate(() => document.activeElement.id + ' ' + document.activeElement.getAttribute('aria-invalid'));
  await shot('ae-wrong-row');

  step('add an export rule');
  await add('dcmExportRule', { cn: 'UI-RULE', dcmEntity: 'Study', dcmExporterID: 'UI-NIGHTLY', dcmProperty: 'Modality=XA',
    dcmDuration: 'PT1M' }, 'export-rule-form');
  found.ruleRow = await page.locator('#h-dcmExportRule + a + table td', { hasText: 'UI-RULE' }).count();

  step('add a device, see it listed, delete it');
  await page.goto(UI + '#/devices');
  await page.click('#add-device');
  await page.waitForSelector('#entry-form');
  await fillForm({ dicomDeviceName: 'ui-modality', dicomDescription: 'a modality added by the UI test', dicomInstalled: 'TRUE' });
  await shot('device-form');
  await page.click('#save');
  await page.waitForSelector('h1:text-is("Device ui-modality")');
  await page.goto(UI + '#/devices');
  await page.waitForSelector('a[href="#/devices/ui-modality"]');
  found.deviceAdded = true;
  await page.click('a[href="#/devices/ui-modality/edit"]');
  await page.waitForSelector('#f-dicomDescription');
  await fillForm({ dicomDescription: 'edited by the UI test', dicomStationName: 'UI-STATION' });
  await shot('device-edit-form');
  await page.click('#save');
  await page.waitForSelector('h1:text-is("Device ui-modality")');
  found.deviceEdited = await page.textContent('main p:has(#edit-device)');
  await page.goto(UI + '#/devices');
  await page.waitForSelector('a[href="#/devices/ui-modality"]');
  await shot('devices-added');
  page.once('dialog', (d) => d.accept());
  await page.click('button[data-delete="ui-modality"]');
  await page.waitForFunction(() => /Deleted ui-modality/.test(document.getElementById('device-status').textContent));
  found.deviceListedAfterDelete = await page.locator('a[href="#/devices/ui-modality"]').count();
  found.runningDeviceDeletable = await page.locator('button[data-delete="dcm4chee-arc"]').count();

  step('a wrong value is refused with the server message beside the field');
  await page.goto(device + '/dcmExporter/edit/UI-NIGHTLY');
  await page.waitForSelector('#f-dcmSchedule');
  await page.fill('#f-dcmSchedule', 'hour=25 dayOfWeek=*');
  await page.click('#save');
  await page.waitForFunction(() => document.getElementById('e-dcmSchedule').textContent.length > 0);
  found.fieldError = await page.textContent('#e-dcmSchedule');
  await shot('exporter-wrong-value');

  step('upload two files with STOW-RS');
  await page.goto(UI + '#/studies');
  await page.waitForSelector('#upload-files');
  await page.setInputFiles('#upload-files', FILES);
  await page.click('#upload button[type=submit]');
  await page.waitForFunction(() => /HTTP \d+/.test(document.getElementById('upload-status').textContent));
  found.upload = await page.textContent('#upload-status');
  found.progress = await page.getAttribute('#upload-progress', 'value');
  await page.fill('#q-StudyInstanceUID', STUDY);
  await page.press('#q-StudyInstanceUID', 'Enter');
  await page.waitForSelector(`a[href="#/studies/${STUDY}"]`);
  await shot('studies');

  step('export the study');
  await page.click(`a[href="#/studies/${STUDY}"]`);
  await page.waitForSelector('#exporter');
  found.instancesListed = await page.locator('main table tbody tr').count();
  await page.selectOption('#exporter', 'UI-COPY');
  await page.click('#export button[type=submit]');
  await page.waitForFunction(() => /Export task \d+/.test(document.getElementById('export-status').textContent));
  found.exportStatus = await page.textContent('#export-status');
  await shot('study');

  step('watch the task reach COMPLETED in the monitor');
  await page.goto(UI + '#/monitor');
  await page.fill('#filter-StudyInstanceUID', STUDY);
  await page.press('#filter-StudyInstanceUID', 'Enter');
  await page.waitForSelector('td[data-task].COMPLETED', { timeout: 60000 }); // the page refreshes every 5 s
  found.monitorCompleted = true;
  await page.waitForSelector('#activity-chart polyline.line-received');
  // the chart and the task list are fetched side by side: the task may have completed between them
  await page.waitForFunction(() => Number(document.getElementById('activity-chart').getAttribute('data-exported')) >= 2,
    null, { timeout: 20000 }).catch(() => {});
  found.chartReceived = Number(await page.getAttribute('#activity-chart', 'data-received'));
  found.chartExported = Number(await page.getAttribute('#activity-chart', 'data-exported'));
  found.activityPoints = (await page.getAttribute('#activity-chart polyline.line-received', 'points')).split(' ').length;
  if (found.chartExported < 2) { // what the archive says, to tell a clock or time zone mismatch from a slow refresh
    found.diagnostics = await page.evaluate(async (study) => {
      const get = async (p) => (await fetch('/dcm4chee-arc' + p, { headers: { Authorization: sessionStorage.getItem('arca.auth') } })).json();
      const a = await get('/monitor/activity?hours=48');
      return { tasks: await get('/monitor/export?StudyInstanceUID=' + study), clock: await get('/monitor/clock'),
        activityTo: a.to, busyMinutes: a.minutes.filter((m) => m.received || m.exportTasks) };
    }, STUDY);
  }
  await shot('monitor');

  step('storage and health pages');
  await page.goto(UI + '#/storage');
  await page.waitForSelector('h1:text("Storage")');
  await shot('storage');
  await page.goto(UI + '#/health');
  await page.waitForSelector('td.UP');
  await shot('health');

  step('sign in as a user: configuration read-only, writes refused');
  await page.click('#signout');
  await signIn(env('ARCA_VIEWER'), env('ARCA_VIEWER_PASSWORD'));
  await page.goto(device);
  await page.waitForSelector('#readonly');
  found.viewerAddLinks = await page.locator('[id^=add-]').count();
  await shot('device-read-only');
  await page.goto(device + '/dcmExporter/edit/UI-NIGHTLY');
  await page.waitForSelector('#f-dcmURI[disabled]');
  found.viewerSaveButtons = await page.locator('#save').count();
  await shot('exporter-read-only');
  found.viewerPut = await page.evaluate(async () => (await fetch('/dcm4chee-arc/devices/dcm4chee-arc/dcmExporter/UI-NIGHTLY', {
    method: 'PUT', headers: { Authorization: sessionStorage.getItem('arca.auth'), 'Content-Type': 'application/json' },
    body: JSON.stringify({ dcmExporterID: 'UI-NIGHTLY', dcmURI: 'dicom:STORESCP', dcmQueueName: 'Export1' }) })).status);
  found.viewerAddDevice = await page.evaluate(async () => (await fetch('/dcm4chee-arc/devices', {
    method: 'POST', headers: { Authorization: sessionStorage.getItem('arca.auth'), 'Content-Type': 'application/json' },
    body: JSON.stringify({ dicomDeviceName: 'ui-viewer-device' }) })).status);
  found.viewerReload = await page.evaluate(async () => (await fetch('/dcm4chee-arc/ctrl/reload', {
    method: 'POST', headers: { Authorization: sessionStorage.getItem('arca.auth') } })).status);
  await page.goto(UI + '#/monitor');
  await page.waitForSelector('#counts span');
  found.viewerRetryButton = await page.locator('#retry-failed').count();
  await shot('monitor-read-only');
  found.elsewhere = [...elsewhere];
  console.log(JSON.stringify(found));
} catch (e) {
  await shot('failure').catch(() => {});
  console.log(JSON.stringify(Object.assign(found, { error: String(e) })));
  process.exitCode = 1;
} finally {
  await browser.close();
}
