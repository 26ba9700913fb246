import type { Locale } from '../settings/site-settings.ts';
import type { AccountRefusal } from './manage-users.ts';
import type { Role } from './user.table.ts';

/** What the invitation and profile forms can be told is wrong. */
export type UserFormError =
  | 'name-missing'
  | 'name-too-long'
  | 'byline-too-long'
  | 'email-invalid'
  | 'role-invalid'
  | AccountRefusal;

/** What the password form (invitation or reset link) can be told is wrong. */
export type PasswordFormError = 'password-too-short' | 'password-too-long' | 'password-mismatch';

export type UserStatus = 'active' | 'invited' | 'disabled';

const fr = {
  title: 'Utilisateurs',
  intro:
    'Les membres de la rédaction et leur rôle. Un compte désactivé ne peut plus se connecter ; ses articles restent en ligne.',
  roles: {
    admin: 'Administrateur',
    editor: 'Éditeur',
    author: 'Auteur',
    moderator: 'Modérateur',
  } as Record<Role, string>,
  roleHelp: {
    admin: 'tout, y compris les utilisateurs et les réglages du site',
    editor: 'modifie, programme et publie tous les articles, gère les rubriques, modère',
    author: 'écrit ses articles et les soumet à la relecture',
    moderator: 'modère les commentaires des lecteurs',
  } as Record<Role, string>,
  status: {
    active: 'Actif',
    invited: 'Invitation en attente',
    disabled: 'Désactivé',
  } as Record<UserStatus, string>,
  you: 'vous',
  edit: (name: string) => `Modifier ${name}`,
  editShort: 'Modifier',
  inviteTitle: 'Inviter un membre',
  inviteIntro:
    'La personne reçoit par courriel un lien pour choisir son mot de passe ; il est valable 7 jours.',
  name: 'Nom affiché',
  byline: 'Signature des articles',
  bylineHint:
    'Pré-remplie dans les nouveaux articles de la personne. Laissez-la vide pour un compte partagé (« Administrateur », « Desk ») : ses articles ne seront jamais signés de ce nom. À l’invitation, vide signifie le nom pour un auteur ou un éditeur.',
  email: 'Adresse électronique',
  role: 'Rôle',
  invite: 'Envoyer l’invitation',
  save: 'Enregistrer',
  back: 'Tous les utilisateurs',
  created: (when: string) => `Compte créé le ${when}.`,
  linkPending: (when: string) => `Un lien envoyé est valable jusqu’au ${when}.`,
  accessTitle: 'Accès',
  disable: 'Désactiver le compte',
  disableHint: 'La personne est déconnectée tout de suite et ne peut plus se connecter.',
  enable: 'Réactiver le compte',
  enableHint: 'La personne pourra de nouveau se connecter avec son mot de passe.',
  resendInvitation: 'Renvoyer l’invitation',
  sendReset: 'Envoyer un lien pour choisir un nouveau mot de passe',
  linkHint:
    'Le lien part par courriel et remplace les précédents. Si le courriel n’arrive pas, il figure dans la file des courriels.',
  outbox: 'Voir la file des courriels',
  done: {
    invited: 'Invitation envoyée.',
    saved: 'Modifications enregistrées.',
    disabled: 'Compte désactivé : la personne a été déconnectée.',
    enabled: 'Compte réactivé.',
    invitation: 'Nouvelle invitation envoyée ; l’ancien lien ne fonctionne plus.',
    reset: 'Lien envoyé pour choisir un nouveau mot de passe.',
  } as Record<string, string>,
  errorsTitle: 'Rien n’a été modifié :',
  inviteErrorsTitle: 'L’invitation n’a pas été envoyée :',
  errors: {
    'name-missing': 'Indiquez le nom de la personne.',
    'name-too-long': 'Le nom ne doit pas dépasser 100 caractères.',
    'byline-too-long': 'La signature ne doit pas dépasser 100 caractères.',
    'email-invalid': 'L’adresse électronique n’est pas valide.',
    'email-taken': 'Un compte existe déjà pour cette adresse.',
    'role-invalid': 'Choisissez un rôle dans la liste.',
    'not-found': 'Ce compte n’existe plus.',
    self: 'Vous ne pouvez ni changer votre propre rôle ni désactiver votre compte : demandez-le à un autre administrateur.',
    'last-admin':
      'C’est le dernier administrateur actif : donnez ce rôle à quelqu’un d’autre avant.',
    disabled: 'Ce compte est désactivé : réactivez-le d’abord.',
  } as Record<UserFormError, string>,
  // The page a link leads to.
  linkTitle: {
    invitation: 'Bienvenue dans la rédaction',
    'password-reset': 'Nouveau mot de passe',
  },
  linkIntro: (name: string, site: string) =>
    `Bonjour ${name}, choisissez le mot de passe de votre compte sur ${site}.`,
  password: 'Mot de passe',
  passwordConfirm: 'Confirmez le mot de passe',
  passwordHint: (min: number) =>
    `Au moins ${min} caractères. Une phrase facile à retenir convient très bien.`,
  linkSubmit: 'Enregistrer et me connecter',
  passwordErrorsTitle: 'Le mot de passe n’a pas été enregistré :',
  passwordErrors: {
    'password-too-short': 'Le mot de passe est trop court.',
    'password-too-long': 'Le mot de passe ne doit pas dépasser 200 caractères.',
    'password-mismatch': 'Les deux mots de passe ne sont pas identiques.',
  } as Record<PasswordFormError, string>,
  linkDeadTitle: 'Ce lien n’est plus valable',
  linkDeadText:
    'Il a déjà servi ou a expiré, ou le compte a été désactivé. Demandez un nouveau lien à un administrateur de la rédaction.',
  toLogin: 'Aller à la page de connexion',
};

