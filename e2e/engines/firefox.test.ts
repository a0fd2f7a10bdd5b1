import { engineMatrix } from './matrix'

engineMatrix('firefox')
