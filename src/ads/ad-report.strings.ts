import type { Locale } from '../settings/site-settings.ts';
import type { CampaignPhase } from './ad-report.ts';

// French groups thousands with a narrow no-break space and keeps « 1,25 % » on one line
// (a no-break space before %): Intl knows how.
const frNumber = new Intl.NumberFormat('fr-FR');
const frPercent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
const frRate = new Intl.NumberFormat('fr-FR', {
  style: 'percent',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const frDay = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const frWeekday = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', weekday: 'short' });
const frDate = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const frShortDay = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
});

const enNumber = new Intl.NumberFormat('en-GB');
const enPercent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 });
const enRate = new Intl.NumberFormat('en-GB', {
  style: 'percent',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const enDay = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const enWeekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short' });
const enDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const enShortDay = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
});

// A newsroom day (YYYY-MM-DD) is a calendar date, not an instant: read it at noon UTC.
const noon = (day: string) => new Date(`${day}T12:00:00Z`);

const fr = {
  number: (n: number) => frNumber.format(n),
  percent: (share: number) => frPercent.format(share),
  rate: (rate: number | null) => (rate === null ? '—' : frRate.format(rate)),
  day: (day: string) => frDay.format(noon(day)),
  shortDay: (day: string) => frShortDay.format(noon(day)),
  weekday: (day: string) => frWeekday.format(noon(day)),
  dateOnly: (day: string) => frDate.format(noon(day)),
  title: (name: string) => `Rapport : ${name}`,
  heading: 'Rapport de campagne',
  advertiser: 'Annonceur',
  dates: 'Dates',
  fromTo: (start: string, end: string) => `du ${start} au ${end}`,
  fromOpen: (start: string) => `à partir du ${start}, sans date de fin`,
  slots: 'Emplacements',
  noSlots: 'aucun',
  sections: 'Rubriques',
  allSections: 'toutes les rubriques et l’accueil',
  noSections: 'aucune',
  status: 'État',
  phases: {
    draft: 'Brouillon',
    scheduled: 'Programmée',
    running: 'En cours',
    paused: 'En pause',
    ended: 'Terminée',
  } as Record<CampaignPhase, string>,
  asOf: (when: string) => `Chiffres au ${when}. Ceux du jour sont provisoires.`,
  timeZone: (zone: string) => `Les jours sont comptés à l’heure de la rédaction (${zone}).`,
  totals: 'Totaux',
  impressions: 'Impressions',
  clicks: 'Clics',
  ctr: 'Taux de clic',
  delivery: 'Livraison',
  deliveredShare: (share: string) => `${share} livré`,
  elapsedShare: (share: string) => `${share} du temps écoulé`,
  meterDelivered: 'Livré',
  meterElapsed: 'Temps écoulé',
  totalCap: 'Objectif total',
  deliveredOf: (done: string, cap: string) => `${done} impressions sur ${cap}`,
  expected: (n: string) =>
    `À un rythme régulier sur toute la période, ${n} impressions auraient été livrées à ce jour.`,
  noTotalCap: 'Pas d’objectif total : la livraison n’est pas plafonnée.',
  noEnd: 'Sans date de fin, le temps écoulé ne se mesure pas.',
  notStarted: 'La campagne n’a pas encore commencé.',
  dailyCap: 'Plafond quotidien',
  dailyCapLine: (cap: string, hit: number, days: number) =>
    `${cap} impressions par jour, atteint ${hit} ${hit > 1 ? 'jours' : 'jour'} sur ${days}`,
  underDelivery: (delivered: string, expected: string) =>
    `Sous-livraison : ${delivered} impressions, moins de 80 % des ${expected} qu’un rythme régulier aurait atteintes à ce jour.`,
  byDay: 'Jour par jour',
  date: 'Date',
  total: 'Total',
  noDays: 'Aucun jour à montrer : la campagne n’a pas commencé.',
  tableLabel: 'Impressions et clics par jour',
  chartTitle: (name: string) => `Impressions et clics par jour, campagne « ${name} »`,
  chartDesc: (first: string, last: string, impressions: string, clicks: string, peak: string) =>
    `Du ${first} au ${last} : ${impressions} impressions et ${clicks} clics au total ; ${peak}. Les chiffres de chaque jour sont dans le tableau qui suit.`,
  chartPeak: (n: string, day: string) => `au plus ${n} impressions, le ${day}`,
  chartImpressions: 'Impressions par jour',
  chartClicks: 'Clics par jour',
  chartBar: (day: string, impressions: string, clicks: string) =>
    `${day} : ${impressions} impressions, ${clicks} clics`,
  back: '← La campagne',
  csv: 'Télécharger le tableau (CSV, pour Excel)',
  advertiserLink: 'Lien du rapport de l’annonceur',
  advertiserLinkHint:
    'Page en lecture seule, sans connexion : toute personne qui a le lien la voit. Ne le transmettez qu’à l’annonceur.',
  reportFor: (advertiser: string) => `Rapport établi pour ${advertiser}`,
  preparedBy: (site: string, when: string) => `${site} — rapport établi le ${when}.`,
  contact: 'Contact :',
  // The dashboard's block
  ads: 'Publicité',
  endingSoon: 'Campagnes qui se terminent dans les 7 jours',
  endingSoonEmpty: 'Aucune campagne ne se termine dans les 7 jours.',
  endsAt: (when: string) => `fin le ${when}`,
  lagging: 'Campagnes en sous-livraison',
  laggingEmpty: 'Aucune campagne en sous-livraison.',
  laggingLine: (delivered: string, expected: string) =>
    `${delivered} impressions livrées, ${expected} attendues à ce jour`,
  report: 'rapport',
};

