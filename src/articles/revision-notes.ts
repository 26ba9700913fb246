import type { Locale } from '../settings/site-settings.ts';
import type { Transition } from './article-workflow.ts';

/**
 * What a revision records, stored as a code and worded when shown, so the history reads in the
 * site's language. Revisions written before codes existed hold French text, shown as it is.
 */
export type RevisionNote =
  | 'created'
  | 'saved'
  | 'update-flagged'
  | 'autosave'
  | `restored:${number}`
  | `status:${Transition}`
  | 'scheduled-publish'
  | 'correction-added';

const fr = {
  created: 'Création',
  saved: 'Enregistrement',
  'update-flagged': 'Mise à jour signalée',
  autosave: 'Enregistrement automatique',
  restored: (v: number) => `Restauration de la version ${v}`,
  'scheduled-publish': 'Mis en ligne à l’heure programmée',
  'correction-added': 'Correction ajoutée',
  status: {
    submit: 'Soumis à la relecture',
    withdraw: 'Retiré de la relecture',
    publish: 'Publié',
    schedule: 'Programmé',
    unpublish: 'Dépublié',
    archive: 'Archivé',
    restore: 'Sorti des archives',
  } as Record<Transition, string>,
  robot: 'Publication automatique',
};

const en: typeof fr = {
  created: 'Created',
  saved: 'Saved',
  'update-flagged': 'Update flagged',
  autosave: 'Autosave',
  restored: (v) => `Restored version ${v}`,
  'scheduled-publish': 'Went live at the scheduled time',
  'correction-added': 'Correction added',
  status: {
    submit: 'Submitted for review',
    withdraw: 'Withdrawn from review',
    publish: 'Published',
    schedule: 'Scheduled',
    unpublish: 'Unpublished',
    archive: 'Archived',
    restore: 'Taken out of the archive',
  },
  robot: 'Automatic publishing',
};

// Revisions written before notes were codes hold the French words.
const legacyNotes: Record<string, RevisionNote> = {
  Création: 'created',
  Enregistrement: 'saved',
  'Mise à jour signalée': 'update-flagged',
  'Soumis à la relecture': 'status:submit',
  'Retiré de la relecture': 'status:withdraw',
  Publié: 'status:publish',
  Programmé: 'status:schedule',
  Dépublié: 'status:unpublish',
  Archivé: 'status:archive',
  'Sorti des archives': 'status:restore',
};

/** A revision's note in the site's language. */
export function revisionNoteText(stored: string, locale: Locale): string {
  const t = locale === 'en' ? en : fr;
  const note = legacyNotes[stored] ?? stored;
  if (note === 'created' || note === 'saved' || note === 'update-flagged' || note === 'autosave')
    return t[note];
  if (note === 'scheduled-publish' || note === 'correction-added') return t[note];
  const restored = /^restored:(\d+)$/.exec(note);
  if (restored) return t.restored(Number(restored[1]));
  const status = /^status:(\w+)$/.exec(note)?.[1];
  if (status && status in t.status) return t.status[status as Transition];
  return note;
}

/** Who a revision is by: its editor, or the scheduler for automatic publishing. */
export function revisionAuthorText(editorName: string, locale: Locale): string {
  return editorName || (locale === 'en' ? en : fr).robot;
}
