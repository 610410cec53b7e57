// Form text <-> entry JSON (the shape of GET /devices/{name}), without the DOM, so that it
// tests in node. The server validates every entry with the rules of the configuration loader;
// the checks here only catch what cannot even be sent (a missing name, a number that is no
// number), so that the message appears beside the field at once.
//
// Field types: text, number, bool, multi (one value per line), enum (with its values),
// rows (nested entries, such as an AE's transfer capabilities and export rules, edited as rows
// of controls; the third element describes them like a kind).

const INTEGER = /^-?\d+$/;

/** The text a form control shows for a value of the entry. */
export function textOf(type, value) {
  if (value === undefined || value === null) return '';
  if (type === 'bool') return value === true || value === 'TRUE' ? 'TRUE' : 'FALSE';
  if (type === 'multi') return (Array.isArray(value) ? value : [value]).join('\n');
  return String(value);
}

/** One field's text as JSON; throws Error(message) for text that cannot be that type. */
export function valueOf(type, text) {
  const v = typeof text === 'string' ? text.trim() : text;
  if (v === '' || v === undefined || v === null) return undefined;
  switch (type) {
    case 'multi': return v.split('\n').map((s) => s.trim()).filter((s) => s);
    case 'bool':
      if (v !== 'TRUE' && v !== 'FALSE') throw new Error(`'${v}' is not TRUE or FALSE`);
      return v === 'TRUE';
    case 'number':
      if (!INTEGER.test(v)) throw new Error(`'${v}' is not a whole number`);
      return Number(v);
    default: return v;
  }
}

/**
 * The entry to send for the texts of a form. `texts` maps each field to its text, a rows field
 * to a list of { texts, original } per row. Attributes the form does not show are kept from
 * `original` (the entry as read), so that editing never drops them.
 * @returns {{ body: object, errors: Object<string, string> }} errors by attribute name
 */
export function entryOf(spec, texts, original) {
  const body = Object.assign({}, original || {});
  const errors = {};
  for (const [attr, type, extra] of spec.fields) {
    delete body[attr];
    if (type === 'rows') {
      const rows = [];
      for (const row of texts[attr] || []) {
        if (!row.original && Object.values(row.texts).every((t) => !t || !String(t).trim())) continue; // a row left blank
        const r = entryOf(extra, row.texts, row.original);
        for (const [a, m] of Object.entries(r.errors)) errors[attr] ||= `${a}: ${m}`;
        if (Object.keys(r.body).length) rows.push(r.body);
      }
      if (rows.length) body[attr] = rows;
      continue;
    }
    try {
      const v = valueOf(type, texts[attr]);
      if (v !== undefined) body[attr] = v;
    } catch (e) {
      errors[attr] = e.message;
    }
  }
  if (spec.rdn && body[spec.rdn] === undefined && !errors[spec.rdn]) errors[spec.rdn] = 'required';
  return { body, errors };
}

/** The value of a DN's first RDN when it is a cn (a nested entry's name), unescaped; else null. */
export function rowNameOf(dn) {
  const m = /^cn=((?:\\.|[^,\\])*)(,|$)/i.exec(dn || '');
  if (!m) return null;
  return m[1].replace(/\\([0-9a-fA-F]{2}|.)/g, (_, e) => (e.length === 2 ? String.fromCharCode(parseInt(e, 16)) : e));
}

/**
 * Where the server's error about `attribute` of the entry `dn` is shown: the rows field holding
 * the row that the DN names (rowNames: rows field -> names of its rows), else the field itself,
 * else the first rows field whose nested entries have that attribute; null when the form has
 * no such field.
 */
export function fieldFor(spec, attribute, dn, rowNames = {}) {
  if (!attribute) return null;
  const rows = spec.fields.filter(([, type]) => type === 'rows');
  const name = rowNameOf(dn);
  if (name !== null) {
    for (const [attr, , sub] of rows) {
      if ((rowNames[attr] || []).includes(name) && (attr === attribute || sub.fields.some((f) => f[0] === attribute))) return attr;
    }
  }
  if (spec.fields.some(([attr]) => attr === attribute)) return attribute;
  const nested = rows.find(([, , sub]) => sub.fields.some((f) => f[0] === attribute));
  return nested ? nested[0] : null;
}
