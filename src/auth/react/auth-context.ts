import { createContext } from 'react'

import type { AuthClient } from '../core'

export const AuthContext = createContext<AuthClient | null>(null)
