/**
 * The page-cache key of the ad campaigns: bumped when a campaign changes, so each instance's
 * ad delivery reloads its inventory (see ad-delivery.ts) and the advertise page is rendered
 * again. Where the slots sit is the layout (the site key), bumped by slot changes.
 */
export const ADS_KEY = 'ads';
