import type { Kysely, Transaction } from 'kysely';
import type {
  AdCampaignSectionTable,
  AdCampaignSlotTable,
  AdCampaignTable,
  AdClickMarkTable,
  AdSlotStatTable,
  AdSlotTable,
  AdStatTable,
  AdvertiserTable,
} from '../ads/ad.table.ts';
import type {
  ArticleRevisionTable,
  ArticleTable,
  ArticleCoauthorTable,
  ArticleTagTable,
} from '../articles/article.table.ts';
import type { SiteAlertTable } from '../alerts/alert.table.ts';
import type { ArticleCorrectionTable } from '../corrections/correction.table.ts';
import type { ArticleViewTable } from '../articles/article-views.table.ts';
import type { CdnPurgeCursorTable } from '../cdn/cdn-purge.table.ts';
import type { ContentChangeTable, ContentVersionTable } from '../cache/content-version.table.ts';
import type { CommentTable } from '../comments/comment.table.ts';
import type { CommentReportTable } from '../comments/comment-report.table.ts';
import type { CommentRuleVerdictTable } from '../moderation/rules/rule-verdict.table.ts';
import type { ModerationEventTable } from '../moderation/moderation-event.table.ts';
import type {
  ClassifierLeaseTable,
  CommentScoreTable,
  ModerationModelTable,
} from '../moderation/classifier/classifier.table.ts';
import type { OutboxTable } from '../mail/outbox.table.ts';
import type { MediaTable } from '../media/media.table.ts';
import type { SectionSlugRedirectTable, SectionTable } from '../sections/section.table.ts';
import type { ArticleRelatedTable } from '../search/search.table.ts';
import type { SettingTable } from '../settings/setting.table.ts';
import type { LiveEntryTable } from '../live/live.table.ts';
import type {
  NewsletterDeliveryTable,
  NewsletterEditionTable,
  NewsletterSubscriberTable,
} from '../newsletter/newsletter.table.ts';
import type { RateLimitTable } from '../http/rate-limit.table.ts';
import type { RedirectTable } from '../redirects/redirect.table.ts';
import type { WordPressImportTable } from '../wordpress/wordpress.table.ts';
import type { ShortLinkVisitTable } from '../whatsapp/short-link.table.ts';
import type {
  AccountLinkTable,
  LoginAttemptTable,
  SessionTable,
  UserTable,
} from '../users/user.table.ts';

/** Every table of the schema, as Kysely sees it; each feature owns its table types. */
export interface Database {
  sections: SectionTable;
  articles: ArticleTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  media: MediaTable;
  settings: SettingTable;
  content_versions: ContentVersionTable;
  content_changes: ContentChangeTable;
  cdn_purge_cursors: CdnPurgeCursorTable;
  comments: CommentTable;
  moderation_events: ModerationEventTable;
  outbox: OutboxTable;
  article_revisions: ArticleRevisionTable;
  article_tags: ArticleTagTable;
  article_corrections: ArticleCorrectionTable;
  article_coauthors: ArticleCoauthorTable;
  section_slug_redirects: SectionSlugRedirectTable;
  account_links: AccountLinkTable;
  ad_slots: AdSlotTable;
  advertisers: AdvertiserTable;
  ad_campaigns: AdCampaignTable;
  ad_campaign_slots: AdCampaignSlotTable;
  ad_campaign_sections: AdCampaignSectionTable;
  ad_stats: AdStatTable;
  ad_slot_stats: AdSlotStatTable;
  ad_click_marks: AdClickMarkTable;
  article_related: ArticleRelatedTable;
  short_link_visits: ShortLinkVisitTable;
  site_alerts: SiteAlertTable;
  article_views: ArticleViewTable;
  comment_rule_verdicts: CommentRuleVerdictTable;
  comment_reports: CommentReportTable;
  moderation_models: ModerationModelTable;
  comment_scores: CommentScoreTable;
  moderation_classifier_lease: ClassifierLeaseTable;
  live_entries: LiveEntryTable;
  newsletter_subscribers: NewsletterSubscriberTable;
  newsletter_editions: NewsletterEditionTable;
  newsletter_deliveries: NewsletterDeliveryTable;
  wordpress_imports: WordPressImportTable;
  redirects: RedirectTable;
  rate_limits: RateLimitTable;
}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** A query runner: the database itself or a transaction. */
export type DbOrTrx = Db | Trx;
