import { signIn } from './api.js';
import { h, page, message } from './dom.js';

export function signInPage() {
  const status = h('p', { role: 'alert' });
  const user = h('input', { id: 'signin-user', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { id: 'signin-password', name: 'password', type: 'password',
    autocomplete: 'current-password', required: true });
  const form = h('form', { class: 'entry', id: 'signin', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await signIn(user.value, password.value);
      if (location.hash === '#/devices') window.dispatchEvent(new HashChangeEvent('hashchange'));
      else location.hash = '#/devices';
    } catch (err) {
      message(status, err.status === 401 ? 'Wrong user name or password.' : 'Sign-in failed: ' + err.message);
    }
  } },
  h('label', { for: 'signin-user' }, 'User'), user, h('span'),
  h('label', { for: 'signin-password' }, 'Password'), password, h('span'),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Sign in')));
  page('Sign in', form, status);
  user.focus();
}