const en: typeof fr = {
  title: 'Users',
  intro:
    'Newsroom members and their roles. A disabled account can no longer sign in; its articles stay online.',
  roles: { admin: 'Admin', editor: 'Editor', author: 'Author', moderator: 'Moderator' },
  roleHelp: {
    admin: 'everything, users and site settings included',
    editor: 'edits, schedules and publishes every article, manages sections, moderates',
    author: 'writes their own articles and submits them for review',
    moderator: 'moderates readers’ comments',
  },
  status: { active: 'Active', invited: 'Invitation pending', disabled: 'Disabled' },
  you: 'you',
  edit: (name) => `Edit ${name}`,
  editShort: 'Edit',
  inviteTitle: 'Invite a member',
  inviteIntro:
    'They receive an email with a link to choose their password; it is valid for 7 days.',
  name: 'Display name',
  byline: 'Article byline',
  bylineHint:
    'Pre-filled in their new articles. Leave it empty for a shared account (“Admin”, “Desk”): its articles will never be signed with that name. When inviting, empty means the name for an author or an editor.',
  email: 'Email address',
  role: 'Role',
  invite: 'Send the invitation',
  save: 'Save',
  back: 'All users',
  created: (when) => `Account created on ${when}.`,
  linkPending: (when) => `A link sent is valid until ${when}.`,
  accessTitle: 'Access',
  disable: 'Disable the account',
  disableHint: 'They are signed out at once and can no longer sign in.',
  enable: 'Enable the account again',
  enableHint: 'They will be able to sign in with their password again.',
  resendInvitation: 'Send the invitation again',
  sendReset: 'Send a link to choose a new password',
  linkHint:
    'The link goes out by email and replaces earlier ones. If the email does not arrive, it is in the mail queue.',
  outbox: 'See the mail queue',
  done: {
    invited: 'Invitation sent.',
    saved: 'Changes saved.',
    disabled: 'Account disabled: they have been signed out.',
    enabled: 'Account enabled again.',
    invitation: 'New invitation sent; the old link no longer works.',
    reset: 'Link sent to choose a new password.',
  },
  errorsTitle: 'Nothing was changed:',
  inviteErrorsTitle: 'The invitation was not sent:',
  errors: {
    'name-missing': 'Give the person’s name.',
    'name-too-long': 'The name must not exceed 100 characters.',
    'byline-too-long': 'The byline must not exceed 100 characters.',
    'email-invalid': 'The email address is not valid.',
    'email-taken': 'An account already exists for this address.',
    'role-invalid': 'Choose a role from the list.',
    'not-found': 'This account no longer exists.',
    self: 'You can neither change your own role nor disable your own account: ask another admin.',
    'last-admin': 'This is the last active admin: give the role to someone else first.',
    disabled: 'This account is disabled: enable it first.',
  },
  linkTitle: { invitation: 'Welcome to the newsroom', 'password-reset': 'New password' },
  linkIntro: (name, site) => `Hello ${name}, choose the password of your account on ${site}.`,
  password: 'Password',
  passwordConfirm: 'Confirm the password',
  passwordHint: (min) => `At least ${min} characters. An easy-to-remember phrase works well.`,
  linkSubmit: 'Save and sign in',
  passwordErrorsTitle: 'The password was not saved:',
  passwordErrors: {
    'password-too-short': 'The password is too short.',
    'password-too-long': 'The password must not exceed 200 characters.',
    'password-mismatch': 'The two passwords differ.',
  },
  linkDeadTitle: 'This link no longer works',
  linkDeadText:
    'It has been used or has expired, or the account was disabled. Ask a newsroom admin for a new link.',
  toLogin: 'Go to the sign-in page',
};

export type UserStrings = typeof fr;

/** The user admin's and account link page's strings for a locale. */
export function userStringsFor(locale: Locale): UserStrings {
  return locale === 'en' ? en : fr;
}
