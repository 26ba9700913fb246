/** The themes the demo photo generator can draw. */
export type PhotoTheme =
  | 'landscape'
  | 'city'
  | 'market'
  | 'assembly'
  | 'convoy'
  | 'river'
  | 'school'
  | 'field'
  | 'stadium'
  | 'night';

/** One demo article, written for the fictional publication « Le Veilleur ». */
export interface DemoArticle {
  section: 'politique' | 'securite' | 'economie' | 'societe' | 'culture';
  kicker: string;
  title: string;
  standfirst: string;
  body: string;
  signature: string;
  authorEmail: string;
  photo: { theme: PhotoTheme; credit: string; caption: string; alt: string };
  hoursAgo: number;
  updatedHoursAgo?: number;
  tags: string[];
  /** Members who co-sign it, in order (they take precedence over the signature), and an agency. */
  coauthorEmails?: string[];
  agency?: string;
  /** Its dated corrections. */
  corrections?: { text: string; hoursAgo: number }[];
}

/** A newsroom account used by the demo content. */
export interface DemoJournalist {
  email: string;
  name: string;
  role: 'editor' | 'author';
}