export type AdReportStrings = typeof fr;

const en: AdReportStrings = {
  number: (n) => enNumber.format(n),
  percent: (share) => enPercent.format(share),
  rate: (rate) => (rate === null ? '—' : enRate.format(rate)),
  day: (day) => enDay.format(noon(day)),
  shortDay: (day) => enShortDay.format(noon(day)),
  weekday: (day) => enWeekday.format(noon(day)),
  dateOnly: (day) => enDate.format(noon(day)),
  title: (name) => `Report: ${name}`,
  heading: 'Campaign report',
  advertiser: 'Advertiser',
  dates: 'Dates',
  fromTo: (start, end) => `from ${start} to ${end}`,
  fromOpen: (start) => `from ${start}, with no end date`,
  slots: 'Slots',
  noSlots: 'none',
  sections: 'Sections',
  allSections: 'every section and the home page',
  noSections: 'none',
  status: 'Status',
  phases: {
    draft: 'Draft',
    scheduled: 'Scheduled',
    running: 'Running',
    paused: 'Paused',
    ended: 'Ended',
  },
  asOf: (when) => `Figures as of ${when}. Today’s are provisional.`,
  timeZone: (zone) => `Days are counted in the newsroom’s time zone (${zone}).`,
  totals: 'Totals',
  impressions: 'Impressions',
  clicks: 'Clicks',
  ctr: 'Click-through rate',
  delivery: 'Delivery',
  deliveredShare: (share) => `${share} delivered`,
  elapsedShare: (share) => `${share} of the time elapsed`,
  meterDelivered: 'Delivered',
  meterElapsed: 'Time elapsed',
  totalCap: 'Total goal',
  deliveredOf: (done, cap) => `${done} impressions of ${cap}`,
  expected: (n) =>
    `At an even pace over the whole period, ${n} impressions would have been delivered by now.`,
  noTotalCap: 'No total goal: delivery is not capped.',
  noEnd: 'With no end date, the elapsed time cannot be measured.',
  notStarted: 'The campaign has not started yet.',
  dailyCap: 'Daily cap',
  dailyCapLine: (cap, hit, days) =>
    `${cap} impressions a day, reached on ${hit} ${hit === 1 ? 'day' : 'days'} of ${days}`,
  underDelivery: (delivered, expected) =>
    `Under-delivering: ${delivered} impressions, less than 80% of the ${expected} an even pace would have reached by now.`,
  byDay: 'Day by day',
  date: 'Date',
  total: 'Total',
  noDays: 'No day to show: the campaign has not started.',
  tableLabel: 'Impressions and clicks per day',
  chartTitle: (name) => `Impressions and clicks per day, campaign “${name}”`,
  chartDesc: (first, last, impressions, clicks, peak) =>
    `From ${first} to ${last}: ${impressions} impressions and ${clicks} clicks in all; ${peak}. Each day’s figures are in the table that follows.`,
  chartPeak: (n, day) => `at most ${n} impressions, on ${day}`,
  chartImpressions: 'Impressions per day',
  chartClicks: 'Clicks per day',
  chartBar: (day, impressions, clicks) => `${day}: ${impressions} impressions, ${clicks} clicks`,
  back: '← The campaign',
  csv: 'Download the table (CSV, for Excel)',
  advertiserLink: 'The advertiser’s report link',
  advertiserLinkHint:
    'A read-only page, no sign-in: anyone with the link can see it. Give it to the advertiser only.',
  reportFor: (advertiser) => `Report prepared for ${advertiser}`,
  preparedBy: (site, when) => `${site} — report prepared on ${when}.`,
  contact: 'Contact:',
  ads: 'Advertising',
  endingSoon: 'Campaigns ending within 7 days',
  endingSoonEmpty: 'No campaign ends within 7 days.',
  endsAt: (when) => `ends on ${when}`,
  lagging: 'Under-delivering campaigns',
  laggingEmpty: 'No campaign is under-delivering.',
  laggingLine: (delivered, expected) =>
    `${delivered} impressions delivered, ${expected} expected by now`,
  report: 'report',
};

/** The ad report pages' strings and number formats for a locale. */
export function adReportStringsFor(locale: Locale): AdReportStrings {
  return locale === 'en' ? en : fr;
}
