// The one list for every kind of entry: a table of the kind's columns, with an Edit link and a
// Delete button per entry for role admin, and an Add link above it.
import { h, table } from './dom.js';
import { show, singular } from './kinds.js';

/**
 * @param {object} o
 * @param {string} o.id names the section (h-ID heading, add-ID link)
 * @param {object} o.spec the kind's description
 * @param {object[]} o.items the entries
 * @param {boolean} o.canEdit role admin
 * @param {string} o.addHref where Add goes
 * @param {(item: object) => string} o.hrefOf where an entry's name links to, and its Edit link
 * @param {(item: object) => string} [o.editHrefOf] where its Edit link goes, if elsewhere
 * @param {(item: object) => Promise<void>} o.remove deletes an entry (after the user confirmed)
 * @param {(item: object) => boolean} [o.removable] false hides Delete for an entry
 */
export function entryList({ id, spec, items, canEdit, addHref, hrefOf, editHrefOf, remove, removable }) {
  const name = (item) => item[spec.rdn];
  const rows = items.map((item) => [
    ...spec.columns.map((col, i) => (i === 0 ? h('td', {}, h('a', { href: hrefOf(item) }, show(item[col]))) : show(item[col]))),
    canEdit ? h('td', {},
      h('a', { href: (editHrefOf || hrefOf)(item), 'aria-label': 'Edit ' + name(item) }, 'Edit'), ' ',
      removable && !removable(item) ? null : h('button', { type: 'button', 'aria-label': 'Delete ' + name(item),
        'data-delete': name(item), onclick: () => { if (confirm(`Delete ${name(item)}?`)) remove(item); } }, 'Delete')) : '']);
  return h('section', { 'aria-labelledby': 'h-' + id },
    h('h2', { id: 'h-' + id }, spec.title + ' (' + items.length + ')'),
    canEdit ? h('a', { href: addHref, id: 'add-' + id }, 'Add ' + singular(spec.title)) : null,
    table([...spec.columns, ''], rows));
}
