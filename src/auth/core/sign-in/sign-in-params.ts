import { UsageError } from '../../../errors'

/** OIDC Core §3.1.2.1 `prompt` values an app may ask for (`none` is for silent requests only). */
export const PROMPTS = ['login', 'select_account', 'consent', 'create'] as const
export type Prompt = (typeof PROMPTS)[number]

/** What an app may ask of the provider's sign-in page; all optional. */
export interface SignInHints {
  /** `login`: ask for credentials again; `select_account`: let the user pick an account;
   * `consent`: ask for consent again; `create`: open registration (where the provider has it). */
  readonly prompt?: Prompt
  /** The account to preselect or prefill (an e-mail or user name): `login_hint`. */
  readonly loginHint?: string
  /** Entra's `domain_hint`: skip its home realm discovery (e.g. `contoso.com`, `consumers`). */
  readonly domainHint?: string
  /** Preferred languages of the sign-in page, e.g. `['fr-CA', 'fr']`: `ui_locales`. */
  readonly uiLocales?: readonly string[]
  /** Further authorization request parameters the provider documents (e.g. Auth0 `connection`). */
  readonly extraParams?: Readonly<Record<string, string>>
}

/**
 * Parameters Tessera sets itself (OAuth 2.0, PKCE, OIDC, RFC 8707, RFC 9396, RFC 9449, RFC 9470,
 * PAR/JAR): never taken from `extraParams`, so an app cannot weaken the request by mistake.
 */
const RESERVED = new Set([
  'client_id',
  'redirect_uri',
  'response_type',
  'response_mode',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'resource',
  'audience',
  'claims',
  'acr_values',
  'max_age',
  'prompt',
  'login_hint',
  'domain_hint',
  'ui_locales',
  'id_token_hint',
  'request',
  'request_uri',
  'dpop_jkt',
  'authorization_details',
])

/**
 * The authorization request parameters for `hints`, checked. A reserved or malformed parameter
 * is a bug in the app: it throws a UsageError at once, before anything leaves the page.
 */
export function signInParams(hints: SignInHints): Record<string, string> {
  const { prompt, loginHint, domainHint, uiLocales, extraParams = {} } = hints
  if (prompt !== undefined && !(PROMPTS as readonly string[]).includes(prompt)) {
    throw new UsageError(`signIn: prompt must be one of ${PROMPTS.join(', ')}, not "${prompt}".`)
  }
  for (const [name, value] of Object.entries(extraParams)) {
    if (RESERVED.has(name)) {
      throw new UsageError(`signIn: "${name}" is set by Tessera; it cannot be an extra parameter.`)
    }
    if (!/^[a-z][a-z0-9_.-]*$/i.test(name) || typeof value !== 'string') {
      throw new UsageError(
        `signIn: the extra parameter "${name}" must be a name with a string value.`,
      )
    }
  }
  const named: Record<string, string | undefined> = {
    prompt,
    login_hint: loginHint,
    domain_hint: domainHint,
    ui_locales: uiLocales?.join(' '),
  }
  return Object.fromEntries(
    Object.entries({ ...extraParams, ...named }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  )
}
