// Steps on the configuration pages, for e2e.mjs: fill a form, add an entry, and the whole round
// of one kind (add, edit, a wrong value refused beside its field, delete), each through the UI.

export function forms(page, UI, shot) {
  const section = (kind) => `section[aria-labelledby="h-${kind}"]`;

  async function fillForm(values) {
    for (const [attr, v] of Object.entries(values)) {
      const el = page.locator('#f-' + attr);
      if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(v);
      else await el.fill(v);
    }
  }

  /** After Save: the status line of the page shown next ("Added X; configuration reloaded."), or throws with the form's message. */
  async function saved() {
    await page.waitForFunction(() => /^(Added|Saved|Deleted) /.test(document.getElementById('device-status')?.textContent || '')
      || (document.getElementById('form-status')?.textContent || '').length > 0);
    const refused = await page.$eval('#form-status', (e) => e.textContent).catch(() => '');
    if (refused) throw new Error('not saved: ' + refused);
    return page.textContent('#device-status');
  }

  async function openDevice(device) {
    await page.goto(UI + '#/devices/' + encodeURIComponent(device));
    await page.waitForSelector(`h1:text-is("Device ${device}")`);
  }

  async function add(kind, values, shotName, device = 'dcm4chee-arc') {
    await openDevice(device);
    await page.click('#add-' + kind);
    await page.waitForSelector('#entry-form');
    await fillForm(values);
    await shot(shotName);
    await page.click('#save');
    return saved();
  }

  async function edit(kind, id, device = 'dcm4chee-arc') {
    await openDevice(device);
    await page.locator(`${section(kind)} a[aria-label="Edit ${id}"]`).click();
    await page.waitForSelector('#entry-form');
  }

  /** Clicks Delete of an entry and accepts the confirmation; the status line after it. */
  async function remove(kind, id, device = 'dcm4chee-arc') {
    await openDevice(device);
    page.once('dialog', (d) => d.accept());
    await page.locator(`${section(kind)} button[data-delete="${id}"]`).click();
    return saved();
  }

  /** A wrong value typed into the form of an entry: the message shown beside the field, and what is focused. */
  async function refused(kind, id, attr, value, shotName, device = 'dcm4chee-arc') {
    await edit(kind, id, device);
    await fillForm({ [attr]: value });
    await page.click('#save');
    await page.waitForFunction((a) => document.getElementById('e-' + a).textContent.length > 0, attr);
    await shot(shotName);
    return { message: await page.textContent('#e-' + attr),
      focused: await page.evaluate(() => document.activeElement.id + ' ' + document.activeElement.getAttribute('aria-invalid')) };
  }

  /** The entry as the REST API reads it from LDAP now. */
  const stored = (device, kind, id) => page.evaluate(async (path) => (await fetch('/dcm4chee-arc/devices/' + path,
    { headers: { Authorization: sessionStorage.getItem('arca.auth') } })).json(), `${device}/${kind}/${encodeURIComponent(id)}`);

  /** Add, edit, a wrong value, delete: what each step showed. */
  async function round(kind, id, { device = 'dcm4chee-arc', added, changed, wrong: [attr, value] }) {
    const r = { added: await add(kind, added, `crud-${kind}-add`, device) };
    await edit(kind, id, device);
    await fillForm(changed);
    await shot(`crud-${kind}-edit`);
    await page.click('#save');
    r.edited = await saved();
    r.listed = await page.locator(`${section(kind)} tbody tr`, { hasText: id }).first().textContent();
    r.wrong = (await refused(kind, id, attr, value, `crud-${kind}-wrong`, device)).message;
    r.stored = await stored(device, kind, id);
    r.deleted = await remove(kind, id, device);
    r.listedAfterDelete = await page.locator(`${section(kind)} tbody tr`, { hasText: id }).count();
    return r;
  }

  return { fillForm, saved, openDevice, add, edit, remove, refused, stored, round, section };
}
