import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'node-html-parser';
import { Field, fieldErrors, SelectField, TextareaField } from '../src/admin/field.tsx';

const render = async (el: unknown) => parse(String(await (el as Promise<string> | string)));

describe('newsroom form fields', () => {
  test('a valid field binds its label and hint, and is not marked invalid', async () => {
    const doc = await render(
      Field({
        id: 'f-name',
        label: 'Nom',
        hint: 'Une ligne',
        hintId: 'aide-name',
        ...fieldErrors([] as string[], (e) => e)('name'),
        input: { name: 'name', type: 'text', value: 'Awa' },
      }),
    );
    assert.equal(doc.querySelector('label')?.getAttribute('for'), 'f-name');
    const input = doc.querySelector('input#f-name')!;
    assert.equal(input.getAttribute('aria-invalid'), undefined);
    assert.equal(input.getAttribute('aria-describedby'), 'aide-name');
    assert.equal(doc.querySelector('#aide-name')?.text, 'Une ligne');
    assert.equal(doc.querySelector('.field-error'), null);
  });

  test('an invalid field is described by its error, then its hint, and keeps the value escaped', async () => {
    const hostile = '"><script>alert(1)</script>';
    const err = fieldErrors(['name-missing', 'name-long', 'slug-bad'], (e) => `«${e}»`);
    const html = String(
      await Field({
        id: 'f-name',
        label: 'Nom',
        hint: 'Une ligne',
        hintId: 'aide-name',
        ...err('name'),
        input: { name: 'name', type: 'text', value: hostile },
      }),
    );
    assert.ok(!html.includes('<script>'), html);
    const doc = parse(html);
    const input = doc.querySelector('input#f-name')!;
    assert.equal(input.getAttribute('value'), hostile);
    assert.equal(input.getAttribute('aria-invalid'), 'true');
    assert.equal(input.getAttribute('aria-describedby'), 'erreur-name aide-name');
    assert.equal(doc.querySelector('#erreur-name')?.text, '«name-missing» «name-long»');
    assert.equal(doc.querySelectorAll('.field-error').length, 1);
  });

  test('a field the summary names is invalid without an error of its own', async () => {
    const doc = await render(
      TextareaField({
        id: 'f-intro',
        label: 'Chapô',
        invalid: true,
        textarea: { name: 'intro', rows: 3 },
        value: '</textarea><b>x</b>',
      }),
    );
    const area = doc.querySelector('textarea#f-intro')!;
    assert.equal(area.getAttribute('aria-invalid'), 'true');
    assert.equal(area.getAttribute('aria-describedby'), undefined);
    assert.equal(area.text, '</textarea><b>x</b>');
    assert.equal(doc.querySelector('b'), null);
  });

  test('a select is labelled and holds its options', async () => {
    const doc = await render(
      SelectField({
        id: 'f-locale',
        label: 'Langue',
        error: 'Choisissez.',
        errorId: 'erreur-locale',
        select: { name: 'locale' },
        children: ['fr', 'en'].map((l) => `${l}`),
      }),
    );
    const select = doc.querySelector('select#f-locale')!;
    assert.equal(select.getAttribute('aria-describedby'), 'erreur-locale');
    assert.equal(select.getAttribute('aria-invalid'), 'true');
    assert.equal(select.text, 'fren');
    assert.equal(doc.querySelector('label')?.getAttribute('for'), 'f-locale');
  });
});
