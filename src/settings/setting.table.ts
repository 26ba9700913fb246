/** The `settings` table: site-wide settings edited by admins, as text key/value pairs. */
export interface SettingTable {
  key: string;
  value: string;
}
