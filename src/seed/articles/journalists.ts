import type { DemoJournalist } from './types.ts';

/**
 * Newsroom accounts of the fictional daily « Le Veilleur ».
 * Every person and address here is invented.
 */
export const demoJournalists: DemoJournalist[] = [
  { email: 'rokia.sanogo@leveilleur.example', name: 'Rokia Sanogo-Wendé', role: 'editor' },
  { email: 'boubacar.tounkara@leveilleur.example', name: 'Boubacar Tounkara-Issa', role: 'author' },
  { email: 'hawa.diabate@leveilleur.example', name: 'Hawa Diabaté-Moussa', role: 'author' },
  { email: 'ousmane.kere@leveilleur.example', name: 'Ousmane Kéré Labo', role: 'author' },
  { email: 'redaction@leveilleur.example', name: 'La Rédaction', role: 'editor' },
];
