/**
 * The app's brand, in one folder with its colours (brand.css) and icon (icon.svg): change these
 * three to make the app yours. The build writes the name and icon into index.html too.
 */
export const BRAND = {
  /** Shown in the header, the tab's title and the home page. */
  name: 'Tessera',
  /** The home page's line under the welcome. */
  tagline:
    'Tessera signs you in with OpenID Connect and calls protected APIs on your behalf, with tokens validated, renewed once and kept only in this tab.',
} as const
