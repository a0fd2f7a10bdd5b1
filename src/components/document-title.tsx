import { BRAND } from '../brand/brand'

/**
 * The tab's title for the current page ("Tasks · Tessera"): what a screen reader announces and
 * what the tab and history show. React 19 hoists `<title>` into `<head>`.
 */
export function DocumentTitle({ page }: { readonly page?: string | undefined }) {
  return <title>{page ? `${page} · ${BRAND.name}` : BRAND.name}</title>
}
